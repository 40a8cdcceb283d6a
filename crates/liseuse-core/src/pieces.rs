//! The contract of a split index, in one place: what kinds of pieces there
//! are, how a piece file is named after its content, how a downloaded piece
//! is checked against its name, the manifest that lists a build's pieces for
//! `scripts/precache` and the service worker, and the loading rounds that
//! bring in what a query needs (see [`crate::Library::missing_for_query`]).
//!
//! The layout of what the pieces hold is in [`crate::format`].

use serde::{Deserialize, Serialize};

use crate::error::FormatError;

/// A piece of a split index, as the file that holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PieceRef {
    /// Its first term or document number.
    pub first: u32,
    /// A hash of its content ([`content_hash`]), which ends its file name: a
    /// changed piece is a new file. 32 bits tell two versions of a piece
    /// apart, and cost half the bytes of 64 in the first file.
    pub hash: u32,
}

impl PieceRef {
    /// Its file name, beside the site's `index.html` under [`PIECES_DIR`], as
    /// piece `number` of its `kind`.
    pub fn file(&self, kind: PieceKind, number: usize) -> String {
        kind.file(number, self.hash)
    }
}

/// Where the pieces are in a site, relative to its `index.html`.
pub const PIECES_DIR: &str = "pieces/";

/// The file, under [`PIECES_DIR`], that lists a build's pieces ([`Manifest`]),
/// compressed like them.
pub const MANIFEST_FILE: &str = "manifest.bin";

/// The `id` of the `<link rel="preload">` that `scripts/precache` writes
/// into `index.html` to name the index's first file ([`index_file`]): the
/// browser fetches it in parallel with the wasm, and the app reads its `href`.
pub const INDEX_LINK_ID: &str = "liseuse-index";

/// How every published file (the first file, the pieces, the manifest) is
/// compressed: the name of the format for the browser's
/// `DecompressionStream`, which decodes it (the wasm carries no decompressor).
/// Files keep the `.bin` ending: a host that compresses, or that marks
/// `.gz` files with a `Content-Encoding`, leaves them as they are.
pub const COMPRESSION: &str = "gzip";

/// Whether `bytes` begin as a gzip stream does. A file that does not was
/// decoded on its way (a host that sent it with `Content-Encoding: gzip`),
/// or is not ours; its hash check says which.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The name of an index's first file, after the hash of its bytes (before
/// compression), as pieces are named: `index-89abcdef.bin`. A rebuild with
/// the same articles gives the same name, and [`check`] applies to it.
pub fn index_file(bytes: &[u8]) -> String {
    format!("index-{:08x}.bin", content_hash(bytes))
}

/// What a piece holds, which begins its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// A [`crate::DictionaryPiece`].
    Dictionary,
    /// A [`crate::TermPiece`].
    Terms,
    /// A [`crate::TextPiece`].
    Text,
    /// A [`crate::format::NamePiece`].
    Names,
    /// A [`crate::format::PositionPiece`].
    Positions,
    /// A [`crate::format::IdPiece`].
    Ids,
    /// A [`crate::TextPiece`] of ids, titles and sections only (a title piece).
    Titles,
    /// A [`crate::format::LinksPiece`]: what a run of articles links to.
    Links,
    /// The [`crate::format::NameIndexPiece`]: where the names are.
    NameIndex,
}

impl PieceKind {
    /// Every kind, in the order of their numbers.
    pub const ALL: [PieceKind; 9] = [
        PieceKind::Dictionary,
        PieceKind::Terms,
        PieceKind::Text,
        PieceKind::Names,
        PieceKind::Positions,
        PieceKind::Ids,
        PieceKind::Titles,
        PieceKind::Links,
        PieceKind::NameIndex,
    ];

