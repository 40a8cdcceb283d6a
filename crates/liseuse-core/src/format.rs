//! The index file: what `build.rs` writes and the app reads, defined once, here.
//!
//! A file is the 8 bytes [`MAGIC`], a little-endian `u32` [`FORMAT_VERSION`],
//! then a [postcard](https://docs.rs/postcard) encoding of [`IndexFile`].
//! Postcard writes every integer as a variable-length integer, so the postings
//! below, stored as gaps between document numbers and small term counts, take
//! one byte per number in the common case.
//!
//! The file has two parts: the [`SearchIndex`] (what a query needs) and the
//! articles (what the reader shows). Both are addressed by document number, the
//! article's position in [`IndexFile::articles`].
//!
//! A large collection is [split](IndexFile::split) so that a reader downloads
//! only what a search or an article needs: the file keeps, of each article,
//! what lists and filters need (date, source, language; the ids are in *id
//! pieces*, sorted, with their documents), the fields' lengths (one byte
//! each, [`lengths`]), and the first term of each *dictionary piece*; the
//! terms themselves (with their number of documents) go to dictionary
//! pieces (runs of consecutive terms), their postings to *term pieces*, in
//! [generations](Generation) of articles (the articles added since the one
//! before, each generation with pieces of its own), and the articles
//! (title, byline, text...) to *text pieces* (runs of consecutive articles,
//! numbered oldest first, the order they were added in), with their titles,
//! ids and sections also in *title pieces* (what a list shows before the
//! text comes, in runs about ten times shorter) and their related articles
//! and main names in *link pieces*; the collection's names go to *name
//! pieces*, behind a *name index*. The word positions of the postings,
//! which only phrases and the proximity of a query's words need, and the
//! terms' word forms and spellings are apart from them, in *position
//! pieces* (one per term piece, for the same terms): ranking reads the term
//! pieces alone. Each piece is a file named after its content and after
//! what keeps its place when articles are added ([`Pieces::files`]),
//! fetched when a query or an article needs it; a rebuild that adds
//! articles leaves the pieces of the others as they were (`format/split.rs`).

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzer, Language};
use crate::article::Article;
pub use crate::error::{Damage, FormatError};
use crate::model::Entity;
use crate::pieces::{content_hash, PieceFiles};
pub use crate::pieces::{PieceKind, PieceRef};

/// First bytes of every index file.
pub const MAGIC: &[u8; 8] = b"LISEUSE\0";
/// Version of the layout below; bumped on every incompatible change.
pub const FORMAT_VERSION: u32 = 16;

/// Index files larger than this are [split](IndexFile::split) by `build.rs`:
/// below it, one file inside the app is the fastest start (one download, no
/// waiting at the first search); above it, a reader would wait for the
/// whole collection before searching. Range: 1 to 16 MiB.
pub const SPLIT_ABOVE_BYTES: usize = 4 << 20;
/// Aimed size of a term piece. Smaller pieces mean fewer wasted bytes at a
/// first search (a query needs a handful of terms), but more files and
/// requests; 16 to 64 KiB. A frequent term's postings may exceed it alone.
pub const TERM_PIECE_BYTES: usize = 16 << 10;
/// Number of terms in a dictionary piece. A word is looked up in one piece
/// and a prefix in a few, so small pieces keep a first search light; but
/// correcting a typo reads them all, in as many requests. 512 to 8192.
pub const DICTIONARY_PIECE_TERMS: usize = 1024;
/// Aimed size of a text piece: the ten results of a search are in up to ten
/// pieces, so small pieces keep the first result list light; 16 to 64 KiB.
pub const TEXT_PIECE_BYTES: usize = 16 << 10;
/// Aimed size of a title piece: a list shows its results' titles from these
/// at once and asks for their text pieces (snippets) once the reader pauses,
/// so that a keystroke downloads a few kilobytes where ten text pieces
/// weighed about 80 kB of gzip at OrangeSum's size. Every keystroke brings
/// up to ten new titles from as many pieces, so small pieces keep typing
/// light; but each takes 5 bytes of the first file. At OrangeSum's size,
/// 1 KiB pieces (3,365, about 0.6 kB of gzip each) take a title typed
/// letter by letter from 170 to 138 kB at the median (its title pieces
/// from about 55 to 33 kB), for 7 kB more of gzip in the first file (94 →
/// 101 kB) than 2 KiB pieces (1,726). 1 to 16 KiB.
pub const TITLE_PIECE_BYTES: usize = 1 << 10;

/// Documents of the smallest level of [generations](split::generations):
/// the articles added since the last whole block of this many are the last
/// generation, which a rebuild rewrites. 16 to 1024.
pub const GENERATION_DOCS: u32 = 64;
/// A collection of at most this many articles keeps its postings in one
/// generation: each generation costs a first search a request per word (on
/// a slow link, 2,000 articles in 3 generations showed a first result 30 %
/// later), and rebuilding a small collection's postings costs a returning
/// reader little (about 2 MB of gzip at 4,096 articles).
pub const GENERATIONS_ABOVE: u32 = 4096;
/// How many blocks of a level make one of the next: the larger, the fewer
/// generations are rewritten at once, but the more there may be (a query's
/// word needs a piece of each). 2 to 16.
pub const GENERATION_GROWTH: u32 = 8;

/// The documents whose number per term the dictionary holds
/// ([`DictionaryPiece::doc_frequencies`]) in an index of `doc_count`: the
/// first `settled(doc_count)`. All of them up to [`GENERATIONS_ABOVE`];
/// above, all but those added since the last whole block of
/// [`GENERATION_DOCS`], whose numbers the term pieces tell, so that adding
/// articles leaves the dictionary pieces as they were (but for the terms
/// new to it) until the block is whole. Fixed by these constants, not by a
/// split's sizes: however the collection is cut, a query reads the same
/// numbers while it is planned, and ranks by the whole count
/// (see [`crate::Searcher`]).
pub fn settled(doc_count: u32) -> u32 {
    if doc_count <= GENERATIONS_ABOVE {
        doc_count
    } else {
        doc_count - doc_count % GENERATION_DOCS
    }
}

