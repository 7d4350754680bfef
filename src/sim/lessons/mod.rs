//! Lessons, challenges, and what "Show me" does: the classroom's engine.
//!
//! - `catalog`: the lessons as data, following the seed's sections; each
//!   step quotes the seed, says where to act (a route and a control's
//!   accessible name) and as whom, and has a [`Goal`];
//! - `goals`: each goal's check, a pure function of the world and of the
//!   events logged since the lesson began (what happened, however it was
//!   done: a page, the console, "Show me");
//! - `show`: what "Show me" runs, one plain command of `sim::command` at a
//!   time, each chosen from the world as it is then;
//! - `challenges`: tasks a trainer gives, each a checklist of checks of the
//!   world's state.
//!
//! [`Progress`] is what a browser keeps of it (which lesson, which step,
//! where in the event log the lesson began, which challenge was started):
//! plain JSON of its own, not part of the world.

pub mod catalog;
pub mod challenges;
pub mod goals;
pub mod show;

pub use catalog::{LESSONS, Lesson, Step, lesson};
pub use challenges::{CHALLENGES, Challenge, Item, challenge};
pub use goals::Goal;
pub use show::{MAX_COMMANDS, ShowMe};

use crate::sim::World;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A lesson under way: which, the step shown, and the event log's newest
/// sequence number when it began (its checks read the events after it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    pub lesson: String,
    pub step: usize,
    pub since: u64,
}

/// A challenge the trainer started, and where the event log was then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeRun {
    pub challenge: String,
    pub since: u64,
}

/// What a browser keeps of the lessons (`platform::LessonStore`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<Running>,
    /// Lessons run to their last step with every step done, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub finished: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<ChallengeRun>,
}

/// Why stored progress can't be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    NotJson(String),
    UnknownLesson(String),
    NoSuchStep { lesson: String, step: usize },
    UnknownChallenge(String),
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgressError::NotJson(e) => {
                write!(f, "The saved lesson progress couldn't be read ({e}), so it was set aside.")
            }
            ProgressError::UnknownLesson(id) => {
                write!(
                    f,
                    "The saved lesson progress names a lesson this simulator doesn't have (“{id}”), so it was set aside."
                )
            }
            ProgressError::NoSuchStep { lesson, step } => write!(
                f,
                "The saved lesson progress points at step {} of “{lesson}”, which has no such step, so it was set aside.",
                step + 1
            ),
            ProgressError::UnknownChallenge(id) => write!(
                f,
                "The saved lesson progress names a challenge this simulator doesn't have (“{id}”), so it was set aside."
            ),
        }
    }
}

impl Progress {
    /// Reads stored progress; anything that doesn't fit the lessons of this
    /// build is refused whole (the caller starts afresh and says why).
    pub fn parse(raw: &str) -> Result<Progress, ProgressError> {
        let p: Progress = serde_json::from_str(raw).map_err(|e| ProgressError::NotJson(e.to_string()))?;
        if let Some(r) = &p.running {
            let l = lesson(&r.lesson).ok_or_else(|| ProgressError::UnknownLesson(r.lesson.clone()))?;
            if r.step >= l.steps.len() {
                return Err(ProgressError::NoSuchStep { lesson: l.title.to_string(), step: r.step });
            }
        }
        if let Some(id) = p.finished.iter().find(|id| lesson(id).is_none()) {
            return Err(ProgressError::UnknownLesson(id.clone()));
        }
        if let Some(c) = &p.challenge
            && challenge(&c.challenge).is_none()
        {
            return Err(ProgressError::UnknownChallenge(c.challenge.clone()));
        }
        Ok(p)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress is plain data")
    }

    /// The lesson under way, with its state.
    pub fn lesson(&self) -> Option<(&'static Lesson, &Running)> {
        let r = self.running.as_ref()?;
        Some((lesson(&r.lesson)?, r))
    }

    /// Begins `id` at its first step; its checks read the events after `since`.
    pub fn start(&mut self, id: &str, since: u64) {
        self.running = Some(Running { lesson: id.to_string(), step: 0, since });
    }

    /// "Next" (not past the last step).
    pub fn next(&mut self) {
        if let Some((l, _)) = self.lesson() {
            let last = l.steps.len() - 1;
            if let Some(r) = &mut self.running {
                r.step = (r.step + 1).min(last);
            }
        }
    }

    /// "Back" (not before the first step).
    pub fn back(&mut self) {
        if let Some(r) = &mut self.running {
            r.step = r.step.saturating_sub(1);
        }
    }

    /// Shows step `n` of the lesson under way.
    pub fn go_to(&mut self, n: usize) {
        if let Some((l, _)) = self.lesson() {
            let n = n.min(l.steps.len() - 1);
            if let Some(r) = &mut self.running {
                r.step = n;
            }
        }
    }

    /// Ends the lesson under way ("Stop lesson").
    pub fn stop(&mut self) {
        self.running = None;
    }

    /// Records the lesson under way as finished once every step is done.
    /// Returns whether that changed anything.
    pub fn note_finished(&mut self, world: &World) -> bool {
        let Some((l, r)) = self.lesson() else { return false };
        if !l.steps.iter().all(|s| s.done(world, r.since)) || self.finished.iter().any(|f| f == l.id) {
            return false;
        }
        self.finished.push(l.id.to_string());
        true
    }

    pub fn is_finished(&self, id: &str) -> bool {
        self.finished.iter().any(|f| f == id)
    }

    /// The trainer started challenge `id` now.
    pub fn start_challenge(&mut self, id: &str, since: u64) {
        self.challenge = Some(ChallengeRun { challenge: id.to_string(), since });
    }
}
