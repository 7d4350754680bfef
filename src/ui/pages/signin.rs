//! `/signin`: sign in with the email address and password of the account.

use crate::sim::basics::wording::Wording;
use crate::sim::command::{InstallSharingApp, SignIn, SignOut};
use crate::sim::signin::LOCKOUT_ERA_NOTE;
use crate::ui::components::feedback::{Feedback, FeedbackEvents, FeedbackNotice};
use crate::ui::components::safe_text::safe_text;
use crate::ui::components::status::Notice;
use crate::ui::components::wording::WordingNote;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignIn() -> impl IntoView {
    let sim = use_sim();
    let query = use_query_map();
    // On a person's own device, the address is theirs unless the link names another.
    let email = RwSignal::new(query.with_untracked(|q| q.get("email")).unwrap_or_else(|| sim.device_untracked()));
    let password = RwSignal::new(String::new());
    let paid = query.with_untracked(|q| q.get("reason")).as_deref() == Some("paid");
    let fb = Feedback::new();
    fb.say(if paid {
        Notice::Ok("Your organization already has a paid subscription that includes Azure RMS, so you don't need RMS for individuals: the self-service sign-up was canceled and no email was sent. Sign in with your existing work account. (The real service signs you in with it at once; here you type its password.)".into())
    } else {
        Notice::None
    });
    let refusal_wording = RwSignal::new(None::<Wording>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (e, p) = (email.get_untracked(), password.get_untracked());
        refusal_wording.set(None);
        match fb.run_result(SignIn { device: sim.device_untracked(), email: e, password: p }, |upn| {
            format!("You're signed in as {upn}.")
        }) {
            Ok(_) => password.set(String::new()),
            Err(why) => refusal_wording.set(Some(why.wording())),
        }
    };
    let signed_in = Memo::new(move |_| {
        let device = sim.device();
        sim.with(|w| w.signed_in_user(&device).map(|u| (u.upn.to_string(), u.display_name())))
    });
    let install = move |_| {
        let Some(upn) = sim.signed_in_untracked() else { return };
        let _ = fb.run_result(InstallSharingApp { actor: upn }, |d| {
            format!(
                "The Rights Management sharing application ({} {}) is installed on {} ({}).",
                d.program, d.version, d.name, d.os
            )
        });
    };
    let installed = move || {
        let device = sim.device();
        sim.with(|w| {
            w.signed_in_user(&device).and_then(|u| {
                u.devices.first().map(|d| format!("Installed on {} ({} {}).", d.name, d.program, d.version))
            })
        })
    };
    let unmanaged = move || {
        let device = sim.device();
        sim.with(|w| {
            w.session_on(&device).and_then(|s| w.directory.tenants.get(&s.tenant)).is_some_and(|t| !t.is_managed())
        })
    };
    let templates = move || {
        let device = sim.device();
        sim.with(|w| {
            let t = w.session_on(&device).and_then(|s| w.directory.tenants.get(&s.tenant))?;
            Some((
                t.display_name.clone(),
                t.templates_available(),
                t.templates.iter().map(|x| x.name.clone()).collect::<Vec<_>>(),
            ))
        })
    };
    view! {
        <Title text="Sign in" />
        <h1>"Sign in"</h1>
        {move || match signed_in.get() {
            Some((upn, name)) => view! {
                <div class="card">
                    <p>"Signed in as " <strong data-testid="signed-in-email">{upn}</strong> {safe_text(format!(" ({name})"))}</p>
                    <button type="button" on:click=move |_| { fb.run(SignOut { device: sim.device_untracked() }, |_| Notice::Ok("You're signed out.".into())); }>"Sign out"</button>
                </div>
                <section class="card" aria-labelledby="next-h">
                    <h2 id="next-h">"Download the Rights Management sharing application"</h2>
                    <p>"To protect files and read files that others protected, install an RMS-enlightened application such as the free Rights Management sharing application (ipviewer.exe on Windows; viewers for Mac, iOS and Android). When it asks you to sign in, use this email address and password. See "<A href="/help/sharing-app">"the sharing application help"</A>"."</p>
                    {move || match installed() {
                        Some(text) => view! { <p>{text}</p> }.into_any(),
                        None => view! { <button type="button" on:click=install>"Install the sharing application"</button> }.into_any(),
                    }}
                    {move || templates().map(|(org, available, names)| view! {
                        <p>
                            {if names.is_empty() {
                                format!("{org} has no rights policy templates.")
                            } else if available {
                                format!("Templates you can apply: {}.", names.join(", "))
                            } else {
                                format!("{org}'s default templates ({}) become useful once a second person from your organization signs up: they restrict files to accounts in your directory.", names.join(", "))
                            }}
                        </p>
                    })}
                </section>
                {move || unmanaged().then(|| view! {
                    <section class="card" aria-labelledby="it-h">
                        <h2 id="it-h">"Work in IT?"</h2>
                        <p>"Your organization's directory was created by self-service sign-up and has no administrator. "<A href="/admin?become=1">"Become the admin"</A>" in the admin center to take it over."</p>
                    </section>
                })}
            }.into_any(),
            None => view! {
                <form class="card" on:submit=submit novalidate>
                    <label for="signin-email">"Email address"</label>
                    <input id="signin-email" type="email" autocomplete="username" spellcheck="false" bind:value=email />
                    <label for="signin-password">"Password"</label>
                    <input id="signin-password" type="password" autocomplete="current-password" bind:value=password />
                    <button type="submit" class="primary">"Sign in"</button>
                    <p class="hint">"No account yet? " <A href="/portal">"Sign up for RMS for individuals"</A></p>
                    <details class="hint">
                        <summary>"Too many wrong passwords lock the account"</summary>
                        <p>{LOCKOUT_ERA_NOTE}</p>
                    </details>
                </form>
            }.into_any(),
        }}
        <FeedbackNotice feedback=fb />
        {move || refusal_wording.get().map(|w| view! { <WordingNote wording=w /> })}
        <FeedbackEvents feedback=fb />
    }
}
