//! `/viewer` (and `/viewer?file=<attachment id>`): the sharing application's
//! viewer. Opening asks the simulated service for a use license as the
//! signed-in reader; the page shows the content first, with the rights
//! enforced (no Print button without PRINT, no copying without EXTRACT, no
//! unprotected copy without EXPORT), then who protected the file and the
//! reader's rights; or an alert saying why it can't be opened, with "Try
//! again".

use super::sharing::{FilePick, bytes_text};
use crate::platform::{alert, download_bytes, object_url, print, read_file, revoke_object_url};
use crate::sim::command::{OpenProtected, RemoveProtection};
use crate::sim::email::query_encode;
use crate::sim::sharing::Client;
use crate::sim::sharing::{Header, MAX_FILE_BYTES, OpenError, Opened, inspect, unprotected_name};
use crate::sim::text::hidden_note;
use crate::sim::{Right, SimTime, World};
use crate::ui::components::download::DownloadButton;
use crate::ui::components::facts::Facts;
use crate::ui::components::feedback::{Feedback, FeedbackEvents};
use crate::ui::components::rights::RightsList;
use crate::ui::components::signed_in::SignInFirst;
use crate::ui::components::status::{Notice, NoticeView};
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// The loaded file: its name and bytes (non-reactive).
type Loaded = StoredValue<Option<(String, Vec<u8>)>>;

/// A successful opening and the simulated time it happened.
#[derive(Clone)]
struct OpenedAt {
    opened: Opened,
    at: SimTime,
}

/// The mailbox an attachment was sent to, if only one received it (for the
/// sign-in links).
fn recipient_of(w: &World, id: &str) -> Option<String> {
    let mut holders =
        w.mail.mailboxes.values().filter(|m| m.messages.iter().any(|x| x.attachments().iter().any(|a| a == id)));
    match (holders.next(), holders.next()) {
        (Some(m), None) => Some(m.address.clone()),
        _ => None,
    }
}