/// How large the pieces of a [split](IndexFile::split) file are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PieceSizes {
    /// Terms per dictionary piece ([`DICTIONARY_PIECE_TERMS`]).
    pub dictionary_terms: usize,
    /// Aimed bytes of a term piece ([`TERM_PIECE_BYTES`]).
    pub term_bytes: usize,
    /// Aimed bytes of a text piece ([`TEXT_PIECE_BYTES`]).
    pub text_bytes: usize,
    /// Aimed bytes of a title piece ([`TITLE_PIECE_BYTES`]); a name piece's
    /// are twice that: a name's page needs one, and the articles added to
    /// a collection change the pieces of the names they mention (about 200
    /// for ten articles at OrangeSum's size), so the smaller the better.
    pub title_bytes: usize,
    /// Documents of the smallest generation's level ([`GENERATION_DOCS`]).
    pub generation_docs: u32,
    /// How many times larger each level is than the one below
    /// ([`GENERATION_GROWTH`]).
    pub generation_growth: u32,
    /// Articles up to which the postings are one generation
    /// ([`GENERATIONS_ABOVE`]).
    pub generations_above: u32,
}

impl Default for PieceSizes {
    fn default() -> Self {
        PieceSizes {
            dictionary_terms: DICTIONARY_PIECE_TERMS,
            term_bytes: TERM_PIECE_BYTES,
            text_bytes: TEXT_PIECE_BYTES,
            title_bytes: TITLE_PIECE_BYTES,
            generation_docs: GENERATION_DOCS,
            generation_growth: GENERATION_GROWTH,
            generations_above: GENERATIONS_ABOVE,
        }
    }
}

impl PieceSizes {
    /// Pieces of about `bytes` bytes each, dictionary pieces included (a
    /// term takes about 8 bytes there), and generations of 1, 2, 4... 2ⁿ
    /// documents; tests split small collections so.
    pub fn about(bytes: usize) -> Self {
        PieceSizes {
            dictionary_terms: (bytes / 8).max(1),
            term_bytes: bytes,
            text_bytes: bytes,
            title_bytes: bytes,
            generation_docs: 1,
            generation_growth: 2,
            generations_above: 0,
        }
    }
}

/// Number of indexed fields, in the order of [`Field`].
pub const FIELD_COUNT: usize = 2;

/// The indexed fields of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title = 0,
    /// Every text block of the article.
    Body = 1,
}

impl Field {
    /// Every field, in storage order.
    pub const ALL: [Field; FIELD_COUNT] = [Field::Title, Field::Body];

    /// The field's name in the elasticlunr index.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
        }
    }
}

/// A whole index file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexFile {
    /// What a query needs.
    pub index: SearchIndex,
    /// The articles, by document number. In a split file, only their id,
    /// date, source, language and [`Article::title_from_text`]: the rest
    /// (title included) is in [`Pieces::texts`].
    pub articles: Vec<Article>,
    /// Where the rest is, when the file is split; empty when it is whole.
    pub pieces: Pieces,
    /// The people, places and organisations of the collection, sorted by
    /// [`crate::model::key`]. Empty in a split file: they are in its
    /// name pieces ([`Pieces::names`]).
    pub entities: Vec<Entity>,
}

/// The pieces of a split index file (see [`IndexFile::split`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pieces {
    /// The dictionary pieces, by first term number (see [`DictionaryPiece`]).
    #[serde(with = "refs")]
    pub dictionary: Vec<PieceRef>,
    /// The first term of each dictionary piece: which piece a word would be in.
    #[serde(with = "front_coded")]
    pub first_terms: Vec<String>,
    /// The runs of terms, as the number of terms of each, in term order: a
    /// query reads the postings of a run of terms at a time. The runs are
    /// cut after terms of the first generation, by its postings alone, so
    /// that a rebuild that adds articles keeps them.
    pub runs: Vec<u32>,
    /// The generations: the postings of the articles added since the one
    /// before, apart (see [`Generation`]). The first holds most articles.
    pub generations: Vec<Generation>,
    /// The postings of every generation as one, when there are several:
    /// what a reader who keeps no copy of the index reads, a term piece and
    /// a position piece per run of terms, where the generations need one in
    /// each (at 36k articles, a title's 14 term pieces instead of 48). Not
    /// in the [manifest](crate::pieces::Manifest): a reader who keeps the
    /// index offline keeps the generations', which a rebuild that adds
    /// articles leaves as they were. Their files, numbered after the
    /// generations', are named after their run and this hash of all their
    /// bytes (0 when there are none), not each after its own: this file
    /// lists none of their hashes (at 36k articles, 14 kB of gzip less on
    /// the first result's path), and decoding and validating check them.
    pub whole: u32,
    /// The text pieces, by first document number (see [`TextPiece`]).
    #[serde(with = "refs")]
    pub texts: Vec<PieceRef>,
    /// The title pieces, by first document number (see [`TextPiece`]).
    #[serde(with = "refs")]
    pub titles: Vec<PieceRef>,
    /// The link pieces, by first document number (see [`LinksPiece`]).
    #[serde(with = "refs")]
    pub links: Vec<PieceRef>,
    /// The index of the name pieces ([`NameIndexPiece`]): one piece, or
    /// none for a collection without names. A name's page fetches it first.
    #[serde(with = "refs")]
    pub name_index: Vec<PieceRef>,
    /// The id pieces, by first id number in id order (see [`IdPiece`]).
    #[serde(with = "refs")]
    pub ids: Vec<PieceRef>,
    /// The first id of each id piece: which piece an id would be in.
    #[serde(with = "front_coded")]
    pub first_ids: Vec<String>,
}

