//! Ranking, typos, phrases and suggestions, through the public API, on the
//! seeds and on small collections made for one behaviour each.

mod common;

use liseuse_build::indexer::build_dir;
use liseuse_core::{snippet, Library};
use std::path::Path;

fn seeds() -> &'static Library {
    common::seeds()
}

/// Ids of the articles found for `query`, best first.
fn found(library: &Library, query: &str) -> Vec<String> {
    library
        .search(query, 10)
        .hits
        .iter()
        .map(|h| library.article_at(h.doc).id.clone())
        .collect()
}

fn short(ids: &[String]) -> Vec<&str> {
    ids.iter().map(|id| &id[..3]).collect()
}

#[test]
fn stoltenberg_ranks_the_nato_article_first() {
    assert_eq!(short(&found(seeds(), "Stoltenberg"))[0], "001");
}

#[test]
fn refugees_finds_the_article_about_the_refugee_crisis() {
    assert!(short(&found(seeds(), "réfugiés")).contains(&"000"));
    assert!(short(&found(seeds(), "refugies")).contains(&"000"));
}

#[test]
fn lachin_finds_the_article_about_the_corridor() {
    assert!(short(&found(seeds(), "Lachin")).contains(&"003"));
}

#[test]
fn words_typed_without_accents_find_accented_ones() {
    let library = seeds();
    assert_eq!(
        found(library, "azerbaidjanais"),
        found(library, "azerbaïdjanais")
    );
    assert!(!found(library, "azerbaidjanais").is_empty());
}

#[test]
fn a_word_finds_its_elided_form() {
    // "l'armée azerbaïdjanaise" stands in 001 and 003.
    let ids = found(seeds(), "armée");
    assert!(short(&ids).contains(&"003") && short(&ids).contains(&"001"));
}

#[test]
fn the_last_word_is_matched_as_a_prefix_while_typing() {
    let library = seeds();
    assert_eq!(short(&found(library, "Stolt"))[0], "001");
    assert_eq!(short(&found(library, "hasan")), ["001"]);
    // Once the word is finished (a space typed) it must match whole.
    assert!(found(library, "hasan ").is_empty());
}

#[test]
fn a_title_match_ranks_above_body_matches() {
    // "troupes" is in 002's headline; "Moscou" in 004's headline and in 000's body.
    assert_eq!(short(&found(seeds(), "troupes"))[0], "002");
    assert_eq!(short(&found(seeds(), "Moscou"))[0], "004");
}

#[test]
fn articles_with_all_the_words_come_first() {
    // Only 001 speaks of both Stoltenberg and mercenaries.
    let ids = found(seeds(), "mercenaires Stoltenberg");
    assert_eq!(short(&ids)[0], "001");
    let library = seeds();
    let results = library.search("Lachin Pashinyan", 10);
    // 002 has both words, 003 only Lachin.
    assert_eq!(short(&found(library, "Lachin Pashinyan")), ["002", "003"]);
    assert_eq!(results.total, 2);
}

#[test]
fn queries_with_nothing_to_look_up_find_nothing() {
    let library = seeds();
    for query in [
        "",
        "   ",
        "le la les",
        "?!",
        "zzzzzz",
        "Il y a",
        "\"qu'il y a\"",
    ] {
        let results = library.search(query, 10);
        assert!(results.hits.is_empty(), "{query:?}");
        assert_eq!(results.total, 0);
        // Only common words: the reader is told to add one, not that nothing matched.
        let common = ["le la les", "Il y a", "\"qu'il y a\""].contains(&query);
        assert_eq!(results.common_words_only, common, "{query:?}");
    }
}

#[test]
fn results_carry_the_terms_to_highlight_in_snippets() {
    let library = seeds();
    let results = library.search("réfugiés", 10);
    let hit = results
        .hits
        .iter()
        .find(|h| library.article_at(h.doc).id.starts_with("000"))
        .unwrap();
    let s = snippet(library.article_at(hit.doc), &results.terms);
    let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
    assert_eq!(marked, ["réfugiés"]);
}

