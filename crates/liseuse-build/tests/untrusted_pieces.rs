//! Pieces come from the network and are untrusted: whatever bytes arrive
//! under a piece's name, the library checks them against the hash in the
//! name, decodes and validates them, and answers with an error, never a
//! panic; what it accepted keeps search, snippets and the reader working.
//!
//! Cases per run: 400 damaged pieces (truncated or with bytes changed) and
//! 200 damaged first files.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use liseuse_core::format::{
    self, DictionaryPiece, FormatError, GenerationPiece, PieceSizes, TextPiece,
};
use liseuse_core::pieces::PieceKind;
use liseuse_core::{IndexFile, Library, Searcher};
use proptest::prelude::*;

/// A split index: the first file's bytes, and the pieces (name, bytes) sorted by name.
type Split = (Vec<u8>, Vec<(String, Vec<u8>)>);

/// A split index with the whole postings' file names.
type Cut = (Vec<u8>, Vec<(String, Vec<u8>)>, Vec<String>);

/// The fixtures split in small pieces: the first file's bytes, every piece
/// sorted by name, and the whole postings' file names.
fn cut() -> &'static Cut {
    static CUT: OnceLock<Cut> = OnceLock::new();
    CUT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
        let file = liseuse_build::indexer::build_dir(&dir).unwrap().0;
        let (head, mut pieces) = file.split(PieceSizes::about(100));
        let whole = head.pieces.whole_files();
        assert!(!whole.is_empty());
        pieces.sort();
        (head.to_bytes(), pieces, whole)
    })
}

/// The fixtures' first file and those of their pieces that `whole` says
/// are the whole postings' or not.
fn pieces_read(whole: bool) -> Split {
    let (head, pieces, whole_files) = cut();
    let mut read = pieces.clone();
    read.retain(|(name, _)| whole_files.contains(name) == whole);
    (head.clone(), read)
}

/// The fixtures split in small pieces, those a kept copy reads: not the
/// whole postings (a first visit's, checked as the others are by the same
/// code).
fn split() -> &'static Split {
    static SPLIT: OnceLock<Split> = OnceLock::new();
    SPLIT.get_or_init(|| pieces_read(false))
}

/// `bytes` cut at `cut` (a share of its length) and with `changes` applied
/// (each: a share of the length where, and the byte xor-ed in).
fn damage(bytes: &[u8], cut: Option<f64>, changes: &[(f64, u8)]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    if let Some(cut) = cut {
        bytes.truncate((bytes.len() as f64 * cut) as usize);
    }
    for &(at, xor) in changes {
        if !bytes.is_empty() {
            let at = ((bytes.len() as f64 * at) as usize).min(bytes.len() - 1);
            bytes[at] ^= xor.max(1);
        }
    }
    bytes
}

/// A searcher over the first file with its pieces by number, as
/// [`Library`] builds it (to feed it pieces that passed no hash check).
fn searcher(head: &IndexFile) -> Searcher {
    Searcher::of_pieces(head.index.clone(), &head.pieces, false)
}

/// The number of `file` among the pieces of its kind.
fn number(file: &str) -> usize {
    let (head_bytes, _) = split();
    let head = IndexFile::from_bytes(head_bytes).unwrap();
    head.pieces.files().find(file).unwrap().1
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_piece_is_refused_as_damaged_and_the_rest_still_works(
        which in any::<prop::sample::Index>(),
        cut in prop::option::of(0.0f64..1.0),
        changes in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..4),
    ) {
        let (head_bytes, pieces) = split();
        let (file, bytes) = which.get(pieces);
        let damaged = damage(bytes, cut, &changes);
        prop_assume!(&damaged != bytes);
        // Through the library: the hash in the name tells it is not the piece.
        let library = Library::from_bytes(head_bytes).unwrap();
        // (The name index first, unless it is the damaged one: it names the name pieces.)
        let index = pieces.iter().find(|(name, _)| name.starts_with("nameindex-")).unwrap();
        if &index.0 != file {
            library.add_piece(&index.0, &index.1).unwrap();
        }
        let error = library.add_piece(file, &damaged).unwrap_err();
        prop_assert_eq!(&error, &FormatError::Mismatch { file: file.clone() });
        prop_assert!(error.to_string().contains("damaged"));
        // The other pieces still load (the name pieces once their index
        // is in), and every query is answered.
        for (other, bytes) in pieces.iter().filter(|(other, _)| other != file) {
            let added = library.add_piece(other, bytes);
            prop_assert!(added.is_ok() || file.starts_with("nameindex-"), "{other}: {added:?}");
        }
        for query in common::QUERIES {
            library.search(query, 10);
        }
        // Below the hash check, decoding and validating never panic: a
        // searcher given whatever decodes keeps answering.
        let head = IndexFile::from_bytes(head_bytes).unwrap();
        let searcher = searcher(&head);
        let mut taken = false;
        if file.starts_with("dictionary-") {
            if let Ok(piece) = format::decode::<DictionaryPiece>(&damaged) {
                if piece.validate().is_ok() {
                    let _ = searcher.add_dictionary_piece(number(file), piece);
                }
            }
        } else if file.starts_with("terms-") {
            if let Ok(piece) = format::decode::<GenerationPiece>(&damaged) {
                // Taken if it fits its place: then its run's pieces of the
                // other generations may not fit with it, and are refused.
                taken = searcher.add_term_piece(number(file), piece).is_ok();
            }
        } else {
            let _ = format::decode::<TextPiece>(&damaged);
        }
        for (other, bytes) in pieces.iter().filter(|(other, _)| other != file) {
            if other.starts_with("dictionary-") {
                let piece = format::decode::<DictionaryPiece>(bytes).unwrap();
                searcher.add_dictionary_piece(number(other), piece).unwrap();
            } else if other.starts_with("terms-") {
                let piece = format::decode::<GenerationPiece>(bytes).unwrap();
                let added = searcher.add_term_piece(number(other), piece);
                prop_assert!(added.is_ok() || taken, "{other}: {added:?}");
            }
        }
        for query in common::QUERIES {
            searcher.search(query, 10);
        }
    }
}

