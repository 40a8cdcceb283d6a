use std::cell::RefCell;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::Route;

/// How long the address waits for the reader to stop typing before it shows
/// the query: each write of it costs the browser 2 to 3 ms of a keystroke,
/// and Firefox refuses more than 100 of them in 10 s.
const WRITE_AFTER_MS: u32 = 300;

thread_local! {
    /// The address of what typing shows, not written yet, and the timer that writes it.
    static UNWRITTEN: RefCell<Option<String>> = const { RefCell::new(None) };
    static TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// Writes the address typing left unwritten, in place of the current entry.
fn write_address() {
    if let Some(hash) = UNWRITTEN.with(|unwritten| unwritten.borrow_mut().take()) {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
        }
    }
}

/// Moves the app to another route, in the URL and in the view.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    set: UseStateSetter<Route>,
}

impl Navigator {
    /// Goes to `route` as a new history entry: the back button returns here.
    pub fn push(&self, route: Route) {
        // The entry left keeps the query it showed.
        write_address();
        // Setting the hash adds the entry and fires `hashchange`, which updates the view.
        let _ = gloo::utils::window().location().set_hash(&route.to_hash());
        self.set.set(route);
    }

    /// Shows `route` in place of the current entry (typing a query does not
    /// fill the history), in the view at once and in the address once the
    /// reader pauses ([`WRITE_AFTER_MS`]), leaves the entry or the page.
    pub fn replace(&self, route: Route) {
        UNWRITTEN.with(|unwritten| *unwritten.borrow_mut() = Some(route.to_hash()));
        let timer = Timeout::new(WRITE_AFTER_MS, write_address);
        TIMER.with(|t| *t.borrow_mut() = Some(timer));
        self.set.set(route);
    }
}

/// The current route, kept in step with the URL fragment (links, back and forward buttons).
#[hook]
pub fn use_route() -> (Route, Navigator) {
    let route = use_state(current_route);
    {
        let set = route.setter();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, "hashchange", move |_| {
                // Another entry (back, forward, a link): what typing showed
                // in the one left is not to be written over this one.
                UNWRITTEN.with(|unwritten| unwritten.borrow_mut().take());
                set.set(current_route());
            });
            // Before a click follows a link (a new entry), and before the
            // page goes (a reload, another site), the address is written.
            let capture = EventListenerOptions::run_in_capture_phase();
            let click =
                EventListener::new_with_options(&window, "click", capture, |_| write_address());
            let leave = EventListener::new(&window, "pagehide", |_| write_address());
            move || drop((listener, click, leave))
        });
    }
    let navigator = Navigator {
        set: route.setter(),
    };
    ((*route).clone(), navigator)
}

fn current_route() -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}