#[test]
fn limit_keeps_the_best_and_total_counts_all() {
    let library = seeds();
    let all = library.search("Bakou", 10);
    let best = library.search("Bakou", 2);
    assert_eq!(best.hits, all.hits[..2]);
    assert_eq!(best.total, all.total);
    assert!(all.total > 2);
}

#[test]
fn huge_and_odd_queries_are_answered() {
    let library = seeds();
    let long = "Arménie ".repeat(2_000);
    let arménie = library.search("Arménie", 10);
    assert_eq!(
        library.search(&long, 10),
        arménie,
        "a word repeated is the word"
    );
    // Nothing to search: no result, no suggestion, and not "too common".
    for query in ["🙂", "-", "\u{0}"] {
        let results = library.search(query, 10);
        assert_eq!(results, liseuse_core::Results::default(), "{query:?}");
    }
    // An open quote searches its words, the last being typed.
    let open = library.search("\"crise de", 10);
    assert!(open.total >= 1 && open.terms.contains("cris"), "{open:?}");
    // Words of another script the seeds lack, and one overlong word: nothing,
    // and nothing to suggest.
    for query in ["مرحبا", &"x".repeat(10_000)] {
        let results = library.search(query, 10);
        assert_eq!((results.total, results.suggestion), (0, None), "{query:?}");
    }
}

#[test]
fn a_quoted_phrase_matches_the_words_in_order_only() {
    let library = seeds();
    // "crise de réfugiés" stands in 000 only; 003 has "crise humanitaire".
    assert_eq!(short(&found(library, "\"crise de réfugiés\"")), ["000"]);
    assert!(found(library, "\"réfugiés de crise\"").is_empty());
    // Unquoted, the same words find more.
    assert!(found(library, "crise réfugiés").len() > 1);
    // A phrase across a hyphenated name, and with guillemets.
    assert_eq!(short(&found(library, "« corridor de Lachin »")), ["003"]);
}

#[test]
fn a_phrase_finds_its_article_at_every_keystroke() {
    let library = seeds();
    // Typed letter by letter, quote still open: the words before the last one
    // are the phrase, the last one is being typed; never "nothing found".
    let query = "\"crise de réfugiés\"";
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        if typed.chars().count() < 4 || typed.ends_with("de") {
            continue; // "cr" and "de": too short, or a stop word, to search alone
        }
        assert!(short(&found(library, &typed)).contains(&"000"), "{typed:?}");
    }
    // Once the last word is finished, the phrase holds it too.
    assert_eq!(short(&found(library, "\"crise de réfugiés ")), ["000"]);
}

#[test]
fn a_quoted_run_of_common_words_asks_nothing_of_the_rest() {
    let library = seeds();
    // Titles quote people: `Arménie "Il y a` must still find Arménie.
    for query in [
        "Arménie \"il y a",
        "Arménie \"Il n'y a\"",
        "Arménie « de la »",
    ] {
        assert_eq!(found(library, query), found(library, "Arménie "), "{query}");
    }
    // A phrase with a word no article has still finds nothing.
    assert!(found(library, "Arménie \"la zzzzzz\"").is_empty());
}

#[test]
fn a_minus_sign_leaves_out_articles_with_the_word() {
    let library = seeds();
    let with = short(&found(library, "Karabakh")).join(",");
    let without = found(library, "Karabakh -Stoltenberg");
    assert!(with.contains("001"));
    assert!(!short(&without).contains(&"001"));
    assert_eq!(without.len() + 1, found(library, "Karabakh").len());
    assert!(found(library, "Karabakh -\"Haut-Karabakh\"").len() < found(library, "Karabakh").len());
}

