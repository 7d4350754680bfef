//! The simulated clock, shown in the header on every page: the time, the
//! quick steps ("+15 minutes", "+1 hour", "+1 day"), "Skip to …" while a DNS
//! record is propagating, and "Advance time", which opens a small form
//! below the header (it doesn't push the page down). On a phone the quick
//! steps sit in that panel too, so the header stays one row.

use super::icon::{Icon, icons};
use super::popup::close_on_escape;
use crate::sim::TimeUnit;
use crate::sim::command::{AdvanceClock, SkipToDnsVisibility};
use crate::ui::state::use_sim;
use leptos::prelude::*;

#[component]
pub fn Clock() -> impl IntoView {
    let sim = use_sim();
    let open = RwSignal::new(false);
    let amount = RwSignal::new("1".to_string());
    let unit = RwSignal::new("minutes".to_string());
    let error = RwSignal::new(None::<String>);
    let advance = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = match unit.get_untracked().as_str() {
            "hours" => TimeUnit::Hours,
            "days" => TimeUnit::Days,
            _ => TimeUnit::Minutes,
        };
        let amt = amount.get_untracked();
        match sim.act(AdvanceClock { amount: amt, unit: u }) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let step =
        move |amount: &'static str, unit: TimeUnit| match sim.act(AdvanceClock { amount: amount.to_string(), unit }) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(e.to_string())),
        };
    // The next DNS record on its way, as the "Skip to" button names it.
    let pending = Memo::new(move |_| {
        sim.with(|w| {
            w.next_dns_visibility().map(|(domain, at)| {
                let (_, _, _, h, m, _) = at.civil();
                let short = format!("Skip to {h:02}:{m:02}");
                let name = format!("{short}: the DNS record of {domain} becomes visible");
                (short, name)
            })
        })
    });
    close_on_escape(open);
    view! {
        <div class="clock" class:open=move || open.get()>
            <span class="visually-hidden">"Simulated time"</span>
            <span class="clock-now">
                <Icon drawing=icons::CLOCK />
                <time data-testid="clock" class="clock-full" datetime=move || sim.with(|w| w.clock.iso())>{move || sim.with(|w| w.clock.to_string())}</time>
                <time class="clock-short" datetime=move || sim.with(|w| w.clock.iso())>{move || {
                    // "Mon 2 May, 09:00": the narrowest phones show only the time (the day is in the panel).
                    let short = sim.with(|w| w.clock.short());
                    let (day, time) = short.split_once(", ").map(|(d, t)| (format!("{d}, "), t.to_string())).unwrap_or_default();
                    view! { <span class="clock-day">{day}</span>{time} }
                }}</time>
            </span>
            <button
                type="button"
                class="clock-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="clock-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <Icon drawing=icons::FAST_FORWARD />
                <span class="clock-toggle-label">"Advance time"</span>
                {move || pending.get().map(|_| view! { <span class="menu-dot" aria-hidden="true"></span> })}
            </button>
            <div class="clock-panel" id="clock-panel">
                <p class="clock-panel-now">{move || sim.with(|w| w.clock.to_string())}</p>
                <span class="clock-steps">
                    <button type="button" on:click=move |_| step("15", TimeUnit::Minutes)>"+15 minutes"</button>
                    <button type="button" on:click=move |_| step("1", TimeUnit::Hours)>"+1 hour"</button>
                    <button type="button" on:click=move |_| step("1", TimeUnit::Days)>"+1 day"</button>
                    {move || pending.get().map(|(short, name)| view! {
                        <button type="button" class="skip" aria-label=name.clone() title=name on:click=move |_| {
                            sim.act(SkipToDnsVisibility {});
                            error.set(None);
                        }>{short}</button>
                    })}
                </span>
                <Show when=move || open.get()>
                    <form class="clock-form" on:submit=advance>
                        <label for="clock-amount">"Amount"</label>
                        <input id="clock-amount" type="number" min="1" step="1" inputmode="numeric" bind:value=amount />
                        <label for="clock-unit">"Unit"</label>
                        <select id="clock-unit" prop:value=move || unit.get() on:change=move |ev| unit.set(event_target_value(&ev))>
                            <option value="minutes">"minutes"</option>
                            <option value="hours">"hours"</option>
                            <option value="days">"days"</option>
                        </select>
                        <button type="submit">"Advance"</button>
                        {move || error.get().map(|e| view! { <p role="alert" class="notice err">{e}</p> })}
                    </form>
                </Show>
            </div>
        </div>
    }
}
