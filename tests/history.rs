//! Native tests of Undo, Redo, checkpoints and shared links
//! (`rms_sim::persist::{history, share}`), over a `MemoryBackend` as the
//! browser's localStorage.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use rms_sim::persist::history::{self, Direction, HistoryError, MAX_STEPS};
use rms_sim::persist::share::{self, ShareError};
use rms_sim::persist::sync::Replica;
use rms_sim::persist::{self, Backend, KEY, MemoryBackend};
use rms_sim::sim::command::*;
use rms_sim::sim::*;
use support::{email, load};

/// A tab: its replica and world, over a shared backend.
struct Tab {
    replica: Replica,
    world: World,
}

fn open(backend: &MemoryBackend, preset: Preset, seed: u64) -> (Tab, SeededRandom) {
    let (mut w, mut rng) = load(preset, seed);
    let mut replica = Replica::new(None);
    replica.replace(backend, &mut w, &mut rng, &[]).unwrap();
    replica.take_before();
    (Tab { replica, world: w }, rng)
}

impl Tab {
    fn act<C: Command>(&mut self, b: &MemoryBackend, rng: &mut SeededRandom, c: C) -> C::Output {
        let (out, saved, kept) = history::act(&mut self.replica, b, &mut self.world, rng, c);
        saved.unwrap();
        kept.unwrap();
        out
    }
    fn undo(&mut self, b: &MemoryBackend, rng: &mut SeededRandom) -> Result<String, HistoryError> {
        history::undo_or_redo(&mut self.replica, b, &mut self.world, Direction::Undo, rng)
    }
    fn redo(&mut self, b: &MemoryBackend, rng: &mut SeededRandom) -> Result<String, HistoryError> {
        history::undo_or_redo(&mut self.replica, b, &mut self.world, Direction::Redo, rng)
    }
}

/// The world without the bookkeeping of which writes it includes.
fn content(w: &World) -> World {
    let mut w = w.clone();
    w.recent_writes.clear();
    w
}

fn stored(b: &MemoryBackend) -> World {
    persist::decode(&b.read(KEY).unwrap().unwrap()).unwrap()
}

const PAT: &str = "p.dover@fabrikam.com";

#[test]
fn undo_reverses_the_last_action_and_redo_brings_it_back() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::Default, 1);
    let start = content(&tab.world);
    tab.act(&b, &mut rng, StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() }).unwrap();
    let after = content(&tab.world);
    assert_eq!(history::index(&b).offer().undo.as_deref(), Some("Get started on the portal"));
    assert_eq!(tab.undo(&b, &mut rng).unwrap(), "Get started on the portal");
    assert_eq!(content(&tab.world), start, "the world is as before the action");
    assert_eq!(content(&stored(&b)), start, "and so is the stored state, for every tab");
    assert_eq!(
        history::index(&b).offer(),
        history::Offer { undo: None, redo: Some("Get started on the portal".into()) }
    );
    tab.redo(&b, &mut rng).unwrap();
    assert_eq!(content(&tab.world), after);
    assert_eq!(history::index(&b).offer().undo.as_deref(), Some("Get started on the portal"));
    assert!(matches!(tab.redo(&b, &mut rng), Err(HistoryError::Empty("redo"))));
}

#[test]
fn a_new_action_clears_redo_and_its_stored_steps() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::Default, 2);
    tab.act(&b, &mut rng, AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }).unwrap();
    tab.undo(&b, &mut rng).unwrap();
    assert!(history::index(&b).offer().redo.is_some());
    tab.act(&b, &mut rng, AdvanceClock { amount: "1".into(), unit: TimeUnit::Days }).unwrap();
    let index = history::index(&b);
    assert!(index.redo.is_empty());
    let steps = b.data.borrow().keys().filter(|k| k.starts_with("rms-sim/history/")).count();
    assert_eq!(steps, index.undo.len(), "no stored step is left behind");
}

#[test]
fn reset_and_load_are_undone_like_any_action() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::FabrikamSignedUp, 3);
    tab.act(&b, &mut rng, AdvanceClock { amount: "3".into(), unit: TimeUnit::Days }).unwrap();
    let before_reset = content(&tab.world);
    let (mut fresh, _) = load(Preset::Default, 4);
    let superseded = tab.world.recent_writes.clone();
    let (saved, kept) = history::replace(&mut tab.replica, &b, &superseded, &mut fresh, "Reset", &mut rng);
    saved.unwrap();
    kept.unwrap();
    tab.world = fresh;
    assert!(tab.world.user(&email(PAT)).is_none());
    assert_eq!(tab.undo(&b, &mut rng).unwrap(), "Reset");
    assert_eq!(content(&tab.world), before_reset, "the reset is undone: Fabrikam's users and the clock are back");
    assert_eq!(tab.undo(&b, &mut rng).unwrap(), "Advance time");
}