#[test]
fn typos_are_forgiven_and_exact_words_rank_above_corrections() {
    let library = seeds();
    assert_eq!(short(&found(library, "Stoltenbreg"))[0], "001");
    assert!(short(&found(library, "Karabagh")).contains(&"004"));
    let results = library.search("Stoltenbreg", 10);
    assert!(
        results.terms.contains("stoltenberg"),
        "the correction is highlighted"
    );
    // Short words are not corrected: "paix" must not find "pays".
    assert!(found(library, "paux").is_empty());
    // A corrected word scores below the same word typed right.
    let exact = library.search("Stoltenberg", 1).hits[0].score;
    let corrected = library.search("Stoltenbreg", 1).hits[0].score;
    assert!(corrected < exact);
}

#[test]
fn when_nothing_matches_the_closest_words_are_suggested() {
    let library = seeds();
    let results = library.search("Bkou", 10);
    assert!(results.hits.is_empty());
    assert_eq!(results.suggestion.as_deref(), Some("bakou"));
    let results = library.search("réfugiés Stolenbrg", 10);
    assert!(!results.hits.is_empty());
    assert_eq!(
        results.suggestion, None,
        "no suggestion when something matched"
    );
    assert_eq!(
        library.search("xqzwv", 10).suggestion,
        None,
        "nothing close: no suggestion"
    );
    // Two edits are too many for a short word: "siècle" is not "seul".
    assert_eq!(library.search("siècle", 10).suggestion, None);
    // Numbers and ordinals are never corrected.
    assert_eq!(library.search("XXIe", 10).suggestion, None);
    assert!(library.search("21e", 10).hits.is_empty());
}

#[test]
fn every_article_with_all_the_words_comes_before_any_with_some() {
    let library = seeds();
    let results = library.search("Bakou Erevan Moscou", 10);
    let first_partial = results
        .hits
        .iter()
        .position(|h| !h.all_words)
        .unwrap_or(results.hits.len());
    assert!(first_partial > 0);
    assert!(results.hits[first_partial..].iter().all(|h| !h.all_words));
}

#[test]
fn hyphenated_names_are_found_whole_and_by_their_parts() {
    let library = seeds();
    assert!(short(&found(library, "karabakh")).contains(&"000"));
    assert!(short(&found(library, "Haut-Karabakh")).contains(&"000"));
    assert!(short(&found(library, "hautkarabakh")).contains(&"000"));
}

#[test]
fn numbers_are_found_however_they_are_grouped() {
    let library = seeds();
    // 000: "3 000 soldats"; 004: "1.250 morts".
    assert!(short(&found(library, "3000 soldats")).contains(&"000"));
    assert!(short(&found(library, "3\u{202f}000")).contains(&"000"));
    assert_eq!(short(&found(library, "1250")), ["004"]);
}

fn languages() -> Library {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    Library::new(build_dir(&dir).expect("fixtures").0)
}

#[test]
fn each_language_is_stemmed_its_own_way_and_queries_search_them_all() {
    let library = languages();
    let ids = |query: &str| {
        let mut ids: Vec<String> = found(&library, query);
        ids.sort();
        ids
    };
    // English stemming: "run" finds "running" and "runs".
    assert_eq!(ids("run "), ["note", "refugees"]);
    // French stemming: "réfugié" finds "réfugiés"; English: "refugee" finds "refugees".
    assert_eq!(ids("réfugié "), ["refugies"]);
    assert!(ids("refugee ").contains(&"refugees".to_string()));
    // One query, both languages.
    assert_eq!(ids("montagnes mountains "), ["refugees", "refugies"]);
    // Stop words of either language are not query words.
    assert_eq!(ids("the les montagnes "), ["refugies"]);
    assert_eq!(ids("\"convoy runs\""), ["note"]);
}

/// A library of one-paragraph articles `a0`, `a1`, ... with these texts and a
/// title that matches no query of the tests.
fn tiny(texts: &[&str]) -> Library {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(n, text)| liseuse_core::Article {
            id: format!("a{n}"),
            title: "Sans rapport".into(),
            blocks: vec![liseuse_core::Block {
                kind: liseuse_core::BlockKind::Paragraph,
                text: text.to_string(),
            }],
            ..liseuse_core::Article::default()
        })
        .collect();
    Library::new(liseuse_build::indexer::build_index(articles))
}

