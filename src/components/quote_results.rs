//! A search among quotations only (`cite:Blinken`): what the names that
//! answer to the words said, each name's quotations newest first, each with
//! the article it is from.
//!
//! The names are found through the search itself: the names of the
//! articles the words find ([`liseuse_core::Library::names_of`]) that
//! answer to them ([`liseuse_core::model::answers_to`]), and the name the
//! words spell in full. So a split index loads the pieces a search of the
//! words loads, their articles' link pieces, and those names' pieces.

use liseuse_core::citation::Words;
use liseuse_core::model::{answers_to, key, Quote};
use liseuse_core::text::fill;
use liseuse_core::Filters;
use yew::prelude::*;

use super::name_view::{newest_quotes, quotations, QUOTES_PAGE};
use super::SharedLibrary;
use crate::hooks::{use_pieces, use_quotes_export, use_results};
use crate::route::Route;

/// How many of the words' results give their names.
const RESULTS: usize = 50;
/// How many names a search among quotations shows at most.
const NAMES: usize = 8;

/// Props of [`QuoteResults`].
#[derive(Properties, PartialEq)]
pub struct QuoteResultsProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The words after `cite:`.
    pub words: AttrValue,
}

fn words() -> &'static Words {
    liseuse_core::citation::words(crate::site::t().lang)
}

/// The quotations of the names that answer to `words`.
#[function_component]
pub fn QuoteResults(props: &QuoteResultsProps) -> Html {
    let library = &props.library.0;
    let none = Filters::default();
    let (results, ready, failed) = use_results(library, &props.words, &none, RESULTS, false, true);
    let docs: Vec<u32> = results.hits.iter().map(|hit| hit.doc).collect();
    let links_ready = use_pieces(library, library.missing_links(docs.iter().copied()));
    let wanted = key(&props.words);
    // The name spelt in full first, then those of the articles found.
    let mut keys = vec![wanted.clone()];
    for &doc in &docs {
        for name in library.names_of(doc) {
            let name = key(name);
            if answers_to(&name, &wanted) && !keys.contains(&name) {
                keys.push(name);
            }
        }
    }
    keys.truncate(NAMES);
    let mut needed: Vec<String> = keys
        .iter()
        .flat_map(|k| library.missing_for_name(k))
        .collect();
    needed.dedup();
    let names_ready = use_pieces(library, needed);
    // Each name that said something, and what, the newest first.
    let speakers: Vec<(&str, Vec<Quote>)> = (keys.iter())
        .filter_map(|k| library.entity(k))
        .map(|entity| (entity.name.as_str(), entity.quotes(library.len())))
        .filter(|(_, quotes)| !quotes.is_empty())
        .map(|(name, quotes)| (name, newest_quotes(library, &quotes)))
        .collect();
    let quoted: Vec<u32> = (speakers.iter())
        .flat_map(|(_, quotes)| quotes.iter().take(QUOTES_PAGE).map(|q| q.doc))
        .collect();
    use_pieces(library, library.missing_titles(quoted));
    let title = fill(words().quotes_by_t, &[&props.words]);
    let export = {
        let heading = format!("{title} — {}", crate::site::site().title);
        let names: Vec<(&str, &[Quote])> = (speakers.iter())
            .map(|(name, quotes)| (*name, quotes.as_slice()))
            .collect();
        use_quotes_export(library, &heading, &names)
    };
    use_effect_with(title.clone(), |title| crate::site::set_title(Some(title)));

    let (t, w) = (crate::site::t(), words());
    let done = ready && links_ready && names_ready;
    let count: usize = speakers.iter().map(|(_, quotes)| quotes.len()).sum();
    let status = if !done {
        t.searching.to_string()
    } else if count == 0 {
        fill(w.no_quotes_t, &[&props.words])
    } else {
        fill(
            w.quotes_found_t,
            &[&t.count(count, w.quote), &t.count(speakers.len(), w.name)],
        )
    };
    let all = Route::Search {
        query: props.words.to_string(),
        newest: false,
    };
    html! {
        <section class="results quote-results" aria-busy={(!done).then_some("true")} aria-labelledby="view-title">
            <h1 id="view-title" class="view-title">{title}</h1>
            {failed.map(|message| html! { <p class="alert" role="alert">{message}</p> })}
            <p class="count" role="status">{status}</p>
            <p class="quote-links">
                <a href={all.to_hash()}>{fill(w.articles_on_t, &[&props.words])}</a>
                if count > 0 {
                    {" · "}<button type="button" class="link" onclick={export}>{t.export_markdown}</button>
                }
            </p>
            { for speakers.iter().enumerate().map(|(i, (name, quotes))| speaker(library, i, name, quotes)) }
        </section>
    }
}

/// One name's quotations under its name, a link to its page (where the
/// rest are, past the first [`QUOTES_PAGE`]).
fn speaker(library: &liseuse_core::Library, i: usize, name: &str, quotes: &[Quote]) -> Html {
    let id = format!("speaker-{i}");
    let href = Route::Name { key: key(name) }.to_hash();
    html! {
        <section class="quotations" aria-labelledby={id.clone()}>
            <h2 {id}><a {href}>{name.to_string()}</a>{format!(" ({})", quotes.len())}</h2>
            {quotations(library, quotes, QUOTES_PAGE, None)}
        </section>
    }
}
