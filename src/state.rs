//! The app's state that outlives views, in one place (as yew's todomvc
//! example keeps it): a [`Reducible`] with its [`Action`]s, provided to the
//! views as a typed context ([`StateContext`]). The route lives in the URL
//! (see [`crate::hooks::use_route`]); what is here is what the URL does not
//! say: the filters, how many results of which list are shown, the reading
//! settings and the reader's shelf (read, saved and recent articles). What
//! is kept in the browser is kept by [`crate::store`], from here.

use std::rc::Rc;

use std::collections::BTreeSet;

use liseuse_core::personal::{Millis, News, Settings, Shelf};
use liseuse_core::Filters;
use yew::prelude::*;

use crate::components::RESULTS_PAGE;

/// What the app keeps while the reader moves between views.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Which articles lists show; going back from an article keeps them.
    /// With [`State::unread`], the articles read are left out.
    pub filters: Filters,
    /// Whether lists show only the articles not read yet.
    pub unread: bool,
    /// How the reader reads.
    pub settings: Settings,
    /// What the reader read, saved and opened.
    pub shelf: Rc<Shelf>,
    /// Which articles are new since the reader's last visit.
    pub news: Rc<News>,
    /// Their ids (of the articles of the collection now).
    pub new_ids: Rc<BTreeSet<String>>,
    /// Whether lists show only the new articles.
    pub only_new: bool,
    /// Whether the reader was here before, read something or follows a search:
    /// a split index then gets every id (what is new needs them).
    pub returning: bool,
    /// How many results were asked for, and for which query and filters:
    /// back from an article finds the same results shown; another query or
    /// other filters show one page again.
    paging: (String, Filters, usize),
}

impl Default for State {
    fn default() -> Self {
        State {
            filters: Filters::default(),
            unread: false,
            settings: Settings::default(),
            shelf: Rc::default(),
            news: Rc::default(),
            new_ids: Rc::default(),
            only_new: false,
            returning: false,
            paging: (String::new(), Filters::default(), RESULTS_PAGE),
        }
    }
}

impl State {
    /// The state at the start of a visit: what the browser kept.
    pub fn restored(settings: Settings, shelf: Shelf, returning: bool) -> State {
        State {
            returning: returning || !shelf.recent().is_empty() || !shelf.followed().is_empty(),
            settings,
            shelf: Rc::new(shelf),
            ..State::default()
        }
    }

