//! `/powershell`: a Windows PowerShell console with the MSOnline and
//! Microsoft Graph cmdlets the seed names, acting on the simulated world.
//! Enter runs a line, the arrow keys walk the history, Tab completes;
//! `Connect-MsolService`, `Connect-AadrmService` and `Connect-MgGraph` ask
//! for credentials in a dialog.

use crate::sim::ConsoleService;
use crate::sim::command::{ConsoleSignIn, ResumeConsole, RunConsoleLine};
use crate::sim::powershell::{Console, HostError, RunResult};
use crate::ui::state::use_sim;
use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;

/// The transcript keeps this many characters (older output scrolls away).
const TRANSCRIPT_MAX: usize = 200_000;

/// The console is never shorter than this (a few lines and the command box).
const CONSOLE_MIN_PX: f64 = 240.0;

const BANNER: &str = "Windows PowerShell\nCopyright (C) 2016 Microsoft Corporation. All rights reserved.\n\nThe MSOnline module (Azure Active Directory PowerShell), the AADRM module (Azure Rights Management) and Microsoft Graph PowerShell are loaded.\nStart with Connect-MsolService, or Connect-AadrmService for Rights Management. Get-Command lists the cmdlets; Get-Help <cmdlet> explains one.\n\n";

/// Character index ↔ the input's UTF-16 selection offsets.
fn char_index(s: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in s.chars().enumerate() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    s.chars().count()
}

