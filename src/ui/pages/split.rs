//! `/split` ("Side by side"): two or three devices next to each other, each a
//! whole copy of the simulator in a frame with its own person ("Act as"),
//! page and sign-in, all live: they share the world through localStorage
//! like any two tabs. A pane is an `iframe` named `pane-N`; its device is
//! kept under that name (`platform::TabDevice`), so a reload keeps who each
//! pane is. On a phone one pane shows at a time, with a switch.

use crate::platform::{TabDevice, window_name};
use crate::sim::devices::{SHARED_BROWSER, device_name};
use leptos::prelude::*;
use leptos_meta::Title;

/// Each pane's first person and page: the seed's sender, its recipient, and
/// the IT admin who later takes over.
const PANES: [(&str, &str); 3] = [
    ("janetm@contoso.com", "/sharing"),
    ("p.dover@fabrikam.com", "/inbox/p.dover@fabrikam.com"),
    ("admin@litwareinc.com", "/admin"),
];

fn pane_name(i: usize) -> String {
    format!("pane-{}", i + 1)
}

/// Who pane `i` is now (it may have changed its "Act as").
fn pane_device(i: usize) -> String {
    TabDevice::read_for(&pane_name(i)).unwrap_or_else(|| SHARED_BROWSER.to_string())
}

fn pane_caption(i: usize, device: &str) -> String {
    if device == SHARED_BROWSER {
        format!("Device {}: the shared browser", i + 1)
    } else {
        format!("Device {}: {device}", i + 1)
    }
}

#[component]
pub fn Split() -> impl IntoView {
    // A pane that opens /split would nest the panes: it offers the top window instead.
    if window_name().starts_with("pane-") {
        return view! {
            <Title text="Side by side" />
            <h1>"Side by side"</h1>
            <p>"This is already one of the side-by-side devices. "<a href="/split" target="_top">"Open Side by side in the whole window"</a>"."</p>
        }
        .into_any();
    }
    // Each pane starts as its person, the first time only.
    for (i, (person, _)) in PANES.iter().enumerate() {
        if TabDevice::read_for(&pane_name(i)).is_none() {
            TabDevice::write_for(&pane_name(i), person);
        }
    }
    let count = RwSignal::new(2usize);
    let shown = RwSignal::new(0usize);
    // Who each pane is, kept up to date when a pane changes its "Act as"
    // (its sessionStorage write reaches this page as a `storage` event).
    let devices = RwSignal::new((0..PANES.len()).map(pane_device).collect::<Vec<_>>());
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().is_some_and(|k| k.starts_with("rms-sim/device:pane-")) {
            devices.set((0..PANES.len()).map(pane_device).collect());
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <Title text="Side by side" />
        <h1>"Side by side"</h1>
        <p class="lead">"Each pane is one person's device, with its own page and sign-in; what one does shows in the others at once. Change a pane's person with its own “Act as”."</p>
        <div class="split-tools">
            <fieldset class="split-count">
                <legend>"Devices"</legend>
                {[2usize, 3].into_iter().map(|n| view! {
                    <label>
                        <input type="radio" name="split-count" prop:checked=move || count.get() == n
                            on:change=move |_| { count.set(n); if shown.get_untracked() >= n { shown.set(0); } } />
                        {format!("{n} devices")}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="split-switch" role="group" aria-label="Device shown">
                {move || (0..count.get()).map(|i| view! {
                    <button type="button" aria-pressed=move || (shown.get() == i).to_string() on:click=move |_| shown.set(i)>
                        {move || pane_caption(i, &devices.with(|d| d[i].clone()))}
                    </button>
                }).collect_view()}
            </div>
        </div>
        <div class="split-panes" style=move || format!("--panes: {}", count.get())>
            {(0..PANES.len()).map(|i| {
                let src = PANES[i].1;
                view! {
                    <section class="split-pane" class:shown=move || shown.get() == i
                        prop:hidden=move || { i >= count.get() } aria-labelledby=format!("pane-{}-h", i + 1)>
                        <h2 id=format!("pane-{}-h", i + 1) class="split-pane-h">
                            {move || pane_caption(i, &devices.with(|d| d[i].clone()))}
                        </h2>
                        <iframe name=pane_name(i) src=src
                            title=move || format!("Device {}: {}", i + 1, device_name(&devices.with(|d| d[i].clone())))></iframe>
                        <p class="split-open"><a href=src target=pane_name(i)>"Back to this device's first page"</a></p>
                    </section>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}
