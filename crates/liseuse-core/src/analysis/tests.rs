use super::*;

fn terms(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|t| t.term).collect()
}

/// Each row: two spellings a reader may use, which must give the same terms.
#[test]
fn spellings_that_must_match() {
    let table = [
        ("accents are folded", "azerbaïdjanais", "azerbaidjanais"),
        ("case is folded", "STOLTENBERG", "Stoltenberg"),
        ("typographic elision", "l’armée", "armée"),
        ("straight elision", "l'armée", "armée"),
        ("elided de", "d’Erevan", "Erevan"),
        ("elided que", "qu’Erevan", "Erevan"),
        ("elided jusque", "jusqu'Erevan", "Erevan"),
        ("plural and singular", "réfugiés", "réfugié"),
        ("plural without accents", "refugies", "réfugiés"),
        (
            "decomposed accents (NFD)",
            "re\u{301}fugie\u{301}s",
            "réfugiés",
        ),
        ("ligature oe", "cœur", "coeur"),
        ("ligature ae", "ex æquo", "ex aequo"),
        ("thousands with a space", "3 000", "3000"),
        ("thousands with a no-break space", "3\u{a0}000", "3000"),
        (
            "thousands with a narrow no-break space",
            "3\u{202f}000",
            "3000",
        ),
        ("feminine and masculine plural", "militaires", "militaire"),
        ("ordinal with ème", "17ème étape", "17e étape"),
        ("ordinal without accent", "17eme", "17e"),
        ("first", "1er", "1re"),
        ("roman ordinal", "XVIIIe siècle", "18e siècle"),
        ("roman first", "Ier", "1er"),
    ];
    for (rule, a, b) in table {
        assert_eq!(terms(a), terms(b), "{rule}: {a:?} vs {b:?}");
        assert!(!terms(a).is_empty(), "{rule}: {a:?} gives no term");
    }
}

#[test]
fn hyphenated_names_are_found_by_their_parts_and_whole() {
    assert_eq!(terms("Haut-Karabakh"), ["haut", "karabakh", "hautkarabakh"]);
    assert!(terms("turco-azerbaïdjanaise").contains(&terms("azerbaïdjanaise")[0]));
    let text = "du Haut-Karabakh.";
    let whole = analyze(text)
        .into_iter()
        .find(|t| t.term == "hautkarabakh")
        .unwrap();
    assert_eq!(&text[whole.start..whole.end], "Haut-Karabakh");
    assert_eq!(
        whole.position, 1,
        "the whole stands where its first part does"
    );
    // A dash between spaced words joins nothing.
    assert_eq!(terms("paix - guerre"), ["paix", "guerr"]);
    assert_eq!(
        terms("Jean-Pierre-Marie"),
        ["jean", "pierr", "mar", "jeanpierremar"]
    );
}

#[test]
fn spelled_ordinals_are_found_by_their_number() {
    // "dix-huitième": "dix" and "huitième" (8e) as parts, 18e for the whole.
    assert_eq!(terms("dix-huitième siècle"), ["dix", "8e", "18e", "siecl"]);
    assert_eq!(terms("le deuxième tour"), ["2e", "tour"]);
    // "premier" is an adjective first: "premier ministre" stays as it is.
    assert_eq!(terms("premier ministre"), ["premi", "ministr"]);
    // Capitals that are no numeral: "Le", "Ce", "Vie".
    assert_eq!(terms("Vie"), ["vi"]);
}

#[test]
fn glued_sentences_are_split() {
    assert_eq!(terms("Pyrénées.Alors"), terms("Pyrénées. Alors"));
    assert_eq!(terms("Pyrénées.Alors").len(), 2);
}

