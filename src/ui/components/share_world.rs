//! "Share this world" on the start page, and the offer a shared link makes
//! when it is opened.
//!
//! The link carries the whole world in its fragment (`persist::share`), so
//! no server sees it; a QR code holds the same link for phones when it fits
//! in one. Opening such a link offers "Load this world" (the world you had
//! is kept as a checkpoint first, and Undo reverses the load) or "Keep my
//! world"; a damaged or foreign link says so and changes nothing.

use super::status::{Notice, NoticeView};
use crate::persist::share::{self, QR_MAX_BYTES};
use crate::platform::{clear_fragment, copy_text, start_page_link};
use crate::sim::basics::number::grouped;
use crate::ui::state::use_sim;
use leptos::prelude::*;

#[component]
pub fn ShareWorld() -> impl IntoView {
    let sim = use_sim();
    let link = RwSignal::new(None::<String>);
    let notice = RwSignal::new(Notice::None);
    // A link describes the world when it was made: a later change asks for a new one.
    let made_at = RwSignal::new(0u64);
    let make = move |_| {
        let fragment = sim.with_untracked(share::fragment);
        link.set(Some(start_page_link(&fragment)));
        made_at.set(sim.revision.get_untracked());
        notice.set(Notice::None);
    };
    let current = move || link.get().filter(|_| made_at.get() == sim.revision.get());
    view! {
        <section class="card share" aria-labelledby="share-h">
            <h2 id="share-h">"Share this world"</h2>
            <p class="hint">"A link that carries the whole world, for every trainee to start from the same place. The world is in the part after “#”, which a browser never sends to a server. Opening it offers to load that world and keeps the trainee's own as a checkpoint."</p>
            <button type="button" class="primary" on:click=make>"Share this world"</button>
            {move || current().map(|l| {
                let bytes = l.len();
                let copy_link = l.clone();
                view! {
                    <div class="share-result">
                        <label for="share-link">"Link to this world"</label>
                        <input id="share-link" type="text" readonly prop:value=l.clone()
                            on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); } />
                        <div class="actions">
                            <button type="button" on:click=move |_| {
                                notice.set(if copy_text(&copy_link) {
                                    Notice::Ok("The link was copied: paste it into the chat or a mail to the trainees.".into())
                                } else {
                                    Notice::Err("This browser didn't let the page copy: select the link and copy it by hand.".into())
                                });
                            }>"Copy link"</button>
                            <a href=l.clone() target="_blank" rel="noopener">"Open the link in a new tab"</a>
                        </div>
                        <p class="hint">{format!("The link is {} characters long.", grouped(bytes))}</p>
                        <QrCode link=l />
                    </div>
                }
            })}
            {move || (link.get().is_some() && current().is_none()).then(|| view! {
                <p class="hint">"The world changed since the link was made: make a new one to share the world as it is now."</p>
            })}
            <NoticeView notice=notice />
        </section>
    }
}

/// The QR code of a link, drawn as one SVG path; or, when the link is too
/// long for one code, why there is none and what to do instead.
#[component]
fn QrCode(link: String) -> impl IntoView {
    match share::qr(&link) {
        Ok(qr) => {
            let size = qr.size();
            view! {
                <svg class="qr" role="img" aria-label="QR code of the link to this world"
                    viewBox=format!("0 0 {size} {size}") shape-rendering="crispEdges">
                    <rect width=size.to_string() height=size.to_string() fill="#fff" />
                    <path d=qr.path() fill="#000" />
                </svg>
                <p class="hint">"Scan it with a phone's camera to open this world there."</p>
            }
            .into_any()
        }
        Err(bytes) => view! {
            <p class="note" role="note">{format!(
                "No QR code: this link is {} bytes and one QR code holds at most {}. Send the link instead (chat or mail), or share an earlier world: restore a smaller checkpoint or load a scenario, then share that.",
                grouped(bytes), grouped(QR_MAX_BYTES)
            )}</p>
        }
        .into_any(),
    }
}

/// The offer of a shared link opened in this tab (in the app, above the page).
#[component]
pub fn SharedWorldOffer() -> impl IntoView {
    let sim = use_sim();
    let notice = RwSignal::new(Notice::None);
    let dismiss = move || {
        clear_fragment();
        sim.shared.set(None);
    };
    let load = move |_| {
        let Some(Ok(world)) = sim.shared.get_untracked() else { return };
        // The world the person had is kept as a checkpoint before it goes.
        let kept = keep_as_checkpoint(&sim);
        sim.replace(world, "Load a shared world");
        dismiss();
        notice.set(Notice::Ok(match kept {
            Ok(name) => format!("The shared world is loaded. Your world was kept as the checkpoint “{name}” on the start page, and “Undo” brings it back too."),
            Err(e) => format!("The shared world is loaded. Your world couldn't be kept as a checkpoint ({e}); “Undo” brings it back."),
        }));
    };
    view! {
        {move || match sim.shared.get() {
            None => None,
            Some(Ok(w)) => Some(view! {
                <section class="card shared-offer" aria-labelledby="shared-h">
                    <h2 id="shared-h">"This link carries a world"</h2>
                    <p>{format!(
                        "It was shared from the scenario “{}”, at {} in the simulation, with {} accounts. Loading it replaces the world in this browser (for every tab); yours is kept as a checkpoint first.",
                        crate::sim::Preset::from_id(&w.scenario).map(|p| p.name()).unwrap_or("an imported state"),
                        w.clock,
                        w.directory.tenants.values().map(|t| t.users.len()).sum::<usize>()
                    )}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=load>"Load this world"</button>
                        <button type="button" on:click=move |_| dismiss()>"Keep my world"</button>
                    </div>
                </section>
            }.into_any()),
            Some(Err(e)) => Some(view! {
                <section class="card shared-offer" aria-labelledby="shared-h">
                    <h2 id="shared-h">"This link's world can't be loaded"</h2>
                    <p role="alert">{e.to_string()}</p>
                    <button type="button" on:click=move |_| dismiss()>"Dismiss"</button>
                </section>
            }.into_any()),
        }}
        <NoticeView notice=notice />
    }
}

/// Saves the current world as a checkpoint with a free name.
fn keep_as_checkpoint(sim: &crate::ui::state::Sim) -> Result<String, crate::persist::history::HistoryError> {
    let base = sim.with_untracked(|w| format!("Before the shared world, {}", w.clock.short()));
    let taken = sim.checkpoints.get_untracked();
    let name = (1..)
        .map(|i| if i == 1 { base.clone() } else { format!("{base} {i}") })
        .find(|n| !taken.iter().any(|c| c.name.eq_ignore_ascii_case(n)))
        .expect("a free name");
    sim.save_checkpoint(&name).map(|c| c.name)
}
