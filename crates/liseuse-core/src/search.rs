//! The query engine: reads a query with [`analyze`] and ranks articles with BM25F.
//!
//! Each query word is matched against a set of index terms (its own, and while
//! it is being typed every term it begins), each with a weight. An article's
//! score for that word is the best weighted BM25F score among those terms; the
//! article's score is the sum over words, multiplied by the share of query
//! words it matches so that articles with all the words come first.

use std::collections::BTreeSet;

use crate::analysis::{analyze, fold, words};
use crate::format::{Field, SearchIndex, FIELD_COUNT};

/// BM25 term-frequency saturation. At 0.0 a term counts once however often it
/// occurs; larger values let repeated occurrences keep adding to the score.
/// Usual range 0.5..=2.0.
pub const K1: f32 = 1.2;

/// Length normalisation per field (title, body). At 0.0 a field's length does
/// not matter; at 1.0 a match in a field twice the average length counts about
/// half. Titles are short and alike, so they are barely normalised.
/// Range 0.0..=1.0.
pub const B: [f32; FIELD_COUNT] = [0.3, 0.75];

/// Weight of an occurrence in each field (title, body), relative to the body.
/// A word of the title says more about the article than one of its body.
/// Range 0.0..; values above 5 let any title match beat any body match.
pub const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [3.0, 1.0];

/// Weight of a term that the word being typed only begins, relative to the
/// term of the word itself: "stolt" finds "stoltenberg", below an exact "stolt".
/// Range 0.0..=1.0; at 0.0 prefixes find nothing.
pub const PREFIX_WEIGHT: f32 = 0.8;

/// The word being typed is matched as a prefix from this many characters.
/// Shorter prefixes match too much of the dictionary to be useful.
pub const MIN_PREFIX_CHARS: usize = 2;

/// At most this many completions of the word being typed are searched, the most
/// frequent first: bounds the work for a one-letter-longer prefix of a common stem.
pub const MAX_PREFIX_TERMS: usize = 64;

/// Only the first this many query words are used: bounds the work for pasted text.
pub const MAX_QUERY_WORDS: usize = 32;

/// One article found by a query.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The article's document number.
    pub doc: u32,
    /// Its relevance score; only the order of scores means something.
    pub score: f32,
}

/// What a query found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Articles found, best first.
    pub hits: Vec<Hit>,
    /// Total number of articles that matched, of which `hits` holds the best.
    pub total: usize,
    /// Every index term the query matched: what snippets and the reader highlight.
    pub terms: BTreeSet<String>,
}

/// A query word and the index terms it stands for.
#[derive(Clone, Debug, PartialEq)]
struct QueryWord {
    /// `(term number, weight)` pairs.
    candidates: Vec<(usize, f32)>,
}

/// The inverted index, ready to answer queries.
#[derive(Clone, Debug)]
pub struct Searcher {
    index: SearchIndex,
    average_lengths: [f32; FIELD_COUNT],
}

impl Searcher {
    /// Prepares `index` for searching.
    pub fn new(index: SearchIndex) -> Self {
        let average_lengths = Field::ALL.map(|field| {
            let lengths = &index.field_lengths[field as usize];
            let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
            (total as f32 / lengths.len().max(1) as f32).max(1.0)
        });
        Searcher {
            index,
            average_lengths,
        }
    }

    /// Number of documents in the index.
    pub fn doc_count(&self) -> usize {
        self.index.doc_count as usize
    }

