//! The shared state the pages read: one signal holding the engine's world,
//! and `act`, the only way to change it. Saving and cross-tab safety are the
//! `persist::sync::Replica`'s job: `act` rebases on the newest stored state
//! (another tab may have written since), applies the command and saves; a
//! `storage` event from another tab refreshes the signal without a reload,
//! replaying this tab's own recent commands if that state lacks them.

use crate::persist::history::{self, Checkpoint, Direction, HistoryError, Offer};
use crate::persist::share::ShareError;
use crate::persist::sync::{Rebased, Replica};
use crate::persist::{self, Backend, LoadError, StorageError};
use crate::platform::{CryptoRandom, LocalStorage, TabDevice, alert, fetch_text};
use crate::sim::personal::{self, PersonalTable};
use crate::sim::{Command, Config, Preset, SHARED_BROWSER, World};
use leptos::prelude::*;

/// What the app had to do when it started.
#[derive(Clone, Debug, PartialEq)]
pub enum Boot {
    /// State loaded (or the default scenario created) and storage works.
    Ready,
    /// Storage can't be used: the app runs in memory only.
    MemoryOnly(StorageError),
    /// Stored data exists but can't be used: nothing is changed until the person chooses.
    Recovery { error: LoadError, raw: String },
}

/// The personal-address table of `sim::personal`, fetched after the first
/// paint. Until it is `Ready`, the pages don't offer the commands that
/// consult it ("Get started", "Create", "Activate", "Apply"/"Send"), so every
/// run and replay of them sees the whole table.
#[derive(Clone, Debug, PartialEq)]
pub enum PersonalList {
    Loading,
    Ready,
    /// Why it couldn't be loaded.
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Sim {
    world: RwSignal<World>,
    pub boot: RwSignal<Boot>,
    /// The last saving problem, shown in the header until the next good save.
    pub save_error: RwSignal<Option<String>>,
    replica: StoredValue<Replica, leptos::prelude::LocalStorage>,
    /// An action shown but not saved yet (its Undo step's words): saved right
    /// after the page paints it (`flush`), or before anything else reads or
    /// writes the stored state.
    unsaved: StoredValue<Option<String>, leptos::prelude::LocalStorage>,
    /// A first visit's default world, not stored yet: stored right after the
    /// first paint (`save_first`), or before anything else reads or writes
    /// the stored state, so that encoding it doesn't hold up that paint.
    first_save: StoredValue<bool, leptos::prelude::LocalStorage>,
    pub personal: RwSignal<PersonalList>,
    /// Counts the changes this tab makes to the world (its commands, a
    /// scenario loaded, an import): a notice about an earlier situation goes
    /// when it moves (`NoticeView`). Another tab's save doesn't count: the
    /// person here didn't act, and their confirmation must not vanish
    /// because someone else moved the clock.
    pub revision: RwSignal<u64>,
    /// The device this tab is ("Act as"): `SHARED_BROWSER` or a person's
    /// address. A view of the world, kept in the tab (`TabDevice`), not in it.
    device: RwSignal<String>,
    /// What "Undo" and "Redo" would reverse (every tab shares the history).
    pub history: RwSignal<Offer>,
    /// Why the last action can't be undone (storage full), if it can't.
    pub undo_problem: RwSignal<Option<String>>,
    /// The checkpoints, oldest first.
    pub checkpoints: RwSignal<Vec<Checkpoint>>,
    /// A world that the page's link carries (`#world=…`), until the person
    /// loads it or keeps their own.
    pub shared: RwSignal<Option<Result<World, ShareError>>>,
}

fn default_world() -> World {
    World::load(Preset::Default, Config::default(), &mut CryptoRandom)
}

impl Sim {
    /// Loads the stored world, or creates the default scenario on first visit.
    pub fn boot() -> Sim {
        let backend = LocalStorage;
        let mut replica = Replica::new(None);
        let mut first_save = false;
        let (world, boot) = match persist::load_with_text(&backend) {
            Ok(Some((w, raw))) => {
                replica = Replica::new(Some(raw));
                (w, Boot::Ready)
            }
            Ok(None) => {
                first_save = true;
                (default_world(), Boot::Ready)
            }
            Err(LoadError::Storage(e)) => (default_world(), Boot::MemoryOnly(e)),
            Err(error) => {
                let raw = backend.read(persist::KEY).ok().flatten().unwrap_or_default();
                (default_world(), Boot::Recovery { error, raw })
            }
        };
        if let Boot::MemoryOnly(e) = &boot {
            alert(&e.to_string());
        }
        Sim {
            world: RwSignal::new(world),
            boot: RwSignal::new(boot),
            save_error: RwSignal::new(None),
            replica: StoredValue::new_local(replica),
            unsaved: StoredValue::new_local(None),
            first_save: StoredValue::new_local(first_save),
            personal: RwSignal::new(if personal::installed().is_some() {
                PersonalList::Ready
            } else {
                PersonalList::Loading
            }),
            revision: RwSignal::new(0),
            device: RwSignal::new(TabDevice::read().unwrap_or_else(|| SHARED_BROWSER.to_string())),
            history: RwSignal::new(history::index(&backend).offer()),
            undo_problem: RwSignal::new(None),
            checkpoints: RwSignal::new(history::checkpoints(&backend)),
            shared: RwSignal::new(crate::platform::fragment().and_then(|f| crate::persist::share::parse(&f))),
        }
    }

