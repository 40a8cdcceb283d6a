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
fn the_plain_analyzer_keeps_accents_and_endings() {
    let article = parse_capture("a", "Titre\n\nLes réfugiés arrivent.").unwrap();
    let index = build_index_with(vec![article], Analyzer::PLAIN).index;
    assert!(index.terms.contains(&"réfugiés".to_string()));
    assert_eq!(index.analyzer, Analyzer::PLAIN);
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let err = build_dir(Path::new("/nonexistent/articles")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/articles"));
}
