//! A query read once: where its text enters the analysis, and the only
//! place. Its parts (words, "phrases", -exclusions; see [`crate::query`]),
//! and for each word what every language of the index makes of it, with all
//! the plan and the suggestions need of it (its folded and normalised forms,
//! whether it frames a question, whether it is being typed). The planner
//! ([`super::plan`]) plans from this and never reads the text again.

use crate::order::entry;
use std::ops::Range;

use crate::analysis::{fold, words, Analyzer, Token};
use crate::query::{parse, PartKind};
use crate::question::framing_words;

/// The first [`MAX_QUERY_BYTES`](super::plan::MAX_QUERY_BYTES) of `query`,
/// cut at a character boundary.
pub(super) fn cut(query: &str) -> &str {
    let mut cut = query.len().min(super::plan::MAX_QUERY_BYTES);
    while !query.is_char_boundary(cut) {
        cut -= 1;
    }
    &query[..cut]
}

/// A query, read.
#[derive(Debug, Default)]
pub(super) struct ReadQuery {
    /// Its parts, in order (an open phrase's unfinished last word is a part
    /// of plain words of its own, before the phrase).
    pub parts: Vec<ReadPart>,
    /// Whether it has any word at all (stop words included).
    pub has_words: bool,
}

/// A part of a query, read.
#[derive(Debug)]
pub(super) enum ReadPart {
    /// Plain words, each with its terms.
    Words(Vec<ReadWord>),
    /// A phrase: its tokens in each language that finds a word in it; `None`
    /// when none does (only stop words or punctuation).
    Phrase(Option<Vec<Vec<Token>>>),
    /// An excluded word or phrase, read as a phrase.
    Excluded(Option<Vec<Vec<Token>>>),
}

/// One word of a part of plain words (or the whole of a hyphenated run).
#[derive(Debug, Default)]
pub(super) struct ReadWord {
    /// Where it is in the query (bytes).
    pub span: Range<usize>,
    /// Its term in each language, in the order of the analyses.
    pub terms: Vec<String>,
    /// Its term in the first language, when that one reads it.
    pub first_term: Option<String>,
    /// The form typed (see [`Token::form`]).
    pub form: String,
    /// Whether it is the whole of a hyphen-joined run.
    pub joined: bool,
    /// Whether it is a stop word in any language of the index: no query
    /// word ("les" means nothing in a French collection, whatever the
    /// English stemmer makes of it). Nothing below is read for it.
    pub stop: bool,
    /// As typed, normalised by the first language, letters and digits only.
    pub normal: String,
    /// How many characters its normalised form has (spaces of a digit group included).
    pub letters: usize,
    /// Whether it is the last word of a part being typed: it also stands for
    /// the words it begins.
    pub completing: bool,
    /// Whether it frames a question (see [`crate::question`]).
    pub framing: bool,
}

/// Reads `query` (cut at [`super::plan::MAX_QUERY_BYTES`]) with each of
/// `analyzers`, the first one first.
pub(super) fn read(analyzers: &[Analyzer], query: &str) -> ReadQuery {
    let query = cut(query);
    let framing = framing_words(query);
    let mut read = ReadQuery {
        parts: Vec::new(),
        has_words: words(query).next().is_some(),
    };
    for part in parse(query) {
        match part.kind {
            PartKind::Words { typing } => {
                let words = read_words(analyzers, part.text, part.start, typing, &framing);
                read.parts.push(ReadPart::Words(words));
            }
            PartKind::Phrase { typing } => {
                // While its quote is open, the phrase's last word may be
                // unfinished: it is read as a word being typed, and the
                // words before it as the phrase.
                let mut text = part.text;
                if let Some(last) = words(text).last().filter(|_| typing) {
                    let unfinished = &text[last.start..];
                    let start = part.start + last.start;
                    let words = read_words(analyzers, unfinished, start, true, &framing);
                    read.parts.push(ReadPart::Words(words));
                    text = &text[..last.start];
                }
                read.parts
                    .push(ReadPart::Phrase(sequences(analyzers, text)));
            }
            PartKind::Excluded => {
                read.parts
                    .push(ReadPart::Excluded(sequences(analyzers, part.text)));
            }
        }
    }
    read
}

