//! liseuse, the web app: a search box, ranked results and a reading view over
//! the articles indexed at compile time by `build.rs`.
//!
//! Everything that does not touch the DOM (articles, analysis, index, ranking,
//! snippets) is in the `liseuse-core` crate; this crate is views and glue.

pub mod components;
pub mod crash;
pub mod fetch;
pub mod hooks;
pub mod pieces;
pub mod resume;
pub mod save_file;
pub mod selection;
pub mod site;
pub mod state;
pub mod store;

use std::rc::Rc;

pub use components::App;
use liseuse_core::text::fill;
use liseuse_core::Library;
/// Dates and routes have no DOM: they are the core's, shared with the page the build writes.
pub use liseuse_core::{dates, route};

/// Downloads the index's first file that the page names (the `href` of its
/// `<link id="liseuse-index">`, which `scripts/precache` writes into
/// `index.html`: the browser starts that download in parallel with the
/// wasm's), decodes it and checks it against its name (asked once more past
/// the HTTP cache if it is not the file: see [`fetch::fetch_checked`]). The
/// error is what a reader is told, in the site's language.
pub async fn load_library() -> Result<Rc<Library>, String> {
    use fetch::Failure;
    use liseuse_core::pieces::{check, INDEX_LINK_ID};
    let url = (gloo::utils::document().get_element_by_id(INDEX_LINK_ID))
        .and_then(|link| link.get_attribute("href"))
        .ok_or(site::t().no_index_named)?;
    let name = url.rsplit('/').next().unwrap_or_default().to_string();
    let library = std::cell::RefCell::new(None);
    let read = |bytes: Vec<u8>| {
        let damaged = |e: liseuse_core::FormatError| Failure::Damaged(e.say(site::t()));
        check(&name, &bytes).map_err(damaged)?;
        *library.borrow_mut() =
            Some(Library::from_bytes_with(&bytes, reads_whole()).map_err(damaged)?);
        Ok(())
    };
    let fetched = fetch::fetch_checked(&url, true, &read).await;
    let library = library.into_inner();
    let loaded = fetched.and_then(|()| library.ok_or(Failure::Damaged(String::new())));
    let t = site::t();
    loaded.map(Rc::new).map_err(|failure| match failure {
        Failure::Network(why) => fill(t.index_unreachable_t, &[&name, &why]),
        Failure::Damaged(why) => fill(t.index_damaged_t, &[&name, &why]),
    })
}

/// Whether this visit reads the index's whole postings, as `boot.js`
/// decided for the first result (`<html data-whole>`): a reader who keeps
/// no copy of the index, online (see [`Library::from_bytes_with`]).
fn reads_whole() -> bool {
    (gloo::utils::document().document_element())
        .is_some_and(|html| html.has_attribute("data-whole"))
}

/// Loads the index, then renders the app into the page's `<main id="app">`
/// (or the body when there is none) in place of what the build wrote there
/// (the newest articles, shown until then); or says why it cannot.
pub fn start() {
    // yew sets its own hook at render unless it is given one.
    yew::set_custom_panic_hook(Box::new(|info| crash::show(&info.to_string())));
    wasm_bindgen_futures::spawn_local(async {
        let loaded = load_library().await;
        // The first render in a task of its own, not in the one that decoded
        // the index: no single long task holds the page.
        let next_task = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(next_task).await;
        let document = gloo::utils::document();
        let Some(root) = document
            .get_element_by_id("app")
            .or_else(|| document.body().map(Into::into))
        else {
            return;
        };
        match loaded {
            Ok(library) => {
                if shows_early_list(&document) {
                    first_page_texts(&library).await;
                } else if shows_first_view(&document) {
                    first_view_pieces(&library).await;
                }
                root.set_inner_html("");
                let props = components::AppProps {
                    library: components::SharedLibrary(library),
                };
                yew::Renderer::<App>::with_root_and_props(root, props).render();
                // The first view has asked for its pieces by the next task;
                // with none to wait for, the page is idle now (see pieces::tell_page).
                gloo::timers::callback::Timeout::new(0, || {
                    if pieces::none_in_flight() {
                        pieces::tell_page(false);
                    }
                })
                .forget();
            }
            Err(message) => fatal(&document, &root, &message),
        }
    });
}

/// Whether the page shows the newest articles that the build wrote (the
/// home page, not a link to a search or an article).
fn shows_early_list(document: &web_sys::Document) -> bool {
    let deep_link =
        (document.document_element()).is_some_and(|html| html.has_attribute("data-deep-link"));
    !deep_link && matches!(document.query_selector(".early"), Ok(Some(_)))
}

