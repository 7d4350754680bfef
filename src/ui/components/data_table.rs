//! A table of text cells with column headers (directory, admin center,
//! inventory). On a narrow screen each row becomes a card that keeps every
//! column, each cell labelled by its column (`table.stack` in main.css), so
//! nothing scrolls sideways.

use leptos::prelude::*;

#[component]
pub fn DataTable(
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
    #[prop(optional)] empty: &'static str,
) -> impl IntoView {
    if rows.is_empty() && !empty.is_empty() {
        return view! { <p class="hint">{empty}</p> }.into_any();
    }
    view! {
        <table class="stack" role="table">
            <thead role="rowgroup"><tr role="row">{headers.iter().map(|h| view! { <th scope="col" role="columnheader">{*h}</th> }).collect_view()}</tr></thead>
            <tbody role="rowgroup">
                {rows.into_iter().map(|r| view! {
                    <tr role="row">{r.into_iter().zip(headers.iter()).map(|(c, h)| view! { <td role="cell" data-label=*h>{c}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
