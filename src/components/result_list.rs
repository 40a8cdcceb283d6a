use liseuse_core::{highlight, snippet, Article};
use std::collections::BTreeSet;
use yew::prelude::*;

use super::{highlighted, SharedLibrary};
use crate::route::Route;

/// Results shown at once; the rest are counted.
pub const RESULTS_SHOWN: usize = 50;

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The query; empty lists the articles in collection order.
    pub query: AttrValue,
}

/// Ranked results for the query, or the collection when there is no query.
#[function_component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let library = &props.library.0;
    let query = props.query.to_string();
    let results = {
        let library = library.clone();
        use_memo(query.clone(), move |query| {
            library.search(query, RESULTS_SHOWN)
        })
    };
    use_effect_with((), |_| gloo::utils::document().set_title("liseuse"));

    if query.trim().is_empty() {
        let shown = library.articles().iter().take(RESULTS_SHOWN);
        let no_terms = BTreeSet::new();
        return html! {
            <section class="results" aria-label="Articles">
                <p class="count">{count_line(library.len(), "article", "articles")}</p>
                <ol>{ for shown.map(|article| item(article, &no_terms, "")) }</ol>
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
                <p class="count">{format!("Aucun article ne correspond à « {} ».", query.trim())}</p>
                {suggestion}
            </section>
        };
    }
    html! {
        <section class="results" aria-label="Résultats" aria-live="polite">
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

/// One result: highlighted title, section, snippet; a link to the reading view.
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
                <p class="snippet">{highlighted(&snippet.text, &snippet.highlights)}</p>
            </a>
        </li>
    }
}
