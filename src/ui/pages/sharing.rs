//! `/sharing`: the Rights Management sharing application. Choose a file, then
//! "Protect in-place" or "Share Protected": the protect dialog (users,
//! permission level or template, expiry, notification, instant revoke)
//! protects it with the signed-in account; the result is offered as a
//! download and, when shared, emailed to the recipients. The built-in sample
//! files (`public/samples/`, fetched from this origin when picked) are chosen
//! exactly as a file from the file input is.

use crate::platform::read_file;
use crate::sim::Email;
use crate::sim::command::Protect;
use crate::sim::sharing::Delivery;
use crate::sim::sharing::{
    INSTANT_REVOKE_OPTION, MAX_FILE_BYTES, NOTIFY_OPTION, Permission, PolicyChoice, ProtectError, ProtectRequest,
    Protected, TRACKING_RULE_NOTE, naming,
};
use crate::sim::text::hidden_note;
use crate::ui::components::download::DownloadButton;
use crate::ui::components::facts::Facts;
use crate::ui::components::feedback::{Feedback, FeedbackEvents};
use crate::ui::components::icon::{Icon, icons};
use crate::ui::components::personal_list::PersonalListStatus;
use crate::ui::components::safe_text::safe_text;
use crate::ui::components::signed_in::WhenSignedIn;
use crate::ui::components::status::{Notice, NoticeView};
use crate::ui::components::trial_note::TrialNote;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    InPlace,
    Share,
}

impl Mode {
    fn title(self) -> &'static str {
        match self {
            Mode::InPlace => "Protect in-place",
            Mode::Share => "Share Protected",
        }
    }
}

/// The chosen file; its bytes are kept apart, in a non-reactive store.
#[derive(Clone, PartialEq)]
struct Chosen {
    name: String,
    size: usize,
}

/// What protecting produced: the files to download and who was emailed.
#[derive(Clone)]
struct Outcome {
    files: Vec<(String, Arc<Vec<u8>>)>,
    recipients: Vec<String>,
}

/// `12,345 bytes`.
pub(crate) fn bytes_text(n: usize) -> String {
    format!("{} {}", crate::sim::basics::number::grouped(n), if n == 1 { "byte" } else { "bytes" })
}

#[component]
pub fn Sharing() -> impl IntoView {
    let sim = use_sim();
    // The seed's trial-use note concerns the free subscription: shown unless
    // the signed-in person's organization pays for Azure RMS.
    let free = Memo::new(move |_| {
        let device = sim.device();
        sim.with(|w| {
            !w.signed_in_user(&device)
                .and_then(|u| w.tenant_of_domain(u.upn.domain()))
                .is_some_and(|t| t.has_paid_azure_rms())
        })
    });
    view! {
        <Title text="Rights Management sharing application" />
        <h1>"Rights Management sharing application"</h1>
        <p class="lead">"Choose a file or one of the sample files, then protect it in place or share it protected by email."</p>
        <details class="why">
            <summary>"Why?"</summary>
            <p>"The sharing application protects a file with your RMS account: in place (the protected file replaces it), or as a protected copy emailed to other people. Only the people you name (or everyone in your organization, with a template) can open it, with the rights you give them, and only after signing in to Microsoft Rights Management: people without an account sign up for RMS for individuals."</p>
        </details>
        <WhenSignedIn what="protect files" app=|upn| view! { <SharingApp upn=upn /> }.into_any() />
        {move || free.get().then(|| view! { <TrialNote /> })}
    }
}

