//! The confirmation link's page (`/portal/verify?token=…`): account details
//! and "Create" (seed step 6), or "Activate" for an address that already has
//! an account.

use crate::sim::basics::wording::Wording;
use crate::sim::command::{CompleteSignup, OpenConfirmation};
use crate::sim::countries;
use crate::sim::email::query_encode;
use crate::sim::signup::Era;
use crate::sim::signup::era::OCTOBER_2016_COUNTRY;
use crate::sim::{AccountDetails, CompleteError, Completed, Field, FieldError};
use crate::ui::components::feedback::{Feedback, FeedbackEvents, FeedbackNotice};
use crate::ui::components::personal_list::PersonalListStatus;
use crate::ui::components::status::Notice;
use crate::ui::components::wording::WordingNote;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Verify() -> impl IntoView {
    let sim = use_sim();
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token")).unwrap_or_default();
    let completed = RwSignal::new(None::<Completed>);
    let fb = Feedback::new();
    // A memo, so the form is rebuilt only when the link's state really changes,
    // not on every change to the world (which would wipe what was typed).
    let confirmation = Memo::new(move |_| sim.with(|w| w.confirmation(&token())));
    // Opening a valid link is a step of its own (logged once).
    Effect::new(move |_| {
        let t = token();
        if sim.with_untracked(|w| w.confirmation_unopened(&t)) {
            let _ = sim.act(OpenConfirmation { token: t });
        }
    });
    // The page of the flow's era: the seed's account page, or October 2016's "One last thing ...".
    let era = Memo::new(move |_| confirmation.get().map(|c| c.era).unwrap_or_else(|_| sim.with(|w| w.signups.era)));
    let heading = move || era.get().details_heading();
    view! {
        <Title text=heading />
        <div class="portal">
            <h1>{heading}</h1>
            {move || match (completed.get(), confirmation.get()) {
                (Some(done), _) => view! { <Done done=done era=era.get_untracked() /> }.into_any(),
                (None, Err(e)) => view! {
                    <p role="alert" class="notice err">{e.to_string()}</p>
                    <p><A href="/portal">"Go to the Microsoft Rights Management page"</A></p>
                }.into_any(),
                (None, Ok(c)) if c.existing_account => view! {
                    <Activate email=c.email.to_string() token=token() completed=completed fb=fb />
                }.into_any(),
                (None, Ok(c)) => view! {
                    <CreateAccount email=c.email.to_string() token=token() era=c.era completed=completed fb=fb />
                }.into_any(),
            }}
            <FeedbackEvents feedback=fb />
        </div>
    }
}

#[component]
fn Done(done: Completed, era: Era) -> impl IntoView {
    if !era.sends_ready_mail() {
        // October 2016: no second mail; the last page offers the downloads.
        return view! {
            <p role="status" class="notice ok">{format!("You're all set: your account {} is ready. No other email follows in this flow.", done.email)}</p>
            <section class="card" aria-labelledby="downloads-h">
                <h2 id="downloads-h">"Download"</h2>
                <ul>
                    <li><A href=format!("/signin?email={}", query_encode(done.email.as_str()))>"Sign in and download the Rights Management sharing application"</A></li>
                    <li><A href="/help/sharing-app">"Rights Management sharing application user guide"</A></li>
                </ul>
                <p>"RMS-enlightened applications you can also use: Office 2016 and Office 2013 (Word, Excel, PowerPoint, Outlook), Office 2010 with the sharing application, the Rights Management sharing application for Windows, Mac, iOS and Android."</p>
                <WordingNote wording=Wording::Partly { quoted: "what the page offers (download links, the user guide, a list of RMS-enlightened apps)", source: "the Azure RMS documentation of October 2016" } />
            </section>
        }
        .into_any();
    }
    let msg = if done.created_account {
        format!(
            "Your account {} was created. Wait for another email from Microsoft that confirms your account is ready to use, then click its link to sign in.",
            done.email
        )
    } else {
        format!(
            "RMS for individuals is now active for your existing account {}. Wait for the email that confirms your account is ready, then sign in with your usual password.",
            done.email
        )
    };
    view! {
        <p role="status" class="notice ok">{msg}</p>
        <p><A href=format!("/inbox/{}", done.email.as_str())>{format!("Open the inbox of {}", done.email)}</A></p>
    }
    .into_any()
}

