use std::collections::BTreeSet;

use liseuse_core::Library;
use yew::prelude::*;

use super::{highlighted, meta_line, reading_time, FilterBar, Filters, SharedLibrary};
use crate::hooks::use_prepared;
use crate::pieces::{failure, has_failed, use_pieces};
use crate::route::Route;

/// Results (or articles) shown at first, and added by each press on "more":
/// with a split index, each shown result may need a text piece (its title,
/// metadata and snippet), so a page is what a reader looks at first. 5 to 50.
pub const RESULTS_PAGE: usize = 10;

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The query; empty lists the articles, newest first.
    pub query: AttrValue,
    /// Which articles to show.
    pub filters: Filters,
    /// Called when the reader changes the filters.
    pub on_filters: Callback<Filters>,
    /// How many results (or articles) to show: [`RESULTS_PAGE`], and a page
    /// more at each press on "more".
    pub limit: usize,
    /// Called with the next limit when the reader asks for more.
    pub on_more: Callback<usize>,
}

/// Ranked results for the query, or the collection, newest first, when there is no query.
#[function_component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let library = &props.library.0;
    let query = props.query.to_string();
    // A split index: the dictionary pieces of the query's words, then the
    // pieces of their terms, then the text of the results.
    let prepared = use_prepared(library, &query);
    let needed = prepared.missing().to_vec();
    let failed = failure(&needed);
    let ready = use_pieces(library, needed);
    let limit = props.limit.max(1);
    let on_more = props
        .on_more
        .reform(move |_: MouseEvent| limit + RESULTS_PAGE);
    let results = {
        let library = library.clone();
        use_memo(
            (query.clone(), props.filters.clone(), ready, limit),
            move |(_, filters, ready, limit)| {
                if !ready {
                    liseuse_core::Results::default()
                } else {
                    library.search_prepared(&prepared, filters, *limit)
                }
            },
        )
    };
    let browsing = query.trim().is_empty();
    // Browsing: a page of the articles the filters keep, newest first.
    let page = {
        let library = library.clone();
        use_memo((props.filters.clone(), limit), move |(filters, limit)| {
            library.browse(filters, *limit)
        })
    };
    let shown: Vec<u32> = if browsing {
        page.shown.clone()
    } else {
        results.hits.iter().map(|hit| hit.doc).collect()
    };
    let texts = library.missing_texts(shown.iter().copied());
    let failed = failed.or_else(|| failure(&texts));
    use_pieces(library, texts);
    use_effect_with((), |_| gloo::utils::document().set_title("liseuse"));
    use_effect_with((), |_| {
        let listener = arrow_keys();
        move || drop(listener)
    });
    let filter_bar = html! {
        <FilterBar
            library={props.library.clone()}
            filters={props.filters.clone()}
            on_change={props.on_filters.clone()}
        />
    };

    // A piece that failed is named; what does not need it still shows.
    let alert = failed.map(|message| html! { <p class="alert" role="alert">{message}</p> });
    if browsing {
        let no_terms = BTreeSet::new();
        return html! {
            <section class="results" aria-label="Articles">
                {filter_bar}
                {alert}
                <p class="count">{count_line(page.total, "article", "articles")}</p>
                <ol>{ for shown.iter().map(|&doc| item(library, doc, &no_terms, "")) }</ol>
                if page.left() > 0 {
                    {more_button(page.left(), "Plus d’articles", on_more)}
                }
            </section>
        };
    }
    if !ready {
        return html! {
            <section class="results" aria-busy="true">
                {filter_bar}
                {alert}
                <p class="count">{"Recherche…"}</p>
            </section>
        };
    }
    if results.hits.is_empty() {
        let suggestion = results.suggestion.as_ref().map(|suggestion| {
            let href = Route::Search {
                query: suggestion.clone(),
            }
            .to_hash();
            html! {
                <p class="suggestion">
                    {"Vouliez-vous dire "}<a {href}>{suggestion.clone()}</a>{" ?"}
                </p>
            }
        });
        return html! {
            <section class="results empty" aria-live="polite">
                {filter_bar}
                {alert}
                <p class="count">{empty_line(&results, &query)}</p>
                {suggestion}
            </section>
        };
    }
    html! {
        <section class="results" aria-label="Résultats" aria-live="polite">
            {filter_bar}
            {alert}
            <p class="count">{count_line(results.total, "résultat", "résultats")}</p>
            <ol>
                { for shown.iter().map(|&doc| item(library, doc, &results.terms, &query)) }
            </ol>
            if results.total > shown.len() {
                {more_button(results.total - shown.len(), "Plus de résultats", on_more)}
            }
        </section>
    }
}

