//! Arbitrary bytes through the protected-file reader and the console.
//!
//! `open_protected` must never panic: anything that isn't byte-for-byte a
//! file the simulator made is "not protected" or "altered or damaged", and a
//! mangled real file never opens. The PowerShell console gets the same bytes
//! as a command line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rms_sim::sim::console::host::SimHost;
use rms_sim::sim::powershell::Console;
use rms_sim::sim::sharing::{OpenError, Permission, PolicyChoice, ProtectRequest, inspect};
use rms_sim::sim::*;
use std::sync::OnceLock;

fn fixture() -> &'static (World, Vec<u8>) {
    static F: OnceLock<(World, Vec<u8>)> = OnceLock::new();
    F.get_or_init(|| {
        let mut rng = SeededRandom::new(1);
        let mut w = World::load(Preset::FabrikamSignedUp, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
        let req = ProtectRequest {
            file_name: "Sample.txt".into(),
            data: b"fuzzing the reader".to_vec(),
            users: "r.ortiz@fabrikam.com".into(),
            policy: PolicyChoice::Custom(Permission::Viewer),
            expires_on: String::new(),
            notify: false,
            instant_revoke: false,
        };
        let p = w.protect_in_place(Some(&Email::parse("p.dover@fabrikam.com").unwrap()), &req, &mut rng).unwrap();
        (w, p.bytes)
    })
}

fuzz_target!(|data: &[u8]| {
    let (world, original) = fixture();
    let mut w = world.clone();
    let mut rng = SeededRandom::new(2);
    let rosa = Email::parse("r.ortiz@fabrikam.com").unwrap();
    // The input on its own, and spliced into the real file.
    let mut spliced = original.clone();
    if !data.is_empty() {
        let at = data[0] as usize * original.len() / 256;
        spliced.splice(at..(at + data.len() - 1).min(original.len()), data[1..].iter().copied());
    }
    for bytes in [data, spliced.as_slice()] {
        let _ = inspect(bytes);
        match w.open_protected(Some(&rosa), "Sample.ptxt", bytes, &mut rng) {
            Ok(o) => assert_eq!(bytes, original.as_slice(), "a changed file opened: {:?}", o.header),
            Err(e) => assert!(matches!(e, OpenError::Damaged | OpenError::NotProtected) || bytes == original.as_slice(), "{e:?}"),
        }
    }
    if let Ok(line) = std::str::from_utf8(data) {
        let mut c = Console::new();
        let _ = c.run(line, &mut SimHost { world: &mut w, rng: &mut rng });
        let _ = c.complete(line, line.chars().count() / 2, 1);
    }
});
