//! Postings: where each term occurs, with its spelling and word forms, in
//! runs of terms. A whole index is one loaded run; a split one has a run per
//! term piece, loaded when a query needs it.

use crate::format::{PieceForm, Postings, TermPiece};
use crate::pieces::Slots;

/// The postings of a term whose piece is not loaded.
static NO_POSTINGS: Postings = Postings {
    doc_gaps: Vec::new(),
    counts: Vec::new(),
    positions: Vec::new(),
};

/// The runs of terms' postings, loaded or not.
#[derive(Clone, Debug, Default)]
pub(super) struct PostingStore {
    runs: Slots<TermPiece>,
}

impl PostingStore {
    /// Every term's postings, loaded: a whole index.
    pub fn whole(piece: TermPiece) -> Self {
        PostingStore {
            runs: Slots::whole(piece),
        }
    }

    /// Runs starting at the term numbers `firsts`, none loaded yet.
    pub fn split(firsts: &[u32]) -> Self {
        PostingStore {
            runs: Slots::new(firsts.iter().copied()),
        }
    }

    /// The postings of `term`; none when its piece is not loaded.
    pub fn postings(&self, term: usize) -> &Postings {
        self.runs
            .entry(term)
            .and_then(|(piece, at)| piece.postings.get(at))
            .unwrap_or(&NO_POSTINGS)
    }

    /// How `term` is written (the most frequent form, accents included),
    /// once its piece is loaded.
    pub fn spelling(&self, term: usize) -> Option<&str> {
        let (piece, at) = self.runs.entry(term)?;
        piece.spellings.get(at).map(String::as_str)
    }

    /// The word forms of `term`'s piece (by term, then form), if it is loaded.
    pub fn forms(&self, term: usize) -> &[PieceForm] {
        self.runs.entry(term).map_or(&[], |(piece, _)| &piece.forms)
    }

    /// The runs that hold `terms` and are not loaded, by number, ascending.
    pub fn missing_for(&self, terms: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut runs: Vec<usize> = (terms.into_iter())
            .filter_map(|term| self.runs.run_of(term))
            .filter(|&run| !self.runs.is_loaded(run))
            .collect();
        runs.sort_unstable();
        runs.dedup();
        runs
    }

    /// The runs not loaded yet, by number.
    pub fn unloaded(&self) -> Vec<usize> {
        self.runs.unloaded()
    }

    /// Whether every run is loaded.
    pub fn all_loaded(&self) -> bool {
        self.runs.all_loaded()
    }

    /// Loads run `number` (once; later calls change nothing). A piece that
    /// is not valid for its place (see [`TermPiece::validate`]) is refused.
    pub fn add(&self, number: usize, piece: TermPiece, doc_count: u32) -> Result<(), String> {
        let Some(first) = self.runs.first(number) else {
            return Err(format!("no term piece {number}"));
        };
        piece.validate(first, doc_count)?;
        if self
            .runs
            .count(number)
            .is_some_and(|count| count != piece.postings.len())
        {
            return Err(format!(
                "term piece {number} holds other terms than expected"
            ));
        }
        self.runs.set(number, piece);
        Ok(())
    }
}
