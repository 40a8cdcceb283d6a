//! The contract of a split index: the manifest, the pieces' names and
//! checks, and the rounds a query loads them in.

use liseuse_build::compress::{manifest_bytes, read_manifest};
use liseuse_core::pieces::{check, is_gzip, Manifest};
use liseuse_core::FormatError;

fn split() -> (liseuse_core::Library, Vec<(String, Vec<u8>)>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
    let file = liseuse_build::indexer::build_dir(&dir).unwrap().0;
    let (head, mut pieces) = file.split(liseuse_core::format::PieceSizes::about(100));
    // What a reader who keeps a copy reads (and the service worker checks):
    // not the whole postings, named after them all.
    let whole = head.pieces.whole_files();
    assert!(!whole.is_empty());
    pieces.retain(|(name, _)| !whole.contains(name));
    (liseuse_core::Library::new(head), pieces)
}

#[test]
fn the_manifest_lists_every_piece_with_its_size() {
    let (_, pieces) = split();
    let manifest = Manifest::of(&pieces, 12, &[]);
    assert_eq!(manifest.pieces.len(), pieces.len());
    assert_eq!(manifest.articles, 12);
    // Each piece's size beside its name: what an update downloads.
    assert_eq!(manifest.sizes.len(), pieces.len());
    for (file, size) in manifest.pieces.iter().zip(&manifest.sizes) {
        let bytes = &pieces.iter().find(|(name, _)| name == file).unwrap().1;
        assert_eq!(*size as usize, bytes.len(), "{file}");
        // What the service worker checks it by: its name.
        check(file, bytes).unwrap();
    }
    assert!(manifest.pieces.windows(2).all(|w| w[0] < w[1]));
    let total: usize = pieces.iter().map(|(_, bytes)| bytes.len()).sum();
    assert_eq!(
        manifest.bytes, total as u64,
        "what storing them all downloads"
    );
    let json = manifest.to_json();
    assert!(
        json.starts_with("{\"pieces\":[\"dictionary-0000-"),
        "{json}"
    );
    let back: Manifest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, manifest);
    let bytes = manifest_bytes(&manifest);
    assert!(is_gzip(&bytes) && bytes.len() < json.len());
    assert_eq!(read_manifest(&bytes).unwrap(), manifest);
    assert!(read_manifest(json.as_bytes()).is_err());
}

#[test]
fn a_piece_is_checked_against_its_name() {
    let (_, pieces) = split();
    let (file, bytes) = &pieces[0];
    assert!(check(file, bytes).is_ok());
    let cut = &bytes[..bytes.len() - 1];
    assert_eq!(
        check(file, cut),
        Err(FormatError::Mismatch { file: file.clone() })
    );
    assert!(check(file, b"<html>").is_err());
}

#[test]
fn a_query_loads_in_rounds_and_a_piece_that_fails_is_named() {
    let (library, pieces) = split();
    let by_name: std::collections::HashMap<String, Vec<u8>> = pieces.into_iter().collect();
    let fetch = |file: &str| by_name.get(file).cloned().ok_or("no such piece");
    // A typo: the dictionary piece where the word would be, then every
    // other one (to correct it), with or then the postings of its corrections.
    let rounds = liseuse_core::load_for_query(&library, "pourpalers ", fetch).unwrap();
    assert!((2..=3).contains(&rounds.len()), "{rounds:?}");
    assert!(rounds[0].iter().all(|f| f.starts_with("dictionary-")));
    let dictionary = rounds
        .iter()
        .flatten()
        .filter(|f| f.starts_with("dictionary-"));
    let all = by_name.keys().filter(|f| f.starts_with("dictionary-"));
    assert_eq!(dictionary.count(), all.count(), "all of them");
    assert!(rounds.iter().flatten().any(|f| f.starts_with("terms-")));
    assert!(library.missing_for_query("pourpalers ").is_empty());
    assert!(library.search("pourpalers ", 10).total > 0);
    // A fetch that fails names its file.
    let (fresh, _) = split();
    let error = liseuse_core::load_for_query(&fresh, "accord", |_| Err::<Vec<u8>, _>("offline"))
        .unwrap_err();
    assert!(error.file.starts_with("dictionary-") && error.error.is_err());
    // Bytes that are not the piece are a format error for that file.
    let error =
        liseuse_core::load_for_query(&fresh, "accord", |_| Ok::<_, ()>(b"x".to_vec())).unwrap_err();
    assert!(matches!(error.error, Ok(FormatError::Mismatch { .. })));
}
