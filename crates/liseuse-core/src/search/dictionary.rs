//! Dictionary lookup: which term number a word has, which terms a prefix
//! begins, and every term for corrections. A whole index is one loaded run
//! of terms; a split one has runs that load when a query needs them. A
//! lookup says found, absent or not loaded, and [`Lookups`] records the runs
//! it found not loaded itself, so that the planner never deals with pieces.

use crate::order::SortedSet;
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use crate::format::{Damage, DictionaryPiece};
use crate::pieces::Slots;

/// The terms, in runs, loaded or not.
#[derive(Clone, Debug, Default)]
pub(super) struct Dictionary {
    runs: Slots<DictionaryPiece>,
    /// The first term of each run: the run holds the terms from it to the
    /// next run's first.
    first_terms: Vec<String>,
    /// What corrections scan, built once every run is in.
    typos: OnceLock<TypoIndex>,
}

/// The terms arranged for corrections.
#[derive(Clone, Debug, Default)]
pub(super) struct TypoIndex {
    /// Term numbers by the byte length of the term: corrections only compare
    /// a word with the terms of about its length.
    pub by_length: Vec<Vec<u32>>,
    /// The [`letters`] of each term: a quicker test than counting edits.
    pub letters: Vec<u32>,
}

impl Dictionary {
    /// Every term, loaded: a whole index.
    pub fn whole(piece: DictionaryPiece) -> Self {
        Dictionary {
            runs: Slots::whole(piece),
            first_terms: vec![String::new()],
            typos: OnceLock::new(),
        }
    }

    /// Runs starting at `(term number, first term)`, none loaded yet.
    pub fn split(runs: Vec<(u32, String)>) -> Self {
        let (firsts, first_terms): (Vec<u32>, Vec<String>) = runs.into_iter().unzip();
        Dictionary {
            runs: Slots::new(firsts),
            first_terms,
            typos: OnceLock::new(),
        }
    }

    /// The run of term number `number` and its place in it, if loaded.
    fn entry(&self, number: usize) -> Option<(&DictionaryPiece, usize)> {
        self.runs.entry(number)
    }

    /// Term number `number` (empty when its run is not loaded).
    pub fn term(&self, number: usize) -> &str {
        self.entry(number)
            .and_then(|(piece, at)| piece.terms.get(at))
            .map_or("", String::as_str)
    }

    /// Whether term number `number` is a name.
    pub fn is_name(&self, number: usize) -> bool {
        self.entry(number)
            .and_then(|(piece, at)| piece.names.get(at).copied())
            .unwrap_or(false)
    }

    /// The number of documents term number `number` occurs in.
    pub fn doc_frequency(&self, number: usize) -> usize {
        self.entry(number)
            .and_then(|(piece, at)| piece.doc_frequencies.get(at))
            .map_or(0, |&df| df as usize)
    }

    /// The number of the run where `term` is, if anywhere.
    fn run_of(&self, term: &str) -> usize {
        let after = (self.first_terms).partition_point(|first| first.as_str() <= term);
        after.saturating_sub(1)
    }

    /// The runs not loaded yet, by number.
    pub fn unloaded(&self) -> Vec<usize> {
        self.runs.unloaded()
    }

    /// Whether every run is loaded.
    pub fn all_loaded(&self) -> bool {
        self.runs.all_loaded()
    }

    /// Loads run `number` (once; later calls change nothing). A piece whose
    /// terms are not the run expected (another piece's, or out of order) is
    /// refused.
    pub fn add(&self, number: usize, piece: DictionaryPiece) -> Result<(), Damage> {
        let Some(first_term) = self.first_terms.get(number) else {
            return Err(Damage::NotOurs);
        };
        piece.validate()?;
        let next_term = self.first_terms.get(number + 1);
        let fits = piece.terms.first() == Some(first_term)
            && self
                .runs
                .count(number)
                .is_none_or(|count| piece.terms.len() == count)
            && next_term.is_none_or(|next| piece.terms.last() < Some(next));
        if !fits {
            return Err(Damage::OtherItems);
        }
        self.runs.set(number, piece);
        Ok(())
    }
}

