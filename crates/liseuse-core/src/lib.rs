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
pub mod search;
pub mod snippet;
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
    searcher: Searcher,
}

impl Library {
    /// Reads an index file (see [`format`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        Ok(Self::new(IndexFile::from_bytes(bytes)?))
    }

    /// Wraps a decoded index file.
    pub fn new(file: IndexFile) -> Self {
        Library {
            articles: file.articles,
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
        self.articles.iter().find(|a| a.id == id)
    }

    /// The best `limit` articles for `query`; see [`Searcher::search`].
    pub fn search(&self, query: &str, limit: usize) -> Results {
        self.searcher.search(query, limit)
    }
}
