//! The query plan: what a query asks of the index, once read. Each query
//! word stands for index terms, each with a weight (see the constants); a
//! phrase for sequences of terms; an exclusion for sequences no result may
//! have. Terms are looked up through [`Lookups`], which records on its own
//! what a split index still lacks: the plan knows nothing of pieces.

use crate::order::SortedSet;

use super::dictionary::Lookups;
use super::read::{read, ReadPart, ReadWord};
use super::suggest::corrections;
use super::Searcher;
use crate::analysis::{Analyzer, Token};
use crate::typo::{allowed_typos, TYPO_WEIGHT};

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

/// The completions of the word being typed are the most frequent terms it
/// begins, at most this many for a beginning of 2, 3, 4 characters (and
/// [`MAX_PREFIX_TERMS`] from 5): a short beginning is shared by hundreds of
/// terms, and each keystroke would download the postings of dozens.
pub const SHORT_PREFIX_TERMS: [usize; 3] = [3, 6, 12];

/// ... and no more than this many documents in all (the first completion
/// always counts): at every keystroke, the postings of the words it stands
/// for are downloaded, about 3 bytes a document compressed. Never reached
/// below this size of collection.
pub const PREFIX_DOCUMENTS: usize = 15_000;

/// Only the first this many query words are used: bounds the work for pasted text.
pub const MAX_QUERY_WORDS: usize = 32;

/// Only the first this many bytes of a query are read (cut at a character
/// boundary): bounds the phrases and exclusions of pasted text too.
pub const MAX_QUERY_BYTES: usize = 1024;

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

/// A query word and the index terms it stands for.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct QueryWord {
    /// `(term number, weight)` pairs.
    pub candidates: Vec<(usize, f32)>,
    /// Where the form typed (see [`crate::Token::form`]) occurs, with its
    /// weight, when the index has it.
    pub form: Option<(FormMatch, f32)>,
    /// Candidates from this one on (synonyms, related words) stand for other
    /// words: an article found only through them does not have this word for
    /// the all-words tier (MRR@10 on PIAF −0.0002, and "all the words" keeps
    /// meaning the words typed).
    pub loose_from: usize,
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
pub(super) enum FormMatch {
    /// In these `(term, entry)` of its terms' pieces' [`crate::TermPiece::forms`].
    Forms(Vec<(usize, usize)>),
    /// Wherever this term, written in this form only, occurs.
    Term(usize),
}

/// A sequence of terms that must stand at these distances from each other:
/// `(term number, position relative to the first)`.
pub(super) type Sequence = Vec<(usize, u32)>;

/// What a query asks of the index, once read.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// Words to score; an article's share of them weighs on its rank.
    pub words: Vec<QueryWord>,
    /// Phrases every result must contain (each in any of its languages' forms).
    pub phrases: Vec<Vec<Sequence>>,
    /// Words or phrases no result may contain (in any of their forms).
    pub excluded: Vec<Vec<Sequence>>,
    /// A phrase has a word the index lacks: nothing can match.
    pub impossible: bool,
    /// The query's words that matched no term, for suggestions.
    pub unknown: Vec<Unknown>,
    /// Whether the query has any word at all (stop words included).
    pub has_words: bool,
}

/// A word of the query that matched no term.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Unknown {
    /// Where it is in the query (bytes).
    pub span: std::ops::Range<usize>,
    /// Its term, as the first language reads it.
    pub term: Option<String>,
    /// How many characters it has, normalised.
    pub letters: usize,
}

impl Plan {
    /// Every term the plan would read the postings of.
    pub fn terms(&self) -> Vec<usize> {
        let mut terms: Vec<usize> = Vec::new();
        for word in &self.words {
            terms.extend(word.candidates.iter().map(|&(term, _)| term));
            match &word.form {
                Some((FormMatch::Term(term), _)) => terms.push(*term),
                Some((FormMatch::Forms(entries), _)) => {
                    terms.extend(entries.iter().map(|&(term, _)| term))
                }
                None => {}
            }
        }
        terms.extend(self.sequence_terms());
        terms
    }

    /// The terms of its phrases and exclusions: their word positions decide
    /// which articles are kept.
    pub fn sequence_terms(&self) -> Vec<usize> {
        let sequences = (self.phrases.iter().chain(&self.excluded))
            .flatten()
            .flatten();
        sequences.map(|&(term, _)| term).collect()
    }
}

/// Reads queries for one [`Searcher`], its lookups recorded in [`Planner::lookups`].
pub(super) struct Planner<'a> {
    searcher: &'a Searcher,
    /// What the plan looked up, and what of it a split index lacks.
    pub lookups: Lookups<'a>,
    analyzers: Vec<Analyzer>,
}

