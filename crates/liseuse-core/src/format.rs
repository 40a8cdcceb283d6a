//! The index file: what `build.rs` writes and the app reads, defined once, here.
//!
//! A file is the 8 bytes [`MAGIC`], a little-endian `u32` [`FORMAT_VERSION`],
//! then a [postcard](https://docs.rs/postcard) encoding of [`IndexFile`].
//! Postcard writes every integer as a variable-length integer, so the postings
//! below, stored as gaps between document numbers and small term counts, take
//! one byte per number in the common case.
//!
//! The file has two parts that are meant to be split apart as collections grow:
//! the [`SearchIndex`] (what a query needs) and the articles (what the reader
//! shows). Both are addressed by document number, the article's position in
//! [`IndexFile::articles`].

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzer, Language};
use crate::article::Article;

/// First bytes of every index file.
pub const MAGIC: &[u8; 8] = b"LISEUSE\0";
/// Version of the layout below; bumped on every incompatible change.
pub const FORMAT_VERSION: u32 = 4;

/// Number of indexed fields, in the order of [`Field`].
pub const FIELD_COUNT: usize = 2;

/// The indexed fields of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title = 0,
    /// Every text block of the article.
    Body = 1,
}

impl Field {
    /// Every field, in storage order.
    pub const ALL: [Field; FIELD_COUNT] = [Field::Title, Field::Body];

    /// The field's name in the elasticlunr index.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
        }
    }
}

/// A whole index file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexFile {
    /// What a query needs.
    pub index: SearchIndex,
    /// The articles, by document number.
    pub articles: Vec<Article>,
}

/// The inverted index of a collection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// How text was analysed; queries are analysed the same way, in each of
    /// [`SearchIndex::languages`].
    pub analyzer: Analyzer,
    /// The languages of the documents, each analysed with its own stemmer and stop words.
    pub languages: Vec<Language>,
    /// Number of documents.
    pub doc_count: u32,
    /// Per field, the number of terms in each document (stop words excluded).
    pub field_lengths: [Vec<u32>; FIELD_COUNT],
    /// Every term, sorted by byte order, so that a prefix is a contiguous range.
    pub terms: Vec<String>,
    /// The postings of each term, in the order of [`SearchIndex::terms`].
    pub postings: Vec<Postings>,
    /// For each term, its most frequent spelling in the text (lower case, accents
    /// kept), to suggest corrections in words a reader knows.
    pub spellings: Vec<String>,
    /// Whether each term is mostly written with a capital (a name: `Bakou`,
    /// `Stoltenberg`), not counting the first word of a sentence or title.
    pub names: Vec<bool>,
    /// The word forms (see [`crate::Token::form`]) of the terms written in more
    /// than one way, sorted by byte order (a form may stand twice, for terms of
    /// two languages). A term written one way only has no forms here: its
    /// postings are those of its form, the fold of its spelling. Empty when the
    /// index is not stemmed (forms are terms then).
    pub forms: Vec<String>,
    /// Where each form of [`SearchIndex::forms`] occurs, in its term's postings.
    pub form_postings: Vec<FormPostings>,
}

/// The documents of a word form, as a subset of its term's postings: the
/// counts and positions are the term's. One small number per document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormPostings {
    /// The term the form is written for.
    pub term: u32,
    /// Indexes in the term's postings of the documents with the form,
    /// ascending, each stored as the gap from the previous one.
    pub index_gaps: Vec<u32>,
}

impl FormPostings {
    /// The form of `term` found in the documents at `indexes` (ascending) of its postings.
    pub fn new(term: u32, indexes: impl IntoIterator<Item = u32>) -> Self {
        let mut previous = 0;
        let index_gaps = indexes
            .into_iter()
            .map(|index| {
                let gap = index - previous;
                previous = index;
                gap
            })
            .collect();
        FormPostings { term, index_gaps }
    }

    /// Number of documents the form occurs in.
    pub fn doc_frequency(&self) -> usize {
        self.index_gaps.len()
    }

