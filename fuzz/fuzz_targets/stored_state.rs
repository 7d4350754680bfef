//! Arbitrary text as a saved state (what `localStorage` or an imported file
//! may hold: plain JSON, or the packed form `encode_stored` writes):
//! `persist::decode` must never panic, and any world it accepts must survive
//! `encode` (and `encode_stored`) and `decode` unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rms_sim::persist::{decode, encode, encode_stored};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    match decode(s) {
        Ok(world) => {
            let raw = encode(&world);
            match decode(&raw) {
                Ok(again) => assert!(again == world, "the re-encoded world decodes to a different world\ninput: {s:?}\nre-encoded: {raw:?}"),
                Err(e) => panic!("the re-encoded world does not decode: {e:?}\ninput: {s:?}\nre-encoded: {raw:?}"),
            }
            // Encoding is deterministic, so a second round gives the same text.
            assert_eq!(encode(&decode(&raw).unwrap()), raw);
            let packed = encode_stored(&world);
            match decode(&packed) {
                Ok(again) => assert!(again == world, "the packed world decodes to a different world\ninput: {s:?}"),
                Err(e) => panic!("the packed world does not decode: {e:?}\ninput: {s:?}"),
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
