use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use liseuse_core::personal::{Settings, Shelf};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, State};
use crate::store;

/// Keeps the settings (applied to the page) and the shelf in storage, and
/// gives what could not be kept (a full quota), to be said once.
///
/// Another tab of the site may write too: each write merges this tab's
/// changes into what storage holds now (`stored` is what this tab last
/// read or wrote), and this tab follows the other's writes (the `storage`
/// event), so neither loses the other's.
#[hook]
pub fn use_storage(state: &UseReducerHandle<State>, stored: &Rc<RefCell<Shelf>>) -> Option<String> {
    let not_kept = use_state_eq(|| None::<String>);
    {
        let not_kept = not_kept.setter();
        use_effect_with(state.settings, move |settings| {
            apply_settings(settings);
            if let Err(store::NotKept(why)) = store::keep_settings(settings) {
                not_kept.set(Some(why));
            }
        });
    }
    {
        let (not_kept, stored) = (not_kept.setter(), stored.clone());
        let dispatch = state.dispatcher();
        use_effect_with(state.shelf.clone(), move |shelf| {
            if **shelf == *stored.borrow() {
                return;
            }
            let merged = shelf.rebase(&stored.borrow(), store::shelf());
            if let Err(store::NotKept(why)) = store::keep_shelf(&merged) {
                not_kept.set(Some(why));
            }
            *stored.borrow_mut() = merged.clone();
            if merged != **shelf {
                dispatch.dispatch(Action::Stored(merged));
            }
        });
    }
    {
        let (dispatch, stored) = (state.dispatcher(), stored.clone());
        use_effect_with((), move |_| {
            let listener = follow_other_tabs(stored, dispatch);
            move || drop(listener)
        });
    }
    (*not_kept).clone()
}

/// Follows another tab's writes of the shelf or the settings.
fn follow_other_tabs(
    stored: Rc<RefCell<Shelf>>,
    dispatch: UseReducerDispatcher<State>,
) -> EventListener {
    let (shelf_key, settings_key) = (store::key("shelf"), store::key("settings"));
    EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        let key = event.key().unwrap_or_default();
        if key == shelf_key {
            let shelf = store::shelf();
            *stored.borrow_mut() = shelf.clone();
            dispatch.dispatch(Action::Stored(shelf));
        } else if key == settings_key {
            dispatch.dispatch(Action::SetSettings(store::settings()));
        }
    })
}

/// Puts the settings on `<html>` (`data-theme`, `data-font`, `data-width`
/// and `--reading-size`), where the stylesheet reads them. `boot.js` does
/// the same from the stored settings before the first paint.
fn apply_settings(settings: &Settings) {
    let Some(html) = gloo::utils::document().document_element() else {
        return;
    };
    let _ = html.set_attribute("data-theme", settings.theme.name());
    let _ = html.set_attribute("data-font", settings.font.name());
    let _ = html.set_attribute("data-width", settings.width.name());
    if let Some(html) = html.dyn_ref::<web_sys::HtmlElement>() {
        let size = format!("{}px", settings.text_px());
        let _ = html.style().set_property("--reading-size", &size);
    }
}