    /// The indexes in the term's postings of the documents with the form, ascending.
    pub fn indexes(&self) -> impl Iterator<Item = u32> + '_ {
        self.index_gaps.iter().scan(0, |at, gap| {
            *at += gap;
            Some(*at)
        })
    }
}

/// Where one term occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    /// Document numbers, ascending, each stored as the gap from the previous one.
    pub doc_gaps: Vec<u32>,
    /// For each document, its occurrence count in each field ([`FIELD_COUNT`] numbers).
    pub counts: Vec<u32>,
    /// For each document and field, the word positions of the occurrences,
    /// ascending, each stored as the gap from the previous one (the first from 0).
    /// The counts say how many belong to each document and field.
    pub positions: Vec<u32>,
}

/// `(doc, counts, title positions, body positions)`, as tests compare them.
#[cfg(test)]
pub(crate) type UnpackedPosting = (u32, Vec<u32>, Vec<u32>, Vec<u32>);

/// One document of a term's postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting<'a> {
    /// The document number.
    pub doc: u32,
    /// Occurrence count in each field.
    pub counts: &'a [u32],
    /// The gap-coded positions of this document, all fields in a row.
    gaps: &'a [u32],
}

impl Posting<'_> {
    /// Word positions of the term in `field`, ascending.
    pub fn positions(&self, field: Field) -> Vec<u32> {
        let skip: u32 = self.counts[..field as usize].iter().sum();
        let gaps = &self.gaps[skip as usize..(skip + self.counts[field as usize]) as usize];
        gaps.iter()
            .scan(0, |at, gap| {
                *at += gap;
                Some(*at)
            })
            .collect()
    }
}

impl Postings {
    /// Every document as `(doc, counts, title positions, body positions)`: for tests.
    #[cfg(test)]
    pub(crate) fn unpacked(&self) -> Vec<UnpackedPosting> {
        self.iter()
            .map(|p| {
                (
                    p.doc,
                    p.counts.to_vec(),
                    p.positions(Field::Title),
                    p.positions(Field::Body),
                )
            })
            .collect()
    }

    /// Builds postings from `(document, positions per field)` in ascending document order.
    pub fn from_docs<'a>(
        docs: impl IntoIterator<Item = (u32, &'a [Vec<u32>; FIELD_COUNT])>,
    ) -> Self {
        let mut postings = Postings::default();
        let mut previous = 0;
        for (doc, fields) in docs {
            postings.doc_gaps.push(doc - previous);
            previous = doc;
            for positions in fields {
                postings.counts.push(positions.len() as u32);
                let mut at = 0;
                for &position in positions {
                    postings.positions.push(position - at);
                    at = position;
                }
            }
        }
        postings
    }

    /// Number of documents the term occurs in.
    pub fn doc_frequency(&self) -> usize {
        self.doc_gaps.len()
    }

    /// The documents of the term, in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = Posting<'_>> + '_ {
        let mut doc = 0;
        let mut at = 0usize;
        self.doc_gaps
            .iter()
            .zip(self.counts.chunks_exact(FIELD_COUNT))
            .map(move |(gap, counts)| {
                doc += gap;
                let len = counts.iter().sum::<u32>() as usize;
                let gaps = &self.positions[at..at + len];
                at += len;
                Posting { doc, counts, gaps }
            })
    }
}

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
        }
    }
}

impl std::error::Error for FormatError {}

impl IndexFile {
    /// Encodes the file; the same value always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // Encoding into a Vec cannot fail for these plain types.
        let body = postcard::to_allocvec(self).expect("index encodes");
        bytes.extend_from_slice(&body);
        bytes
    }

    /// Decodes a file written by [`IndexFile::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FormatError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(FormatError::NotAnIndex)?;
        let (version, body) = rest.split_at_checked(4).ok_or(FormatError::Corrupt {
            reason: "no version number".into(),
        })?;
        let got = u32::from_le_bytes(version.try_into().expect("4 bytes"));
        if got != FORMAT_VERSION {
            return Err(FormatError::Version {
                expected: FORMAT_VERSION,
                got,
            });
        }
        postcard::from_bytes(body).map_err(|e| FormatError::Corrupt {
            reason: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests;
