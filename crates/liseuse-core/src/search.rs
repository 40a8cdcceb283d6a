//! The query engine: reads a query with [`analyze`](crate::analyze) and ranks articles with BM25F.
//!
//! Each query word is matched against a set of index terms, each with a
//! weight: its own term (1.0); while it is being typed, every term it begins
//! ([`PREFIX_WEIGHT`]); once it is finished, its synonyms ([`SYNONYM_WEIGHT`])
//! and the terms that begin like it ([`RELATED_WEIGHT`]); and when it has no
//! term of its own, the terms one or two typos away ([`TYPO_WEIGHT`] per edit).
//! Names weigh more ([`NAME_WEIGHT`]) and the words that only frame a question
//! less ([`FRAMING_WEIGHT`]). An article's score for that word is the best
//! weighted BM25F score among those terms, plus a share ([`FORM_WEIGHT`]) for
//! the very form typed; the article's score is the sum over words. Articles
//! with all the words come first, then the others, each by score. Phrases and
//! exclusions filter the articles, and the best are re-ranked by how close
//! their query words stand ([`PROXIMITY_WEIGHT`]), using
//! the word positions stored in the index.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use std::collections::{BTreeMap, HashMap};

use crate::analysis::{fold, words, Analyzer};
use crate::format::{
    from_gaps, DictionaryPiece, Field, PieceForm, Posting, Postings, SearchIndex, TermPiece,
    FIELD_COUNT,
};
use crate::query::{parse, Part, PartKind};
use crate::question::framing_words;
use crate::synonyms::GROUPS;
use crate::typo::{allowed_typos, distance_within, MAX_CORRECTIONS, TYPO_WEIGHT};

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

/// Only the first this many bytes of a query are read (cut at a character
/// boundary): bounds the phrases and exclusions of pasted text too.
pub const MAX_QUERY_BYTES: usize = 1024;

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

/// Share of a word's score added again for the very form typed: "armées" finds
/// every form of "armée", and the articles that say "armées" above the others.
/// (MRR@10 on PIAF +0.009.) Range 0.0..=1.0; at 0.0 only the stem matters.
pub const FORM_WEIGHT: f32 = 0.5;

/// Weight of a name (a term mostly written with a capital inside sentences:
/// "Gesualdo", "Bakou") relative to other words: names single out the
/// article a reader has in mind. (MRR@10 on PIAF +0.002.) Range 1.0..=2.0.
pub const NAME_WEIGHT: f32 = 1.25;

/// Weight of the words that frame a question rather than its topic ("quelle
/// **année**", "comment s'**appelle**"; see [`crate::question`]): the answer holds a
/// year or a name instead. (MRR@10 on PIAF +0.005.) Range 0.0..=1.0; at 1.0
/// questions are read like keywords.
pub const FRAMING_WEIGHT: f32 = 0.5;

/// Weight of the terms that begin with the same [`RELATED_PREFIX_CHARS`]
/// letters as a finished query word: related words a stemmer does not join
/// ("disparu", "disparition", "disparaîtra"). (MRR@10 on PIAF +0.004.)
/// Range 0.0..=[`PREFIX_WEIGHT`]; at 0.0 only the word's own stem matches.
pub const RELATED_WEIGHT: f32 = 0.5;

/// How many first letters a word shares with its related words; only longer
/// words have related words. Below 5 unrelated words creep in (MRR@10 on PIAF
/// −0.004 at 4); above 6 few derivations are found.
pub const RELATED_PREFIX_CHARS: usize = 6;

/// At most this many related words of a query word are searched, the most
/// frequent first: in a large collection a six-letter beginning is shared by
/// dozens of terms, and each costs a postings scan (p95 of questions on 34,000
/// articles 47 -> 28 ms at 8 instead of 64; PIAF's MRR@10 is the same).
pub const MAX_RELATED_TERMS: usize = 8;

/// Weight of the other words of a word's synonym group (see [`crate::synonyms`]):
/// "décès" finds "mort", below the articles that say "décès".
/// (MRR@10 on PIAF +0.003.) Range 0.0..=[`RELATED_WEIGHT`].
pub const SYNONYM_WEIGHT: f32 = 0.4;

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

/// One article found by a query.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The article's document number.
    pub doc: u32,
    /// Whether it has every word of the query: such articles come first.
    pub all_words: bool,
    /// Its relevance score; only the order of scores means something.
    pub score: f32,
}

impl Hit {
    /// Best first: articles with all the words, then by score, then in collection order.
    fn rank(a: &Hit, b: &Hit) -> std::cmp::Ordering {
        b.all_words
            .cmp(&a.all_words)
            .then(b.score.total_cmp(&a.score))
            .then(a.doc.cmp(&b.doc))
    }
}

/// What a query found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Articles found, best first.
    pub hits: Vec<Hit>,
    /// Total number of articles that matched, of which `hits` holds the best.
    pub total: usize,
    /// Every index term the query matched, corrections and completions
    /// included: what snippets and the reader highlight.
    pub terms: BTreeSet<String>,
    /// When nothing matched: the query with its unknown words replaced by the
    /// closest words of the collection, if there are any.
    pub suggestion: Option<String>,
    /// The query has words, but only words too common to search ("il y a",
    /// "qui sont les"): nothing was searched, and a reader should add a word.
    pub common_words_only: bool,
}

/// A query word and the index terms it stands for.
#[derive(Clone, Debug, Default, PartialEq)]
struct QueryWord {
    /// `(term number, weight)` pairs.
    candidates: Vec<(usize, f32)>,
    /// Where the form typed (see [`crate::Token::form`]) occurs, with its
    /// weight, when the index has it.
    form: Option<(FormMatch, f32)>,
    /// Candidates from this one on (synonyms, related words) stand for other
    /// words: an article found only through them does not have this word for
    /// the all-words tier (MRR@10 on PIAF −0.0002, and "all the words" keeps
    /// meaning the words typed).
    loose_from: usize,
}