#[component]
pub fn Viewer() -> impl IntoView {
    let sim = use_sim();
    let query = use_query_map();
    let file: Loaded = StoredValue::new(None);
    let name = RwSignal::new(None::<String>);
    let inspected = RwSignal::new(None::<Result<Header, OpenError>>);
    let result = RwSignal::new(None::<Result<OpenedAt, OpenError>>);
    let sent_to = RwSignal::new(None::<String>);
    let fb = Feedback::new();
    let notice = fb.notice;
    let device = RwSignal::new(Client::WindowsSharingApp);

    let open = move || {
        let Some((n, bytes)) = file.get_value() else { return };
        let reader = sim.signed_in_untracked();
        // What the service answered shows in place of the file (below), not as a notice.
        let r = fb.run(OpenProtected { client: device.get_untracked(), reader, file_name: n, bytes }, |_| Notice::None);
        let at = sim.with_untracked(|w| w.clock);
        result.set(Some(r.map(|opened| OpenedAt { opened, at })));
    };
    let load = move |n: String, bytes: Vec<u8>| {
        inspected.set(Some(inspect(&bytes)));
        name.set(Some(n.clone()));
        file.set_value(Some((n, bytes)));
        notice.set(Notice::None);
        open();
    };
    // `?file=<id>`: an attachment stored in the world (from the inbox).
    Effect::new(move |_| {
        let Some(id) = query.with(|q| q.get("file")) else { return };
        untrack(|| {
            match sim.with_untracked(|w| (w.mail.attachment(&id), recipient_of(w, &id))) {
            (Some((n, bytes)), to) => {
                sent_to.set(to);
                load(n, bytes);
            }
            (None, _) => notice.set(Notice::Err(format!(
                "There is no stored attachment “{id}”: the simulator's state may have been reset or replaced. Open the file from its message in the inbox, or choose it below."
            ))),
        }
        });
    });
    let generation = StoredValue::new(0u64);
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        generation.update_value(|g| *g += 1);
        let current = generation.get_value();
        let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
        let n = f.name();
        sent_to.set(None);
        // A protected file is its content plus a header of a few kilobytes.
        if f.size() as usize > MAX_FILE_BYTES + 64 * 1024 {
            file.set_value(None);
            name.set(None);
            inspected.set(None);
            result.set(None);
            notice.set(Notice::Err(format!("{n} has {}: bigger than any file the sharing application in this simulator protects, so it isn't one of them.", bytes_text(f.size() as usize))));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let read = read_file(f).await;
            if generation.get_value() != current {
                return;
            }
            match read {
                Ok(bytes) => load(n, bytes),
                Err(e) => notice.set(Notice::Err(format!("{n} couldn't be read: {e}"))),
            }
        });
    };
    let reader = move || sim.signed_in().map(|u| u.to_string());
    let file_ref = NodeRef::<leptos::html::Input>::new();
    let retry = Callback::new(move |_: ()| open());
    view! {
        <Title text="Protected file viewer" />
        <h1>"Protected file viewer"</h1>
        <p class="lead">"Choose a protected file to read it with the rights its owner gave you."</p>
        <section class="card viewer-tools" aria-label="Open a file">
            <div class="viewer-choice">
                <FilePick id="viewer-file" label="Protected file" input=file_ref hint="viewer-file-hint"
                    chosen=name.into() on_change=Callback::new(choose) />
                <div class="viewer-device">
                    <label for="viewer-device">"Device"</label>
                    <select id="viewer-device" aria-describedby="viewer-device-hint" on:change=move |ev| {
                        device.set(if event_target_value(&ev) == "mobile" { Client::MobileSharingApp } else { Client::WindowsSharingApp });
                        if file.with_value(|f| f.is_some()) { open(); }
                    }>
                        <option value="windows" selected=move || device.get() == Client::WindowsSharingApp>{Client::WindowsSharingApp.device()}</option>
                        <option value="mobile" selected=move || device.get() == Client::MobileSharingApp>{Client::MobileSharingApp.device()}</option>
                    </select>
                </div>
            </div>
            <p class="hint" id="viewer-file-hint">{move || match reader() {
                Some(u) => format!("Reading as {u}."),
                None => "Not signed in: a protected file opens only for the people its owner named.".to_string(),
            }}</p>
            <details class="why">
                <summary>"Why?"</summary>
                <p>"This is the sharing application's viewer: it signs you in to Microsoft Rights Management, asks the service for a use license for the file, and shows the content with the rights the license grants. It opens files protected by the sharing application: .ptxt, .pxml, .pjpg, .ppng, .ppdf, .pfile, a protected Office file… Attachments in the inbox open here with “Open in the viewer”."</p>
                <p id="viewer-device-hint">"The seed's readers open protected files on computers (the Rights Management sharing application) or mobile devices (the RMS sharing app). A mobile device reads protected PDF, text and image files (not Office documents: their .ppdf copy is for it), and asks the service with FECreateEndUserLicenseV1 instead of AcquireLicense, as the usage log shows."</p>
            </details>
        </section>
        <NoticeView notice=notice />
        {move || result.get().map(|r| match r {
            Ok(o) => view! { <OpenedFile opened=o file=file fb=fb /> }.into_any(),
            Err(e) => view! { <Refused error=e sent_to=sent_to.get_untracked() on_retry=retry /> }.into_any(),
        })}
        {move || inspected.get().map(|h| view! { <Inspect header=h /> }.into_any())}
        {move || (name.get().is_none() && reader().is_none()).then(|| view! { <SignInFirst what="open protected files" /> }.into_any())}
        <FeedbackEvents feedback=fb />
    }
}

