//! The build side of liseuse: what `build.rs` and the archive tool run,
//! never the app. It reads a folder of articles, finds their names and
//! related articles, builds the index in segments merged, and publishes it,
//! in the format the read side (`liseuse-core`) defines and reads.
//!
//! - [`import`]: a folder of articles in any supported format, to articles.
//! - [`site`]: a site's own settings, its `liseuse.toml`.
//! - [`entities`]: the people, places and organisations of a collection, found in its text.
//! - [`related`]: related articles, over the built index.
//! - [`quotes`]: who said what, the quotations of a text and their speakers.
//! - [`texts`]: the articles' text, kept on disk from the merge to the split.
//! - [`segment`]: the index of a slice of the articles, on disk.
//! - [`indexer`]: the index of a folder, in segments merged.
//! - [`publish`]: what a build writes beside the app, compressed ([`compress`]).
//!
//! ## Layers
//!
//! As in `liseuse-core`, from the bottom up; a module imports only modules
//! of the layers below its own, and any module of the read side
//! (`tests/layers.rs` in `liseuse-core` checks both crates):
//!
//! 1. foundations: `parallel`, `compress`, `texts` — work on every core; gzip, as every published file is compressed; the articles' text out of memory
//! 2. a site's settings: `site` — its `liseuse.toml`
//! 3. reading a folder: `import` — every article format, to articles
//! 4. what the text says: `entities`, `related`, `quotes` — names, related articles, quotations
//! 5. segments: `segment` — the index of a slice of the articles, on disk
//! 6. building: `indexer` — the index of a folder, in segments merged
//! 7. publishing: `publish`, `lib` — what a build writes beside the app; the crate root
//!
//! ```
//! use liseuse_core::{article::parse_capture, Library};
//! let article = parse_capture("a1", "Le chef de l'OTAN salue Bakou\n\nJens Stoltenberg a salué l'armée.").unwrap();
//! let bytes = liseuse_build::indexer::build_index(vec![article]).to_bytes();
//! let library = Library::from_bytes(&bytes).unwrap();
//! let results = library.search("armée", 10);
//! assert_eq!(library.article_at(results.hits[0].doc).id, "a1");
//! ```
#![deny(missing_docs)]

pub mod compress;
pub mod entities;
pub mod import;
pub mod indexer;
pub mod parallel;
pub mod publish;
pub mod quotes;
pub mod related;
pub mod segment;
pub mod site;
pub mod texts;