impl QueryWord {
    /// Adds a candidate term, unless the word already stands for it.
    fn add(&mut self, term: usize, weight: f32) {
        if !self.candidates.iter().any(|&(t, _)| t == term) {
            self.candidates.push((term, weight));
        }
    }
}

/// Where the form typed of a query word occurs.
#[derive(Clone, Debug, PartialEq)]
enum FormMatch {
    /// In these entries of [`SearchIndex::forms`] (one per language whose term has it).
    Forms(std::ops::Range<usize>),
    /// In a split index, in these `(term, entry)` of its terms' pieces' [`TermPiece::forms`].
    InPieces(Vec<(usize, usize)>),
    /// Wherever this term, written in this form only, occurs.
    Term(usize),
}

/// A sequence of terms that must stand at these distances from each other:
/// `(term number, position relative to the first)`.
type Sequence = Vec<(usize, u32)>;

/// What a query asks of the index, once read.
#[derive(Debug, Default)]
struct Plan {
    /// Words to score; an article's share of them weighs on its rank.
    words: Vec<QueryWord>,
    /// Phrases every result must contain (each in any of its languages' forms).
    phrases: Vec<Vec<Sequence>>,
    /// Words or phrases no result may contain (in any of their forms).
    excluded: Vec<Vec<Sequence>>,
    /// A phrase has a word the index lacks: nothing can match.
    impossible: bool,
    /// Byte ranges of the query's words that matched no term, for suggestions.
    unknown: Vec<std::ops::Range<usize>>,
    /// The dictionary pieces the query looked a word up in and that are not
    /// loaded: until they are, the plan lacks that word's terms.
    missing: Missing,
}

/// Dictionary pieces (by number) a reading of the query needed and lacked.
type Missing = BTreeSet<usize>;

/// The pieces a query needs that are not loaded yet, by number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needed {
    /// Dictionary pieces: once they are in, the query may need more pieces.
    pub dictionary: Vec<usize>,
    /// Term pieces (postings).
    pub terms: Vec<usize>,
}

/// The inverted index, ready to answer queries.
#[derive(Clone, Debug)]
pub struct Searcher {
    /// The index, without its terms, names and postings: they are in the
    /// slots below.
    index: SearchIndex,
    average_lengths: [f32; FIELD_COUNT],
    /// For the term of each member of a group of [`crate::synonyms::GROUPS`],
    /// the terms of the other members.
    synonyms: HashMap<String, Vec<String>>,
    /// The terms, in runs: one run holding them all for a whole index, runs
    /// loaded when a query looks a word up in them for a split one.
    dictionary: Vec<DictionarySlot>,
    /// What corrections scan, built once every run of terms is in.
    typos: OnceLock<TypoIndex>,
    /// The postings, in runs of terms: one run holding them all for a whole
    /// index, runs loaded when a query needs them for a split one (see
    /// [`crate::format::IndexFile::split`]).
    term_pieces: Vec<TermSlot>,
}

/// A run of terms' postings, loaded or not.
#[derive(Clone, Debug, Default)]
struct TermSlot {
    /// Its first term number.
    first: u32,
    piece: OnceLock<TermPiece>,
}

/// A run of terms, loaded or not.
#[derive(Clone, Debug, Default)]
struct DictionarySlot {
    /// Its first term number.
    first: u32,
    /// Its first term: the run holds the terms from it to the next run's first.
    first_term: String,
    piece: OnceLock<DictionaryPiece>,
}

/// The terms arranged for corrections.
#[derive(Clone, Debug, Default)]
struct TypoIndex {
    /// Term numbers by the byte length of the term: corrections only compare
    /// a word with the terms of about its length.
    by_length: Vec<Vec<u32>>,
    /// The [`letters`] of each term: a quicker test than counting edits.
    letters: Vec<u32>,
}

/// The postings of a term whose piece is not loaded.
static NO_POSTINGS: Postings = Postings {
    doc_gaps: Vec::new(),
    counts: Vec::new(),
    positions: Vec::new(),
};

impl Searcher {
    /// Prepares a whole `index` for searching.
    pub fn new(mut index: SearchIndex) -> Self {
        let dictionary = DictionaryPiece {
            doc_frequencies: (index.postings.iter())
                .map(|p| p.doc_frequency() as u32)
                .collect(),
            terms: std::mem::take(&mut index.terms),
            names: std::mem::take(&mut index.names),
        };
        let words = DictionarySlot {
            first: 0,
            first_term: String::new(),
            piece: OnceLock::from(dictionary),
        };
        let piece = TermPiece {
            postings: std::mem::take(&mut index.postings),
            ..TermPiece::default()
        };
        let slot = TermSlot {
            first: 0,
            piece: OnceLock::from(piece),
        };
        Self::with_pieces(index, vec![words], vec![slot])
    }

    /// Prepares the index of a split file for searching: its terms are in
    /// dictionary pieces starting at `dictionary` (term number, first term),
    /// their postings in term pieces starting at the term numbers `firsts`;
    /// both are loaded with [`Searcher::add_dictionary_piece`] and
    /// [`Searcher::add_term_piece`] after [`Searcher::missing_pieces`] named them.
    pub fn split(index: SearchIndex, dictionary: Vec<(u32, String)>, firsts: &[u32]) -> Self {
        let words = (dictionary.into_iter())
            .map(|(first, first_term)| DictionarySlot {
                first,
                first_term,
                piece: OnceLock::new(),
            })
            .collect();
        let slots = firsts
            .iter()
            .map(|&first| TermSlot {
                first,
                piece: OnceLock::new(),
            })
            .collect();
        Self::with_pieces(index, words, slots)
    }

