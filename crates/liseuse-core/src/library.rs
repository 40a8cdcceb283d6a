//! [`Library`]: a loaded collection, whole or split, its pieces loaded as
//! they come, and what the views ask of it (articles, lists, searches,
//! names, related articles).

use std::collections::HashMap;

use crate::format::Damage;
use crate::pieces::{PieceFiles, PieceKind};
use crate::{
    article, format, model, order, pieces, search, snippet, Analyzer, Article, DictionaryPiece,
    Filters, FormatError, IndexFile, Needed, Order, Page, Results, Searcher, Snippet, TextPiece,
};

/// A query read once (see [`Library::prepare`]).
#[derive(Debug)]
pub struct PreparedQuery {
    prepared: search::Prepared,
    /// The piece files it needs and that were not loaded.
    missing: Vec<String>,
    /// Of those, the dictionary pieces: what its terms need.
    dictionary: Vec<String>,
    /// The position pieces that would refine its ranking (see [`PreparedQuery::later`]).
    later: Vec<String>,
}

impl PreparedQuery {
    /// Whether the query has a phrase: its words' marks in a text are
    /// joined where they follow each other (see [`snippet::join_phrases`]).
    pub fn has_phrase(&self) -> bool {
        self.prepared.has_phrase()
    }

    /// The piece files it needs and that were not loaded (dictionary
    /// pieces, then term pieces).
    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// The dictionary pieces it needs and that were not loaded: what
    /// [`Library::prepared_terms`] needs (as [`Library::missing_for_terms`]).
    pub fn missing_dictionary(&self) -> &[String] {
        &self.dictionary
    }

    /// The position pieces of its terms, not loaded: their word positions,
    /// forms and spellings refine the ranking (the proximity of its words,
    /// the very form typed) and give a suggestion its accents. The results
    /// are there without them, and better with them. As large as postings,
    /// they are worth asking for once the reader stops typing, not at every
    /// keystroke.
    pub fn later(&self) -> &[String] {
        &self.later
    }
}

/// What a list shows of an article before its text ([`Library::listed`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed<'a> {
    /// Its id ([`Article::id`]).
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its section, if any.
    pub section: Option<&'a str>,
}

/// The collection's names, sorted by key, in runs by first entity number.
#[derive(Clone, Debug, Default)]
struct Names {
    pieces: pieces::Slots<Vec<model::Entity>>,
    /// The key of the first name of each piece (a split index).
    first_names: Vec<String>,
    /// The file name of each piece (a split index).
    files: PieceFiles,
}

impl Names {
    /// The run of pieces where the name of key `key` would be.
    fn run(&self, key: &str) -> usize {
        self.first_names
            .partition_point(|first| first.as_str() <= key)
            .saturating_sub(1)
    }
}

/// A collection ready to read and search: the articles and their index.
///
/// From a split index file (see [`IndexFile::split`]), it starts with the
/// articles' metadata only; [`Library::missing_for_query`] and
/// [`Library::missing_texts`] name the piece files a query or an article
/// needs, and [`Library::add_piece`] takes them in as they arrive. A query
/// may need pieces in two rounds: the dictionary pieces where its words
/// are, then the postings of the terms found there.
#[derive(Clone, Debug)]
pub struct Library {
    articles: Vec<Article>,
    /// Document number of each article id, for links; in a split index,
    /// the ids are in [`Library::ids`] instead.
    by_id: HashMap<String, u32>,
    /// The articles' ids, in id order, by first id number (a split index).
    ids: pieces::Slots<format::IdPiece>,
    /// The first id of each id piece.
    first_ids: Vec<String>,
    /// Each document's place from the newest (see [`Library::search_prepared`]).
    date_places: std::sync::OnceLock<Vec<u32>>,
    searcher: Searcher,
    /// Whether it reads the [whole postings](format::Pieces::whole).
    reads_whole: bool,
    /// The file names of the pieces (a split index), by kind and number.
    files: PieceFiles,
    /// The text pieces, by first document number: the articles once loaded.
    texts: pieces::Slots<Vec<Article>>,
    /// The title pieces, by first document number: the articles' ids,
    /// titles and sections.
    titles: pieces::Slots<Vec<Article>>,
    /// What each article links to (a split index), by first document
    /// number: its related articles and main names.
    links: pieces::Slots<Vec<model::Links>>,
    /// The collection's names: in a split index, once its name index is here.
    names: std::sync::OnceLock<Names>,
}

