//! Several tabs, one stored state, nothing lost.
//!
//! Every tab of the simulator shares one localStorage key, but each tab's view
//! of it can lag a few milliseconds behind another tab's write. If tab A and
//! tab B act at the same moment, each could save a state that lacks the
//! other's change. `Replica` prevents that loss:
//!
//! - every save carries the IDs of the last writes that state includes
//!   (`World::recent_writes`);
//! - a tab remembers its own recent commands until it sees a stored state that
//!   includes them;
//! - before acting, and whenever another tab's state arrives, a tab rebases:
//!   it takes the newest stored state and replays on it those of its own
//!   commands the state lacks, then saves the result.
//!
//! Commands are the engine's plain-data commands (`sim::command`), so a
//! replay applies the engine's rules to the newer state: a sign-up replayed
//! after a colleague's joins the tenant the colleague's created. A replay
//! draws the same random bytes as the first run (each command keeps its
//! `Tape`), so what the person was shown — a protected file's content ID and
//! keys, a link's token — is what the newer state holds too. The logic is
//! pure and tested natively with simulated tabs.

use super::{Backend, LoadError, StorageError, decode_stored, save};
use crate::sim::command::{Recording, Tape, run_recorded};
use crate::sim::{Command, RandomSource, World};

/// How many write IDs a stored state remembers.
pub const RECENT_WRITES: usize = 64;
/// How many of its own commands a tab keeps for replay.
const MAX_UNCONFIRMED: usize = 32;

/// A command of this tab not yet seen in another tab's state.
struct Unconfirmed {
    id: u64,
    /// Kept as a trait object made where the command was (`Replay`), so a
    /// page's commands stay in that page's part of the build: naming every
    /// command here (`AnyCommand`) would put the whole engine in the first load.
    command: Box<dyn Replay>,
    /// What it drew from its random source, to draw the same on a replay.
    tape: Tape,
}

/// A command run again on a newer state; its output is dropped.
trait Replay {
    fn replay(&self, world: &mut World, rng: &mut dyn RandomSource);
}

impl<C: Command> Replay for C {
    fn replay(&self, world: &mut World, rng: &mut dyn RandomSource) {
        let _ = self.run(world, rng);
    }
}

/// Another tab's state, with this tab's commands replayed on it if it lacked
/// them, and whether saving that rebased state worked.
pub struct Rebased {
    pub world: World,
    pub saved: Result<(), StorageError>,
}

/// A tab's side of the shared state.
#[derive(Default)]
pub struct Replica {
    /// The stored text this tab last read or wrote.
    last_raw: Option<String>,
    /// Its stamp (`persist::stamp`): while `STAMP_KEY` holds it, nothing newer
    /// was saved, and the stored text need not be read.
    last_stamp: Option<String>,
    /// This tab's commands that no stored state from another tab has shown to include yet.
    unconfirmed: Vec<Unconfirmed>,
    /// The stored text of the state the last `act` or `replace` started
    /// from (its Undo step), until `take_before`.
    before: Option<String>,
}

impl Replica {
    pub fn new(last_raw: Option<String>) -> Self {
        let last_stamp = last_raw.as_deref().map(super::stamp);
        Replica { last_raw, last_stamp, unconfirmed: vec![], before: None }
    }

    /// What is stored, if another tab saved it since this tab last read or
    /// wrote: the stamp is read first, the whole text only if it moved.
    pub fn newer_stored(&self, backend: &dyn Backend) -> Option<String> {
        if let Some(mine) = &self.last_stamp
            && backend.read(super::STAMP_KEY).ok().flatten().as_deref() == Some(mine.as_str())
        {
            return None;
        }
        backend.read(super::KEY).ok().flatten().filter(|raw| self.last_raw.as_deref() != Some(raw.as_str()))
    }

    fn remember(&mut self, raw: String) {
        self.last_stamp = Some(super::stamp(&raw));
        self.last_raw = Some(raw);
    }

    /// Runs `command` on the newest state and saves. Returns the command's
    /// result and whether the save worked (the world changes either way).
    pub fn act<C: Command>(
        &mut self,
        backend: &dyn Backend,
        world: &mut World,
        rng: &mut dyn RandomSource,
        command: C,
    ) -> (C::Output, Result<(), StorageError>) {
        let result = self.act_unsaved(backend, world, rng, command);
        (result, self.save(backend, world))
    }