/// Why the file doesn't open (the engine's message), with the way forward.
#[component]
fn Refused(error: OpenError, sent_to: Option<String>, on_retry: Callback<()>) -> impl IntoView {
    let sign_in = matches!(error, OpenError::NotSignedIn { .. });
    // Trying again helps where something can change: a sign-in, another
    // account, the clock, the owner's mind. Not for a file that isn't
    // protected or is damaged.
    let retry = !matches!(error, OpenError::NotProtected | OpenError::Damaged);
    let q = sent_to.map(|a| format!("?email={}", query_encode(&a))).unwrap_or_default();
    view! {
        <div role="alert" class="notice err refused">
            <p>{error.to_string()}</p>
            {retry.then(|| view! { <button type="button" class="small" on:click=move |_| on_retry.run(())>"Try again"</button> })}
        </div>
        {sign_in.then(|| view! {
            <p>
                <A href=format!("/signin{q}")>"Sign in"</A>" or "
                <A href=format!("/portal{q}")>"sign up for RMS for individuals"</A>
                ", then come back and choose “Try again”."
            </p>
        })}
    }
}

/// Who protected the file, the reader's rights and license, the content.
#[component]
fn OpenedFile(opened: OpenedAt, file: Loaded, fb: Feedback) -> impl IntoView {
    let OpenedAt { opened: o, at } = opened;
    let h = &o.header;
    let policy = match &o.template {
        Some(t) => format!("The template “{t}”: everyone in {} can open it.", h.organization),
        None if o.shared_with.is_empty() => "Custom permissions.".to_string(),
        None => format!("Custom permissions for {}.", o.shared_with.join(", ")),
    };
    let license = match o.license_valid_until {
        None => "Owner: no use license needed.".to_string(),
        Some(until) if until <= at => {
            "None kept: with instant revoke, the viewer asks the service every time the file is opened.".to_string()
        }
        Some(until) if o.from_cached_license => {
            format!("Valid until {until}: an already-held use license was used, without asking the service.")
        }
        Some(until) => format!("Valid until {until}: until then the file opens without asking the service again."),
    };
    let expires = match o.expires {
        None => "Never.".to_string(),
        Some(e) => format!("{e} (its owner can still open it after that)."),
    };
    let protection = if o.native {
        "Native: the content is encrypted and its rights are enforced."
    } else {
        "Generic (.pfile): opening it needs authentication, but the rights are only shown, not enforced."
    };
    let mut rows = vec![("File", format!("{} (originally {})", h.protected_name, h.original_name))];
    rows.extend(
        hidden_note(&h.original_name)
            .or_else(|| hidden_note(&h.protected_name))
            .map(|note| ("Hidden characters", note)),
    );
    rows.extend([
        ("Protected by", format!("{} ({})", h.issuer, h.organization)),
        ("Protected on", h.protected_at.to_string()),
        ("Protection", protection.to_string()),
        ("Policy", policy),
        ("Expires", expires),
        ("Use license", license),
    ]);
    let rights_heading = if o.is_owner {
        "Your rights (you are the owner: Full Control)"
    } else if o.super_user {
        "Your rights (you are a super user of the organization that protected it: Full Control)"
    } else {
        "Your rights"
    };
    view! {
        <div class="viewer-result">
            <section class="card content-card" aria-labelledby="content-h">
                <h2 id="content-h">"Content"</h2>
                {if o.native { view! { <NativeContent opened=o.clone() /> }.into_any() } else { view! { <GenericFile opened=o.clone() /> }.into_any() }}
            </section>
            <section class="card protection-card" aria-labelledby="protection-h">
                <h2 id="protection-h">"Protection"</h2>
                <Facts rows=rows />
                <h3>{rights_heading}</h3>
                <RightsList rights=o.rights.clone() />
            </section>
        </div>
        {o.rights.contains(&Right::Owner).then(|| view! { <RemoveProtection file=file content_type=o.header.content_type.clone() fb=fb /> })}
    }
}