impl Library {
    /// Reads an index file (see [`format`](mod@format)).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        Self::from_bytes_with(bytes, false)
    }

    /// Reads an index file, to read its [whole](format::Pieces::whole)
    /// postings if `whole` (a reader who keeps no copy of the index) and
    /// it has them, or its generations'.
    pub fn from_bytes_with(bytes: &[u8], whole: bool) -> Result<Self, FormatError> {
        Ok(Self::with_postings(IndexFile::from_bytes(bytes)?, whole))
    }

    /// Wraps a decoded index file, whole or split.
    pub fn new(file: IndexFile) -> Self {
        Self::with_postings(file, false)
    }

    /// Wraps a decoded index file, to read its whole postings if `whole`
    /// (see [`Library::from_bytes_with`]).
    pub fn with_postings(file: IndexFile, whole: bool) -> Self {
        let pieces = file.pieces;
        // In a split index, the ids are in their pieces.
        let by_id = (file.articles.iter().enumerate())
            .filter(|_| pieces.ids.is_empty())
            .map(|(doc, article)| (article.id.clone(), doc as u32))
            .collect();
        let files = pieces.files_read(whole);
        let searcher = if pieces.is_empty() {
            Searcher::new(file.index)
        } else {
            Searcher::of_pieces(file.index, &pieces, whole)
        };
        Library {
            reads_whole: whole && pieces.has_whole(),
            articles: file.articles,
            by_id,
            searcher,
            files,
            texts: pieces::Slots::new(pieces.texts.iter().map(|p| p.first)),
            titles: pieces::Slots::new(pieces.titles.iter().map(|p| p.first)),
            links: pieces::Slots::new(pieces.links.iter().map(|p| p.first)),
            names: if pieces.name_index.is_empty() {
                std::sync::OnceLock::from(Names {
                    pieces: pieces::Slots::whole(file.entities),
                    ..Names::default()
                })
            } else {
                std::sync::OnceLock::new()
            },
            ids: pieces::Slots::new(pieces.ids.iter().map(|p| p.first)),
            first_ids: pieces.first_ids,
            date_places: std::sync::OnceLock::new(),
        }
    }

    /// The piece files a search for `query` needs and that are not loaded
    /// yet. Once they are in, ask again: the dictionary pieces tell what the
    /// query's words stand for, whose postings it needs next.
    pub fn missing_for_query(&self, query: &str) -> Vec<String> {
        if self.files.of(PieceKind::Terms).is_empty() {
            return Vec::new(); // a whole index: nothing to read the query for
        }
        self.needed_files(self.searcher.missing_pieces(query))
    }

    /// The position pieces that would refine the results of `query` and are
    /// not loaded (see [`PreparedQuery::later`]).
    pub fn later_for_query(&self, query: &str) -> Vec<String> {
        self.prepare(query).later
    }

    /// Reads `query` once for a view: the piece files it lacks
    /// ([`PreparedQuery::missing`], as [`Library::missing_for_query`]),
    /// then its results and terms without reading it again
    /// ([`Library::search_prepared`], [`Library::prepared_terms`]). Valid for
    /// what is loaded now: prepare again when a piece arrives.
    pub fn prepare(&self, query: &str) -> PreparedQuery {
        self.prepared(self.searcher.prepare(query))
    }

    /// A query read, with the names of the piece files it lacks.
    fn prepared(&self, prepared: search::Prepared) -> PreparedQuery {
        let needed = prepared.needed.clone();
        PreparedQuery {
            dictionary: (self.files)
                .names(PieceKind::Dictionary, prepared.for_terms.iter().copied()),
            later: (self.files).names(PieceKind::Positions, prepared.later.iter().copied()),
            missing: self.needed_files(needed),
            prepared,
        }
    }

    /// The best `limit` results of a prepared query among the articles
    /// `filters` keep (see [`Library::search_filtered`]).
    pub fn search_prepared(
        &self,
        query: &PreparedQuery,
        filters: &Filters,
        order: Order,
        limit: usize,
    ) -> Results {
        let allowed = self.allowed(filters);
        let places = (order == Order::Newest).then(|| self.date_places());
        (self.searcher).search_prepared(&query.prepared, limit, allowed.as_deref(), places)
    }

    /// A followed search after an update: `query` read for the articles
    /// new since the last visit (`filters.only_in`, whose id pieces must be
    /// here) and those after them. In a split index, it needs the pieces of
    /// the generations that hold them only, not the whole index's (see
    /// [`crate::Searcher::prepare_among`]).
    pub fn prepare_new(&self, query: &str, filters: &Filters) -> PreparedQuery {
        self.prepared((self.searcher).prepare_among(query, self.first_new(filters)))
    }

    /// The best `limit` results of a query read by [`Library::prepare_new`]
    /// among the new articles `filters` keep, and how many there are.
    pub fn search_new(&self, query: &PreparedQuery, filters: &Filters, limit: usize) -> Results {
        let allowed = self.allowed(filters);
        let from = self.first_new(filters);
        (self.searcher).search_among(&query.prepared, from, limit, allowed.as_deref())
    }

    /// The first document of the articles `filters.only_in` names (the
    /// number of documents when it names none).
    fn first_new(&self, filters: &Filters) -> u32 {
        let ids = filters.only_in.iter().flat_map(|ids| ids.iter());
        let docs = ids.filter_map(|id| self.doc_of(id));
        docs.min().unwrap_or(self.articles.len() as u32)
    }

    /// Each document's place in [`Library::by_date`], by number (computed once).
    fn date_places(&self) -> &[u32] {
        self.date_places.get_or_init(|| {
            let mut places = vec![0; self.articles.len()];
            for (place, doc) in self.by_date().into_iter().enumerate() {
                places[doc as usize] = place as u32;
            }
            places
        })
    }

    /// The index terms a prepared query matches, to highlight (see [`Library::terms`]).
    pub fn prepared_terms(&self, query: &PreparedQuery) -> order::SortedSet<String> {
        self.searcher.prepared_terms(&query.prepared)
    }

    /// The piece files [`Library::terms`] needs for `query` and that are not
    /// loaded yet: the dictionary pieces of its words (not their postings).
    /// Once they are in, ask again (a typo needs them all).
    pub fn missing_for_terms(&self, query: &str) -> Vec<String> {
        if self.files.of(PieceKind::Dictionary).is_empty() {
            return Vec::new();
        }
        let dictionary = self.searcher.missing_dictionary(query);
        self.needed_files(Needed {
            dictionary,
            ..Needed::default()
        })
    }

    /// The file names of `pieces`.
    fn needed_files(&self, pieces: Needed) -> Vec<String> {
        let mut files = self.files.names(PieceKind::Dictionary, pieces.dictionary);
        files.extend(self.files.names(PieceKind::Terms, pieces.terms));
        files.extend(self.files.names(PieceKind::Positions, pieces.positions));
        files
    }

    /// The piece files holding the text of `docs` that are not loaded yet.
    pub fn missing_texts(&self, docs: impl IntoIterator<Item = u32>) -> Vec<String> {
        if self.texts.is_empty() {
            return Vec::new();
        }
        let runs = self
            .texts
            .missing_for(docs.into_iter().map(|doc| doc as usize));
        self.files.names(PieceKind::Text, runs)
    }

    /// The title pieces holding the titles of `docs` that are not loaded
    /// yet, leaving out the documents whose text is here (it has their title).
    pub fn missing_titles(&self, docs: impl IntoIterator<Item = u32>) -> Vec<String> {
        let docs = docs.into_iter().filter(|&doc| !self.has_text(doc));
        let runs = self.titles.missing_for(docs.map(|doc| doc as usize));
        self.files.names(PieceKind::Titles, runs)
    }

    /// What a list shows of article `doc` before its text: its id, title
    /// and section, from its text or, in a split index, its title piece,
    /// when one of them is here ([`Library::missing_titles`]).
    pub fn listed(&self, doc: u32) -> Option<Listed<'_>> {
        let article = self.text(doc).or_else(|| {
            let (articles, at) = self.titles.entry(doc as usize)?;
            articles.get(at)
        })?;
        Some(Listed {
            id: &article.id,
            title: &article.title,
            section: article.section.as_deref(),
        })
    }

    /// Every piece file not loaded yet (to load the whole collection at once).
    pub fn missing_pieces(&self) -> Vec<String> {
        let mut files = self.needed_files(self.searcher.unloaded_pieces());
        files.extend(self.files.names(PieceKind::Text, self.texts.unloaded()));
        match self.names.get() {
            Some(names) => {
                files.extend(names.files.names(PieceKind::Names, names.pieces.unloaded()))
            }
            None => files.extend(self.files.names(PieceKind::NameIndex, [0])),
        }
        files.extend(self.files.names(PieceKind::Ids, self.ids.unloaded()));
        files.extend(self.files.names(PieceKind::Titles, self.titles.unloaded()));
        files.extend(self.files.names(PieceKind::Links, self.links.unloaded()));
        files
    }

    /// Takes in the piece file `file`, downloaded: its postings or articles
    /// are used from now on. A file this library does not name is an error,
    /// and so is one whose content does not fit its place.
    ///
    /// Downloaded bytes are untrusted: they must hash to the hash in the
    /// file's name ([`pieces::check`]), then decode and
    /// [validate](TermPiece::validate) as the piece expected there, before
    /// anything of them is used.
    pub fn add_piece(&self, file: &str, bytes: &[u8]) -> Result<(), FormatError> {
        let corrupt = |damage: Damage| FormatError::Damaged {
            file: file.to_string(),
            damage,
        };
        let name_piece = || self.names.get()?.files.find(file);
        let Some((kind, number)) = self.files.find(file).or_else(name_piece) else {
            return Err(corrupt(Damage::NotOurs));
        };
        // The whole postings' pieces are named after them all, not each
        // after its own bytes: decoding and validating check them.
        let whole = self.reads_whole && matches!(kind, PieceKind::Terms | PieceKind::Positions);
        if !whole {
            pieces::check(file, bytes)?;
        }
        match kind {
            PieceKind::Ids => {
                let piece: format::IdPiece = format::decode(bytes)?;
                let (first, next) = (&self.first_ids[number], self.first_ids.get(number + 1));
                let count = self.articles.len() as u32;
                (piece.validate(first, next.map(String::as_str), count)).map_err(corrupt)?;
                self.ids.set(number, piece);
                Ok(())
            }
            PieceKind::Positions => {
                let piece: format::PositionPiece = format::decode(bytes)?;
                (self.searcher.add_position_piece(number, piece)).map_err(corrupt)
            }
            PieceKind::Names => {
                let piece: format::NamePiece = format::decode(bytes)?;
                format::check_entities(&piece.entities, self.articles.len()).map_err(corrupt)?;
                if let Some(names) = self.names.get() {
                    names.pieces.set(number, piece.entities);
                }
                Ok(())
            }
            PieceKind::NameIndex => {
                let piece: format::NameIndexPiece = format::decode(bytes)?;
                piece.validate().map_err(corrupt)?;
                let mut files = PieceFiles::default();
                files.set(PieceKind::Names, piece.files());
                let _ = self.names.set(Names {
                    pieces: pieces::Slots::new(piece.names.iter().map(|p| p.first)),
                    first_names: piece.first_names,
                    files,
                });
                Ok(())
            }
            PieceKind::Dictionary => {
                let piece: DictionaryPiece = format::decode(bytes)?;
                (self.searcher.add_dictionary_piece(number, piece)).map_err(corrupt)
            }
            PieceKind::Terms => {
                let piece: format::GenerationPiece = format::decode(bytes)?;
                self.searcher.add_term_piece(number, piece).map_err(corrupt)
            }
            PieceKind::Links => {
                let piece: format::LinksPiece = format::decode(bytes)?;
                let links = piece.links;
                (self.add_run(&self.links, number, links, |l| &l.related)).map_err(corrupt)
            }
            // The same articles, with only their id, title and section.
            PieceKind::Titles | PieceKind::Text => {
                let slots = if kind == PieceKind::Text {
                    &self.texts
                } else {
                    &self.titles
                };
                let piece: TextPiece = format::decode(bytes)?;
                let articles = piece.articles;
                (self.add_run(slots, number, articles, |a| &a.related)).map_err(corrupt)
            }
        }
    }

    /// Takes in piece `number` of `slots`, a run of articles (their texts,
    /// titles or links), once it holds an item for each article of its run,
    /// whose related articles (`related` gives them) are of the collection.
    /// A text's id is checked against the id pieces' when both are here (see
    /// [`Library::doc_of`]).
    fn add_run<T>(
        &self,
        slots: &pieces::Slots<Vec<T>>,
        number: usize,
        items: Vec<T>,
        related: impl Fn(&T) -> &[model::Related],
    ) -> Result<(), Damage> {
        let first = slots.first(number).unwrap_or_default() as usize;
        let count = (slots.count(number)).unwrap_or(self.articles.len().saturating_sub(first));
        if items.len() != count {
            return Err(Damage::OtherItems);
        }
        format::check_related_docs(items.iter().flat_map(related), self.articles.len())?;
        slots.set(number, items);
        Ok(())
    }

    /// Whether the text of `doc` is here (always, unless the index is split
    /// and its piece is not loaded yet).
    pub fn has_text(&self, doc: u32) -> bool {
        self.text(doc).is_some()
    }

    /// Article `doc` whole (title, byline, text), when it is here: always
    /// for a whole index, once its piece is loaded for a split one. Its
    /// metadata (id, date, source, language) is always in [`Library::article_at`].
    pub fn text(&self, doc: u32) -> Option<&Article> {
        if self.texts.is_empty() {
            return self.articles.get(doc as usize);
        }
        let (articles, at) = self.texts.entry(doc as usize)?;
        articles.get(at)
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the collection has no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article, in document order; without their text when the index
    /// is split (see [`Library::article_at`]).
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with document number `doc`: with its text, unless the
    /// index is split and its piece is not loaded yet (see [`Library::has_text`]).
    ///
    /// # Panics
    /// When `doc` is not a document number of this library (hits always are).
    pub fn article_at(&self, doc: u32) -> &Article {
        self.text(doc).unwrap_or(&self.articles[doc as usize])
    }

    /// The articles related to `doc`, most related first, with whether each
    /// tells the same story from another source; empty until its text is
    /// here (they come with it in a split index).
    pub fn related(&self, doc: u32) -> Vec<model::Related> {
        let count = self.articles.len();
        let related = match self.links(doc) {
            Some(links) => &links.related,
            None => self.text(doc).map_or(&[][..], |article| &article.related),
        };
        (related.iter().copied())
            .filter(|r| (r.doc as usize) < count)
            .collect()
    }

    /// The main names of article `doc`, as shown: in its text (a whole
    /// index), or in its link piece once it is here ([`Library::missing_links`]).
    pub fn names_of(&self, doc: u32) -> &[String] {
        match self.links(doc) {
            Some(links) => &links.names,
            None => self.text(doc).map_or(&[], |article| &article.names),
        }
    }

    /// What article `doc` links to, in a split index once its piece is here.
    fn links(&self, doc: u32) -> Option<&model::Links> {
        let (piece, at) = self.links.entry(doc as usize)?;
        piece.get(at)
    }

    /// The link pieces of `docs` not loaded yet (none for a whole index):
    /// what [`Library::related`] and [`Library::names_of`] need.
    pub fn missing_links(&self, docs: impl IntoIterator<Item = u32>) -> Vec<String> {
        let runs = self.links.missing_for(docs.into_iter().map(|d| d as usize));
        self.files.names(PieceKind::Links, runs)
    }

    /// The person, place or organisation whose [`model::key`] is `key`,
    /// when its piece is here (always for a whole index; see
    /// [`Library::missing_for_name`]).
    pub fn entity(&self, key: &str) -> Option<&model::Entity> {
        let names = self.names.get()?;
        let all = names.pieces.piece(names.run(key))?;
        let at = all
            .binary_search_by(|e| model::key(&e.name).as_str().cmp(key))
            .ok()?;
        all.get(at)
    }

    /// The piece [`Library::entity`] needs for `key`, if not loaded: the
    /// name index first, then the name's piece.
    pub fn missing_for_name(&self, key: &str) -> Vec<String> {
        let Some(names) = self.names.get() else {
            return self.files.names(PieceKind::NameIndex, [0]);
        };
        let run = names.run(key);
        match names.files.of(PieceKind::Names).get(run) {
            Some(file) if !names.pieces.is_loaded(run) => vec![file.clone()],
            _ => Vec::new(),
        }
    }

    /// The document number of the article whose id is `id`: in a split
    /// index, once its id piece is here ([`Library::missing_for_ids`]).
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        if self.ids.is_empty() {
            return self.by_id.get(id).copied();
        }
        let piece = self.ids.piece(self.id_run(id))?;
        let at = piece
            .ids
            .binary_search_by(|known| known.as_str().cmp(id))
            .ok()?;
        let doc = *piece.docs.get(at)?;
        // A text piece here with another id there: one of the two is not ours.
        match self.text(doc) {
            Some(article) if article.id != id => None,
            _ => Some(doc),
        }
    }

    /// The run of id pieces where `id` would be.
    fn id_run(&self, id: &str) -> usize {
        (self.first_ids)
            .partition_point(|first| first.as_str() <= id)
            .saturating_sub(1)
    }

    /// The id pieces [`Library::doc_of`] needs for `ids` and that are not
    /// loaded (none for a whole index).
    pub fn missing_for_ids<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        if self.ids.is_empty() {
            return Vec::new();
        }
        let mut runs: Vec<usize> = (ids.into_iter())
            .map(|id| self.id_run(id))
            .filter(|&run| !self.ids.is_loaded(run))
            .collect();
        crate::order::sort_dedup(&mut runs);
        self.files.names(PieceKind::Ids, runs)
    }

    /// The id pieces not loaded yet (none for a whole index).
    pub fn missing_ids(&self) -> Vec<String> {
        let runs = 0..self.files.of(PieceKind::Ids).len();
        let runs = runs.filter(|&run| !self.ids.is_loaded(run));
        self.files.names(PieceKind::Ids, runs)
    }

    /// Every article's id, once all are known (a split index has its ids in
    /// pieces: [`Library::missing_ids`] names those not here). Asked at
    /// every render until it answers, so it lists nothing when it cannot.
    pub fn all_ids(&self) -> Option<Vec<&str>> {
        if self.ids.is_empty() {
            return Some(self.articles.iter().map(|a| a.id.as_str()).collect());
        }
        let runs = 0..self.files.of(PieceKind::Ids).len();
        if !runs.clone().all(|run| self.ids.is_loaded(run)) {
            return None;
        }
        Some(
            runs.filter_map(|run| self.ids.piece(run))
                .flat_map(|piece| piece.ids.iter().map(String::as_str))
                .collect(),
        )
    }

    /// Whether the collection is known to have no article `id`: always
    /// known for a whole index, once its id piece is here for a split one.
    pub fn lacks(&self, id: &str) -> bool {
        self.missing_for_ids([id]).is_empty() && self.doc_of(id).is_none()
    }

    /// The article whose id is `id`.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.doc_of(id).map(|doc| self.article_at(doc))
    }

    /// How the words of article `doc` are read: the collection's analysis,
    /// in the article's language (as its index terms were made).
    pub fn analyzer_of(&self, doc: u32) -> Analyzer {
        let lang = self
            .articles
            .get(doc as usize)
            .and_then(|a| a.lang.as_deref());
        self.searcher.analyzer().for_lang(lang)
    }

    /// The passage of article `doc` that best shows its `terms` (see [`snippet::snippet_with`]).
    pub fn snippet(&self, doc: u32, terms: &order::SortedSet<String>) -> Snippet {
        // snippet_with reads the article in its own language.
        snippet::snippet_with(self.searcher.analyzer(), self.article_at(doc), terms)
    }

    /// The ranges of `text`, a field of article `doc`, that match `terms`,
    /// read in the article's language (see [`snippet::highlight_with`]).
    pub fn highlight(
        &self,
        doc: u32,
        text: &str,
        terms: &order::SortedSet<String>,
    ) -> Vec<std::ops::Range<usize>> {
        snippet::highlight_with(self.analyzer_of(doc), text, terms)
    }

    /// `ranges` of `text`, a field of article `doc`, with the marks that
    /// follow each other (nothing but spaces, punctuation and stop words
    /// between them) joined: a phrase found is one mark.
    pub fn join_phrases(
        &self,
        doc: u32,
        text: &str,
        ranges: Vec<std::ops::Range<usize>>,
    ) -> Vec<std::ops::Range<usize>> {
        snippet::join_phrases(self.analyzer_of(doc), text, ranges)
    }

    /// Whether this build reads queries in every language of the collection
    /// (see [`Searcher::analyses_every_language`]).
    pub fn analyses_every_language(&self) -> bool {
        self.searcher.analyses_every_language()
    }

    /// The best `limit` articles for `query`; see [`Searcher::search`].
    pub fn search(&self, query: &str, limit: usize) -> Results {
        self.searcher.search(query, limit)
    }

    /// The index terms `query` matches, to highlight; see [`Searcher::terms`].
    pub fn terms(&self, query: &str) -> order::SortedSet<String> {
        self.searcher.terms(query)
    }

    /// The best `limit` articles for `query` among those `keep` accepts.
    pub fn search_where(
        &self,
        query: &str,
        limit: usize,
        keep: impl Fn(&Article) -> bool,
    ) -> Results {
        let allowed: Vec<bool> = self.articles.iter().map(keep).collect();
        self.searcher.search_in(query, limit, Some(&allowed))
    }

    /// Which documents `filters` keep, by document number; `None` when
    /// they keep all (no filter set).
    pub(crate) fn allowed(&self, filters: &Filters) -> Option<Vec<bool>> {
        let keeps = self.keeps(filters);
        (filters.is_active()).then(|| (0..self.articles.len() as u32).map(keeps).collect())
    }

    /// Whether `filters` keep each document: its metadata, and whether its
    /// id is among those left out (the read ones, whose id pieces must be
    /// here: see [`Library::missing_for_filters`]).
    pub(crate) fn keeps<'a>(&'a self, filters: &'a Filters) -> impl Fn(u32) -> bool + 'a {
        let mut left_out: Vec<u32> = (filters.not_in.iter())
            .flat_map(|ids| ids.iter())
            .filter_map(|id| self.doc_of(id))
            .collect();
        left_out.sort_unstable();
        let only: Option<Vec<u32>> = filters.only_in.as_ref().map(|ids| {
            let mut docs: Vec<u32> = ids.iter().filter_map(|id| self.doc_of(id)).collect();
            docs.sort_unstable();
            docs
        });
        move |doc| {
            left_out.binary_search(&doc).is_err()
                && only
                    .as_ref()
                    .is_none_or(|only| only.binary_search(&doc).is_ok())
                && (self.articles.get(doc as usize)).is_some_and(|a| filters.keep(a))
        }
    }

    /// The id pieces `filters` need (those of the ids they leave out).
    pub fn missing_for_filters(&self, filters: &Filters) -> Vec<String> {
        let ids = (filters.not_in.iter().chain(&filters.only_in)).flat_map(|ids| ids.iter());
        self.missing_for_ids(ids.map(String::as_str))
    }

    /// Document numbers, newest first; undated articles after, in collection order.
    pub fn by_date(&self) -> Vec<u32> {
        let mut docs: Vec<u32> = (0..self.articles.len() as u32).collect();
        // Stable: equal dates keep collection order (indexes built by this
        // version are numbered newest first already).
        let date = |d: u32| self.articles[d as usize].date.as_deref();
        crate::order::sort_by(&mut docs, |&a, &b| article::newest_first(date(a), date(b)));
        docs
    }

    /// Puts `docs` in the order of [`Library::by_date`]: the newest first
    /// (articles are numbered in the order they were added, the oldest first).
    pub fn newest_first(&self, docs: &mut [u32]) {
        let places = self.date_places();
        crate::order::sort_by_key(docs, |&doc| {
            places.get(doc as usize).copied().unwrap_or(u32::MAX)
        });
    }

    /// Every source named by an article, with its number of articles, by name.
    pub fn sources(&self) -> Vec<(String, usize)> {
        count(self.articles.iter().filter_map(|a| a.source.clone()))
    }

    /// Every year of an article's date, with its number of articles, newest first.
    pub fn years(&self) -> Vec<(String, usize)> {
        let mut years = count(
            self.articles
                .iter()
                .filter_map(|a| a.year().map(str::to_string)),
        );
        years.reverse();
        years
    }
}

