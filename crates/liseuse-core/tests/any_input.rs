//! Any text and any query are safe: analysis, query parsing, search and
//! snippets never panic, keep their ranges inside the text, and finish.
#![cfg(feature = "indexer")]

use std::path::Path;
use std::sync::OnceLock;

use liseuse_core::analysis::{analyze, words};
use liseuse_core::query::parse;
use liseuse_core::{highlight, snippet, Library};
use proptest::prelude::*;

fn seeds() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        Library::new(liseuse_core::indexer::build_dir(&dir).unwrap().0)
    })
}

/// Text made of what French articles and odd queries contain.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("l’armée".to_string()),
        Just("Haut-Karabakh".to_string()),
        Just("3\u{202f}000".to_string()),
        Just("1.250".to_string()),
        Just("\"".to_string()),
        Just("« ".to_string()),
        Just("-".to_string()),
        Just(" ".to_string()),
        Just("e\u{301}".to_string()),
        Just("🙂".to_string()),
        Just("שלום".to_string()),
        Just("\u{0}\u{7}\u{1b}".to_string()),
        Just("\u{202e}".to_string()),
        "[a-zàâçéèêëîïôûùüÿœæ]{1,12}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn analysis_gives_terms_inside_the_text(input in text()) {
        let mut last_position = 0;
        for token in analyze(&input) {
            prop_assert!(!token.term.is_empty());
            prop_assert!(input.is_char_boundary(token.start) && input.is_char_boundary(token.end));
            prop_assert!(token.start < token.end && token.end <= input.len());
            prop_assert!(token.position + 32 >= last_position, "positions go forward");
            last_position = token.position;
        }
        for word in words(&input) {
            prop_assert!(word.start < word.end && input.is_char_boundary(word.start));
        }
    }

    #[test]
    fn query_parts_are_slices_of_the_query(query in text()) {
        for part in parse(&query) {
            prop_assert_eq!(&query[part.start..part.start + part.text.len()], part.text);
        }
    }

    #[test]
    fn any_query_gets_results_or_an_empty_answer(query in text()) {
        let results = seeds().search(&query, 10);
        prop_assert!(results.hits.len() <= 10);
        prop_assert!(results.total >= results.hits.len());
        for hit in &results.hits {
            let article = seeds().article_at(hit.doc);
            let s = snippet(article, &results.terms);
            for range in &s.highlights {
                prop_assert!(s.text.is_char_boundary(range.start) && s.text.is_char_boundary(range.end));
            }
            prop_assert!(!highlight(&article.title, &results.terms).iter().any(|r| r.end > article.title.len()));
        }
    }
}

#[test]
fn a_ten_thousand_character_query_is_answered() {
    let long: String = "réfugiés Stoltenbreg \"crise de\" -Moscou 🙂 "
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    let results = seeds().search(&long, 10);
    assert!(!results.hits.is_empty());
    let only_stop_words = seeds().search("le la les de du des et à", 10);
    assert!(only_stop_words.hits.is_empty() && only_stop_words.suggestion.is_none());
    let only_punctuation = seeds().search("?!…«»;:,.", 10);
    assert!(only_punctuation.hits.is_empty());
}
