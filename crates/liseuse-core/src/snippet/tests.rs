use super::*;
use crate::analysis::analyze;
use crate::article::Block;

fn terms_of(query: &str) -> SortedSet<String> {
    analyze(query).into_iter().map(|t| t.term).collect()
}

fn article(blocks: &[&str]) -> Article {
    Article {
        id: "a".into(),
        title: "Titre".into(),
        blocks: blocks.iter().map(|&text| Block::paragraph(text)).collect(),
        ..Article::default()
    }
}

fn marked(snippet: &Snippet) -> Vec<&str> {
    snippet
        .highlights
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect()
}

#[test]
fn highlights_every_form_of_a_matched_word() {
    let text = "Les réfugiés, un réfugié, des refugies et l’armée.";
    let ranges = highlight(text, &terms_of("réfugiés armée"));
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(words, ["réfugiés", "réfugié", "refugies", "armée"]);
}

#[test]
fn the_snippet_is_the_passage_with_the_most_query_words() {
    let filler = "Le texte continue ici sans rien dire de particulier. ".repeat(8);
    let a = article(&[
        &format!("{filler} Une crise au loin. {filler}"),
        &format!("{filler} La crise de réfugiés touche l’Arménie. {filler}"),
    ]);
    let s = snippet(&a, &terms_of("crise réfugiés arménie"));
    assert_eq!(marked(&s), ["crise", "réfugiés", "Arménie"]);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    assert!(s.text.split_whitespace().count() <= SNIPPET_WORDS + 2);
}

#[test]
fn a_short_paragraph_is_shown_whole_without_ellipses() {
    let a = article(&["Stoltenberg salue la coopération."]);
    let s = snippet(&a, &terms_of("stoltenberg"));
    assert_eq!(s.text, "Stoltenberg salue la coopération.");
    assert_eq!(marked(&s), ["Stoltenberg"]);
}

#[test]
fn an_article_matched_by_its_title_only_shows_its_opening() {
    let a = article(&["Premier paragraphe.", "Second paragraphe."]);
    let s = snippet(&a, &terms_of("titre"));
    assert_eq!(s.text, "Premier paragraphe.");
    assert!(s.highlights.is_empty());
}

#[test]
fn highlights_never_split_a_character() {
    let a = article(&["« L’Azerbaïdjan » et l’Arménie, 3 000 réfugiés — fin."]);
    let s = snippet(&a, &terms_of("azerbaïdjan arménie 3000 réfugiés"));
    for range in &s.highlights {
        assert!(s.text.is_char_boundary(range.start) && s.text.is_char_boundary(range.end));
    }
    assert_eq!(marked(&s), ["Azerbaïdjan", "Arménie", "3 000", "réfugiés"]);
}

/// The words of `text` whose term is one of `terms`, from a fresh analysis.
fn marked_afresh(analyzer: Analyzer, text: &str, terms: &SortedSet<String>) -> Vec<String> {
    (analyzer.analyze(text).into_iter())
        .filter(|t| terms.contains(&t.term))
        .map(|t| text[t.start..t.end].to_string())
        .collect()
}

#[test]
fn a_text_read_before_is_highlighted_as_a_fresh_one() {
    // The analysis of each text is kept between calls: a list highlights
    // the same texts at every keystroke, with other terms. A text must get
    // its own words (never another's), with each analyser, and still once
    // the kept ones have been let go.
    let english = Analyzer::FRENCH.for_lang(Some("en"));
    let texts: Vec<String> = (0..600)
        .map(|n| format!("Les réfugiés de {n} ; the refugees' camps, l’armée n°{n}."))
        .collect();
    for query in ["réfugiés", "armée camps", "refugee", "camp"] {
        for text in texts.iter().step_by(97) {
            for analyzer in [Analyzer::FRENCH, english] {
                let terms: SortedSet<String> = analyzer
                    .analyze(query)
                    .into_iter()
                    .map(|t| t.term)
                    .collect();
                let marked: Vec<String> = (highlight_with(analyzer, text, &terms).iter())
                    .map(|r| text[r.clone()].to_string())
                    .collect();
                assert_eq!(
                    marked,
                    marked_afresh(analyzer, text, &terms),
                    "{text} {query}"
                );
            }
        }
    }
    // Past the number of texts kept: all are let go, and read again.
    for text in &texts {
        highlight_with(Analyzer::FRENCH, text, &terms_of("armée"));
    }
    let text = &texts[3];
    let terms = terms_of("réfugiés armée");
    let marked: Vec<String> = (highlight_with(Analyzer::FRENCH, text, &terms).iter())
        .map(|r| text[r.clone()].to_string())
        .collect();
    assert_eq!(marked, ["réfugiés", "armée"]);
}

#[test]
fn the_words_of_a_phrase_found_are_one_mark() {
    let analyzer = Analyzer::FRENCH;
    let terms: SortedSet<String> = (analyzer.analyze("corridor de Lachin").into_iter())
        .map(|t| t.term)
        .collect();
    let text = "Bakou a fermé le corridor de Lachin, puis le corridor humanitaire de Lachin.";
    let marks = highlight_with(analyzer, text, &terms);
    assert_eq!(marks.len(), 4, "each word marked");
    let joined = join_phrases(analyzer, text, marks);
    let shown: Vec<&str> = joined.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(shown, ["corridor de Lachin", "corridor", "Lachin"]);
}