#[component]
fn SharingApp(upn: Email) -> impl IntoView {
    let sim = use_sim();
    let chosen = RwSignal::new(None::<Chosen>);
    let bytes = StoredValue::new(Vec::<u8>::new());
    // Which read is the latest, so that a slow earlier one doesn't win.
    let generation = StoredValue::new(0u64);
    let reading = RwSignal::new(false);
    let mode = RwSignal::new(None::<Mode>);
    let fb = Feedback::new();
    let notice = fb.notice;
    let outcome = RwSignal::new(None::<Outcome>);

    // The sample picked last (shown as pressed), if the file came from one.
    let sample = RwSignal::new(None::<&'static str>);
    let file_ref = NodeRef::<leptos::html::Input>::new();
    // A new choice: forget the previous file and whatever was done with it.
    let begin = move || {
        generation.update_value(|g| *g += 1);
        bytes.set_value(Vec::new());
        outcome.set(None);
        mode.set(None);
        notice.set(Notice::None);
        generation.get_value()
    };
    // The checks every chosen file goes through, from the input or a sample.
    let acceptable = move |c: &Chosen| {
        if c.size > MAX_FILE_BYTES {
            notice.set(Notice::Err(ProtectError::TooLarge { bytes: c.size }.to_string()));
            return false;
        }
        if c.size == 0 {
            notice.set(Notice::Err(format!("{} is empty: there is nothing to protect. Choose another file.", c.name)));
            return false;
        }
        true
    };
    let choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let current = begin();
        sample.set(None);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            chosen.set(None);
            return;
        };
        let c = Chosen { name: file.name(), size: file.size() as usize };
        chosen.set(Some(c.clone()));
        if !acceptable(&c) {
            return;
        }
        reading.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let read = read_file(file).await;
            if generation.get_value() != current {
                return;
            }
            reading.set(false);
            match read {
                Ok(b) => bytes.set_value(b),
                Err(e) => {
                    chosen.set(None);
                    notice.set(Notice::Err(format!("{} couldn't be read: {e}", c.name)));
                }
            }
        });
    };
    // A sample: fetched from this origin, then chosen as the input would.
    let pick_sample = move |s: &'static Sample| {
        let current = begin();
        sample.set(Some(s.name));
        chosen.set(None);
        if let Some(i) = file_ref.get_untracked() {
            // The input no longer holds the chosen file.
            i.set_value("");
        }
        reading.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch_sample(s).await;
            if generation.get_value() != current {
                return;
            }
            reading.set(false);
            match fetched {
                Ok(b) => {
                    let c = Chosen { name: s.name.to_string(), size: b.len() };
                    chosen.set(Some(c.clone()));
                    if acceptable(&c) {
                        bytes.set_value(b);
                    }
                }
                Err(e) => {
                    sample.set(None);
                    notice.set(Notice::Err(format!("The sample {} couldn't be loaded: {e}. Reload the page and pick it again, or choose a file of your own.", s.name)));
                }
            }
        });
    };
    let not_ready =
        move || reading.get() || chosen.with(|c| c.as_ref().is_none_or(|c| c.size > MAX_FILE_BYTES || c.size == 0));

    let who = upn.clone();
    let protect = Callback::new(move |mut req: ProtectRequest| {
        let (Some(m), Some(c)) = (mode.get_untracked(), chosen.get_untracked()) else { return };
        req.file_name = c.name.clone();
        req.data = bytes.get_value();
        let u = who.clone();
        let delivery = match m {
            Mode::InPlace => Delivery::InPlace,
            Mode::Share => Delivery::Share,
        };
        // Protecting needs the sharing application: the command installs it
        // the first time (a no-op once it is).
        let said = |p: &Protected| {
            let mut names = vec![p.file_name.as_str()];
            names.extend(p.companion.as_ref().map(|(n, _)| n.as_str()));
            match m {
                Mode::InPlace => format!(
                    "{} is protected: {} replaces it, as Protect in-place does. Download it below.",
                    c.name, p.file_name
                ),
                Mode::Share => format!(
                    "{} {} emailed to {}. {} itself stays unprotected: only the attached copy is protected.",
                    names.join(" and "),
                    if names.len() > 1 { "were" } else { "was" },
                    p.recipients.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "),
                    c.name
                ),
            }
        };
        if let Ok(p) = fb.run_result(Protect { actor: u, request: req, delivery }, said) {
            // Only Share Protected emails anyone.
            let recipients: Vec<String> = p.recipients.iter().map(|r| r.to_string()).collect();
            let mut files = vec![(p.file_name.clone(), Arc::new(p.bytes))];
            if let Some((n, b)) = p.companion {
                files.push((n, Arc::new(b)));
            }
            outcome.set(Some(Outcome { files, recipients }));
            mode.set(None);
        }
    });
    let (in_place_ref, share_ref) = (NodeRef::<leptos::html::Button>::new(), NodeRef::<leptos::html::Button>::new());
    // Cancel returns the focus to the button that opened the dialog.
    let cancel = Callback::new(move |_: ()| {
        let back = if mode.get_untracked() == Some(Mode::Share) { share_ref } else { in_place_ref };
        mode.set(None);
        if let Some(b) = back.get_untracked() {
            let _ = b.focus();
        }
    });
    let open = move |m: Mode| {
        notice.set(Notice::None);
        outcome.set(None);
        mode.set(Some(m));
    };

    let organization = {
        let upn = upn.clone();
        move || sim.with(|w| w.tenant_of_domain(upn.domain()).map(|t| t.display_name.clone()).unwrap_or_default())
    };
    let installed = {
        let upn = upn.clone();
        move || {
            sim.with(|w| {
                w.user(&upn).and_then(|u| {
                    u.devices.first().map(|d| format!("Installed on {} ({} {}).", d.name, d.program, d.version))
                })
            })
        }
    };
    let no_rms = {
        let upn = upn.clone();
        move || {
            sim.with(|w| {
                w.tenant_of_domain(upn.domain())
                    .filter(|t| !t.has_azure_rms())
                    .map(|t| ProtectError::NoRms { organization: t.display_name.clone() }.to_string())
            })
        }
    };
    let dialog_upn = upn.clone();
    view! {
        <p class="hint">{format!("Signed in as {upn}")}" ("{organization}"). "
            {move || installed().unwrap_or_else(|| "The sharing application is installed the first time you protect a file.".into())}
        </p>
        {move || no_rms().map(|m| view! { <p class="important">{m}</p> }.into_any())}
        <section class="card" aria-labelledby="file-h">
            <h2 id="file-h">"Choose a file"</h2>
            <div class="file-choice">
                <FilePick id="sharing-file" label="File" input=file_ref hint="sharing-file-hint"
                    chosen=Signal::derive(move || chosen.with(|c| c.as_ref().map(|c| c.name.clone()))) on_change=Callback::new(choose) />
                <fieldset class="samples">
                    <legend>"Sample files"</legend>
                    <div class="sample-buttons">
                        {SAMPLES.iter().map(|s| view! {
                            <button type="button" class="sample" aria-pressed=move || if sample.get() == Some(s.name) { "true" } else { "false" }
                                on:click=move |_| pick_sample(s)>
                                <Icon drawing=s.icon />{s.name}
                            </button>
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <p class="hint" id="sharing-file-hint">{format!("A file of up to {}, or a sample about Contoso and Fabrikam. Everything stays in this browser.", bytes_text(MAX_FILE_BYTES))}</p>
            {move || reading.get().then(|| view! { <p role="status">{move || match sample.get() { Some(n) => format!("Loading {n}…"), None => "Reading the file…".to_string() }}</p> }.into_any())}
            {move || chosen.get().map(|c| view! { <FileSummary chosen=c /> }.into_any())}
            <div class="actions">
                <button type="button" class="primary" node_ref=in_place_ref prop:disabled=not_ready on:click=move |_| open(Mode::InPlace)>"Protect in-place"</button>
                <button type="button" class="primary" node_ref=share_ref prop:disabled=not_ready on:click=move |_| open(Mode::Share)>"Share Protected"</button>
            </div>
        </section>
        {move || mode.get().map(|m| view! {
            <ProtectDialog mode=m file_name=chosen.get_untracked().map(|c| c.name).unwrap_or_default() upn=dialog_upn.clone() on_submit=protect on_cancel=cancel />
        }.into_any())}
        <NoticeView notice=notice />
        {move || outcome.get().map(|o| view! { <OutcomeView outcome=o /> }.into_any())}
        <FeedbackEvents feedback=fb />
    }
}

/// A built-in sample file: served from `public/samples/` (not in the wasm).
pub(crate) struct Sample {
    pub name: &'static str,
    icon: &'static str,
    /// How the file begins: a server that answers an unknown path with the
    /// app's index.html is told apart from the real file.
    starts: fn(&[u8]) -> bool,
}

/// The samples of the UI contract, in the order shown (docs/samples.md).
pub(crate) static SAMPLES: [Sample; 4] = [
    Sample {
        name: "Sample.txt",
        icon: icons::FILE_TEXT,
        starts: |b| !b.starts_with(b"<") && std::str::from_utf8(b).is_ok(),
    },
    Sample { name: "Proposal.docx", icon: icons::FILE_TEXT, starts: |b| b.starts_with(b"PK\x03\x04") },
    Sample { name: "Pricing.pdf", icon: icons::FILE_TEXT, starts: |b| b.starts_with(b"%PDF-") },
    Sample { name: "Photo.jpg", icon: icons::FILE, starts: |b| b.starts_with(&[0xff, 0xd8, 0xff]) },
];

/// Fetches a sample from this origin (`connect-src 'self'`).
async fn fetch_sample(s: &Sample) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    let text = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let window = web_sys::window().ok_or("there is no window")?;
    let answer = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&format!("/samples/{}", s.name)))
        .await
        .map_err(|_| "the browser couldn't reach this simulator's server".to_string())?;
    let response: web_sys::Response = answer.dyn_into().map_err(text)?;
    if !response.ok() {
        return Err(format!("the server answered {} {}", response.status(), response.status_text()));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(text)?).await.map_err(text)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if !(s.starts)(&bytes) {
        return Err(
            "the server sent something else instead (public/samples must be served with the app, see docs/samples.md)"
                .into(),
        );
    }
    Ok(bytes)
}

