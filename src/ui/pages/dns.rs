//! `/dns`: the simulated public DNS. Domain verification (internal and
//! external admin takeover) reads it through a propagation delay.

use crate::sim::RecordType;
use crate::sim::admin::dns::{MAX_PROPAGATION, MIN_PROPAGATION};
use crate::sim::command::{AddDnsRecord, RemoveDnsRecord};
use crate::ui::components::feedback::{Feedback, FeedbackEvents, FeedbackNotice};
use crate::ui::components::why::Why;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Dns() -> impl IntoView {
    let sim = use_sim();
    let query = use_query_map();
    let q = |k: &str| query.with_untracked(|q| q.get(k)).unwrap_or_default();
    let domain = RwSignal::new(q("domain"));
    let kind = RwSignal::new(if q("type").eq_ignore_ascii_case("MX") { "MX".to_string() } else { "TXT".to_string() });
    let value = RwSignal::new(q("value"));
    let fb = Feedback::new();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (d, v) = (domain.get_untracked(), value.get_untracked());
        let k = if kind.get_untracked() == "MX" { RecordType::Mx } else { RecordType::Txt };
        let added = fb.run_result(AddDnsRecord { domain: d, kind: k, value: v }, |r| {
            format!(
                "The {} record was added to {}. Resolvers will see it from {} (simulated time).",
                r.kind.label(),
                r.domain,
                r.visible_at
            )
        });
        if added.is_ok() {
            value.set(String::new());
        }
    };
    let rows = Memo::new(move |_| {
        sim.with(|w| {
            w.dns
                .records
                .iter()
                .map(|r| {
                    (
                        r.id,
                        r.domain.clone(),
                        r.kind.label(),
                        r.value.clone(),
                        if r.visible_at <= w.clock {
                            "Visible".to_string()
                        } else {
                            format!("Propagating: visible from {}", r.visible_at)
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let remove = move |id: u64| {
        let _ = fb.run_result(RemoveDnsRecord { id }, |_| "The record was removed.".into());
    };
    view! {
        <Title text="DNS" />
        <h1>"DNS"</h1>
        <p class="lead">"Publish the TXT (or MX) record Azure AD asks for, to prove that the organization owns its domain."</p>
        <Why><p class="hint">{format!(
            "Like real DNS, a new record isn't seen at once: each one becomes visible {} to {} minutes after it is added (\"There may be a delay of 15 to 60 minutes between when the DNS update is made and when this cmdlet is able to verify\"). Advance the clock to skip the wait. Removing a record takes effect at once in the simulator.",
            MIN_PROPAGATION.0 / 60, MAX_PROPAGATION.0 / 60
        )}</p></Why>
        <form class="card" on:submit=add novalidate>
            <h2>"Add a record"</h2>
            <label for="dns-domain">"Domain"</label>
            <input id="dns-domain" type="text" spellcheck="false" autocomplete="off" placeholder="fabrikam.com" bind:value=domain />
            <label for="dns-type">"Type"</label>
            <select id="dns-type" on:change=move |ev| kind.set(event_target_value(&ev)) prop:value=move || kind.get()>
                <option value="TXT">"TXT"</option>
                <option value="MX">"MX"</option>
            </select>
            <label for="dns-value">"Value"</label>
            <input id="dns-value" type="text" spellcheck="false" autocomplete="off" placeholder="MS=ms12345678" bind:value=value />
            <p class="hint">"Leave the record's name blank, as Microsoft's instructions say: the record belongs to the domain itself."</p>
            <button type="submit" class="primary">"Add record"</button>
        </form>
        <FeedbackNotice feedback=fb />
        <section class="card" aria-labelledby="records-h">
            <h2 id="records-h">"Records"</h2>
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    return view! { <p class="hint">"No records yet."</p> }.into_any();
                }
                view! {
                    <div>
                        <table class="stack" role="table">
                            <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"Domain"</th><th scope="col" role="columnheader">"Type"</th><th scope="col" role="columnheader">"Value"</th><th scope="col" role="columnheader">"Propagation"</th><th scope="col" role="columnheader">"Actions"</th></tr></thead>
                            <tbody role="rowgroup">
                                {list.into_iter().map(|(id, d, k, v, state)| view! {
                                    <tr role="row">
                                        <td role="cell" data-label="Domain" class="value">{d}</td><td role="cell" data-label="Type">{k}</td><td role="cell" data-label="Value" class="value">{v}</td><td role="cell" data-label="Propagation">{state}</td>
                                        <td role="cell" data-label="Actions"><button type="button" class="small danger" on:click=move |_| remove(id)>"Remove"</button></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <FeedbackEvents feedback=fb />
    }
}