/// Distinct values with their counts, sorted by value.
fn count(values: impl Iterator<Item = String>) -> Vec<(String, usize)> {
    let mut counts = Vec::new();
    for value in values {
        *order::entry(&mut counts, value) += 1;
    }
    counts
}

/// The lists of [`listing`]: which articles a list shows.
impl Library {
    /// The first `limit` articles that `filters` keep, newest first (see
    /// [`crate::Library::by_date`]), of how many it keeps.
    pub fn browse(&self, filters: &Filters, limit: usize) -> Page {
        let keeps = self.keeps(filters);
        let kept: Vec<u32> = (self.by_date().into_iter())
            .filter(|&doc| keeps(doc))
            .collect();
        Page {
            total: kept.len(),
            shown: kept.into_iter().take(limit).collect(),
        }
    }

    /// Every month of an article's date (`YYYY-MM`) among those `filters`
    /// keep, with its number of articles, newest first: how the home page
    /// shows the collection.
    pub fn months(&self, filters: &Filters) -> Vec<(String, usize)> {
        let mut months: Vec<(String, usize)> = Vec::new();
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let keeps = self.keeps(filters);
        let kept = (self.articles().iter().enumerate()).filter(|&(doc, _)| keeps(doc as u32));
        for (_, article) in kept {
            if let Some(month) = article.month() {
                *order::entry(&mut counts, month) += 1;
            }
        }
        months.extend(counts.into_iter().rev().map(|(m, n)| (m.to_string(), n)));
        months
    }

