use std::collections::BTreeSet;

use liseuse_core::{highlight, snippet, Article};
use yew::prelude::*;

use super::{highlighted, meta_line, FilterBar, Filters, SharedLibrary};
use crate::pieces::{failure, use_pieces};
use crate::route::Route;

/// Results shown at once; the rest are counted.
pub const RESULTS_SHOWN: usize = 50;

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
}

/// Ranked results for the query, or the collection, newest first, when there is no query.
#[function_component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let library = &props.library.0;
    let query = props.query.to_string();
    // A split index: the pieces of the query's terms first, then the text of the results.
    let needed = library.missing_for_query(&query);
    let failed = failure(&needed);
    let ready = use_pieces(library, needed);
    let results = {
        let library = library.clone();
        use_memo(
            (query.clone(), props.filters.clone(), ready),
            move |(query, filters, ready)| {
                if !ready {
                    liseuse_core::Results::default()
                } else if filters.is_active() {
                    library.search_where(query, RESULTS_SHOWN, |a| filters.keep(a))
                } else {
                    library.search(query, RESULTS_SHOWN)
                }
            },
        )
    };
    let newest_first = use_memo(props.library.clone(), |l| l.0.by_date());
    let shown: Vec<u32> = if query.trim().is_empty() {
        let kept = newest_first.iter().copied();
        let kept = kept.filter(|&doc| props.filters.keep(library.article_at(doc)));
        kept.take(RESULTS_SHOWN).collect()
    } else {
        results.hits.iter().map(|hit| hit.doc).collect()
    };
    let texts = library.missing_texts(shown);
    let failed = failed.or_else(|| failure(&texts));
    use_pieces(library, texts);
    use_effect_with((), |_| gloo::utils::document().set_title("liseuse"));
    let filter_bar = html! {
        <FilterBar
            library={props.library.clone()}
            filters={props.filters.clone()}
            on_change={props.on_filters.clone()}
        />
    };

    if let Some(failed) = failed {
        return html! {
            <section class="results empty">
                {filter_bar}
                <p class="count" role="alert">
                    {format!("Une partie de l’index n’a pas pu être chargée ({failed}). Vérifiez la connexion, puis relancez la recherche.")}
                </p>
            </section>
        };
    }
    if query.trim().is_empty() {
        let kept: Vec<&Article> = newest_first
            .iter()
            .map(|&doc| library.article_at(doc))
            .filter(|a| props.filters.keep(a))
            .collect();
        let no_terms = BTreeSet::new();
        let more = kept.len().saturating_sub(RESULTS_SHOWN);
        return html! {
            <section class="results" aria-label="Articles">
                {filter_bar}
                <p class="count">{count_line(kept.len(), "article", "articles")}</p>
                <ol>{ for kept.iter().take(RESULTS_SHOWN).map(|article| item(article, &no_terms, "")) }</ol>
                if more > 0 {
                    <p class="more">{format!("… et {more} autres : cherchez pour les trouver.")}</p>
                }
            </section>
        };
    }
    if !ready {
        return html! {
            <section class="results" aria-busy="true">
                {filter_bar}
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
                <p class="count">{format!("Aucun article ne correspond à « {} ».", query.trim())}</p>
                {suggestion}
            </section>
        };
    }
    html! {
        <section class="results" aria-label="Résultats" aria-live="polite">
            {filter_bar}
            <p class="count">{count_line(results.total, "résultat", "résultats")}</p>
            <ol>
                { for results.hits.iter().map(|hit| item(library.article_at(hit.doc), &results.terms, &query)) }
            </ol>
        </section>
    }
}

fn count_line(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// One result: section, highlighted title, metadata, snippet; a link to the reading view.
fn item(article: &Article, terms: &BTreeSet<String>, query: &str) -> Html {
    let href = Route::Article {
        id: article.id.clone(),
        query: query.to_string(),
    }
    .to_hash();
    let snippet = snippet(article, terms);
    html! {
        <li class="result" key={article.id.clone()}>
            <a {href}>
                if let Some(section) = &article.section {
                    <span class="section">{section.clone()}</span>
                }
                <h2>{highlighted(&article.title, &highlight(&article.title, terms))}</h2>
                {meta_line(article)}
                <p class="snippet">{highlighted(&snippet.text, &snippet.highlights)}</p>
            </a>
        </li>
    }
}
