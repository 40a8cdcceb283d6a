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

//!
//! The engine is a small façade over one module per job:
//!
//! - `dictionary`: term lookup (found, absent, or in a piece not loaded,
//!   which the lookup records itself);
//! - `postings`: where each term occurs, its spelling and word forms;
//! - `plan`: what a query asks (its words' terms and weights, phrases,
//!   exclusions);
//! - `rank`: BM25F, the form typed, phrases, proximity;
//! - `suggest`: corrections and suggestions (with [`crate::typo`]).
//!
//! A whole index is a split index with every piece present: one run of
//! terms, one run of postings, read by the same code.

use crate::order::SortedSet;

use crate::analysis::Analyzer;
use crate::format::{
    Damage, DictionaryPiece, Generation, GenerationPiece, Pieces, PositionPiece, SearchIndex,
    TermPiece, FIELD_COUNT,
};
use crate::synonyms::GROUPS;

mod assemble;
mod dictionary;
mod plan;
mod postings;
mod rank;
mod read;
mod suggest;

use dictionary::Dictionary;
use plan::Planner;
pub use plan::{
    FORM_WEIGHT, FRAMING_WEIGHT, MAX_PREFIX_TERMS, MAX_QUERY_BYTES, MAX_QUERY_WORDS,
    MAX_RELATED_TERMS, MIN_PREFIX_CHARS, NAME_WEIGHT, PREFIX_WEIGHT, RELATED_PREFIX_CHARS,
    RELATED_WEIGHT, SYNONYM_WEIGHT,
};
use postings::PostingStore;
pub use rank::{B, FIELD_WEIGHTS, K1, PROXIMITY_RERANK, PROXIMITY_WEIGHT, PROXIMITY_WINDOW};
pub use suggest::SUGGESTION_EDITS;

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
    pub(super) fn rank(a: &Hit, b: &Hit) -> std::cmp::Ordering {
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
    pub terms: SortedSet<String>,
    /// When nothing matched: the query with its unknown words replaced by the
    /// closest words of the collection, if there are any.
    pub suggestion: Option<String>,
    /// The query has words, but only words too common to search ("il y a",
    /// "qui sont les"): nothing was searched, and a reader should add a word.
    pub common_words_only: bool,
}

/// The pieces a query needs that are not loaded yet, by number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needed {
    /// Dictionary pieces: once they are in, the query may need more pieces.
    pub dictionary: Vec<usize>,
    /// Term pieces (postings).
    pub terms: Vec<usize>,
    /// Position pieces (the word positions, forms and spellings of term pieces).
    pub positions: Vec<usize>,
}

/// A query read once with what was loaded then (see [`Searcher::prepare`]).
#[derive(Debug)]
pub struct Prepared {
    query: String,
    plan: plan::Plan,
    /// The pieces it needs and that were not loaded.
    pub needed: Needed,
    /// Of the dictionary pieces, those its words were looked up in: what its
    /// terms need (a suggestion needs more).
    pub for_terms: Vec<usize>,
    /// The position pieces of its terms, not loaded: the word positions,
    /// forms and spellings that refine its ranking (the proximity of its
    /// words, the very form typed). Results come without them, and better
    /// once they are in (a view asks for them once the reader stops typing:
    /// they are as large as the postings).
    pub later: Vec<usize>,
}

impl Prepared {
    /// Whether the query has a phrase (`"corridor de Lachin"`).
    pub fn has_phrase(&self) -> bool {
        !self.plan.phrases.is_empty()
    }
}

/// The inverted index, ready to answer queries.
#[derive(Clone, Debug)]
pub struct Searcher {
    /// The index, without its terms, names and postings: they are in
    /// `dictionary` and `postings`.
    index: SearchIndex,
    average_lengths: [f32; FIELD_COUNT],
    /// For the term of each member of a group of [`crate::synonyms::GROUPS`],
    /// the terms of the other members.
    /// Computed at the first query that needs them, not when the index is
    /// loaded: that is on the way to the app's first paint.
    synonyms: std::sync::OnceLock<Synonyms>,
    /// The terms, in runs (one for a whole index).
    dictionary: Dictionary,
    /// The postings, in runs of terms (one for a whole index; see
    /// [`crate::format::IndexFile::split`]).
    postings: PostingStore,
}

