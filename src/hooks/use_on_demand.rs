use std::rc::Rc;

use liseuse_core::Library;
use yew::prelude::*;

use super::use_pieces;
use crate::pieces::failure;

/// A file the reader asks for (an e-book, an export) that needs pieces of a
/// split index first.
pub struct OnDemand {
    /// Whether it was asked for and is being made (its pieces on their way).
    pub asked: bool,
    /// What to tell of a piece that could not be loaded.
    pub failed: Option<String>,
    /// Asks for it.
    pub ask: Callback<MouseEvent>,
}

/// Once asked, loads the pieces `missing` names (called only then: nothing
/// is fetched before the reader asks), then runs what `make` gives, once,
/// when they are in (a piece that failed is left out, not waited for).
/// `make` is called at that render only, so what it copies is copied once.
#[hook]
pub fn use_on_demand<M, T, A>(library: &Rc<Library>, missing: M, make: T) -> OnDemand
where
    M: FnOnce() -> Vec<String>,
    T: FnOnce() -> A,
    A: FnOnce() + 'static,
{
    let asked = use_state_eq(|| false);
    let missing = if *asked { missing() } else { Vec::new() };
    let failed = failure(&missing);
    let ready = use_pieces(library, missing) && *asked;
    {
        let (asked, action) = (asked.setter(), ready.then(make));
        use_effect_with(ready, move |_| {
            if let Some(action) = action {
                asked.set(false);
                action();
            }
        });
    }
    let ask = {
        let asked = asked.setter();
        Callback::from(move |_: MouseEvent| asked.set(true))
    };
    OnDemand {
        asked: *asked,
        failed,
        ask,
    }
}
