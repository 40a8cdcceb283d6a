//! A run of terms put together from the pieces of its generations: its
//! terms are those of every generation's piece, in order, and a term's
//! postings are each generation's, one after the other (their documents
//! are in that order). Its word forms are each generation's, numbered anew;
//! a generation that lists none for a term has the one form its spelling
//! says. What comes out is what a whole index holds for the run, however
//! the collection was cut into generations.

use std::ops::Range;

use super::postings::Generation;
use crate::analysis::Analyzer;
use crate::format::form_of;
use crate::format::{
    from_gaps, Damage, FormPostings, GenerationPiece, PieceForm, PositionPiece, Postings, TermPiece,
};

/// Checks that `details` are the positions, forms and spellings of
/// `piece`'s terms: one list and spelling per term, as many positions as
/// its postings count, forms of its own terms, in order.
pub(super) fn check_details(
    piece: &GenerationPiece,
    details: &PositionPiece,
) -> Result<(), Damage> {
    let count = piece.postings.len();
    if details.positions.len() != count || details.spellings.len() != count {
        return Err(Damage::Unmatched {
            what: "one spelling and list of positions per term",
        });
    }
    for (postings, positions) in piece.postings.iter().zip(&details.positions) {
        let counted: u64 = postings.counts.iter().map(|&c| u64::from(c)).sum();
        if counted != positions.len() as u64 {
            return Err(Damage::Unmatched {
                what: "as many positions as counted",
            });
        }
    }
    let forms = &details.forms;
    if !forms
        .windows(2)
        .all(|w| (w[0].term, &w[0].form) < (w[1].term, &w[1].form))
    {
        return Err(Damage::OutOfOrder { what: "word forms" });
    }
    if let Some(form) = forms.iter().find(|f| f.term as usize >= count) {
        return Err(Damage::OutOfRange {
            what: "term of a word form",
            value: u64::from(form.term),
            limit: count as u64,
        });
    }
    Ok(())
}

/// A generation's part of a run: its piece (and position piece, once in),
/// and where the run's terms are in it.
struct Part<'a> {
    piece: &'a GenerationPiece,
    details: Option<&'a PositionPiece>,
    terms: Range<usize>,
}

/// The part of run `run` in each generation that has pieces; `None` while
/// one of them is not in.
fn parts(generations: &[Generation], run: usize) -> Option<Vec<Part<'_>>> {
    let with_pieces = generations.iter().filter(|g| !g.terms.is_empty());
    with_pieces
        .map(|generation| {
            let (at, within) = generation.piece_of(run)?;
            let piece = generation.terms.piece(at)?;
            let start: u32 = piece.run_terms.get(..within)?.iter().sum();
            let count = *piece.run_terms.get(within)?;
            Some(Part {
                piece,
                details: generation.positions.piece(at),
                terms: start as usize..(start + count) as usize,
            })
        })
        .collect()
}

/// The run's terms in order, each as its places: (part, term in the part's piece).
fn merged(parts: &[Part]) -> Vec<Vec<(usize, usize)>> {
    let mut all: Vec<(&str, usize, usize)> = Vec::new();
    for (number, part) in parts.iter().enumerate() {
        for local in part.terms.clone() {
            if let Some(term) = part.piece.terms.get(local) {
                all.push((term.as_str(), number, local));
            }
        }
    }
    crate::order::sort(&mut all);
    let mut terms: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut previous: Option<&str> = None;
    for (term, number, local) in all {
        if previous != Some(term) {
            terms.push(Vec::new());
        }
        previous = Some(term);
        terms.last_mut().expect("a term").push((number, local));
    }
    terms
}

/// `parts` of a term's postings, one after the other, with their
/// positions when given.
fn concat<'a>(parts: impl Iterator<Item = (&'a Postings, Option<&'a Vec<u32>>)>) -> Postings {
    let mut whole = Postings::default();
    let mut last = 0u32;
    for (postings, positions) in parts {
        let mut doc = 0u32;
        for (i, &gap) in postings.doc_gaps.iter().enumerate() {
            doc = doc.saturating_add(gap);
            // The first document of a part counts from 0: from the last one here.
            let gap = if i == 0 {
                doc.saturating_sub(last)
            } else {
                gap
            };
            whole.doc_gaps.push(gap);
        }
        last = doc;
        whole.counts.extend_from_slice(&postings.counts);
        whole.positions.extend(positions.into_iter().flatten());
    }
    whole
}

