//! The core of liseuse: everything that does not touch the DOM.
//!
//! - [`article`]: raw page captures become clean [`Article`]s.
//! - [`analysis`]: the one function, [`analyze`], that turns French text into
//!   index terms, for articles and queries alike.
//! - [`format`]: the index file, defined once and read by the app.
//! - [`query`]: the query language (phrases, exclusions).
//! - [`search`]: the query engine (BM25F, prefixes while typing, typos).
//! - [`typo`]: typo tolerance.
//! - [`snippet`]: the passage that shows why an article was found, and highlights.
//! - `import` and `indexer` (feature `indexer`): read a folder of articles in
//!   any supported format, and build an index file with elasticlunr-rs; used by
//!   `build.rs`.
//!
//! ```
//! use liseuse_core::{article::parse_capture, Library};
//! # #[cfg(feature = "indexer")] {
//! let article = parse_capture("a1", "Le chef de l'OTAN salue Bakou\n\nJens Stoltenberg a salué l'armée.").unwrap();
//! let bytes = liseuse_core::indexer::build_index(vec![article]).to_bytes();
//! let library = Library::from_bytes(&bytes).unwrap();
//! let results = library.search("armée", 10);
//! assert_eq!(library.article_at(results.hits[0].doc).id, "a1");
//! # }
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod article;
pub mod format;
#[cfg(feature = "indexer")]
pub mod import;
#[cfg(feature = "indexer")]
pub mod indexer;
pub mod query;
pub mod question;
pub mod search;
pub mod snippet;
pub mod synonyms;
pub mod typo;

pub use analysis::{analyze, Analyzer, Token};
pub use article::{Article, Block, BlockKind};
pub use format::{FormatError, IndexFile};
pub use search::{Hit, Results, Searcher};
pub use snippet::{highlight, snippet, Snippet};

/// A collection ready to read and search: the articles and their index.
#[derive(Clone, Debug)]
pub struct Library {
    articles: Vec<Article>,
    /// Document number of each article id, for links.
    by_id: std::collections::HashMap<String, u32>,
    searcher: Searcher,
}

impl Library {
    /// Reads an index file (see [`format`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        Ok(Self::new(IndexFile::from_bytes(bytes)?))
    }

    /// Wraps a decoded index file.
    pub fn new(file: IndexFile) -> Self {
        let by_id = (file.articles.iter().enumerate())
            .map(|(doc, article)| (article.id.clone(), doc as u32))
            .collect();
        Library {
            articles: file.articles,
            by_id,
            searcher: Searcher::new(file.index),
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the collection has no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article, in document order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with document number `doc`.
    ///
    /// # Panics
    /// When `doc` is not a document number of this library (hits always are).
    pub fn article_at(&self, doc: u32) -> &Article {
        &self.articles[doc as usize]
    }

    /// The article whose id is `id`.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.by_id.get(id).map(|&doc| self.article_at(doc))
    }

    /// The best `limit` articles for `query`; see [`Searcher::search`].
    pub fn search(&self, query: &str, limit: usize) -> Results {
        self.searcher.search(query, limit)
    }

    /// The index terms `query` matches, to highlight; see [`Searcher::terms`].
    pub fn terms(&self, query: &str) -> std::collections::BTreeSet<String> {
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

    /// Document numbers, newest first; undated articles after, in collection order.
    pub fn by_date(&self) -> Vec<u32> {
        let mut docs: Vec<u32> = (0..self.articles.len() as u32).collect();
        // Stable: equal dates keep collection order.
        docs.sort_by(|&a, &b| {
            let date = |d: u32| self.articles[d as usize].date.as_deref();
            match (date(a), date(b)) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
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
    let mut counts = std::collections::BTreeMap::new();
    for value in values {
        *counts.entry(value).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}

#[cfg(all(test, feature = "indexer"))]
mod tests {
    use super::*;

    fn library() -> Library {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
        Library::new(indexer::build_dir(&dir).unwrap().0)
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
}
