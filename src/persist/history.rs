//! Nothing a trainer does is lost: Undo, Redo and named checkpoints.
//!
//! Undo keeps, for each action, the stored text of the state *before* it
//! (what `Replica` last read or wrote, so recording a step encodes nothing).
//! Undoing puts that state back and keeps the state it replaces as a Redo
//! step; a new action clears Redo. Checkpoints are named copies of a stored
//! state. Both live in localStorage beside the world, so they survive a
//! reload and every tab sees the same history:
//!
//! - `rms-sim/history`: the index (`Index`: the Undo and Redo steps, labels
//!   only), `rms-sim/history/{id}`: one step's state;
//! - `rms-sim/checkpoints`: the checkpoints' names, `rms-sim/checkpoint/{id}`:
//!   one checkpoint's state.
//!
//! Storage is finite: at most `MAX_STEPS` Undo steps are kept, and when a
//! write doesn't fit, the oldest steps make room (a checkpoint is worth more
//! than an old Undo step). A step that still doesn't fit is refused with a
//! message; the action itself has happened and is saved either way.
//!
//! The states put back are whole worlds; `Replica::replace` carries the
//! write IDs of the state they replace, so a tab whose command was undone
//! doesn't replay it onto the restored state (`sync.rs`).

use super::{Backend, StorageError, decode_stored, decoder_ready};
use crate::sim::RandomSource;
use serde::{Deserialize, Serialize};

pub const INDEX_KEY: &str = "rms-sim/history";
pub const CHECKPOINTS_KEY: &str = "rms-sim/checkpoints";
/// How many Undo steps are kept.
pub const MAX_STEPS: usize = 30;
/// The longest checkpoint name.
pub const MAX_NAME: usize = 60;

fn step_key(id: u64) -> String {
    format!("{INDEX_KEY}/{id:016x}")
}

fn checkpoint_key(id: u64) -> String {
    format!("rms-sim/checkpoint/{id:016x}")
}

/// One step of the history: the words of the action, and where its state is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: u64,
    /// The action in plain words ("Create", "Load a scenario", "Reset").
    pub label: String,
}

/// The Undo and Redo steps, oldest first (the last of each is the next one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

/// What the header shows: the action Undo and Redo would reverse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offer {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

impl Index {
    pub fn offer(&self) -> Offer {
        Offer { undo: self.undo.last().map(|s| s.label.clone()), redo: self.redo.last().map(|s| s.label.clone()) }
    }
}

/// A named copy of the world.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub id: u64,
    pub name: String,
    /// The simulated time of the state it holds, as the header shows it.
    pub clock: String,
    /// The scenario it started from.
    pub scenario: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// Nothing to undo or redo.
    Empty(&'static str),
    /// A step's or checkpoint's state is missing or unreadable.
    Lost {
        what: String,
        why: String,
    },
    NoName,
    NameTooLong,
    NameTaken(String),
    NoSuchCheckpoint,
    Storage(StorageError),
    /// The code that reads saved states isn't fetched yet (`persist::decode_stored`).
    NotReady,
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HistoryError::Empty(what) => write!(f, "There is nothing to {what}."),
            HistoryError::Lost { what, why } => write!(
                f,
                "{what} can't be put back: its saved state is missing or damaged ({why}). It was removed from the list; nothing else changed."
            ),
            HistoryError::NoName => write!(f, "Give the checkpoint a name, for example \"before takeover\"."),
            HistoryError::NameTooLong => write!(f, "A checkpoint name has at most {MAX_NAME} characters."),
            HistoryError::NameTaken(n) => {
                write!(f, "A checkpoint named \"{n}\" exists already: choose another name, or delete that one first.")
            }
            HistoryError::NoSuchCheckpoint => {
                write!(f, "That checkpoint is gone (another tab may have deleted it). The list is up to date now.")
            }
            HistoryError::Storage(e) => write!(f, "{e} Delete a checkpoint to make room, then try again."),
            HistoryError::NotReady => write!(f, "{}", super::LoadError::NotLoaded),
        }
    }
}

impl From<StorageError> for HistoryError {
    fn from(e: StorageError) -> Self {
        HistoryError::Storage(e)
    }
}