    /// [`Replica::act`] without its save, for a page that shows the result
    /// first and saves right after ([`Replica::settle`]): encoding a large
    /// world takes longer than a frame. Until then the world is only in
    /// memory, and `before` holds the state the command started from.
    pub fn act_unsaved<C: Command>(
        &mut self,
        backend: &dyn Backend,
        world: &mut World,
        rng: &mut dyn RandomSource,
        command: C,
    ) -> C::Output {
        let mut rebased = false;
        if let Some(raw) = self.newer_stored(backend)
            && let Ok(stored) = decode_stored(&raw)
        {
            self.remember(raw);
            let (newest, replayed) = self.rebase(stored, rng);
            *world = newest;
            rebased = replayed;
        }
        // The state this command starts from: what is stored, unless this
        // tab's commands were just replayed onto it (rare: then encode it).
        self.before = if rebased { Some(super::encode_stored(world)) } else { self.last_raw.clone() };
        let (result, tape) = run_recorded(&command, world, rng);
        let id = self.stamp(world, rng);
        self.unconfirmed.push(Unconfirmed { id, command: Box::new(command), tape });
        if self.unconfirmed.len() > MAX_UNCONFIRMED {
            self.unconfirmed.remove(0);
        }
        result
    }

    /// Saves what [`Replica::act_unsaved`] left in memory. If another tab
    /// saved in between, this tab's commands are replayed onto what it stored
    /// (`world` becomes that, and `true` says so), nothing of either is lost,
    /// and the command gets no Undo step: the state it started from is no
    /// longer the one before it.
    ///
    /// `None` if another tab saved and its state can't be read yet
    /// ([`LoadError::NotLoaded`]): nothing is saved, so nothing of the other
    /// tab's is overwritten; this tab's commands stay in memory, to be
    /// replayed onto that state by the next `settle`.
    pub fn settle(
        &mut self,
        backend: &dyn Backend,
        world: &mut World,
        rng: &mut dyn RandomSource,
    ) -> Option<(Result<(), StorageError>, bool)> {
        if let Some(raw) = self.newer_stored(backend) {
            match decode_stored(&raw) {
                Ok(stored) => {
                    self.remember(raw);
                    let (newest, _) = self.rebase(stored, rng);
                    *world = newest;
                    self.before = None;
                    return Some((self.save(backend, world), true));
                }
                Err(LoadError::NotLoaded) => return None,
                // Damaged: this tab's state replaces it, as before.
                Err(_) => {}
            }
        }
        Some((self.save(backend, world), false))
    }

    /// Another tab saved `raw`. Returns the world to show, or `None` if there
    /// is nothing new, and the result of saving a rebased state, if one was made.
    pub fn receive(
        &mut self,
        backend: &dyn Backend,
        raw: &str,
        rng: &mut dyn RandomSource,
    ) -> Result<Option<Rebased>, LoadError> {
        // The newest stored value may already be newer than the event's.
        let newest = backend.read(super::KEY).ok().flatten();
        let raw = newest.as_deref().unwrap_or(raw);
        if self.last_raw.as_deref() == Some(raw) {
            return Ok(None);
        }
        let stored = decode_stored(raw)?;
        self.remember(raw.to_string());
        let (world, replayed) = self.rebase(stored, rng);
        // Save only if our commands had to be replayed onto it.
        let saved = if replayed { self.save(backend, &world) } else { Ok(()) };
        Ok(Some(Rebased { world, saved }))
    }

    /// Replaces the whole state (a preset, a reset, an import, Undo):
    /// earlier commands are not replayed over it. `superseded` are the write
    /// IDs of the state it replaces: the new state carries them, so that no
    /// tab replays a command the replaced state held (after an Undo, the
    /// undone command stays undone in the tab that made it).
    pub fn replace(
        &mut self,
        backend: &dyn Backend,
        world: &mut World,
        rng: &mut dyn RandomSource,
        superseded: &[u64],
    ) -> Result<(), StorageError> {
        self.unconfirmed.clear();
        self.before = self.last_raw.clone();
        // The superseded IDs last, so that the cap drops the new state's own first.
        let mut ids = std::mem::take(&mut world.recent_writes);
        ids.retain(|id| !superseded.contains(id));
        ids.extend_from_slice(superseded);
        world.recent_writes = ids;
        self.stamp(world, rng);
        self.save(backend, world)
    }