/// A file input shown as a button with the chosen file's name beside it
/// (no "No file chosen" beside a chosen file). The visible field label is
/// the input's accessible name; a second label, the button, opens the picker.
#[component]
pub(crate) fn FilePick(
    id: &'static str,
    label: &'static str,
    input: NodeRef<leptos::html::Input>,
    hint: &'static str,
    chosen: Signal<Option<String>>,
    on_change: Callback<leptos::ev::Event>,
) -> impl IntoView {
    let label_id = format!("{id}-label");
    let name_id = format!("{id}-name");
    view! {
        <div class="file-pick">
            <label id=label_id.clone() for=id>{label}</label>
            <div class="file-row">
                <input id=id node_ref=input type="file" class="file-input" aria-labelledby=label_id
                    aria-describedby=format!("{name_id} {hint}") on:change=move |ev| on_change.run(ev) />
                <label for=id class="file-button" aria-hidden="true"><Icon drawing=icons::FILE />"Choose a file"</label>
                <span class="file-name" id=name_id>{move || match chosen.get() {
                    Some(n) => view! { <bdi>{n}</bdi> }.into_any(),
                    None => view! { <span class="empty">"None chosen yet"</span> }.into_any(),
                }}</span>
            </div>
        </div>
    }
}

/// The chosen file: its size and what protecting makes of it.
#[component]
fn FileSummary(chosen: Chosen) -> impl IntoView {
    let n = naming(&chosen.name);
    let what = if n.office {
        format!(
            "An Office file keeps its name ({}) and is protected natively: Word, Excel and PowerPoint enforce the rights. Shared by email, it also gets a read-only .ppdf copy for mobile devices.",
            n.protected_name
        )
    } else if n.native {
        format!(
            "It becomes {}: native protection. The content is encrypted and the viewer enforces the rights you give.",
            n.protected_name
        )
    } else {
        format!(
            "It becomes {}: generic protection. This file type can't be protected natively, so it is wrapped in a .pfile: opening it needs the reader to sign in, but the rights are only shown, not enforced.",
            n.protected_name
        )
    };
    let mut rows = vec![("Chosen", format!("{} ({})", chosen.name, bytes_text(chosen.size)))];
    rows.extend(hidden_note(&chosen.name).map(|n| ("Hidden characters", n)));
    rows.push(("Protected as", what));
    view! { <Facts rows=rows /> }
}