/// Downloads, all at once, the text pieces of the home page's first
/// articles: the page written at build time shows their snippets, and the
/// app takes its place once it can show them too, not titles that then grow
/// (the whole list would move). What fails is the list's to say.
async fn first_page_texts(library: &Rc<Library>) {
    let shown = library.browse(&liseuse_core::Filters::default(), components::RESULTS_PAGE);
    download_all(library, library.missing_texts(shown.shown)).await;
}

/// Whether the page shows the first view of a link to a search (its first
/// results) or to an article, which the first result's path wrote
/// (`assets/boot.js`).
fn shows_first_view(document: &web_sys::Document) -> bool {
    (document.document_element()).is_some_and(|html| html.has_attribute("data-first-results"))
}

/// Takes in the pieces of the first view the page shows (the page
/// downloaded them: see `fetch::held`), round after round, as the first
/// result's path did: the app's first render then shows those results, or
/// that article, in their places, not "Recherche…" first. What fails is
/// the view's to say.
async fn first_view_pieces(library: &Rc<Library>) {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let route = route::Route::from_hash(&hash);
    for _ in 0..8 {
        let missing = liseuse_core::markup::first_missing(library, &route);
        if missing.is_empty() || missing.iter().any(|file| pieces::has_failed(file)) {
            return;
        }
        download_all(library, missing).await;
    }
}

/// Downloads `files`, all at once, into `library`.
async fn download_all(library: &Rc<Library>, files: Vec<String>) {
    let downloads = js_sys::Array::new();
    for file in files {
        let library = library.clone();
        downloads.push(&wasm_bindgen_futures::future_to_promise(async move {
            let _ = pieces::download(&library, &file).await;
            Ok(wasm_bindgen::JsValue::UNDEFINED)
        }));
    }
    if downloads.length() > 0 {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&downloads)).await;
    }
}

/// Puts `message` in place of the app (as text: never HTML from outside).
fn fatal(document: &web_sys::Document, root: &web_sys::Element, message: &str) {
    let Ok(block) = document.create_element("div") else {
        return;
    };
    block.set_class_name("fatal");
    let _ = block.set_attribute("role", "alert");
    for (tag, text) in [("h1", site::site().title.as_str()), ("p", message)] {
        if let Ok(element) = document.create_element(tag) {
            element.set_text_content(Some(text));
            let _ = block.append_child(&element);
        }
    }
    root.set_inner_html("");
    let _ = root.append_child(&block);
}

/// Test hooks, only in builds with the `test-hooks` feature (the end-to-end
/// tests build one; release sites never have it).
#[cfg(feature = "test-hooks")]
pub mod test_hooks {

    /// Panics, as a defect would: the end-to-end tests check what a reader
    /// then sees (`window.wasmBindings.panic_for_tests()`).
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn panic_for_tests() {
        panic!("panic_for_tests: a defect, on purpose");
    }
}

/// Times each of `queries` against the built-in index (as many results as the
/// result list shows), in milliseconds: what a benchmark in a browser calls
/// through `window.wasmBindings.search_timings`. A split index is loaded whole
/// first. Empty when the index cannot be read. Only in builds with the
/// `bench` feature (`bench/piaf-wasm.js` makes one).
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn search_timings(queries: Vec<String>) -> Vec<f64> {
    thread_local! {
        static LOADED: std::cell::RefCell<Option<Rc<Library>>> = const { std::cell::RefCell::new(None) };
    }
    let kept = LOADED.with(|cell| cell.borrow().clone());
    let library = match kept {
        Some(library) => library,
        None => match load_library().await {
            Ok(library) => {
                LOADED.with(|cell| *cell.borrow_mut() = Some(library.clone()));
                library
            }
            Err(_) => return Vec::new(),
        },
    };
    // In rounds: the name index names the name pieces.
    loop {
        let missing = library.missing_pieces();
        if missing.is_empty() {
            break;
        }
        for file in missing {
            if pieces::download(&library, &file).await.is_err() {
                return Vec::new();
            }
        }
    }
    let Some(performance) = gloo::utils::window().performance() else {
        return Vec::new();
    };
    queries
        .iter()
        .map(|query| {
            let started = performance.now();
            let results = library.search(query, components::RESULTS_PAGE);
            std::hint::black_box(results);
            performance.now() - started
        })
        .collect()
}
