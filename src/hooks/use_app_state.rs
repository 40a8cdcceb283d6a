use std::cell::RefCell;
use std::rc::Rc;

use liseuse_core::personal::Shelf;
use liseuse_core::Library;
use yew::prelude::*;

use super::use_pieces;
use crate::state::{Action, State};
use crate::store;

/// The app's state as the browser kept it, less the articles no longer in
/// the collection, and the shelf as storage held it when it was read: what
/// this tab last read from or wrote to storage (see [`super::use_storage`]).
/// A split index tells which articles are gone once their ids' pieces are
/// here: they are asked for, and forgotten then.
#[hook]
pub fn use_app_state(library: &Rc<Library>) -> (UseReducerHandle<State>, Rc<RefCell<Shelf>>) {
    let stored = use_mut_ref(store::shelf);
    let state = {
        let (library, stored) = (library.clone(), stored.clone());
        use_reducer(move || {
            let mut shelf = stored.borrow().clone();
            // (In a split index, only ids whose piece is here are known gone.)
            shelf.retain(|id| !library.lacks(id));
            State::restored(store::settings(), shelf, store::has_news())
        })
    };
    let shelf = &state.shelf;
    let ids: Vec<&str> = (shelf.read_ids())
        .chain(shelf.saved())
        .chain(shelf.recent().iter().map(String::as_str))
        .collect();
    use_pieces(library, library.missing_for_ids(ids.iter().copied()));
    let gone: Vec<String> = (ids.into_iter())
        .filter(|id| library.lacks(id))
        .map(str::to_string)
        .collect();
    let dispatch = state.dispatcher();
    use_effect_with(gone, move |gone| {
        if !gone.is_empty() {
            dispatch.dispatch(Action::Forget(gone.clone()));
        }
    });
    (state, stored)
}

/// What is new since the last visit: once every id of the collection is
/// known (a split index: once its id pieces are in, which the home page
/// asks for when the reader pauses), once a visit; and the visit kept.
#[hook]
pub fn use_news(library: &Rc<Library>, state: &UseReducerHandle<State>) {
    let visited = use_mut_ref(|| false);
    let found = if *visited.borrow() {
        None
    } else {
        library.all_ids().map(|ids| {
            *visited.borrow_mut() = true;
            let mut news = store::news();
            news.visit(ids.iter().copied());
            store::keep_news(&news);
            // (A set built one by one: a collected one compiles a sort of its own.)
            let new_ids = liseuse_core::order::set(
                (ids.iter())
                    .filter(|id| news.is_new(id))
                    .map(|id| id.to_string()),
            );
            (news, new_ids)
        })
    };
    let dispatch = state.dispatcher();
    use_effect_with(found, move |found| {
        if let Some((news, ids)) = found.clone().filter(|(_, ids)| !ids.is_empty()) {
            dispatch.dispatch(Action::News(news, ids));
        }
    });
    use_effect_with(state.news.clone(), |news| {
        if news.visited() {
            store::keep_news(news);
        }
    });
}