    /// The beginning of the file names of pieces of this kind.
    pub fn name(self) -> &'static str {
        match self {
            PieceKind::Dictionary => "dictionary",
            PieceKind::Terms => "terms",
            PieceKind::Text => "text",
            PieceKind::Names => "names",
            PieceKind::Positions => "positions",
            PieceKind::Ids => "ids",
            PieceKind::Titles => "titles",
            PieceKind::Links => "links",
            PieceKind::NameIndex => "nameindex",
        }
    }

    /// The file name of the piece of this kind whose content hashes to
    /// `hash`, known by `number` (see [`crate::format::Pieces::files`]).
    pub fn file(self, number: usize, hash: u32) -> String {
        // Written digit by digit: the app names every piece of a large
        // collection as it starts, and `format!` took milliseconds for that.
        let mut name = String::with_capacity(self.name().len() + 19);
        name.push_str(self.name());
        name.push('-');
        let digits = number.checked_ilog10().unwrap_or(0).max(3) + 1;
        for place in (0..digits).rev() {
            let digit = number / 10usize.pow(place) % 10;
            name.push(char::from(b'0' + digit as u8));
        }
        name.push('-');
        push_hex(&mut name, hash);
        name.push_str(".bin");
        name
    }

    /// The file names of `pieces`, all of this kind, in order.
    pub fn files(self, pieces: &[PieceRef]) -> Vec<String> {
        let numbered = pieces.iter().enumerate();
        numbered
            .map(|(number, piece)| piece.file(self, number))
            .collect()
    }
}

/// The file names of a split index's pieces: one table, by kind and by
/// number within the kind (empty for a whole index).
#[derive(Clone, Debug, Default)]
pub struct PieceFiles {
    files: [Vec<String>; PieceKind::ALL.len()],
    /// The hash, kind and number of each piece, by hash: made when a name
    /// is first looked up.
    by_hash: std::sync::OnceLock<Vec<(u32, PieceKind, u32)>>,
}

impl PieceFiles {
    /// The table of `files`, each kind's names in the order of their numbers.
    pub fn new(files: impl IntoIterator<Item = (PieceKind, Vec<String>)>) -> Self {
        let mut table = PieceFiles::default();
        for (kind, names) in files {
            table.files[kind as usize] = names;
        }
        table
    }

    /// Names the pieces of `kind` (before any is looked up by name).
    pub fn set(&mut self, kind: PieceKind, names: Vec<String>) {
        self.files[kind as usize] = names;
        self.by_hash = std::sync::OnceLock::new();
    }

    /// The names of the pieces of `kind`, by number.
    pub fn of(&self, kind: PieceKind) -> &[String] {
        &self.files[kind as usize]
    }

    /// The name of piece `number` of `kind`, if there is one.
    pub fn name(&self, kind: PieceKind, number: usize) -> Option<String> {
        self.of(kind).get(number).cloned()
    }

    /// The names of pieces `numbers` of `kind` (those that exist).
    pub fn names(&self, kind: PieceKind, numbers: impl IntoIterator<Item = usize>) -> Vec<String> {
        (numbers.into_iter())
            .filter_map(|number| self.name(kind, number))
            .collect()
    }

    /// The kind and number of the piece named `file`, when it is one of
    /// this index's: found by the hash its name ends with.
    pub fn find(&self, file: &str) -> Option<(PieceKind, usize)> {
        let by_hash = self.by_hash.get_or_init(|| {
            let mut by_hash = Vec::new();
            for kind in PieceKind::ALL {
                for (number, name) in self.of(kind).iter().enumerate() {
                    by_hash.extend(hash_of(name).map(|hash| (hash, kind, number as u32)));
                }
            }
            crate::order::sort_by_key(&mut by_hash, |&(hash, _, _)| hash);
            by_hash
        });
        let hash = hash_of(file)?;
        let start = by_hash.partition_point(|&(h, _, _)| h < hash);
        (by_hash[start..].iter())
            .take_while(|&&(h, _, _)| h == hash)
            .map(|&(_, kind, number)| (kind, number as usize))
            .find(|&(kind, number)| self.of(kind).get(number).is_some_and(|name| name == file))
    }
}

/// The hash a piece's file name ends with (`…-89abcdef.bin`).
fn hash_of(file: &str) -> Option<u32> {
    let stem = file.strip_suffix(".bin")?;
    let hex = stem.get(stem.len().checked_sub(8)?..)?;
    u32::from_str_radix(hex, 16).ok()
}

/// Appends `hash` as 8 lower-case hex digits (as `{:08x}` writes it).
fn push_hex(out: &mut String, hash: u32) {
    for shift in (0..8).rev() {
        let digit = (hash >> (4 * shift)) & 0xf;
        out.push(char::from_digit(digit, 16).unwrap_or('0'));
    }
}

