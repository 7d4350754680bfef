//! The software inventory's table: the computers with the sharing
//! application, as `/admin` (a tenant's users) and `/inventory` (a company's
//! own computers) list them.

use crate::sim::admin::InventoryRow;
use crate::ui::components::data_table::DataTable;
use leptos::prelude::*;

#[component]
pub fn InventoryTable(#[prop(into)] rows: Signal<Vec<InventoryRow>>, empty: &'static str) -> impl IntoView {
    move || {
        let rows = rows
            .get()
            .into_iter()
            .map(|r| {
                vec![
                    r.device.name,
                    r.upn.to_string(),
                    r.device.os,
                    r.device.program,
                    r.device.version,
                    r.device.installed.to_string(),
                ]
            })
            .collect::<Vec<_>>();
        view! { <DataTable headers=&["Computer", "User", "Operating system", "Program", "Version", "Installed"] rows=rows empty=empty /> }
    }
}