/// The tokens of the phrase `text` in each language that finds a word in
/// it; `None` when none does.
fn sequences(analyzers: &[Analyzer], text: &str) -> Option<Vec<Vec<Token>>> {
    let analyses: Vec<Vec<Token>> = (analyzers.iter())
        .map(|analyzer| analyzer.analyze(text))
        .filter(|tokens| !tokens.is_empty())
        .collect();
    (!analyses.is_empty()).then_some(analyses)
}

/// The words of `text`, a part of plain words at byte `at` of the query,
/// each with its terms in every language, in the order of the text.
fn read_words(
    analyzers: &[Analyzer],
    text: &str,
    at: usize,
    typing: bool,
    framing: &[usize],
) -> Vec<ReadWord> {
    let last_word_end = words(text).last().map(|w| w.end);
    // The terms of each word, in every language, by the span of the word.
    let mut spans: Vec<((usize, usize), ReadWord)> = Vec::new();
    for (n, analyzer) in analyzers.iter().enumerate() {
        for token in analyzer.analyze(text) {
            let word = entry(&mut spans, (token.start, token.end));
            if n == 0 {
                word.first_term = Some(token.term.clone());
            }
            word.terms.push(token.term);
            word.form = token.form;
            word.joined |= token.joined;
        }
    }
    let first = analyzers[0];
    (spans.into_iter())
        .map(|((start, end), mut word)| {
            let typed = &text[start..end];
            word.span = at + start..at + end;
            let folded = fold(typed);
            word.stop = analyzers.iter().any(|a| a.language.is_stop_word(&folded));
            if word.stop {
                return word;
            }
            let normalised = first.normalize(typed);
            word.letters = normalised.chars().count();
            // As the index has it: a hyphenated word's whole is its parts
            // joined ("haut-kara" begins "hautkarabakh").
            word.normal = normalised.chars().filter(|c| c.is_alphanumeric()).collect();
            word.completing = typing && Some(end) == last_word_end;
            word.framing = framing.binary_search(&(at + start)).is_ok();
            word
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(part: &ReadPart) -> Vec<(&str, bool, bool)> {
        match part {
            ReadPart::Words(words) => (words.iter())
                .map(|w| (w.normal.as_str(), w.completing, w.framing))
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_query_is_read_into_its_parts_and_words_once() {
        let french = [Analyzer::FRENCH];
        let query = "Quelle année Stoltenberg -Moscou \"crise de réfu";
        let read = read(&french, query);
        assert!(read.has_words);
        assert_eq!(read.parts.len(), 4, "{:?}", read.parts);
        // Plain words: where each is, its term, and that "quelle année" frames a question.
        let ReadPart::Words(words) = &read.parts[0] else {
            panic!("{:?}", read.parts[0]);
        };
        let stoltenberg = words.iter().find(|w| w.normal == "stoltenberg").unwrap();
        assert_eq!(&query[stoltenberg.span.clone()], "Stoltenberg");
        assert_eq!(stoltenberg.first_term.as_deref(), Some("stoltenberg"));
        assert_eq!(stoltenberg.letters, "stoltenberg".len());
        assert_eq!(
            words_of(&read.parts[0]),
            // ("quelle" is a stop word: the analysis gives it no term.)
            [("annee", false, true), ("stoltenberg", false, false)]
        );
        // The exclusion, read as a phrase.
        let ReadPart::Excluded(Some(analyses)) = &read.parts[1] else {
            panic!("{:?}", read.parts[1]);
        };
        assert_eq!(analyses[0][0].term, "moscou");
        // The open phrase: its unfinished last word is being typed, before the phrase.
        assert_eq!(words_of(&read.parts[2]), [("refu", true, false)]);
        let ReadPart::Phrase(Some(analyses)) = &read.parts[3] else {
            panic!("{:?}", read.parts[3]);
        };
        let terms: Vec<&str> = analyses[0].iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["cris"]);
        // Nothing but punctuation: no words, and a phrase of nothing.
        let read = super::read(&french, "\"?!\"");
        assert!(!read.has_words);
        assert!(matches!(read.parts[..], [ReadPart::Phrase(None)]));
    }
}