/// The postings of a run of documents of a split index, in pieces of their
/// own: the articles added since the generation before (a search engine's
/// segment). A rebuild that adds articles adds or rewrites the last, small
/// generations only; the pieces of the others keep their bytes and names.
/// A term's postings are those of each generation, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generation {
    /// Its first document: it holds those from there to the next
    /// generation's first (or the last document).
    pub first_doc: u32,
    /// Its term pieces ([`GenerationPiece`]), by first run of terms (see
    /// [`Pieces::runs`]): each holds the generation's terms of the runs from
    /// its first to the next piece's.
    #[serde(with = "refs")]
    pub terms: Vec<PieceRef>,
    /// Its position pieces: one per term piece, for the same terms (see
    /// [`PositionPiece`]), known by the [hash](PieceRef::hash) of each.
    #[serde(with = "hashes")]
    pub positions: Vec<u32>,
}

impl Pieces {
    /// Whether the file is whole (nothing to load).
    pub fn is_empty(&self) -> bool {
        self.dictionary.is_empty()
            && self.generations.is_empty()
            && self.texts.is_empty()
            && self.titles.is_empty()
            && self.links.is_empty()
            && self.name_index.is_empty()
            && self.ids.is_empty()
    }

    /// Whether there are [whole](Pieces::whole) postings (an index in
    /// several generations).
    pub fn has_whole(&self) -> bool {
        self.whole != 0
    }

    /// How many term pieces the generations have: the number of the
    /// [whole](Pieces::whole) postings' first (see [`Pieces::files`]).
    pub fn generations_pieces(&self) -> usize {
        self.generations.iter().map(|g| g.terms.len()).sum()
    }

    /// The file names of the [whole](Pieces::whole) postings' term and
    /// position pieces: none of what a reader who keeps a copy reads.
    pub fn whole_files(&self) -> Vec<String> {
        let files = self.files();
        let after = self.generations_pieces();
        let [terms, positions] =
            [PieceKind::Terms, PieceKind::Positions].map(|kind| &files.of(kind)[after..]);
        terms.iter().chain(positions).cloned().collect()
    }

    /// [`Pieces::files`], as a reader reads them: of the term and position
    /// pieces, the [whole](Pieces::whole) postings' if `whole` and there
    /// are some, else the generations' (the others are named "", found by
    /// no name).
    pub fn files_read(&self, whole: bool) -> PieceFiles {
        self.files_of(Some(whole && self.has_whole()))
    }

    /// The file name of each piece, by kind and number (the term and
    /// position pieces of every generation in a row, then the whole postings'). Each is named after
    /// its content and after what keeps its place when articles are added:
    /// its first document (text and title pieces), its first run of terms
    /// (term and position pieces), its first id (id pieces); only the
    /// dictionary pieces and the name index, which change anyway, by
    /// number. The name pieces are in the name index ([`NameIndexPiece::files`]).
    pub fn files(&self) -> PieceFiles {
        self.files_of(None)
    }

    /// [`Pieces::files`] if `whole` is `None`, else [`Pieces::files_read`]'s.
    fn files_of(&self, whole: Option<bool>) -> PieceFiles {
        let by_first = |kind: PieceKind, refs: &[PieceRef]| {
            let names = refs.iter().map(|r| kind.file(r.first as usize, r.hash));
            (kind, names.collect())
        };
        let (mut terms, mut positions) = (Vec::new(), Vec::new());
        let mut name = |read: bool, first: usize, hashes: [u32; 2]| {
            let [term, position] = hashes;
            let named = |kind: PieceKind, hash| match read {
                true => kind.file(first, hash),
                false => String::new(),
            };
            terms.push(named(PieceKind::Terms, term));
            positions.push(named(PieceKind::Positions, position));
        };
        let generations_read = whole.is_none_or(|whole| !whole);
        for generation in &self.generations {
            for (r, &hash) in generation.terms.iter().zip(&generation.positions) {
                name(generations_read, r.first as usize, [r.hash, hash]);
            }
        }
        if self.has_whole() {
            for run in 0..self.runs.len() {
                name(whole != Some(false), run, [self.whole; 2]);
            }
        }
        PieceFiles::new([
            (
                PieceKind::Dictionary,
                PieceKind::Dictionary.files(&self.dictionary),
            ),
            (PieceKind::Terms, terms),
            (PieceKind::Positions, positions),
            by_first(PieceKind::Text, &self.texts),
            by_first(PieceKind::Titles, &self.titles),
            by_first(PieceKind::Links, &self.links),
            (
                PieceKind::NameIndex,
                PieceKind::NameIndex.files(&self.name_index),
            ),
            (
                PieceKind::Ids,
                files_by_string(PieceKind::Ids, &self.ids, &self.first_ids),
            ),
        ])
    }
}

/// The file names of `refs`, pieces of `kind` that begin with the ids or
/// names `firsts`: each after a short number made of its first (20 bits of
/// its hash, which keeps the name of a piece of ids or names that begins
/// with it; the content hash tells two pieces that share them apart).
fn files_by_string(kind: PieceKind, refs: &[PieceRef], firsts: &[String]) -> Vec<String> {
    let keys = firsts
        .iter()
        .map(|first| (content_hash(first.as_bytes()) & 0xf_ffff) as usize);
    (refs.iter().zip(keys))
        .map(|(r, key)| kind.file(key, r.hash))
        .collect()
}

/// A run of the articles' ids of a split file, in byte order, with the
/// document number of each: what links and a reader's saved and read
/// articles (kept by id) need, and a search does not (the text pieces of
/// its results carry their ids). Ids, unique and random in document order,
/// were half the first file of a large collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdPiece {
    /// The ids, sorted.
    #[serde(with = "front_coded")]
    pub ids: Vec<String>,
    /// The document number of each.
    pub docs: Vec<u32>,
}

impl IdPiece {
    /// Checks it as a piece of an index of `doc_count` documents whose ids
    /// from `first` on (and before `next`, if another piece follows) it holds.
    pub fn validate(&self, first: &str, next: Option<&str>, doc_count: u32) -> Result<(), Damage> {
        let in_range = self.ids.first().is_some_and(|id| id == first)
            && next.is_none_or(|next| self.ids.last().is_some_and(|id| id.as_str() < next));
        if self.ids.len() != self.docs.len()
            || !in_range
            || !self.ids.windows(2).all(|w| w[0] < w[1])
            || self.docs.iter().any(|&doc| doc >= doc_count)
        {
            return Err(Damage::OtherItems);
        }
        Ok(())
    }
}

