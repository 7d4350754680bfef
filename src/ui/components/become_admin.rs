//! The "Become the admin" wizard (internal admin takeover): a signed-in
//! member of an unmanaged tenant proves the organization owns its domain
//! with a DNS TXT record and becomes its global administrator.

use crate::sim::Email;
use crate::sim::admin::dns::{MX_PREFERENCE, RECORD_TTL_SECONDS};
use crate::sim::command::{BecomeAdminConfirm, BecomeAdminStart};
use crate::sim::email::query_encode;
use crate::ui::components::feedback::Feedback;
use crate::ui::components::status::Notice;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_router::components::A;

#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Closed,
    Asked,
    Record,
}

#[component]
/// `feedback` belongs to the page, so the outcome stays visible after the
/// takeover replaces this wizard with the admin center.
pub fn BecomeAdmin(upn: Email, organization: String, open: bool, feedback: Feedback) -> impl IntoView {
    let sim = use_sim();
    let existing = sim
        .with_untracked(|w| w.tenant_of_domain(upn.domain()).and_then(|t| w.existing_challenge(&t.id, upn.domain())));
    let stage = RwSignal::new(match (&existing, open) {
        (Some(_), _) => Stage::Record,
        (None, true) => Stage::Asked,
        (None, false) => Stage::Closed,
    });
    let challenge = RwSignal::new(existing);
    let (u1, u2) = (upn.clone(), upn.clone());
    let yes = move |_| {
        let u = u1.clone();
        if let Ok(c) = feedback.run(BecomeAdminStart { actor: u }, |r| match r {
            Ok(_) => Notice::None,
            Err(e) => Notice::Err(e.to_string()),
        }) {
            challenge.set(Some(c));
            stage.set(Stage::Record);
        }
    };
    let confirm = move |_| {
        let u = u2.clone();
        let domain = u.domain().to_string();
        let _ = feedback.run_result(BecomeAdminConfirm { actor: u }, |_| {
            format!("You're now the global administrator of {domain}. The directory is managed and the domain is Verified; no users, domains or plans moved. The Admin center now shows your organization's settings.")
        });
    };
    let org = organization.clone();
    view! {
        <section class="card" aria-labelledby="become-h">
            <h2 id="become-h">"Become the admin"</h2>
            <p>{format!("{org} is an unmanaged directory: it was created when people signed up with their work email, and nobody administers it. If you work in IT, you can take it over (an internal admin takeover): you prove that the organization owns {} by adding a DNS record, and you become its global administrator.", upn.domain())}</p>
            {move || match stage.get() {
                Stage::Closed => view! { <button type="button" class="primary" on:click=move |_| stage.set(Stage::Asked)>"Become the admin"</button> }.into_any(),
                Stage::Asked => view! {
                    <p><strong>{format!("Do you want to be the admin of {}?", org)}</strong></p>
                    <button type="button" class="primary" on:click=yes.clone()>"Yes, I want to be the admin"</button>
                }.into_any(),
                Stage::Record => {
                    let c = challenge.get();
                    view! {
                        {c.map(|c| {
                            let href = format!("/dns?domain={}&type=TXT&value={}", query_encode(&c.domain), query_encode(&c.txt));
                            view! {
                                <p>"Add this TXT record at your domain name registrar or DNS host. Leave the name blank (or @): the record belongs to the domain itself."</p>
                                <dl class="facts record">
                                    <dt>"Domain"</dt><dd data-testid="challenge-domain">{c.domain.clone()}</dd>
                                    <dt>"Type"</dt><dd>"TXT"</dd>
                                    <dt>"Value"</dt><dd><code data-testid="challenge-value">{c.txt.clone()}</code></dd>
                                    <dt>"or an MX record"</dt><dd><code>{c.mx.clone()}</code>{format!(" (priority {MX_PREFERENCE}, TTL {RECORD_TTL_SECONDS} seconds)")}</dd>
                                </dl>
                                <p><A href=href>"Open the DNS page with this record filled in"</A>". DNS changes take 15 to 60 minutes to propagate: advance the clock if verification says the record isn't visible yet."</p>
                            }
                        })}
                        <button type="button" class="primary" on:click=confirm.clone()>"Okay, I've added the record"</button>
                    }.into_any()
                }
            }}
        </section>
    }
}