impl Searcher {
    /// Prepares a whole `index` for searching: a split index whose every
    /// piece is in (one dictionary piece, one term piece).
    pub fn new(mut index: SearchIndex) -> Self {
        let forms = index.take_forms_by_term().into_iter().flatten().collect();
        let dictionary = DictionaryPiece {
            doc_frequencies: index.settled_doc_frequencies(),
            terms: std::mem::take(&mut index.terms),
            names: std::mem::take(&mut index.names),
        };
        let piece = TermPiece {
            postings: std::mem::take(&mut index.postings),
            forms,
            spellings: std::mem::take(&mut index.spellings),
        };
        let dictionary = Dictionary::whole(dictionary);
        Self::with(index, dictionary, PostingStore::whole(piece))
    }

    /// Prepares the index of a split file for searching: its terms are in
    /// dictionary pieces starting at `dictionary` (term number, first term),
    /// their postings in runs of `runs` terms each, in `generations` (their
    /// documents, and the first run of each of their term pieces; the first
    /// piece number `first_piece` among the index's); both are loaded with [`Searcher::add_dictionary_piece`] and
    /// [`Searcher::add_term_piece`] after [`Searcher::missing_pieces`] named them.
    pub fn split(
        index: SearchIndex,
        dictionary: Vec<(u32, String)>,
        runs: Vec<u32>,
        generations: Vec<(std::ops::Range<u32>, Vec<u32>)>,
        first_piece: usize,
    ) -> Self {
        let dictionary = Dictionary::split(dictionary);
        let postings = PostingStore::split(runs, generations, first_piece, index.analyzer);
        Self::with(index, dictionary, postings)
    }

    /// Prepares the index of a split file whose `pieces` are these
    /// (see [`Searcher::split`]): its postings in generations, or, if
    /// `whole` and it has them, its [whole](Pieces::whole) postings (for a
    /// reader who keeps no copy: fewer pieces to a query).
    pub fn of_pieces(index: SearchIndex, pieces: &Pieces, whole: bool) -> Self {
        let dictionary_firsts = pieces.dictionary.iter().map(|p| p.first);
        let dictionary = dictionary_firsts
            .zip(pieces.first_terms.iter().cloned())
            .collect();
        let firsts = |g: &Generation| g.terms.iter().map(|p| p.first).collect();
        let (generations, first_piece) = match whole && pieces.has_whole() {
            // A piece a run.
            true => (
                vec![(0..index.doc_count, (0..pieces.runs.len() as u32).collect())],
                pieces.generations_pieces(),
            ),
            false => {
                let ends = (pieces.generations.iter().skip(1).map(|g| g.first_doc))
                    .chain(std::iter::once(index.doc_count));
                let generations = (pieces.generations.iter().zip(ends))
                    .map(|(g, end)| (g.first_doc..end, firsts(g)))
                    .collect();
                (generations, 0)
            }
        };
        Self::split(
            index,
            dictionary,
            pieces.runs.clone(),
            generations,
            first_piece,
        )
    }

    fn with(index: SearchIndex, dictionary: Dictionary, postings: PostingStore) -> Self {
        let average_lengths = index.average_lengths();
        let synonyms = std::sync::OnceLock::new();
        Searcher {
            index,
            average_lengths,
            synonyms,
            dictionary,
            postings,
        }
    }

    /// Reads `query` once, for all a view asks of it with what is loaded
    /// now: the pieces it lacks ([`Prepared::needed`]), its results
    /// ([`Searcher::search_prepared`]) and its terms ([`Searcher::prepared_terms`]).
    pub fn prepare(&self, query: &str) -> Prepared {
        let planner = Planner::new(self);
        let plan = planner.plan(query);
        // What the terms need: the pieces its words were looked up in.
        let for_terms = planner.lookups.missing();
        let complete = self.dictionary.all_loaded() && self.postings.all_loaded();
        let (needed, later) = if complete {
            (Needed::default(), Vec::new())
        } else {
            let mut terms = plan.terms();
            // The spellings a suggestion would show, should nothing match.
            let suggested = suggest::suggestions(self, &planner.lookups, &plan.unknown);
            terms.extend(suggested.into_iter().map(|(_, term)| term));
            let needed = Needed {
                dictionary: planner.lookups.missing(),
                terms: self.postings.missing_among(terms.iter().copied(), 0, false),
                positions: (self.postings).missing_among(plan.sequence_terms(), 0, true),
            };
            // The forms, spellings and positions of its terms: the very form
            // typed, a suggestion's spelling, the proximity of its words.
            let later = (self.postings.missing_among(terms, 0, true).into_iter())
                .filter(|run| !needed.positions.contains(run))
                .collect();
            (needed, later)
        };
        Prepared {
            query: query.to_string(),
            plan,
            needed,
            for_terms,
            later,
        }
    }