/// A run of consecutive terms of a split index: what [`SearchIndex::terms`]
/// and [`SearchIndex::names`] hold for them in a whole one, and their number
/// of documents (which their postings, elsewhere, would tell).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictionaryPiece {
    /// The terms, sorted.
    #[serde(with = "front_coded")]
    pub terms: Vec<String>,
    /// Whether each term is a name.
    pub names: Vec<bool>,
    /// The number of documents of each term among the [`settled`] ones.
    pub doc_frequencies: Vec<u32>,
}

/// The postings of a run of terms, and where their word forms occur.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermPiece {
    /// The postings of each term of the run, in term order.
    pub postings: Vec<Postings>,
    /// The word forms (see [`SearchIndex::forms`]) of the run's terms, by
    /// term then form ([`SearchIndex::forms`], which a split file leaves empty).
    pub forms: Vec<PieceForm>,
    /// The spelling of each term of the run, in term order
    /// ([`SearchIndex::spellings`], which a split file leaves empty).
    pub spellings: Vec<String>,
}

impl DictionaryPiece {
    /// Checks that it has a name flag and a document count per term, its
    /// terms in order.
    pub fn validate(&self) -> Result<(), Damage> {
        let count = self.terms.len();
        if count == 0 || self.names.len() != count || self.doc_frequencies.len() != count {
            return Err(Damage::Unmatched {
                what: "one name and count per term",
            });
        }
        if !self.terms.windows(2).all(|w| w[0] < w[1]) {
            return Err(Damage::OutOfOrder { what: "terms" });
        }
        Ok(())
    }
}

impl TermPiece {
    /// Checks it as the piece of the terms from `first` on, in an index of
    /// `doc_count` documents: valid postings, one spelling per term, forms
    /// of its own terms, in order.
    pub fn validate(&self, first: u32, doc_count: u32) -> Result<(), Damage> {
        let count = self.postings.len();
        // No spellings (nor forms): a split file's, whose are apart.
        let apart = self.spellings.is_empty() && self.forms.is_empty();
        if count == 0 || (self.spellings.len() != count && !apart) {
            return Err(Damage::Unmatched {
                what: "one spelling per term",
            });
        }
        for postings in &self.postings {
            postings.validate(doc_count)?;
        }
        let terms = u64::from(first)..u64::from(first) + count as u64;
        let in_order =
            (self.forms.windows(2)).all(|w| (w[0].term, &w[0].form) <= (w[1].term, &w[1].form));
        if !in_order {
            return Err(Damage::OutOfOrder { what: "word forms" });
        }
        let forms = self.forms.iter().map(|f| u64::from(f.term));
        match forms.into_iter().find(|term| !terms.contains(term)) {
            // (Below the run's first term too: another run's.)
            Some(term) => Err(Damage::OutOfRange {
                what: "term of a word form",
                value: term,
                limit: terms.end,
            }),
            None => Ok(()),
        }
    }
}

/// The postings of a [`Generation`]'s terms in a run of runs of terms, its
/// term piece (see [`Generation::terms`]). Its terms are named, so that the
/// terms a later generation adds leave it as it is: a reader finds a term's
/// place among the terms of every generation's piece of its run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GenerationPiece {
    /// How many of the generation's terms each run holds, from the piece's
    /// first run on.
    pub run_terms: Vec<u32>,
    /// Those terms, sorted.
    #[serde(with = "front_coded")]
    pub terms: Vec<String>,
    /// The postings of each, in the generation's documents (numbered in the
    /// whole collection), without their word positions: those are in the
    /// piece's [`PositionPiece`], whose forms number the terms from the
    /// piece's first.
    pub postings: Vec<Postings>,
}

impl GenerationPiece {
    /// Checks it as the piece of `runs` runs of terms of the generation of
    /// documents `docs`: a count per run, as many terms (sorted) and
    /// postings, postings of the generation's documents only.
    pub fn validate(&self, runs: usize, docs: std::ops::Range<u32>) -> Result<(), Damage> {
        let counted: u64 = self.run_terms.iter().map(|&c| u64::from(c)).sum();
        if self.run_terms.len() != runs
            || counted != self.terms.len() as u64
            || self.terms.len() != self.postings.len()
            || self.terms.is_empty()
        {
            return Err(Damage::Unmatched {
                what: "one count per run and postings per term",
            });
        }
        if !self.terms.windows(2).all(|w| w[0] < w[1]) {
            return Err(Damage::OutOfOrder { what: "terms" });
        }
        for postings in &self.postings {
            if !postings.positions.is_empty() {
                return Err(Damage::DetailsApart);
            }
            postings.validate(docs.end)?;
            match postings.doc_gaps.first() {
                Some(&first) if first < docs.start => {
                    return Err(Damage::OutOfRange {
                        what: "document of an earlier generation",
                        value: u64::from(first),
                        limit: u64::from(docs.start),
                    })
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// What ranking a split file's run of terms does without, apart from its
/// term piece: the word positions of the postings (phrases, proximity), the
/// word forms (an article with the very form typed first) and the spellings
/// (suggestions). A first ranking reads the term piece alone; these refine it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionPiece {
    /// The positions of each term of the run, in term order ([`Postings::positions`]).
    pub positions: Vec<Vec<u32>>,
    /// The word forms of the run's terms ([`TermPiece::forms`]).
    pub forms: Vec<PieceForm>,
    /// The spelling of each term of the run ([`TermPiece::spellings`]).
    pub spellings: Vec<String>,
}

/// A word form of a term, in the term's piece.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceForm {
    /// The term number.
    pub term: u32,
    /// The form, as [`SearchIndex::forms`] has it.
    pub form: String,
    /// Where it occurs in the term's postings: [`FormPostings::index_gaps`].
    pub index_gaps: Vec<u32>,
}

/// What a run of consecutive articles links to: their related articles and
/// main names, apart from their text (which a rebuild that adds articles
/// leaves as it was, where it changes these), in pieces of their own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinksPiece {
    /// Each article's, by document number from the piece's first.
    pub links: Vec<crate::model::Links>,
}

/// Where the collection's names are: the name pieces, and the key of the
/// first name of each. Apart from the first file, which it would weigh on
/// at every visit for what only a name's page needs, and small: a name
/// piece holds a few names, so that the articles added to a collection,
/// which change the names they mention, change few pieces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameIndexPiece {
    /// The name pieces, by first entity number (see [`NamePiece`]).
    #[serde(with = "refs")]
    pub names: Vec<PieceRef>,
    /// The key of the first entity of each name piece: which piece a name would be in.
    pub first_names: Vec<String>,
}

impl NameIndexPiece {
    /// The file name of each name piece, after its content and its first name.
    pub fn files(&self) -> Vec<String> {
        files_by_string(PieceKind::Names, &self.names, &self.first_names)
    }