#[test]
fn the_very_form_typed_ranks_above_other_forms_of_the_word() {
    let library = tiny(&[
        "Les soldats de l'armée quittent la ville.",
        "Les soldats des armées quittent la ville.",
        "Les soldats quittent la ville.",
    ]);
    assert_eq!(found(&library, "armées "), ["a1", "a0"]);
    assert_eq!(found(&library, "armée "), ["a0", "a1"]);
    // "armés" shares their term but is written nowhere: both, by the term.
    let mut both = found(&library, "armés ");
    both.sort();
    assert_eq!(both, ["a0", "a1"]);
    // A word written one way only has its form from its term ("ville").
    assert_eq!(found(&library, "ville ").len(), 3);
}

#[test]
fn related_words_the_stemmer_keeps_apart_are_found_below_the_word_itself() {
    let library = tiny(&[
        "Le club a disparu en 1990.",
        "La disparition du club en 1990.",
        "Le club joue en 1990.",
    ]);
    assert_eq!(found(&library, "disparition "), ["a1", "a0"]);
    assert_eq!(found(&library, "disparu "), ["a0", "a1"]);
    // Short words have no related words: "club" finds "club" only.
    assert!(library.terms("club ").iter().eq(["club"]));
}

#[test]
fn names_weigh_more_than_common_words() {
    // "Moreau" is written with a capital, "moineau" is not; both once, at the same place.
    let library = tiny(&[
        "Un moineau vole ici. Le chat dort.",
        "Un Moreau vole ici. Le chien dort.",
    ]);
    assert_eq!(found(&library, "moineau Moreau "), ["a1", "a0"]);
    assert_eq!(found(&library, "moineau moreau "), ["a1", "a0"]);
}

#[test]
fn in_a_question_the_words_that_frame_it_weigh_less() {
    // The same sentence with "nom" or "reporter": alike but for that word.
    let library = tiny(&["Le nom part vite.", "Le reporter part vite."]);
    assert_eq!(
        found(&library, "Quel est le nom du reporter ?"),
        ["a1", "a0"]
    );
    // As keywords, neither word frames anything: the tie goes to collection order.
    assert_eq!(found(&library, "nom reporter "), ["a0", "a1"]);
}

#[test]
fn synonyms_are_found_below_the_word_itself() {
    let library = tiny(&[
        "Le peintre est mort en 1990.",
        "Le décès du peintre en 1990.",
        "Le peintre est parti en 1990.",
    ]);
    assert_eq!(found(&library, "décès "), ["a1", "a0"]);
    assert_eq!(found(&library, "mort "), ["a0", "a1"]);
    // Both are highlighted: what the reader looked for and what was found for it.
    let terms = library.terms("décès ");
    assert!(terms.contains("mort") && terms.contains("dec"), "{terms:?}");
}

#[test]
fn a_word_of_the_synonym_table_is_no_typo() {
    // "décès" (term "dec") is absent, one edit from "dev" ("devait"): its
    // synonym is searched, not a correction.
    let library = tiny(&["Il devait partir.", "Le peintre est mort."]);
    assert_eq!(found(&library, "décès "), ["a1"]);
    assert!(!library.terms("décès ").contains("dev"));
}

#[test]
fn a_synonym_or_related_word_does_not_count_as_the_word_for_the_all_words_tier() {
    let library = tiny(&[
        // "mort" stands for "décès", but the article lacks "décès" itself.
        "Le peintre est mort à Paris. Le peintre est mort à Paris.",
        "Un décès à Lyon.",
    ]);
    let results = library.search("décès peintre ", 10);
    assert!(results.hits.iter().all(|hit| !hit.all_words));
    let results = library.search("mort peintre ", 10);
    assert!(results.hits[0].all_words);
}

#[test]
fn a_hyphenated_word_being_typed_completes_as_a_whole() {
    let library = seeds();
    let terms = library.terms("haut-kara");
    assert!(terms.contains("hautkarabakh"), "{terms:?}");
    assert!(terms.contains("karabakh"), "{terms:?}");
}
