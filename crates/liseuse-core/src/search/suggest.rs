//! Corrections and suggestions: the terms a typo or two away from a word the
//! index lacks (searched, for less, see [`crate::typo`]), and for a query
//! that found nothing, the query with its unknown words replaced by the
//! closest words of the collection (only offered).

use std::ops::Range;

use super::dictionary::{letters, Dictionary, Lookups};
use super::plan::Unknown;
use super::Searcher;
use crate::typo::{distance_within, MAX_CORRECTIONS};

/// Suggestions for a query that found nothing look one edit away for words of
/// 4 to 6 letters, and this many from 7 letters ("Karabagh" for "Karabakh" is
/// one edit, "Stltnberg" two); shorter words get none. A suggestion is only
/// offered, not searched, so it may reach further than the typo tolerance of
/// searches, but not so far that "siècle" suggests "seul" (two edits).
/// Range 1..=3.
pub const SUGGESTION_EDITS: usize = 2;

/// How many edits away suggestions for a word of `letters` letters may be.
fn suggestion_edits(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=6 => 1,
        _ => SUGGESTION_EDITS,
    }
}

/// Terms at most `max` edits from `term` (other than itself), closest then most frequent first.
/// Numbers are never corrected: "1991" is no typo for "1990", nor "21e" for "1er".
/// Needs the whole dictionary: until it is loaded, finds nothing (and
/// `lookups` records the pieces it lacks).
pub(super) fn corrections(
    dictionary: &Dictionary,
    lookups: &Lookups<'_>,
    term: &str,
    max: usize,
) -> Vec<(usize, usize)> {
    let is_number = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
    if max == 0 || is_number(term) {
        return Vec::new();
    }
    let Some(typos) = lookups.typo_index() else {
        return Vec::new();
    };
    // Only terms whose length is within `max` bytes can be `max` edits away.
    let lengths = term.len().saturating_sub(max)..=term.len() + max;
    let term_letters = letters(term);
    let candidates = lengths
        .filter_map(|length| typos.by_length.get(length))
        .flatten();
    let mut found: Vec<(usize, std::cmp::Reverse<usize>, usize)> = candidates
        .filter_map(|&number| {
            let number = number as usize;
            // An edit changes at most two of the letters a word has.
            let changed = (term_letters ^ typos.letters[number]).count_ones();
            if changed as usize > 2 * max {
                return None;
            }
            let edits = distance_within(term, dictionary.term(number), max)?;
            let df = dictionary.doc_frequency(number);
            (edits > 0).then_some((edits, std::cmp::Reverse(df), number))
        })
        .collect();
    crate::order::sort(&mut found);
    found.truncate(MAX_CORRECTIONS);
    found
        .into_iter()
        .map(|(edits, _, number)| (number, edits))
        .collect()
}

/// `query` with each unknown word replaced by the spelling of its closest term.
pub(super) fn suggest(
    searcher: &Searcher,
    lookups: &Lookups<'_>,
    query: &str,
    unknown: &[Unknown],
) -> Option<String> {
    let suggestions = suggestions(searcher, lookups, unknown);
    if suggestions.is_empty() {
        return None;
    }
    let mut suggestion = String::new();
    let mut at = 0;
    for (range, number) in suggestions {
        // Ranges are the query's words, ascending and disjoint; one that
        // is not (it cannot happen) is left as typed rather than sliced.
        let Some(before) = query.get(at..range.start) else {
            continue;
        };
        suggestion.push_str(before);
        let term = searcher.dictionary.term(number);
        suggestion.push_str(searcher.postings.spelling(number).unwrap_or(term));
        at = range.end;
    }
    suggestion.push_str(query.get(at..).unwrap_or_default());
    Some(suggestion.trim().to_string())
}

/// The closest term of each unknown word of a query that has one, with the
/// word's place in the query.
pub(super) fn suggestions(
    searcher: &Searcher,
    lookups: &Lookups<'_>,
    unknown: &[Unknown],
) -> Vec<(Range<usize>, usize)> {
    let mut found = Vec::new();
    for word in unknown {
        let Some(term) = &word.term else {
            return Vec::new();
        };
        let max = suggestion_edits(word.letters);
        let corrections = corrections(&searcher.dictionary, lookups, term, max);
        if let Some(&(number, _)) = corrections.first() {
            found.push((word.span.clone(), number));
        }
    }
    found
}
