use super::*;
use crate::article::parse_capture;

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

#[test]
fn every_seed_becomes_an_article_in_file_order() {
    let (file, files, report) = build_dir(&seeds_dir()).unwrap();
    assert_eq!(report.files_read, 5);
    assert_eq!(report.articles, 5);
    assert!(report.skipped.is_empty());
    assert_eq!(files.len(), 5);
    let ids: Vec<&str> = file.articles.iter().map(|a| &a.id[..3]).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
}

#[test]
fn the_same_articles_give_the_same_bytes() {
    let once = build_dir(&seeds_dir()).unwrap().0.to_bytes();
    let twice = build_dir(&seeds_dir()).unwrap().0.to_bytes();
    assert_eq!(once, twice);
}

#[test]
fn postings_hold_counts_and_positions_of_each_field() {
    let article = parse_capture(
        "a",
        "Un titre sur la paix\n\nLa paix, la paix et encore la paix. Fin.",
    )
    .unwrap();
    let file = build_index(vec![article]);
    let index = &file.index;
    let paix = index.terms.iter().position(|t| t == "paix").unwrap();
    let docs: Vec<_> = index.postings[paix].unpacked();
    assert_eq!(docs, [(0, vec![1, 3], vec![4], vec![1, 3, 7])]);
    // Title: "titre", "paix"; body: "paix" x3, "encor", "fin".
    assert_eq!(index.field_lengths, [vec![2], vec![5]]);
    assert!(index.terms.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(index.spellings[paix], "paix");
    assert_eq!(index.analyzer, Analyzer::FRENCH);
}

#[test]
fn spellings_keep_the_most_frequent_form_with_its_accents() {
    let article = parse_capture("a", "Titre\n\nLes réfugiés, des réfugiés, un réfugié.").unwrap();
    let index = build_index(vec![article]).index;
    let refug = index.terms.iter().position(|t| t == "refug").unwrap();
    assert_eq!(index.spellings[refug], "réfugiés");
}

#[test]
fn word_forms_point_into_their_term_postings() {
    let articles = [
        "Les réfugiés arrivent.",
        "Un réfugié, des réfugiés.",
        "Un réfugié.",
    ]
    .map(|text| parse_capture("a", &format!("Titre\n\n{text}")).unwrap());
    let index = build_index(articles.to_vec()).index;
    let docs = |form: &str| {
        let number = index.forms.iter().position(|f| f == form).unwrap();
        let postings = &index.form_postings[number];
        assert_eq!(index.terms[postings.term as usize], "refug");
        postings.indexes().collect::<Vec<_>>()
    };
    assert_eq!(docs("refugies"), [0, 1]);
    assert_eq!(docs("refugie"), [1, 2]);
    // "arrivent" is the only form of its term: its postings say it all.
    assert!(!index.forms.iter().any(|f| f == "arrivent"));
}

#[test]
fn names_are_the_terms_mostly_written_with_a_capital_inside_sentences() {
    let article = parse_capture(
        "a",
        "Titre\n\nHier, Moreau parle. Moreau rit. Le moineau chante. Moineau est un mot.",
    )
    .unwrap();
    let index = build_index(vec![article]).index;
    let name = |term: &str| index.names[index.terms.iter().position(|t| t == term).unwrap()];
    // A capital that opens a sentence says nothing: "Moineau est un mot".
    assert!(name("moreau"));
    assert!(!name("moineau"));
    assert!(!name("hi")); // "Hier", first word
}

#[test]
fn the_plain_analyzer_keeps_accents_and_endings() {
    let article = parse_capture("a", "Titre\n\nLes réfugiés arrivent.").unwrap();
    let index = build_index_with(vec![article], Analyzer::PLAIN).index;
    assert!(index.terms.contains(&"réfugiés".to_string()));
    assert_eq!(index.analyzer, Analyzer::PLAIN);
    // Its terms are the forms: none are stored twice.
    assert!(index.forms.is_empty());
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let err = build_dir(Path::new("/nonexistent/articles")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/articles"));
}

#[test]
fn articles_are_numbered_newest_first_and_undated_last() {
    let article = |id: &str, date: Option<&str>| Article {
        id: id.into(),
        title: format!("Titre {id}"),
        date: date.map(String::from),
        ..Article::default()
    };
    let file = build_index(vec![
        article("old", Some("2019-03-01")),
        article("undated", None),
        article("new", Some("2021-11-30")),
        article("old-too", Some("2019-03-01")),
    ]);
    let ids: Vec<&str> = file.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["new", "old", "old-too", "undated"]);
    let library = crate::Library::new(file);
    assert_eq!(library.by_date(), [0, 1, 2, 3]);
    assert_eq!(library.search("titre undated", 1).hits[0].doc, 3);
}
