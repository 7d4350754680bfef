//! `/portal`: the Microsoft Rights Management page where sign-up starts
//! (seed steps 1–3).

use crate::sim::basics::wording::Wording;
use crate::sim::command::StartSignup;
use crate::sim::{Email, Sku, StartOutcome};
use crate::ui::components::feedback::{Feedback, FeedbackEvents, FeedbackNotice};
use crate::ui::components::personal_list::PersonalListStatus;
use crate::ui::components::status::Notice;
use crate::ui::components::trial_note::TrialNote;
use crate::ui::components::wording::WordingNote;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn Portal() -> impl IntoView {
    let sim = use_sim();
    let query = use_query_map();
    let navigate = use_navigate();
    let email = RwSignal::new(query.with_untracked(|q| q.get("email")).unwrap_or_default());
    let fb = Feedback::new();
    let sent_to = RwSignal::new(None::<Email>);
    let refusal_wording = RwSignal::new(None::<Wording>);
    let era = Memo::new(move |_| sim.with(|w| w.signups.era));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !sim.personal_ready() {
            return;
        }
        let input = email.get_untracked();
        sent_to.set(None);
        refusal_wording.set(None);
        let outcome = fb.run(StartSignup { device: sim.device_untracked(), input }, |r| match r {
            Ok(StartOutcome::EmailSent { email, expires_at, replaced_previous }) => Notice::Ok(format!(
                "Check your email. We sent a message to {email} from {} ({}) with the subject “{}”. Click “{}” in it to finish signing up; the link works once, until {expires_at}.{}",
                era.get_untracked().sender_name(),
                era.get_untracked().sender(),
                era.get_untracked().confirmation_subject(),
                era.get_untracked().link_text(),
                if *replaced_previous { " The link in any earlier message to this address no longer works." } else { "" }
            )),
            Ok(StartOutcome::PaidSubscription { email, organization, signed_in: true }) => Notice::Ok(format!(
                "{organization} already has a paid subscription that includes Azure RMS, so you don't need RMS for individuals. You're signed in as {email}, and the self-service sign-up was canceled."
            )),
            // The sign-in page says it.
            Ok(StartOutcome::PaidSubscription { .. }) => Notice::None,
            Err(r) => {
                refusal_wording.set(Some(r.wording()));
                Notice::Err(r.to_string())
            }
        });
        match outcome {
            Ok(StartOutcome::EmailSent { email, .. }) => sent_to.set(Some(email)),
            Ok(StartOutcome::PaidSubscription { email, signed_in: false, .. }) => {
                navigate(
                    &format!("/signin?email={}&reason=paid", crate::sim::email::query_encode(email.as_str())),
                    Default::default(),
                );
            }
            _ => {}
        }
    };
    // The sign-up may be finished in another tab (the link opened there): say so here.
    let finished_elsewhere = move || {
        sent_to.get().and_then(|e| {
            sim.with(|w| w.user(&e).is_some_and(|u| u.licenses.contains(&Sku::RightsManagementAdhoc))).then_some(e)
        })
    };
    view! {
        <Title text="Microsoft Rights Management" />
        <div class="portal">
            <h1>"Microsoft Rights Management"</h1>
            <p class="lead">"Sign up for RMS for individuals: a free account to read files that were protected for you, and to protect your own."</p>
            <p class="page-address">{move || {
                let e = era.get();
                format!("{} · {} (from {}). The trainer chooses the era on the start page.", e.label(), e.shown_address(), e.devices())
            }}</p>
            <form class="card" on:submit=submit novalidate>
                <label for="portal-email">"Email address"</label>
                <p class="hint" id="portal-email-hint">
                    "Type in the email address that you use for your organization, such as janetm@contoso.com or p.dover@fabrikam.com."
                </p>
                <input id="portal-email" type="email" inputmode="email" autocomplete="email" spellcheck="false"
                    aria-describedby="portal-email-hint portal-important" bind:value=email />
                <button type="submit" class="primary" prop:disabled=move || !sim.personal_ready()>{move || era.get().start_button()}</button>
                <PersonalListStatus />
                <p class="important" id="portal-important">
                    <strong>"Important: "</strong>
                    "Personal email accounts are not supported, so do not enter a Microsoft account (formerly known as a Microsoft Live ID account) or another personal account that you might use at home from your Internet provider."
                </p>
            </form>
            {move || match finished_elsewhere() {
                Some(e) => view! {
                    <p role="status" class="notice ok">
                        {format!("Your account {e} is ready: the sign-up was completed from the link in your email. ")}
                        <A href=format!("/signin?email={}", crate::sim::email::query_encode(e.as_str()))>"Sign in"</A>
                    </p>
                }.into_any(),
                None => view! { <FeedbackNotice feedback=fb /> }.into_any(),
            }}
            {move || refusal_wording.get().filter(|_| finished_elsewhere().is_none()).map(|w| view! { <WordingNote wording=w /> })}
            {move || sent_to.get().map(|e| view! {
                <p><A href=format!("/inbox/{}", e.as_str())>{format!("Open the inbox of {e}")}</A></p>
            })}
            <FeedbackEvents feedback=fb />
            <TrialNote />
        </div>
    }
}
