//! The shared state the pages read: one signal holding the engine's world,
//! and `act`, the only way to change it. `act` re-reads the stored state first
//! (another tab may have written since), applies the command, saves, and
//! publishes the result, so two tabs acting in turn lose nothing. A `storage`
//! event from another tab refreshes the signal without a reload.

use crate::persist::{self, Backend, LoadError, StorageError};
use crate::platform::{CryptoRandom, alert};
use crate::sim::{Config, Preset, RandomSource, World};
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

#[derive(Clone, Copy)]
pub struct Sim {
    world: RwSignal<World>,
    pub boot: RwSignal<Boot>,
    /// The last saving problem, shown in the header until the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// The raw text last read from or written to storage.
    last_raw: StoredValue<Option<String>>,
}

impl Sim {
    /// Loads the stored world, or creates the default scenario on first visit.
    pub fn boot() -> Sim {
        let backend = crate::platform::LocalStorage;
        let (world, boot, raw) = match persist::load(&backend) {
            Ok(Some(w)) => {
                let raw = backend.read(persist::KEY).ok().flatten();
                (w, Boot::Ready, raw)
            }
            Ok(None) => {
                let w = World::load(Preset::Default, Config::default(), &mut CryptoRandom);
                match persist::save(&backend, &w) {
                    Ok(raw) => (w, Boot::Ready, Some(raw)),
                    Err(e) => (w, Boot::MemoryOnly(e), None),
                }
            }
            Err(LoadError::Storage(e)) => (World::load(Preset::Default, Config::default(), &mut CryptoRandom), Boot::MemoryOnly(e), None),
            Err(error) => {
                let raw = backend.read(persist::KEY).ok().flatten().unwrap_or_default();
                (World::load(Preset::Default, Config::default(), &mut CryptoRandom), Boot::Recovery { error, raw }, None)
            }
        };
        Sim {
            world: RwSignal::new(world),
            boot: RwSignal::new(boot),
            save_error: RwSignal::new(None),
            last_raw: StoredValue::new(raw),
        }
    }

    /// Reads the world reactively.
    pub fn with<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        self.world.with(f)
    }

    /// Reads the world without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        self.world.with_untracked(f)
    }

    fn storage_usable(&self) -> bool {
        matches!(self.boot.get_untracked(), Boot::Ready)
    }

    /// Applies one command to the newest state and saves it.
    pub fn act<R>(&self, f: impl FnOnce(&mut World, &mut dyn RandomSource) -> R) -> R {
        let mut world = self.latest();
        let result = f(&mut world, &mut CryptoRandom);
        self.commit(world);
        result
    }

    /// Replaces the whole world (load a preset, reset, import).
    pub fn replace(&self, world: World) {
        self.commit(world);
    }

    /// The newest state: the stored one if another tab changed it.
    fn latest(&self) -> World {
        if self.storage_usable() {
            if let Ok(Some(raw)) = crate::platform::LocalStorage.read(persist::KEY) {
                if self.last_raw.with_value(|r| r.as_deref() != Some(raw.as_str())) {
                    if let Ok(w) = persist::decode(&raw) {
                        self.last_raw.set_value(Some(raw));
                        return w;
                    }
                }
            }
        }
        self.world.get_untracked()
    }

    fn commit(&self, world: World) {
        if self.storage_usable() {
            match persist::save(&crate::platform::LocalStorage, &world) {
                Ok(raw) => {
                    self.last_raw.set_value(Some(raw));
                    self.save_error.set(None);
                }
                Err(e) => {
                    let msg = e.to_string();
                    alert(&msg);
                    self.save_error.set(Some(msg));
                }
            }
        }
        self.world.set(world);
    }

    /// Called for `storage` events: another tab saved a new state.
    pub fn refresh_from_storage(&self, raw: Option<String>) {
        let Some(raw) = raw else { return };
        if self.last_raw.with_value(|r| r.as_deref() == Some(raw.as_str())) {
            return;
        }
        match persist::decode(&raw) {
            Ok(w) => {
                self.last_raw.set_value(Some(raw));
                if matches!(self.boot.get_untracked(), Boot::Recovery { .. }) {
                    self.boot.set(Boot::Ready);
                }
                self.world.set(w);
            }
            Err(error) => self.boot.set(Boot::Recovery { error, raw }),
        }
    }

    /// Leaves the recovery screen by starting over with the default scenario.
    pub fn reset_after_recovery(&self) {
        self.boot.set(Boot::Ready);
        self.replace(World::load(Preset::Default, Config::default(), &mut CryptoRandom));
    }
}

pub fn use_sim() -> Sim {
    expect_context::<Sim>()
}
