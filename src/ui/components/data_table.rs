//! A table of text cells with column headers (directory, admin center).

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
        <div class="table-wrap">
            <table>
                <thead><tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