    /// Checks that it has a first name per piece, and its pieces in order.
    pub fn validate(&self) -> Result<(), Damage> {
        if self.first_names.len() != self.names.len() {
            return Err(Damage::Unmatched {
                what: "one first name per name piece",
            });
        }
        // (The first names are not checked for order: a name's piece is
        // looked up among them, and one out of order only finds nothing.)
        if !self.names.windows(2).all(|w| w[0].first < w[1].first) {
            return Err(Damage::OutOfOrder {
                what: "name pieces",
            });
        }
        Ok(())
    }
}

/// A run of the collection's names (see [`IndexFile::entities`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NamePiece {
    /// The entities, by number from the piece's first.
    pub entities: Vec<Entity>,
}

/// A run of consecutive articles, whole: title, metadata and text. As a
/// *title piece*, the same run with only the id, title and section of each
/// article: what a list shows of its results before their text pieces
/// (snippets, reading time) come, in a piece about ten times smaller.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextPiece {
    /// The articles, by document number from the piece's first.
    pub articles: Vec<Article>,
}

/// The inverted index of a collection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// How text was analysed; queries are analysed the same way, in each of
    /// [`SearchIndex::languages`].
    pub analyzer: Analyzer,
    /// The languages of the documents, each analysed with its own stemmer and stop words.
    pub languages: Vec<Language>,
    /// Number of documents.
    pub doc_count: u32,
    /// Per field, the number of terms in each document (stop words
    /// excluded), one byte each ([`lengths`]; read with [`SearchIndex::field_length`]).
    pub field_lengths: [Vec<u8>; FIELD_COUNT],
    /// Every term, sorted by byte order, so that a prefix is a contiguous
    /// range. Empty in a split file: the terms are in its dictionary pieces.
    #[serde(with = "front_coded")]
    pub terms: Vec<String>,
    /// The postings of each term, in the order of [`SearchIndex::terms`].
    pub postings: Vec<Postings>,
    /// For each term, its most frequent spelling in the text (lower case, accents
    /// kept), to suggest corrections in words a reader knows. Empty in a split
    /// file: each term's spelling is in its piece ([`TermPiece::spellings`]).
    pub spellings: Vec<String>,
    /// Whether each term is mostly written with a capital (a name: `Bakou`,
    /// `Stoltenberg`), not counting the first word of a sentence or title.
    /// Empty in a split file (see [`DictionaryPiece::names`]).
    pub names: Vec<bool>,
    /// The word forms (see [`crate::Token::form`]) of the terms written in more
    /// than one way, sorted by byte order (a form may stand twice, for terms of
    /// two languages). A term written one way only has no forms here: its
    /// postings are those of its form, the fold of its spelling. Empty when the
    /// index is not stemmed (forms are terms then), and in a split file (each
    /// term's forms are in its piece, [`TermPiece::forms`]).
    #[serde(with = "front_coded")]
    pub forms: Vec<String>,
    /// Where each form of [`SearchIndex::forms`] occurs, in its term's postings.
    pub form_postings: Vec<FormPostings>,
}

impl SearchIndex {
    /// The number of terms of `field` in document `doc` ([`lengths::decode`]);
    /// 1 for a document it does not know.
    pub fn field_length(&self, field: Field, doc: u32) -> u32 {
        (self.field_lengths[field as usize].get(doc as usize))
            .map_or(1, |&code| lengths::decode(code))
    }

    /// Each term's number of [settled](settled) documents: what the
    /// dictionary holds ([`DictionaryPiece::doc_frequencies`]).
    pub fn settled_doc_frequencies(&self) -> Vec<u32> {
        let settled = settled(self.doc_count);
        (self.postings.iter())
            .map(|p| p.docs_before(settled) as u32)
            .collect()
    }

    /// The average number of terms of each field, at least 1.
    pub fn average_lengths(&self) -> [f32; FIELD_COUNT] {
        self.average_lengths_before(u32::MAX)
    }

    /// The average number of terms of each field in the documents before
    /// document `end`, at least 1.
    pub fn average_lengths_before(&self, end: u32) -> [f32; FIELD_COUNT] {
        Field::ALL.map(|field| {
            let codes = &self.field_lengths[field as usize];
            let codes = &codes[..codes.len().min(end as usize)];
            let total: u64 = codes.iter().map(|&c| u64::from(lengths::decode(c))).sum();
            (total as f32 / codes.len().max(1) as f32).max(1.0)
        })
    }

    /// Takes [`SearchIndex::forms`] and [`SearchIndex::form_postings`] out,
    /// as the [`PieceForm`]s of each term (by term number, then form): what
    /// term pieces hold. Forms of a term the index lacks are dropped.
    pub fn take_forms_by_term(&mut self) -> Vec<Vec<PieceForm>> {
        let mut forms_of: Vec<Vec<PieceForm>> = vec![Vec::new(); self.postings.len()];
        let forms = std::mem::take(&mut self.forms);
        for (form, postings) in forms
            .into_iter()
            .zip(std::mem::take(&mut self.form_postings))
        {
            if let Some(of_term) = forms_of.get_mut(postings.term as usize) {
                of_term.push(PieceForm {
                    term: postings.term,
                    form,
                    index_gaps: postings.index_gaps,
                });
            }
        }
        for of_term in &mut forms_of {
            crate::order::sort_by(of_term, |a, b| a.form.cmp(&b.form));
        }
        forms_of
    }
}

