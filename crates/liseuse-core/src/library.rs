//! [`Library`]: a loaded collection, whole or split, its pieces loaded as
//! they come, and what the views ask of it (articles, lists, searches,
//! names, related articles).

use std::collections::HashMap;

use crate::pieces::PieceKind;
use crate::{
    article, entities, format, order, pieces, related, search, snippet, Analyzer, Article,
    DictionaryPiece, Filters, FormatError, IndexFile, Needed, Order, Page, Results, Searcher,
    Snippet, TermPiece, TextPiece,
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
    /// The file names of the id pieces, by number.
    id_files: Vec<String>,
    pub(crate) searcher: Searcher,
    /// The file names of the dictionary pieces, by number.
    pub(crate) dictionary_files: Vec<String>,
    /// The file names of the term pieces, by number.
    term_files: Vec<String>,
    /// The file names of the position pieces, by number (those of the term pieces).
    position_files: Vec<String>,
    /// The text pieces, by first document number: the articles once loaded.
    texts: pieces::Slots<Vec<Article>>,
    /// The file names of the text pieces, by number.
    text_files: Vec<String>,
    /// The title pieces, by first document number: the articles' ids,
    /// titles and sections.
    titles: pieces::Slots<Vec<Article>>,
    /// The file names of the title pieces, by number.
    title_files: Vec<String>,
    /// The collection's names, sorted by key, by first entity number.
    names: pieces::Slots<Vec<entities::Entity>>,
    /// The key of the first name of each name piece.
    first_names: Vec<String>,
    /// The file names of the name pieces, by number.
    name_files: Vec<String>,
}

