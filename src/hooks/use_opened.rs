use yew::prelude::*;

use crate::state::{Action, State};

/// Article `id`, opened: first of the recent articles (once it is known).
#[hook]
pub fn use_opened(id: &AttrValue, known: bool, dispatch: Option<UseReducerDispatcher<State>>) {
    use_effect_with((id.clone(), known), move |(id, known)| {
        if let (Some(dispatch), true) = (dispatch, *known) {
            dispatch.dispatch(Action::Opened(id.to_string()));
        }
    });
}
