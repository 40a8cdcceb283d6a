//! Every kind of character that may stand between or inside words is read
//! the same way by the index, the query plan, suggestions, snippets,
//! highlights and the reader's matches: one rule ([`words`] and [`analyze`])
//! decides, the others use what it returns. A test per class.

mod common;

use liseuse_core::order::SortedSet;

use common::seeds;
use liseuse_core::analysis::{analyze, words};
use liseuse_core::article::parse_capture;
use liseuse_core::{highlight, segments, Library};

/// The words of `text`, as written.
fn split(text: &str) -> Vec<&str> {
    words(text).map(|w| &text[w.start..w.end]).collect()
}

/// What a query for `query` shows: the number of results, the suggestion, and
/// the marks of the first result's snippet, which must be one per range.
fn shown(query: &str) -> (usize, Option<String>, Vec<String>) {
    let library = seeds();
    let results = library.search(query, 10);
    let marks = results.hits.first().map_or(Vec::new(), |hit| {
        let snippet = library.snippet(hit.doc, &results.terms);
        let marked: Vec<String> = segments(&snippet.text, &snippet.highlights)
            .into_iter()
            .filter(|(_, marked)| *marked)
            .map(|(text, _)| text.to_string())
            .collect();
        assert_eq!(marked.len(), snippet.highlights.len(), "{query}");
        marked
    });
    (results.total, results.suggestion, marks)
}

#[test]
fn every_hyphen_joins_a_name_and_a_typo_beside_one_still_gets_a_suggestion() {
    for hyphen in [
        '-', '\u{2010}', '\u{2011}', '\u{2043}', '\u{2212}', '\u{fe63}', '\u{ff0d}',
    ] {
        let name = format!("Haut{hyphen}Karabakh");
        let terms: Vec<String> = analyze(&name).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, ["haut", "karabakh", "hautkarabakh"], "{name:?}");
        let (total, _, marks) = shown(&name);
        assert!(total > 0, "{name:?}");
        assert!(
            marks.iter().any(|m| m.contains("Karabakh")),
            "{name:?}: {marks:?}"
        );
        // The query that killed the page: unknown words joined by this hyphen.
        let typo = format!("Bkou{hyphen}xyzq");
        let (total, suggestion, _) = shown(&typo);
        assert_eq!(total, 0, "{typo:?}");
        assert_eq!(
            suggestion.as_deref(),
            Some(format!("bakou{hyphen}xyzq").as_str()),
            "{typo:?}"
        );
    }
}

#[test]
fn dashes_separate_words_without_joining_them() {
    for dash in ['\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}'] {
        let text = format!("Erevan{dash}Bakou");
        assert_eq!(split(&text), ["Erevan", "Bakou"], "{dash:?}");
        let terms: Vec<String> = analyze(&text).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, ["erevan", "bakou"], "{dash:?}");
        let (total, suggestion, _) = shown(&format!("Bkou{dash}xyzq"));
        assert_eq!(
            (total, suggestion.as_deref()),
            (0, Some(format!("bakou{dash}xyzq").as_str()))
        );
    }
}

#[test]
fn every_apostrophe_separates_an_elided_article() {
    for apostrophe in ['\'', '\u{2019}', '\u{2bc}', '\u{2018}', '\u{ff07}'] {
        let text = format!("l{apostrophe}armée");
        assert_eq!(split(&text), ["l", "armée"], "{apostrophe:?}");
        let terms: Vec<String> = analyze(&text).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, ["arme"], "{apostrophe:?}");
        let (total, _, marks) = shown(&format!("l{apostrophe}OTAN"));
        assert!(
            total > 0 && marks.iter().any(|m| m == "OTAN"),
            "{apostrophe:?}: {marks:?}"
        );
    }
}

#[test]
fn every_space_separates_and_groups_thousands_where_french_does() {
    for space in ['\u{a0}', '\u{202f}', '\u{2009}', '\u{200b}', ' '] {
        let text = format!("réfugiés{space}arméniens");
        assert_eq!(split(&text), ["réfugiés", "arméniens"], "{space:?}");
        let (total, _, marks) = shown(&text);
        assert!(total > 0 && marks.len() >= 2, "{space:?}: {marks:?}");
    }
    for space in ['\u{a0}', '\u{202f}', '\u{2009}', ' '] {
        assert_eq!(split(&format!("3{space}000")).len(), 1, "{space:?}");
    }
    assert_eq!(
        split("3\u{200b}000"),
        ["3", "000"],
        "a zero-width space is no thousands separator"
    );
}