impl<'a> Planner<'a> {
    pub fn new(searcher: &'a Searcher) -> Self {
        Planner {
            searcher,
            lookups: Lookups::new(&searcher.dictionary),
            analyzers: searcher.analyzers(),
        }
    }

    /// Reads the query into what it asks of the index.
    ///
    /// The query is analysed in every language of the index, and each word
    /// stands for the terms of all of them; a word that is a stop word in any
    /// of them is no query word ("les" means nothing in a French collection,
    /// whatever the English stemmer makes of it). Its text is read once,
    /// by [`read`]: the plan is made from what that found.
    pub fn plan(&self, query: &str) -> Plan {
        let read = read(&self.analyzers, query);
        let mut plan = Plan {
            has_words: read.has_words,
            ..Plan::default()
        };
        let mut seen = SortedSet::new();
        for part in read.parts {
            match part {
                ReadPart::Words(words) => {
                    for word in words {
                        if plan.words.len() >= MAX_QUERY_WORDS {
                            break;
                        }
                        self.add_word(&mut plan, &mut seen, word);
                    }
                }
                ReadPart::Phrase(analyses) => {
                    let Some(alternatives) = self.sequences(analyses) else {
                        continue; // only stop words or punctuation: nothing to match
                    };
                    if alternatives.is_empty() {
                        plan.impossible = true;
                        continue;
                    }
                    let dictionary = &self.searcher.dictionary;
                    for sequence in &alternatives {
                        for &(term, _) in sequence {
                            if seen.insert(dictionary.term(term).to_string()) {
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
                ReadPart::Excluded(analyses) => {
                    let alternatives = self.sequences(analyses);
                    if let Some(alternatives) = alternatives.filter(|a| !a.is_empty()) {
                        plan.excluded.push(alternatives);
                    }
                }
            }
        }
        plan
    }

    /// Adds a word of a part of plain words to `plan`, standing for its
    /// terms (see [`Searcher::search`]); the last one, while it is being
    /// typed, for those it begins too. `seen` holds the terms the query
    /// already searches: a word adds only new ones.
    fn add_word(&self, plan: &mut Plan, seen: &mut SortedSet<String>, read: ReadWord) {
        let dictionary = &self.searcher.dictionary;
        let synonym_table = self.searcher.synonyms();
        if read.stop {
            return;
        }
        let mut terms = read.terms;
        crate::order::sort_dedup(&mut terms);
        terms.retain(|term| seen.insert(term.clone()));
        if terms.is_empty() {
            return; // a repeated word adds nothing
        }
        let (normal, completing) = (read.normal.as_str(), read.completing);
        // Corrections only when no language finds the word as typed,
        // and it is no word of the synonym table ("décès" is no typo).
        let synonyms: Vec<usize> = terms
            .iter()
            .filter_map(|t| crate::order::get(synonym_table, t))
            .flatten()
            .filter_map(|other| self.lookups.number(other))
            .collect();
        // A word of the synonym table, even if the index has none of
        // its synonyms.
        let in_table = (terms.iter()).any(|t| crate::order::get(synonym_table, t).is_some());
        let mut word = QueryWord::default();
        // Whether a dictionary piece this word was to be looked up in is
        // not in: until it is, the word is not known to be a typo.
        let misses = self.lookups.misses();
        let lacking = || self.lookups.misses() > misses;
        for correcting in [false, true] {
            if correcting && (in_table || lacking()) {
                break;
            }
            for term in &terms {
                for (candidate, weight) in self.candidates(term, normal, completing, correcting) {
                    word.add(candidate, weight);
                }
            }
            if !word.candidates.is_empty() {
                break;
            }
        }
        let unknown = word.candidates.is_empty() && !lacking();
        word.loose_from = word.candidates.len();
        if !completing {
            let related = self.related(normal).into_iter();
            let related = related.map(|t| (t, RELATED_WEIGHT));
            let synonyms = synonyms.into_iter().map(|t| (t, SYNONYM_WEIGHT));
            for (term, weight) in synonyms.chain(related) {
                word.add(term, weight);
            }
        }
        // The whole of a hyphenated word is no word of its own to
        // suggest for: its parts are (the analysis says which it is).
        if unknown && !read.joined {
            plan.unknown.push(Unknown {
                span: read.span,
                term: read.first_term,
                letters: read.letters,
            });
        }
        for (term, weight) in &mut word.candidates {
            if read.framing {
                *weight *= FRAMING_WEIGHT;
            }
            if dictionary.is_name(*term) {
                *weight *= NAME_WEIGHT;
            }
        }
        let strongest = word.candidates.iter().map(|c| c.1).fold(0.0, f32::max);
        word.form = self
            .form_match(&read.form, &terms)
            .map(|postings| (postings, strongest * FORM_WEIGHT));
        // A word the index lacks still counts in the share of words matched.
        plan.words.push(word);
    }

    /// The phrase read as `analyses` (its tokens in each language that finds
    /// a word in it) in each language whose analysis gives one the index has
    /// (none when the index lacks one of its words in every language); or
    /// `None` when no language finds a word to match in it (only stop words
    /// or punctuation).
    fn sequences(&self, analyses: Option<Vec<Vec<Token>>>) -> Option<Vec<Sequence>> {
        let mut alternatives: Vec<Sequence> = (analyses?.iter())
            .filter_map(|tokens| self.sequence(tokens))
            .collect();
        crate::order::sort_dedup(&mut alternatives);
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
    ) -> Vec<(usize, f32)> {
        let dictionary = &self.searcher.dictionary;
        if correcting {
            let letters = typed.chars().count();
            return corrections(dictionary, &self.lookups, term, allowed_typos(letters))
                .into_iter()
                .map(|(t, edits)| (t, TYPO_WEIGHT.powi(edits as i32)))
                .collect();
        }
        let mut candidates = Vec::new();
        if let Some(number) = self.lookups.number(term) {
            candidates.push((number, 1.0));
        }
        if completing {
            let letters = typed.chars().count();
            let most = (letters.checked_sub(MIN_PREFIX_CHARS))
                .and_then(|at| SHORT_PREFIX_TERMS.get(at))
                .copied()
                .unwrap_or(MAX_PREFIX_TERMS);
            let mut documents = 0usize;
            let completions = (self.completions(typed).into_iter())
                .filter(|&t| dictionary.term(t) != term)
                .take(most)
                .take_while(|&t| {
                    let first = documents == 0;
                    documents = documents.saturating_add(dictionary.doc_frequency(t));
                    first || documents <= PREFIX_DOCUMENTS
                });
            candidates.extend(completions.map(|t| (t, PREFIX_WEIGHT)));
        }
        candidates
    }

    /// The phrase made of `tokens`, or `None` when the index lacks one of its words.
    /// A hyphenated word's whole-word term is left out: its parts say the same.
    fn sequence(&self, tokens: &[Token]) -> Option<Sequence> {
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
            match self.lookups.number(&token.term) {
                Some(term) => sequence.push((term, token.position - first)),
                None => complete = false,
            }
        }
        complete.then_some(sequence)
    }

    /// Terms starting with `prefix`, the most frequent first, at most [`MAX_PREFIX_TERMS`].
    fn completions(&self, prefix: &str) -> Vec<usize> {
        if prefix.chars().count() < MIN_PREFIX_CHARS {
            return Vec::new();
        }
        let dictionary = &self.searcher.dictionary;
        let mut found = self.lookups.prefixed(prefix);
        crate::order::sort_by_key(&mut found, |&t| {
            std::cmp::Reverse(dictionary.doc_frequency(t))
        });
        found.truncate(MAX_PREFIX_TERMS);
        found
    }

    /// Where the word form `form` of a query word with `terms` occurs: in the
    /// forms of the word's terms, or, for a term written one way only, in that
    /// term's postings when its spelling is that form.
    fn form_match(&self, form: &str, terms: &[String]) -> Option<FormMatch> {
        let postings = &self.searcher.postings;
        let numbers: Vec<usize> = (terms.iter())
            .filter_map(|term| self.lookups.number(term))
            .collect();
        let entries: Vec<(usize, usize)> = (numbers.iter().copied())
            .flat_map(|number| {
                let forms = postings.forms(number);
                let start =
                    forms.partition_point(|f| (f.term as usize, f.form.as_str()) < (number, form));
                let end = start
                    + forms[start..]
                        .partition_point(|f| f.term as usize == number && f.form == form);
                (start..end).map(move |entry| (number, entry))
            })
            .collect();
        if !entries.is_empty() {
            return Some(FormMatch::Forms(entries));
        }
        let analyzer = &self.analyzers[0];
        (numbers.into_iter())
            .find(|&number| {
                let Some(spelling) = postings.spelling(number) else {
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
    fn related(&self, normal: &str) -> Vec<usize> {
        if normal.chars().count() <= RELATED_PREFIX_CHARS
            || normal.chars().any(|c| c.is_ascii_digit())
        {
            return Vec::new();
        }
        let prefix: String = normal.chars().take(RELATED_PREFIX_CHARS).collect();
        let mut related = self.completions(&prefix);
        related.truncate(MAX_RELATED_TERMS);
        related
    }
}
