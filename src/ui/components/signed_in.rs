//! The sign-in gate of the sharing application's pages: the signed-in
//! person's page, or an invitation to sign in (or sign up) first.

use crate::sim::Email;
use crate::ui::state::use_sim;
use leptos::prelude::*;
use leptos_router::components::A;

/// The signed-in person's `app`, or the invitation to sign in first; it
/// follows sign-in and sign-out (also from another tab).
#[component]
pub fn WhenSignedIn(what: &'static str, app: fn(Email) -> AnyView) -> impl IntoView {
    let sim = use_sim();
    let upn = Memo::new(move |_| sim.signed_in());
    move || match upn.get() {
        None => view! { <SignInFirst what=what /> }.into_any(),
        Some(u) => app(u),
    }
}

/// Shown to someone who isn't signed in.
#[component]
pub fn SignInFirst(what: &'static str) -> impl IntoView {
    view! {
        <div class="card">
            <p>{format!("Sign in to {what}: the sharing application works with your RMS account (a work or school account, or RMS for individuals).")}</p>
            <p><A href="/signin">"Sign in"</A>" · No account? "<A href="/portal">"Sign up for RMS for individuals"</A></p>
            <p class="hint">"In the Default scenario, janetm@contoso.com (password Contoso-2016!) has a paid subscription with Azure RMS."</p>
        </div>
    }
}