#[component]
fn Activate(email: String, token: String, completed: RwSignal<Option<Completed>>, fb: Feedback) -> impl IntoView {
    let sim = use_sim();
    let activate = move |_| {
        if !sim.personal_ready() {
            return;
        }
        let token = token.clone();
        let done = fb.run(CompleteSignup { token, details: AccountDetails::default() }, |r| match r {
            Ok(_) => Notice::None,
            Err(e) => Notice::Err(e.to_string()),
        });
        if let Ok(c) = done {
            completed.set(Some(c));
        }
    };
    view! {
        <div class="card">
            <p>{format!("{email} already has a work account in your organization's directory. Activate RMS for individuals for it: you'll keep signing in with the same email address and password.")}</p>
            <button type="button" class="primary" prop:disabled=move || !sim.personal_ready() on:click=activate>"Activate"</button>
            <PersonalListStatus />
            <FeedbackNotice feedback=fb />
        </div>
    }
}

#[component]
fn CreateAccount(
    email: String,
    token: String,
    era: Era,
    completed: RwSignal<Option<Completed>>,
    fb: Feedback,
) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sim = use_sim();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !sim.personal_ready() {
            return;
        }
        let details = AccountDetails {
            first_name: first.get_untracked(),
            last_name: last.get_untracked(),
            password: password.get_untracked(),
            confirm_password: confirm.get_untracked(),
            country: country.get_untracked(),
        };
        let token = token.clone();
        let done = fb.run(CompleteSignup { token, details }, |r| match r {
            Ok(_) => Notice::None,
            Err(CompleteError::Fields(list)) => Notice::Errs(list.iter().map(|e| e.to_string()).collect()),
            Err(e) => Notice::Err(e.to_string()),
        });
        match done {
            Ok(c) => completed.set(Some(c)),
            Err(CompleteError::Fields(list)) => errors.set(list),
            Err(_) => errors.set(vec![]),
        }
    };
    let countries = countries::all();
    let countries = StoredValue::new(countries);
    view! {
        <form class="card account" on:submit=submit novalidate>
            <p>{format!("Create your account for {email}. Enter your details, then click {}.", era.create_button())}</p>
            <TextField id="first-name" label="First name" kind="text" autocomplete="given-name" value=first field=Field::FirstName errors=errors />
            <TextField id="last-name" label="Last name" kind="text" autocomplete="family-name" value=last field=Field::LastName errors=errors />
            <TextField id="password" label="Password" kind="password" autocomplete="new-password" value=password field=Field::Password errors=errors
                hint="8 to 16 characters without spaces, using at least 3 of: lowercase letters, uppercase letters, numbers and symbols (the 2016 Azure AD password policy)." />
            <TextField id="confirm-password" label="Confirm password" kind="password" autocomplete="new-password" value=confirm field=Field::ConfirmPassword errors=errors />
            {era.asks_country().then(|| view! {
            <div class="field">
                <label for="country">"Country"</label>
                <select id="country" prop:value=move || country.get() on:change=move |ev| country.set(event_target_value(&ev))
                    aria-invalid=move || field_error(errors, Field::Country).is_some().to_string() aria-describedby="country-hint country-error">
                    <option value="">"Select your country"</option>
                    {countries.get_value().into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                </select>
                <p class="hint" id="country-hint">"Or the nearest country to yours if your country is not listed."</p>
                {move || field_error(errors, Field::Country).map(|m| view! { <p class="field-error" id="country-error">{m}</p> })}
            </div>
            })}
            {(!era.asks_country()).then(|| view! {
                <p class="hint">{format!("This page asks for no country in this flow. The simulator records the account in the United States ({OCTOBER_2016_COUNTRY}), so the new directory is in North America: the documents don't say how the service chose the region.")}</p>
            })}
            <button type="submit" class="primary" prop:disabled=move || !sim.personal_ready()>{era.create_button()}</button>
            <PersonalListStatus />
            <FeedbackNotice feedback=fb />
        </form>
    }
}

/// The messages for one field, joined, if it has any.
fn field_error(errors: RwSignal<Vec<FieldError>>, f: Field) -> Option<String> {
    let msgs: Vec<String> = errors.with(|es| es.iter().filter(|e| e.field == f).map(|e| e.to_string()).collect());
    (!msgs.is_empty()).then(|| msgs.join(" "))
}

/// A labelled text input of the account page, with its hint and its errors.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    field: Field,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if hint.is_some() { format!("{hint_id} {error_id}") } else { error_id.clone() };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=kind autocomplete=autocomplete bind:value=value
                aria-invalid=move || field_error(errors, field).is_some().to_string() aria-describedby=described />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || field_error(errors, field).map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}
