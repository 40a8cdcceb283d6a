//! The app's state that outlives views, in one place (as yew's todomvc
//! example keeps it): a [`Reducible`] with its [`Action`]s, provided to the
//! views as a typed context ([`StateContext`]). The route lives in the URL
//! (see [`crate::hooks::use_route`]); what is here is what the URL does not
//! say: the filters, and how many results of which list are shown. Reading
//! settings and personal state join it.

use std::rc::Rc;

use liseuse_core::Filters;
use yew::prelude::*;

use crate::components::RESULTS_PAGE;

/// What the app keeps while the reader moves between views.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Which articles lists show; going back from an article keeps them.
    pub filters: Filters,
    /// How many results were asked for, and for which query and filters:
    /// back from an article finds the same results shown; another query or
    /// other filters show one page again.
    paging: (String, Filters, usize),
}

impl Default for State {
    fn default() -> Self {
        State {
            filters: Filters::default(),
            paging: (String::new(), Filters::default(), RESULTS_PAGE),
        }
    }
}

impl State {
    /// How many results (or articles) the list for `query` shows.
    pub fn limit(&self, query: &str) -> usize {
        let (paged, filters, limit) = &self.paging;
        if paged == query && *filters == self.filters {
            *limit
        } else {
            RESULTS_PAGE
        }
    }
}

/// What changes the [`State`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader chose other filters.
    SetFilters(Filters),
    /// The reader asked for `limit` results (or articles) of `query`'s list.
    ShowMore {
        /// The list's query (empty: the articles, newest first).
        query: String,
        /// How many to show.
        limit: usize,
    },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetFilters(filters) => next.filters = filters,
            Action::ShowMore { query, limit } => {
                next.paging = (query, next.filters.clone(), limit);
            }
        }
        next.into()
    }
}

/// The state, as views read it and change it.
pub type StateContext = UseReducerHandle<State>;

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn more_results_are_kept_for_the_same_query_and_filters_only() {
        let state = reduce(
            State::default(),
            Action::ShowMore {
                query: "paix".into(),
                limit: 20,
            },
        );
        assert_eq!(state.limit("paix"), 20);
        assert_eq!(state.limit("guerre"), RESULTS_PAGE, "another query");
        let filtered = reduce(
            state,
            Action::SetFilters(Filters {
                source: Some("Le Journal".into()),
                ..Filters::default()
            }),
        );
        assert_eq!(filtered.limit("paix"), RESULTS_PAGE, "other filters");
        assert_eq!(filtered.filters.source.as_deref(), Some("Le Journal"));
    }
}