/// The postings of run `run` of `count` terms, once the piece of each
/// generation holding it is in: refused if their terms are not as many.
pub(super) fn postings(
    generations: &[Generation],
    run: usize,
    count: usize,
) -> Result<Option<TermPiece>, Damage> {
    let Some(parts) = parts(generations, run) else {
        return Ok(None);
    };
    let terms = merged(&parts);
    if terms.len() != count {
        return Err(Damage::Unmatched {
            what: "the terms of a run in each generation",
        });
    }
    let postings = (terms.iter())
        .map(|places| {
            concat(
                places
                    .iter()
                    .map(|&(p, local)| (&parts[p].piece.postings[local], None)),
            )
        })
        .collect();
    Ok(Some(TermPiece {
        postings,
        forms: Vec::new(),
        spellings: Vec::new(),
    }))
}

/// Run `run`, whose first term is number `first`, whole (postings,
/// positions, forms, spellings), once every generation's term and position
/// pieces holding it are in.
pub(super) fn positioned(
    generations: &[Generation],
    run: usize,
    first: u32,
    analyzer: &Analyzer,
) -> Result<Option<TermPiece>, Damage> {
    let Some(parts) = parts(generations, run) else {
        return Ok(None);
    };
    let Some(details) = parts.iter().map(|p| p.details).collect::<Option<Vec<_>>>() else {
        return Ok(None);
    };
    let mut whole = TermPiece::default();
    for (number, places) in merged(&parts).into_iter().enumerate() {
        let term = first + number as u32;
        let postings = places.iter().map(|&(p, local)| {
            (
                &parts[p].piece.postings[local],
                details[p].positions.get(local),
            )
        });
        whole.postings.push(concat(postings));
        // (A map sorted by form: the order of a whole index's forms.)
        let mut forms: Vec<(String, Vec<u32>)> = Vec::new();
        let mut offset = 0u32;
        for &(p, local) in &places {
            let count = parts[p].piece.postings[local].doc_frequency() as u32;
            let details = details[p];
            let listed = forms_of(&details.forms, local as u32);
            if listed.is_empty() {
                let spelling = details.spellings.get(local).map_or("", String::as_str);
                let indexes = crate::order::entry(&mut forms, form_of(spelling, analyzer));
                indexes.extend(offset..offset + count);
            }
            for form in listed {
                let indexes = crate::order::entry(&mut forms, form.form.clone());
                indexes.extend(from_gaps(&form.index_gaps).map(|i| i + offset));
            }
            offset += count;
        }
        if forms.len() > 1 {
            for (form, indexes) in forms {
                let index_gaps = FormPostings::new(term, indexes).index_gaps;
                whole.forms.push(PieceForm {
                    term,
                    form,
                    index_gaps,
                });
            }
        }
        // The spelling of the generation where the term is most often.
        let most = (places.iter()).max_by_key(|&&(p, local)| {
            let count = parts[p].piece.postings[local].doc_frequency();
            (count, std::cmp::Reverse(p))
        });
        let spelling = most.and_then(|&(p, local)| details[p].spellings.get(local));
        whole.spellings.push(spelling.cloned().unwrap_or_default());
    }
    let doc_count = generations.last().map_or(0, |g| g.docs.end);
    whole.validate(first, doc_count)?;
    Ok(Some(whole))
}

/// The postings of `term`, of run `run`, in `generations` alone (the last
/// ones: the newest documents), with its positions when every one of their
/// position pieces is in; `None` while one of their term pieces is not.
pub(super) fn among(generations: &[Generation], run: usize, term: &str) -> Option<Postings> {
    let parts = parts(generations, run)?;
    let positioned = parts.iter().all(|part| part.details.is_some());
    let places = parts.iter().filter_map(|part| {
        let local = part
            .terms
            .clone()
            .find(|&l| part.piece.terms.get(l).map(String::as_str) == Some(term))?;
        let positions = part.details.and_then(|d| d.positions.get(local));
        Some((
            part.piece.postings.get(local)?,
            positions.filter(|_| positioned),
        ))
    });
    Some(concat(places))
}

/// The forms listed for term `term` (its number in its piece) in `forms`.
fn forms_of(forms: &[PieceForm], term: u32) -> &[PieceForm] {
    let start = forms.partition_point(|f| f.term < term);
    let end = start + forms[start..].partition_point(|f| f.term == term);
    &forms[start..end]
}