#[test]
fn history_is_shared_by_tabs_and_survives_a_reload() {
    let b = MemoryBackend::default();
    let (mut a, mut rng) = open(&b, Preset::Default, 5);
    a.act(&b, &mut rng, StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() }).unwrap();
    // A second tab (or the same one after a reload) opens on the stored state.
    let raw = b.read(KEY).unwrap().unwrap();
    let mut other = Tab { world: persist::decode(&raw).unwrap(), replica: Replica::new(Some(raw)) };
    assert_eq!(other.undo(&b, &mut rng).unwrap(), "Get started on the portal");
    assert!(other.world.signups.pending.is_empty());
    // The first tab hears of it and does not replay its undone command.
    let raw = b.read(KEY).unwrap().unwrap();
    let news = a.replica.receive(&b, &raw, &mut rng).unwrap().expect("a new state");
    news.saved.unwrap();
    assert!(news.world.signups.pending.is_empty(), "the undone sign-up stays undone");
    assert_eq!(*b.data.borrow().get(KEY).unwrap(), raw, "nothing was written back");
}

#[test]
fn undo_keeps_at_most_max_steps() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::Default, 6);
    for _ in 0..MAX_STEPS + 5 {
        tab.act(&b, &mut rng, AdvanceClock { amount: "1".into(), unit: TimeUnit::Minutes }).unwrap();
    }
    assert_eq!(history::index(&b).undo.len(), MAX_STEPS);
    let steps = b.data.borrow().keys().filter(|k| k.starts_with("rms-sim/history/")).count();
    assert_eq!(steps, MAX_STEPS);
    for _ in 0..MAX_STEPS {
        tab.undo(&b, &mut rng).unwrap();
    }
    assert_eq!(tab.world.clock, time::SCENARIO_START.plus(SimDuration::minutes(5)), "the oldest five are gone");
    assert!(matches!(tab.undo(&b, &mut rng), Err(HistoryError::Empty("undo"))));
}

/// A backend whose storage holds at most `limit` characters in all.
struct Quota {
    inner: MemoryBackend,
    limit: usize,
}

impl Backend for Quota {
    fn read(&self, key: &str) -> Result<Option<String>, persist::StorageError> {
        self.inner.read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), persist::StorageError> {
        let used: usize =
            self.inner.data.borrow().iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum();
        if used + key.len() + value.len() > self.limit {
            return Err(persist::StorageError::WriteFailed("QuotaExceededError".into()));
        }
        self.inner.write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), persist::StorageError> {
        self.inner.remove(key)
    }
}

#[test]
fn a_full_storage_drops_the_oldest_steps_and_never_the_action() {
    let (mut w, mut rng) = load(Preset::Default, 7);
    let size = persist::encode_stored(&w).len();
    let b = Quota { inner: MemoryBackend::default(), limit: size * 4 + size / 2 };
    let mut replica = Replica::new(None);
    replica.replace(&b, &mut w, &mut rng, &[]).unwrap();
    replica.take_before();
    for i in 0..6 {
        let c = AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours };
        let (out, saved, kept) = history::act(&mut replica, &b, &mut w, &mut rng, c);
        out.unwrap();
        saved.unwrap_or_else(|e| panic!("action {i} not saved: {e}"));
        kept.unwrap_or_else(|e| panic!("action {i}: {e}"));
    }
    let index = history::index(&b);
    assert!((2..6).contains(&index.undo.len()), "older steps made room: {}", index.undo.len());
    assert_eq!(persist::decode(&b.read(KEY).unwrap().unwrap()).unwrap().clock, w.clock, "every action saved");
    // A checkpoint takes room from the Undo steps, not the other way round.
    let raw = b.read(KEY).unwrap().unwrap();
    history::save_checkpoint(&b, "before takeover", &raw, "", "Default", &mut rng).unwrap();
    assert!(history::index(&b).undo.len() < index.undo.len());
    // Nothing left to drop: the step is refused with a message; the action is saved.
    let tiny = Quota { inner: MemoryBackend::default(), limit: size + size / 2 };
    let mut replica = Replica::new(None);
    let (mut w, _) = load(Preset::Default, 7);
    replica.replace(&tiny, &mut w, &mut rng, &[]).unwrap();
    let c = AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours };
    let (_, saved, kept) = history::act(&mut replica, &tiny, &mut w, &mut rng, c);
    saved.unwrap();
    let e = kept.unwrap_err();
    assert!(e.to_string().contains("Delete a checkpoint"), "{e}");
}