fn utf16_offset(s: &str, chars: usize) -> u32 {
    s.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

#[component]
pub fn PowerShell() -> impl IntoView {
    let sim = use_sim();
    let console = StoredValue::new(Console::new());
    let transcript = RwSignal::new(BANNER.to_string());
    let line = RwSignal::new(String::new());
    // The credential dialog: which cmdlet waits for it.
    let prompt = RwSignal::new(None::<&'static str>);
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // Tab cycling: the line and cursor Tab started from, and how often it was pressed.
    let tab = StoredValue::new(None::<(String, usize, usize)>);
    let input_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();
    let out_ref = NodeRef::<html::Pre>::new();
    let console_ref = NodeRef::<html::Div>::new();
    // The console fills the window below what comes before it, so that the
    // command box is in view without scrolling and the transcript scrolls
    // itself (set from the console's place on the page and the window's height).
    let height = RwSignal::new(None::<String>);
    let fit = move || {
        use wasm_bindgen::JsCast;
        let (Some(console), Some(window)) = (console_ref.get_untracked(), web_sys::window()) else { return };
        let mut top = 0.0;
        let mut at: Option<web_sys::HtmlElement> = Some(console.into());
        while let Some(e) = at {
            top += e.offset_top() as f64;
            at = e.offset_parent().and_then(|p| p.dyn_into().ok());
        }
        let Some(window_height) = window.inner_height().ok().and_then(|h| h.as_f64()) else { return };
        // Below the console: main's padding and a little air.
        let spare = 1.75 * 18.0;
        height.set(Some(format!("{}px", (window_height - top - spare).max(CONSOLE_MIN_PX))));
    };

    let append = move |r: RunResult| {
        transcript.update(|t| {
            if r.clear {
                t.clear();
            }
            t.push_str(&r.text);
            if t.len() > TRANSCRIPT_MAX {
                let cut = t.len() - TRANSCRIPT_MAX;
                let at = t.char_indices().map(|(i, _)| i).find(|i| *i >= cut).unwrap_or(0);
                t.replace_range(..at, "");
            }
        });
        if let Some(c) = r.credential_prompt {
            prompt.set(Some(c));
            password.set(String::new());
            request_animation_frame(move || {
                if let Some(e) = email_ref.get_untracked() {
                    let _ = e.focus();
                }
            });
        }
        request_animation_frame(move || {
            if let Some(pre) = out_ref.get_untracked() {
                pre.set_scroll_top(pre.scroll_height());
            }
        });
    };
    let run = move || {
        let text = line.get_untracked();
        line.set(String::new());
        tab.set_value(None);
        // The console as it is now goes into the command; the page keeps the
        // console the command returns (a replay never touches this page).
        let (r, next) = sim.act(RunConsoleLine { console: console.get_value(), line: text });
        console.set_value(next);
        append(r);
    };
    let finish_sign_in = move |outcome: Result<Vec<crate::sim::powershell::PsObject>, HostError>| {
        prompt.set(None);
        password.set(String::new());
        let (r, next) = sim.act(ResumeConsole { console: console.get_value(), outcome });
        console.set_value(next);
        append(r);
        if let Some(i) = input_ref.get_untracked() {
            let _ = i.focus();
        }
    };
    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(cmdlet) = prompt.get_untracked() else { return };
        let (e, p) = (email.get_untracked(), password.get_untracked());
        let outcome = sim.act(ConsoleSignIn { cmdlet: cmdlet.to_string(), email: e, password: p });
        finish_sign_in(outcome);
    };
    let cancel = move |_| {
        let cmdlet = prompt.get_untracked().unwrap_or_default();
        finish_sign_in(Err(crate::sim::console::host::canceled(cmdlet)));
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key != "Tab" {
            tab.set_value(None);
        }
        match key.as_str() {
            "Enter" => {
                ev.prevent_default();
                run();
            }
            "ArrowUp" | "ArrowDown" => {
                ev.prevent_default();
                let next = console
                    .try_update_value(|c| if key == "ArrowUp" { c.history_prev() } else { c.history_next() })
                    .flatten();
                if let Some(l) = next {
                    line.set(l);
                }
            }
            "Tab" => {
                let Some(input) = input_ref.get_untracked() else { return };
                let value = input.value();
                let cursor = char_index(&value, input.selection_start().ok().flatten().unwrap_or(value.len() as u32));
                let (from, at, n) = tab.get_value().unwrap_or((value.clone(), cursor, 0));
                let done = console.with_value(|c| c.complete(&from, at, n));
                if let Some(done) = done {
                    ev.prevent_default();
                    line.set(done.line.clone());
                    input.set_value(&done.line);
                    let pos = utf16_offset(&done.line, done.cursor);
                    let _ = input.set_selection_range(pos, pos);
                    tab.set_value(Some((from, at, n + 1)));
                }
            }
            _ => {}
        }
    };
    let connected = move || {
        sim.with(|w| {
            let list: Vec<String> = [ConsoleService::MsOnline, ConsoleService::Aadrm, ConsoleService::Graph]
                .into_iter()
                .filter_map(|s| w.console_admin(s).map(|u| format!("{} as {u}", s.label())))
                .collect();
            if list.is_empty() {
                "Not connected. Run Connect-MsolService (or Connect-AadrmService for the Rights Management cmdlets) and sign in with a global administrator's account (for example janetm@contoso.com, password Contoso-2016!).".to_string()
            } else {
                format!("Connected to {}.", list.join(" and "))
            }
        })
    };
    // Opening the page: the command box has the focus, the console fits the window.
    Effect::new(move |_| {
        if let Some(i) = input_ref.get() {
            let _ = i.focus();
            request_animation_frame(fit);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || resize.remove());
    view! {
        <Title text="Windows PowerShell" />
        <h1>"Windows PowerShell"</h1>
        <p class="lead">"Type a cmdlet in the command box and press Enter: start with Connect-MsolService."</p>
        <details class="why" on:toggle=move |_| fit()>
            <summary>"Why?"</summary>
            <p>"The cmdlets the seed names, against the same directory as the pages: Get-MsolAccountSku finds RIGHTSMANAGEMENT_ADHOC, Set-MsolCompanySettings -AllowAdHocSubscriptions $false turns sign-up off, New-MsolDomain / Get-MsolDomainVerificationDns / Confirm-MsolDomain -ForceTakeover Force take a domain over."</p>
            <p>"Enter runs the command; ↑ and ↓ walk the history; Tab completes cmdlet names, parameters and values (press it again for the next match). Pipe into fl (Format-List), ft (Format-Table) or Select-Object. Clear-Host (cls) clears the screen."</p>
        </details>
        <p class="hint ps-connection" role="status">{connected}</p>
        <div class="console" node_ref=console_ref style:height=move || height.get()>
            <pre class="transcript" node_ref=out_ref role="log" aria-label="Transcript" aria-live="polite" tabindex="0">{move || transcript.get()}</pre>
            <div class="console-input">
                <label for="ps-command">"PowerShell command"</label>
                <span class="ps-prompt" aria-hidden="true">"PS C:\\>"</span>
                <input id="ps-command" node_ref=input_ref type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
                    placeholder="Get-Help" bind:value=line on:keydown=keydown
                    on:input=move |_| tab.set_value(None) />
            </div>
        </div>
        {move || prompt.get().map(|cmdlet| view! {
            <div class="modal-backdrop">
                <form class="card dialog" role="dialog" aria-modal="true" aria-labelledby="cred-h" on:submit=sign_in>
                    <h2 id="cred-h">{if cmdlet == "Get-Credential" { "Windows PowerShell credential request".to_string() } else { format!("{cmdlet}: sign in to your account") }}</h2>
                    <p class="hint">{if cmdlet == "Get-Credential" { "Enter your credentials. Get-Credential stores them without checking them." } else { "Only a global administrator of a managed tenant can connect." }}</p>
                    <label for="cred-email">"Email address"</label>
                    <input id="cred-email" node_ref=email_ref type="email" autocomplete="username" spellcheck="false" bind:value=email />
                    <label for="cred-password">"Password"</label>
                    <input id="cred-password" type="password" autocomplete="current-password" bind:value=password />
                    <div class="actions">
                        <button type="submit" class="primary">"Sign in"</button>
                        <button type="button" on:click=cancel>"Cancel"</button>
                    </div>
                </form>
            </div>
        })}
    }
}