    fn with_pieces(
        index: SearchIndex,
        dictionary: Vec<DictionarySlot>,
        term_pieces: Vec<TermSlot>,
    ) -> Self {
        let average_lengths = Field::ALL.map(|field| {
            let lengths = &index.field_lengths[field as usize];
            let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
            (total as f32 / lengths.len().max(1) as f32).max(1.0)
        });
        let synonyms = synonym_terms(&index.analyzer);
        Searcher {
            index,
            average_lengths,
            synonyms,
            dictionary,
            typos: OnceLock::new(),
            term_pieces,
        }
    }

    /// The dictionary run of term number `number` and its place in it, if loaded.
    fn entry(&self, number: usize) -> Option<(&DictionaryPiece, usize)> {
        let after = (self.dictionary).partition_point(|slot| slot.first as usize <= number);
        let slot = self.dictionary.get(after.checked_sub(1)?)?;
        Some((slot.piece.get()?, number - slot.first as usize))
    }

    /// Term number `number` (empty when its run is not loaded).
    fn term(&self, number: usize) -> &str {
        self.entry(number)
            .and_then(|(piece, at)| piece.terms.get(at))
            .map_or("", String::as_str)
    }

    /// Whether term number `number` is a name.
    fn is_name(&self, number: usize) -> bool {
        self.entry(number)
            .and_then(|(piece, at)| piece.names.get(at).copied())
            .unwrap_or(false)
    }

    /// The number of documents term number `number` occurs in.
    fn doc_frequency(&self, number: usize) -> usize {
        self.entry(number)
            .and_then(|(piece, at)| piece.doc_frequencies.get(at))
            .map_or(0, |&df| df as usize)
    }

    /// The number of the dictionary run where `term` is, if anywhere.
    fn run_of(&self, term: &str) -> usize {
        let after = (self.dictionary).partition_point(|slot| slot.first_term.as_str() <= term);
        after.saturating_sub(1)
    }

    /// The number of `term` in the dictionary; `None` when it has no such
    /// term, or when the run that would hold it is not loaded (then noted in
    /// `missing`).
    fn term_number(&self, term: &str, missing: &mut Missing) -> Option<usize> {
        let run = self.run_of(term);
        let slot = self.dictionary.get(run)?;
        let Some(piece) = slot.piece.get() else {
            missing.insert(run);
            return None;
        };
        let at = piece
            .terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()?;
        Some(slot.first as usize + at)
    }

    /// The numbers of the terms that begin with `prefix` (a range of them);
    /// none when one of the runs that may hold them is not loaded (then
    /// noted in `missing`).
    fn prefixed(&self, prefix: &str, missing: &mut Missing) -> Vec<usize> {
        let first = self.run_of(prefix);
        // The runs after the first hold some of them if they begin with one.
        let more = (self.dictionary.iter().skip(first + 1))
            .take_while(|slot| slot.first_term.starts_with(prefix))
            .count();
        let mut numbers = Vec::new();
        let mut complete = true;
        for (run, slot) in self
            .dictionary
            .iter()
            .enumerate()
            .skip(first)
            .take(1 + more)
        {
            let Some(piece) = slot.piece.get() else {
                missing.insert(run);
                complete = false;
                continue;
            };
            let terms = &piece.terms;
            let start = terms.partition_point(|t| t.as_str() < prefix);
            let end = start + terms[start..].partition_point(|t| t.starts_with(prefix));
            numbers.extend((start..end).map(|at| slot.first as usize + at));
        }
        if !complete {
            numbers.clear();
        }
        numbers
    }

