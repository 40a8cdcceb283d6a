use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::Route;

/// Moves the app to another route, in the URL and in the view.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    set: UseStateSetter<Route>,
}

impl Navigator {
    /// Goes to `route` as a new history entry: the back button returns here.
    pub fn push(&self, route: Route) {
        // Setting the hash adds the entry and fires `hashchange`, which updates the view.
        let _ = gloo::utils::window().location().set_hash(&route.to_hash());
        self.set.set(route);
    }

    /// Shows `route` in place of the current entry (typing a query does not fill the history).
    pub fn replace(&self, route: Route) {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.to_hash()));
        }
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
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                set.set(current_route());
            });
            move || drop(listener)
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
