//! The stored form of the state: LZ4-compressed JSON packed into UTF-16 text.
//!
//! localStorage holds strings and its quota counts UTF-16 code units (about
//! 5.2 million per origin in Chromium), so the compressed bytes are packed 15
//! bits to a character, each offset by 0x20: every character lies in
//! U+0020..U+801F, clear of the surrogate range, so the text survives the
//! round trip through JavaScript unchanged. A 10,000-user world takes about a
//! fifth of the quota this way, against well over the whole quota as JSON.

/// Marks packed text (plain JSON starts with `{`).
pub const MAGIC: &str = "RMSZ1:";
const OFFSET: u32 = 0x20;

/// Compresses `json` and packs it as text.
pub fn pack(json: &str) -> String {
    let bytes = lz4_flex::compress_prepend_size(json.as_bytes());
    let mut out = String::with_capacity(MAGIC.len() + bytes.len() * 8 / 15 + 8);
    out.push_str(MAGIC);
    let n = bytes.len() as u32;
    // The byte count, 15 bits at a time (30 bits: up to 1 GiB).
    push15(&mut out, n >> 15);
    push15(&mut out, n & 0x7fff);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push15(&mut out, (acc >> bits) & 0x7fff);
        }
    }
    if bits > 0 {
        push15(&mut out, (acc << (15 - bits)) & 0x7fff);
    }
    out
}

fn push15(out: &mut String, v: u32) {
    out.push(char::from_u32(v + OFFSET).expect("U+0020..U+801F are characters"));
}

/// Whether `raw` is packed text (as opposed to plain JSON or anything else).
pub fn is_packed(raw: &str) -> bool {
    raw.starts_with(MAGIC)
}

/// The JSON inside packed text; `Err` says what is wrong with it.
pub fn unpack(raw: &str) -> Result<String, String> {
    let body = raw.strip_prefix(MAGIC).ok_or("it is not packed")?;
    let mut vals = body.chars().map(|c| (c as u32).checked_sub(OFFSET).filter(|v| *v <= 0x7fff));
    let mut next = || vals.next().map(|v| v.ok_or("it contains a character that packed data never holds"));
    let hi = next().ok_or("it is truncated")??;
    let lo = next().ok_or("it is truncated")??;
    let n = ((hi << 15) | lo) as usize;
    // Each remaining character carries 15 bits: a byte count beyond that is a lie.
    if n > (raw.len() - MAGIC.len()) * 15 / 8 + 2 {
        return Err("it is truncated".into());
    }
    let mut bytes = Vec::with_capacity(n);
    let (mut acc, mut bits) = (0u32, 0u32);
    while bytes.len() < n {
        let v = next().ok_or("it is truncated")??;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < n {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    // LZ4 expands at most 255-fold: refuse a size prefix that claims more
    // before anything is allocated for it.
    let claimed =
        bytes.get(..4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize).ok_or("it is truncated")?;
    if claimed > bytes.len().saturating_mul(255) {
        return Err("its compressed data is damaged (it claims more data than it can hold)".into());
    }
    let json =
        lz4_flex::decompress_size_prepended(&bytes).map_err(|e| format!("its compressed data is damaged ({e})"))?;
    String::from_utf8(json).map_err(|_| "its compressed data is not text".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for s in ["", "{}", "{\"schema\":2}", &"héllo wörld ✓ ".repeat(1000), &"x".repeat(100_001)] {
            let p = pack(s);
            assert!(is_packed(&p));
            assert!(p.chars().skip(MAGIC.len()).all(|c| (0x20..=0x801f).contains(&(c as u32))));
            assert_eq!(unpack(&p).unwrap(), s);
        }
    }

    #[test]
    fn packs_repetitive_json_small() {
        let json = "{\"user\":\"someone@fabrikam.com\",\"role\":\"user\"},".repeat(10_000);
        let p = pack(&json);
        assert!(p.chars().count() * 10 < json.len(), "{} chars for {} bytes", p.chars().count(), json.len());
    }

    #[test]
    fn lying_sizes_are_refused_before_allocating() {
        // Found by the stored_state fuzz target: a valid packing of the LZ4
        // size prefix ff ff ff ff (4 GiB) and one byte.
        assert!(unpack("RMSZ1: %\u{801f}\u{801f}\u{6020}").unwrap_err().contains("claims more"));
        // A packed byte count of 1 GiB with nothing behind it.
        assert_eq!(unpack("RMSZ1:\u{801f}\u{801f}"), Err("it is truncated".into()));
    }

    #[test]
    fn damage_is_reported() {
        let original = "{\"a\":1}".repeat(50);
        let p = pack(&original);
        assert_eq!(unpack("{}"), Err("it is not packed".into()));
        assert_eq!(unpack(MAGIC), Err("it is truncated".into()));
        let cut: String = p.chars().take(p.chars().count() - 3).collect();
        assert_eq!(unpack(&cut), Err("it is truncated".into()));
        let alien = format!("{MAGIC}\u{9000}\u{20}");
        assert!(unpack(&alien).unwrap_err().contains("never holds"));
        let mut chars: Vec<char> = p.chars().collect();
        let k = MAGIC.len() + 5;
        chars[k] = char::from_u32(((chars[k] as u32 - 0x20) ^ 0x5555) + 0x20).unwrap();
        let flipped: String = chars.into_iter().collect();
        assert_ne!(unpack(&flipped).ok(), Some(original), "damage never passes silently as the original");
    }
}