/// Natively protected content, with the rights enforced.
#[component]
fn NativeContent(opened: Opened) -> impl IntoView {
    let has = |r: Right| opened.rights.contains(&r);
    let (print_ok, copy_ok, export_ok) = (has(Right::Print), has(Right::Extract), has(Right::Export));
    let h = opened.header;
    let ct = h.content_type.clone();
    // Save As, Export: an unprotected copy of text, images and PDFs too.
    let save_as = (export_ok && (ct.starts_with("text/") || ct.starts_with("image/") || ct == "application/pdf"))
        .then(|| (unprotected_name(&h.protected_name, &h.original_name), ct.clone(), Arc::new(opened.content.clone())));
    let body = if ct.starts_with("text/") {
        view! { <pre class="text-content" tabindex="0">{String::from_utf8_lossy(&opened.content).into_owned()}</pre> }
            .into_any()
    } else if ct.starts_with("image/") || ct == "application/pdf" {
        // The PDF viewer's own toolbar (print, download) only with both rights.
        view! { <BlobView bytes=opened.content mime=ct.clone() title=h.original_name.clone() toolbar=print_ok && export_ok /> }.into_any()
    } else {
        let name = unprotected_name(&h.protected_name, &h.original_name);
        view! { <OfficeFile name=name content_type=ct.clone() rights=opened.rights.clone() content=Arc::new(opened.content) export=export_ok /> }.into_any()
    };
    let block = move |ev: web_sys::Event| {
        if !copy_ok {
            ev.prevent_default();
        }
    };
    view! {
        <div class="content-tools">
            {if print_ok {
                view! { <button type="button" on:click=move |_| print()>"Print"</button> }.into_any()
            } else {
                view! { <p class="hint">"Printing is not allowed: you don't have the Print right."</p> }.into_any()
            }}
            {(!copy_ok).then(|| view! { <p class="hint">"Copying is not allowed: you don't have the Copy right."</p> })}
            {save_as.map(|(name, mime, bytes)| view! { <DownloadButton name=name mime=mime bytes=bytes /> })}
        </div>
        <div class="protected-content" class:no-copy=!copy_ok class:no-print=!print_ok
            on:copy=move |ev| block(ev.into()) on:cut=move |ev| block(ev.into())
            on:contextmenu=move |ev| block(ev.into()) on:dragstart=move |ev| block(ev.into())>
            {body}
        </div>
    }
}

/// An image or PDF shown from a `blob:` URL, revoked when it goes away.
#[component]
fn BlobView(bytes: Vec<u8>, mime: String, title: String, toolbar: bool) -> impl IntoView {
    match object_url(&bytes, &mime) {
        Err(e) => view! { <p role="alert" class="notice err">{format!("The browser couldn't show {title}: {e}")}</p> }
            .into_any(),
        Ok(url) => {
            let u = url.clone();
            on_cleanup(move || revoke_object_url(&u));
            if mime == "application/pdf" {
                view! {
                    <iframe class="pdf-frame" src=if toolbar { url } else { format!("{url}#toolbar=0") } title=format!("The protected PDF {title}")></iframe>
                    <p class="hint">"The browser's PDF viewer shows the decrypted pages."</p>
                }
                .into_any()
            } else {
                view! {
                    <img class="image-content" src=url alt=format!("The protected image {title}") />
                    {(mime == "image/tiff").then(|| view! { <p class="hint">"Browsers other than Safari don't display TIFF images: the sharing application's viewer on Windows does."</p> })}
                }
                .into_any()
            }
        }
    }
}

/// An Office (or other native) file: it opens in its own application, with
/// the restriction banner; a copy only with Save As, Export.
#[component]
fn OfficeFile(
    name: String,
    content_type: String,
    rights: Vec<Right>,
    content: Arc<Vec<u8>>,
    export: bool,
) -> impl IntoView {
    view! {
        <div class="restricted" role="note" aria-label="Restricted access">
            <p><strong>"RESTRICTED ACCESS"</strong>" Permission is currently restricted. Only specified users can access this content."</p>
            <details>
                <summary>"View permission"</summary>
                <RightsList rights=rights />
            </details>
        </div>
        <p>{format!("{name} opens in its Office application, which shows this banner and enforces the rights; the browser can't display it.")}</p>
        {if export {
            view! {
                <p class="hint">"You have Save As, Export, so you may save a copy:"</p>
                <DownloadButton name=name mime=content_type bytes=content />
            }
            .into_any()
        } else {
            view! { <p class="hint">"Without the Save As, Export right you can't save a copy."</p> }.into_any()
        }}
    }
}