/// The documents of a word form, as a subset of its term's postings: the
/// counts and positions are the term's. One small number per document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormPostings {
    /// The term the form is written for.
    pub term: u32,
    /// Indexes in the term's postings of the documents with the form,
    /// ascending, each stored as the gap from the previous one.
    pub index_gaps: Vec<u32>,
}

impl FormPostings {
    /// The form of `term` found in the documents at `indexes` (ascending) of its postings.
    pub fn new(term: u32, indexes: impl IntoIterator<Item = u32>) -> Self {
        let mut previous = 0;
        let index_gaps = indexes
            .into_iter()
            .map(|index| {
                let gap = index - previous;
                previous = index;
                gap
            })
            .collect();
        FormPostings { term, index_gaps }
    }

    /// Number of documents the form occurs in.
    pub fn doc_frequency(&self) -> usize {
        self.index_gaps.len()
    }

    /// The indexes in the term's postings of the documents with the form, ascending.
    pub fn indexes(&self) -> impl Iterator<Item = u32> + '_ {
        from_gaps(&self.index_gaps)
    }
}

/// Where one term occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// Document numbers, ascending, each stored as the gap from the previous one.
    pub doc_gaps: Vec<u32>,
    /// For each document, its occurrence count in each field ([`FIELD_COUNT`] numbers).
    pub counts: Vec<u32>,
    /// For each document and field, the word positions of the occurrences,
    /// ascending, each stored as the gap from the previous one (the first from 0).
    /// The counts say how many belong to each document and field. Empty in
    /// the term piece of a split file: they are in its position piece.
    pub positions: Vec<u32>,
}

/// Sorted strings stored each as the number of bytes it shares with the one
/// before and the rest: the terms of a large collection (104,000 for
/// OrangeSum) take 0.87 MB as they are and 0.5 MB front-coded.
mod front_coded {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(strings: &[String], serializer: S) -> Result<S::Ok, S::Error> {
        let mut previous = "";
        let coded: Vec<(u32, &str)> = strings
            .iter()
            .map(|string| {
                let mut shared = previous
                    .bytes()
                    .zip(string.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                while !string.is_char_boundary(shared) {
                    shared -= 1;
                }
                previous = string;
                (shared as u32, &string[shared..])
            })
            .collect();
        coded.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<String>, D::Error> {
        let coded: Vec<(u32, &str)> = Vec::deserialize(deserializer)?;
        let mut strings: Vec<String> = Vec::with_capacity(coded.len());
        for (shared, rest) in coded {
            let previous = strings.last().map_or("", String::as_str);
            let shared = previous.get(..shared as usize).ok_or_else(|| {
                D::Error::custom("a front-coded string shares more than the one before")
            })?;
            strings.push([shared, rest].concat());
        }
        Ok(strings)
    }
}

/// Piece references stored as the gaps between their first numbers
/// (ascending, small) and their hashes as 4 bytes each (random: a varint
/// would take 5): 6,800 pieces at OrangeSum's size take 35 kB of the first
/// file instead of 51.
mod refs {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::PieceRef;

    pub fn serialize<S: Serializer>(refs: &[PieceRef], serializer: S) -> Result<S::Ok, S::Error> {
        let mut previous = 0;
        let gaps: Vec<u32> = (refs.iter())
            .map(|piece| {
                let gap = piece.first.wrapping_sub(previous);
                previous = piece.first;
                gap
            })
            .collect();
        let hashes: Vec<u32> = refs.iter().map(|piece| piece.hash).collect();
        (gaps, super::hashes::bytes(&hashes)).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<PieceRef>, D::Error> {
        let (gaps, hashes): (Vec<u32>, Vec<u8>) = Deserialize::deserialize(deserializer)?;
        let hashes = super::hashes::of_bytes(&hashes).map_err(D::Error::custom)?;
        if hashes.len() != gaps.len() {
            return Err(D::Error::custom("piece references without one hash each"));
        }
        let mut first = 0u32;
        let mut refs = Vec::with_capacity(gaps.len());
        for (gap, hash) in gaps.into_iter().zip(hashes) {
            first = (first.checked_add(gap))
                .ok_or_else(|| D::Error::custom("a piece past the last number"))?;
            refs.push(PieceRef { first, hash });
        }
        Ok(refs)
    }
}

/// Piece hashes stored as 4 bytes each, little-endian.
mod hashes {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn bytes(hashes: &[u32]) -> Vec<u8> {
        hashes.iter().flat_map(|hash| hash.to_le_bytes()).collect()
    }

    pub fn of_bytes(bytes: &[u8]) -> Result<Vec<u32>, &'static str> {
        if bytes.len() % 4 != 0 {
            return Err("piece hashes cut short");
        }
        let hash = |c: &[u8]| u32::from_le_bytes(c.try_into().expect("4 bytes"));
        Ok(bytes.chunks_exact(4).map(hash).collect())
    }

    pub fn serialize<S: Serializer>(hashes: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        // Postcard writes bytes as their count, then each as it is.
        bytes(hashes).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        let bytes: Vec<u8> = Deserialize::deserialize(deserializer)?;
        of_bytes(&bytes).map_err(D::Error::custom)
    }
}

/// The ascending numbers stored as `gaps`, each the gap from the previous one (the first from 0).
pub fn from_gaps(gaps: &[u32]) -> impl Iterator<Item = u32> + '_ {
    gaps.iter().scan(0, |at, gap| {
        *at += gap;
        Some(*at)
    })
}

/// `(doc, counts, title positions, body positions)`, as tests compare them.
#[cfg(test)]
pub(crate) type UnpackedPosting = (u32, Vec<u32>, Vec<u32>, Vec<u32>);

/// One document of a term's postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting<'a> {
    /// The document number.
    pub doc: u32,
    /// Occurrence count in each field.
    pub counts: &'a [u32],
    /// The gap-coded positions of this document, all fields in a row.
    gaps: &'a [u32],
}