/// The fixtures split as [`split`] does, read as a first visit reads them:
/// the first file's bytes and the whole postings' pieces (name, bytes).
fn whole_pieces() -> &'static Split {
    static WHOLE: OnceLock<Split> = OnceLock::new();
    WHOLE.get_or_init(|| pieces_read(true))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The whole postings' pieces are named after them all, not each after
    /// its own bytes: decoding and validating are their check.
    #[test]
    fn a_damaged_piece_of_the_whole_postings_is_refused_or_harmless(
        which in any::<prop::sample::Index>(),
        cut in prop::option::of(0.0f64..1.0),
        changes in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..4),
        swapped in any::<prop::sample::Index>(),
    ) {
        let (head_bytes, pieces) = whole_pieces();
        let (file, bytes) = which.get(pieces);
        // Damaged, or another piece's bytes in its place.
        let damaged = match changes.is_empty() && cut.is_none() {
            true => swapped.get(pieces).1.clone(),
            false => damage(bytes, cut, &changes),
        };
        let library = Library::from_bytes_with(head_bytes, true).unwrap();
        let added = library.add_piece(file, &damaged);
        // Cut short, it does not decode.
        if cut.is_some_and(|c| c < 0.5) && changes.is_empty() && damaged.len() < bytes.len() {
            prop_assert!(added.is_err(), "{file}: cut to {} of {}", damaged.len(), bytes.len());
        }
        for (other, bytes) in pieces.iter().filter(|(other, _)| other != file) {
            let _ = library.add_piece(other, bytes);
        }
        for query in common::QUERIES {
            let results = library.search(query, 10);
            for hit in &results.hits {
                library.snippet(hit.doc, &results.terms);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_first_file_is_an_error_or_a_library_that_works(
        cut in prop::option::of(0.0f64..1.0),
        changes in prop::collection::vec((0.0f64..1.0, any::<u8>()), 1..4),
    ) {
        let (head_bytes, pieces) = split();
        let damaged = damage(head_bytes, cut, &changes);
        let Ok(library) = Library::from_bytes(&damaged) else {
            return Ok(());
        };
        // What decoded and validated can be used for everything.
        for doc in library.by_date() {
            library.article_at(doc);
        }
        library.sources();
        library.years();
        for (file, bytes) in pieces {
            let _ = library.add_piece(file, bytes);
        }
        for query in common::QUERIES {
            let results = library.search(query, 10);
            for hit in &results.hits {
                library.snippet(hit.doc, &results.terms);
            }
        }
    }
}

#[test]
fn a_page_served_in_place_of_a_piece_is_named_damaged() {
    let (head_bytes, pieces) = split();
    let library = Library::from_bytes(head_bytes).unwrap();
    let (file, _) = &pieces[0];
    let portal = b"<!doctype html><title>Wi-Fi</title><p>Connectez-vous pour continuer.";
    let error = library.add_piece(file, portal).unwrap_err();
    assert_eq!(error, FormatError::Mismatch { file: file.clone() });
    assert!(
        library.missing_pieces().contains(file),
        "nothing of it was taken"
    );
    // The real piece, afterwards, is taken.
    library.add_piece(file, &pieces[0].1).unwrap();
    assert!(!library.missing_pieces().contains(file));
}

#[test]
fn a_term_piece_whose_postings_point_outside_the_collection_is_refused() {
    let (head_bytes, pieces) = split();
    let head = IndexFile::from_bytes(head_bytes).unwrap();
    // A piece of the last generation, which ends with the collection.
    let generations = head.pieces.generations_pieces();
    let files = head.pieces.files();
    let last = &files.of(PieceKind::Terms)[generations - 1];
    let (file, bytes) = pieces.iter().find(|(f, _)| f == last).unwrap();
    let mut piece: GenerationPiece = format::decode(bytes).unwrap();
    piece.postings[0].doc_gaps[0] = head.index.doc_count + 7;
    let error = searcher(&head)
        .add_term_piece(number(file), piece)
        .unwrap_err();
    let doc_count = u64::from(head.index.doc_count);
    let damage = format::Damage::OutOfRange {
        what: "document",
        value: doc_count + 7,
        limit: doc_count,
    };
    assert_eq!(error, damage);
    // Positions are apart, in position pieces: a term piece with some is refused.
    let mut piece: GenerationPiece = format::decode(bytes).unwrap();
    assert!(piece.postings.iter().all(|p| p.positions.is_empty()));
    piece.postings[0].positions.push(1);
    let added = searcher(&head).add_term_piece(number(file), piece);
    assert_eq!(added, Err(format::Damage::DetailsApart));
}