/// Reads a JSON index; one that is missing or damaged counts as empty (the
/// history is a convenience: a bad value must never stop the simulator).
fn read_json<T: Default + for<'de> Deserialize<'de>>(backend: &dyn Backend, key: &str) -> T {
    backend.read(key).ok().flatten().and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default()
}

fn write_json<T: Serialize>(backend: &dyn Backend, key: &str, value: &T) -> Result<(), StorageError> {
    backend.write(key, &serde_json::to_string(value).expect("history indexes serialize"))
}

/// The Undo and Redo steps as stored now (every tab shares them).
pub fn index(backend: &dyn Backend) -> Index {
    read_json(backend, INDEX_KEY)
}

/// The checkpoints as stored now, oldest first.
pub fn checkpoints(backend: &dyn Backend) -> Vec<Checkpoint> {
    read_json(backend, CHECKPOINTS_KEY)
}

/// Drops the oldest Undo step (or, with none left, the oldest Redo step) to
/// make room. Returns false when there was nothing to drop.
fn drop_oldest(backend: &dyn Backend, index: &mut Index) -> bool {
    let dropped = if !index.undo.is_empty() {
        index.undo.remove(0)
    } else if !index.redo.is_empty() {
        index.redo.remove(0)
    } else {
        return false;
    };
    let _ = backend.remove(&step_key(dropped.id));
    let _ = write_json(backend, INDEX_KEY, index);
    true
}

/// Writes `value` under `key`, dropping the oldest history steps while
/// storage is full.
fn write_making_room(backend: &dyn Backend, index: &mut Index, key: &str, value: &str) -> Result<(), StorageError> {
    loop {
        match backend.write(key, value) {
            Ok(()) => return Ok(()),
            Err(e) => {
                if !drop_oldest(backend, index) {
                    return Err(e);
                }
            }
        }
    }
}

fn clear(backend: &dyn Backend, steps: &mut Vec<Step>) {
    for s in steps.drain(..) {
        let _ = backend.remove(&step_key(s.id));
    }
}

/// Records a new action: `before` is the stored state it started from.
/// Clears Redo. The action has happened either way; an error says only that
/// it can't be undone.
pub fn record(
    backend: &dyn Backend,
    label: &str,
    before: &str,
    rng: &mut dyn RandomSource,
) -> Result<(), HistoryError> {
    let mut index = index(backend);
    clear(backend, &mut index.redo);
    while index.undo.len() >= MAX_STEPS {
        let old = index.undo.remove(0);
        let _ = backend.remove(&step_key(old.id));
    }
    let id = rng.next_u64();
    let written = write_making_room(backend, &mut index, &step_key(id), before);
    if written.is_ok() {
        index.undo.push(Step { id, label: label.to_string() });
    }
    write_json(backend, INDEX_KEY, &index)?;
    written.map_err(HistoryError::from)
}

/// Which way through the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Undo,
    Redo,
}

/// A state to put back, and the step's words.
#[derive(Debug)]
pub struct Restore {
    pub world: crate::sim::World,
    pub label: String,
}

/// Takes the next Undo (or Redo) step: returns the state to put back, and
/// keeps `current` (the stored state it replaces) as the opposite step. The
/// caller puts the world back with `Replica::replace`.
pub fn step(
    backend: &dyn Backend,
    direction: Direction,
    current: &str,
    rng: &mut dyn RandomSource,
) -> Result<Restore, HistoryError> {
    let mut index = index(backend);
    let (from, verb) = match direction {
        Direction::Undo => (&mut index.undo, "undo"),
        Direction::Redo => (&mut index.redo, "redo"),
    };
    let Some(step) = from.pop() else { return Err(HistoryError::Empty(verb)) };
    // A step that can't be read yet is kept, not dropped as damaged.
    if !decoder_ready() {
        return Err(HistoryError::NotReady);
    }
    let state = stored_state(backend, &step_key(step.id));
    let _ = backend.remove(&step_key(step.id));
    let world = match state {
        Ok(w) => w,
        Err(why) => {
            write_json(backend, INDEX_KEY, &index)?;
            return Err(HistoryError::Lost { what: format!("\"{}\"", step.label), why });
        }
    };
    let id = rng.next_u64();
    let kept = write_making_room(backend, &mut index, &step_key(id), current).is_ok();
    if kept {
        let opposite = match direction {
            Direction::Undo => &mut index.redo,
            Direction::Redo => &mut index.undo,
        };
        opposite.push(Step { id, label: step.label.clone() });
    }
    write_json(backend, INDEX_KEY, &index)?;
    Ok(Restore { world, label: step.label })
}