    /// [`Searcher::prepare`] for the documents from number `from` on only
    /// (the newest: in a split index, its last generations), as a followed
    /// search after an update: the pieces it needs are its words'
    /// dictionary pieces and the term and position pieces of the
    /// generations that hold these documents, not the others', nor what a
    /// suggestion or a refined ranking would need.
    pub fn prepare_among(&self, query: &str, from: u32) -> Prepared {
        // (What `prepare` found it needs is replaced: reading the query
        // twice would cost the app's wasm 0.6 kB of gzip.)
        let mut prepared = self.prepare(query);
        let plan = &prepared.plan;
        prepared.needed = Needed {
            dictionary: prepared.for_terms.clone(),
            terms: self.postings.missing_among(plan.terms(), from, false),
            positions: (self.postings).missing_among(plan.sequence_terms(), from, true),
        };
        prepared.later = Vec::new();
        prepared
    }

    /// The pieces `query` needs that are not loaded yet, by number. Once the
    /// dictionary pieces named are in, the query may name more: what the
    /// words it looked up stand for.
    pub fn missing_pieces(&self, query: &str) -> Needed {
        self.prepare(query).needed
    }

    /// The dictionary pieces [`Searcher::terms`] needs for `query` that are
    /// not loaded yet, by number: those its words are looked up in (all of
    /// them for a word to correct), not their postings.
    pub fn missing_dictionary(&self, query: &str) -> Vec<usize> {
        let planner = Planner::new(self);
        planner.plan(query);
        planner.lookups.missing()
    }

    /// The pieces not loaded yet, by number.
    pub fn unloaded_pieces(&self) -> Needed {
        Needed {
            dictionary: self.dictionary.unloaded(),
            terms: self.postings.unloaded(),
            positions: self.postings.unloaded_positions(),
        }
    }

    /// Loads position piece number `number` (once): refused if it is not
    /// the positions of its term piece's postings.
    pub fn add_position_piece(&self, number: usize, piece: PositionPiece) -> Result<(), Damage> {
        self.postings.add_positions(number, piece)
    }

    /// Loads term piece number `number` (once; later calls change nothing).
    /// A piece that is not valid for its place (see
    /// [`GenerationPiece::validate`]) is refused.
    pub fn add_term_piece(&self, number: usize, piece: GenerationPiece) -> Result<(), Damage> {
        self.postings.add(number, piece)
    }

    /// Loads dictionary piece number `number` (once; later calls change
    /// nothing). A piece whose terms are not the run expected (another
    /// piece's, or out of order) is refused.
    pub fn add_dictionary_piece(
        &self,
        number: usize,
        piece: DictionaryPiece,
    ) -> Result<(), Damage> {
        self.dictionary.add(number, piece)
    }

    /// For the term of each member of a synonym group, the terms of the others.
    pub(crate) fn synonyms(&self) -> &Synonyms {
        (self.synonyms).get_or_init(|| synonym_terms(&self.index.analyzer))
    }

    /// How the index was analysed (in its first language).
    pub fn analyzer(&self) -> Analyzer {
        self.index.analyzer
    }

    /// Whether this build analyses queries as the index was built, in
    /// every language of the index ([`crate::analysis::Language::is_carried`]).
    pub fn analyses_every_language(&self) -> bool {
        let first = self.index.analyzer.language;
        first.is_carried() && self.index.languages.iter().all(|l| l.is_carried())
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
        let plan = Planner::new(self).plan(query);
        self.search_plan(query, &plan, limit, allowed, None)
    }

    /// [`Searcher::search_in`] for a query read by [`Searcher::prepare`].
    /// With `places`, the results are in the order of their documents'
    /// places there (by document number: the newest first, say), the most
    /// relevant first among equals; else the most relevant first.
    pub fn search_prepared(
        &self,
        prepared: &Prepared,
        limit: usize,
        allowed: Option<&[bool]>,
        places: Option<&[u32]>,
    ) -> Results {
        self.search_plan(&prepared.query, &prepared.plan, limit, allowed, places)
    }

    /// The terms of a query read by [`Searcher::prepare`] (see [`Searcher::terms`]).
    pub fn prepared_terms(&self, prepared: &Prepared) -> SortedSet<String> {
        self.matched_terms(&prepared.plan)
    }

