//! The first results of a link to a search, and the article of a link to an
//! article, written as HTML before the app starts (`liseuse_core::markup`,
//! run by the first result's path): loaded round after round from a split
//! index, they are the app's first page of results (highlighted) or its
//! reading view, escaped, and the same as from the whole index.

use std::collections::BTreeMap;
use std::path::Path;

use liseuse_core::format::PieceSizes;
use liseuse_core::markup::{first_missing, first_round, RESULTS_PAGE};
use liseuse_core::route::Route;
use liseuse_core::text::FR;
use liseuse_core::{Filters, Library, Order};

/// A link to the results of `query`.
fn search(query: &str, newest: bool) -> Route {
    Route::Search {
        query: query.to_string(),
        newest,
    }
}

/// The seeds as one file, and split in small pieces (by name).
fn seeds() -> (Library, Vec<u8>, BTreeMap<String, Vec<u8>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let file = liseuse_build::indexer::build_dir(&dir).unwrap().0;
    let whole = Library::new(file.clone());
    let (head, pieces) = file.split(PieceSizes::about(100));
    (whole, head.to_bytes(), pieces.into_iter().collect())
}

/// The library of `head`, with what the first results of `query` need
/// loaded round after round, and how many rounds it took.
fn loaded(head: &[u8], pieces: &BTreeMap<String, Vec<u8>>, query: &str) -> (Library, usize) {
    let library = Library::from_bytes(head).unwrap();
    let mut rounds = 0;
    let mut pending = false;
    loop {
        let round = first_round(&library, &search(query, false), &FR);
        // What the app asks for before its first render: the same pieces.
        let missing = first_missing(&library, &search(query, false));
        assert_eq!(round.missing, missing, "{query}");
        // Shown at each round once the search is in: a result whose title
        // is on its way says so, with its date and source, and links nowhere.
        if let Some(html) = round.html {
            if html.contains("<li class=\"result pending\" aria-busy=\"true\"><a><h2 class=\"title\">Chargement…</h2>") {
                pending = true;
                assert!(missing.iter().any(|file| file.starts_with("titles-")), "{missing:?}");
            }
        }
        if missing.is_empty() {
            let found = !library.search(query, RESULTS_PAGE).hits.is_empty();
            assert_eq!(
                pending, found,
                "{query}: pending results shown before their titles"
            );
            return (library, rounds);
        }
        for file in &missing {
            library.add_piece(file, &pieces[file]).unwrap();
        }
        rounds += 1;
        assert!(rounds < 8, "{query}: the rounds do not end: {missing:?}");
    }
}

/// The ids of the articles listed in `html`, sorted.
fn ids(html: &str) -> Vec<&str> {
    let mut ids: Vec<&str> = (html.split("data-id=\"").skip(1))
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn a_split_index_shows_the_same_first_results_as_the_whole_one() {
    let (whole, head, pieces) = seeds();
    for query in [
        "Bakou",
        "cessez-le-feu Arménie",
        "armée azerbaïdjanaise",
        "zzzqqq",
    ] {
        let (library, rounds) = loaded(&head, &pieces, query);
        assert!(rounds >= 1, "{query}: a split index needs pieces");
        let split = first_round(&library, &search(query, false), &FR)
            .html
            .expect(query);
        let whole = first_round(&whole, &search(query, false), &FR)
            .html
            .unwrap();
        // The same articles (the word positions that refine their order
        // come later, as in the app), each as the whole index shows it.
        assert_eq!(ids(&split), ids(&whole), "{query}");
        assert_eq!(split.len(), whole.len(), "{query}");
        // Before its pieces are in, nothing (the page keeps its loading line).
        let bare = Library::from_bytes(&head).unwrap();
        assert_eq!(
            first_round(&bare, &search(query, false), &FR).html,
            None,
            "{query}"
        );
    }
}

#[test]
fn the_first_results_are_the_apps_first_page_highlighted() {
    let (whole, _, _) = seeds();
    let query = "Bakou";
    let html = first_round(&whole, &search(query, false), &FR)
        .html
        .unwrap();
    let prepared = whole.prepare(query);
    let results = whole.search_prepared(
        &prepared,
        &Filters::default(),
        Order::Relevance,
        RESULTS_PAGE,
    );
    assert!(!results.hits.is_empty());
    assert!(html.starts_with("<section class=\"results\""), "{html}");
    assert!(html.contains("Résultats pour « Bakou »"), "{html}");
    assert!(html.contains(&FR.count(results.total, FR.result)), "{html}");
    assert_eq!(
        html.matches("<li class=\"result\"").count(),
        results.hits.len()
    );
    // In the order of the engine, each linking to its article with the query.
    let mut at = 0;
    for hit in &results.hits {
        let id = &whole.article_at(hit.doc).id;
        let link = format!("href=\"#/article/{id}?q=Bakou\"");
        let found = html[at..].find(&link).expect(&link);
        at += found;
    }
    assert!(html.contains("<mark>Bakou</mark>"), "{html}");
    // The newest first: under their months' headings.
    let newest = first_round(&whole, &search(query, true), &FR).html.unwrap();
    assert!(
        newest.contains("<ol class=\"months\"><li class=\"month\"><h2>"),
        "{newest}"
    );
}

#[test]
fn nothing_found_says_so_with_the_engines_suggestion() {
    let (whole, _, _) = seeds();
    let mut suggested = 0;
    for query in ["zzzqqq", "Kaarabak", "qui sont les"] {
        let html = first_round(&whole, &search(query, false), &FR)
            .html
            .unwrap();
        let results = whole.search(query, RESULTS_PAGE);
        assert!(results.hits.is_empty(), "{query}");
        assert!(
            html.starts_with("<section class=\"results empty\""),
            "{html}"
        );
        assert!(!html.contains("<li class=\"result"), "{html}");
        let said = if results.common_words_only {
            FR.too_common_t
        } else {
            FR.no_match_t
        };
        let said = liseuse_core::text::fill(said, &[query]).replace('\'', "&#39;");
        assert!(html.contains(&said), "{said}: {html}");
        if let Some(suggestion) = results.suggestion {
            suggested += 1;
            assert!(html.contains(&format!("\">{suggestion}</a>")), "{html}");
        } else {
            assert!(!html.contains("suggestion"), "{html}");
        }
    }
    assert!(suggested > 0, "no query of the test had a suggestion");
}

#[test]
fn a_query_cannot_write_html_into_the_page() {
    let (whole, _, _) = seeds();
    let html = first_round(
        &whole,
        &search("<img src=x onerror=alert(1)> Bakou", false),
        &FR,
    )
    .html
    .unwrap();
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt; Bakou"),
        "{html}"
    );
}

