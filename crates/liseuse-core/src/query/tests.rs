use super::*;

fn parts(query: &str) -> Vec<(PartKind, &str)> {
    parse(query).into_iter().map(|p| (p.kind, p.text)).collect()
}

const TYPING: PartKind = PartKind::Words { typing: true };
const DONE: PartKind = PartKind::Words { typing: false };
const PHRASE: PartKind = PartKind::Phrase { typing: false };
const TYPING_PHRASE: PartKind = PartKind::Phrase { typing: true };

#[test]
fn plain_words_are_one_part_and_the_last_may_be_unfinished() {
    assert_eq!(parts("crise réfugiés"), [(TYPING, "crise réfugiés")]);
    assert_eq!(parts("crise réfugiés "), [(DONE, "crise réfugiés")]);
    assert_eq!(parts("  Stolt"), [(TYPING, "Stolt")]);
}

#[test]
fn quotes_make_phrases_in_any_french_style() {
    for query in [
        "\"crise de réfugiés\"",
        "« crise de réfugiés »",
        "“crise de réfugiés”",
    ] {
        let found = parts(query);
        assert_eq!(found.len(), 1, "{query}");
        assert_eq!(found[0].0, PHRASE);
        assert_eq!(found[0].1.trim(), "crise de réfugiés");
    }
    assert_eq!(
        parts("Arménie \"crise de réfugiés\" Bakou"),
        [
            (DONE, "Arménie"),
            (PHRASE, "crise de réfugiés"),
            (TYPING, "Bakou")
        ]
    );
}

#[test]
fn an_unclosed_quote_runs_to_the_end() {
    assert_eq!(
        parts("Bakou \"crise de"),
        [(DONE, "Bakou"), (TYPING_PHRASE, "crise de")]
    );
    // A space after its last word: that word is finished.
    assert_eq!(parts("\"crise de "), [(PHRASE, "crise de ")]);
    assert_eq!(parts("\""), [(PHRASE, "")]);
}

#[test]
fn a_minus_sign_excludes_a_word_or_a_phrase() {
    assert_eq!(
        parts("Karabakh -Moscou réfugiés"),
        [
            (DONE, "Karabakh"),
            (PartKind::Excluded, "Moscou"),
            (TYPING, "réfugiés")
        ]
    );
    assert_eq!(
        parts("paix -\"Haut-Karabakh\""),
        [(DONE, "paix"), (PartKind::Excluded, "Haut-Karabakh")]
    );
}

#[test]
fn hyphens_inside_words_and_lone_minus_signs_are_text() {
    assert_eq!(parts("Haut-Karabakh"), [(TYPING, "Haut-Karabakh")]);
    assert_eq!(parts("paix - guerre"), [(TYPING, "paix - guerre")]);
    assert_eq!(parts("-"), [(TYPING, "-")]);
}

#[test]
fn offsets_point_into_the_query() {
    let query = "« crise » -Moscou l’armée";
    for part in parse(query) {
        assert_eq!(&query[part.start..part.start + part.text.len()], part.text);
    }
}
