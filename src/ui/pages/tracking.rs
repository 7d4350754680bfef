//! `/tracking`: the document tracking site. The signed-in owner's protected
//! documents, who tried to open each one and when, "Revoke access" and
//! "Export to CSV". Needs a paid subscription that includes Azure RMS.

use crate::platform::download_text;
use crate::sim::command::Revoke;
use crate::sim::sharing::Document;
use crate::sim::{Email, SimTime};
use crate::ui::components::facts::Facts;
use crate::ui::components::feedback::{Feedback, FeedbackEvents};
use crate::ui::components::icon::{Icon, icons};
use crate::ui::components::long_list::{ListSearch, PAGE, ShowMore};
use crate::ui::components::safe_text::{HiddenChars, safe_text};
use crate::ui::components::signed_in::WhenSignedIn;
use crate::ui::components::status::{Notice, NoticeView};
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn Tracking() -> impl IntoView {
    view! {
        <Title text="Document tracking" />
        <h1>"Document tracking"</h1>
        <p class="lead">"See who tried to open each file you protected, and revoke access to any of them."</p>
        <details class="why">
            <summary>"Why?"</summary>
            <p>"The document tracking site of Azure Rights Management: for each file you protected, it lists who tried to open it, when, and whether they could. Revoking stops new use licenses; readers who already hold one keep it until it expires (30 days by default, 0 days with instant revoke). It needs a paid subscription that includes Azure Rights Management."</p>
        </details>
        <WhenSignedIn what="track your documents" app=|upn| view! { <TrackingSite upn=upn /> }.into_any() />
    }
}

/// A tracked document and, once revoked, until when use licenses last.
#[derive(Clone, PartialEq)]
struct Row {
    doc: Document,
    licensed_until: Option<SimTime>,
}

#[component]
fn TrackingSite(upn: Email) -> impl IntoView {
    let sim = use_sim();
    let fb = Feedback::new();
    let notice = fb.notice;
    let u = upn.clone();
    let available = Memo::new(move |_| sim.with(|w| w.tracking_available(&u)));
    let u = upn.clone();
    let query = RwSignal::new(String::new());
    let listed = RwSignal::new(PAGE);
    let all = Memo::new({
        let u = upn.clone();
        move |_| sim.with(|w| w.tracked(&u).len())
    });
    // The documents the search finds (by name or by whom they were shared
    // with), and of those only the ones listed are read.
    let found = Memo::new({
        let u = upn.clone();
        move |_| {
            let q = query.with(|q| q.trim().to_lowercase());
            sim.with(|w| {
                w.tracked(&u)
                    .into_iter()
                    .filter(|d| {
                        q.is_empty()
                            || d.name.to_lowercase().contains(&q)
                            || d.shared_with.iter().any(|r| r.to_lowercase().contains(&q))
                    })
                    .map(|d| d.content_id.clone())
                    .collect::<Vec<_>>()
            })
        }
    });
    let total = Signal::derive(move || found.with(Vec::len));
    let rows = Memo::new(move |_| {
        let n = listed.get();
        let ids: std::collections::BTreeSet<String> = found.with(|f| f.iter().take(n).cloned().collect());
        sim.with(|w| {
            w.tracked(&u)
                .into_iter()
                .filter(|d| ids.contains(&d.content_id))
                .map(|d| {
                    let licensed_until = Some(w.locked_out_from(&d.content_id)).filter(|t| *t > w.clock);
                    Row { doc: d.clone(), licensed_until }
                })
                .collect::<Vec<_>>()
        })
    });
    let u = upn.clone();
    let revoke = Callback::new(move |(cid, name): (String, String)| {
        let owner = u.clone();
        let now = sim.with_untracked(|w| w.clock);
        let _ = fb.run_undoable(Revoke { owner, content_id: cid }, |at| {
            let at = *at;
            {
                if at <= now {
                    format!("Access to {name} is revoked: from now on ({at}) nobody but you can open it. No reader holds a use license that is still valid (with instant revoke, use licenses last 0 days).")
                } else {
                    format!("Access to {name} is revoked. Readers without a use license are locked out now; those who opened it already keep their use license until it expires, so everyone is locked out from {at}. (Use licenses last 30 days by default; “Allow me to instantly revoke access” makes them last 0 days, so revoking works at once.)")
                }
            }
        });
    });
    let export = move |_| {
        let csv = sim.with_untracked(|w| w.tracking_csv(&upn));
        match download_text("document-tracking.csv", "text/csv", &csv) {
            Ok(()) => notice.set(Notice::Ok("The access attempts were downloaded as document-tracking.csv.".into())),
            Err(e) => notice.set(Notice::Err(format!("The download didn't start: {e}"))),
        }
    };
    view! {
        {move || if !available.get() {
            view! { <NotAvailable /> }.into_any()
        } else {
            view! {
                <div class="actions"><button type="button" on:click=export.clone()>"Export to CSV"</button></div>
                <div class="sticky-notice"><NoticeView notice=notice /></div>
                <Show when=move || { all.get() > PAGE }>
                    <ListSearch id="tracking-search" label="Find a document" query=query shown=listed placeholder="file name or reader" />
                </Show>
                {move || {
                    let list = rows.get();
                    if list.is_empty() && all.get() > 0 {
                        view! { <p class="empty" role="status">{format!("No document matches “{}”.", query.get().trim())}</p> }.into_any()
                    } else if list.is_empty() {
                        view! { <p class="empty">"You haven't protected any documents yet. Protect or share one with the "<A href="/sharing">"sharing application"</A>"."</p> }.into_any()
                    } else {
                        list.into_iter().map(|r| view! { <TrackedDocument row=r on_revoke=revoke /> }).collect_view().into_any()
                    }
                }}
                <ShowMore shown=listed total=total noun="documents" />
            }.into_any()
        }}
        <FeedbackEvents feedback=fb />
    }
}

