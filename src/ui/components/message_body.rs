//! A message body: blocks rendered as text (user text isolated, see
//! `safe_text`), links as in-app `<a href>`.

use super::safe_text::safe_text;
use crate::sim::Block;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MessageBody(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Heading(t) => view! { <h3>{safe_text(t)}</h3> }.into_any(),
            Block::Paragraph(t) => view! { <p>{safe_text(t)}</p> }.into_any(),
            Block::Link { text, href } => {
                view! { <p><A href=href attr:class="mail-link">{safe_text(text)}</A></p> }.into_any()
            }
            Block::Small(t) => view! { <p class="small">{safe_text(t)}</p> }.into_any(),
        })
        .collect_view()
}
