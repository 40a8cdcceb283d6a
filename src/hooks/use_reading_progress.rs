use gloo::events::EventListener;
use yew::prelude::*;

use crate::resume;
use crate::state::{Action, State};
use crate::store;

/// How far down the page an article counts as read: most of it was on
/// screen (the last lines are often notes, credits or links).
const READ_AT: f64 = 0.8;

/// How far a reader is in an article, and whether the view reopened it
/// where they left it.
pub struct ReadingProgress {
    /// How far down the article, in whole percents (the bar at the top):
    /// the view renders again only when the bar moves.
    pub percent: u32,
    /// Whether the article reopened where the reader left it.
    pub resumed: bool,
    /// Back to the top (and no more "resumed").
    pub restart: Callback<MouseEvent>,
}

/// Follows the reading of article `id` once its text is here: the place,
/// kept for the next visit (a reopened article returns there), and the
/// article marked read when most of it was on screen, or after a few
/// seconds when it fits on the screen.
#[hook]
pub fn use_reading_progress(
    id: &AttrValue,
    has_text: bool,
    dispatch: Option<UseReducerDispatcher<State>>,
) -> ReadingProgress {
    let progress = use_state_eq(|| 0u32);
    let resumed = use_state(|| false);
    {
        let progress = progress.setter();
        use_effect_with((id.clone(), has_text), move |(id, has_text)| {
            let listeners = follow(id, *has_text, dispatch, progress);
            move || drop(listeners)
        });
    }
    {
        let resumed = resumed.setter();
        use_effect_with((id.clone(), has_text), move |(id, has_text)| {
            let at = has_text.then(|| resume::load(id)).flatten();
            if let Some(fraction) = at {
                resume::scroll_to(fraction);
            }
            resumed.set(at.is_some());
        });
    }
    let restart = {
        let resumed = resumed.setter();
        Callback::from(move |_: MouseEvent| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            resumed.set(false);
        })
    };
    ReadingProgress {
        percent: *progress,
        resumed: *resumed,
        restart,
    }
}

/// The scroll listener that moves the bar and keeps the place, and the
/// timer that marks a short article read: dropped together.
fn follow(
    id: &AttrValue,
    has_text: bool,
    dispatch: Option<UseReducerDispatcher<State>>,
    progress: UseStateSetter<u32>,
) -> (EventListener, Option<gloo::timers::callback::Timeout>) {
    let id = id.to_string();
    let mark_read = {
        let id = id.clone();
        move || {
            if let Some(dispatch) = &dispatch {
                let (id, now) = (id.clone(), store::now());
                dispatch.dispatch(Action::MarkRead { id, now });
            }
        }
    };
    // An article that fits on the screen is read once it has been open a
    // few seconds.
    let short = (has_text && resume::scrolled().is_none()).then(|| {
        let mark_read = mark_read.clone();
        gloo::timers::callback::Timeout::new(4_000, mark_read)
    });
    // The position is stored when it moves by a thousandth, not at every
    // scroll event.
    let saved = std::cell::Cell::new(None);
    let listener = EventListener::new(&gloo::utils::window(), "scroll", move |_| {
        let fraction = resume::scrolled().unwrap_or(0.0);
        progress.set((fraction * 100.0).round() as u32);
        let permille = (fraction * 1000.0).round() as u32;
        if has_text && saved.replace(Some(permille)) != Some(permille) {
            resume::save(&id, fraction);
            if fraction >= READ_AT {
                mark_read();
            }
        }
    });
    (listener, short)
}
