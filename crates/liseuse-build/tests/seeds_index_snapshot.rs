//! The seeds' index, byte for byte: a change to the format, the analysis or
//! the indexer that changes the index is never accidental. When it is meant,
//! bump [`FORMAT_VERSION`] if old files can no longer be read, and write the
//! new figures here (the failure prints them).

use std::path::Path;

use liseuse_core::format::FORMAT_VERSION;
use liseuse_core::pieces::content_hash;

/// Length and [`content_hash`] of the seeds' index file.
const SEEDS_INDEX: (usize, u32) = (32323, 0xea253eee);

#[test]
fn the_seeds_index_is_the_same_bytes_as_recorded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let bytes = liseuse_build::indexer::build_dir(&dir)
        .unwrap()
        .0
        .to_bytes();
    // Built twice, the same bytes (ordered maps, no clock, no randomness).
    let again = liseuse_build::indexer::build_dir(&dir)
        .unwrap()
        .0
        .to_bytes();
    assert_eq!(bytes, again);
    let got = (bytes.len(), content_hash(&bytes));
    assert_eq!(
        got, SEEDS_INDEX,
        "the seeds' index changed (format version {FORMAT_VERSION}): if that is meant, \
         record SEEDS_INDEX = ({}, {:#010x})",
        got.0, got.1
    );
}
