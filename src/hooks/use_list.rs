use std::rc::Rc;

use liseuse_core::{Filters, Library};
use yew::prelude::*;

use super::use_pieces;
use crate::state::{Action, StateContext};
use crate::store;

/// What a list (the home page's or a search's) has from the app.
pub struct ListContext {
    /// The app's state (none outside the Shell: nothing is shown then).
    pub state: Option<StateContext>,
    /// Whether what the filters need is here: a split index has the read
    /// articles' ids, which "unread only" leaves out, in pieces.
    pub filters_ready: bool,
}

/// What every list does: asks for the pieces its `filters` need, gives the
/// page the site's own title, and listens to the list's keys
/// ([`list_keys`]).
#[hook]
pub fn use_list(library: &Rc<Library>, filters: &Filters) -> ListContext {
    let state = use_context::<StateContext>();
    let filter_ids = library.missing_for_filters(filters);
    let filters_ready = filter_ids.is_empty();
    use_pieces(library, filter_ids);
    use_effect_with((), |_| crate::site::set_title(None));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = list_keys(state);
            move || drop(listener)
        });
    }
    ListContext {
        state,
        filters_ready,
    }
}

/// ↓ and ↑ move from one result to the next (and from the first back up to
/// the search box); Enter opens the one focused, as any link; `s` saves it.
fn list_keys(state: Option<StateContext>) -> gloo::events::EventListener {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    // Not passive: the arrows must not scroll the page as well.
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let step = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "s" if !crate::hooks::typing(event) => {
                let focused = (event.target())
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest(".result").ok().flatten())
                    .and_then(|result| result.get_attribute("data-id"));
                if let (Some(id), Some(state)) = (focused, &state) {
                    state.dispatch(Action::ToggleSaved {
                        id,
                        now: store::now(),
                    });
                }
                return;
            }
            _ => return,
        };
        let document = gloo::utils::document();
        let Ok(links) = document.query_selector_all(".result a") else {
            return;
        };
        let links: Vec<web_sys::HtmlElement> = (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into().ok())
            .collect();
        // The key's own target (the search box moves focus to the first
        // result on the same key press: that one is not moved on again).
        let target = (event.target()).and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(at) = (links.iter()).position(|link| Some(link.as_ref()) == target.as_ref())
        else {
            return; // not in the list: the page scrolls as usual
        };
        event.prevent_default();
        match at.checked_add_signed(step) {
            Some(next) if next < links.len() => {
                let _ = links[next].focus();
            }
            Some(_) => {}
            None => {
                let search = document.query_selector("input[type=search]").ok().flatten();
                if let Some(search) = search.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = search.focus();
                }
            }
        }
    })
}