/// Saves `raw` (the current stored state) as a checkpoint named `name`.
pub fn save_checkpoint(
    backend: &dyn Backend,
    name: &str,
    raw: &str,
    clock: &str,
    scenario: &str,
    rng: &mut dyn RandomSource,
) -> Result<Checkpoint, HistoryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(HistoryError::NoName);
    }
    if name.chars().count() > MAX_NAME {
        return Err(HistoryError::NameTooLong);
    }
    let mut list = checkpoints(backend);
    if let Some(c) = list.iter().find(|c| c.name.eq_ignore_ascii_case(name)) {
        return Err(HistoryError::NameTaken(c.name.clone()));
    }
    let id = rng.next_u64();
    let mut index = index(backend);
    write_making_room(backend, &mut index, &checkpoint_key(id), raw)?;
    let c = Checkpoint { id, name: name.to_string(), clock: clock.to_string(), scenario: scenario.to_string() };
    list.push(c.clone());
    if let Err(e) = write_json(backend, CHECKPOINTS_KEY, &list) {
        let _ = backend.remove(&checkpoint_key(id));
        return Err(e.into());
    }
    Ok(c)
}

/// The state of checkpoint `id`. A checkpoint whose state is lost is taken
/// off the list.
pub fn checkpoint_world(backend: &dyn Backend, id: u64) -> Result<(Checkpoint, crate::sim::World), HistoryError> {
    let list = checkpoints(backend);
    let Some(c) = list.iter().find(|c| c.id == id).cloned() else { return Err(HistoryError::NoSuchCheckpoint) };
    if !decoder_ready() {
        return Err(HistoryError::NotReady);
    }
    match stored_state(backend, &checkpoint_key(id)) {
        Ok(w) => Ok((c, w)),
        Err(why) => {
            delete_checkpoint(backend, id)?;
            Err(HistoryError::Lost { what: format!("The checkpoint \"{}\"", c.name), why })
        }
    }
}

/// The world stored under `key` (an Undo step's or a checkpoint's), or why it can't be read.
fn stored_state(backend: &dyn Backend, key: &str) -> Result<crate::sim::World, String> {
    match backend.read(key).ok().flatten() {
        None => Err("not in storage".into()),
        Some(raw) => decode_stored(&raw).map_err(|e| e.to_string()),
    }
}

pub fn delete_checkpoint(backend: &dyn Backend, id: u64) -> Result<(), HistoryError> {
    let mut list = checkpoints(backend);
    let before = list.len();
    list.retain(|c| c.id != id);
    if list.len() == before {
        return Err(HistoryError::NoSuchCheckpoint);
    }
    write_json(backend, CHECKPOINTS_KEY, &list)?;
    let _ = backend.remove(&checkpoint_key(id));
    Ok(())
}

/// The words of an action of kind `kind` (an `AnyCommand::KINDS` name) for
/// the Undo button.
pub fn label_of(kind: &str) -> String {
    crate::sim::events::story::action_words(kind).unwrap_or(kind).to_string()
}

/// Runs `command` through `replica` (`Replica::act`) and records its Undo step.
/// Returns the command's output, whether the world was saved, and whether
/// its Undo step was kept.
pub fn act<C: crate::sim::Command>(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    world: &mut crate::sim::World,
    rng: &mut dyn RandomSource,
    command: C,
) -> (C::Output, Result<(), StorageError>, Result<(), HistoryError>) {
    let kind = command.kind();
    let (out, saved) = replica.act(backend, world, rng, command);
    let kept = after(replica, backend, &label_of(kind), &saved, rng);
    (out, saved, kept)
}

