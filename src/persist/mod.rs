//! Saving and loading the world: a versioned envelope around the engine's
//! plain data, behind a small storage trait so the rules are tested natively
//! and the browser plugs in `localStorage` (see `crate::platform`).
//!
//! The whole state lives under one key, so a write is atomic: either the new
//! JSON replaces the old one whole, or (quota full, storage disabled) the old
//! one stays as it was and the caller is told.

use crate::sim::World;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

pub const KEY: &str = "rms-sim/state";
/// The schema this build writes. Bump it with a migration in `migrate`.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    schema: u32,
    world: &'a World,
}

#[derive(Deserialize)]
struct Envelope {
    world: World,
}

/// A failure of the storage itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (disabled, or a private window that refuses it).
    Unavailable(String),
    /// The write was refused, typically because the quota is full.
    WriteFailed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(d) => write!(f, "This browser won't let the simulator use its local storage ({d}), so nothing you do will be kept after you close or reload the tab. Allow site data for this page, or leave private browsing, to keep your work."),
            StorageError::WriteFailed(d) => write!(f, "Your last change couldn't be saved ({d}); the previously saved state is still there. It usually means the browser's storage for this site is full: export the state from the start page, then reset or clear old data."),
        }
    }
}

/// Why stored data could not be turned back into a world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, truncated, or not shaped like a saved simulator state.
    Corrupt { detail: String },
    /// Saved by a newer version of the simulator than this one.
    NewerSchema { found: u32 },
    Storage(StorageError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Corrupt { detail } => write!(f, "The saved simulator state can't be read: {detail}."),
            LoadError::NewerSchema { found } => write!(f, "The saved state was written by a newer version of the simulator (schema {found}; this version reads up to {SCHEMA_VERSION}). It was left untouched: open the newer version, or reset to start over."),
            LoadError::Storage(e) => write!(f, "{e}"),
        }
    }
}

pub trait Backend {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError>;
}

/// An in-memory backend for tests and for browsers without storage.
#[derive(Default)]
pub struct MemoryBackend {
    pub data: RefCell<BTreeMap<String, String>>,
    /// When set, every write fails with this reason (to test a full quota).
    pub fail_writes: RefCell<Option<String>>,
}

impl Backend for MemoryBackend {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.data.borrow().get(key).cloned())
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(reason) = self.fail_writes.borrow().as_ref() {
            return Err(StorageError::WriteFailed(reason.clone()));
        }
        self.data.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
}

pub fn encode(world: &World) -> String {
    serde_json::to_string(&EnvelopeRef { schema: SCHEMA_VERSION, world }).expect("the world always serializes")
}

/// Upgrades an older envelope in place, one schema step at a time. Each future
/// schema bump adds an arm that rewrites `value` from N to N+1.
fn migrate(_value: &mut serde_json::Value, from: u32) -> Result<(), LoadError> {
    match from {
        SCHEMA_VERSION => Ok(()),
        // Schema 1 is the first; nothing older was ever written.
        other => Err(LoadError::Corrupt { detail: format!("it names schema {other}, which no version of the simulator wrote") }),
    }
}

pub fn decode(raw: &str) -> Result<World, LoadError> {
    let mut value: serde_json::Value = serde_json::from_str(raw)
        .map_err(|e| LoadError::Corrupt { detail: format!("it is not valid JSON ({e})") })?;
    let schema = value
        .get("schema")
        .and_then(|s| s.as_u64())
        .ok_or_else(|| LoadError::Corrupt { detail: "it has no schema version, so it wasn't written by this simulator".into() })?;
    let schema = u32::try_from(schema).map_err(|_| LoadError::NewerSchema { found: u32::MAX })?;
    if schema > SCHEMA_VERSION {
        return Err(LoadError::NewerSchema { found: schema });
    }
    migrate(&mut value, schema)?;
    let env: Envelope = serde_json::from_value(value)
        .map_err(|e| LoadError::Corrupt { detail: format!("its contents don't have the expected shape ({e})") })?;
    Ok(env.world)
}

/// The saved world, `None` if nothing was saved yet.
pub fn load(backend: &dyn Backend) -> Result<Option<World>, LoadError> {
    match backend.read(KEY).map_err(LoadError::Storage)? {
        None => Ok(None),
        Some(raw) => decode(&raw).map(Some),
    }
}

pub fn save(backend: &dyn Backend, world: &World) -> Result<String, StorageError> {
    let raw = encode(world);
    backend.write(KEY, &raw)?;
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Config, Preset, SeededRandom};

    fn world() -> World {
        let cfg = Config { pbkdf2_iterations: 2, ..Config::default() };
        World::load(Preset::FabrikamSignedUp, cfg, &mut SeededRandom::new(4))
    }

    #[test]
    fn round_trip_keeps_everything() {
        let b = MemoryBackend::default();
        assert_eq!(load(&b).unwrap(), None);
        let w = world();
        save(&b, &w).unwrap();
        assert_eq!(load(&b).unwrap(), Some(w));
    }

    #[test]
    fn passwords_are_not_in_the_saved_text() {
        let raw = encode(&world());
        assert!(!raw.contains("Fabrikam-2016!") && !raw.contains("Contoso-2016!"));
        assert!(raw.contains("pbkdf2-sha256$2$"));
    }

    #[test]
    fn a_failed_write_keeps_the_previous_state() {
        let b = MemoryBackend::default();
        let w = world();
        save(&b, &w).unwrap();
        *b.fail_writes.borrow_mut() = Some("QuotaExceededError".into());
        let mut w2 = w.clone();
        w2.advance_clock("5", crate::sim::TimeUnit::Minutes).unwrap();
        let err = save(&b, &w2).unwrap_err();
        assert!(err.to_string().contains("QuotaExceededError"));
        assert_eq!(load(&b).unwrap(), Some(w));
    }

    #[test]
    fn bad_data_is_reported_not_replaced() {
        for (raw, needle) in [
            ("not json", "not valid JSON"),
            (r#"{"schema":1,"world":{"clock":3"#, "not valid JSON"),
            (r#"{"world":{}}"#, "no schema version"),
            (r#"{"schema":1,"world":{"clock":"soon"}}"#, "expected shape"),
            (r#"{"schema":0,"world":{}}"#, "schema 0"),
            (r#"[1,2,3]"#, "no schema version"),
        ] {
            match decode(raw) {
                Err(LoadError::Corrupt { detail }) => assert!(detail.contains(needle), "{raw}: {detail}"),
                other => panic!("{raw}: {other:?}"),
            }
        }
        assert_eq!(decode(r#"{"schema":2,"world":{}}"#), Err(LoadError::NewerSchema { found: 2 }));
        assert!(LoadError::NewerSchema { found: 2 }.to_string().contains("left untouched"));
    }
}
