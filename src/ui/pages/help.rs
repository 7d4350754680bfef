//! `/help/sharing-app`: the Help link of the account-ready email.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn Help() -> impl IntoView {
    view! {
        <Title text="Sharing application help" />
        <h1>"Rights Management sharing application: user guide"</h1>
        <p class="lead">"In the simulator's words, what the free Rights Management sharing application does for someone with an RMS for individuals account."</p>
        <section class="card">
            <h2>"What it is"</h2>
            <p>"A free application (its Windows program is ipviewer.exe; there are viewers for Mac and mobile devices) that lets you read files protected by Azure Rights Management and, on Windows, protect your own. It asks you to sign in with the email address and password of your account, which proves you are the person a file was protected for."</p>
        </section>
        <section class="card">
            <h2>"Reading protected files"</h2>
            <p>"Open the file. Text, image and PDF files have protected extensions (such as .ptxt, .pjpg and .ppdf) and open read-only in the sharing application's viewer; Office files open in their own application with a “Permission is currently restricted” banner; other files are wrapped as .pfile and only check that you are allowed in. You can do only what the person who protected the file allowed you to do."</p>
        </section>
        <section class="card">
            <h2>"Protecting files"</h2>
            <p>"Protect in-place replaces a file with a protected copy. Share Protected attaches a protected copy to an email and lets you choose who may open it (Viewer, Reviewer, Co-Author or Co-Owner), when access expires, and whether you're told when someone opens it. From the second person in your organization on, you can also apply your organization's default templates (“<organization> - Confidential” and “<organization> - Confidential View Only”), which limit a file to accounts in your organization's directory."</p>
            <p>"Creating protected content with the free subscription is intended for trial use; reading protected files is what RMS for individuals guarantees."</p>
        </section>
        <p><A href="/signin">"Sign in"</A>" · "<A href="/portal">"Sign up"</A></p>
    }
}