    /// The filters' "only the unread ones" part, from the shelf.
    fn refilter(&mut self) {
        self.filters.not_in = self.unread.then(|| {
            let read = liseuse_core::order::set(self.shelf.read_ids().map(str::to_string));
            Rc::new(read)
        });
        self.filters.only_in = self.only_new.then(|| self.new_ids.clone());
    }

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
    /// Only the unread articles, or all.
    SetUnread(bool),
    /// Other reading settings.
    SetSettings(Settings),
    /// Most of article `id` was read.
    MarkRead {
        /// The article.
        id: String,
        /// When.
        now: Millis,
    },
    /// The reader marked article `id` unread again.
    MarkUnread(String),
    /// Saves article `id` for later, or takes it off the saved list.
    ToggleSaved {
        /// The article.
        id: String,
        /// When.
        now: Millis,
    },
    /// Follows a search, or stops following it.
    ToggleFollowed {
        /// Its query and filters.
        search: liseuse_core::personal::Followed,
        /// When.
        now: Millis,
    },
    /// Article `id` was opened.
    Opened(String),
    /// The visit compared the collection with the last one: what is new, and its ids.
    News(News, BTreeSet<String>),
    /// Only the new articles, or all.
    SetOnlyNew(bool),
    /// A passage was highlighted.
    Highlight {
        /// The highlight's own id.
        key: String,
        /// What and where.
        highlight: liseuse_core::annotation::Highlight,
    },
    /// Highlight `key` has a new note.
    Annotate {
        /// The highlight.
        key: String,
        /// Its note (empty: none).
        note: String,
    },
    /// Highlight `key` is removed.
    Unhighlight(String),
    /// Another tab kept this shelf: it is this tab's now.
    Stored(Shelf),
    /// These articles are gone from the collection (a rebuild): forget them.
    Forget(Vec<String>),
    /// An export file was imported: its settings, and its shelf added to this one.
    Import(Settings, Shelf),
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
            Action::SetFilters(filters) => {
                next.filters = filters;
                next.refilter();
            }
            Action::SetUnread(unread) => {
                next.unread = unread;
                next.refilter();
            }
            Action::SetSettings(settings) => next.settings = settings,
            Action::MarkRead { id, now } => {
                if self.shelf.is_read(&id) {
                    return self; // nothing changes: no render, no write
                }
                Rc::make_mut(&mut next.shelf).mark_read(&id, now);
                next.refilter();
            }
            Action::MarkUnread(id) => {
                Rc::make_mut(&mut next.shelf).mark_unread(&id);
                next.refilter();
            }
            Action::ToggleSaved { id, now } => {
                Rc::make_mut(&mut next.shelf).toggle_saved(&id, now);
            }
            Action::ToggleFollowed { search, now } => {
                Rc::make_mut(&mut next.shelf).toggle_followed(search, now);
            }
            Action::Opened(id) => {
                let new = self.new_ids.contains(&id);
                if self.shelf.recent().first() == Some(&id) && !new {
                    return self;
                }
                Rc::make_mut(&mut next.shelf).opened(&id);
                if new {
                    Rc::make_mut(&mut next.news).opened(&id);
                    // (Rebuilt, not removed from: a removal compiles the set's
                    // rebalancing, 3 kB of wasm.)
                    let left = self.new_ids.iter().filter(|n| **n != id).cloned();
                    next.new_ids = Rc::new(liseuse_core::order::set(left));
                    next.refilter();
                }
            }
            Action::News(news, ids) => {
                next.news = Rc::new(news);
                next.new_ids = Rc::new(ids);
                next.refilter();
            }
            Action::SetOnlyNew(only) => {
                next.only_new = only;
                next.refilter();
            }
            Action::Highlight { key, highlight } => {
                Rc::make_mut(&mut next.shelf).highlight(&key, highlight);
            }
            Action::Annotate { key, note } => {
                Rc::make_mut(&mut next.shelf).annotate(&key, &note);
            }
            Action::Unhighlight(key) => Rc::make_mut(&mut next.shelf).unhighlight(&key),
            Action::Stored(shelf) => {
                if *self.shelf == shelf {
                    return self;
                }
                next.shelf = Rc::new(shelf);
                next.refilter();
            }
            Action::Forget(gone) => {
                if !Rc::make_mut(&mut next.shelf).retain(|id| !gone.iter().any(|g| g == id)) {
                    return self;
                }
                next.refilter();
            }
            Action::Import(settings, shelf) => {
                next.settings = settings;
                Rc::make_mut(&mut next.shelf).merge(shelf);
                next.refilter();
            }
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

    #[test]
    fn the_unread_list_follows_what_is_read() {
        let state = reduce(State::default(), Action::SetUnread(true));
        assert_eq!(
            state.filters.not_in.as_deref(),
            Some(&std::collections::BTreeSet::new())
        );
        let state = reduce(
            state,
            Action::MarkRead {
                id: "a".into(),
                now: 1,
            },
        );
        assert!(state.filters.not_in.as_ref().unwrap().contains("a"));
        let state = reduce(
            state,
            Action::SetFilters(Filters {
                year: Some("2020".into()),
                ..Filters::default()
            }),
        );
        assert!(
            state.filters.not_in.as_ref().unwrap().contains("a"),
            "kept with other filters"
        );
        let state = reduce(state, Action::MarkUnread("a".into()));
        assert!(state.filters.not_in.as_ref().unwrap().is_empty());
        let state = reduce(state, Action::SetUnread(false));
        assert_eq!(state.filters.not_in, None);
        assert_eq!(state.filters.year.as_deref(), Some("2020"));
    }
}
