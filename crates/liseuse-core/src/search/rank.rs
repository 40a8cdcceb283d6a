//! Ranking: BM25F over the fields, the very form typed, phrases and
//! exclusions, and the re-ranking of the best by how close their query words
//! stand. Every constant says what it does and its range.

use crate::order::{entry, get, SortedSet};

/// Body positions by document, ascending by document.
type DocPositions = Vec<(u32, Vec<u32>)>;

use super::plan::{FormMatch, Plan, Sequence};
use super::postings::PostingStore;
use super::{Hit, Searcher};
use crate::format::{from_gaps, Field, Posting, FIELD_COUNT};

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

/// Query words closer than this many words apart in an article's text count
/// as near each other (see [`PROXIMITY_WEIGHT`]). Range 2..; at 2 only
/// neighbours count.
pub const PROXIMITY_WINDOW: u32 = 64;

/// Score added, at most, to an article whose query words stand close together:
/// each pair of query words adds the smaller of their IDFs divided by the square
/// of their closest distance, and the sum `x` adds `PROXIMITY_WEIGHT * x / (1 + x)`.
/// Questions are answered where their words meet (MRR@10 on PIAF +0.005).
/// Range 0.0..=10.0; at 0.0 word order and distance are ignored.
pub const PROXIMITY_WEIGHT: f32 = 3.0;

/// Only this many best articles are re-ranked by proximity: it reads positions,
/// which costs more than counts, and only reorders what is already near the top.
pub const PROXIMITY_RERANK: usize = 100;

impl Searcher {
    /// Every matching article with its score, in document order, by
    /// `postings` (the searcher's own, or those of the newest articles).
    pub(super) fn score(&self, plan: &Plan, postings: &PostingStore) -> Vec<Hit> {
        let doc_count = self.doc_count();
        let mut totals = vec![0f32; doc_count];
        let mut matched_words = vec![0u32; doc_count];
        let mut word_scores = vec![0f32; doc_count];
        // Whether the document has the word itself (any form, or a correction).
        let mut has_word = vec![false; doc_count];
        for word in &plan.words {
            word_scores.iter_mut().for_each(|s| *s = 0.0);
            has_word.iter_mut().for_each(|h| *h = false);
            for (candidate, &(term, weight)) in word.candidates.iter().enumerate() {
                let strong = candidate < word.loose_from;
                let idf = idf(doc_count, self.doc_frequency(term, postings));
                for posting in postings.postings(term).iter() {
                    let score =
                        weight * idf * self.saturated_frequency(posting.doc, posting.counts);
                    let best = &mut word_scores[posting.doc as usize];
                    *best = best.max(score);
                    has_word[posting.doc as usize] |= strong;
                }
            }
            if let Some((form, weight)) = word.form.clone() {
                let docs = self.form_docs(&form, postings);
                let doc_frequency = docs.len();
                let idf = idf(doc_count, doc_frequency);
                for (doc, counts) in docs {
                    word_scores[doc as usize] +=
                        weight * idf * self.saturated_frequency(doc, counts);
                }
            }
            for (doc, &score) in word_scores.iter().enumerate() {
                if score > 0.0 {
                    totals[doc] += score;
                    matched_words[doc] += u32::from(has_word[doc]);
                }
            }
        }
        let word_count = plan.words.len() as u32;
        totals
            .iter()
            .enumerate()
            .filter(|&(_, &score)| score > 0.0)
            .map(|(doc, &score)| Hit {
                doc: doc as u32,
                all_words: matched_words[doc] == word_count,
                score,
            })
            .collect()
    }

    /// The number of documents `term` occurs in, which ranks it: the
    /// dictionary's count of the [settled](crate::format::settled) ones and
    /// the newest ones' in `postings` (which, loaded for the query, have
    /// them all), whatever the generations.
    fn doc_frequency(&self, term: usize, postings: &PostingStore) -> usize {
        let postings = postings.postings(term);
        let settled = crate::format::settled(self.doc_count() as u32);
        let newest = postings.doc_frequency() - postings.docs_before(settled);
        self.dictionary.doc_frequency(term) + newest
    }

    /// Adds the proximity bonus ([`PROXIMITY_WEIGHT`]) to the best hits and sorts them again.
    pub(super) fn rerank_by_proximity(&self, plan: &Plan, hits: &mut [Hit]) {
        let top = hits.len().min(PROXIMITY_RERANK);
        if plan.words.len() < 2 || top < 2 {
            return;
        }
        let docs: SortedSet<u32> = hits[..top].iter().map(|h| h.doc).collect();
        // For each word: its IDF, and the body positions of its terms in those documents.
        let words: Vec<(f32, DocPositions)> = plan
            .words
            .iter()
            .map(|word| {
                let mut positions: Vec<(u32, Vec<u32>)> = Vec::new();
                let mut word_idf = 0f32;
                for &(term, _) in &word.candidates {
                    let postings = self.postings.postings(term);
                    word_idf = word_idf.max(idf(
                        self.doc_count(),
                        self.doc_frequency(term, &self.postings),
                    ));
                    for posting in postings.iter().filter(|p| docs.contains(&p.doc)) {
                        entry(&mut positions, posting.doc).extend(posting.positions(Field::Body));
                    }
                }
                positions.iter_mut().for_each(|(_, p)| p.sort_unstable());
                (word_idf, positions)
            })
            .collect();
        for hit in &mut hits[..top] {
            let mut nearness = 0f32;
            for (i, (idf_a, a)) in words.iter().enumerate() {
                for (idf_b, b) in &words[i + 1..] {
                    let (Some(a), Some(b)) = (get(a, &hit.doc), get(b, &hit.doc)) else {
                        continue;
                    };
                    let distance = closest_distance(a, b);
                    if (1..PROXIMITY_WINDOW).contains(&distance) {
                        nearness += idf_a.min(*idf_b) / (distance * distance) as f32;
                    }
                }
            }
            hit.score += PROXIMITY_WEIGHT * nearness / (1.0 + nearness);
        }
        hits[..top].sort_unstable_by(Hit::rank);
    }