    /// Reads the history and checkpoints again (after a change, or another tab's).
    pub fn refresh_history(&self) {
        if self.storage_usable() {
            self.refresh_offer();
            self.checkpoints.set(history::checkpoints(&LocalStorage));
        }
    }

    /// Reads what Undo and Redo would reverse; the header redraws only if it changed.
    fn refresh_offer(&self) {
        let offer = history::index(&LocalStorage).offer();
        if self.history.with_untracked(|h| *h != offer) {
            self.history.set(offer);
        }
    }

    /// After an action: whether its Undo step was kept. An action changes
    /// the Undo steps, never the checkpoints.
    fn kept(&self, kept: Result<(), HistoryError>) {
        let problem = kept.err().map(|e| format!("This action can't be undone: {e}"));
        if self.undo_problem.with_untracked(|p| *p != problem) {
            self.undo_problem.set(problem);
        }
        self.refresh_offer();
    }

    /// "Undo" or "Redo": the world before the last action (after the last
    /// undone one) comes back, for every tab. Returns the action's words.
    pub fn undo_or_redo(&self, direction: Direction) -> Result<String, HistoryError> {
        self.flush();
        if !self.storage_usable() {
            return Err(HistoryError::Storage(StorageError::Unavailable(
                "Undo keeps its steps in the browser's storage".into(),
            )));
        }
        let mut world = self.world.get_untracked();
        let done = self
            .replica
            .try_update_value(|r| history::undo_or_redo(r, &LocalStorage, &mut world, direction, &mut CryptoRandom))
            .expect("the replica lives as long as the app");
        if done.is_ok() {
            self.after_save(Ok(()));
            self.set_world(world);
            self.undo_problem.set(None);
        }
        self.refresh_history();
        done
    }

    /// "Save checkpoint": the world as it is now, under `name`.
    pub fn save_checkpoint(&self, name: &str) -> Result<Checkpoint, HistoryError> {
        self.flush();
        let raw = self.replica.with_value(|r| r.last_raw().map(str::to_string));
        let Some(raw) = raw.filter(|_| self.storage_usable()) else {
            return Err(HistoryError::Storage(StorageError::Unavailable(
                "checkpoints are kept in the browser's storage".into(),
            )));
        };
        let (clock, scenario) = self.with_untracked(|w| {
            let scenario = Preset::from_id(&w.scenario).map(|p| p.name()).unwrap_or("an imported state");
            (w.clock.to_string(), scenario.to_string())
        });
        let saved = history::save_checkpoint(&LocalStorage, name, &raw, &clock, &scenario, &mut CryptoRandom);
        self.refresh_history();
        saved
    }

    /// "Restore": the checkpoint's world comes back (Undo reverses it).
    pub fn restore_checkpoint(&self, id: u64) -> Result<Checkpoint, HistoryError> {
        self.flush();
        let mut world = self.world.get_untracked();
        let restored = self
            .replica
            .try_update_value(|r| history::restore_checkpoint(r, &LocalStorage, &mut world, id, &mut CryptoRandom))
            .expect("the replica lives as long as the app");
        let restored = restored.map(|(c, kept)| {
            self.after_save(Ok(()));
            self.set_world(world);
            self.kept(kept);
            c
        });
        self.refresh_history();
        restored
    }

    pub fn delete_checkpoint(&self, id: u64) -> Result<(), HistoryError> {
        let deleted = history::delete_checkpoint(&LocalStorage, id);
        self.refresh_history();
        deleted
    }

    /// The device this tab is (reactive).
    pub fn device(&self) -> String {
        self.device.get()
    }

    /// The device this tab is, without subscribing.
    pub fn device_untracked(&self) -> String {
        self.device.get_untracked()
    }

    /// "Act as": this tab becomes `device` (kept for the tab's reloads).
    pub fn set_device(&self, device: &str) {
        TabDevice::write(device);
        self.device.set(device.to_string());
    }

    /// Who is signed in on this tab's device (reactive).
    pub fn signed_in(&self) -> Option<crate::sim::Email> {
        let device = self.device();
        self.with(|w| w.signed_in_upn(&device).cloned())
    }