    /// The best `limit` articles for `query`, with the terms to highlight.
    ///
    /// The last word is matched as a prefix too unless the query ends with a
    /// space: it may still be being typed.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let words = self.query_words(query);
        if words.is_empty() {
            return Results::default();
        }
        let doc_count = self.doc_count();
        let mut totals = vec![0f32; doc_count];
        let mut matched_words = vec![0u32; doc_count];
        let mut word_scores = vec![0f32; doc_count];
        let mut terms = BTreeSet::new();
        for word in &words {
            word_scores.iter_mut().for_each(|s| *s = 0.0);
            for &(term, weight) in &word.candidates {
                terms.insert(self.index.terms[term].clone());
                let postings = &self.index.postings[term];
                let idf = idf(doc_count, postings.doc_frequency());
                for (doc, counts) in postings.iter() {
                    let score = weight * idf * self.saturated_frequency(doc, counts);
                    let best = &mut word_scores[doc as usize];
                    *best = best.max(score);
                }
            }
            for (doc, &score) in word_scores.iter().enumerate() {
                if score > 0.0 {
                    totals[doc] += score;
                    matched_words[doc] += 1;
                }
            }
        }
        let word_count = words.len() as f32;
        let mut hits: Vec<Hit> = totals
            .iter()
            .enumerate()
            .filter(|&(_, &score)| score > 0.0)
            .map(|(doc, &score)| Hit {
                doc: doc as u32,
                score: score * matched_words[doc] as f32 / word_count,
            })
            .collect();
        let total = hits.len();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        Results { hits, total, terms }
    }

    /// BM25F: field counts normalised by field length and weighted, then saturated.
    fn saturated_frequency(&self, doc: u32, counts: &[u32]) -> f32 {
        let mut frequency = 0.0;
        for field in Field::ALL {
            let f = field as usize;
            if counts[f] == 0 {
                continue;
            }
            let length = self.index.field_lengths[f][doc as usize] as f32;
            let norm = 1.0 - B[f] + B[f] * length / self.average_lengths[f];
            frequency += FIELD_WEIGHTS[f] * counts[f] as f32 / norm;
        }
        frequency * (K1 + 1.0) / (K1 + frequency)
    }

    /// Reads the query into words, each with the index terms it stands for.
    fn query_words(&self, query: &str) -> Vec<QueryWord> {
        let still_typing = !query.ends_with(|c: char| c.is_whitespace());
        let last_word_end = words(query).last().map(|w| w.end);
        let tokens = analyze(query);
        let mut seen = BTreeSet::new();
        let mut result = Vec::new();
        for token in tokens.into_iter().take(MAX_QUERY_WORDS) {
            let mut candidates = Vec::new();
            if let Some(term) = self.term_number(&token.term) {
                candidates.push((term, 1.0));
            }
            if still_typing && Some(token.end) == last_word_end {
                let typed = fold(&query[token.start..token.end]);
                candidates.extend(
                    self.completions(&typed)
                        .into_iter()
                        .filter(|&t| self.index.terms[t] != token.term)
                        .map(|t| (t, PREFIX_WEIGHT)),
                );
            }
            // A repeated word adds nothing; a word the index lacks still counts
            // in the share of words matched.
            if seen.insert(token.term) {
                result.push(QueryWord { candidates });
            }
        }
        result
    }

    /// The number of `term` in the dictionary.
    fn term_number(&self, term: &str) -> Option<usize> {
        self.index
            .terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()
    }

    /// Terms starting with `prefix`, the most frequent first, at most [`MAX_PREFIX_TERMS`].
    fn completions(&self, prefix: &str) -> Vec<usize> {
        if prefix.chars().count() < MIN_PREFIX_CHARS {
            return Vec::new();
        }
        let terms = &self.index.terms;
        let start = terms.partition_point(|t| t.as_str() < prefix);
        let end = start + terms[start..].partition_point(|t| t.starts_with(prefix));
        let mut found: Vec<usize> = (start..end).collect();
        found.sort_by_key(|&t| std::cmp::Reverse(self.index.postings[t].doc_frequency()));
        found.truncate(MAX_PREFIX_TERMS);
        found
    }
}

/// Inverse document frequency (BM25's, always positive).
fn idf(doc_count: usize, doc_frequency: usize) -> f32 {
    let n = doc_count as f32;
    let df = doc_frequency as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

// Searching needs an index, and building one needs the indexer.
#[cfg(all(test, feature = "indexer"))]
mod tests;