    /// The stored text of the state the last `act` or `replace` started
    /// from, once (`None` before anything was stored).
    pub fn take_before(&mut self) -> Option<String> {
        self.before.take()
    }

    /// `stored` plus this tab's commands it lacks, replayed in order, and
    /// whether any had to be replayed.
    fn rebase(&mut self, mut stored: World, rng: &mut dyn RandomSource) -> (World, bool) {
        let pending = std::mem::take(&mut self.unconfirmed);
        let mut replayed = false;
        for mut p in pending {
            if stored.recent_writes.contains(&p.id) {
                continue; // confirmed: another tab's state includes it
            }
            p.command.replay(&mut stored, &mut Recording::new(&mut p.tape, rng));
            // The replay keeps the command's ID, so the other tab sees it as
            // included and neither replays it again (no ping-pong).
            Self::record(&mut stored, p.id);
            self.unconfirmed.push(p);
            replayed = true;
        }
        (stored, replayed)
    }

    fn stamp(&self, world: &mut World, rng: &mut dyn RandomSource) -> u64 {
        let id = rng.next_u64();
        Self::record(world, id);
        id
    }

    fn record(world: &mut World, id: u64) {
        world.recent_writes.push(id);
        if world.recent_writes.len() > RECENT_WRITES {
            let extra = world.recent_writes.len() - RECENT_WRITES;
            world.recent_writes.drain(..extra);
        }
    }

    fn save(&mut self, backend: &dyn Backend, world: &World) -> Result<(), StorageError> {
        let raw = save(backend, world)?;
        self.remember(raw);
        Ok(())
    }

    /// The stored text this tab last read or wrote.
    pub fn last_raw(&self) -> Option<&str> {
        self.last_raw.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::decode;
    use crate::sim::command::{AdvanceClock, CompleteSignup, SignOut, StartSignup};
    use crate::sim::{AccountDetails, Config, Email, Preset, SHARED_BROWSER, SeededRandom, TimeUnit};
    use std::cell::RefCell;

    /// One browser's storage as Chromium keeps it: the truth, and each tab's
    /// cached view that catches up only when a `storage` event is delivered.
    /// Keys as stored (the state and its stamp).
    type Area = std::collections::BTreeMap<String, String>;

    struct Browser {
        truth: RefCell<Area>,
        /// How many times a tab read the whole stored state.
        state_reads: std::cell::Cell<usize>,
    }

    impl Browser {
        /// The stored state, as the browser holds it.
        fn state(&self) -> Option<String> {
            self.truth.borrow().get(crate::persist::KEY).cloned()
        }
    }

    struct Tab<'b> {
        browser: &'b Browser,
        view: RefCell<Area>,
        fail: RefCell<bool>,
    }