/// The lookups of one reading of a query: answers from the [`Dictionary`],
/// and the runs it needed and lacked, recorded as they are met.
pub(super) struct Lookups<'a> {
    dictionary: &'a Dictionary,
    missing: RefCell<SortedSet<usize>>,
    /// How many lookups met a run not loaded (with repeats): a word knows
    /// whether its own lookups lacked one by comparing before and after.
    misses: Cell<usize>,
}

impl<'a> Lookups<'a> {
    pub fn new(dictionary: &'a Dictionary) -> Self {
        Lookups {
            dictionary,
            missing: RefCell::new(SortedSet::new()),
            misses: Cell::new(0),
        }
    }

    fn lack(&self, run: usize) {
        self.missing.borrow_mut().insert(run);
        self.misses.set(self.misses.get() + 1);
    }

    /// The runs the lookups so far needed and lacked, by number.
    pub fn missing(&self) -> Vec<usize> {
        self.missing.borrow().iter().copied().collect()
    }

    /// A count that grows whenever a lookup meets a run not loaded.
    pub fn misses(&self) -> usize {
        self.misses.get()
    }

    /// The number of `term`; `None` when the dictionary has no such term,
    /// or when the run that would hold it is not loaded (then recorded).
    pub fn number(&self, term: &str) -> Option<usize> {
        let runs = &self.dictionary.runs;
        let run = self.dictionary.run_of(term);
        let first = runs.first(run)?;
        let Some(piece) = runs.piece(run) else {
            self.lack(run);
            return None;
        };
        let at = piece
            .terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()?;
        Some(first as usize + at)
    }

    /// The numbers of the terms that begin with `prefix`; none when one of
    /// the runs that may hold them is not loaded (then recorded).
    pub fn prefixed(&self, prefix: &str) -> Vec<usize> {
        let runs = &self.dictionary.runs;
        let first = self.dictionary.run_of(prefix);
        // The runs after the first hold some of them if they begin with one.
        let more = (self.dictionary.first_terms.iter().skip(first + 1))
            .take_while(|first_term| first_term.starts_with(prefix))
            .count();
        let mut numbers = Vec::new();
        let mut complete = true;
        for run in (first..runs.len()).take(1 + more) {
            let (Some(piece), Some(run_first)) = (runs.piece(run), runs.first(run)) else {
                self.lack(run);
                complete = false;
                continue;
            };
            let terms = &piece.terms;
            let start = terms.partition_point(|t| t.as_str() < prefix);
            let end = start + terms[start..].partition_point(|t| t.starts_with(prefix));
            numbers.extend((start..end).map(|at| run_first as usize + at));
        }
        if !complete {
            numbers.clear();
        }
        numbers
    }

    /// Every term arranged for corrections; `None` until every run is
    /// loaded (those that are not are recorded).
    pub fn typo_index(&self) -> Option<&'a TypoIndex> {
        let dictionary = self.dictionary;
        if let Some(typos) = dictionary.typos.get() {
            return Some(typos);
        }
        let unloaded = dictionary.unloaded();
        if !unloaded.is_empty() {
            unloaded.into_iter().for_each(|run| self.lack(run));
            return None;
        }
        Some(dictionary.typos.get_or_init(|| {
            let mut typos = TypoIndex::default();
            let terms = (0..dictionary.runs.len()).filter_map(|run| dictionary.runs.piece(run));
            for (number, term) in terms.flat_map(|piece| &piece.terms).enumerate() {
                typos.letters.push(letters(term));
                if typos.by_length.len() <= term.len() {
                    typos.by_length.resize(term.len() + 1, Vec::new());
                }
                typos.by_length[term.len()].push(number as u32);
            }
            typos
        }))
    }
}

/// Which letters `word` has, one bit each for `a` to `z`, one for any digit
/// and one for any other byte.
pub(super) fn letters(word: &str) -> u32 {
    word.bytes().fold(0, |set, byte| {
        set | match byte {
            b'a'..=b'z' => 1 << (byte - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 1 << 27,
        }
    })
}