impl Library {
    /// Reads an index file (see [`format`](mod@format)).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        Ok(Self::new(IndexFile::from_bytes(bytes)?))
    }

    /// Wraps a decoded index file, whole or split.
    pub fn new(file: IndexFile) -> Self {
        let pieces = file.pieces;
        // In a split index, the ids are in their pieces.
        let by_id = (file.articles.iter().enumerate())
            .filter(|_| pieces.ids.is_empty())
            .map(|(doc, article)| (article.id.clone(), doc as u32))
            .collect();
        let searcher = if pieces.is_empty() {
            Searcher::new(file.index)
        } else {
            let firsts: Vec<u32> = pieces.terms.iter().map(|p| p.first).collect();
            let run_firsts = pieces.dictionary.iter().map(|p| p.first);
            let runs = run_firsts.zip(pieces.first_terms).collect();
            Searcher::split(file.index, runs, &firsts)
        };
        Library {
            articles: file.articles,
            by_id,
            searcher,
            dictionary_files: PieceKind::Dictionary.files(&pieces.dictionary),
            term_files: PieceKind::Terms.files(&pieces.terms),
            position_files: (pieces.positions.iter().enumerate())
                .map(|(number, &hash)| PieceKind::Positions.file(number, hash))
                .collect(),
            texts: pieces::Slots::new(pieces.texts.iter().map(|p| p.first)),
            text_files: PieceKind::Text.files(&pieces.texts),
            titles: pieces::Slots::new(pieces.titles.iter().map(|p| p.first)),
            title_files: PieceKind::Titles.files(&pieces.titles),
            names: if pieces.names.is_empty() {
                pieces::Slots::whole(file.entities)
            } else {
                pieces::Slots::new(pieces.names.iter().map(|p| p.first))
            },
            name_files: PieceKind::Names.files(&pieces.names),
            first_names: pieces.first_names,
            ids: pieces::Slots::new(pieces.ids.iter().map(|p| p.first)),
            id_files: PieceKind::Ids.files(&pieces.ids),
            first_ids: pieces.first_ids,
            date_places: std::sync::OnceLock::new(),
        }
    }

    /// The piece files a search for `query` needs and that are not loaded
    /// yet. Once they are in, ask again: the dictionary pieces tell what the
    /// query's words stand for, whose postings it needs next.
    pub fn missing_for_query(&self, query: &str) -> Vec<String> {
        if self.term_files.is_empty() {
            return Vec::new(); // a whole index: nothing to read the query for
        }
        self.files(self.searcher.missing_pieces(query))
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
        let prepared = self.searcher.prepare(query);
        let needed = prepared.needed.clone();
        PreparedQuery {
            dictionary: (prepared.for_terms.iter())
                .map(|&n| self.dictionary_files[n].clone())
                .collect(),
            later: (prepared.later.iter())
                .filter_map(|&n| self.position_files.get(n).cloned())
                .collect(),
            missing: self.files(needed),
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
        if self.dictionary_files.is_empty() {
            return Vec::new();
        }
        let dictionary = self.searcher.missing_dictionary(query);
        self.files(Needed {
            dictionary,
            ..Needed::default()
        })
    }

    /// The file names of `pieces`.
    fn files(&self, pieces: Needed) -> Vec<String> {
        let dictionary = pieces.dictionary.into_iter();
        let dictionary = dictionary.map(|n| self.dictionary_files[n].clone());
        let terms = pieces.terms.into_iter().map(|n| self.term_files[n].clone());
        let positions = pieces.positions.into_iter();
        let positions = positions.filter_map(|n| self.position_files.get(n).cloned());
        dictionary.chain(terms).chain(positions).collect()
    }

    /// The piece files holding the text of `docs` that are not loaded yet.
    pub fn missing_texts(&self, docs: impl IntoIterator<Item = u32>) -> Vec<String> {
        if self.texts.is_empty() {
            return Vec::new();
        }
        let runs = self
            .texts
            .missing_for(docs.into_iter().map(|doc| doc as usize));
        runs.into_iter()
            .map(|run| self.text_files[run].clone())
            .collect()
    }

    /// The title pieces holding the titles of `docs` that are not loaded
    /// yet, leaving out the documents whose text is here (it has their title).
    pub fn missing_titles(&self, docs: impl IntoIterator<Item = u32>) -> Vec<String> {
        let docs = docs.into_iter().filter(|&doc| !self.has_text(doc));
        let runs = self.titles.missing_for(docs.map(|doc| doc as usize));
        runs.into_iter()
            .map(|run| self.title_files[run].clone())
            .collect()
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
        let terms = self.files(self.searcher.unloaded_pieces()).into_iter();
        let texts = self.texts.unloaded().into_iter();
        let names = self.names.unloaded().into_iter();
        let ids = self.ids.unloaded().into_iter();
        let titles = self.titles.unloaded().into_iter();
        terms
            .chain(texts.map(|run| self.text_files[run].clone()))
            .chain(names.filter_map(|run| self.name_files.get(run).cloned()))
            .chain(ids.map(|run| self.id_files[run].clone()))
            .chain(titles.map(|run| self.title_files[run].clone()))
            .collect()
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
        let corrupt = |reason: String| FormatError::Corrupt {
            reason: format!("{file}: {reason}"),
        };
        let known = |files: &[String]| files.iter().position(|f| f == file);
        let dictionary = known(&self.dictionary_files);
        let terms = known(&self.term_files);
        let text = known(&self.text_files);
        let names = known(&self.name_files);
        let positions = known(&self.position_files);
        let ids = known(&self.id_files);
        let titles = known(&self.title_files);
        if [dictionary, terms, text, names, positions, ids, titles]
            .iter()
            .all(Option::is_none)
        {
            return Err(corrupt("no piece of this index".into()));
        }
        pieces::check(file, bytes)?;
        if let Some(number) = ids {
            let piece: format::IdPiece = format::decode(bytes)?;
            let (first, next) = (&self.first_ids[number], self.first_ids.get(number + 1));
            let count = self.articles.len() as u32;
            piece
                .validate(first, next.map(String::as_str), count)
                .map_err(corrupt)?;
            self.ids.set(number, piece);
            return Ok(());
        }
        if let Some(number) = positions {
            let piece: format::PositionPiece = format::decode(bytes)?;
            return (self.searcher.add_position_piece(number, piece)).map_err(corrupt);
        }
        if let Some(number) = names {
            let piece: format::NamePiece = format::decode(bytes)?;
            format::check_entities(&piece.entities, self.articles.len()).map_err(corrupt)?;
            self.names.set(number, piece.entities);
            return Ok(());
        }
        if let Some(number) = dictionary {
            let piece: DictionaryPiece = format::decode(bytes)?;
            return self
                .searcher
                .add_dictionary_piece(number, piece)
                .map_err(corrupt);
        }
        if let Some(number) = terms {
            let piece: TermPiece = format::decode(bytes)?;
            return self.searcher.add_term_piece(number, piece).map_err(corrupt);
        }
        // A text piece, or a title piece (the same articles, with only their
        // id, title and section).
        let (slots, number) = match (text, titles) {
            (Some(number), _) => (&self.texts, number),
            (_, Some(number)) => (&self.titles, number),
            _ => return Err(corrupt("no piece of this index".into())),
        };
        let piece: TextPiece = format::decode(bytes)?;
        let first = slots.first(number).unwrap_or_default() as usize;
        let end =
            first + (slots.count(number)).unwrap_or(self.articles.len().saturating_sub(first));
        // Its ids are checked against the id pieces' when both are here
        // (see `Library::doc_of`); its place, here.
        if piece.articles.len() != end.saturating_sub(first) {
            return Err(corrupt(format!(
                "{file} holds other articles than expected"
            )));
        }
        format::check_related(&piece.articles, self.articles.len()).map_err(corrupt)?;
        slots.set(number, piece.articles);
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
    pub fn related(&self, doc: u32) -> Vec<related::Related> {
        let count = self.articles.len();
        (self.text(doc).into_iter())
            .flat_map(|article| article.related.iter().copied())
            .filter(|r| (r.doc as usize) < count)
            .collect()
    }

    /// The run of name pieces where the name of key `key` would be.
    fn name_run(&self, key: &str) -> usize {
        self.first_names
            .partition_point(|first| first.as_str() <= key)
            .saturating_sub(1)
    }

    /// The person, place or organisation whose [`entities::key`] is `key`,
    /// when its piece is here (always for a whole index; see
    /// [`Library::missing_for_name`]).
    pub fn entity(&self, key: &str) -> Option<&entities::Entity> {
        let all = self.names.piece(self.name_run(key))?;
        let at = all
            .binary_search_by(|e| entities::key(&e.name).as_str().cmp(key))
            .ok()?;
        all.get(at)
    }

    /// The name piece [`Library::entity`] needs for `key`, if not loaded.
    pub fn missing_for_name(&self, key: &str) -> Vec<String> {
        let run = self.name_run(key);
        match self.name_files.get(run) {
            Some(file) if !self.names.is_loaded(run) => vec![file.clone()],
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
        runs.into_iter()
            .map(|run| self.id_files[run].clone())
            .collect()
    }

    /// The id pieces not loaded yet (none for a whole index).
    pub fn missing_ids(&self) -> Vec<String> {
        (0..self.id_files.len())
            .filter(|&run| !self.ids.is_loaded(run))
            .map(|run| self.id_files[run].clone())
            .collect()
    }

    /// Every article's id, once all are known (a split index has its ids in
    /// pieces: [`Library::missing_ids`] names those not here). Asked at
    /// every render until it answers, so it lists nothing when it cannot.
    pub fn all_ids(&self) -> Option<Vec<&str>> {
        if self.ids.is_empty() {
            return Some(self.articles.iter().map(|a| a.id.as_str()).collect());
        }
        let runs = 0..self.id_files.len();
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

#[cfg(all(test, feature = "indexer"))]
mod tests {
    use super::*;
    use crate::indexer;

    fn library() -> Library {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
        Library::new(indexer::build_dir(&dir).unwrap().0)
    }

    #[test]
    fn results_newest_first_are_the_same_results_by_date() {
        let library = library();
        let prepared = library.prepare("accord paix");
        let filters = Filters::default();
        let best = library.search_prepared(&prepared, &filters, Order::Relevance, 100);
        let newest = library.search_prepared(&prepared, &filters, Order::Newest, 100);
        assert!(best.hits.len() > 2, "{best:?}");
        assert_eq!(newest.total, best.total);
        let docs = |results: &Results| {
            let mut docs: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
            docs.sort_unstable();
            docs
        };
        assert_eq!(docs(&newest), docs(&best), "the same results");
        // In the order of the list of all articles, newest first, undated last.
        let by_date = library.by_date();
        let place = |doc: u32| by_date.iter().position(|&d| d == doc).unwrap();
        let places: Vec<usize> = newest.hits.iter().map(|h| place(h.doc)).collect();
        assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
        assert_ne!(
            best.hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
            newest.hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
            "this query's most relevant is not its newest: the test tells the orders apart"
        );
        // The first page of the newest is the newest of all the results.
        let page = library.search_prepared(&prepared, &filters, Order::Newest, 2);
        assert_eq!(page.hits, newest.hits[..2]);
    }

    #[test]
    fn the_collection_lists_newest_first_and_undated_last() {
        let library = library();
        let dates: Vec<Option<&str>> = library
            .by_date()
            .iter()
            .map(|&d| library.article_at(d).date.as_deref())
            .collect();
        assert_eq!(
            &dates[..3],
            [Some("2024-02-01"), Some("2023-10-24"), Some("2020-05-03")]
        );
        assert!(dates[3..].iter().all(Option::is_none));
    }

    #[test]
    fn sources_and_years_are_counted() {
        let library = library();
        assert_eq!(
            library.sources(),
            [
                ("Le Courrier du Caucase".to_string(), 1),
                ("Le Journal".to_string(), 1)
            ]
        );
        assert_eq!(library.years()[0], ("2024".to_string(), 1));
        assert_eq!(library.years().len(), 3);
    }

    #[test]
    fn a_search_can_be_limited_to_a_source_or_a_year() {
        let library = library();
        let all = library.search("accord", 10);
        assert!(all.total >= 2);
        let journal =
            library.search_where("accord", 10, |a| a.source.as_deref() == Some("Le Journal"));
        assert_eq!(journal.total, 1);
        assert_eq!(library.article_at(journal.hits[0].doc).id, "pages/bakou");
        let in_2023 = library.search_where("accord", 10, |a| a.year() == Some("2023"));
        assert!(in_2023
            .hits
            .iter()
            .all(|h| library.article_at(h.doc).year() == Some("2023")));
    }

    /// The fixture collection split into many small pieces, with the pieces by name.
    fn split_library() -> (Library, HashMap<String, Vec<u8>>) {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
        let file = indexer::build_dir(&dir).unwrap().0;
        let sizes = format::PieceSizes {
            dictionary_terms: 5,
            term_bytes: 40,
            text_bytes: 200,
            title_bytes: 60,
        };
        let (head, pieces) = file.split(sizes);
        let head = Library::from_bytes(&head.to_bytes()).unwrap();
        (head, pieces.into_iter().collect())
    }

    /// Loads what `query` needs into `split`, round after round as a reader
    /// would (the dictionary pieces, then what they say the query needs);
    /// returns the number of rounds.
    fn load_for(split: &Library, pieces: &HashMap<String, Vec<u8>>, query: &str) -> usize {
        let fetch = |file: &str| pieces.get(file).cloned().ok_or("no such piece");
        let rounds = load_for_query(split, query, fetch).unwrap();
        assert!(rounds.len() <= 4, "{query}: {rounds:?}");
        rounds.len()
    }

    #[test]
    fn a_split_index_searches_as_the_whole_once_the_named_pieces_are_in() {
        let whole = library();
        let (split, pieces) = split_library();
        assert!(pieces.len() > 4, "{} pieces", pieces.len());
        let dictionary = pieces.keys().filter(|f| f.starts_with("dictionary-"));
        assert!(dictionary.count() > 2);
        assert!(split.search("accord", 10).hits.is_empty());
        for query in [
            "accord",
            "Bakou paix",
            "\"la paix\"",
            "accord -bakou",
            "\"les délégations arménienne et azerbaïdjanaise se sont retrouvées\"",
            "karabagh",
            "arm",
            "Bakou",
            "paic",
        ] {
            load_for(&split, &pieces, query);
            assert_eq!(split.search(query, 10), whole.search(query, 10), "{query}");
        }
        // A suggestion shows a spelling, which comes with its term's piece.
        assert_eq!(split.search("paic", 10).suggestion.as_deref(), Some("paix"));
        // Only what the queries needed was loaded.
        assert!(!split.missing_pieces().is_empty());
    }

    #[test]
    fn ranking_reads_no_word_positions_and_proximity_reads_them_later() {
        let whole = library();
        let (split, pieces) = split_library();
        let fetch = |file: &str| pieces.get(file).cloned().ok_or("no such piece");
        let add = |files: &[String]| {
            for file in files {
                split.add_piece(file, &pieces[file]).unwrap();
            }
        };
        // Words: their postings, and no positions, before the results.
        let query = "accord de paix ";
        for _ in 0..4 {
            let missing = split.missing_for_query(query);
            assert!(
                missing.iter().all(|f| !f.starts_with("positions-")),
                "{missing:?}"
            );
            add(&missing);
        }
        let first = split.search(query, 10);
        assert!(first.total > 0);
        // Then the positions, forms and spellings that bring the proximity
        // of the words and the very form typed in: the same articles,
        // ranked as the whole index ranks them.
        let later = split.later_for_query(query);
        assert!(
            !later.is_empty() && later.iter().all(|f| f.starts_with("positions-")),
            "{later:?}"
        );
        add(&later);
        assert!(split.later_for_query(query).is_empty());
        let ranked = split.search(query, 10);
        assert_eq!(ranked, whole.search(query, 10));
        let docs = |r: &Results| -> std::collections::BTreeSet<u32> {
            r.hits.iter().map(|h| h.doc).collect()
        };
        assert_eq!(docs(&first), docs(&ranked));
        // One word has no proximity to weigh, but its forms and spelling
        // come later too; the loading rounds end with them.
        let (fresh, _) = split_library();
        let rounds = load_for_query(&fresh, "paix ", fetch).unwrap();
        let last = rounds.last().unwrap();
        assert!(
            last.iter().all(|f| f.starts_with("positions-")),
            "{rounds:?}"
        );
        assert!(fresh.later_for_query("paix ").is_empty());
        // A phrase cannot be told without positions: they come before its results.
        let (fresh, _) = split_library();
        let phrase = "\"délégations arménienne et azerbaïdjanaise\"";
        let mut blocking = Vec::new();
        for _ in 0..4 {
            let missing = fresh.missing_for_query(phrase);
            blocking.extend(missing.clone());
            for file in &missing {
                fresh.add_piece(file, &pieces[file]).unwrap();
            }
        }
        assert!(
            blocking.iter().any(|f| f.starts_with("positions-")),
            "{blocking:?}"
        );
        assert_eq!(fresh.search(phrase, 10), whole.search(phrase, 10));
        assert!(fresh.search(phrase, 10).total > 0);
        // Positions that are not those of their postings are refused.
        let (fresh, _) = split_library();
        let terms: Vec<&String> = pieces.keys().filter(|f| f.starts_with("terms-")).collect();
        let position_of = |t: &str| t.replacen("terms-", "positions-", 1);
        let file = terms[0];
        let positions = pieces
            .keys()
            .find(|f| f.starts_with(&position_of(file)[..15]))
            .unwrap();
        fresh.add_piece(file, &pieces[file]).unwrap();
        let number: usize = file[6..10].parse().unwrap();
        let real: format::PositionPiece = format::decode(&pieces[positions]).unwrap();
        // Other terms than the run's, and one position more than counted.
        let other_terms = format::PositionPiece {
            positions: vec![vec![1, 2, 3]; 50],
            ..Default::default()
        };
        let mut miscounted = real.clone();
        let term = (miscounted.positions.iter())
            .position(|p| !p.is_empty())
            .unwrap();
        miscounted.positions[term].push(1);
        for wrong in [other_terms, miscounted] {
            let added = fresh.searcher.add_position_piece(number, wrong);
            assert!(added.is_err(), "{added:?}");
        }
        // Nothing of them was kept: the real piece is still missing, and taken.
        assert!(fresh.missing_pieces().contains(positions));
        fresh.add_piece(positions, &pieces[positions]).unwrap();
    }

    #[test]
    fn a_word_is_looked_up_in_one_dictionary_piece_and_only_a_typo_reads_them_all() {
        let (split, pieces) = split_library();
        let dictionary = |files: &[String]| -> Vec<String> {
            let files = files.iter().filter(|f| f.starts_with("dictionary-"));
            files.cloned().collect()
        };
        let add = |files: &[String]| {
            for file in files {
                split.add_piece(file, &pieces[file]).unwrap();
            }
        };
        // A known word: the piece where it would be, then its postings.
        let first = split.missing_for_query("accord ");
        assert_eq!(first.len(), 1, "{first:?}");
        assert_eq!(dictionary(&first).len(), 1);
        add(&first);
        let second = split.missing_for_query("accord ");
        assert!(
            !second.is_empty() && dictionary(&second).is_empty(),
            "{second:?}"
        );
        add(&second);
        assert!(split.missing_for_query("accord ").is_empty());
        // A word with a typo: the pieces where it (and the words beginning
        // like it) would be say it is not there; correcting it needs every
        // term, then the postings of its corrections.
        let first = dictionary(&split.missing_for_query("pourpalers "));
        assert!((1..=2).contains(&first.len()), "{first:?}");
        add(&first);
        let second = dictionary(&split.missing_for_query("pourpalers "));
        assert_eq!(
            second,
            dictionary(&split.missing_pieces()),
            "all the others"
        );
        assert!(!second.is_empty());
        add(&second);
        let third = split.missing_for_query("pourpalers ");
        assert!(
            !third.is_empty() && dictionary(&third).is_empty(),
            "{third:?}"
        );
        add(&third);
        let found = split.search("pourpalers ", 10);
        assert_eq!(found, library().search("pourpalers ", 10));
        assert!(found.terms.contains("pourparler"), "{found:?}");
    }

    #[test]
    fn a_query_prepared_once_answers_as_the_query_read_each_time() {
        let (split, pieces) = split_library();
        let filters = Filters::default();
        for query in [
            "accord",
            "Bakou paix",
            "\"la paix\"",
            "accord -bakou",
            "paic",
            "arm",
        ] {
            // Before the pieces: the same files named, and the same (empty) answer.
            let prepared = split.prepare(query);
            assert_eq!(
                prepared.missing(),
                split.missing_for_query(query),
                "{query}"
            );
            assert_eq!(
                prepared.missing_dictionary(),
                split.missing_for_terms(query)
            );
            load_for(&split, &pieces, query);
            let prepared = split.prepare(query);
            assert!(prepared.missing().is_empty());
            assert_eq!(
                split.search_prepared(&prepared, &filters, Order::Relevance, 10),
                split.search(query, 10)
            );
            assert_eq!(
                split.prepared_terms(&prepared),
                split.terms(query),
                "{query}"
            );
        }
        let whole = library();
        let journal = Filters {
            source: Some("Le Journal".into()),
            ..Filters::default()
        };
        let prepared = whole.prepare("accord");
        assert!(prepared.missing().is_empty());
        assert_eq!(
            whole.search_prepared(&prepared, &journal, Order::Relevance, 10),
            whole.search_filtered("accord", &journal, 10)
        );
    }

    #[test]
    fn a_split_index_without_terms_answers_any_query_with_nothing() {
        // Articles of stop words only: text pieces, but no dictionary piece.
        let article = Article {
            id: "vide".into(),
            title: "Le la les".into(),
            ..Article::default()
        };
        let file = indexer::build_index_with(vec![article], Analyzer::FRENCH);
        let (head, _) = file.split(format::PieceSizes::about(100));
        assert!(head.is_split() && head.pieces.dictionary.is_empty());
        let split = Library::from_bytes(&head.to_bytes()).unwrap();
        for query in ["ab", "abc ", "\"un mot\"", "-mot", "motz "] {
            assert!(split.missing_for_query(query).is_empty(), "{query}");
            assert_eq!(split.search(query, 10).total, 0, "{query}");
        }
    }

    #[test]
    fn a_split_index_ranks_every_word_and_title_as_the_whole_does() {
        // Word forms weigh in ranking (an article with the very form typed
        // first); with a split index they come with their term's piece.
        let whole = library();
        let (split, pieces) = split_library();
        let mut queries = Vec::new();
        for article in whole.articles() {
            queries.push(format!("{} ", article.title));
            let text = article.blocks.iter().map(|b| b.text.as_str());
            let words = text.flat_map(str::split_whitespace).take(40);
            queries.extend(words.map(|w| format!("{w} ")));
        }
        for query in &queries {
            load_for(&split, &pieces, query);
            assert_eq!(split.search(query, 10), whole.search(query, 10), "{query}");
        }
    }

    #[test]
    fn every_id_is_known_once_the_id_pieces_are_in_and_new_only_filters_by_them() {
        let whole = library();
        let (split, pieces) = split_library();
        let mut all = whole.all_ids().unwrap();
        all.sort_unstable();
        assert_eq!(all.len(), whole.len());
        assert!(whole.missing_ids().is_empty());
        let missing = split.missing_ids();
        assert!(!missing.is_empty());
        assert_eq!(split.all_ids(), None);
        for file in &missing {
            split.add_piece(file, &pieces[file]).unwrap();
        }
        assert!(split.missing_ids().is_empty());
        let mut ids = split.all_ids().unwrap();
        ids.sort_unstable();
        assert_eq!(ids, all);
        // Only these ids, as "Nouveaux seulement" keeps them.
        let only = Filters {
            only_in: Some(std::rc::Rc::new(order::set(
                all[..2].iter().map(|id| id.to_string()),
            ))),
            ..Filters::default()
        };
        let page = whole.browse(&only, 10);
        assert_eq!(page.total, 2);
        let mut kept: Vec<&str> = page
            .shown
            .iter()
            .map(|&d| whole.article_at(d).id.as_str())
            .collect();
        kept.sort_unstable();
        assert_eq!(kept, all[..2]);
    }

    #[test]
    fn a_split_index_has_dates_and_sources_first_and_the_article_once_its_piece_is_in() {
        let whole = library();
        let (split, pieces) = split_library();
        assert_eq!(split.len(), whole.len());
        assert_eq!(split.by_date(), whole.by_date());
        assert_eq!(split.sources(), whole.sources());
        // Ids come in their own pieces, which a search does not need.
        assert_eq!(split.doc_of("pages/bakou"), None);
        assert_eq!(split.article("pages/bakou"), None);
        assert!(!split.lacks("pages/bakou"));
        let ids = split.missing_for_ids(["pages/bakou"]);
        assert_eq!(ids.len(), 1);
        split.add_piece(&ids[0], &pieces[&ids[0]]).unwrap();
        assert!(split.missing_for_ids(["pages/bakou"]).is_empty());
        let doc = split.doc_of("pages/bakou").unwrap();
        assert_eq!(Some(doc), whole.doc_of("pages/bakou"));
        assert_eq!(split.article("pages/bakou"), Some(split.article_at(doc)));
        assert_eq!(split.article_at(doc).date, whole.article_at(doc).date);
        assert_eq!(split.article_at(doc).title, "");
        assert!(split.article_at(doc).blocks.is_empty());
        assert!(!split.has_text(doc));
        let missing = split.missing_texts([doc]);
        assert_eq!(missing.len(), 1);
        split.add_piece(&missing[0], &pieces[&missing[0]]).unwrap();
        assert!(split.has_text(doc));
        assert_eq!(split.article_at(doc), whole.article_at(doc));
        assert!(split.missing_texts([doc]).is_empty());
    }

    #[test]
    fn a_list_has_its_titles_from_their_pieces_before_the_texts() {
        let whole = library();
        let (split, pieces) = split_library();
        let docs: Vec<u32> = (0..whole.len() as u32).collect();
        assert!(docs.iter().all(|&doc| split.listed(doc).is_none()));
        let titles = split.missing_titles(docs.iter().copied());
        assert!(
            titles.len() > 1,
            "{titles:?}: the test needs several pieces"
        );
        assert!(titles.iter().all(|f| f.starts_with("titles-")));
        let bytes: usize = titles.iter().map(|f| pieces[f].len()).sum();
        let texts: usize = (split.missing_texts(docs.iter().copied()).iter())
            .map(|f| pieces[f].len())
            .sum();
        assert!(bytes * 3 < texts, "titles {bytes} bytes, texts {texts}");
        for file in &titles {
            split.add_piece(file, &pieces[file]).unwrap();
        }
        assert!(split.missing_titles(docs.iter().copied()).is_empty());
        for &doc in &docs {
            let article = whole.article_at(doc);
            let listed = split.listed(doc).unwrap();
            assert_eq!(listed.id, article.id);
            assert_eq!(listed.title, article.title);
            assert_eq!(listed.section, article.section.as_deref());
            assert_eq!(whole.listed(doc), Some(listed));
            assert!(!split.has_text(doc));
        }
        // A text here has the title: no title piece is needed for it.
        let (fresh, _) = split_library();
        let text = fresh.missing_texts([0]).remove(0);
        fresh.add_piece(&text, &pieces[&text]).unwrap();
        assert!(fresh.missing_titles([0]).is_empty());
        assert_eq!(fresh.listed(0).unwrap().title, whole.article_at(0).title);
        // A title piece under another's name is refused.
        let (fresh, _) = split_library();
        assert!(fresh.add_piece(&titles[0], &pieces[&titles[1]]).is_err());
        assert!(fresh.listed(0).is_none());
        // So is one of other articles than its run's, even named after its bytes.
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
        let (mut head, _) = indexer::build_dir(&dir)
            .unwrap()
            .0
            .split(format::PieceSizes::about(60));
        let mut short: TextPiece = format::decode(&pieces[&titles[0]]).unwrap();
        short.articles.pop();
        let bytes = format::encode(&short);
        head.pieces.titles[0].hash = pieces::content_hash(&bytes);
        let forged = Library::new(head);
        let name = PieceKind::Titles.file(0, pieces::content_hash(&bytes));
        let error = forged.add_piece(&name, &bytes).unwrap_err();
        assert!(error.to_string().contains("other articles"), "{error}");
        assert!(forged.listed(0).is_none());
    }

    #[test]
    fn every_piece_loaded_gives_the_whole_collection() {
        let whole = library();
        let (split, pieces) = split_library();
        for file in split.missing_pieces() {
            split.add_piece(&file, &pieces[&file]).unwrap();
        }
        assert!(split.missing_pieces().is_empty());
        for doc in 0..whole.len() as u32 {
            assert_eq!(split.article_at(doc), whole.article_at(doc));
            let id = &whole.article_at(doc).id;
            assert_eq!(split.doc_of(id), Some(doc));
        }
        assert!(split.lacks("no/such/article"));
    }

    #[test]
    fn a_wrong_or_damaged_piece_is_refused_and_changes_nothing() {
        let (split, pieces) = split_library();
        let text = split.missing_texts([0]).remove(0);
        assert!(split.add_piece("terms-9999-00000000.bin", b"x").is_err());
        assert!(split.add_piece(&text, b"LISEUSE\0garbage").is_err());
        // A piece under another piece's name.
        let other = pieces
            .keys()
            .find(|f| f.starts_with("text-") && **f != text)
            .unwrap();
        assert!(split.add_piece(&text, &pieces[other]).is_err());
        assert!(!split.has_text(0));
        split.add_piece(&text, &pieces[&text]).unwrap();
        assert!(split.has_text(0));
        // A dictionary piece under another one's name: its words stay unknown.
        let mut dictionary: Vec<&String> = (pieces.keys())
            .filter(|f| f.starts_with("dictionary-"))
            .collect();
        dictionary.sort();
        let error = split.add_piece(dictionary[1], &pieces[dictionary[2]]);
        assert_eq!(
            error.unwrap_err(),
            FormatError::Mismatch {
                file: dictionary[1].clone()
            }
        );
        assert!(split.missing_pieces().contains(dictionary[1]));
    }

    #[test]
    fn pieces_are_named_after_their_content_and_the_same_every_time() {
        let (_, first) = split_library();
        let (_, second) = split_library();
        assert_eq!(first, second);
        for name in first.keys() {
            let (stem, hash) = name.trim_end_matches(".bin").rsplit_once('-').unwrap();
            assert!(
                [
                    "dictionary-",
                    "terms-",
                    "positions-",
                    "text-",
                    "names-",
                    "ids-",
                    "titles-"
                ]
                .iter()
                .any(|kind| stem.starts_with(kind)),
                "{name}"
            );
            assert_eq!(hash.len(), 8, "{name}");
            assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
        }
    }
}
