//! Followed searches: "Suivre cette recherche" on a page of results, and
//! the searches followed, on the home page with how many of each one's
//! results are new since the last visit, and in "Mes articles" with a way
//! to stop following each. Kept in this browser (see
//! [`liseuse_core::personal::Followed`]); nothing is sent anywhere.

use std::collections::BTreeSet;
use std::rc::Rc;

use liseuse_core::personal::Followed;
use liseuse_core::text::fill;
use liseuse_core::{Filters, Library};
use yew::prelude::*;

use super::SharedLibrary;
use crate::hooks::use_pieces;
use crate::pieces::Loader;
use crate::route::Route;
use crate::state::{Action, StateContext};

/// "Suivre cette recherche", for the results of `query` with `filters`;
/// pressed ("✓ Recherche suivie") once followed, pressed again to stop.
pub fn follow_button(query: &str, filters: &Filters, state: &StateContext) -> Html {
    let search = filters.follow(query);
    if search.query.is_empty() {
        return Html::default();
    }
    let t = crate::site::t();
    let followed = state.shelf.is_followed(&search);
    let onclick = toggle(search, state);
    let label = if followed {
        t.search_followed
    } else {
        t.follow_search
    };
    html! {
        <button type="button" class="follow" aria-pressed={followed.to_string()} {onclick}>{label}</button>
    }
}

/// Follows `search`, or stops following it, when pressed.
fn toggle(search: Followed, state: &StateContext) -> Callback<MouseEvent> {
    let dispatch = state.dispatcher();
    Callback::from(move |_: MouseEvent| {
        let search = search.clone();
        let now = crate::store::now();
        dispatch.dispatch(Action::ToggleFollowed { search, now });
    })
}

/// Props of [`FollowedSearches`].
#[derive(Properties, PartialEq)]
pub struct FollowedProps {
    /// The collection.
    pub library: SharedLibrary,
    /// In "Mes articles": every search followed, each with a button to
    /// stop following it, and a line when there is none. On the home page:
    /// the searches followed, with their new results, after an update
    /// that brought new articles.
    #[prop_or_default]
    pub editable: bool,
}

/// The searches followed, the latest first: each a link to its results
/// (the newest first, its filters set), with how many of them are new
/// since the last visit ("3 nouveaux"), found from the pieces of the
/// newest articles only.
#[function_component]
pub fn FollowedSearches(props: &FollowedProps) -> Html {
    let library = &props.library.0;
    let state = use_context::<StateContext>();
    let arrivals = use_context::<Loader>().map_or(0, |loader| loader.arrivals);
    let searches: Vec<Followed> = (state.iter())
        .flat_map(|state| state.shelf.followed())
        .cloned()
        .collect();
    let new_ids = state.as_ref().map(|state| state.new_ids.clone());
    let news = {
        let library = library.clone();
        use_memo(
            (searches.clone(), new_ids, arrivals),
            move |(searches, new_ids, _)| new_results(&library, searches, new_ids.as_ref()),
        )
    };
    use_pieces(library, news.0.clone());
    let Some(state) = state else {
        return Html::default();
    };
    // (On the home page, with the line of what is new: both come once the
    // visit is compared with the last.)
    if !props.editable && (searches.is_empty() || state.new_ids.is_empty()) {
        return Html::default();
    }
    let t = crate::site::t();
    let items = searches
        .iter()
        .zip(&news.1)
        .map(|(search, &new)| followed_item(search, new, props.editable, &state));
    let title = if props.editable {
        fill(t.followed_title_t, &[&searches.len().to_string()])
    } else {
        t.followed_title.to_string()
    };
    html! {
        <section class="followed" aria-labelledby="followed-title">
            <h2 id="followed-title">{title}</h2>
            if searches.is_empty() {
                <p class="empty-shelf">{t.none_followed}</p>
            } else {
                <ul>{ for items }</ul>
            }
        </section>
    }
}

/// The pieces the followed `searches` need among the new articles
/// `new_ids`, and how many of each one's results are new (none while its
/// pieces are not in, or when nothing is new).
fn new_results(
    library: &Library,
    searches: &[Followed],
    new_ids: Option<&Rc<BTreeSet<String>>>,
) -> (Vec<String>, Vec<usize>) {
    let Some(new_ids) = new_ids.filter(|ids| !ids.is_empty()) else {
        return (Vec::new(), vec![0; searches.len()]);
    };
    let mut missing: Vec<String> = Vec::new();
    let counts = (searches.iter())
        .map(|search| {
            let filters = Filters {
                only_in: Some(new_ids.clone()),
                ..Filters::of_followed(search)
            };
            let prepared = library.prepare_new(&search.query, &filters);
            if !prepared.missing().is_empty() {
                missing.extend_from_slice(prepared.missing());
                return 0;
            }
            library.search_new(&prepared, &filters, 0).total
        })
        .collect();
    liseuse_core::order::sort_dedup(&mut missing);
    (missing, counts)
}

/// One followed search: its link, its filters, its new results, and in
/// "Mes articles" the button to stop following it.
fn followed_item(search: &Followed, new: usize, editable: bool, state: &StateContext) -> Html {
    let t = crate::site::t();
    let href = Route::Search {
        query: search.query.clone(),
        newest: true,
    }
    .to_hash();
    let onclick = {
        let (dispatch, filters) = (state.dispatcher(), Filters::of_followed(search));
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetFilters(filters.clone())))
    };
    let unfollow = toggle(search.clone(), state);
    let month = search.month.as_deref().map(|m| t.month(m));
    let filters: Vec<&str> = [
        search.source.as_deref(),
        search.year.as_deref(),
        month.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <li>
            <a {href} {onclick}>{fill(t.quoted_t, &[&search.query])}</a>
            if !filters.is_empty() {
                <span class="followed-filters">{format!(" · {}", filters.join(" · "))}</span>
            }
            if new > 0 {
                {" "}<span class="badge new">{t.count(new, t.new_results)}</span>
            }
            if editable {
                <button type="button" class="link unfollow" onclick={unfollow}>{t.unfollow}</button>
            }
        </li>
    }
}
