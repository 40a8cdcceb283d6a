//! Postings: where each term occurs, with its spelling and word forms, in
//! runs of terms. A whole index is one loaded run. A split one has its
//! postings in [generations](crate::format::Generation), each with term
//! pieces of one or more runs and, apart, their word positions, forms and
//! spellings: a run is searched once the piece of each generation that
//! holds it is in ([`super::assemble`] puts their parts together), and
//! refined once their positions are too.

use std::ops::Range;

use super::assemble;
use crate::analysis::Analyzer;
use crate::format::{Damage, GenerationPiece, PieceForm, PositionPiece, Postings, TermPiece};
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
    /// The postings of each run, once in (without word positions in a split
    /// index; with them in a whole one).
    runs: Slots<TermPiece>,
    /// How many terms each run holds (a split index).
    run_terms: Vec<u32>,
    /// Each run whose postings and details are both in: its term piece whole.
    positioned: Slots<TermPiece>,
    /// The generations of a split index, with their pieces as they came.
    generations: Vec<Generation>,
    /// How the index was analysed: the form a spelling is.
    analyzer: Analyzer,
}

/// A generation's pieces, by first run.
#[derive(Clone, Debug, Default)]
pub(super) struct Generation {
    /// Its documents.
    pub docs: Range<u32>,
    /// The number, among every generation's pieces, of its first piece.
    offset: usize,
    /// Its term pieces.
    pub terms: Slots<GenerationPiece>,
    /// Its position pieces, one per term piece.
    pub positions: Slots<PositionPiece>,
}

impl Generation {
    /// Its piece holding run `run`, and how many runs from its first that is.
    pub fn piece_of(&self, run: usize) -> Option<(usize, usize)> {
        let piece = self.terms.run_of(run)?;
        Some((piece, run - self.terms.first(piece)? as usize))
    }
}

impl PostingStore {
    /// Every term's postings, loaded, positions included: a whole index.
    pub fn whole(piece: TermPiece) -> Self {
        PostingStore {
            runs: Slots::whole(piece),
            ..Self::default()
        }
    }