#[test]
fn numbers_with_thousands_separators_are_one_number() {
    let table = [
        ("1.250 morts", vec!["1250", "mort"]),
        ("30.000 morts", vec!["30000", "mort"]),
        ("1.250.000", vec!["1250000"]),
        ("3 000 000 euros", vec!["3000000", "euros"]),
        ("en 2020 300 soldats", vec!["2020", "300", "soldat"]),
        ("14,2 milliards", vec!["14", "2", "milliard"]),
        ("3.5 points", vec!["3", "5", "point"]),
        ("fin 2000.", vec!["fin", "2000"]),
    ];
    for (text, expected) in table {
        assert_eq!(terms(text), expected, "{text:?}");
    }
}

#[test]
fn stop_words_are_dropped_but_keep_their_positions() {
    let tokens = analyze("la crise de réfugiés");
    let found: Vec<(&str, u32)> = tokens
        .iter()
        .map(|t| (t.term.as_str(), t.position))
        .collect();
    assert_eq!(found, [("cris", 1), ("refug", 3)]);
    assert!(terms("le la les de des du et à").is_empty());
}

#[test]
fn tokens_point_at_the_original_words() {
    let text = "Le ministre l’Arménie, 3 000 soldats";
    for token in analyze(text) {
        let word = &text[token.start..token.end];
        assert_eq!(terms(word), std::slice::from_ref(&token.term), "{word:?}");
    }
    let arm = analyze(text)
        .into_iter()
        .find(|t| t.term.starts_with("armen"))
        .unwrap();
    assert_eq!(&text[arm.start..arm.end], "Arménie");
    let number = analyze(text)
        .into_iter()
        .find(|t| t.term == "3000")
        .unwrap();
    assert_eq!(&text[number.start..number.end], "3 000");
}

#[test]
fn spaces_between_unrelated_numbers_are_kept() {
    assert_eq!(terms("en 2020 3 soldats"), ["2020", "3", "soldat"]);
    assert_eq!(terms("1 2345"), ["1", "2345"]);
    assert_eq!(terms("100 000 personnes"), ["100000", "person"]);
}

#[test]
fn overlong_words_are_not_indexed() {
    let garbage = "x".repeat(MAX_WORD_BYTES + 1);
    assert!(terms(&garbage).is_empty());
    assert_eq!(terms(&format!("{garbage} paix")), ["paix"]);
}

#[test]
fn odd_input_gives_no_panic_and_sensible_terms() {
    for text in [
        "",
        "   ",
        "'''",
        "’’’",
        "-",
        "«»",
        "🙂🙂",
        "\u{0}\u{1}\u{7}",
        "\u{301}",
    ] {
        // No word in any of them: punctuation, symbols, controls or a lone
        // mark give no term.
        assert_eq!(terms(text), Vec::<String>::new(), "{text:?}");
    }
    // Hebrew is words like any other, indexed as written.
    assert_eq!(terms("שלום עולם"), ["שלום", "עולם"]);
    assert_eq!(terms("🙂 paix 🙂"), ["paix"]);
}

#[test]
fn stop_word_lists_are_sorted_for_binary_search() {
    assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn each_language_has_its_stemmer_and_stop_words() {
    let english = Analyzer::FRENCH.with_language(Language::English);
    let terms_en = |text: &str| {
        english
            .analyze(text)
            .into_iter()
            .map(|t| t.term)
            .collect::<Vec<_>>()
    };
    assert_eq!(terms_en("the armies of the refugees"), ["armi", "refuge"]);
    assert_eq!(terms_en("running runs"), ["run", "run"]);
    // "les" is a French stop word, not an English one.
    assert_eq!(terms_en("les"), ["les"]);
    assert!(terms("les").is_empty());
    let german = Analyzer::FRENCH.with_language(Language::German);
    assert_eq!(
        german.analyze("Häuser")[0].term,
        german.analyze("Hauser")[0].term
    );
}

#[test]
fn languages_are_named_by_their_codes() {
    assert_eq!(Language::from_code("fr"), Some(Language::French));
    assert_eq!(Language::from_code("en-GB"), Some(Language::English));
    assert_eq!(Language::from_code("deu"), Some(Language::German));
    assert_eq!(Language::from_code("xx"), None);
    assert_eq!(Language::English.code(), "en");
}