/// A .pfile: the "protected file" dialog, then "Open" saves the original.
#[component]
fn GenericFile(opened: Opened) -> impl IntoView {
    let h = opened.header;
    let name = unprotected_name(&h.protected_name, &h.original_name);
    let (ct, content) = (h.content_type.clone(), opened.content);
    let saved = RwSignal::new(Notice::None);
    let n = name.clone();
    let save = move |_| match download_bytes(&n, &ct, &content) {
        Ok(()) => saved.set(Notice::Ok(format!(
            "{n} was saved without the .pfile extension: it is no longer protected. Open it with its usual application."
        ))),
        Err(e) => alert(&format!("The download didn't start: {e}")),
    };
    view! {
        <div class="pfile-dialog" role="group" aria-labelledby="pfile-h">
            <h3 id="pfile-h">"Protected file (.pfile)"</h3>
            <p>{format!("{} protected {name} with Microsoft Rights Management ({}).", h.issuer, h.organization)}</p>
            <p>"Please honour the permissions you were given (above). For this type of file the sharing application can only check who you are: it shows the permissions but can't enforce them once the file is open."</p>
            <button type="button" class="primary" on:click=save>"Open"</button>
        </div>
        <NoticeView notice=saved />
    }
}

/// The owner's "Remove protection": the original back, unprotected.
#[component]
fn RemoveProtection(file: Loaded, content_type: String, fb: Feedback) -> impl IntoView {
    let sim = use_sim();
    // The outcome shows in this section, where the person clicked.
    let notice = RwSignal::new(Notice::None);
    let remove = move |_| {
        let Some((n, bytes)) = file.get_value() else { return };
        let actor = sim.signed_in_untracked();
        notice.set(match fb.run(RemoveProtection { actor, file_name: n, bytes }, |_| Notice::None) {
            Ok((name, content)) => match download_bytes(&name, &content_type, &content) {
                Ok(()) => Notice::Ok(format!("Protection removed: the file is saved as {name}, unprotected. Copies you already shared stay protected.")),
                Err(e) => Notice::Err(format!("The download didn't start: {e}")),
            },
            Err(e) => Notice::Err(e.to_string()),
        });
    };
    view! {
        <section class="card" aria-labelledby="owner-h">
            <h2 id="owner-h">"Full Control"</h2>
            <p>"With Full Control you can remove the protection: the sharing application replaces the protected file with the original."</p>
            <button type="button" on:click=remove>"Remove protection"</button>
            <NoticeView notice=notice />
        </section>
    }
}

/// The file's readable header: what anyone can see without a use license.
#[component]
fn Inspect(header: Result<Header, OpenError>) -> impl IntoView {
    view! {
        <details class="card inspect">
            <summary>"Inspect the file"</summary>
            {match header {
                Err(OpenError::NotProtected) => view! { <p>"This file has no Rights Management header: it isn't protected."</p> }.into_any(),
                Err(_) => view! { <p>"The header can't be read: the file has been altered or damaged."</p> }.into_any(),
                Ok(h) => view! {
                    <p class="hint">"Anyone can read this header. The policy (who may open the file, with which rights, and the content key) is encrypted with the organization's tenant key, which only the service holds; the content is encrypted with the content key; and the whole file is signed, so any change is detected."</p>
                    <Facts rows=vec![
                        ("Content ID", h.content_id),
                        ("Original name", h.original_name),
                        ("Protected name", h.protected_name),
                        ("Content type", h.content_type),
                        ("Protection", h.protection),
                        ("Issuer", h.issuer),
                        ("Organization", h.organization),
                        ("Protected on", h.protected_at.to_string()),
                        ("Tenant key ID", h.key_id),
                        ("Algorithm", h.algorithm),
                    ] />
                }.into_any(),
            }}
        </details>
    }
}