    /// The best `limit` results of `query` among the articles `filters` keep.
    pub fn search_filtered(&self, query: &str, filters: &Filters, limit: usize) -> Results {
        let allowed = self.allowed(filters);
        self.searcher.search_in(query, limit, allowed.as_deref())
    }
}

/// Why a query's pieces could not all be loaded: the file, and what was wrong.
#[derive(Debug)]
pub struct LoadError<E> {
    /// The piece.
    pub file: String,
    /// What fetching it said, or what was wrong with its bytes.
    pub error: Result<FormatError, E>,
}

/// Loads into `library` what a search for `query` needs, round after round
/// (the dictionary pieces where its words would be, then the postings of the
/// terms found there; a typo needs every dictionary piece first; last, the
/// positions, forms and spellings that refine its ranking), each file
/// fetched with `fetch`. Returns the files loaded, by round. Native callers
/// (tests, benchmarks) use it as it is; the app runs the same rounds, one per
/// render, as pieces arrive.
pub fn load_for_query<E>(
    library: &Library,
    query: &str,
    mut fetch: impl FnMut(&str) -> Result<Vec<u8>, E>,
) -> Result<Vec<Vec<String>>, LoadError<E>> {
    let mut rounds = Vec::new();
    // A query needs at most four rounds; more means a piece does not give
    // what its place promises, which add_piece would have refused.
    for _ in 0..8 {
        let mut missing = library.missing_for_query(query);
        if missing.is_empty() {
            // Last, the positions, forms and spellings that refine the ranking.
            missing = library.later_for_query(query);
        }
        if missing.is_empty() {
            return Ok(rounds);
        }
        for file in &missing {
            let bytes = fetch(file).map_err(|error| LoadError {
                file: file.clone(),
                error: Err(error),
            })?;
            library.add_piece(file, &bytes).map_err(|error| LoadError {
                file: file.clone(),
                error: Ok(error),
            })?;
        }
        rounds.push(missing);
    }
    Ok(rounds)
}