impl Posting<'_> {
    /// Word positions of the term in `field`, ascending; none while they
    /// are not loaded (a split index's position piece).
    pub fn positions(&self, field: Field) -> Vec<u32> {
        let skip: u32 = self.counts[..field as usize].iter().sum();
        let range = skip as usize..(skip + self.counts[field as usize]) as usize;
        from_gaps(self.gaps.get(range).unwrap_or_default()).collect()
    }
}

impl Postings {
    /// Every document as `(doc, counts, title positions, body positions)`: for tests.
    #[cfg(test)]
    pub(crate) fn unpacked(&self) -> Vec<UnpackedPosting> {
        self.iter()
            .map(|p| {
                (
                    p.doc,
                    p.counts.to_vec(),
                    p.positions(Field::Title),
                    p.positions(Field::Body),
                )
            })
            .collect()
    }

    /// Builds postings from `(document, positions per field)` in ascending document order.
    pub fn from_docs<'a>(
        docs: impl IntoIterator<Item = (u32, &'a [Vec<u32>; FIELD_COUNT])>,
    ) -> Self {
        let mut postings = Postings::default();
        let mut previous = 0;
        for (doc, fields) in docs {
            postings.doc_gaps.push(doc - previous);
            previous = doc;
            for positions in fields {
                postings.counts.push(positions.len() as u32);
                let mut at = 0;
                for &position in positions {
                    postings.positions.push(position - at);
                    at = position;
                }
            }
        }
        postings
    }

    /// Number of documents the term occurs in.
    pub fn doc_frequency(&self) -> usize {
        self.doc_gaps.len()
    }

    /// Number of documents before document `end` that the term occurs in.
    pub fn docs_before(&self, end: u32) -> usize {
        let mut doc = 0u32;
        (self.doc_gaps.iter())
            .take_while(|&&gap| {
                doc = doc.saturating_add(gap);
                doc < end
            })
            .count()
    }

    /// Checks that the postings are within `doc_count` documents, ascending,
    /// with a count per field and as many positions as counted, each within
    /// `u32`: what [`Postings::iter`] and [`Posting::positions`] rely on.
    pub fn validate(&self, doc_count: u32) -> Result<(), Damage> {
        if self.counts.len() != self.doc_gaps.len() * FIELD_COUNT {
            return Err(Damage::Unmatched {
                what: "a count per field",
            });
        }
        let mut doc = 0u64;
        for (i, &gap) in self.doc_gaps.iter().enumerate() {
            doc += u64::from(gap);
            if i > 0 && gap == 0 {
                return Err(Damage::OutOfOrder { what: "documents" });
            }
            if doc >= u64::from(doc_count) {
                return Err(Damage::OutOfRange {
                    what: "document",
                    value: doc,
                    limit: u64::from(doc_count),
                });
            }
        }
        let counted: u64 = self.counts.iter().map(|&c| u64::from(c)).sum();
        // No positions at all: a split file's term piece (they are apart).
        if counted != self.positions.len() as u64 && !self.positions.is_empty() {
            return Err(Damage::Unmatched {
                what: "as many positions as counted",
            });
        }
        let mut positions = self.positions.iter();
        for &count in &self.counts {
            let last: u64 = positions
                .by_ref()
                .take(count as usize)
                .map(|&g| u64::from(g))
                .sum();
            if last > u64::from(u32::MAX) {
                return Err(Damage::OutOfRange {
                    what: "word position",
                    value: last,
                    limit: u64::from(u32::MAX),
                });
            }
        }
        Ok(())
    }

    /// The documents of the term, in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = Posting<'_>> + '_ {
        let mut doc = 0;
        let mut at = 0usize;
        self.doc_gaps
            .iter()
            .zip(self.counts.chunks_exact(FIELD_COUNT))
            .map(move |(gap, counts)| {
                doc += gap;
                let len = counts.iter().sum::<u32>() as usize;
                // None when the positions are apart (a split file's term piece).
                let gaps = self.positions.get(at..at + len).unwrap_or_default();
                at += len;
                Posting { doc, counts, gaps }
            })
    }
}

/// [`MAGIC`], [`FORMAT_VERSION`], then `value` in postcard: the layout of
/// index files and pieces alike. The same value always gives the same bytes.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Written once into a buffer of the exact size: a large collection's
    // index is hundreds of MB, and a growing buffer would take twice that.
    let mut bytes = Vec::with_capacity(encoded_len(value));
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Encoding into a Vec cannot fail for these plain types.
    postcard::to_extend(value, bytes).expect("index encodes")
}

/// The length of [`encode`]'s bytes, without writing them.
pub fn encoded_len<T: Serialize>(value: &T) -> usize {
    let body = postcard::serialize_with_flavor(value, postcard::ser_flavors::Size::default());
    MAGIC.len() + FORMAT_VERSION.to_le_bytes().len() + body.expect("index encodes")
}

/// Decodes what [`encode`] wrote.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, FormatError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(FormatError::NotAnIndex)?;
    let (version, body) = rest.split_at_checked(4).ok_or(FormatError::Corrupt {
        damage: Damage::NoVersion,
    })?;
    let got = u32::from_le_bytes(version.try_into().expect("4 bytes"));
    if got != FORMAT_VERSION {
        return Err(FormatError::Version {
            expected: FORMAT_VERSION,
            got,
        });
    }
    postcard::from_bytes(body).map_err(|_| FormatError::Corrupt {
        damage: Damage::Undecodable,
    })
}

