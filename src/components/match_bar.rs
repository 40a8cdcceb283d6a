//! The match bar of the reading view: which match is the current one, the
//! bar that moves from one to the next (also the keys `n` and `p`), and the
//! current one shown, in the middle of the screen.

use yew::prelude::*;

/// Which match of the reading view is the current one.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MatchCursor {
    /// The current match, if one is.
    pub at: Option<usize>,
}

/// How the current match moves.
pub enum CursorAction {
    /// Move `step` matches (negative: backwards), wrapping around `count`.
    Step { step: isize, count: usize },
    /// No current match (another article).
    Reset,
}

impl Reducible for MatchCursor {
    type Action = CursorAction;

    fn reduce(self: std::rc::Rc<Self>, action: CursorAction) -> std::rc::Rc<Self> {
        let at = match action {
            CursorAction::Reset => None,
            CursorAction::Step { count: 0, .. } => None,
            CursorAction::Step { step, count } => Some(match self.at {
                None if step > 0 => 0,
                None => count - 1,
                Some(at) => (at as isize + step).rem_euclid(count as isize) as usize,
            }),
        };
        MatchCursor { at }.into()
    }
}

/// The bar of the `count` matches, `at` the current one; `go` moves by a step.
pub fn match_bar(at: Option<usize>, count: usize, go: &Callback<isize>) -> Html {
    if count == 0 {
        return Html::default();
    }
    let previous = go.reform(|_: MouseEvent| -1);
    let next = go.reform(|_: MouseEvent| 1);
    let t = crate::site::t();
    let position = match at {
        Some(at) => format!("{} / {count}", at + 1),
        None => t.count(count, t.occurrence),
    };
    html! {
        <nav class="matches" aria-label={t.matches_label}>
            <button type="button" onclick={previous} title={t.previous_match_key} aria-label={t.previous_match}>{"↑"}</button>
            <span class="position" aria-live="polite">{position}</span>
            <button type="button" onclick={next} title={t.next_match_key} aria-label={t.next_match}>{"↓"}</button>
        </nav>
    }
}