    /// Runs of `run_terms` terms each, none loaded yet, in `generations`
    /// (their documents, and the first run of each of their pieces), whose
    /// first piece is number `first_piece` among the index's term pieces.
    pub fn split(
        run_terms: Vec<u32>,
        generations: Vec<(Range<u32>, Vec<u32>)>,
        first_piece: usize,
        analyzer: Analyzer,
    ) -> Self {
        let mut first = 0u32;
        let firsts: Vec<u32> = (run_terms.iter())
            .map(|&count| {
                let at = first;
                first = first.saturating_add(count);
                at
            })
            .collect();
        let mut offset = first_piece;
        let generations = (generations.into_iter())
            .map(|(docs, firsts)| {
                let generation = Generation {
                    docs,
                    offset,
                    terms: Slots::new(firsts.iter().copied()),
                    positions: Slots::new(firsts),
                };
                offset += generation.terms.len();
                generation
            })
            .collect();
        PostingStore {
            runs: Slots::new(firsts.iter().copied()),
            positioned: Slots::new(firsts),
            run_terms,
            generations,
            analyzer,
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

    /// The pieces, by number among every generation's, that `runs` need
    /// in the generations from number `skip` on and that are not loaded:
    /// term pieces, or position pieces.
    fn pieces_for(&self, runs: Vec<usize>, terms: bool, skip: usize) -> Vec<usize> {
        let mut pieces: Vec<usize> = Vec::new();
        for run in runs {
            for generation in self.generations.iter().skip(skip) {
                let Some((piece, _)) = generation.piece_of(run) else {
                    continue;
                };
                let loaded = if terms {
                    generation.terms.is_loaded(piece)
                } else {
                    generation.positions.is_loaded(piece)
                };
                if !loaded {
                    pieces.push(generation.offset + piece);
                }
            }
        }
        crate::order::sort_dedup(&mut pieces);
        pieces
    }

    /// Whether the postings are in generations (a split index).
    pub fn is_split(&self) -> bool {
        !self.generations.is_empty()
    }

    /// The number of the first generation holding documents from `from` on.
    fn first_generation_from(&self, from: u32) -> usize {
        (self.generations.iter())
            .position(|g| g.docs.end > from)
            .unwrap_or(self.generations.len())
    }

    /// The term pieces (or, with `positions`, position pieces) that `terms`
    /// need in the documents from `from` on, not loaded: those of the
    /// generations holding these documents only.
    pub fn missing_among(
        &self,
        terms: impl IntoIterator<Item = usize>,
        from: u32,
        positions: bool,
    ) -> Vec<usize> {
        let slots = if positions {
            &self.positioned
        } else {
            &self.runs
        };
        let skip = self.first_generation_from(from);
        self.pieces_for(slots.missing_for(terms), !positions, skip)
    }

    /// The postings of `terms` (their numbers and words) in the documents
    /// of the generations holding those from `from` on, positions included
    /// where they are in: a store of these alone, from those generations'
    /// pieces; `None` while one of those term pieces is not in.
    pub fn among(&self, terms: &[(usize, &str)], from: u32) -> Option<PostingStore> {
        let generations = &self.generations[self.first_generation_from(from)..];
        let mut terms = terms.to_vec();
        crate::order::sort_dedup(&mut terms);
        let runs = Slots::new(terms.iter().map(|&(term, _)| term as u32));
        for (at, &(term, word)) in terms.iter().enumerate() {
            let postings = assemble::among(generations, self.runs.run_of(term)?, word)?;
            let piece = TermPiece {
                postings: vec![postings],
                ..TermPiece::default()
            };
            runs.set(at, piece);
        }
        Some(PostingStore {
            runs,
            analyzer: self.analyzer,
            ..PostingStore::default()
        })
    }

    /// The term pieces not loaded yet, by number.
    pub fn unloaded(&self) -> Vec<usize> {
        self.unloaded_of(|generation| generation.terms.unloaded())
    }

    /// The position pieces not loaded yet, by number.
    pub fn unloaded_positions(&self) -> Vec<usize> {
        self.unloaded_of(|generation| generation.positions.unloaded())
    }

    /// The pieces `unloaded` says of each generation, by number among
    /// every generation's.
    fn unloaded_of(&self, unloaded: impl Fn(&Generation) -> Vec<usize>) -> Vec<usize> {
        let each = self.generations.iter().map(|g| (g.offset, unloaded(g)));
        each.flat_map(|(offset, pieces)| pieces.into_iter().map(move |p| offset + p))
            .collect()
    }

    /// Whether every run is loaded, with its positions.
    pub fn all_loaded(&self) -> bool {
        self.runs.all_loaded() && self.positioned.all_loaded()
    }

    /// The generation of piece `number` (among every generation's), and
    /// the piece's number in it.
    fn locate(&self, number: usize) -> Option<(&Generation, usize)> {
        let generation = (self.generations.iter())
            .take_while(|g| g.offset <= number)
            .last()?;
        let piece = number - generation.offset;
        (piece < generation.terms.len()).then_some((generation, piece))
    }

    /// The runs piece `piece` of `generation` holds.
    fn runs_of(&self, generation: &Generation, piece: usize) -> Range<usize> {
        let first = generation.terms.first(piece).unwrap_or_default() as usize;
        let end = (generation.terms.first(piece + 1)).map_or(self.run_terms.len(), |f| f as usize);
        first..end
    }

    /// Loads term piece `number` (once; later calls change nothing), and
    /// puts together the runs it completes. A piece that is not valid for
    /// its place (see [`GenerationPiece::validate`]), or that does not
    /// match its position piece or the other generations', is refused.
    pub fn add(&self, number: usize, piece: GenerationPiece) -> Result<(), Damage> {
        let (generation, at) = self.locate(number).ok_or(Damage::NotOurs)?;
        let runs = self.runs_of(generation, at);
        piece.validate(runs.len(), generation.docs.clone())?;
        if let Some(details) = generation.positions.piece(at) {
            assemble::check_details(&piece, details)?;
        }
        generation.terms.set(at, piece);
        self.assemble(runs)
    }

    /// Loads the positions of term piece `number` (once). Positions that
    /// are not those of the piece's postings (as many per term and document
    /// as they count) are refused: at once when the postings are in, else
    /// when they come (until then the positions wait, apart).
    pub fn add_positions(&self, number: usize, piece: PositionPiece) -> Result<(), Damage> {
        let (generation, at) = self.locate(number).ok_or(Damage::NotOurs)?;
        if let Some(postings) = generation.terms.piece(at) {
            assemble::check_details(postings, &piece)?;
        }
        generation.positions.set(at, piece);
        self.assemble(self.runs_of(generation, at))
    }

    /// Puts together each of `runs` whose pieces are all in: its postings,
    /// then its positions, forms and spellings.
    fn assemble(&self, runs: Range<usize>) -> Result<(), Damage> {
        for run in runs {
            let first = self.runs.first(run).unwrap_or_default();
            let count = self.run_terms.get(run).copied().unwrap_or_default() as usize;
            if !self.runs.is_loaded(run) {
                if let Some(piece) = assemble::postings(&self.generations, run, count)? {
                    self.runs.set(run, piece);
                }
            }
            if !self.positioned.is_loaded(run) {
                let whole = assemble::positioned(&self.generations, run, first, &self.analyzer);
                if let Some(whole) = whole? {
                    self.positioned.set(run, whole);
                }
            }
        }
        Ok(())
    }
}