    /// Keeps the hits that contain every phrase and no exclusion.
    pub(super) fn filter(&self, plan: &Plan, hits: &mut Vec<Hit>, postings: &PostingStore) {
        for phrase in &plan.phrases {
            let docs = self.any_sequence_docs(phrase, postings);
            hits.retain(|hit| docs.binary_search(&hit.doc).is_ok());
        }
        for excluded in &plan.excluded {
            let docs = self.any_sequence_docs(excluded, postings);
            hits.retain(|hit| docs.binary_search(&hit.doc).is_err());
        }
    }

    /// Documents (ascending) that contain any of `alternatives`.
    fn any_sequence_docs(&self, alternatives: &[Sequence], postings: &PostingStore) -> Vec<u32> {
        let mut docs: Vec<u32> = alternatives
            .iter()
            .flat_map(|s| self.sequence_docs(s, postings))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// Documents (ascending) where the terms of `sequence` stand at its distances, in one field.
    fn sequence_docs(&self, sequence: &[(usize, u32)], postings: &PostingStore) -> Vec<u32> {
        let Some(&(rarest, rarest_at)) = sequence
            .iter()
            .min_by_key(|(term, _)| self.dictionary.doc_frequency(*term))
        else {
            return Vec::new();
        };
        // The other terms' postings, ascending by document as the index keeps them.
        let others: Vec<(Vec<Posting<'_>>, u32)> = sequence
            .iter()
            .filter(|&&(term, at)| (term, at) != (rarest, rarest_at))
            .map(|&(term, at)| (postings.postings(term).iter().collect(), at))
            .collect();
        let mut docs = Vec::new();
        'docs: for posting in postings.postings(rarest).iter() {
            let mut found = Vec::with_capacity(others.len());
            for (by_doc, at) in &others {
                match by_doc.binary_search_by_key(&posting.doc, |p| p.doc) {
                    Ok(other) => found.push((&by_doc[other], *at)),
                    Err(_) => continue 'docs,
                }
            }
            for field in Field::ALL {
                let fields: Vec<(Vec<u32>, u32)> = found
                    .iter()
                    .map(|(p, at)| (p.positions(field), *at))
                    .collect();
                let starts = posting
                    .positions(field)
                    .into_iter()
                    .filter_map(|p| p.checked_sub(rarest_at));
                for start in starts {
                    if fields
                        .iter()
                        .all(|(positions, at)| positions.binary_search(&(start + at)).is_ok())
                    {
                        docs.push(posting.doc);
                        continue 'docs;
                    }
                }
            }
        }
        docs
    }

    /// BM25F: field counts normalised by field length and weighted, then saturated.
    fn saturated_frequency(&self, doc: u32, counts: &[u32]) -> f32 {
        let mut frequency = 0.0;
        for field in Field::ALL {
            let f = field as usize;
            if counts[f] == 0 {
                continue;
            }
            let length = self.index.field_length(field, doc) as f32;
            let norm = 1.0 - B[f] + B[f] * length / self.average_lengths[f];
            frequency += FIELD_WEIGHTS[f] * counts[f] as f32 / norm;
        }
        frequency * (K1 + 1.0) / (K1 + frequency)
    }

    /// The documents where `form` occurs, with the counts of its term there.
    fn form_docs<'a>(&self, form: &FormMatch, postings: &'a PostingStore) -> Vec<(u32, &'a [u32])> {
        match form {
            FormMatch::Term(term) => {
                let found = postings.postings(*term).iter();
                found.map(|p| (p.doc, p.counts)).collect()
            }
            FormMatch::Forms(entries) => {
                let forms = entries.iter().filter_map(|&(term, entry)| {
                    let form = postings.forms(term).get(entry)?;
                    Some((term, form.index_gaps.as_slice()))
                });
                docs_at(forms, postings)
            }
        }
    }
}

/// The documents at `(term, index gaps in its postings)`, with the term's counts there.
fn docs_at<'a>(
    forms: impl Iterator<Item = (usize, &'a [u32])>,
    postings: &'a PostingStore,
) -> Vec<(u32, &'a [u32])> {
    let mut docs = Vec::new();
    for (term, gaps) in forms {
        let mut indexes = from_gaps(gaps).peekable();
        let found = postings.postings(term).iter();
        for (index, posting) in (0u32..).zip(found) {
            if indexes.next_if_eq(&index).is_some() {
                docs.push((posting.doc, posting.counts));
            }
        }
    }
    docs
}

/// The smallest distance between a number of `a` and one of `b` (both ascending).
fn closest_distance(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut best) = (0, 0, u32::MAX);
    while i < a.len() && j < b.len() {
        best = best.min(a[i].abs_diff(b[j]));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

/// Inverse document frequency (BM25's, always positive).
fn idf(doc_count: usize, doc_frequency: usize) -> f32 {
    let n = doc_count as f32;
    let df = doc_frequency as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}