/// Replaces the whole world (`Replica::replace`: a scenario, Reset, an
/// import, a checkpoint, a shared link) and records its Undo step under `label`.
/// `superseded` are the write IDs of the world it replaces (`World::recent_writes`).
pub fn replace(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    superseded: &[u64],
    world: &mut crate::sim::World,
    label: &str,
    rng: &mut dyn RandomSource,
) -> (Result<(), StorageError>, Result<(), HistoryError>) {
    let saved = replica.replace(backend, world, rng, superseded);
    let kept = after(replica, backend, label, &saved, rng);
    (saved, kept)
}

/// The first half of [`act`]: runs `command` (`Replica::act_unsaved`) and
/// returns its output and the words of its Undo step, for [`settle`].
pub fn act_unsaved<C: crate::sim::Command>(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    world: &mut crate::sim::World,
    rng: &mut dyn RandomSource,
    command: C,
) -> (C::Output, String) {
    let label = label_of(command.kind());
    (replica.act_unsaved(backend, world, rng, command), label)
}

/// What [`settle`] did: whether the world was saved, whether its Undo step
/// was kept, and whether the world was replaced by another tab's with it.
pub type Settled = (Result<(), StorageError>, Result<(), HistoryError>, bool);

/// The second half of [`act`]: saves (`Replica::settle`) and records the
/// Undo step named `label`. Returns whether the world was saved, whether its
/// Undo step was kept, and whether `world` was replaced (another tab had
/// saved in between: its change and this one are both in it). `None`: nothing
/// was saved, since another tab's newer state can't be read yet (try again
/// once `persist::decoder_ready`).
pub fn settle(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    world: &mut crate::sim::World,
    label: &str,
    rng: &mut dyn RandomSource,
) -> Option<Settled> {
    let (saved, replaced) = replica.settle(backend, world, rng)?;
    let kept = after(replica, backend, label, &saved, rng);
    Some((saved, kept, replaced))
}

fn after(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    label: &str,
    saved: &Result<(), StorageError>,
    rng: &mut dyn RandomSource,
) -> Result<(), HistoryError> {
    let before = replica.take_before();
    match (saved, before) {
        // Not saved: the stored state is still the one before; nothing to undo to.
        (Err(_), _) | (_, None) => Ok(()),
        (Ok(()), Some(before)) => record(backend, label, &before, rng),
    }
}

/// Undo (or Redo): puts the state of the next step back in place of the
/// newest stored one, for every tab. Returns the step's words.
pub fn undo_or_redo(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    world: &mut crate::sim::World,
    direction: Direction,
    rng: &mut dyn RandomSource,
) -> Result<String, HistoryError> {
    // The newest stored state, which another tab may have written since.
    let current = backend.read(super::KEY)?.or_else(|| replica.last_raw().map(str::to_string));
    let current = current.unwrap_or_else(|| super::encode_stored(world));
    // The write IDs it holds: this tab's world's, unless another tab wrote since.
    let superseded = if replica.last_raw() == Some(current.as_str()) {
        world.recent_writes.clone()
    } else {
        decode_stored(&current).map(|w| w.recent_writes).unwrap_or_else(|_| world.recent_writes.clone())
    };
    let Restore { world: mut restored, label } = step(backend, direction, &current, rng)?;
    replica.replace(backend, &mut restored, rng, &superseded)?;
    replica.take_before();
    *world = restored;
    Ok(label)
}

/// Puts checkpoint `id` back (an action of its own, which Undo reverses).
pub fn restore_checkpoint(
    replica: &mut super::sync::Replica,
    backend: &dyn Backend,
    world: &mut crate::sim::World,
    id: u64,
    rng: &mut dyn RandomSource,
) -> Result<(Checkpoint, Result<(), HistoryError>), HistoryError> {
    let (c, mut restored) = checkpoint_world(backend, id)?;
    let label = format!("Restore \"{}\"", c.name);
    let (saved, kept) = replace(replica, backend, &world.recent_writes, &mut restored, &label, rng);
    saved?;
    *world = restored;
    Ok((c, kept))
}