/// The permission level or template picked in the dialog.
#[derive(Clone, PartialEq)]
enum Choice {
    Level(Permission),
    Template(String),
}

#[derive(Clone, PartialEq)]
struct OrgTemplates {
    organization: String,
    list: Vec<(String, String, &'static str)>,
    available: bool,
}

/// The sharing application's protect dialog ("Share Protected" or, for
/// Protect in-place, custom permissions).
#[component]
fn ProtectDialog(
    mode: Mode,
    file_name: String,
    upn: Email,
    on_submit: Callback<ProtectRequest>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let sim = use_sim();
    let users = RwSignal::new(String::new());
    let choice = RwSignal::new(Choice::Level(Permission::Viewer));
    let expires = RwSignal::new(String::new());
    let notify = RwSignal::new(false);
    let instant = RwSignal::new(false);
    let no_tracking = {
        let domain = upn.domain().to_string();
        Signal::derive(move || !sim.with(|w| w.tenant_of_domain(&domain).is_some_and(|t| w.tracking_supported(&t.id))))
    };
    let users_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(i) = users_ref.get() {
            let _ = i.focus();
        }
    });
    let templates = Memo::new(move |_| {
        sim.with(|w| {
            let t = w.tenant_of_domain(upn.domain())?;
            Some(OrgTemplates {
                organization: t.display_name.clone(),
                list: t.templates.iter().map(|x| (x.id.clone(), x.name.clone(), x.description())).collect(),
                available: t.templates_available(),
            })
        })
    });
    let today = move || sim.with(|w| w.clock.iso()[..10].to_string());
    let template_chosen = move || matches!(choice.get(), Choice::Template(_));
    let users_hint = move || {
        match (mode, template_chosen()) {
        (Mode::Share, _) => "The recipients: email addresses separated by semicolons, for example janetm@contoso.com; p.dover@fabrikam.com. Work or school addresses, inside or outside your organization.".to_string(),
        (Mode::InPlace, false) => "The people who may open the file: email addresses separated by semicolons, for example janetm@contoso.com; p.dover@fabrikam.com. You can always open it.".to_string(),
        (Mode::InPlace, true) => format!("Not needed with a template: everyone in {} can open the file.", templates.get().map(|t| t.organization).unwrap_or_default()),
    }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !sim.personal_ready() {
            return;
        }
        let policy = match choice.get_untracked() {
            Choice::Level(p) => PolicyChoice::Custom(p),
            Choice::Template(id) => PolicyChoice::Template(id),
        };
        let template = matches!(policy, PolicyChoice::Template(_));
        on_submit.run(ProtectRequest {
            file_name: String::new(),
            data: vec![],
            users: users.get_untracked(),
            policy,
            // Not available with a template: the field is disabled and ignored.
            expires_on: if template { String::new() } else { expires.get_untracked() },
            notify: notify.get_untracked(),
            instant_revoke: instant.get_untracked(),
        });
    };
    let generic = !naming(&file_name).native;
    let heading = format!("{}: {file_name}", mode.title());
    view! {
        <section class="card protect-dialog" role="dialog" aria-labelledby="protect-h"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_cancel.run(()) }>
            <h2 id="protect-h">{safe_text(heading)}</h2>
            <form on:submit=submit novalidate>
                <label for="protect-users">"Users"</label>
                <input id="protect-users" node_ref=users_ref type="text" spellcheck="false" autocomplete="off" aria-describedby="protect-users-hint" bind:value=users />
                <p class="hint" id="protect-users-hint">{users_hint}</p>
                {generic.then(|| view! { <p class="important">"Generic Protection: this file type can't be protected natively, so you can't restrict the permissions further than authorization. Whatever you choose, the people you name get every right; the level is only shown to them."</p> })}
                <fieldset>
                    <legend>"Permissions"</legend>
                    {Permission::ALL.into_iter().map(|p| {
                        let id = format!("level-{}", p.label().to_ascii_lowercase());
                        view! {
                            <PolicyRadio id=id label=p.label().to_string() description=p.description().to_string() disabled=false
                                checked=Signal::derive(move || choice.get() == Choice::Level(p)) on_pick=Callback::new(move |_: ()| choice.set(Choice::Level(p))) />
                        }
                    }).collect_view()}
                </fieldset>
                {move || templates.get().filter(|t| !t.list.is_empty()).map(|t| view! {
                    <fieldset>
                        <legend>{format!("Templates of {}", t.organization)}</legend>
                        {(!t.available).then(|| view! { <p class="hint">{ProtectError::TemplatesNotAvailable.to_string()}</p> })}
                        {t.list.into_iter().enumerate().map(|(i, (tid, name, description))| {
                            let (a, b) = (tid.clone(), tid);
                            view! {
                                <PolicyRadio id=format!("template-{i}") label=name description=description.to_string() disabled=!t.available
                                    checked=Signal::derive(move || choice.get() == Choice::Template(a.clone())) on_pick=Callback::new(move |_: ()| choice.set(Choice::Template(b.clone()))) />
                            }
                        }).collect_view()}
                    </fieldset>
                }.into_any())}
                <label for="protect-expires">"Expire these documents on"</label>
                <input id="protect-expires" type="date" min=today aria-describedby="protect-expires-hint" prop:disabled=template_chosen bind:value=expires />
                <p class="hint" id="protect-expires-hint">{move || if template_chosen() {
                    "Not available when you select a policy template."
                } else {
                    "Leave empty for no expiry. After midnight (UTC, the simulated clock's zone) at the end of that day, nobody but you can open the files."
                }}</p>
                <CheckOption id="protect-notify" checked=notify label=NOTIFY_OPTION disabled=no_tracking
                    hint="The email says who tried, when, and whether they could open it." />
                <CheckOption id="protect-revoke" checked=instant label=INSTANT_REVOKE_OPTION disabled=no_tracking
                    hint="Readers must be online every time they open the files (their use license is valid 0 days), so revoking takes effect at once. Otherwise a reader's use license lasts up to 30 days." />
                {move || no_tracking.get().then(|| view! { <p class="hint important">"Not available to your organization: "{TRACKING_RULE_NOTE}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" prop:disabled=move || !sim.personal_ready()>{if mode == Mode::InPlace { "Apply" } else { "Send" }}</button>
                    <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
                <PersonalListStatus />
            </form>
        </section>
    }
}

/// One choice of the dialog's permission list: a level or a template. The
/// label is the accessible name; the description is help text.
#[component]
fn PolicyRadio(
    id: String,
    label: String,
    description: String,
    disabled: bool,
    checked: Signal<bool>,
    on_pick: Callback<()>,
) -> impl IntoView {
    let hint = format!("{id}-hint");
    view! {
        <div class="choice">
            <input type="radio" name="protect-policy" id=id.clone() aria-describedby=hint.clone() disabled=disabled
                prop:checked=checked on:change=move |_| on_pick.run(()) />
            <label for=id>{label}</label>
            <span class="hint" id=hint>{description}</span>
        </div>
    }
}

/// A checkbox of the dialog, with its help text.
#[component]
fn CheckOption(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    checked: RwSignal<bool>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    Effect::new(move |_| {
        if disabled.get() {
            checked.set(false);
        }
    });
    view! {
        <label class="check"><input type="checkbox" id=id aria-describedby=hint_id.clone() bind:checked=checked prop:disabled=disabled />{label}</label>
        <p class="hint" id=hint_id>{hint}</p>
    }
}

/// The protected file(s) to download, and the recipients' inboxes.
#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    let shared = !outcome.recipients.is_empty();
    // The dialog is gone: the focus moves to the result.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="card" aria-labelledby="result-h">
            <h2 id="result-h" tabindex="-1" node_ref=heading>"Protected"</h2>
            <div class="actions">
                {outcome.files.into_iter().enumerate().map(|(i, (name, bytes))| view! {
                    <DownloadButton name=name mime="application/octet-stream".to_string() bytes=bytes primary=i == 0 />
                }).collect_view()}
            </div>
            {shared.then(|| view! {
                <p>"Emailed to:"</p>
                <ul>
                    {outcome.recipients.into_iter().map(|r| view! {
                        <li><A href=format!("/inbox/{r}")>{format!("Inbox of {r}")}</A></li>
                    }).collect_view()}
                </ul>
            })}
            <p class="hint">"Open a protected file in the "<A href="/viewer">"Protected file viewer"</A>"; see who opened it on the "<A href="/tracking">"document tracking site"</A>"."</p>
        </section>
    }
}