#[test]
fn checkpoints_are_named_restored_undone_and_deleted() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::FabrikamSignedUp, 8);
    let raw = b.read(KEY).unwrap().unwrap();
    let clock = tab.world.clock.to_string();
    assert!(matches!(history::save_checkpoint(&b, "  ", &raw, &clock, "", &mut rng), Err(HistoryError::NoName)));
    assert!(matches!(
        history::save_checkpoint(&b, &"x".repeat(61), &raw, &clock, "", &mut rng),
        Err(HistoryError::NameTooLong)
    ));
    let c = history::save_checkpoint(&b, " before takeover ", &raw, &clock, "Fabrikam", &mut rng).unwrap();
    assert_eq!(c.name, "before takeover");
    assert!(matches!(
        history::save_checkpoint(&b, "Before Takeover", &raw, &clock, "", &mut rng),
        Err(HistoryError::NameTaken(n)) if n == "before takeover"
    ));
    let saved = content(&tab.world);
    tab.act(&b, &mut rng, AdvanceClock { amount: "2".into(), unit: TimeUnit::Days }).unwrap();
    let moved = content(&tab.world);
    let (restored, kept) = history::restore_checkpoint(&mut tab.replica, &b, &mut tab.world, c.id, &mut rng).unwrap();
    kept.unwrap();
    assert_eq!(restored.name, "before takeover");
    assert_eq!(content(&tab.world), saved);
    assert_eq!(tab.undo(&b, &mut rng).unwrap(), "Restore \"before takeover\"");
    assert_eq!(content(&tab.world), moved, "restoring is undone like any action");
    // Checkpoints survive a reload: they are in storage, listed oldest first.
    assert_eq!(history::checkpoints(&b), vec![restored]);
    history::delete_checkpoint(&b, c.id).unwrap();
    assert!(history::checkpoints(&b).is_empty());
    assert!(!b.data.borrow().keys().any(|k| k.starts_with("rms-sim/checkpoint/")));
    assert!(matches!(history::delete_checkpoint(&b, c.id), Err(HistoryError::NoSuchCheckpoint)));
}

#[test]
fn a_lost_or_damaged_step_is_reported_and_taken_off() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::Default, 9);
    tab.act(&b, &mut rng, AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }).unwrap();
    let key = b.data.borrow().keys().find(|k| k.starts_with("rms-sim/history/")).cloned().unwrap();
    b.write(&key, "not a state").unwrap();
    let world = content(&tab.world);
    let e = tab.undo(&b, &mut rng).unwrap_err();
    assert!(matches!(e, HistoryError::Lost { .. }), "{e:?}");
    assert!(e.to_string().contains("nothing else changed"));
    assert_eq!(content(&tab.world), world);
    assert!(history::index(&b).undo.is_empty());
    // A damaged index is an empty history, not a crash.
    b.write(history::INDEX_KEY, "{oops").unwrap();
    assert_eq!(history::index(&b), history::Index::default());
    b.write(history::CHECKPOINTS_KEY, "[1,2").unwrap();
    assert!(history::checkpoints(&b).is_empty());
}

#[test]
fn a_shared_link_carries_the_whole_world() {
    let (mut w, mut rng) = load(Preset::ProtectedFileReceived, 10);
    w.start_signup(SHARED_BROWSER, PAT, &mut rng).unwrap();
    let fragment = share::fragment(&w);
    assert!(fragment.starts_with(&format!("world={}.", persist::SCHEMA_VERSION)));
    assert!(fragment.chars().all(|c| c.is_ascii_alphanumeric() || "=.-_".contains(c)), "URL-safe as it is");
    let back = share::parse(&fragment).expect("a shared world").unwrap();
    assert_eq!(back, w);
    assert!(share::parse("top").is_none(), "an ordinary anchor is not a shared world");
}

