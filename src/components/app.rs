use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{
    apply_settings, Filters, NameView, Reader, ResultList, SearchBox, SettingsMenu, SharedLibrary,
    ShelfView, Shortcuts,
};
use crate::hooks::use_pieces;
use crate::hooks::use_route;
use crate::pieces::{Arrivals, Loader};
use crate::route::Route;
use crate::state::{Action, State, StateContext};
use crate::store;

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
    let (route, navigator) = use_route();
    // The shelf as storage holds it, read once: what this tab last read
    // from or wrote to storage (see the merge below).
    let stored = use_mut_ref(store::shelf);
    // What the browser kept, less the articles no longer in the collection.
    let state = {
        let (library, stored) = (props.library.0.clone(), stored.clone());
        use_reducer(move || {
            let mut shelf = stored.borrow().clone();
            // (In a split index, only ids whose piece is here are known gone.)
            shelf.retain(|id| !library.lacks(id));
            State::restored(store::settings(), shelf, store::has_news())
        })
    };
    // A split index tells which are gone once their ids' pieces are here.
    {
        let library = &props.library.0;
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
        let state = state.dispatcher();
        use_effect_with(gone, move |gone| {
            if !gone.is_empty() {
                state.dispatch(Action::Forget(gone.clone()));
            }
        });
    }
    // What is new since the last visit: once every id of the collection
    // is known (a split index: once its id pieces are in, which the home
    // page asks for when the reader pauses), once a visit.
    {
        let visited = use_mut_ref(|| false);
        let found = if *visited.borrow() {
            None
        } else {
            props.library.0.all_ids().map(|ids| {
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
    // What could not be kept (a full quota), said once.
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
    // Another tab of the site may write too: each write merges this tab's
    // changes into what storage holds now (`stored` is what this tab last
    // read or wrote), and this tab follows the other's writes (the
    // `storage` event), so neither loses the other's.
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
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let (shelf_key, settings_key) = (store::key("shelf"), store::key("settings"));
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
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
            });
            move || drop(listener)
        });
    }
    // The order of the results last shown: "← Résultats" and a query typed
    // while reading keep it.
    let newest_seen = use_mut_ref(|| false);
    if let Route::Search { newest, .. } = &route {
        *newest_seen.borrow_mut() = *newest;
    }
    let query = route.query().to_string();
    let limit = state.limit(&query);
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
    let on_query = {
        let navigator = navigator.clone();
        let reading = matches!(route, Route::Article { .. });
        // A new query keeps the order the reader chose, from an article too.
        let newest = *newest_seen.borrow();
        Callback::from(move |query: String| {
            let to = Route::Search { query, newest };
            // From the reading view a new query is a new page; on the results it is the same one.
            if reading {
                navigator.push(to)
            } else {
                navigator.replace(to)
            }
        })
    };
    let count = props.library.0.len();
    let view = match &route {
        Route::Search { query, newest } => {
            let on_order = {
                let (navigator, query) = (navigator.clone(), query.clone());
                Callback::from(move |newest: bool| {
                    let query = query.clone();
                    navigator.replace(Route::Search { query, newest })
                })
            };
            html! {
                <ResultList
                    library={props.library.clone()}
                    query={AttrValue::from(query.clone())}
                    newest={*newest}
                    {on_order}
                    filters={state.filters.clone()}
                    {on_filters}
                    {limit}
                    {on_more}
                />
            }
        }
        Route::Article { id, query } => html! {
            <Reader
                library={props.library.clone()}
                newest={*newest_seen.borrow()}
                id={AttrValue::from(id.clone())}
                query={AttrValue::from(query.clone())}
            />
        },
        Route::Shelf => html! { <ShelfView library={props.library.clone()} /> },
        Route::Name { key } => html! {
            <NameView library={props.library.clone()} name={AttrValue::from(key.clone())} />
        },
    };
    let home = Route::default().to_hash();
    html! {
        <ContextProvider<StateContext> context={state.clone()}>
            <header class="bar">
                <a class="brand" href={home}>{crate::site::site().title.clone()}</a>
                <SearchBox
                    query={AttrValue::from(route.query().to_string())}
                    {count}
                    on_query={on_query}
                    focus={matches!(route, Route::Search { .. })}
                />
                <SettingsMenu />
            </header>
            if let Some(why) = &*not_kept {
                <p class="alert not-kept" role="alert">{why.clone()}</p>
            }
            <main class="page">{view}</main>
            <Shortcuts />
        </ContextProvider<StateContext>>
    }
}