    /// The terms arranged for corrections; `None` until every run of the
    /// dictionary is loaded (those that are not are noted in `missing`).
    fn typo_index(&self, missing: &mut Missing) -> Option<&TypoIndex> {
        if let Some(typos) = self.typos.get() {
            return Some(typos);
        }
        let unloaded: Vec<usize> = (0..self.dictionary.len())
            .filter(|&run| self.dictionary[run].piece.get().is_none())
            .collect();
        if !unloaded.is_empty() {
            missing.extend(unloaded);
            return None;
        }
        Some(self.typos.get_or_init(|| {
            let mut typos = TypoIndex::default();
            let terms = self.dictionary.iter().filter_map(|slot| slot.piece.get());
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

    /// The number of the term piece that holds `term`'s postings.
    fn piece_of(&self, term: usize) -> usize {
        let after = self
            .term_pieces
            .partition_point(|slot| slot.first as usize <= term);
        after.saturating_sub(1)
    }

    /// The postings of `term`; none when its piece is not loaded.
    fn postings(&self, term: usize) -> &Postings {
        let Some(slot) = self.term_pieces.get(self.piece_of(term)) else {
            return &NO_POSTINGS;
        };
        slot.piece
            .get()
            .and_then(|piece| piece.postings.get(term - slot.first as usize))
            .unwrap_or(&NO_POSTINGS)
    }

    /// How `term` is written (the most frequent form, accents included):
    /// in the index when it is whole, in the term's piece when split.
    fn spelling(&self, term: usize) -> Option<&str> {
        if let Some(spelling) = self.index.spellings.get(term) {
            return Some(spelling);
        }
        let slot = self.term_pieces.get(self.piece_of(term))?;
        let piece = slot.piece.get()?;
        let spelling = piece.spellings.get(term - slot.first as usize)?;
        Some(spelling)
    }

    /// The forms of the terms in `term`'s piece, if it is loaded (a split index).
    fn piece_forms(&self, term: usize) -> &[PieceForm] {
        let slot = self.term_pieces.get(self.piece_of(term));
        slot.and_then(|s| s.piece.get())
            .map_or(&[], |piece| &piece.forms)
    }

    /// The pieces `query` needs that are not loaded yet, by number. Once the
    /// dictionary pieces named are in, the query may name more: what the
    /// words it looked up stand for.
    pub fn missing_pieces(&self, query: &str) -> Needed {
        let mut plan = self.plan(query);
        let mut terms: Vec<usize> = Vec::new();
        for word in &plan.words {
            terms.extend(word.candidates.iter().map(|&(term, _)| term));
            match &word.form {
                Some((FormMatch::Term(term), _)) => terms.push(*term),
                Some((FormMatch::Forms(range), _)) => terms.extend(
                    range
                        .clone()
                        .filter_map(|f| self.index.form_postings.get(f))
                        .map(|f| f.term as usize),
                ),
                Some((FormMatch::InPieces(entries), _)) => {
                    terms.extend(entries.iter().map(|&(term, _)| term))
                }
                None => {}
            }
        }
        let sequences = plan
            .phrases
            .iter()
            .chain(&plan.excluded)
            .flatten()
            .flatten();
        terms.extend(sequences.map(|&(term, _)| term));
        // The spellings a suggestion would show, should nothing match.
        let suggested = self.suggestions(query, &plan.unknown, &mut plan.missing);
        terms.extend(suggested.into_iter().map(|(_, term)| term));
        let mut pieces: Vec<usize> = terms
            .into_iter()
            .map(|term| self.piece_of(term))
            .filter(|&piece| {
                self.term_pieces
                    .get(piece)
                    .is_some_and(|s| s.piece.get().is_none())
            })
            .collect();
        pieces.sort_unstable();
        pieces.dedup();
        Needed {
            dictionary: plan.missing.into_iter().collect(),
            terms: pieces,
        }
    }

    /// The dictionary pieces [`Searcher::terms`] needs for `query` that are
    /// not loaded yet, by number: those its words are looked up in (all of
    /// them for a word to correct), not their postings.
    pub fn missing_dictionary(&self, query: &str) -> Vec<usize> {
        self.plan(query).missing.into_iter().collect()
    }

    /// The pieces not loaded yet, by number.
    pub fn unloaded_pieces(&self) -> Needed {
        Needed {
            dictionary: (0..self.dictionary.len())
                .filter(|&n| self.dictionary[n].piece.get().is_none())
                .collect(),
            terms: (0..self.term_pieces.len())
                .filter(|&n| self.term_pieces[n].piece.get().is_none())
                .collect(),
        }
    }

    /// Loads term piece number `number` (once; later calls change nothing).
    /// A piece that is not valid for its place (see [`TermPiece::validate`])
    /// is refused.
    pub fn add_term_piece(&self, number: usize, piece: TermPiece) -> Result<(), String> {
        let Some(slot) = self.term_pieces.get(number) else {
            return Err(format!("no term piece {number}"));
        };
        piece.validate(slot.first, self.index.doc_count)?;
        if let Some(next) = self.term_pieces.get(number + 1) {
            if (next.first - slot.first) as usize != piece.postings.len() {
                return Err(format!(
                    "term piece {number} holds other terms than expected"
                ));
            }
        }
        let _ = slot.piece.set(piece);
        Ok(())
    }

    /// Loads dictionary piece number `number` (once; later calls change
    /// nothing). A piece whose terms are not the run expected (another
    /// piece's, or out of order) is refused.
    pub fn add_dictionary_piece(
        &self,
        number: usize,
        piece: DictionaryPiece,
    ) -> Result<(), String> {
        let Some(slot) = self.dictionary.get(number) else {
            return Err(format!("no dictionary piece {number}"));
        };
        let end = self.dictionary.get(number + 1);
        let expected = end.map(|next| (next.first - slot.first) as usize);
        let fits = piece.terms.first() == Some(&slot.first_term)
            && expected.is_none_or(|count| piece.terms.len() == count)
            && piece.names.len() == piece.terms.len()
            && piece.doc_frequencies.len() == piece.terms.len()
            && piece.terms.windows(2).all(|w| w[0] < w[1])
            && end.is_none_or(|next| piece.terms.last() < Some(&next.first_term));
        if !fits {
            return Err(format!(
                "dictionary piece {number} holds other terms than expected"
            ));
        }
        let _ = slot.piece.set(piece);
        Ok(())
    }

    /// How the index was analysed (in its first language).
    pub fn analyzer(&self) -> Analyzer {
        self.index.analyzer
    }

    /// Number of documents in the index.
    pub fn doc_count(&self) -> usize {
        self.index.doc_count as usize
    }

    /// The best `limit` articles for `query` (see [`crate::query`] for its
    /// syntax), with the terms to highlight.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        self.search_in(query, limit, None)
    }

    /// [`Searcher::search`] among the documents `allowed` says yes to (indexed
    /// by document number); all of them when `None`.
    pub fn search_in(&self, query: &str, limit: usize, allowed: Option<&[bool]>) -> Results {
        let plan = self.plan(query);
        let nothing_asked = plan.words.is_empty() && plan.excluded.is_empty();
        let mut results = Results {
            terms: self.matched_terms(&plan),
            common_words_only: nothing_asked && !plan.impossible && words(query).next().is_some(),
            ..Results::default()
        };
        if !plan.impossible {
            let mut hits = self.score(&plan);
            self.filter(&plan, &mut hits);
            if let Some(allowed) = allowed {
                hits.retain(|hit| allowed.get(hit.doc as usize).copied().unwrap_or(false));
            }
            results.total = hits.len();
            hits.sort_by(Hit::rank);
            self.rerank_by_proximity(&plan, &mut hits);
            hits.truncate(limit);
            results.hits = hits;
        }
        if results.total == 0 {
            results.suggestion = self.suggest(query, &plan.unknown);
        }
        results
    }

    /// The index terms `query` matches (corrections and completions included):
    /// what the reading view highlights. Reads the query only; scores nothing.
    pub fn terms(&self, query: &str) -> BTreeSet<String> {
        self.matched_terms(&self.plan(query))
    }

    fn matched_terms(&self, plan: &Plan) -> BTreeSet<String> {
        let candidates = plan.words.iter().flat_map(|word| &word.candidates);
        candidates
            .map(|&(term, _)| self.term(term).to_string())
            .collect()
    }

    /// Every matching article with its score, in document order.
    fn score(&self, plan: &Plan) -> Vec<Hit> {
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
                let postings = self.postings(term);
                let idf = idf(doc_count, self.doc_frequency(term));
                for posting in postings.iter() {
                    let score =
                        weight * idf * self.saturated_frequency(posting.doc, posting.counts);
                    let best = &mut word_scores[posting.doc as usize];
                    *best = best.max(score);
                    has_word[posting.doc as usize] |= strong;
                }
            }
            if let Some((form, weight)) = word.form.clone() {
                let docs = self.form_docs(&form);
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

    /// Adds the proximity bonus ([`PROXIMITY_WEIGHT`]) to the best hits and sorts them again.
    fn rerank_by_proximity(&self, plan: &Plan, hits: &mut [Hit]) {
        let top = hits.len().min(PROXIMITY_RERANK);
        if plan.words.len() < 2 || top < 2 {
            return;
        }
        let docs: BTreeSet<u32> = hits[..top].iter().map(|h| h.doc).collect();
        // For each word: its IDF, and the body positions of its terms in those documents.
        let words: Vec<(f32, BTreeMap<u32, Vec<u32>>)> = plan
            .words
            .iter()
            .map(|word| {
                let mut positions: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
                let mut word_idf = 0f32;
                for &(term, _) in &word.candidates {
                    let postings = self.postings(term);
                    word_idf = word_idf.max(idf(self.doc_count(), self.doc_frequency(term)));
                    for posting in postings.iter().filter(|p| docs.contains(&p.doc)) {
                        positions
                            .entry(posting.doc)
                            .or_default()
                            .extend(posting.positions(Field::Body));
                    }
                }
                positions.values_mut().for_each(|p| p.sort_unstable());
                (word_idf, positions)
            })
            .collect();
        for hit in &mut hits[..top] {
            let mut nearness = 0f32;
            for (i, (idf_a, a)) in words.iter().enumerate() {
                for (idf_b, b) in &words[i + 1..] {
                    let (Some(a), Some(b)) = (a.get(&hit.doc), b.get(&hit.doc)) else {
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
        hits[..top].sort_by(Hit::rank);
    }

    /// Keeps the hits that contain every phrase and no exclusion.
    fn filter(&self, plan: &Plan, hits: &mut Vec<Hit>) {
        for phrase in &plan.phrases {
            let docs = self.any_sequence_docs(phrase);
            hits.retain(|hit| docs.binary_search(&hit.doc).is_ok());
        }
        for excluded in &plan.excluded {
            let docs = self.any_sequence_docs(excluded);
            hits.retain(|hit| docs.binary_search(&hit.doc).is_err());
        }
    }

    /// Documents (ascending) that contain any of `alternatives`.
    fn any_sequence_docs(&self, alternatives: &[Sequence]) -> Vec<u32> {
        let mut docs: Vec<u32> = alternatives
            .iter()
            .flat_map(|s| self.sequence_docs(s))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// Documents (ascending) where the terms of `sequence` stand at its distances, in one field.
    fn sequence_docs(&self, sequence: &[(usize, u32)]) -> Vec<u32> {
        let Some(&(rarest, rarest_at)) = sequence
            .iter()
            .min_by_key(|(term, _)| self.doc_frequency(*term))
        else {
            return Vec::new();
        };
        // The other terms' postings, by document.
        let others: Vec<(BTreeMap<u32, Posting<'_>>, u32)> = sequence
            .iter()
            .filter(|&&(term, at)| (term, at) != (rarest, rarest_at))
            .map(|&(term, at)| (self.postings(term).iter().map(|p| (p.doc, p)).collect(), at))
            .collect();
        let mut docs = Vec::new();
        'docs: for posting in self.postings(rarest).iter() {
            let mut found = Vec::with_capacity(others.len());
            for (by_doc, at) in &others {
                match by_doc.get(&posting.doc) {
                    Some(other) => found.push((other, *at)),
                    None => continue 'docs,
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
            let length = self.index.field_lengths[f][doc as usize] as f32;
            let norm = 1.0 - B[f] + B[f] * length / self.average_lengths[f];
            frequency += FIELD_WEIGHTS[f] * counts[f] as f32 / norm;
        }
        frequency * (K1 + 1.0) / (K1 + frequency)
    }

    /// The analyses a query is read with: one per language of the index.
    fn analyzers(&self) -> Vec<Analyzer> {
        let base = self.index.analyzer;
        if self.index.languages.is_empty() {
            return vec![base];
        }
        self.index
            .languages
            .iter()
            .map(|&l| base.with_language(l))
            .collect()
    }

    /// Reads the query into what it asks of the index.
    ///
    /// The query is analysed in every language of the index, and each word
    /// stands for the terms of all of them; a word that is a stop word in any
    /// of them is no query word ("les" means nothing in a French collection,
    /// whatever the English stemmer makes of it).
    fn plan(&self, query: &str) -> Plan {
        let mut cut = query.len().min(MAX_QUERY_BYTES);
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        let query = &query[..cut];
        let analyzers = self.analyzers();
        let framing = framing_words(query);
        let mut plan = Plan::default();
        let mut seen = BTreeSet::new();
        for part in parse(query) {
            match part.kind {
                PartKind::Words { .. } => {
                    self.add_words(&mut plan, &mut seen, &analyzers, &framing, part);
                }
                PartKind::Phrase { typing } => {
                    // While its quote is open, the phrase's last word may be
                    // unfinished: it is searched as a word being typed, and the
                    // words before it as the phrase.
                    let mut text = part.text;
                    if let Some(last) = words(text).last().filter(|_| typing) {
                        let unfinished = Part {
                            kind: PartKind::Words { typing: true },
                            text: &text[last.start..],
                            start: part.start + last.start,
                        };
                        self.add_words(&mut plan, &mut seen, &analyzers, &framing, unfinished);
                        text = &text[..last.start];
                    }
                    let sequences = self.sequences(&analyzers, text, &mut plan.missing);
                    let Some(alternatives) = sequences else {
                        continue; // only stop words or punctuation: nothing to match
                    };
                    if alternatives.is_empty() {
                        plan.impossible = true;
                        continue;
                    }
                    for sequence in &alternatives {
                        for &(term, _) in sequence {
                            if seen.insert(self.term(term).to_string()) {
                                plan.words.push(QueryWord {
                                    candidates: vec![(term, 1.0)],
                                    form: None,
                                    loose_from: 1,
                                });
                            }
                        }
                    }
                    if alternatives.iter().all(|s| s.len() > 1) {
                        plan.phrases.push(alternatives);
                    }
                }
                PartKind::Excluded => {
                    let alternatives = self.sequences(&analyzers, part.text, &mut plan.missing);
                    if let Some(alternatives) = alternatives.filter(|a| !a.is_empty()) {
                        plan.excluded.push(alternatives);
                    }
                }
            }
        }
        plan
    }

    /// Adds the words of a [`PartKind::Words`] part to `plan`, each standing for
    /// its terms (see [`Searcher::search`]); the last one, while it is being
    /// typed, for those it begins too. `seen` holds the terms the query already
    /// searches: a word adds only new ones.
    fn add_words(
        &self,
        plan: &mut Plan,
        seen: &mut BTreeSet<String>,
        analyzers: &[Analyzer],
        framing: &[usize],
        part: Part<'_>,
    ) {
        let (text, at) = (part.text, part.start);
        let typing = matches!(part.kind, PartKind::Words { typing: true });
        let last_word_end = words(text).last().map(|w| w.end);
        // The terms of each word, in every language, by the span of the word.
        let mut spans: BTreeMap<(usize, usize), (Vec<String>, String, bool)> = BTreeMap::new();
        for analyzer in analyzers {
            for token in analyzer.analyze(text) {
                let span = spans.entry((token.start, token.end)).or_default();
                span.0.push(token.term);
                span.1 = token.form;
                span.2 |= token.joined;
            }
        }
        for ((start, end), (mut terms, form, joined)) in spans {
            if plan.words.len() >= MAX_QUERY_WORDS {
                break;
            }
            let typed = &text[start..end];
            let folded = fold(typed);
            if analyzers.iter().any(|a| a.language.is_stop_word(&folded)) {
                continue;
            }
            terms.sort();
            terms.dedup();
            terms.retain(|term| seen.insert(term.clone()));
            if terms.is_empty() {
                continue; // a repeated word adds nothing
            }
            let completing = typing && Some(end) == last_word_end;
            // As the index has it: a hyphenated word's whole is its parts
            // joined ("haut-kara" begins "hautkarabakh").
            let normal: String = (analyzers[0].normalize(typed).chars())
                .filter(|c| c.is_alphanumeric())
                .collect();
            // Corrections only when no language finds the word as typed,
            // and it is no word of the synonym table ("décès" is no typo).
            let synonyms: Vec<usize> = terms
                .iter()
                .filter_map(|t| self.synonyms.get(t))
                .flatten()
                .filter_map(|other| self.term_number(other, &mut plan.missing))
                .collect();
            // A word of the synonym table, even if the index has none of
            // its synonyms.
            let in_table = terms.iter().any(|t| self.synonyms.contains_key(t));
            let mut word = QueryWord::default();
            // Dictionary pieces this word was to be looked up in and that
            // are not in: until they are, it is not known to be a typo.
            let mut lacking = Missing::new();
            for correcting in [false, true] {
                if correcting && (in_table || !lacking.is_empty()) {
                    break;
                }
                for term in &terms {
                    let candidates =
                        self.candidates(term, &normal, completing, correcting, &mut lacking);
                    for (candidate, weight) in candidates {
                        word.add(candidate, weight);
                    }
                }
                if !word.candidates.is_empty() {
                    break;
                }
            }
            let unknown = word.candidates.is_empty() && lacking.is_empty();
            plan.missing.append(&mut lacking);
            word.loose_from = word.candidates.len();
            if !completing {
                let related = self.related(&normal, &mut plan.missing).into_iter();
                let related = related.map(|t| (t, RELATED_WEIGHT));
                let synonyms = synonyms.into_iter().map(|t| (t, SYNONYM_WEIGHT));
                for (term, weight) in synonyms.chain(related) {
                    word.add(term, weight);
                }
            }
            // The whole of a hyphenated word is no word of its own to
            // suggest for: its parts are (the analysis says which it is).
            if unknown && !joined {
                let at = at + start;
                plan.unknown.push(at..at + typed.len());
            }
            let framed = framing.binary_search(&(at + start)).is_ok();
            for (term, weight) in &mut word.candidates {
                if framed {
                    *weight *= FRAMING_WEIGHT;
                }
                if self.is_name(*term) {
                    *weight *= NAME_WEIGHT;
                }
            }
            let strongest = word.candidates.iter().map(|c| c.1).fold(0.0, f32::max);
            word.form = self
                .form_match(&form, &terms, &analyzers[0], &mut plan.missing)
                .map(|postings| (postings, strongest * FORM_WEIGHT));
            // A word the index lacks still counts in the share of words matched.
            plan.words.push(word);
        }
    }

    /// The phrase `text` in each language whose analysis gives one the index
    /// has (none when the index lacks one of its words in every language); or
    /// `None` when no language finds a word to match in it (only stop words or
    /// punctuation).
    fn sequences(
        &self,
        analyzers: &[Analyzer],
        text: &str,
        missing: &mut Missing,
    ) -> Option<Vec<Sequence>> {
        let analyses: Vec<Vec<crate::analysis::Token>> = analyzers
            .iter()
            .map(|analyzer| analyzer.analyze(text))
            .filter(|tokens| !tokens.is_empty())
            .collect();
        if analyses.is_empty() {
            return None;
        }
        let mut alternatives: Vec<Sequence> = analyses
            .iter()
            .filter_map(|tokens| self.sequence(tokens, missing))
            .collect();
        alternatives.sort();
        alternatives.dedup();
        Some(alternatives)
    }

    /// The `(term, weight)` pairs a word typed in a query stands for: itself and,
    /// while it is being typed, the words it begins; or, when `correcting`, the
    /// terms a typo or two away.
    fn candidates(
        &self,
        term: &str,
        typed: &str,
        completing: bool,
        correcting: bool,
        missing: &mut Missing,
    ) -> Vec<(usize, f32)> {
        if correcting {
            let letters = typed.chars().count();
            return self
                .corrections(term, allowed_typos(letters), missing)
                .into_iter()
                .map(|(t, edits)| (t, TYPO_WEIGHT.powi(edits as i32)))
                .collect();
        }
        let mut candidates = Vec::new();
        if let Some(number) = self.term_number(term, missing) {
            candidates.push((number, 1.0));
        }
        if completing {
            candidates.extend(
                self.completions(typed, missing)
                    .into_iter()
                    .filter(|&t| self.term(t) != term)
                    .map(|t| (t, PREFIX_WEIGHT)),
            );
        }
        candidates
    }

    /// The phrase made of `tokens`, or `None` when the index lacks one of its words.
    /// A hyphenated word's whole-word term is left out: its parts say the same.
    fn sequence(
        &self,
        tokens: &[crate::analysis::Token],
        missing: &mut Missing,
    ) -> Option<Sequence> {
        let first = tokens.first()?.position;
        let mut sequence = Sequence::new();
        let mut last_position = None;
        let mut complete = true;
        for token in tokens {
            if last_position.is_some_and(|p| token.position <= p) {
                continue;
            }
            last_position = Some(token.position);
            // Every word is looked up, so that a split index names all the
            // pieces the phrase needs at once.
            match self.term_number(&token.term, missing) {
                Some(term) => sequence.push((term, token.position - first)),
                None => complete = false,
            }
        }
        complete.then_some(sequence)
    }

    /// Terms starting with `prefix`, the most frequent first, at most [`MAX_PREFIX_TERMS`].
    fn completions(&self, prefix: &str, missing: &mut Missing) -> Vec<usize> {
        if prefix.chars().count() < MIN_PREFIX_CHARS {
            return Vec::new();
        }
        let mut found = self.prefixed(prefix, missing);
        found.sort_by_key(|&t| std::cmp::Reverse(self.doc_frequency(t)));
        found.truncate(MAX_PREFIX_TERMS);
        found
    }

    /// The documents where `form` occurs, with the counts of its term there.
    fn form_docs(&self, form: &FormMatch) -> Vec<(u32, &[u32])> {
        match form {
            FormMatch::Term(term) => {
                let postings = self.postings(*term).iter();
                postings.map(|p| (p.doc, p.counts)).collect()
            }
            FormMatch::Forms(range) => {
                let forms = range
                    .clone()
                    .filter_map(|f| self.index.form_postings.get(f));
                let forms = forms.map(|f| (f.term as usize, f.index_gaps.as_slice()));
                self.docs_at(forms)
            }
            FormMatch::InPieces(entries) => {
                let forms = entries.iter().filter_map(|&(term, entry)| {
                    let form = self.piece_forms(term).get(entry)?;
                    Some((term, form.index_gaps.as_slice()))
                });
                self.docs_at(forms)
            }
        }
    }

    /// The documents at `(term, index gaps in its postings)`, with the term's counts there.
    fn docs_at<'a>(
        &'a self,
        forms: impl Iterator<Item = (usize, &'a [u32])>,
    ) -> Vec<(u32, &'a [u32])> {
        let mut docs = Vec::new();
        for (term, gaps) in forms {
            let mut indexes = from_gaps(gaps).peekable();
            let postings = self.postings(term).iter();
            for (index, posting) in (0u32..).zip(postings) {
                if indexes.next_if_eq(&index).is_some() {
                    docs.push((posting.doc, posting.counts));
                }
            }
        }
        docs
    }

    /// Where the word form `form` of a query word with `terms` occurs: in the
    /// index's forms, or, for a term written one way only, in that term's
    /// postings when its spelling is that form.
    fn form_match(
        &self,
        form: &str,
        terms: &[String],
        analyzer: &Analyzer,
        missing: &mut Missing,
    ) -> Option<FormMatch> {
        let forms = &self.index.forms;
        let start = forms.partition_point(|f| f.as_str() < form);
        let end = start + forms[start..].partition_point(|f| f.as_str() == form);
        if start < end {
            return Some(FormMatch::Forms(start..end));
        }
        let numbers: Vec<usize> = (terms.iter())
            .filter_map(|term| self.term_number(term, missing))
            .collect();
        let mut numbers = numbers.into_iter();
        // A split index: the forms of the word's terms are in their pieces.
        let in_pieces: Vec<(usize, usize)> = numbers
            .clone()
            .flat_map(|number| {
                let forms = self.piece_forms(number);
                let start =
                    forms.partition_point(|f| (f.term as usize, f.form.as_str()) < (number, form));
                let end = start
                    + forms[start..]
                        .partition_point(|f| f.term as usize == number && f.form == form);
                (start..end).map(move |entry| (number, entry))
            })
            .collect();
        if !in_pieces.is_empty() {
            return Some(FormMatch::InPieces(in_pieces));
        }
        numbers
            .find(|&number| {
                let Some(spelling) = self.spelling(number) else {
                    // A split index before the term's piece is in: its
                    // postings are not either, so there is nothing to weigh.
                    return false;
                };
                let spelling = analyzer.normalize(spelling);
                spelling
                    .chars()
                    .filter(|&c| c.is_alphanumeric())
                    .eq(form.chars())
            })
            .map(FormMatch::Term)
    }

    /// Terms that begin with the first [`RELATED_PREFIX_CHARS`] letters of the
    /// normalised word `normal`, when it is longer than that and not a number.
    fn related(&self, normal: &str, missing: &mut Missing) -> Vec<usize> {
        if normal.chars().count() <= RELATED_PREFIX_CHARS
            || normal.chars().any(|c| c.is_ascii_digit())
        {
            return Vec::new();
        }
        let prefix: String = normal.chars().take(RELATED_PREFIX_CHARS).collect();
        let mut related = self.completions(&prefix, missing);
        related.truncate(MAX_RELATED_TERMS);
        related
    }

    /// Terms at most `max` edits from `term` (other than itself), closest then most frequent first.
    /// Numbers are never corrected: "1991" is no typo for "1990", nor "21e" for "1er".
    /// Needs the whole dictionary: until it is loaded, finds nothing and notes
    /// the pieces it lacks in `missing`.
    fn corrections(&self, term: &str, max: usize, missing: &mut Missing) -> Vec<(usize, usize)> {
        let is_number = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
        if max == 0 || is_number(term) {
            return Vec::new();
        }
        let Some(typos) = self.typo_index(missing) else {
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
                let edits = distance_within(term, self.term(number), max)?;
                let df = self.doc_frequency(number);
                (edits > 0).then_some((edits, std::cmp::Reverse(df), number))
            })
            .collect();
        found.sort();
        found.truncate(MAX_CORRECTIONS);
        found
            .into_iter()
            .map(|(edits, _, number)| (number, edits))
            .collect()
    }

    /// `query` with each unknown word replaced by the spelling of its closest term.
    fn suggest(&self, query: &str, unknown: &[std::ops::Range<usize>]) -> Option<String> {
        let suggestions = self.suggestions(query, unknown, &mut Missing::new());
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
            let term = self.term(number);
            suggestion.push_str(self.spelling(number).unwrap_or(term));
            at = range.end;
        }
        suggestion.push_str(query.get(at..).unwrap_or_default());
        Some(suggestion.trim().to_string())
    }

    /// The closest term of each unknown word of `query` that has one, with the word's place.
    fn suggestions(
        &self,
        query: &str,
        unknown: &[std::ops::Range<usize>],
        missing: &mut Missing,
    ) -> Vec<(std::ops::Range<usize>, usize)> {
        let analyzer = self.analyzers()[0];
        let mut found = Vec::new();
        for range in unknown {
            let Some(typed) = query.get(range.clone()) else {
                continue;
            };
            let Some(token) = analyzer.analyze(typed).into_iter().next() else {
                return Vec::new();
            };
            let letters = analyzer.normalize(typed).chars().count();
            let max = suggestion_edits(letters);
            if let Some(&(number, _)) = self.corrections(&token.term, max, missing).first() {
                found.push((range.clone(), number));
            }
        }
        found
    }
}

/// For the term of each member of a synonym group, as `analyzer` reads it,
/// the terms of the other members (see [`Searcher::synonyms`]).
fn synonym_terms(analyzer: &Analyzer) -> HashMap<String, Vec<String>> {
    let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
    for group in GROUPS {
        let terms: BTreeSet<String> = group
            .iter()
            .flat_map(|word| analyzer.analyze(word))
            .map(|token| token.term)
            .collect();
        for term in &terms {
            let others = terms.iter().filter(|&other| other != term).cloned();
            let entry = synonyms.entry(term.clone()).or_default();
            entry.extend(others);
            entry.sort_unstable();
            entry.dedup();
        }
    }
    synonyms
}

/// Which letters `word` has, one bit each for `a` to `z`, one for any digit
/// and one for any other byte.
fn letters(word: &str) -> u32 {
    word.bytes().fold(0, |set, byte| {
        set | match byte {
            b'a'..=b'z' => 1 << (byte - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 1 << 27,
        }
    })
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

// Searching needs an index, and building one needs the indexer.
#[cfg(all(test, feature = "indexer"))]
mod tests;