    /// Who is signed in on this tab's device, without subscribing.
    pub fn signed_in_untracked(&self) -> Option<crate::sim::Email> {
        let device = self.device_untracked();
        self.with_untracked(|w| w.signed_in_upn(&device).cloned())
    }

    /// Whether the personal-address table is installed (reactive).
    pub fn personal_ready(&self) -> bool {
        self.personal.with(|p| *p == PersonalList::Ready)
    }

    /// Fetches the personal-address table and installs it, once; a table
    /// that doesn't parse whole (cut short, an error page) is refused.
    pub fn load_personal_list(&self) {
        if personal::installed().is_some() {
            self.personal.set(PersonalList::Ready);
            return;
        }
        let sim = *self;
        leptos::task::spawn_local(async move {
            let table = match fetch_text(personal::TABLE_URL).await {
                Ok(text) => read_in_slices(&text).await.map_err(|e| e.to_string()),
                Err(why) => Err(why),
            };
            match table {
                Ok(t) => {
                    personal::install(t);
                    sim.personal.set(PersonalList::Ready);
                }
                Err(why) => sim.personal.set(PersonalList::Failed(why)),
            }
        });
    }

    /// Reads the world reactively.
    pub fn with<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        self.world.with(f)
    }

    /// Reads the world without subscribing, unless the app is gone (a task
    /// that outlived it).
    pub fn try_with_untracked<R>(&self, f: impl FnOnce(&World) -> R) -> Option<R> {
        self.world.try_with_untracked(f)
    }

