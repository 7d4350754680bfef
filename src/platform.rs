//! The browser side of the engine's seams: `localStorage` as a persistence
//! backend and `crypto.getRandomValues` as the random source; downloads,
//! `blob:` URLs, printing, reading chosen files and fetching a file of the
//! app's own origin.

use crate::persist::{Backend, StorageError};
use crate::sim::RandomSource;

fn js_error(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}

pub struct LocalStorage;

impl LocalStorage {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(s),
            Ok(None) => Err(StorageError::Unavailable("localStorage is switched off".into())),
            Err(e) => Err(StorageError::Unavailable(js_error(e))),
        }
    }
}

impl Backend for LocalStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::storage()?.get_item(key).map_err(|e| StorageError::Unavailable(js_error(e)))
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?.set_item(key, value).map_err(|e| StorageError::WriteFailed(js_error(e)))
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::storage()?.remove_item(key).map_err(|e| StorageError::WriteFailed(js_error(e)))
    }
}

/// Random bytes from the browser's cryptographic source.
pub struct CryptoRandom;

/// Bytes from `crypto.getRandomValues`, fetched a few kilobytes at a time:
/// one call into the browser per GUID cost more than the rest of creating a
/// world (the default scenario makes hundreds).
const POOL: usize = 4_096;

thread_local! {
    /// Random bytes fetched and not handed out yet (the unused end of the pool).
    static POOLED: std::cell::RefCell<(Box<[u8; POOL]>, usize)> = std::cell::RefCell::new((Box::new([0; POOL]), POOL));
}

fn crypto_fill(buf: &mut [u8]) {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).expect("window.crypto is available");
    for chunk in buf.chunks_mut(65_536) {
        crypto.get_random_values_with_u8_array(chunk).expect("crypto.getRandomValues works");
    }
}

impl RandomSource for CryptoRandom {
    fn fill(&mut self, buf: &mut [u8]) {
        if buf.len() > POOL / 4 {
            return crypto_fill(buf);
        }
        POOLED.with(|p| {
            let (pool, used) = &mut *p.borrow_mut();
            if POOL - *used < buf.len() {
                crypto_fill(&mut pool[..]);
                *used = 0;
            }
            buf.copy_from_slice(&pool[*used..*used + buf.len()]);
            // Not kept in memory once handed out (`used` is what makes each
            // byte go out once).
            pool[*used..*used + buf.len()].fill(0);
            *used += buf.len();
        });
    }
}

pub fn alert(message: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.alert_with_message(message);
    }
}

/// Offers `text` to the person as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(js_error)?;
    download_blob(filename, &blob)
}

/// Offers `bytes` to the person as a file download named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_blob(filename, &blob_of(bytes, mime)?)
}

fn blob_of(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(js_error)
}

fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_error)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(js_error)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A `blob:` URL for showing `bytes` in the page (an image, a PDF). The
/// caller revokes it with [`revoke_object_url`] when it is no longer shown.
pub fn object_url(bytes: &[u8], mime: &str) -> Result<String, String> {
    web_sys::Url::create_object_url_with_blob(&blob_of(bytes, mime)?).map_err(js_error)
}

pub fn revoke_object_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// The browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Reads a chosen file's bytes.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Fetches a text file of the app's own origin (the page's CSP allows
/// `connect-src 'self'` only).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("there is no window")?;
    let answer = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.map_err(js_error)?;
    let response: web_sys::Response = answer.dyn_into().map_err(js_error)?;
    if !response.ok() {
        return Err(format!("the server answered {} {}", response.status(), response.status_text()));
    }
    // Its bytes, copied into the wasm memory at once: cheaper than a
    // JavaScript string re-encoded to UTF-8 on the way in.
    let buf =
        wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(js_error)?).await.map_err(js_error)?;
    String::from_utf8(js_sys::Uint8Array::new(&buf).to_vec()).map_err(|_| "the answer isn't UTF-8 text".into())
}

/// Lets the browser paint and answer taps before the caller goes on: resolves
/// in a later task (a zero-delay timer). Long work after the first paint is
/// cut into slices with this between them.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok());
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Which device this tab is (the UI's "Act as"), kept in the tab: in
/// `sessionStorage`, which a reload keeps and another tab doesn't share,
/// under a key with the window's name, so each pane of `/split` (an iframe
/// with its own name, sharing its page's `sessionStorage`) is its own device.
pub struct TabDevice;

impl TabDevice {
    /// The key of the window named `name` (this tab's is `window_name()`).
    fn key(name: &str) -> String {
        format!("rms-sim/device:{name}")
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window().and_then(|w| w.session_storage().ok().flatten())
    }

    /// The device this tab was last, if it chose one.
    pub fn read() -> Option<String> {
        Self::read_for(&window_name())
    }

    /// Remembers the device for this tab (best effort: without
    /// `sessionStorage` the choice lasts until the tab reloads).
    pub fn write(device: &str) {
        Self::write_for(&window_name(), device)
    }

    /// Sets the device of the pane `name` (an iframe of this page) before it loads.
    pub fn write_for(name: &str, device: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.set_item(&Self::key(name), device);
        }
    }

    /// The device the pane `name` is.
    pub fn read_for(name: &str) -> Option<String> {
        Self::storage().and_then(|s| s.get_item(&Self::key(name)).ok().flatten())
    }
}