/// The hash of a piece's bytes that ends its file name: the 64-bit FNV-1a
/// hash folded to 32 bits (its two halves xor-ed). `assets/sw.js` computes the
/// same to check a download before it keeps it.
pub fn content_hash(bytes: &[u8]) -> u32 {
    let hash = fnv1a(bytes);
    (hash ^ hash >> 32) as u32
}

/// The 64-bit FNV-1a hash: stable across builds and platforms, enough to tell
/// two versions of a piece apart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Checks that downloaded `bytes` are the piece `file` names: they hash to
/// the hash that ends the name. A truncated download or another page served
/// in its place (a captive portal's) is [`FormatError::Mismatch`].
pub fn check(file: &str, bytes: &[u8]) -> Result<(), FormatError> {
    let mut end = String::from("-");
    push_hex(&mut end, content_hash(bytes));
    end.push_str(".bin");
    if file.ends_with(&end) {
        Ok(())
    } else {
        Err(FormatError::Mismatch { file: file.into() })
    }
}

/// The pieces of one build, as `build.rs` writes them beside the pieces
/// ([`MANIFEST_FILE`]): the service worker caches what it lists, with no
/// knowledge of how names are made, and checks each piece as the app does
/// ([`check`]: the hash that ends its name, of its content decoded). A
/// reader who updates fetches it again whole: it lists names and sizes
/// only (OrangeSum's 13,836 pieces: 146 kB of gzip, 236 kB with a second
/// hash of each file as published).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Each piece's file name, in name order.
    pub pieces: Vec<String>,
    /// The bytes of all the pieces as published: what storing the whole
    /// index for offline reading downloads (the page asks first when it is
    /// large).
    pub bytes: u64,
    /// The bytes of each piece as published, in the order of
    /// [`Manifest::pieces`]: what an update downloads, which the service
    /// worker tells before it does.
    pub sizes: Vec<u32>,
    /// How many articles the collection has: what an update says is new.
    pub articles: u32,
}

impl Manifest {
    /// The manifest of `pieces` (`(file name, bytes as published)`), of a
    /// collection of `articles` articles, but those named in `left_out`
    /// (pieces that a reader who keeps a copy never reads: see
    /// [`crate::format::Pieces::whole_files`]).
    pub fn of(pieces: &[(String, Vec<u8>)], articles: u32, left_out: &[String]) -> Self {
        let sizes = pieces
            .iter()
            .map(|(file, bytes)| (file.clone(), bytes.len() as u32));
        Manifest::of_sizes(sizes, articles, left_out)
    }

    /// [`Manifest::of`] pieces known by `(file name, size as published)`.
    pub fn of_sizes(
        pieces: impl IntoIterator<Item = (String, u32)>,
        articles: u32,
        left_out: &[String],
    ) -> Self {
        let left_out: std::collections::HashSet<&String> = left_out.iter().collect();
        let mut listed: Vec<(String, u32)> = (pieces.into_iter())
            .filter(|(file, _)| !left_out.contains(file))
            .collect();
        let bytes = listed.iter().map(|&(_, size)| u64::from(size)).sum();
        crate::order::sort(&mut listed);
        let (pieces, sizes) = listed.into_iter().unzip();
        Manifest {
            pieces,
            bytes,
            sizes,
            articles,
        }
    }

    /// As JSON: `{"pieces":["dictionary-0000-89abcdef.bin",…],"bytes":52000000,"sizes":[…],"articles":34141}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Runs of numbered items (terms, documents), each in a piece that is
/// loaded or not: run `n` holds the items from its first number to the next
/// run's. The dictionary, the postings and the texts of a split index are
/// each one; a whole index is one run, loaded.
#[derive(Clone, Debug)]
pub struct Slots<T> {
    firsts: Vec<u32>,
    pieces: Vec<std::sync::OnceLock<T>>,
}

impl<T> Default for Slots<T> {
    fn default() -> Self {
        Slots {
            firsts: Vec::new(),
            pieces: Vec::new(),
        }
    }
}

impl<T> Slots<T> {
    /// Runs starting at `firsts` (ascending), none loaded.
    pub fn new(firsts: impl IntoIterator<Item = u32>) -> Self {
        let firsts: Vec<u32> = firsts.into_iter().collect();
        let pieces = firsts.iter().map(|_| std::sync::OnceLock::new()).collect();
        Slots { firsts, pieces }
    }