/// The article of a link to `id`, loaded round after round from the split
/// seeds, with the number of rounds.
fn article_loaded(
    head: &[u8],
    pieces: &BTreeMap<String, Vec<u8>>,
    route: &Route,
) -> (Option<String>, usize) {
    let library = Library::from_bytes(head).unwrap();
    for rounds in 0..8 {
        let round = first_round(&library, route, &FR);
        assert_eq!(round.missing, first_missing(&library, route), "{route:?}");
        if round.missing.is_empty() {
            return (round.html, rounds);
        }
        assert_eq!(round.html, None, "an article shown before its text");
        for file in &round.missing {
            library.add_piece(file, &pieces[file]).unwrap();
        }
    }
    panic!("{route:?}: the rounds do not end");
}

#[test]
fn a_link_to_an_article_shows_it_whole_as_the_reading_view_does() {
    let (whole, head, pieces) = seeds();
    for doc in 0..whole.len() as u32 {
        let article = whole.article_at(doc);
        let route = Route::Article {
            id: article.id.clone(),
            query: "Bakou".to_string(),
        };
        let (html, rounds) = article_loaded(&head, &pieces, &route);
        let html = html.expect("the article, once its text is in");
        // Its id's piece, then its text's.
        assert!((1..=2).contains(&rounds), "{}: {rounds} rounds", article.id);
        assert_eq!(
            first_round(&whole, &route, &FR).html.as_ref(),
            Some(&html),
            "the same from the whole index"
        );
        assert!(
            html.starts_with("<article class=\"reader\"><progress class=\"progress\""),
            "{html}"
        );
        assert!(
            html.contains("<a class=\"back\" href=\"#/?q=Bakou\">← Résultats</a>"),
            "{html}"
        );
        let title = liseuse_core::markup::escape(&article.title);
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{html}");
        // Every block, in order, numbered as the app numbers them.
        let mut from = 0;
        for (b, block) in article.blocks.iter().enumerate() {
            let text = liseuse_core::markup::escape(&block.text);
            let at = html[from..]
                .find(&format!(" data-b=\"{b}\">{text}<"))
                .unwrap_or_else(|| panic!("{}: block {b}", article.id));
            from += at;
        }
        // The save button is there, inert, so that nothing moves when the app's comes.
        assert!(html.contains("<div class=\"article-actions\"><button type=\"button\" class=\"save\" aria-pressed=\"false\""), "{html}");
        assert!(html.ends_with("</article>"));
    }
}

#[test]
fn a_link_to_no_article_shows_nothing_and_asks_for_nothing_more() {
    let (_, head, pieces) = seeds();
    for id in ["nobody", "<script>alert(1)</script>", ""] {
        let route = Route::Article {
            id: id.to_string(),
            query: String::new(),
        };
        let (html, rounds) = article_loaded(&head, &pieces, &route);
        assert_eq!(html, None, "{id}: the app says it is not found");
        assert!(rounds <= 1, "{id}");
    }
}
