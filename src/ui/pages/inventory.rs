//! `/inventory`: what a company's own system management (System Center
//! Configuration Manager, for example) reports — the computers with the
//! Rights Management sharing application (`ipviewer.exe`). It needs no Azure
//! role: the seed's way for IT to find out people signed up, even before IT
//! manages the directory they signed up to.

use crate::ui::components::inventory_table::InventoryTable;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Inventory() -> impl IntoView {
    let sim = use_sim();
    let companies = Memo::new(move |_| sim.with(|w| w.companies()));
    let asked = use_query_map().with_untracked(|q| q.get("domain"));
    let chosen = RwSignal::new(asked.unwrap_or_default());
    // Until someone picks one, the first company whose computers have the app.
    let company = Memo::new(move |_| {
        let c = chosen.get();
        if !c.is_empty() {
            return c;
        }
        sim.with(|w| {
            w.companies()
                .into_iter()
                .find(|d| !w.company_inventory(d).is_empty())
                .or_else(|| w.companies().into_iter().next())
                .unwrap_or_default()
        })
    });
    let rows = Memo::new(move |_| {
        let c = company.get();
        sim.with(|w| w.company_inventory(&c))
    });
    view! {
        <Title text="Software inventory" />
        <h1>"Software inventory"</h1>
        <p class="lead">"What a company's own system management (such as System Center Configuration Manager) reports about its computers. It needs no Azure account: IT sees the Rights Management sharing application (ipviewer.exe) on its users' computers even while nobody in IT manages the Azure directory they signed up to. That is one of the seed's ways to find out that people signed up for RMS for individuals."</p>
        <section class="card" aria-labelledby="inv-h">
            <h2 id="inv-h">"Computers with the sharing application"</h2>
            <label for="inv-org">"Organization"</label>
            <select id="inv-org" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {move || companies.get().into_iter().map(|d| {
                    let selected = company.get() == d;
                    view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                }).collect_view()}
            </select>
            <InventoryTable rows=rows empty="No computer of this organization has the sharing application installed yet. People get it when they protect a file, or open one in the viewer on a Windows computer." />
            <p class="hint">"The sharing application is installed by everyone who uses it: to protect files, and to read the files others protected. On a mobile device there is no ipviewer.exe, so phones don't show here. The other ways to find out: Get-MsolAccountSku shows RIGHTSMANAGEMENT_ADHOC ("<A href="/powershell">"PowerShell"</A>"), and files named .pfile or .ppdf."</p>
        </section>
    }
}
