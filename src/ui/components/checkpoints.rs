//! "Checkpoints" on the start page: "Save checkpoint" under a name ("before
//! takeover"), and a list to restore from. They are kept in the browser's
//! storage beside the world (`persist::history`), so every tab and every
//! reload sees them; restoring is an action of its own, which Undo reverses.

use super::status::{Notice, NoticeView};
use super::undo_redo::UndoOffer;
use crate::ui::state::use_sim;
use leptos::prelude::*;

#[component]
pub fn Checkpoints() -> impl IntoView {
    let sim = use_sim();
    let name = RwSignal::new(String::new());
    let notice = RwSignal::new(Notice::None);
    let made_at = RwSignal::new(u64::MAX);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match sim.save_checkpoint(&name.get_untracked()) {
            Ok(c) => {
                name.set(String::new());
                notice.set(Notice::Ok(format!("Checkpoint “{}” saved: the world at {}.", c.name, c.clock)));
            }
            Err(e) => notice.set(Notice::Err(e.to_string())),
        }
    };
    view! {
        <section class="card checkpoints" aria-labelledby="checkpoints-h">
            <h2 id="checkpoints-h">"Checkpoints"</h2>
            <p class="hint">"A checkpoint keeps the whole world under a name, to come back to (say, before a takeover). Checkpoints stay after a reload and every tab of this browser sees them."</p>
            <form class="inline-form" on:submit=save>
                <label for="checkpoint-name">"Checkpoint name"</label>
                <input
                    id="checkpoint-name"
                    type="text"
                    maxlength="60"
                    placeholder="before takeover"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit">"Save checkpoint"</button>
            </form>
            <NoticeView notice=notice />
            <UndoOffer made_at=made_at.into() />
            {move || {
                let list = sim.checkpoints.get();
                if list.is_empty() {
                    return view! { <p class="empty">"No checkpoints yet."</p> }.into_any();
                }
                view! {
                    <ul class="checkpoint-list" aria-label="Checkpoints">
                        {list.into_iter().rev().map(|c| {
                            let (id, name) = (c.id, c.name.clone());
                            let restore = move |_| match sim.restore_checkpoint(id) {
                                Ok(c) => {
                                    made_at.set(sim.revision.get_untracked());
                                    notice.set(Notice::Ok(format!("Checkpoint “{}” restored: the world is as it was at {}.", c.name, c.clock)));
                                }
                                Err(e) => notice.set(Notice::Err(e.to_string())),
                            };
                            let delete = move |_| match sim.delete_checkpoint(id) {
                                Ok(()) => notice.set(Notice::Ok(format!("Checkpoint “{name}” deleted."))),
                                Err(e) => notice.set(Notice::Err(e.to_string())),
                            };
                            view! {
                                <li>
                                    <span class="checkpoint-name"><strong>{c.name.clone()}</strong>
                                        <span class="hint">{format!(" {} · {}", c.clock, c.scenario)}</span></span>
                                    <span class="row-actions">
                                        <button type="button" class="small" aria-label=format!("Restore {}", c.name) on:click=restore>"Restore"</button>
                                        <button type="button" class="small" aria-label=format!("Delete {}", c.name) on:click=delete>"Delete"</button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
