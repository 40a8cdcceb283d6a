//! Postings: where each term occurs, with its spelling and word forms, in
//! runs of terms. A whole index is one loaded run; a split one has a run per
//! term piece, loaded when a query needs it.

use std::sync::OnceLock;

use crate::format::{PieceForm, Postings, TermPiece};

/// The postings of a term whose piece is not loaded.
static NO_POSTINGS: Postings = Postings {
    doc_gaps: Vec::new(),
    counts: Vec::new(),
    positions: Vec::new(),
};

/// The runs of terms' postings, loaded or not.
#[derive(Clone, Debug, Default)]
pub(super) struct PostingStore {
    slots: Vec<Slot>,
}

/// A run of terms' postings, loaded or not.
#[derive(Clone, Debug, Default)]
struct Slot {
    /// Its first term number.
    first: u32,
    piece: OnceLock<TermPiece>,
}

impl PostingStore {
    /// Every term's postings, loaded: a whole index.
    pub fn whole(piece: TermPiece) -> Self {
        PostingStore {
            slots: vec![Slot {
                first: 0,
                piece: OnceLock::from(piece),
            }],
        }
    }

    /// Runs starting at the term numbers `firsts`, none loaded yet.
    pub fn split(firsts: &[u32]) -> Self {
        let slots = (firsts.iter())
            .map(|&first| Slot {
                first,
                piece: OnceLock::new(),
            })
            .collect();
        PostingStore { slots }
    }

    /// The number of the run that holds `term`'s postings.
    fn run_of(&self, term: usize) -> usize {
        let after = (self.slots).partition_point(|slot| slot.first as usize <= term);
        after.saturating_sub(1)
    }

    /// The loaded piece of `term`, with the term's place in it.
    fn entry(&self, term: usize) -> Option<(&TermPiece, usize)> {
        let slot = self.slots.get(self.run_of(term))?;
        Some((slot.piece.get()?, term.checked_sub(slot.first as usize)?))
    }

    /// The postings of `term`; none when its piece is not loaded.
    pub fn postings(&self, term: usize) -> &Postings {
        self.entry(term)
            .and_then(|(piece, at)| piece.postings.get(at))
            .unwrap_or(&NO_POSTINGS)
    }

    /// How `term` is written (the most frequent form, accents included),
    /// once its piece is loaded.
    pub fn spelling(&self, term: usize) -> Option<&str> {
        let (piece, at) = self.entry(term)?;
        piece.spellings.get(at).map(String::as_str)
    }

    /// The word forms of `term`'s piece (by term, then form), if it is loaded.
    pub fn forms(&self, term: usize) -> &[PieceForm] {
        self.entry(term).map_or(&[], |(piece, _)| &piece.forms)
    }

    /// The runs that hold `terms` and are not loaded, by number, ascending.
    pub fn missing_for(&self, terms: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut runs: Vec<usize> = (terms.into_iter())
            .map(|term| self.run_of(term))
            .filter(|&run| self.slots.get(run).is_some_and(|s| s.piece.get().is_none()))
            .collect();
        runs.sort_unstable();
        runs.dedup();
        runs
    }

    /// The runs not loaded yet, by number.
    pub fn unloaded(&self) -> Vec<usize> {
        (0..self.slots.len())
            .filter(|&n| self.slots[n].piece.get().is_none())
            .collect()
    }

    /// Loads run `number` (once; later calls change nothing). A piece that
    /// is not valid for its place (see [`TermPiece::validate`]) is refused.
    pub fn add(&self, number: usize, piece: TermPiece, doc_count: u32) -> Result<(), String> {
        let Some(slot) = self.slots.get(number) else {
            return Err(format!("no term piece {number}"));
        };
        piece.validate(slot.first, doc_count)?;
        if let Some(next) = self.slots.get(number + 1) {
            if (next.first - slot.first) as usize != piece.postings.len() {
                return Err(format!(
                    "term piece {number} holds other terms than expected"
                ));
            }
        }
        let _ = slot.piece.set(piece);
        Ok(())
    }
}