/// This window's name: a `/split` pane's iframe is named `pane-N`.
pub fn window_name() -> String {
    web_sys::window().and_then(|w| w.name().ok()).unwrap_or_default()
}

/// The page address's fragment, without `#` (`None` when there is none).
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash);
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Takes the fragment off the address without a reload or a history entry
/// (so that a reload doesn't offer the shared world again).
pub fn clear_fragment() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let (Ok(path), Ok(search)) = (loc.pathname(), loc.search()) else { return };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// The address of this simulator's start page, with `fragment`.
pub fn start_page_link(fragment: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}/#{fragment}")
}

/// Copies `text` to the clipboard (where the browser allows it).
pub fn copy_text(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// The lessons' progress (`sim::lessons::Progress`), kept in `localStorage`
/// under its own key, beside the world and never inside it: every tab of
/// the simulator (and the presenter view) follows the same lesson.
pub struct LessonStore;

impl LessonStore {
    pub const KEY: &'static str = "rms-sim/lessons";

    /// The stored progress, if any (`None` when storage can't be used).
    pub fn read() -> Option<String> {
        LocalStorage.read(Self::KEY).ok().flatten()
    }

    /// Keeps `json`; says why not when storage refuses it.
    pub fn write(json: &str) -> Result<(), String> {
        LocalStorage.write(Self::KEY, json).map_err(|e| e.to_string())
    }
}

/// Presenter mode (large type, explanations collapsed, no navigation): a
/// choice of this tab, kept in `sessionStorage` for its reloads, shown as
/// the class `presenter` on `<html>`.
pub struct PresenterMode;

impl PresenterMode {
    const KEY: &'static str = "rms-sim/presenter";
    const CLASS: &'static str = "presenter";

    pub fn read() -> bool {
        TabDevice::storage().and_then(|s| s.get_item(Self::KEY).ok().flatten()).as_deref() == Some("on")
    }

    pub fn write(on: bool) {
        if let Some(s) = TabDevice::storage() {
            let _ = if on { s.set_item(Self::KEY, "on") } else { s.remove_item(Self::KEY) };
        }
    }

    /// Sets or clears the class on `<html>`, keeping its other classes.
    pub fn show(on: bool) {
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.class_list().toggle_with_force(Self::CLASS, on);
        }
    }

    /// Closes the open disclosures in the page (`main`): the explanations
    /// collapse, one click away.
    pub fn collapse_explanations() {
        for el in elements("main details[open]") {
            let _ = el.remove_attribute("open");
        }
    }
}

/// The page's elements that match `selector`, in document order.
pub fn elements(selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Some(list) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(selector).ok())
    else {
        return vec![];
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Opens `url` in a second window named `name` (the presenter view);
/// false if the browser blocked it.
pub fn open_window(url: &str, name: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.open_with_url_and_target_and_features(url, name, "popup=yes,width=1100,height=760").ok())
        .flatten()
        .is_some()
}

/// Calls `near` whenever `el` comes within `margin_px` of the viewport (an
/// `IntersectionObserver`), and again on [`NearViewport::recheck`] if it is
/// still there: a long list shows more as its end scrolls into view. The
/// observer stops when this is dropped.
pub struct NearViewport {
    observer: web_sys::IntersectionObserver,
    el: web_sys::Element,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl NearViewport {
    /// `None` where the browser has no `IntersectionObserver` (the list's
    /// "Show more" button still works).
    pub fn watch(el: &web_sys::Element, margin_px: u32, near: impl Fn() + 'static) -> Option<NearViewport> {
        use wasm_bindgen::JsCast;
        let callback =
            wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let seen = entries
                    .iter()
                    .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                    .any(|e| e.is_intersecting());
                if seen {
                    near();
                }
            });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(&format!("{margin_px}px"));
        let observer =
            web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
        observer.observe(el);
        Some(NearViewport { observer, el: el.clone(), _callback: callback })
    }

    /// Asks again (an observer only reports changes): after the list grew,
    /// its end may still be in view.
    pub fn recheck(&self) {
        self.observer.unobserve(&self.el);
        self.observer.observe(&self.el);
    }
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether a simulator state is stored in this browser (its stamp is read
/// first: a few bytes instead of the whole state).
pub fn stored_state_present() -> bool {
    use crate::persist::{Backend, KEY, STAMP_KEY};
    let read = |key| LocalStorage.read(key).ok().flatten().is_some();
    read(STAMP_KEY) || read(KEY)
}
