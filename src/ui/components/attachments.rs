//! A message's attachments: files stored in the world (protected copies sent
//! by Share Protected), each to open in the viewer or download.

use crate::platform::{alert, download_bytes};
use crate::ui::components::safe_text::HiddenChars;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Attachments(ids: Vec<String>) -> impl IntoView {
    let sim = use_sim();
    let items = sim.with_untracked(|w| {
        ids.iter().map(|id| (id.clone(), w.mail.files.get(id).map(|f| f.name.clone()))).collect::<Vec<_>>()
    });
    view! {
        <section class="attachments" aria-labelledby="attachments-h">
            <h3 id="attachments-h">"Attachments"</h3>
            <ul>
                {items.into_iter().map(|(id, name)| match name {
                    None => view! { <li class="empty">"An attachment that is no longer stored (the state was reset or trimmed)."</li> }.into_any(),
                    Some(name) => {
                        let name_id = format!("att-{id}");
                        let label = format!("Download {name}");
                        let href = format!("/viewer?file={id}");
                        let download = move |_| match sim.with_untracked(|w| w.mail.attachment(&id)) {
                            Some((n, bytes)) => {
                                if let Err(e) = download_bytes(&n, "application/octet-stream", &bytes) {
                                    alert(&format!("The download didn't start: {e}"));
                                }
                            }
                            None => alert("This attachment is no longer stored."),
                        };
                        view! {
                            <li>
                                <span class="att-name" id=name_id.clone()><bdi>{name.clone()}</bdi></span>
                                <HiddenChars name=name />
                                <A href=href attr:aria-describedby=name_id>"Open in the viewer"</A>
                                <button type="button" class="small" on:click=download>{label}</button>
                            </li>
                        }.into_any()
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
