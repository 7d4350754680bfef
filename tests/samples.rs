//! The sharing application's sample files (`public/samples/`, made by
//! `node tools/make-samples.mjs`, see docs/samples.md): exactly the four the
//! UI contract names, each a well-formed file of its format, telling the
//! simulator's story, and each protected and opened again by the engine the
//! way /sharing and /viewer do.
#![cfg(not(target_arch = "wasm32"))]

use rms_sim::sim::sharing::*;
use rms_sim::sim::*;
use std::path::PathBuf;

/// (file, its protected name, native, Office).
const SAMPLES: [(&str, &str, bool, bool); 4] = [
    ("Sample.txt", "Sample.ptxt", true, false),
    ("Proposal.docx", "Proposal.docx", true, true),
    ("Pricing.pdf", "Pricing.ppdf", true, false),
    ("Photo.jpg", "Photo.pjpg", true, false),
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/samples")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("public/samples/{name}: {e}"))
}

fn u16le(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

fn u32le(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = 0xffff_ffffu32;
    for &b in bytes {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0xedb8_8320 } else { c >> 1 };
        }
    }
    !c
}

/// A zip's entries, read from its central directory; every entry must be
/// stored (method 0), with a matching local header and CRC.
fn zip_entries(b: &[u8]) -> Vec<(String, Vec<u8>)> {
    let end =
        (0..=b.len() - 22).rev().find(|&i| b[i..i + 4] == [0x50, 0x4b, 0x05, 0x06]).expect("end of central directory");
    let (count, size, offset) = (u16le(b, end + 10), u32le(b, end + 12), u32le(b, end + 16));
    assert_eq!(offset + size, end, "the central directory ends where the end record begins");
    let mut at = offset;
    let mut out = vec![];
    for _ in 0..count {
        assert_eq!(b[at..at + 4], [0x50, 0x4b, 0x01, 0x02], "a central directory header");
        let (method, crc, csize, usize_) = (u16le(b, at + 10), u32le(b, at + 16), u32le(b, at + 20), u32le(b, at + 24));
        let (nlen, xlen, clen, local) = (u16le(b, at + 28), u16le(b, at + 30), u16le(b, at + 32), u32le(b, at + 42));
        let name = String::from_utf8(b[at + 46..at + 46 + nlen].to_vec()).unwrap();
        assert_eq!(method, 0, "{name} is stored");
        assert_eq!(csize, usize_);
        assert_eq!(b[local..local + 4], [0x50, 0x4b, 0x03, 0x04], "{name}'s local header");
        let start = local + 30 + u16le(b, local + 26) + u16le(b, local + 28);
        let data = b[start..start + csize].to_vec();
        assert_eq!(crc32(&data), crc as u32, "{name}'s CRC-32");
        out.push((name, data));
        at += 46 + nlen + xlen + clen;
    }
    out
}

#[test]
fn the_folder_holds_exactly_the_four_samples() {
    let mut names: Vec<String> =
        std::fs::read_dir(dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    let mut want: Vec<&str> = SAMPLES.iter().map(|s| s.0).collect();
    want.sort();
    assert_eq!(names, want);
}

#[test]
fn each_sample_is_named_by_the_extension_table() {
    for (file, protected, native, office) in SAMPLES {
        let n = naming(file);
        assert_eq!((n.protected_name.as_str(), n.native, n.office), (protected, native, office), "{file}");
    }
}

#[test]
fn sample_txt_is_utf8_text_about_the_story() {
    let t = String::from_utf8(read("Sample.txt")).expect("UTF-8");
    for word in ["Contoso", "Fabrikam", "RMS for individuals", "fictional"] {
        assert!(t.contains(word), "Sample.txt mentions {word}");
    }
}

#[test]
fn proposal_docx_is_an_ooxml_package_with_a_word_document() {
    let b = read("Proposal.docx");
    let entries = zip_entries(&b);
    let part = |n: &str| {
        String::from_utf8(entries.iter().find(|(name, _)| name == n).unwrap_or_else(|| panic!("{n}")).1.clone())
            .unwrap()
    };
    assert!(part("[Content_Types].xml").contains(
        r#"PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml""#
    ));
    assert!(part("_rels/.rels").contains(r#"Target="word/document.xml""#));
    let doc = part("word/document.xml");
    assert!(doc.starts_with("<?xml") && doc.contains("<w:body>") && doc.ends_with("</w:document>"));
    for word in ["Contoso", "Fabrikam", "RMS for individuals", "fictional"] {
        assert!(doc.contains(word), "the document mentions {word}");
    }
}

#[test]
fn pricing_pdf_has_a_correct_cross_reference_table() {
    let b = read("Pricing.pdf");
    let t = String::from_utf8_lossy(&b).into_owned();
    assert!(t.starts_with("%PDF-1.4\n") && t.ends_with("%%EOF\n"));
    let startxref: usize = t.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
    assert!(t[startxref..].starts_with("xref\n0 "));
    let mut lines = t[startxref..].lines().skip(1);
    let count: usize = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    assert_eq!(lines.next().unwrap(), "0000000000 65535 f ");
    for i in 1..count {
        let offset: usize = lines.next().unwrap()[..10].parse().unwrap();
        assert!(t[offset..].starts_with(&format!("{i} 0 obj\n")), "object {i} is where the xref says");
    }
    // The content stream's /Length is its length.
    let s = t.find("stream\n").unwrap() + "stream\n".len();
    let e = t.find("endstream").unwrap();
    assert!(t.contains(&format!("<< /Length {} >>", e - s)));
    for word in ["Contoso", "Fabrikam", "fictional"] {
        assert!(t.contains(word), "the PDF mentions {word}");
    }
}

#[test]
fn photo_jpg_is_a_baseline_jpeg() {
    let b = read("Photo.jpg");
    assert_eq!(b[..2], [0xff, 0xd8], "SOI");
    assert_eq!(b[b.len() - 2..], [0xff, 0xd9], "EOI");
    // Walk the segments up to the scan: a baseline frame with its size.
    let mut at = 2;
    let mut frame = None;
    loop {
        assert_eq!(b[at], 0xff, "a marker at {at}");
        let marker = b[at + 1];
        let len = u16::from_be_bytes([b[at + 2], b[at + 3]]) as usize;
        if marker == 0xc0 {
            frame = Some((u16::from_be_bytes([b[at + 5], b[at + 6]]), u16::from_be_bytes([b[at + 7], b[at + 8]])));
        }
        if marker == 0xda {
            break;
        }
        at += 2 + len;
    }
    assert_eq!(frame, Some((500, 800)), "an 800×500 baseline frame before the scan");
}

#[test]
fn every_sample_protects_and_opens_as_the_pages_do() {
    let mut rng = SeededRandom::new(12);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 2, ..Config::default() }, &mut rng);
    let janet = Email::parse("janetm@contoso.com").unwrap();
    for (file, protected, _, office) in SAMPLES {
        let data = read(file);
        let req = ProtectRequest {
            file_name: file.into(),
            data: data.clone(),
            users: "p.dover@fabrikam.com".into(),
            policy: PolicyChoice::Custom(Permission::Viewer),
            expires_on: String::new(),
            notify: false,
            instant_revoke: false,
        };
        let p = w.protect_in_place(Some(&janet), &req, &mut rng).unwrap();
        assert_eq!(p.file_name, protected);
        let o = w.open_protected(Some(&janet), &p.file_name, &p.bytes, &mut rng).unwrap();
        assert_eq!(o.content, data, "{file} opens to its own bytes");
        assert!(o.native && o.is_owner);
        assert_eq!(naming(&o.header.original_name).office, office);
    }
}
