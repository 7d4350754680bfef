//! `/inbox` (every mailbox that received mail) and `/inbox/{address}` (its
//! messages, newest first; `/inbox/{address}/{id}` opens one, with its
//! attachments).

use crate::sim::command::MarkRead;
use crate::sim::devices::{SHARED_BROWSER, device_name};
use crate::ui::components::attachments::Attachments;
use crate::ui::components::long_list::{ListSearch, PAGE, ShowMore};
use crate::ui::components::message_body::MessageBody;
use crate::ui::components::safe_text::safe_text;
use crate::ui::components::wording::WordingNote;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn Inbox() -> impl IntoView {
    let sim = use_sim();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let all = Memo::new(move |_| sim.with(|w| w.mail.mailboxes.len()));
    // The addresses the search finds, in the list's order.
    let found = Memo::new(move |_| {
        let q = query.with(|q| q.trim().to_lowercase());
        sim.with(|w| w.mail.mailboxes.keys().filter(|a| q.is_empty() || a.contains(&q)).cloned().collect::<Vec<_>>())
    });
    let total = Signal::derive(move || found.with(Vec::len));
    // Only what is shown is read.
    let boxes = move || {
        let n = shown.get();
        found.with(|f| {
            sim.with(|w| {
                f.iter()
                    .take(n)
                    .filter_map(|a| w.mail.mailboxes.get(a))
                    .map(|m| (m.address.clone(), m.unread(), m.messages.len()))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <Title text="Inbox" />
        <h1>"Inbox"</h1>
        <p class="lead">"Every simulated mailbox that has received mail. In the real world each person reads their own mail; here the trainer sees them all."</p>
        {move || {
            let device = sim.device();
            (device != SHARED_BROWSER).then(|| {
                let mine = sim.with(|w| w.mailbox(&device).map(|m| (m.unread(), m.messages.len())));
                let (href, shown, hint) = (format!("/inbox/{device}"), device.clone(), device_name(&device));
                view! {
                    <section class="card own-inbox" aria-labelledby="own-inbox-h">
                        <h2 id="own-inbox-h">"Your inbox"</h2>
                        {match mine {
                            Some((unread, total)) => view! {
                                <p><A href=href>
                                    <span class="addr">{shown}</span>
                                    <span class="count">{format!(" — {unread} unread of {total}")}</span>
                                </A></p>
                            }.into_any(),
                            None => view! { <p>{format!("No mail for {device} yet.")}</p> }.into_any(),
                        }}
                        <p class="hint">"This tab is " {hint} ". Choose another person under “Act as” to read their mail."</p>
                    </section>
                }
            })
        }}
        <Show when=move || { all.get() > PAGE }>
            <ListSearch id="inbox-search" label="Find a mailbox" query=query shown=shown placeholder="name@example.com" />
        </Show>
        {
            // "Find someone else…" under "Act as" comes here to search.
            let find = use_query_map().with_untracked(|q| q.get("find").is_some());
            Effect::new(move |_| {
                use wasm_bindgen::JsCast;
                if find
                    && all.get() > PAGE
                    && let Some(el) = crate::platform::elements("#inbox-search").into_iter().next()
                    && let Ok(input) = el.dyn_into::<web_sys::HtmlElement>()
                {
                    let _ = input.focus();
                }
            });
        }
        {move || {
            let list = boxes();
            if list.is_empty() && all.get() > 0 {
                view! { <p class="empty" role="status">{format!("No mailbox matches “{}”.", query.get().trim())}</p> }.into_any()
            } else if list.is_empty() {
                view! { <p class="empty">"No mail yet. Sign up on the " <A href="/portal">"Microsoft Rights Management page"</A> " and Microsoft's confirmation email arrives here."</p> }.into_any()
            } else {
                view! {
                    <ul class="mailboxes">
                        {list.into_iter().map(|(addr, unread, total)| view! {
                            <li>
                                <A href=format!("/inbox/{addr}")>
                                    <span class="addr">{addr.clone()}</span>
                                    <span class="count">{format!(" — {unread} unread of {total}")}</span>
                                </A>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <ShowMore shown=shown total=total noun="mailboxes" />
    }
}

#[component]
pub fn Mailbox() -> impl IntoView {
    let sim = use_sim();
    let params = use_params_map();
    let address = move || params.with(|p| p.get("address")).unwrap_or_default().to_ascii_lowercase();
    let open_id = move || params.with(|p| p.get("id")).and_then(|i| i.parse::<u64>().ok());
    // Opening a message marks it read (once; a read message is left alone).
    Effect::new(move |_| {
        let (addr, id) = (address(), open_id());
        if let Some(id) = id {
            let unread = sim.with_untracked(|w| {
                w.mailbox(&addr).and_then(|m| m.messages.iter().find(|x| x.id == id)).is_some_and(|x| !x.read)
            });
            if unread {
                sim.act(MarkRead { address: addr, id });
            }
        }
    });
    let messages = move || {
        let addr = address();
        sim.with(|w| w.mailbox(&addr).map(|m| m.messages.iter().rev().cloned().collect::<Vec<_>>()))
    };
    let opened = move || {
        let addr = address();
        open_id()
            .and_then(|id| sim.with(|w| w.mailbox(&addr).and_then(|m| m.messages.iter().find(|x| x.id == id).cloned())))
    };
    view! {
        <Title text=move || format!("Inbox of {}", address()) />
        <h1 class="addr-heading">{address}</h1>
        <p class="mailbox-links">
            <A href="/inbox">"All mailboxes"</A>
            {move || {
                let addr = address();
                (sim.device() != addr && sim.with(|w| w.mailbox(&addr).is_some())).then(|| view! {
                    <button type="button" class="secondary small" on:click=move |_| sim.set_device(&addr)>{format!("Act as {}", address())}</button>
                })
            }}
        </p>
        <div class="mail-layout">
            {move || match messages() {
                None => view! { <p class="empty">{format!("No mail has arrived for {} yet.", address())}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="messages" aria-label="Messages">
                        {list.into_iter().map(|m| {
                            let href = format!("/inbox/{}/{}", address(), m.id);
                            let current = open_id() == Some(m.id);
                            let (from, subject, when, unread) = (format!("{} <{}>", m.from_name(), m.from()), m.subject().to_string(), m.at.to_string(), !m.read);
                            view! {
                                <li class:unread=unread class:current=current>
                                    <A href=href>
                                        <span class="from">{safe_text(from)}</span>
                                        <span class="subject">{safe_text(subject)}</span>
                                        <span class="when">{when}</span>
                                        {unread.then(|| view! { <span class="visually-hidden">" (unread)"</span> })}
                                    </A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            {move || opened().map(|m| { let to = address(); view! {
                <article class="message card" aria-label="Message">
                    <dl class="headers">
                        <dt>"From"</dt><dd>{safe_text(format!("{} <{}>", m.from_name(), m.from()))}</dd>
                        <dt>"To"</dt><dd>{to.clone()}</dd>
                        <dt>"Subject"</dt><dd>{safe_text(m.subject().to_string())}</dd>
                        <dt>"Sent"</dt><dd><time datetime=m.at.iso()>{m.at.to_string()}</time></dd>
                    </dl>
                    <WordingNote wording=m.wording() />
                    <div class="body"><MessageBody blocks=m.body(&to) /></div>
                    {(!m.attachments().is_empty()).then(|| view! { <Attachments ids=m.attachments().to_vec() /> })}
                </article>
            }})}
        </div>
    }
}