#[test]
fn a_damaged_or_foreign_link_is_told_apart() {
    let (w, _) = load(Preset::Default, 11);
    let fragment = share::fragment(&w);
    let cut = &fragment[..fragment.len() / 2];
    assert!(matches!(share::parse(cut), Some(Err(ShareError::Damaged(_)))));
    let mut changed = fragment.clone().into_bytes();
    let i = changed.len() - 10;
    changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
    assert!(matches!(share::parse(std::str::from_utf8(&changed).unwrap()), Some(Err(ShareError::Damaged(_)))));
    assert!(matches!(share::parse("world=hello"), Some(Err(ShareError::Foreign))));
    assert!(matches!(share::parse("world=abc.def"), Some(Err(ShareError::Foreign))));
    let newer = fragment.replacen(&format!("={}.", persist::SCHEMA_VERSION), "=99.", 1);
    assert_eq!(share::parse(&newer), Some(Err(ShareError::Newer(99))));
    assert!(share::ShareError::Newer(99).to_string().contains("Nothing was changed"));
}

#[test]
fn a_fresh_scenarios_link_fits_in_a_qr_code_and_a_bigger_one_is_told() {
    // The default scenario and Fabrikam's sign-ups fit in one QR code; the
    // protected file's ciphertext doesn't compress, so that link is too big.
    for (preset, fits) in
        [(Preset::Default, true), (Preset::FabrikamSignedUp, true), (Preset::ProtectedFileReceived, false)]
    {
        let (w, _) = load(preset, 12);
        let link = format!("http://127.0.0.1:8080/#{}", share::fragment(&w));
        match share::qr(&link) {
            Ok(qr) => {
                assert!(fits, "{preset:?}");
                assert_eq!(qr.dark.len(), qr.width * qr.width);
                assert!(qr.path().starts_with("M4 4h1v1h-1z"), "the finder pattern's corner is dark");
            }
            Err(n) => assert!(!fits && n == link.len() && n > share::QR_MAX_BYTES, "{preset:?}: {n} bytes"),
        }
    }
    assert_eq!(share::qr(&"x".repeat(share::QR_MAX_BYTES + 1)), Err(share::QR_MAX_BYTES + 1));
}

#[test]
fn an_action_saved_after_the_frame_is_stored_and_undone_as_one_saved_at_once() {
    let b = MemoryBackend::default();
    let (mut tab, mut rng) = open(&b, Preset::Default, 41);
    let before = stored(&b);
    let (out, label) = history::act_unsaved(
        &mut tab.replica,
        &b,
        &mut tab.world,
        &mut rng,
        StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() },
    );
    out.unwrap();
    assert_eq!(label, "Get started on the portal");
    assert_eq!(content(&stored(&b)), content(&before), "nothing is saved before `settle`");
    let (saved, kept, replaced) = history::settle(&mut tab.replica, &b, &mut tab.world, &label, &mut rng)
        .expect("the decoder is always there natively");
    saved.unwrap();
    kept.unwrap();
    assert!(!replaced);
    assert_eq!(stored(&b), tab.world);
    assert_eq!(tab.undo(&b, &mut rng).unwrap(), "Get started on the portal");
    assert_eq!(content(&tab.world), content(&before));
}

#[test]
fn another_tabs_save_before_the_frame_is_kept_and_the_action_too() {
    let b = MemoryBackend::default();
    let (mut a, mut rng) = open(&b, Preset::Default, 42);
    let raw = b.read(KEY).unwrap().unwrap();
    let mut other = Tab { world: persist::decode(&raw).unwrap(), replica: Replica::new(Some(raw)) };
    let (out, label) = history::act_unsaved(
        &mut a.replica,
        &b,
        &mut a.world,
        &mut rng,
        StartSignup { device: SHARED_BROWSER.into(), input: PAT.into() },
    );
    out.unwrap();
    // The other tab saves while this one has not yet.
    other.act(&b, &mut rng, AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }).unwrap();
    let clock = other.world.clock;
    let (saved, kept, replaced) = history::settle(&mut a.replica, &b, &mut a.world, &label, &mut rng)
        .expect("the decoder is always there natively");
    saved.unwrap();
    kept.unwrap();
    assert!(replaced, "the other tab's state, with this tab's command replayed onto it");
    assert_eq!(a.world.clock, clock, "the other tab's change is kept");
    assert!(a.world.signups.pending.contains_key(&email(PAT)), "and this tab's");
    assert_eq!(stored(&b), a.world);
    // No Undo step for the raced action: Undo takes back the other tab's.
    assert_eq!(history::index(&b).offer().undo.as_deref(), Some("Advance time"));
}