impl IndexFile {
    /// Encodes the file; the same value always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode(self)
    }

    /// Decodes a file written by [`IndexFile::to_bytes`], and checks that
    /// its parts agree (see [`IndexFile::validate`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let file: IndexFile = decode(bytes)?;
        file.validate()
            .map_err(|damage| FormatError::Corrupt { damage })?;
        Ok(file)
    }

    /// Checks what search and the reader rely on without checking again:
    /// one field length and one article per document, postings within the
    /// documents and their positions, one name and spelling per term, forms
    /// of existing terms, pieces in order.
    pub fn validate(&self) -> Result<(), Damage> {
        let index = &self.index;
        let docs = index.doc_count as usize;
        if self.articles.len() != docs {
            return Err(Damage::Unmatched {
                what: "one article per document",
            });
        }
        if index
            .field_lengths
            .iter()
            .any(|lengths| lengths.len() != docs)
        {
            return Err(Damage::Unmatched {
                what: "one field length per document",
            });
        }
        check_related(&self.articles, docs)?;
        check_entities(&self.entities, docs)?;
        let terms = index.postings.len();
        let whole_terms = index.terms.len() == terms || (self.is_split() && index.terms.is_empty());
        let whole_names = index.names.len() == terms || index.names.is_empty();
        let whole_spellings = index.spellings.len() == terms || index.spellings.is_empty();
        if !whole_terms || !whole_names || !whole_spellings {
            return Err(Damage::Unmatched {
                what: "one name, spelling and postings per term",
            });
        }
        if !index.terms.windows(2).all(|w| w[0] < w[1]) {
            return Err(Damage::OutOfOrder { what: "terms" });
        }
        for postings in &index.postings {
            postings.validate(index.doc_count)?;
        }
        if index.forms.len() != index.form_postings.len() {
            return Err(Damage::Unmatched {
                what: "one postings per word form",
            });
        }
        let forms = index.form_postings.iter().map(|f| f.term);
        if let Some(term) = forms.into_iter().find(|&t| t as usize >= terms) {
            return Err(Damage::OutOfRange {
                what: "term of a word form",
                value: u64::from(term),
                limit: terms as u64,
            });
        }
        let pieces = &self.pieces;
        let ascending = |refs: &[PieceRef]| refs.windows(2).all(|w| w[0].first < w[1].first);
        // Runs of documents: ascending, the first at document 0, none past the last.
        let of_docs = |refs: &[PieceRef]| {
            ascending(refs)
                && refs.first().is_none_or(|p| p.first == 0)
                && refs.last().is_none_or(|p| (p.first as usize) < docs)
        };
        if pieces.first_terms.len() != pieces.dictionary.len()
            || !ascending(&pieces.dictionary)
            || !pieces.first_terms.windows(2).all(|w| w[0] < w[1])
            || !pieces
                .generations
                .iter()
                .all(|g| generation_in_order(g, pieces.runs.len()))
            || !pieces
                .generations
                .windows(2)
                .all(|w| w[0].first_doc < w[1].first_doc)
            || pieces.generations.first().is_some_and(|g| g.first_doc != 0)
            || (pieces.has_whole() && pieces.generations.len() < 2)
            || pieces
                .generations
                .last()
                .is_some_and(|g| g.first_doc as usize >= docs.max(1))
            || !of_docs(&pieces.texts)
            || !of_docs(&pieces.titles)
            || !of_docs(&pieces.links)
            || pieces.first_ids.len() != pieces.ids.len()
            || !ascending(&pieces.ids)
            || !pieces.first_ids.windows(2).all(|w| w[0] < w[1])
        {
            return Err(Damage::OutOfOrder { what: "pieces" });
        }
        Ok(())
    }

    /// Whether the file is split in pieces (see [`IndexFile::split`]).
    pub fn is_split(&self) -> bool {
        !self.pieces.is_empty()
    }
}

/// Whether a generation's pieces are in order: ascending runs from the
/// first (of `runs`), one position piece per term piece.
fn generation_in_order(generation: &Generation, runs: usize) -> bool {
    let refs = &generation.terms;
    refs.windows(2).all(|w| w[0].first < w[1].first)
        && refs.first().is_none_or(|p| p.first == 0)
        && refs.last().is_none_or(|p| (p.first as usize) < runs)
        && generation.positions.len() == refs.len()
}

// How a whole index is cut into pieces: the build's, not the reader's
// (the app and the first result's path are built without it).
#[cfg(feature = "split")]
mod split;
#[cfg(feature = "split")]
pub use split::{generations, Apart, Whole};

/// The word form a spelling is (what [`crate::search`] compares with a
/// typed form, for a term written one way only).
pub(crate) fn form_of(spelling: &str, analyzer: &Analyzer) -> String {
    (analyzer.normalize(spelling).chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

pub mod lengths;

/// Checks that the related articles of `articles` are among the `count`
/// documents of the collection (a downloaded file may say anything).
pub fn check_related(articles: &[Article], count: usize) -> Result<(), Damage> {
    check_related_docs(articles.iter().flat_map(|a| &a.related), count)
}

/// Checks that `related` articles are among the `count` documents of the
/// collection.
pub fn check_related_docs<'a>(
    related: impl IntoIterator<Item = &'a crate::model::Related>,
    count: usize,
) -> Result<(), Damage> {
    let mut related = related.into_iter();
    match related.find(|r| r.doc as usize >= count) {
        Some(r) => Err(Damage::OutOfRange {
            what: "related document",
            value: u64::from(r.doc),
            limit: count as u64,
        }),
        None => Ok(()),
    }
}

/// Checks that `entities` name documents of the collection (of `count`),
/// each once and in order (a downloaded file may say anything).
pub fn check_entities(entities: &[Entity], count: usize) -> Result<(), Damage> {
    for entity in entities {
        if !entity.docs.windows(2).all(|w| w[0] < w[1]) {
            return Err(Damage::OutOfOrder {
                what: "a name's documents",
            });
        }
        if let Some(&doc) = entity.docs.last().filter(|&&d| d as usize >= count) {
            return Err(Damage::OutOfRange {
                what: "document of a name",
                value: u64::from(doc),
                limit: count as u64,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