    impl Tab<'_> {
        /// This tab's view catches up with everything stored.
        fn catch_up(&self) {
            *self.view.borrow_mut() = self.browser.truth.borrow().clone();
        }
        /// This tab's view shows `raw` as the stored state, with its stamp.
        fn see(&self, raw: &str) {
            let mut view = self.view.borrow_mut();
            view.insert(crate::persist::STAMP_KEY.into(), crate::persist::stamp(raw));
            view.insert(crate::persist::KEY.into(), raw.into());
        }
    }

    impl Backend for Tab<'_> {
        fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
            if key == crate::persist::KEY {
                self.browser.state_reads.set(self.browser.state_reads.get() + 1);
            }
            Ok(self.view.borrow().get(key).cloned())
        }
        fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
            if *self.fail.borrow() {
                return Err(StorageError::WriteFailed("QuotaExceededError".into()));
            }
            self.browser.truth.borrow_mut().insert(key.into(), value.into());
            self.view.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.browser.truth.borrow_mut().remove(key);
            self.view.borrow_mut().remove(key);
            Ok(())
        }
    }

    struct Session<'b> {
        tab: Tab<'b>,
        replica: Replica,
        world: World,
    }

    impl<'b> Session<'b> {
        fn open(browser: &'b Browser) -> Self {
            let raw = browser.state().expect("a saved state");
            let world = decode(&raw).unwrap();
            Session {
                tab: Tab { browser, view: RefCell::new(browser.truth.borrow().clone()), fail: RefCell::new(false) },
                replica: Replica::new(Some(raw)),
                world,
            }
        }
        fn act<C: Command>(&mut self, rng: &mut dyn RandomSource, c: C) -> C::Output {
            self.replica.act(&self.tab, &mut self.world, rng, c).0
        }
        /// A whole sign-up, as the person makes it: "Get started", then
        /// "Create" with the link's token from the inbox.
        fn sign_up(&mut self, rng: &mut dyn RandomSource, email: &str) {
            self.act(rng, StartSignup { device: SHARED_BROWSER.into(), input: email.into() }).unwrap();
            let token = self.world.signups.pending[&Email::parse(email).unwrap()].clone();
            let details = AccountDetails {
                first_name: "A".into(),
                last_name: "B".into(),
                password: "Abcdef-123".into(),
                confirm_password: "Abcdef-123".into(),
                country: "US".into(),
            };
            self.act(rng, CompleteSignup { token, details }).unwrap();
        }
        /// The `storage` event: this tab's view catches up with the truth.
        fn deliver(&mut self, rng: &mut dyn RandomSource) {
            let raw = self.tab.browser.state().unwrap();
            self.tab.catch_up();
            if let Some(r) = self.replica.receive(&self.tab, &raw, rng).unwrap() {
                r.saved.unwrap();
                self.world = r.world;
            }
        }
    }

    fn browser() -> Browser {
        let w = World::load(
            Preset::Default,
            Config { pbkdf2_iterations: 1, ..Config::default() },
            &mut SeededRandom::new(1),
        );
        let raw = crate::persist::encode_stored(&w);
        let truth = Area::from([
            (crate::persist::STAMP_KEY.to_string(), crate::persist::stamp(&raw)),
            (crate::persist::KEY.to_string(), raw),
        ]);
        Browser { truth: RefCell::new(truth), state_reads: Default::default() }
    }

    #[test]
    fn acting_when_no_other_tab_saved_reads_only_the_stamp() {
        let b = browser();
        let mut a = Session::open(&b);
        let mut r = SeededRandom::new(7);
        let reads = b.state_reads.get();
        for _ in 0..5 {
            a.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Minutes }).unwrap();
        }
        assert_eq!(b.state_reads.get(), reads, "five actions, no read of the whole stored state");
        let stored = b.state().unwrap();
        assert_eq!(
            b.truth.borrow()[crate::persist::STAMP_KEY],
            crate::persist::stamp(&stored),
            "the stamp is the stored text's"
        );
        assert_eq!(decode(&stored).unwrap(), a.world);
    }

    #[test]
    fn another_tabs_save_moves_the_stamp_and_is_read() {
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let (mut ra, mut rb) = (SeededRandom::new(4), SeededRandom::new(5));
        a.sign_up(&mut ra, "p.dover@fabrikam.com");
        bb.tab.catch_up();
        let reads = b.state_reads.get();
        bb.act(&mut rb, AdvanceClock { amount: "5".into(), unit: TimeUnit::Minutes }).unwrap();
        assert!(b.state_reads.get() > reads, "B read what A stored");
        assert!(has(&bb.world, "p.dover@fabrikam.com"), "and acted on it");
    }

    #[test]
    fn a_state_stored_without_a_stamp_is_still_noticed() {
        // A state written by a build before stamps, or a stamp that could not be written.
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let (mut ra, mut rb) = (SeededRandom::new(4), SeededRandom::new(5));
        a.sign_up(&mut ra, "p.dover@fabrikam.com");
        b.truth.borrow_mut().remove(crate::persist::STAMP_KEY);
        bb.tab.catch_up();
        bb.act(&mut rb, AdvanceClock { amount: "5".into(), unit: TimeUnit::Minutes }).unwrap();
        assert!(has(&bb.world, "p.dover@fabrikam.com"));
    }

    #[test]
    fn stamps_tell_texts_apart() {
        let s = crate::persist::stamp;
        assert_ne!(s("{\"a\":1}"), s("{\"a\":2}"));
        assert_ne!(s("ab"), s("ba"));
        assert_eq!(s("same"), s("same"));
        assert!(s("").starts_with("0:"));
    }

    fn has(w: &World, email: &str) -> bool {
        w.user(&Email::parse(email).unwrap()).is_some()
    }

    #[test]
    fn two_tabs_acting_at_once_lose_nothing() {
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let (mut ra, mut rb) = (SeededRandom::new(2), SeededRandom::new(3));
        // Both act before either sees the other's write.
        a.sign_up(&mut ra, "p.dover@fabrikam.com");
        bb.sign_up(&mut rb, "r.ortiz@fabrikam.com");
        // The truth now holds B's state only; A hears of it and rebases.
        a.deliver(&mut ra);
        bb.deliver(&mut rb);
        for w in [&a.world, &bb.world, &decode(&b.state().unwrap()).unwrap()] {
            assert!(has(w, "p.dover@fabrikam.com") && has(w, "r.ortiz@fabrikam.com"));
            let t = w.tenant_of_domain("fabrikam.com").unwrap();
            assert_eq!(t.users.len(), 2, "one tenant for the domain, both users in it");
        }
        assert_eq!(a.world, bb.world);
    }

    /// Delivers storage events back and forth until nobody writes any more.
    fn settle(a: &mut Session, b: &mut Session, r: &mut dyn RandomSource) -> usize {
        for round in 0..20 {
            let before = a.tab.browser.state();
            a.deliver(r);
            b.deliver(r);
            if a.tab.browser.state() == before {
                return round;
            }
        }
        panic!("the tabs keep rewriting the state: a ping-pong");
    }

    #[test]
    fn racing_commands_are_applied_once_and_the_tabs_settle() {
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let mut r = SeededRandom::new(9);
        // Both advance the clock before either sees the other's write.
        a.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }).unwrap();
        let raw_a = a.replica.last_raw().unwrap().to_string();
        bb.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Days }).unwrap();
        let raw_b = bb.replica.last_raw().unwrap().to_string();
        // The events cross: each tab hears of the other's racing write and
        // rebases on it, both before hearing of the other's rebase.
        a.tab.see(&raw_b);
        a.world = a.replica.receive(&a.tab, &raw_b, &mut r).unwrap().expect("news").world;
        bb.tab.see(&raw_a);
        bb.world = bb.replica.receive(&bb.tab, &raw_a, &mut r).unwrap().expect("news").world;
        let rounds = settle(&mut a, &mut bb, &mut r);
        assert!(rounds <= 2, "settled after {rounds} rounds");
        let expected = crate::sim::time::SCENARIO_START.plus(crate::sim::SimDuration::hours(25));
        let truth = decode(&b.state().unwrap()).unwrap();
        assert_eq!(truth.clock, expected, "each advance applied exactly once");
        assert_eq!(a.world.clock, expected);
        // A tab may show a sibling of the stored state (same changes, other order) until its next action.
        bb.act(&mut r, SignOut { device: SHARED_BROWSER.into() });
        a.deliver(&mut r);
        assert_eq!(a.world, bb.world);
        assert_eq!(bb.world.clock, expected);
    }

    #[test]
    fn acting_on_a_stale_view_rebases_first() {
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let (mut ra, mut rb) = (SeededRandom::new(4), SeededRandom::new(5));
        a.sign_up(&mut ra, "p.dover@fabrikam.com");
        // B's view catches up (without the event handler running yet), then B acts.
        bb.tab.catch_up();
        bb.act(&mut rb, AdvanceClock { amount: "5".into(), unit: TimeUnit::Minutes }).unwrap();
        assert!(has(&bb.world, "p.dover@fabrikam.com"));
        a.deliver(&mut ra);
        assert_eq!(a.world, bb.world);
        assert_eq!(a.world.clock, crate::sim::time::SCENARIO_START.plus(crate::sim::SimDuration::minutes(5)));
    }

    #[test]
    fn many_interleavings_converge_with_every_change() {
        for seed in 0..30u64 {
            let b = browser();
            let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
            let mut r = SeededRandom::new(seed);
            let names = [
                "a1@fabrikam.com",
                "b1@fabrikam.com",
                "a2@northwind.com",
                "b2@fabrikam.com",
                "a3@northwind.com",
                "b3@tailspin.com",
            ];
            for (i, email) in names.iter().enumerate() {
                let tab = if i % 2 == 0 { &mut a } else { &mut bb };
                tab.sign_up(&mut r, email);
                if r.below(3) == 0 {
                    a.deliver(&mut r);
                }
                if r.below(3) == 0 {
                    bb.deliver(&mut r);
                }
            }
            a.deliver(&mut r);
            bb.deliver(&mut r);
            a.deliver(&mut r);
            assert_eq!(a.world, bb.world, "seed {seed}");
            for e in names {
                assert!(has(&a.world, e), "seed {seed}: {e} lost");
            }
            assert_eq!(a.world.tenant_of_domain("fabrikam.com").unwrap().users.len(), 3);
        }
    }

    #[test]
    fn replace_wins_and_own_echo_is_ignored() {
        let b = browser();
        let mut a = Session::open(&b);
        let mut r = SeededRandom::new(6);
        a.sign_up(&mut r, "p.dover@fabrikam.com");
        let own = a.replica.last_raw().unwrap().to_string();
        assert!(a.replica.receive(&a.tab, &own, &mut r).unwrap().is_none(), "a tab's own write is nothing new");
        let mut fresh = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut r);
        a.replica.replace(&a.tab, &mut fresh, &mut r, &[]).unwrap();
        a.world = fresh;
        let mut other = Session::open(&b);
        other.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Days }).unwrap();
        a.deliver(&mut r);
        assert!(!has(&a.world, "p.dover@fabrikam.com"), "a replaced state does not bring back older commands");
    }

    #[test]
    fn a_loaded_state_does_not_bring_back_another_tabs_commands() {
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let mut r = SeededRandom::new(31);
        // B signs someone up; A sees it (B's command stays unconfirmed in B).
        bb.sign_up(&mut r, "r.ortiz@fabrikam.com");
        a.deliver(&mut r);
        assert!(has(&a.world, "r.ortiz@fabrikam.com"));
        // A loads a fresh scenario: it supersedes everything A's state held.
        let mut fresh = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut r);
        let superseded = a.world.recent_writes.clone();
        a.replica.replace(&a.tab, &mut fresh, &mut r, &superseded).unwrap();
        a.world = fresh;
        bb.deliver(&mut r);
        assert!(!has(&bb.world, "r.ortiz@fabrikam.com"), "B does not replay its sign-up onto the loaded scenario");
        assert_eq!(b.state(), a.replica.last_raw().map(str::to_string), "B wrote nothing back");
    }

    #[test]
    fn a_command_undone_in_another_tab_stays_undone() {
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let mut r = SeededRandom::new(32);
        let before = b.state().unwrap();
        a.sign_up(&mut r, "p.dover@fabrikam.com");
        bb.deliver(&mut r);
        // B undoes A's sign-up (both its commands): the state before it comes back.
        let mut restored = decode(&before).unwrap();
        let superseded = bb.world.recent_writes.clone();
        bb.replica.replace(&bb.tab, &mut restored, &mut r, &superseded).unwrap();
        bb.world = restored;
        a.deliver(&mut r);
        assert!(!has(&a.world, "p.dover@fabrikam.com"), "A does not replay the undone sign-up");
        let truth = decode(&b.state().unwrap()).unwrap();
        assert!(!has(&truth, "p.dover@fabrikam.com"));
        // A's next command is applied to the restored state.
        a.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }).unwrap();
        bb.deliver(&mut r);
        assert_eq!(a.world, bb.world);
        assert!(!has(&bb.world, "p.dover@fabrikam.com"));
    }

    #[test]
    fn act_keeps_the_state_it_started_from_for_undo() {
        let b = browser();
        let (mut a, mut other) = (Session::open(&b), Session::open(&b));
        let mut r = SeededRandom::new(33);
        let stored = b.state();
        a.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Hours }).unwrap();
        assert_eq!(a.replica.take_before(), stored, "the stored text, not a new encoding");
        assert_eq!(a.replica.take_before(), None, "taken once");
        // After another tab's racing write, the before state includes it and A's replayed hour.
        other.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Days }).unwrap();
        a.tab.catch_up();
        let other_raw = b.state().unwrap();
        a.act(&mut r, AdvanceClock { amount: "5".into(), unit: TimeUnit::Minutes }).unwrap();
        let before = decode(&a.replica.take_before().unwrap()).unwrap();
        let other_world = decode(&other_raw).unwrap();
        assert_eq!(before.clock, other_world.clock.plus(crate::sim::SimDuration::hours(1)));
    }

    #[test]
    fn a_failed_save_keeps_the_change_in_memory_and_stored_state_intact() {
        let b = browser();
        let before = b.state();
        let mut a = Session::open(&b);
        *a.tab.fail.borrow_mut() = true;
        let mut r = SeededRandom::new(7);
        a.sign_up(&mut r, "p.dover@fabrikam.com");
        let clock = AdvanceClock { amount: "1".into(), unit: TimeUnit::Minutes };
        let (_, saved) = a.replica.act(&a.tab, &mut a.world, &mut r, clock);
        assert!(matches!(saved, Err(StorageError::WriteFailed(_))));
        assert!(has(&a.world, "p.dover@fabrikam.com"), "the in-memory state keeps working");
        assert_eq!(b.state(), before, "the saved state is untouched");
        // Once storage works again the next action saves everything.
        *a.tab.fail.borrow_mut() = false;
        a.act(&mut r, AdvanceClock { amount: "1".into(), unit: TimeUnit::Minutes }).unwrap();
        assert!(has(&decode(&b.state().unwrap()).unwrap(), "p.dover@fabrikam.com"));
    }

    /// The replay bug of issue 10: a file protected in one tab while another
    /// tab's save races it is replayed on the newer state. The world must then
    /// track the very file the person downloaded (same content ID, same key),
    /// so that the owner can track and revoke it and the reader open it.
    #[test]
    fn a_file_protected_while_another_tab_acts_is_tracked_and_revocable() {
        use crate::sim::command::{OpenProtected, Protect, Revoke};
        use crate::sim::sharing::{Delivery, Permission, PolicyChoice, ProtectRequest};
        let b = browser();
        let (mut a, mut bb) = (Session::open(&b), Session::open(&b));
        let (mut ra, mut rb) = (SeededRandom::new(21), SeededRandom::new(22));
        let janet = Email::parse("janetm@contoso.com").unwrap();
        let request = ProtectRequest {
            file_name: "Q3.txt".into(),
            data: b"Q3 figures".to_vec(),
            users: "admin@litwareinc.com".into(),
            policy: PolicyChoice::Custom(Permission::Viewer),
            expires_on: String::new(),
            notify: false,
            instant_revoke: true,
        };
        // A protects and saves; B, not having seen it, saves over it.
        let downloaded = a.act(&mut ra, Protect { actor: janet.clone(), request, delivery: Delivery::Share }).unwrap();
        bb.act(&mut rb, AdvanceClock { amount: "5".into(), unit: TimeUnit::Minutes }).unwrap();
        // A hears of B's state and replays the protection onto it.
        a.deliver(&mut ra);
        bb.deliver(&mut rb);
        let truth = decode(&b.state().unwrap()).unwrap();
        assert_eq!(truth.clock, a.world.clock, "B's change is kept");
        assert!(truth.sharing.documents.contains_key(&downloaded.content_id), "the downloaded file is the tracked one");
        assert_eq!(truth.sharing.documents.len(), 1, "one document, not a second one with another ID");
        // The reader opens the downloaded bytes; the owner revokes it.
        let lee = Email::parse("admin@litwareinc.com").unwrap();
        let open = OpenProtected {
            client: Default::default(),
            reader: Some(lee),
            file_name: downloaded.file_name.clone(),
            bytes: downloaded.bytes.clone(),
        };
        assert!(bb.act(&mut rb, open.clone()).is_ok());
        bb.act(&mut rb, Revoke { owner: janet, content_id: downloaded.content_id.clone() }).unwrap();
        a.deliver(&mut ra);
        assert!(bb.act(&mut rb, open).is_err(), "revoked (instant revoke: no use license outlives it)");
        let doc = &a.world.sharing.documents[&downloaded.content_id];
        assert!(doc.revoked_at.is_some() && doc.accesses.len() == 1);
    }

    #[test]
    fn bad_data_from_another_tab_is_reported() {
        let b = browser();
        let mut a = Session::open(&b);
        let mut r = SeededRandom::new(8);
        a.tab.see("garbage");
        assert!(matches!(a.replica.receive(&a.tab, "garbage", &mut r), Err(LoadError::Corrupt { .. })));
    }
}