    /// Reads the world without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        self.world.with_untracked(f)
    }

    fn storage_usable(&self) -> bool {
        matches!(self.boot.get_untracked(), Boot::Ready)
    }

    /// Applies one command to the newest state, shows it, and saves it right
    /// after the page has painted it (`flush`). The command may
    /// run again later, on a newer state, if another tab's save raced it: it
    /// is plain data (`sim::command`), so it can't reach this page's state.
    pub fn act<C: Command>(&self, command: C) -> C::Output {
        if !self.storage_usable() {
            let result = self
                .world
                .try_update_untracked(|world| command.run(world, &mut CryptoRandom))
                .expect("the world lives as long as the app");
            self.after_save(Ok(()));
            self.changed();
            return result;
        }
        // The state this command starts from must be stored first.
        self.flush();
        // In place, not on a copy: copying a 10,000-user world costs more than
        // most commands. Nothing reads the world until `changed` below.
        let (result, label) = self
            .update_with_replica(|r, world| history::act_unsaved(r, &LocalStorage, world, &mut CryptoRandom, command));
        self.unsaved.set_value(Some(label));
        self.changed();
        // Saving a large world takes longer than a frame: the page shows the
        // result first, and the save follows at once.
        let sim = *self;
        request_animation_frame(move || set_timeout(move || sim.flush(), std::time::Duration::ZERO));
        result
    }

    /// Saves the action shown but not saved yet, if there is one, and records
    /// its Undo step. Called right after the page painted it, before any other
    /// action, Undo, checkpoint or load, when another tab saves, and when the
    /// page is hidden or closed.
    pub fn flush(&self) {
        self.save_first();
        let Some(label) = self.unsaved.try_update_value(Option::take).flatten() else { return };
        let settled =
            self.update_with_replica(|r, world| history::settle(r, &LocalStorage, world, &label, &mut CryptoRandom));
        let Some((saved, kept, replaced)) = settled else {
            // Another tab saved, and the code that reads its state is still
            // on its way (a first visit's first moment): kept in memory,
            // saved onto that state when the code arrives (`decoder_arrived`).
            self.unsaved.set_value(Some(label));
            return;
        };
        self.after_save(saved);
        self.kept(kept);
        if replaced {
            // Another tab saved in between: its change is in the world now.
            self.world.notify();
        }
    }

    /// Stores a first visit's default world, once (see `first_save`); the app
    /// calls it right after the first paint, `flush` before anything else.
    /// If another tab stored a state meanwhile (two first visits at once),
    /// that state is kept and shown instead.
    pub fn save_first(&self) {
        if !self.first_save.try_update_value(std::mem::take).unwrap_or(false) {
            return;
        }
        if let Some(raw) = self.replica.with_value(|r| r.newer_stored(&LocalStorage)) {
            self.refresh_from_storage(Some(raw));
            return;
        }
        let saved = self.update_with_replica(|r, world| {
            let saved = r.replace(&LocalStorage, world, &mut CryptoRandom, &[]);
            r.take_before();
            saved
        });
        if let Err(e) = saved {
            alert(&e.to_string());
            self.boot.set(Boot::MemoryOnly(e));
        }
    }

    /// Runs `f` on the replica and the world in place, without notifying
    /// anything that reads the world (the caller does, once it is done).
    fn update_with_replica<R>(&self, f: impl FnOnce(&mut Replica, &mut World) -> R) -> R {
        let replica = self.replica;
        self.world
            .try_update_untracked(|world| {
                replica.try_update_value(|r| f(r, world)).expect("the replica lives as long as the app")
            })
            .expect("the world lives as long as the app")
    }

    /// The world changed in place: every view of it updates.
    fn changed(&self) {
        self.world.notify();
        self.revision.update(|r| *r += 1);
    }

    fn set_world(&self, world: World) {
        self.world.set(world);
        self.revision.update(|r| *r += 1);
    }

    /// Replaces the whole world (load a preset, reset, import, a shared
    /// link); `label` is the action's words for Undo.
    pub fn replace(&self, mut world: World, label: &str) {
        self.flush();
        if self.storage_usable() {
            // Only the write IDs of the world it replaces, not a copy of that world.
            let superseded = self.world.with_untracked(|w| w.recent_writes.clone());
            let (saved, kept) = self
                .replica
                .try_update_value(|r| {
                    history::replace(r, &LocalStorage, &superseded, &mut world, label, &mut CryptoRandom)
                })
                .expect("the replica lives as long as the app");
            self.after_save(saved);
            self.kept(kept);
        }
        self.set_world(world);
    }

    fn after_save(&self, saved: Result<(), StorageError>) {
        match saved {
            Ok(()) => {
                if self.save_error.get_untracked().is_some() {
                    self.save_error.set(None);
                }
            }
            Err(e) => {
                let msg = e.to_string();
                alert(&msg);
                self.save_error.set(Some(msg));
            }
        }
    }

    /// The code that reads stored states has arrived (a first visit fetches
    /// it after the first paint): what another tab saved meanwhile is read
    /// now, with this tab's actions replayed onto it.
    pub fn decoder_arrived(&self) {
        self.flush();
        // Only if another tab saved meanwhile: its stamp is read, not the state.
        let newer = self.replica.with_value(|r| r.newer_stored(&LocalStorage));
        if newer.is_some() {
            self.refresh_from_storage(newer);
        }
    }

    /// Called for `storage` events: another tab saved a new state.
    pub fn refresh_from_storage(&self, raw: Option<String>) {
        let Some(raw) = raw else { return };
        // Not readable yet: read when the code arrives (`decoder_arrived`).
        if matches!(self.boot.get_untracked(), Boot::MemoryOnly(_)) || !persist::decoder_ready() {
            return;
        }
        // This tab's default world, never stored, is superseded by that state.
        self.first_save.set_value(false);
        // An action of this tab not saved yet: saved onto the other tab's state first.
        if self.unsaved.with_value(Option::is_some) {
            self.flush();
            return;
        }
        let received = self
            .replica
            .try_update_value(|r| r.receive(&LocalStorage, &raw, &mut CryptoRandom))
            .expect("the replica lives as long as the app");
        match received {
            Ok(None) => {}
            Ok(Some(Rebased { world: w, saved })) => {
                if matches!(self.boot.get_untracked(), Boot::Recovery { .. }) {
                    self.boot.set(Boot::Ready);
                }
                self.after_save(saved);
                // Not this tab's change: its notices stay.
                self.world.set(w);
            }
            Err(error) => self.boot.set(Boot::Recovery { error, raw }),
        }
    }

    /// Leaves the recovery screen by starting over with the default scenario.
    pub fn reset_after_recovery(&self) {
        self.boot.set(Boot::Ready);
        self.replace(default_world(), "Start over");
    }

    /// Loads a scenario preset, in the era the trainer chose (the start
    /// page's "Load" and "Reset", a lesson's "Start lesson").
    pub fn load_preset(&self, preset: Preset) {
        self.load_preset_as(preset, &format!("Load “{}”", preset.name()));
    }

    /// `load_preset`, named `label` for Undo ("Reset").
    pub fn load_preset_as(&self, preset: Preset, label: &str) {
        let era = self.with_untracked(|w| w.signups.era);
        let mut w = World::load(preset, Config::default(), &mut CryptoRandom);
        w.signups.era = era;
        self.replace(w, label);
    }
}

pub fn use_sim() -> Sim {
    expect_context::<Sim>()
}

/// Reads the personal-address table a slice of lines at a time, letting the
/// page paint and answer taps between slices (all at once it is one task of
/// about 100 ms on a laptop, several times that on a phone).
async fn read_in_slices(text: &str) -> Result<PersonalTable, personal::TableError> {
    const LINES: usize = 1_500;
    let mut reader = personal::TableReader::new(text)?;
    while !reader.read(LINES)? {
        crate::platform::next_task().await;
    }
    reader.finish()
}