#[test]
fn invisible_joiners_and_soft_hyphens_inside_a_word_are_part_of_it() {
    for invisible in [
        '\u{ad}', '\u{200d}', '\u{2060}', '\u{200c}', '\u{feff}', '\u{200f}',
    ] {
        let text = format!("Kara{invisible}bakh");
        assert_eq!(split(&text), [text.as_str()], "{invisible:?}");
        let terms: Vec<String> = analyze(&text).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, ["karabakh"], "{invisible:?}");
        let (total, _, _) = shown(&text);
        assert!(total > 0, "{invisible:?}");
        // Around words they separate, like spaces.
        let around = format!("{invisible}Bakou{invisible} {invisible}");
        assert_eq!(split(&around), ["Bakou"], "{invisible:?}");
        // And the article's text with them is highlighted whole.
        let terms: SortedSet<String> = ["karabakh".to_string()].into_iter().collect();
        let sentence = format!("Le Haut-{text} est là.");
        let ranges = highlight(&sentence, &terms);
        assert_eq!(ranges.len(), 1, "{invisible:?}");
        assert_eq!(&sentence[ranges[0].clone()], text);
    }
}

#[test]
fn combining_marks_belong_to_their_letter() {
    let decomposed = "re\u{301}fugie\u{301}s";
    assert_eq!(split(decomposed), [decomposed]);
    let (total, _, marks) = shown(decomposed);
    assert!(total > 0 && !marks.is_empty());
    // A mark with no letter before it starts no word of its own.
    assert!(analyze(" \u{301} ").is_empty());
    assert_eq!(shown("\u{301}\u{301}").0, 0);
}

#[test]
fn right_to_left_text_is_words_like_any_other() {
    let text = "שלום עולם مرحبا\u{200f} بالعالم";
    assert_eq!(split(text), ["שלום", "עולם", "مرحبا", "بالعالم"]);
    let library = collection_with("rtl", &format!("Titre\n\nUn texte avec {text} dedans."));
    let results = library.search("مرحبا", 10);
    assert_eq!(results.total, 1);
    let snippet = library.snippet(results.hits[0].doc, &results.terms);
    let marked: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert_eq!(marked, ["مرحبا"]);
}

#[test]
fn an_english_article_shows_its_matches_read_in_english() {
    let dir = common::fixtures("languages");
    let library = Library::new(liseuse_build::indexer::build_dir(&dir).unwrap().0);
    let results = library.search("family", 10);
    let doc = library.doc_of("refugees").unwrap();
    assert!(results.hits.iter().any(|h| h.doc == doc));
    let snippet = library.snippet(doc, &results.terms);
    let marked: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert_eq!(marked, ["families"]);
}

#[test]
fn a_hyphenated_name_is_one_mark_and_counted_once() {
    let library = seeds();
    let results = library.search("Haut-Karabakh", 10);
    let doc = results.hits[0].doc;
    let article = library.article_at(doc);
    for block in &article.blocks {
        let ranges = library.highlight(doc, &block.text, &results.terms);
        let marks = segments(&block.text, &ranges)
            .into_iter()
            .filter(|(_, m)| *m)
            .count();
        assert_eq!(marks, ranges.len());
        for range in &ranges {
            let text = &block.text[range.clone()];
            assert!(!text.ends_with('-') && !text.starts_with('-'), "{text}");
        }
        assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start));
    }
    let sentence = "Le Haut-Karabakh, le Karabakh.";
    let ranges = library.highlight(doc, sentence, &results.terms);
    let marked: Vec<&str> = ranges.iter().map(|r| &sentence[r.clone()]).collect();
    assert_eq!(marked, ["Haut-Karabakh", "Karabakh"]);
}

/// A collection of one article.
fn collection_with(id: &str, capture: &str) -> Library {
    let article = parse_capture(id, capture).unwrap();
    let bytes = liseuse_build::indexer::build_index(vec![article]).to_bytes();
    Library::from_bytes(&bytes).unwrap()
}

#[test]
fn a_hyphenated_run_whose_whole_is_one_of_its_parts_indexes_once() {
    // A lone combining mark before a hyphen has no letter: the whole of
    // "\u{301}-1" is "1", the term of its second part. The index build
    // subtracted positions that went backwards (found by the property tests).
    let tokens = analyze("\u{301}\u{2212}1.2501.250 \u{301}-Bakou");
    let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(terms, ["1", "2501", "250", "bakou"]);
    let library = collection_with(
        "marks",
        "Titre\n\n\u{301}-Bakou et \u{301}\u{2212}1.2501.250, puis Bakou.",
    );
    assert_eq!(library.search("Bakou", 10).total, 1);
}
