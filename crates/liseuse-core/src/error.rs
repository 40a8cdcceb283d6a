//! Why a published file could not be read: one error for the index's first
//! file and for its pieces alike ([`FormatError`]), and what a check found
//! wrong in one that decoded ([`Damage`]). Low in the core: the format and
//! the pieces' contract both say it. A reader is told in the site's
//! language ([`FormatError::say`]); the build and the tests read the
//! English of `Display`.

use crate::text::Text;

/// Why bytes could not be read as an index file.
#[derive(Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes do not start with [`MAGIC`]: not an index file at all.
    NotAnIndex,
    /// Written by another version of liseuse: rebuild the index with this one.
    Version {
        /// The version this code reads.
        expected: u32,
        /// The version found in the file.
        got: u32,
    },
    /// The index's first file is cut short or damaged.
    Corrupt {
        /// What is wrong with it.
        damage: Damage,
    },
    /// A piece of the index is cut short or damaged, or is none of its pieces.
    Damaged {
        /// The piece's file name.
        file: String,
        /// What is wrong with it.
        damage: Damage,
    },
    /// A downloaded piece whose bytes do not hash to the hash in its name: a
    /// truncated download, or another page (a captive portal's) served in its
    /// place. Download it again.
    Mismatch {
        /// The piece's file name.
        file: String,
    },
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::NotAnIndex => write!(f, "not a liseuse index file"),
            FormatError::Version { expected, got } => write!(
                f,
                "index format version {got}, this reader needs {expected}: rebuild the site"
            ),
            FormatError::Corrupt { damage } => write!(f, "damaged index file: {damage}"),
            FormatError::Damaged { file, damage } => write!(f, "damaged piece {file}: {damage}"),
            FormatError::Mismatch { file } => write!(
                f,
                "damaged piece {file}: its content does not match its name (cut short, or another page served in its place)"
            ),
        }
    }
}

impl std::error::Error for FormatError {}

impl FormatError {
    /// What is wrong, in a reader's words in the language of `text`.
    pub fn say(&self, text: &Text) -> String {
        match self {
            FormatError::NotAnIndex => text.not_an_index.into(),
            FormatError::Version { expected, got } => crate::text::fill(
                text.other_version_t,
                &[&got.to_string(), &expected.to_string()],
            ),
            FormatError::Corrupt { .. } | FormatError::Damaged { .. } => text.damaged_file.into(),
            FormatError::Mismatch { .. } => text.piece_mismatch.into(),
        }
    }
}

/// What a check found wrong in a file or a piece (which may come from
/// anywhere: a downloaded file may say anything).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Its bytes do not decode as what its place holds: cut short, or other bytes.
    Undecodable,
    /// No format version after the magic bytes.
    NoVersion,
    /// A piece this index does not name.
    NotOurs,
    /// A piece that holds other items (terms, ids, articles, positions)
    /// than its place: another piece's, or too many or too few.
    OtherItems,
    /// Parts that do not go together, one for each of another.
    Unmatched {
        /// What should match: "one spelling per term", "one article per document"…
        what: &'static str,
    },
    /// Items out of their order.
    OutOfOrder {
        /// Which: "terms", "pieces"…
        what: &'static str,
    },
    /// A number past what it counts.
    OutOfRange {
        /// What it numbers: "document", "word position"…
        what: &'static str,
        /// The number found.
        value: u64,
        /// The count it must be under.
        limit: u64,
    },
    /// A term piece with the positions, forms or spellings that a split
    /// index keeps in pieces of their own.
    DetailsApart,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::Undecodable => write!(f, "does not decode (cut short, or other bytes)"),
            Damage::NoVersion => write!(f, "no version number"),
            Damage::NotOurs => write!(f, "no piece of this index"),
            Damage::OtherItems => write!(f, "holds other items than its place"),
            Damage::Unmatched { what } => write!(f, "not {what}"),
            Damage::OutOfOrder { what } => write!(f, "{what} out of order"),
            Damage::OutOfRange { what, value, limit } => {
                write!(f, "{what} {value} out of range (of {limit})")
            }
            Damage::DetailsApart => {
                write!(f, "positions, forms or spellings, which are apart")
            }
        }
    }
}
