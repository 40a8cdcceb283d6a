//! What the public-API tests share: the collections they search.
#![allow(dead_code)] // each test file uses some of it

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use liseuse_core::Library;

/// The folder of `tests/fixtures/<name>`.
pub fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The seeds (the five articles of `seeds/`), indexed once per test binary.
pub fn seeds() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        Library::new(liseuse_build::indexer::build_dir(&dir).unwrap().0)
    })
}

/// Queries of every kind (words, a phrase, an exclusion, a typo, a prefix),
/// for the split fixtures' collection.
pub const QUERIES: [&str; 6] = [
    "accord",
    "Bakou paix",
    "\"la paix\"",
    "accord -bakou",
    "paic",
    "arm",
];
