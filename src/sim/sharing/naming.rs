//! How the sharing application names a protected file (facts file §5):
//! `.txt` → `.ptxt`, …; Office files keep their extension; everything else
//! becomes `<name>.<ext>.pfile`.

/// How a file type is protected and named (facts file §5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    pub protected_name: String,
    /// Native protection enforces rights; generic (.pfile) only authenticates.
    pub native: bool,
    /// Word, Excel, PowerPoint: shared copies get a read-only .ppdf companion.
    pub office: bool,
    pub content_type: &'static str,
}

pub(crate) const NATIVE: [(&str, &str, &str); 13] = [
    ("txt", "ptxt", "text/plain"),
    ("xml", "pxml", "text/xml"),
    ("jpg", "pjpg", "image/jpeg"),
    ("jpeg", "pjpeg", "image/jpeg"),
    ("pdf", "ppdf", "application/pdf"),
    ("png", "ppng", "image/png"),
    ("tif", "ptif", "image/tiff"),
    ("tiff", "ptiff", "image/tiff"),
    ("bmp", "pbmp", "image/bmp"),
    ("gif", "pgif", "image/gif"),
    ("jpe", "pjpe", "image/jpeg"),
    ("jfif", "pjfif", "image/jpeg"),
    ("jt", "pjt", "application/octet-stream"),
];

const OFFICE: [&str; 25] = [
    "doc", "docm", "docx", "dot", "dotm", "dotx", "potm", "potx", "pps", "ppsm", "ppsx", "ppt", "pptm", "pptx", "thmx",
    "xla", "xlam", "xls", "xlsb", "xlt", "xlsm", "xlsx", "xltm", "xltx", "xps",
];

/// The protected file's name: `.txt` → `.ptxt`, …; Office files keep their
/// extension; everything else becomes `<name>.<ext>.pfile`.
pub fn naming(name: &str) -> Naming {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, e.to_ascii_lowercase()),
        _ => (name, String::new()),
    };
    if let Some((_, p, ct)) = NATIVE.iter().find(|(e, _, _)| *e == ext) {
        return Naming { protected_name: format!("{stem}.{p}"), native: true, office: false, content_type: ct };
    }
    if OFFICE.contains(&ext.as_str()) {
        return Naming {
            protected_name: name.to_string(),
            native: true,
            office: ext != "xps",
            content_type: "application/octet-stream",
        };
    }
    Naming {
        protected_name: format!("{name}.pfile"),
        native: false,
        office: false,
        content_type: "application/octet-stream",
    }
}

/// The original name back from a protected one (`Sample.ptxt` → `Sample.txt`).
pub fn unprotected_name(protected: &str, original: &str) -> String {
    if let Some(stem) = protected.strip_suffix(".pfile") {
        return stem.to_string();
    }
    match (protected.rsplit_once('.'), original.rsplit_once('.')) {
        (Some((stem, _)), Some((_, ext))) => format!("{stem}.{ext}"),
        _ => original.to_string(),
    }
}

/// Whether a file's name says it is protected (a damaged protected file is
/// told apart from an ordinary one by its name).
pub fn looks_protected(file_name: &str) -> bool {
    let n = file_name.to_ascii_lowercase();
    n.ends_with(".pfile") || NATIVE.iter().any(|(_, p, _)| n.strip_suffix(p).is_some_and(|stem| stem.ends_with('.')))
}

/// The read-only companion's name of a shared Office file: `Plan.docx` → `Plan.pdf`
/// (protected as `Plan.ppdf`).
pub fn companion_source_name(office_file: &str) -> String {
    match office_file.rsplit_once('.') {
        Some((stem, _)) => format!("{stem}.pdf"),
        None => format!("{office_file}.pdf"),
    }
}