/// Why the site isn't available to this account.
#[component]
fn NotAvailable() -> impl IntoView {
    view! {
        <div class="card">
            <p>"Document tracking and revocation need a paid subscription that includes Azure Rights Management. RMS for individuals alone doesn't have them: you can protect and share files, but not track or revoke them."</p>
            <p>"An administrator of your organization can choose “Convert to paid subscription” in the "<A href="/admin">"admin center"</A>" (an unmanaged directory first needs someone to become its admin). In the Default scenario Contoso already has one: sign in as janetm@contoso.com to try it."</p>
        </div>
    }
}

/// One document: when and with whom it was shared, the access attempts,
/// and "Revoke access".
#[component]
fn TrackedDocument(row: Row, on_revoke: Callback<(String, String)>) -> impl IntoView {
    let d = row.doc;
    let hid = format!("doc-{}", d.content_id);
    let shared = if d.shared_with.is_empty() { "Nobody else.".to_string() } else { d.shared_with.join(", ") };
    let state = match (d.revoked_at, row.licensed_until) {
        (None, _) => "Not revoked.".to_string(),
        (Some(at), None) => format!("Revoked at {at}: nobody but you can open it."),
        (Some(at), Some(until)) => {
            format!("Revoked at {at}; readers who hold a use license can still open it until {until}.")
        }
    };
    let (cid, name, described) = (d.content_id.clone(), d.name.clone(), hid.clone());
    view! {
        <section class="card" aria-labelledby=hid.clone()>
            <h2 id=hid.clone()><bdi>{d.name.clone()}</bdi></h2>
            <HiddenChars name=d.name.clone() />
            <Facts rows=vec![
                ("Protected", d.protected_at.to_string()),
                ("Shared with", shared),
                ("Email notification", if d.notify { "On" } else { "Off" }.to_string()),
                ("Instant revoke", if d.instant_revoke { "On" } else { "Off" }.to_string()),
                ("Access", state),
            ] />
            {if d.accesses.is_empty() {
                view! { <p class="empty">"Nobody has tried to open it yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="stack attempts">
                            <caption class="visually-hidden">{safe_text(format!("Access attempts for {}", d.name))}</caption>
                            <thead><tr><th scope="col">"User"</th><th scope="col">"Time"</th><th scope="col">"Result"</th></tr></thead>
                            <tbody>
                                {d.accesses.iter().rev().map(|a| view! {
                                    <tr class:denied=!a.outcome.granted()>
                                        <td data-label="User">{a.who().to_string()}</td>
                                        <td data-label="Time"><time datetime=a.at.iso()>{a.at.to_string()}</time></td>
                                        <td data-label="Result" class="result">
                                            <span>
                                                {if a.outcome.granted() { view! { <Icon drawing=icons::CIRCLE_CHECK /> } } else { view! { <Icon drawing=icons::CIRCLE_ALERT /> } }}
                                                {a.outcome.to_string()}
                                            </span>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {d.revoked_at.is_none().then(|| view! {
                <button type="button" class="danger" aria-describedby=described on:click=move |_| on_revoke.run((cid.clone(), name.clone()))>"Revoke access"</button>
            })}
        </section>
    }
}