    /// One run holding everything, loaded.
    pub fn whole(piece: T) -> Self {
        Slots {
            firsts: vec![0],
            pieces: vec![std::sync::OnceLock::from(piece)],
        }
    }

    /// How many runs there are.
    pub fn len(&self) -> usize {
        self.firsts.len()
    }

    /// Whether there is no run.
    pub fn is_empty(&self) -> bool {
        self.firsts.is_empty()
    }

    /// The run that holds item `number`.
    pub fn run_of(&self, number: usize) -> Option<usize> {
        let after = self
            .firsts
            .partition_point(|&first| first as usize <= number);
        after.checked_sub(1)
    }

    /// The first item number of run `run`.
    pub fn first(&self, run: usize) -> Option<u32> {
        self.firsts.get(run).copied()
    }

    /// How many items run `run` holds, when another run follows it.
    pub fn count(&self, run: usize) -> Option<usize> {
        let next = self.firsts.get(run + 1)?;
        Some(next.checked_sub(*self.firsts.get(run)?)? as usize)
    }

    /// The loaded piece of run `run`.
    pub fn piece(&self, run: usize) -> Option<&T> {
        self.pieces.get(run)?.get()
    }

    /// The loaded piece holding item `number`, and the item's place in it.
    pub fn entry(&self, number: usize) -> Option<(&T, usize)> {
        let run = self.run_of(number)?;
        Some((self.piece(run)?, number - self.firsts[run] as usize))
    }

    /// Whether run `run` is loaded (no such run is not).
    pub fn is_loaded(&self, run: usize) -> bool {
        self.piece(run).is_some()
    }

    /// Whether every run is loaded (a whole index; a split one once all is in).
    pub fn all_loaded(&self) -> bool {
        self.pieces.iter().all(|piece| piece.get().is_some())
    }

    /// The runs that hold `items` and are not loaded, ascending, each once.
    pub fn missing_for(&self, items: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut runs: Vec<usize> = (items.into_iter())
            .filter_map(|item| self.run_of(item))
            .filter(|&run| !self.is_loaded(run))
            .collect();
        crate::order::sort_dedup(&mut runs);
        runs
    }

    /// The runs not loaded yet.
    pub fn unloaded(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&run| !self.is_loaded(run))
            .collect()
    }

    /// Loads run `run` (once; later calls change nothing).
    pub fn set(&self, run: usize, piece: T) {
        if let Some(slot) = self.pieces.get(run) {
            let _ = slot.set(piece);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_piece_files_finds_its_own_names_only() {
        for (number, kind) in PieceKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, number, "ALL is in the order of the kinds");
        }
        let texts = vec![PieceKind::Text.file(0, 7), PieceKind::Text.file(1, 9)];
        let ids = vec![PieceKind::Ids.file(0, 3)];
        let table = PieceFiles::new([(PieceKind::Text, texts.clone()), (PieceKind::Ids, ids)]);
        assert_eq!(table.find(&texts[1]), Some((PieceKind::Text, 1)));
        assert_eq!(
            table.find(&PieceKind::Ids.file(0, 3)),
            Some((PieceKind::Ids, 0))
        );
        for stranger in [
            PieceKind::Text.file(1, 8), // another hash
            PieceKind::Text.file(2, 9), // no such number
            PieceKind::Terms.file(0, 7),
            "text".into(),
            "text-x-00000007.bin".into(),
            "index-00000007.bin".into(),
        ] {
            assert_eq!(table.find(&stranger), None, "{stranger}");
        }
        assert_eq!(table.names(PieceKind::Text, [1, 5]), [texts[1].clone()]);
        assert!(table.of(PieceKind::Dictionary).is_empty());
    }

    #[test]
    fn piece_names_are_written_as_format_writes_them() {
        for (number, hash) in [
            (0, 0),
            (7, 0xdead_beef),
            (1234, 0x0102_0304),
            (98_765, u32::MAX),
        ] {
            assert_eq!(
                PieceKind::Text.file(number, hash),
                format!("text-{number:04}-{hash:08x}.bin")
            );
        }
    }
}
