//! What an action looks like where the person acted: the notice that says
//! how it went, and "What happened behind the scenes" (the events it added).
//! Every page runs its commands through one `Feedback`.

use super::event_list::BehindTheScenes;
use super::status::{Notice, NoticeView};
use super::undo_redo::UndoOffer;
use crate::sim::{Command, Event};
use crate::ui::state::{Sim, use_sim};
use leptos::prelude::*;
use std::fmt::Display;

/// A page's feedback: its notice, and from which event on it shows what happened.
#[derive(Clone, Copy)]
pub struct Feedback {
    sim: Sim,
    pub notice: RwSignal<Notice>,
    /// The world's revision the notice speaks of (`NoticeView`).
    made_at: RwSignal<u64>,
    since: RwSignal<Option<u64>>,
    /// The last command was destructive: its notice offers "Undo".
    offer_undo: RwSignal<bool>,
}

impl Feedback {
    pub fn new() -> Self {
        let sim = use_sim();
        Feedback {
            sim,
            notice: RwSignal::new(Notice::None),
            made_at: RwSignal::new(sim.revision.get_untracked()),
            since: RwSignal::new(None),
            offer_undo: RwSignal::new(false),
        }
    }

    /// Runs `command`, shows the notice `say` makes of its output and the
    /// events the command added, and returns the output.
    pub fn run<C: Command>(&self, command: C, say: impl FnOnce(&C::Output) -> Notice) -> C::Output {
        self.since.set(Some(self.sim.with_untracked(|w| w.log.last_seq())));
        let out = self.sim.act(command);
        self.made_at.set(self.sim.revision.get_untracked());
        self.offer_undo.set(false);
        self.notice.set(say(&out));
        out
    }

    /// A destructive action (Convert to paid, Revoke, Delete): it runs at
    /// once, and its notice offers "Undo" instead of asking first.
    pub fn run_undoable<C, T, E>(&self, command: C, ok: impl FnOnce(&T) -> String) -> C::Output
    where
        C: Command<Output = Result<T, E>>,
        E: Display,
    {
        let out = self.run_result(command, ok);
        self.offer_undo.set(out.is_ok());
        out
    }

    /// The common case: success in the words of `ok`, a refusal in its own.
    pub fn run_result<C, T, E>(&self, command: C, ok: impl FnOnce(&T) -> String) -> C::Output
    where
        C: Command<Output = Result<T, E>>,
        E: Display,
    {
        self.run(command, |r| match r {
            Ok(v) => Notice::Ok(ok(v)),
            Err(e) => Notice::Err(e.to_string()),
        })
    }

    /// A notice that needs no command (a check made before any is run).
    pub fn say(&self, notice: Notice) {
        self.made_at.set(self.sim.revision.get_untracked());
        self.offer_undo.set(false);
        self.notice.set(notice);
    }

    /// The events the last command added (reactive).
    pub fn events(&self) -> Vec<Event> {
        match self.since.get() {
            None => vec![],
            Some(s) => self.sim.with(|w| w.log.since(s).to_vec()),
        }
    }
}

impl Default for Feedback {
    fn default() -> Self {
        Feedback::new()
    }
}

/// The notice of a `Feedback` (`role=status` or `role=alert`).
#[component]
pub fn FeedbackNotice(feedback: Feedback) -> impl IntoView {
    let made_at = feedback.made_at;
    view! {
        <NoticeView notice=feedback.notice made_at=made_at />
        {move || feedback.offer_undo.get().then(|| view! { <UndoOffer made_at=made_at.into() /> })}
    }
}

/// "What happened behind the scenes" of a `Feedback`'s last command.
#[component]
pub fn FeedbackEvents(feedback: Feedback) -> impl IntoView {
    move || view! { <BehindTheScenes events=feedback.events() /> }
}