    fn search_plan(
        &self,
        query: &str,
        plan: &plan::Plan,
        limit: usize,
        allowed: Option<&[bool]>,
        places: Option<&[u32]>,
    ) -> Results {
        let nothing_asked = plan.words.is_empty() && plan.excluded.is_empty();
        let mut results = Results {
            terms: self.matched_terms(plan),
            common_words_only: nothing_asked && !plan.impossible && plan.has_words,
            ..Results::default()
        };
        if !plan.impossible {
            let mut hits = self.ranked(plan, allowed, &self.postings);
            results.total = hits.len();
            match places {
                None => self.rerank_by_proximity(plan, &mut hits),
                Some(places) => crate::order::sort_by_key(&mut hits, |hit| {
                    places.get(hit.doc as usize).copied().unwrap_or(u32::MAX)
                }),
            }
            hits.truncate(limit);
            results.hits = hits;
        }
        if results.total == 0 {
            let lookups = dictionary::Lookups::new(&self.dictionary);
            results.suggestion = suggest::suggest(self, &lookups, query, &plan.unknown);
        }
        results
    }

    /// Every article `plan` finds among those `allowed`, best first
    /// (before the proximity of its words is weighed), in `postings`.
    fn ranked(
        &self,
        plan: &plan::Plan,
        allowed: Option<&[bool]>,
        postings: &PostingStore,
    ) -> Vec<Hit> {
        let mut hits = self.score(plan, postings);
        self.filter(plan, &mut hits, postings);
        if let Some(allowed) = allowed {
            hits.retain(|hit| allowed.get(hit.doc as usize).copied().unwrap_or(false));
        }
        // (A total order, the document last: the unstable sort gives
        // the stable one's order, without its code in the wasm.)
        hits.sort_unstable_by(Hit::rank);
        hits
    }

    /// What a query read by [`Searcher::prepare_among`] finds among the
    /// documents from `from` on that `allowed` says yes to (all of them
    /// when `None`), best first; nothing while its pieces are not in. Their
    /// scores are those of a whole search, less the share of the very form
    /// typed and the proximity of its words.
    pub fn search_among(
        &self,
        prepared: &Prepared,
        from: u32,
        limit: usize,
        allowed: Option<&[bool]>,
    ) -> Results {
        let plan = &prepared.plan;
        let mut results = Results {
            terms: self.matched_terms(plan),
            ..Results::default()
        };
        if plan.impossible {
            return results;
        }
        let mut hits = if self.postings.is_split() {
            let terms: Vec<(usize, &str)> = (plan.terms().into_iter())
                .map(|term| (term, self.dictionary.term(term)))
                .collect();
            let Some(postings) = self.postings.among(&terms, from) else {
                return results;
            };
            self.ranked(plan, allowed, &postings)
        } else {
            self.ranked(plan, allowed, &self.postings)
        };
        results.total = hits.len();
        hits.truncate(limit);
        results.hits = hits;
        results
    }

    /// The index terms `query` matches (corrections and completions included):
    /// what the reading view highlights. Reads the query only; scores nothing.
    pub fn terms(&self, query: &str) -> SortedSet<String> {
        self.matched_terms(&Planner::new(self).plan(query))
    }

    fn matched_terms(&self, plan: &plan::Plan) -> SortedSet<String> {
        let candidates = plan.words.iter().flat_map(|word| &word.candidates);
        candidates
            .map(|&(term, _)| self.dictionary.term(term).to_string())
            .collect()
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
}

/// For the term of each member of a synonym group, the terms of the others,
/// in the order of the terms (a few hundred: searched by halves).
pub(crate) type Synonyms = Vec<(String, Vec<String>)>;

/// For the term of each member of a synonym group, as `analyzer` reads it,
/// the terms of the other members (see [`Searcher::synonyms`]).
fn synonym_terms(analyzer: &Analyzer) -> Synonyms {
    let mut synonyms: Synonyms = Vec::new();
    for group in GROUPS {
        let terms: SortedSet<String> = (group.iter())
            .flat_map(|word| analyzer.analyze(word))
            .map(|token| token.term)
            .collect();
        for term in &terms {
            let others = terms.iter().filter(|&other| other != term).cloned();
            let entry = crate::order::entry(&mut synonyms, term.clone());
            entry.extend(others);
            crate::order::sort_dedup(entry);
        }
    }
    synonyms
}
