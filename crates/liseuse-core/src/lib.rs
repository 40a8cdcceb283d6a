//! The read side of liseuse: everything the app and the first result's
//! path run, and nothing that touches the DOM. The build side (reading
//! folders, finding names and related articles, building and publishing
//! the index) is the `liseuse-build` crate, which depends on this one.
//!
//! - [`article`]: an [`Article`], and a raw page capture cleaned into one.
//! - [`analysis`]: the one function, [`analyze`], that turns French text into
//!   index terms, for articles and queries alike.
//! - [`format`](mod@format): the index file, defined once: written by the
//!   build, read by the app.
//! - [`pieces`]: the contract of a split index (piece kinds, names, checks,
//!   the manifest, the loading rounds).
//! - [`dates`] and [`route`]: dates as a French reader reads them, and the
//!   app's views as URL fragments (the app and the page the build writes share them).
//! - [`model`]: related articles and names, as the index stores them.
//! - [`listing`]: which articles a list shows (filters, months, pages).
//! - [`markup`]: lists of articles and an article as HTML (the home page the
//!   build writes, the first view of a link), with the app's classes.
//! - [`text`]: every word of the interface, in French and English.
//! - [`order`]: sorting with one compiled copy of the sort, for the app's many small lists.
//! - [`personal`]: what a reader keeps (settings, read and saved articles), and its export file.
//! - [`query`]: the query language (phrases, exclusions).
//! - [`search`]: the query engine (BM25F, prefixes while typing, typos).
//! - [`snippet`](mod@snippet): the passage that shows why an article was found, and highlights.
//! - [`epub`]: saved articles as an e-book.
//! - [`citation`]: references to an article or a passage, and paragraphs' addresses.
//! - [`compare`]: two articles on one story, sentence by sentence.
//!
//! Inside the crate only: `typo` (typo tolerance), `synonyms`, `question` (question words) and
//! `error` ([`FormatError`], why a published file cannot be read).
//!
//! ## Layers
//!
//! From the bottom up. A module imports only modules of the layers below
//! its own, never one of its layer or above, so no two import each other
//! (tests aside; `tests/layers.rs` checks it, here and in `liseuse-build`):
//!
//! 1. foundations: `order`, `text` — one compiled sort; the interface's words in each language
//! 2. text and values: `error`, `analysis`, `query`, `typo`, `dates`, `annotation`, `sentences`, `route` — why a published file cannot be read (in the reader's words), words, query syntax, dates, highlights' anchors, sentences, addresses
//! 3. a reader's data: `personal` — settings, shelf, highlights, export
//! 4. stored types: `model` — related articles and names, as the index stores them
//! 5. the article: `article` — an article, and a page capture cleaned into one
//! 6. the pieces' contract: `pieces` — piece kinds, names, hashes, the manifest
//! 7. the format: `format` — the index file, whole or split, and its checks
//! 8. reading aids: `snippet`, `synonyms`, `question` — highlights, synonyms, question words
//! 9. the engine: `search` — plans, ranks and suggests
//! 10. features: `listing`, `epub`, `citation`, `compare` — lists, e-books, references, two sources compared
//! 11. the library: `lib`, `library` — the crate root, and [`Library`], a loaded collection, in its own file
//! 12. markup: `markup` — lists of articles and results as HTML, before the app
//!
//! ```
//! use liseuse_core::{article::parse_capture, Library};
//! let article = parse_capture("a1", "Le chef de l'OTAN salue Bakou\n\nJens Stoltenberg a salué l'armée.").unwrap();
//! assert_eq!(article.title, "Le chef de l'OTAN salue Bakou");
//! // What is not an index file is refused, with the reason.
//! assert!(Library::from_bytes(b"<html>").is_err());
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod annotation;
pub mod article;
pub mod citation;
pub mod compare;
pub mod dates;
pub mod epub;
mod error;
pub mod format;
pub mod listing;
pub mod markup;
pub mod model;
pub mod order;
pub mod personal;
pub mod pieces;
pub mod query;
mod question;
pub mod route;
pub mod search;
pub mod sentences;
pub mod snippet;
pub mod synonyms;
pub mod text;
mod typo;

pub use analysis::{analyze, Analyzer, Token};
pub use article::{Article, Block, BlockKind};
pub use format::{Damage, DictionaryPiece, FormatError, IndexFile, TermPiece, TextPiece};
pub use listing::{Filters, Order, Page};
pub use search::{Hit, Needed, Results, Searcher};
pub use snippet::{highlight, highlight_with, segments, snippet, snippet_with, Snippet};

mod library;
pub use library::{load_for_query, Library, Listed, LoadError, PreparedQuery};
