//! The core of liseuse: everything that does not touch the DOM.
//!
//! - [`article`]: raw page captures become clean [`Article`]s.
//! - [`analysis`]: the one function, [`analyze`], that turns French text into
//!   index terms, for articles and queries alike.
//! - [`entities`]: the people, places and organisations of a collection, found in its text.
//! - [`format`](mod@format): the index file, defined once and read by the app.
//! - [`pieces`]: the contract of a split index (piece kinds, names, checks,
//!   the manifest, the loading rounds).
//! - [`dates`] and [`route`]: dates as a French reader reads them, and the
//!   app's views as URL fragments (the app and the page the build writes share them).
//! - `publish` (feature `indexer`): what a build publishes beside the app, compressed,
//!   and the home page written into `index.html`.
//! - [`listing`]: which articles a list shows (filters, months, pages).
//! - [`markup`]: lists of articles as HTML (the home page the build writes,
//!   the first results of a link to a search), with the app's classes.
//! - [`text`]: every word of the interface, in French and English.
//! - [`order`]: sorting with one compiled copy of the sort, for the app's many small lists.
//! - [`personal`]: what a reader keeps (settings, read and saved articles), and its export file.
//! - [`query`]: the query language (phrases, exclusions).
//! - [`related`]: related articles, found when the index is built.
//! - [`search`]: the query engine (BM25F, prefixes while typing, typos).
//! - [`typo`]: typo tolerance.
//! - [`snippet`](mod@snippet): the passage that shows why an article was found, and highlights.
//! - `import` and `indexer` (feature `indexer`): read a folder of articles in
//!   any supported format, and build an index file with elasticlunr-rs, in
//!   segments (`segment`) merged; used by `build.rs`.
//!
//! ## Layers
//!
//! From the bottom up. A module imports only modules of the layers below
//! its own, never one of its layer or above, so no two import each other
//! (tests aside; `tests/layers.rs` checks it):
//!
//! 1. foundations: `order`, `error`, `text`, `parallel` — one compiled sort; why a published file cannot be read; the interface's words in each language; work on every core (the build)
//! 2. text and values: `analysis`, `query`, `typo`, `dates`, `annotation`, `sentences`, `route` — words, query syntax, dates, highlights' anchors, sentences, addresses
//! 3. a reader's data: `personal` — settings, shelf, highlights, export
//! 4. stored types: `model` — related articles and names, as the index stores them
//! 5. the article: `article` — an article, and a page capture cleaned into one
//! 6. the pieces' contract: `pieces` — piece kinds, names, hashes, the manifest
//! 7. the format: `format` — the index file, whole or split, and its checks
//! 8. reading aids: `snippet`, `synonyms`, `question` — highlights, synonyms, question words
//! 9. the engine: `search` — plans, ranks and suggests
//! 10. features: `related`, `entities`, `listing`, `epub` — related articles, names, lists, e-books
//! 11. the library: `lib`, `library` — the crate root, and [`Library`], a loaded collection, in its own file
//! 12. markup: `markup` — lists of articles and results as HTML, before the app
//! 13. a site's settings: `site` — its `liseuse.toml` (feature `indexer`)
//! 14. reading a folder: `import` — every article format, to articles (feature `indexer`)
//! 15. segments: `segment` — the index of a slice of the articles, on disk (feature `indexer`)
//! 16. building: `indexer` — the index of a folder, in segments merged (feature `indexer`)
//! 17. publishing: `publish` — what a build writes beside the app (feature `indexer`)
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
pub mod annotation;
pub mod article;
pub mod dates;
pub mod entities;
pub mod epub;
pub mod error;
pub mod format;
#[cfg(feature = "indexer")]
pub mod import;
#[cfg(feature = "indexer")]
pub mod indexer;
pub mod listing;
pub mod markup;
pub mod model;
pub mod order;
pub mod parallel;
pub mod personal;
pub mod pieces;
#[cfg(feature = "indexer")]
pub mod publish;
pub mod query;
pub mod question;
pub mod related;
pub mod route;
pub mod search;
#[cfg(feature = "indexer")]
pub mod segment;
pub mod sentences;
#[cfg(feature = "indexer")]
pub mod site;
pub mod snippet;
pub mod synonyms;
pub mod text;
pub mod typo;

pub use analysis::{analyze, Analyzer, Token};
pub use article::{Article, Block, BlockKind};
pub use format::{DictionaryPiece, FormatError, IndexFile, TermPiece, TextPiece};
pub use listing::{Filters, Order, Page};
pub use search::{Hit, Needed, Results, Searcher};
pub use snippet::{highlight, highlight_with, segments, snippet, snippet_with, Snippet};

mod library;
pub use library::{load_for_query, Library, Listed, LoadError, PreparedQuery};
