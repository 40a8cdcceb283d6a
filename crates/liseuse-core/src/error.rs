//! Why a published file could not be read: one error for the index's first
//! file and for its pieces alike. At the bottom of the core, with
//! [`order`](crate::order): the format and the pieces' contract both say it.

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
    /// The file is cut short or damaged.
    Corrupt {
        /// What the decoder said.
        reason: String,
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
            FormatError::Corrupt { reason } => write!(f, "damaged index file: {reason}"),
            FormatError::Mismatch { file } => write!(
                f,
                "damaged piece {file}: its content does not match its name (cut short, or another page served in its place)"
            ),
        }
    }
}

impl std::error::Error for FormatError {}
