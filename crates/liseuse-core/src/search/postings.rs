//! Postings: where each term occurs, with its spelling and word forms, in
//! runs of terms. A whole index is one loaded run; a split one has a run per
//! term piece, loaded when a query needs it, and the word positions of each
//! run apart with its forms and spellings, loaded when a phrase needs them
//! or to refine the ranking.

use crate::format::{Damage, PieceForm, PositionPiece, Postings, TermPiece};
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
    /// The postings of each run, as its term piece has them (without word
    /// positions in a split index; with them in a whole one).
    runs: Slots<TermPiece>,
    /// The positions, forms and spellings of each run that came before its
    /// postings, waiting for them (a split index; none in a whole one).
    positions: Slots<PositionPiece>,
    /// Each run whose postings and details are both in: its term piece whole.
    positioned: Slots<TermPiece>,
}

impl PostingStore {
    /// Every term's postings, loaded, positions included: a whole index.
    pub fn whole(piece: TermPiece) -> Self {
        PostingStore {
            runs: Slots::whole(piece),
            ..Self::default()
        }
    }

    /// Runs starting at the term numbers `firsts`, none loaded yet, their
    /// postings and their positions apart.
    pub fn split(firsts: &[u32]) -> Self {
        PostingStore {
            runs: Slots::new(firsts.iter().copied()),
            positions: Slots::new(firsts.iter().copied()),
            positioned: Slots::new(firsts.iter().copied()),
        }
    }

    /// The piece of `term` with the most in it (its positions, forms and
    /// spellings once they are in), and the term's place in it.
    fn entry(&self, term: usize) -> Option<(&TermPiece, usize)> {
        (self.positioned.entry(term)).or_else(|| self.runs.entry(term))
    }

    /// The postings of `term`, with positions once they are in; none when
    /// its piece is not loaded.
    pub fn postings(&self, term: usize) -> &Postings {
        (self.entry(term))
            .and_then(|(piece, at)| piece.postings.get(at))
            .unwrap_or(&NO_POSTINGS)
    }

    /// Whether the positions of run `run` are in (with its postings, or
    /// waiting for them).
    fn has_positions(&self, run: usize) -> bool {
        self.positioned.is_loaded(run) || self.positions.is_loaded(run)
    }

    /// The runs whose word positions `terms` need and that are not loaded,
    /// by number, ascending (none in a whole index).
    pub fn missing_positions_for(&self, terms: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let missing = self.positioned.missing_for(terms).into_iter();
        missing.filter(|&run| !self.has_positions(run)).collect()
    }

    /// The runs whose positions are not loaded yet, by number.
    pub fn unloaded_positions(&self) -> Vec<usize> {
        (0..self.positioned.len())
            .filter(|&run| !self.has_positions(run))
            .collect()
    }

    /// Loads the positions of run `number` (once). Positions that are not
    /// those of the run's postings (as many per term and document as they
    /// count) are refused: at once when the postings are in, else when they
    /// come (until then the positions wait, apart).
    pub fn add_positions(
        &self,
        number: usize,
        piece: PositionPiece,
        doc_count: u32,
    ) -> Result<(), Damage> {
        if self.positioned.first(number).is_none() {
            return Err(Damage::NotOurs);
        }
        if (self.runs.count(number)).is_some_and(|count| count != piece.positions.len()) {
            return Err(Damage::OtherItems);
        }
        match self.runs.piece(number) {
            Some(postings) => {
                let whole = self.detailed(number, postings, &piece, doc_count)?;
                self.positioned.set(number, whole);
            }
            None => self.positions.set(number, piece),
        }
        Ok(())
    }

    /// Run `number`'s term piece whole again: `postings` with the
    /// positions, forms and spellings of `details`, checked.
    fn detailed(
        &self,
        number: usize,
        postings: &TermPiece,
        details: &PositionPiece,
        doc_count: u32,
    ) -> Result<TermPiece, Damage> {
        if postings.postings.len() != details.positions.len() {
            return Err(Damage::OtherItems);
        }
        let mut whole = postings.clone();
        for (postings, positions) in whole.postings.iter_mut().zip(&details.positions) {
            let counted: u64 = postings.counts.iter().map(|&c| u64::from(c)).sum();
            if counted != positions.len() as u64 {
                return Err(Damage::Unmatched {
                    what: "as many positions as counted",
                });
            }
            postings.positions = positions.clone();
        }
        whole.forms = details.forms.clone();
        whole.spellings = details.spellings.clone();
        if whole.spellings.len() != whole.postings.len() {
            return Err(Damage::Unmatched {
                what: "one spelling per term",
            });
        }
        let first = self.runs.first(number).unwrap_or_default();
        whole.validate(first, doc_count)?;
        Ok(whole)
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
        self.runs.missing_for(terms)
    }

    /// The runs not loaded yet, by number.
    pub fn unloaded(&self) -> Vec<usize> {
        self.runs.unloaded()
    }

    /// Whether every run is loaded, with its positions.
    pub fn all_loaded(&self) -> bool {
        self.runs.all_loaded() && self.unloaded_positions().is_empty()
    }

    /// Loads run `number` (once; later calls change nothing). A piece that
    /// is not valid for its place (see [`TermPiece::validate`]) is refused.
    pub fn add(&self, number: usize, piece: TermPiece, doc_count: u32) -> Result<(), Damage> {
        let Some(first) = self.runs.first(number) else {
            return Err(Damage::NotOurs);
        };
        piece.validate(first, doc_count)?;
        if self
            .runs
            .count(number)
            .is_some_and(|count| count != piece.postings.len())
        {
            return Err(Damage::OtherItems);
        }
        let apart = !self.positioned.is_empty();
        let detailed = !(piece.postings.iter()).all(|p| p.positions.is_empty())
            || !piece.forms.is_empty()
            || !piece.spellings.is_empty();
        if apart && detailed {
            return Err(Damage::DetailsApart);
        }
        self.runs.set(number, piece);
        // Positions that came first, waiting for these postings.
        if let (Some(postings), Some(details)) =
            (self.runs.piece(number), self.positions.piece(number))
        {
            if !self.positioned.is_loaded(number) {
                let whole = self.detailed(number, postings, details, doc_count)?;
                self.positioned.set(number, whole);
            }
        }
        Ok(())
    }
}