/// What to say when a search found nothing.
fn empty_line(results: &liseuse_core::Results, query: &str) -> String {
    let query = query.trim();
    if results.common_words_only {
        format!(
            "« {query} » : ces mots sont trop courants pour être cherchés seuls. Ajoutez un mot."
        )
    } else {
        format!("Aucun article ne correspond à « {query} ».")
    }
}

fn count_line(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The button that shows the next page, saying how many are left.
fn more_button(left: usize, label: &str, on_more: Callback<MouseEvent>) -> Html {
    html! {
        <p class="more">
            <button type="button" onclick={on_more}>
                {format!("{label} ({left})")}
            </button>
        </p>
    }
}

/// One result: section, highlighted title, metadata, snippet; a link to the
/// reading view. Until its piece of a split index is in: its date and source.
fn item(library: &Library, doc: u32, terms: &BTreeSet<String>, query: &str) -> Html {
    // Its metadata is always here; its text may still be on its way.
    let meta = library.article_at(doc);
    let href = Route::Article {
        id: meta.id.clone(),
        query: query.to_string(),
    }
    .to_hash();
    let Some(article) = library.text(doc) else {
        let article = meta;
        if library.missing_texts([doc]).iter().any(|f| has_failed(f)) {
            return html! {
                <li class="result unavailable" key={article.id.clone()}>
                    <a {href}>
                        <h2>{"Article indisponible"}</h2>
                        {meta_line(article)}
                    </a>
                </li>
            };
        }
        return html! {
            <li class="result pending" key={article.id.clone()} aria-busy="true">
                <a {href}>
                    <h2>{"Chargement…"}</h2>
                    {meta_line(article)}
                </a>
            </li>
        };
    };
    let snippet = library.snippet(doc, terms);
    html! {
        <li class="result" key={article.id.clone()}>
            <a {href}>
                if let Some(section) = &article.section {
                    <span class="section">{section.clone()}</span>
                }
                <h2>{highlighted(&article.title, &library.highlight(doc, &article.title, terms))}</h2>
                {meta_line(article)}
                <p class="snippet">{highlighted(&snippet.text, &snippet.highlights)}</p>
                {reading_time(article)}
            </a>
        </li>
    }
}

/// ↓ and ↑ move from one result to the next (and from the first back up to
/// the search box); Enter opens the one focused, as any link.
fn arrow_keys() -> gloo::events::EventListener {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    // Not passive: the arrows must not scroll the page as well.
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&document, "keydown", options, |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let step = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        let document = gloo::utils::document();
        let Ok(links) = document.query_selector_all(".result a") else {
            return;
        };
        let links: Vec<web_sys::HtmlElement> = (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into().ok())
            .collect();
        // The key's own target (the search box moves focus to the first
        // result on the same key press: that one is not moved on again).
        let target = (event.target()).and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(at) = (links.iter()).position(|link| Some(link.as_ref()) == target.as_ref())
        else {
            return; // not in the list: the page scrolls as usual
        };
        event.prevent_default();
        match at.checked_add_signed(step) {
            Some(next) if next < links.len() => {
                let _ = links[next].focus();
            }
            Some(_) => {}
            None => {
                let search = document.query_selector("input[type=search]").ok().flatten();
                if let Some(search) = search.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = search.focus();
                }
            }
        }
    })
}
