//! "Share this world": the whole state in a link's fragment, so that every
//! trainee starts from the same world and no server sees it.
//!
//! The link is `…/#world=<schema>.<payload>`: the payload is the exported
//! JSON (`encode`), deflated and in URL-safe base64. The schema number comes
//! first so that a link from a newer build is told apart from a damaged
//! one. A browser never sends a fragment to the server. The QR code holds
//! the same link when it fits in one (at most `QR_MAX_BYTES`).

use super::{LoadError, SCHEMA_VERSION, decode_stored, encode};
use crate::sim::World;
use crate::sim::basics::codec::{from_b64, to_b64};

/// What starts a shared world in a URL's fragment.
pub const PREFIX: &str = "world=";
/// The largest link (in bytes) a QR code holds: version 40, low error correction, byte mode.
pub const QR_MAX_BYTES: usize = 2953;
/// A shared world inflates to at most this many bytes (a link is not a way to fill memory).
const MAX_JSON: usize = 64 << 20;

/// The fragment (without `#`) that carries `world`.
pub fn fragment(world: &World) -> String {
    let json = encode(world);
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{PREFIX}{SCHEMA_VERSION}.{}", to_b64(&deflated))
}

/// Why a link's world can't be loaded. Nothing is changed in any case.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// Not a link this simulator made (a fragment that looks like one but isn't).
    Foreign,
    /// Made by a newer build of the simulator.
    Newer(u32),
    /// Cut short or changed on the way.
    Damaged(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unchanged = "Nothing was changed: the simulator shows the world it had.";
        match self {
            ShareError::Foreign => write!(
                f,
                "This link doesn't carry a world this simulator can read (it doesn't start with a schema number). {unchanged} Ask for the link again, copied whole from \"Share this world\"."
            ),
            ShareError::Newer(v) => write!(
                f,
                "This link was made by a newer version of the simulator (schema {v}; this one reads up to {SCHEMA_VERSION}). {unchanged} Reload the page to get the newest version, then open the link again."
            ),
            ShareError::Damaged(why) => write!(
                f,
                "This link's world is damaged ({why}); it was probably cut short when it was copied. {unchanged} Ask for the link again, copied whole, or scan its QR code."
            ),
        }
    }
}

/// Reads a URL fragment (without `#`): `None` if it carries no world.
pub fn parse(fragment: &str) -> Option<Result<World, ShareError>> {
    let rest = fragment.strip_prefix(PREFIX)?;
    Some(parse_payload(rest))
}

fn parse_payload(rest: &str) -> Result<World, ShareError> {
    let (version, payload) = rest.split_once('.').ok_or(ShareError::Foreign)?;
    let version: u32 = version.parse().map_err(|_| ShareError::Foreign)?;
    if version > SCHEMA_VERSION {
        return Err(ShareError::Newer(version));
    }
    if version == 0 {
        return Err(ShareError::Foreign);
    }
    let bytes = from_b64(payload.trim()).ok_or_else(|| ShareError::Damaged("it isn't base64".into()))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_JSON)
        .map_err(|_| ShareError::Damaged("it doesn't decompress".into()))?;
    let json = String::from_utf8(json).map_err(|_| ShareError::Damaged("it isn't text".into()))?;
    // Plain JSON: `decode` reads it as `decode_json` does.
    decode_stored(&json).map_err(|e| match e {
        LoadError::NewerSchema { found } => ShareError::Newer(found),
        other => ShareError::Damaged(other.to_string()),
    })
}

/// A QR code's modules, row by row (`true` is dark).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl Qr {
    /// An SVG path drawing the dark modules, one unit each, with a 4-unit quiet zone.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for (i, _) in self.dark.iter().enumerate().filter(|(_, on)| **on) {
            let (x, y) = (i % self.width + 4, i / self.width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
        d
    }

    /// The side of the drawing, quiet zone included.
    pub fn size(&self) -> usize {
        self.width + 8
    }
}

/// The QR code of `link`, or the link's size when it doesn't fit in one.
pub fn qr(link: &str) -> Result<Qr, usize> {
    if link.len() > QR_MAX_BYTES {
        return Err(link.len());
    }
    let code =
        qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::L).map_err(|_| link.len())?;
    let dark = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
    Ok(Qr { width: code.width(), dark })
}
