use yew::prelude::*;

use super::{
    CompareView, Filters, HomeList, NameView, QuoteResults, Reader, ResultListProps, SearchBox,
    SearchResults, SettingsMenu, SharedLibrary, ShelfView, Shortcuts,
};
use crate::hooks::{use_app_state, use_news, use_route, use_storage, Navigator};
use crate::pieces::{Arrivals, Loader};
use crate::route::Route;
use crate::state::{Action, StateContext};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The collection, loaded (see [`crate::load_library`]).
    pub library: SharedLibrary,
}

/// The whole app: the view of the current route over the collection. Views
/// download the pieces of a split index through the [`Loader`] it provides.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let arrivals = use_reducer(Arrivals::default);
    let loader = Loader {
        arrivals: arrivals.0,
        notify: {
            let arrivals = arrivals.dispatcher();
            Callback::from(move |()| arrivals.dispatch(()))
        },
    };
    html! {
        <ContextProvider<Loader> context={loader}>
            <Shell library={props.library.clone()} />
        </ContextProvider<Loader>>
    }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    library: SharedLibrary,
}

/// Header with the search box, and the search page or the reading view below it.
#[function_component]
fn Shell(props: &ShellProps) -> Html {
    let library = &props.library.0;
    let (route, navigator) = use_route();
    let (state, stored) = use_app_state(library);
    use_news(library, &state);
    let not_kept = use_storage(&state, &stored);
    // The order of the results last shown: "← Résultats" and a query typed
    // while reading keep it.
    let newest_seen = use_mut_ref(|| false);
    if let Route::Search { newest, .. } = &route {
        *newest_seen.borrow_mut() = *newest;
    }
    let newest_seen = *newest_seen.borrow();
    let on_query = {
        let navigator = navigator.clone();
        let reading = matches!(route, Route::Article { .. });
        // A new query keeps the order the reader chose, from an article too.
        Callback::from(move |query: String| {
            let to = Route::Search {
                query,
                newest: newest_seen,
            };
            // From the reading view a new query is a new page; on the results it is the same one.
            if reading {
                navigator.push(to)
            } else {
                navigator.replace(to)
            }
        })
    };
    let view = view(&props.library, &route, &navigator, &state, newest_seen);
    let home = Route::default().to_hash();
    html! {
        <ContextProvider<StateContext> context={state.clone()}>
            <header class="bar">
                <a class="brand" href={home}>{crate::site::site().title.clone()}</a>
                <SearchBox
                    query={AttrValue::from(route.query().to_string())}
                    count={library.len()}
                    on_query={on_query}
                    focus={matches!(route, Route::Search { .. })}
                />
                <SettingsMenu />
            </header>
            if let Some(why) = not_kept {
                <p class="alert not-kept" role="alert">{why}</p>
            }
            <main class="page">{view}</main>
            <Shortcuts />
        </ContextProvider<StateContext>>
    }
}

/// The view of `route`: a list of results (or the home page's), an
/// article, the reader's own articles, or a name's page.
fn view(
    library: &SharedLibrary,
    route: &Route,
    navigator: &Navigator,
    state: &StateContext,
    newest_seen: bool,
) -> Html {
    match route {
        Route::Search { query, newest } => {
            let on_order = {
                let (navigator, query) = (navigator.clone(), query.clone());
                Callback::from(move |newest: bool| {
                    let query = query.clone();
                    navigator.replace(Route::Search { query, newest })
                })
            };
            let on_filters = {
                let state = state.dispatcher();
                Callback::from(move |next: Filters| state.dispatch(Action::SetFilters(next)))
            };
            let on_more = {
                let (state, query) = (state.dispatcher(), query.clone());
                Callback::from(move |limit| {
                    let query = query.clone();
                    state.dispatch(Action::ShowMore { query, limit })
                })
            };
            let props = ResultListProps {
                library: library.clone(),
                query: AttrValue::from(query.clone()),
                newest: *newest,
                on_order,
                filters: state.filters.clone(),
                on_filters,
                limit: state.limit(query),
                on_more,
            };
            // The home page lists the collection; a query, its results;
            // `cite:` and words, what names said.
            if let Some(words) = crate::route::quotations_of(query) {
                let words = AttrValue::from(words.to_string());
                html! { <QuoteResults library={library.clone()} {words} /> }
            } else if query.trim().is_empty() {
                html! { <HomeList ..props /> }
            } else {
                html! { <SearchResults ..props /> }
            }
        }
        Route::Article { id, query } => {
            let hash = gloo::utils::window().location().hash().unwrap_or_default();
            let id = AttrValue::from(id.clone());
            match crate::route::compared_with(&hash) {
                Some(other) => html! {
                    <CompareView library={library.clone()} {id} other={AttrValue::from(other)} />
                },
                None => html! {
                    <Reader
                        library={library.clone()}
                        newest={newest_seen}
                        {id}
                        query={AttrValue::from(query.clone())}
                    />
                },
            }
        }
        Route::Shelf => html! { <ShelfView library={library.clone()} /> },
        Route::Name { key } => html! {
            <NameView library={library.clone()} name={AttrValue::from(key.clone())} />
        },
    }
}
