//! Segments: the index of a slice of the articles, built on its own, written
//! to disk and merged with the others by [`crate::indexer`].
//!
//! A collection is indexed a slice at a time, so that the memory of a build is
//! set by the size of a slice, not by the collection; slices are built on
//! every core, or on several machines, and a slice whose articles did not
//! change is not built again.
//!
//! Within a slice, the inverted index is built by elasticlunr-rs, with our
//! analysis as its tokenizer and an empty pipeline, so the terms are exactly
//! the ones a query will look up. We read its counts and field lengths back
//! through serde, and keep, from the same analysis, what elasticlunr does not:
//! word positions (for phrases), spellings (for suggestions), capitals (for
//! names) and word forms, checked against its counts.
//!
//! ## The file
//!
//! [`MAGIC`], then frames, each a little-endian `u32` length and that many
//! bytes of postcard: one [`SegmentHead`], then [`SegmentHead::terms`]
//! [`SegmentTerm`]s in byte order of their terms. A merge reads the terms one
//! at a time, so a segment is never held whole.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::rc::Rc;

use elasticlunr::pipeline::Pipeline;
use elasticlunr::{IndexBuilder, Language as LunrLanguageTrait};
use serde::{Deserialize, Serialize};

use liseuse_core::analysis::{Analyzer, Token};
use liseuse_core::article::Article;
use liseuse_core::format::{Damage, Field, Postings, FIELD_COUNT};

/// The first bytes of a segment file; the last one is the version of the format.
pub const MAGIC: [u8; 8] = *b"LISEGMT\x01";

/// What a segment says of its articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SegmentHead {
    /// The articles, in the order given (local document numbers).
    pub articles: Vec<Article>,
    /// Per field, each article's number of terms, as [`liseuse_core::format::lengths`] stores it.
    pub field_lengths: [Vec<u8>; FIELD_COUNT],
    /// How many term records follow.
    pub terms: u64,
}

/// What a segment says of one term.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SegmentTerm {
    /// The term.
    pub term: String,
    /// Its postings, with positions, by local document number.
    pub postings: Postings,
    /// Each spelling (lower case) and its occurrences, by spelling.
    pub spellings: Vec<(String, u32)>,
    /// Occurrences with a capital, and all occurrences, first words of sentences left out.
    pub capitals: (u32, u32),
    /// Each word form and its local documents (ascending), by form.
    pub forms: Vec<(String, Vec<u32>)>,
}

/// A segment in memory: its head and its terms, in byte order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Segment {
    /// The articles and their lengths.
    pub head: SegmentHead,
    /// The terms.
    pub terms: Vec<SegmentTerm>,
}

impl Segment {
    /// Indexes `articles`, each in its own language ([`Article::lang`]), the
    /// language of `analyzer` when it has none or one liseuse does not know.
    pub fn build(articles: Vec<Article>, analyzer: Analyzer) -> Segment {
        let current = Rc::new(Cell::new(analyzer));
        let analysed: Rc<RefCell<Vec<Vec<Token>>>> = Rc::default();
        let language = LunrLanguage {
            analyzer: current.clone(),
            analysed: analysed.clone(),
        };
        let mut lunr = IndexBuilder::with_language(Box::new(language))
            .save_docs(false)
            .add_fields(Field::ALL.map(Field::name))
            .build();
        let mut terms: HashMap<String, TermSeen> = HashMap::new();
        for (doc, article) in articles.iter().enumerate() {
            let analyzer = analyzer.for_lang(article.lang.as_deref());
            current.set(analyzer);
            let texts = field_texts(article);
            lunr.add_doc(&doc.to_string(), &texts);
            // The tokens elasticlunr's tokenizer made, a field after the other.
            let mut tokens = analysed.take();
            if tokens.len() != FIELD_COUNT {
                tokens = texts.iter().map(|text| analyzer.analyze(text)).collect();
            }
            for ((field, text), tokens) in Field::ALL.iter().zip(&texts).zip(tokens) {
                for token in tokens {
                    let seen = match terms.get_mut(&token.term) {
                        Some(seen) => seen,
                        None => terms.entry(token.term.clone()).or_default(),
                    };
                    seen.add(doc as u32, *field, text, token);
                }
            }
        }
        let json = serde_json::to_vec(&lunr).expect("elasticlunr index serialises");
        drop(lunr);
        let parsed: LunrIndex =
            serde_json::from_slice(&json).expect("elasticlunr index reads back");
        drop(json);
        let mut terms: Vec<(String, TermSeen)> = terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        check_counts(&parsed, &terms);
        let mut field_lengths: [Vec<u8>; FIELD_COUNT] = Default::default();
        for field in Field::ALL {
            field_lengths[field as usize] = (0..articles.len())
                .map(|doc| {
                    (parsed.document_store.doc_info.get(&doc.to_string()))
                        .and_then(|info| info.get(field.name()))
                        .map_or(0, |&len| liseuse_core::format::lengths::encode(len as u32))
                })
                .collect();
        }
        let terms: Vec<SegmentTerm> = (terms.into_iter())
            .map(|(term, seen)| {
                let mut spellings: Vec<(String, u32)> = seen.spellings.into_iter().collect();
                spellings.sort_unstable();
                let mut forms: Vec<(String, Vec<u32>)> = seen.forms.into_iter().collect();
                forms.sort_unstable();
                SegmentTerm {
                    term,
                    postings: Postings::from_docs(seen.docs.iter().map(|(d, f)| (*d, f))),
                    spellings,
                    capitals: seen.capitals,
                    forms,
                }
            })
            .collect();
        let head = SegmentHead {
            articles,
            field_lengths,
            terms: terms.len() as u64,
        };
        Segment { head, terms }
    }

    /// Writes the segment ([the file](self)).
    pub fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        out.write_all(&MAGIC)?;
        write_frame(out, &self.head)?;
        for term in &self.terms {
            write_frame(out, term)?;
        }
        Ok(())
    }

    /// The bytes of [`Segment::write`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.write(&mut bytes).expect("writing to memory");
        bytes
    }

    /// Reads a whole segment (tests; a merge reads terms one at a time with [`SegmentReader`]).
    pub fn read(input: impl Read) -> Result<Segment, SegmentError> {
        let mut reader = SegmentReader::new(input)?;
        let mut terms = Vec::new();
        while let Some(term) = reader.next_term()? {
            terms.push(term);
        }
        Ok(Segment {
            head: reader.head,
            terms,
        })
    }
}

fn write_frame(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let bytes = postcard::to_allocvec(value).map_err(std::io::Error::other)?;
    let len = u32::try_from(bytes.len()).map_err(std::io::Error::other)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&bytes)
}

/// Why a segment cannot be read: it is another file, cut short or damaged
/// (a folder of segments is shared and kept between builds).
#[derive(Debug)]
pub enum SegmentError {
    /// Not a segment, or one of another version of liseuse.
    NotASegment,
    /// The system could not read it.
    Io(std::io::Error),
    /// It ends before what its head announced.
    CutShort {
        /// What was missing: "head", "term"…
        missing: &'static str,
    },
    /// A frame does not decode.
    Undecodable,
    /// Its parts disagree.
    Damaged(Damage),
    /// Its terms are not in byte order.
    OutOfOrder {
        /// The term out of place.
        term: String,
    },
    /// More articles than a document number can count.
    TooManyArticles,
}

impl std::fmt::Display for SegmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SegmentError::NotASegment => write!(f, "not a segment of this version of liseuse"),
            SegmentError::Io(e) => write!(f, "cannot be read: {e}"),
            SegmentError::CutShort { missing } => write!(f, "cut short: no {missing}"),
            SegmentError::Undecodable => write!(f, "unreadable"),
            SegmentError::Damaged(damage) => write!(f, "damaged: {damage}"),
            SegmentError::OutOfOrder { term } => write!(f, "term {term:?} out of order"),
            SegmentError::TooManyArticles => write!(f, "too many articles"),
        }
    }
}

impl std::error::Error for SegmentError {}

/// Reads a segment's head, then its terms one at a time.
pub struct SegmentReader<R> {
    input: R,
    /// The head, read first.
    pub head: SegmentHead,
    /// The number of articles, even once the head's are taken.
    docs: u32,
    left: u64,
    previous: Option<String>,
}

impl<R: Read> SegmentReader<R> {
    /// Checks the magic bytes and reads the head.
    pub fn new(mut input: R) -> Result<Self, SegmentError> {
        let mut magic = [0; 8];
        input
            .read_exact(&mut magic)
            .map_err(|_| SegmentError::NotASegment)?;
        if magic != MAGIC {
            return Err(SegmentError::NotASegment);
        }
        let head: SegmentHead =
            read_frame(&mut input)?.ok_or(SegmentError::CutShort { missing: "head" })?;
        let lengths_ok = head
            .field_lengths
            .iter()
            .all(|l| l.len() == head.articles.len());
        if !lengths_ok {
            return Err(SegmentError::Damaged(Damage::Unmatched {
                what: "one field length per article",
            }));
        }
        let left = head.terms;
        let docs = u32::try_from(head.articles.len()).map_err(|_| SegmentError::TooManyArticles)?;
        Ok(SegmentReader {
            input,
            head,
            docs,
            left,
            previous: None,
        })
    }

    /// The next term, in byte order; none after the last. Checks the order,
    /// and the postings against the number of articles.
    pub fn next_term(&mut self) -> Result<Option<SegmentTerm>, SegmentError> {
        if self.left == 0 {
            return Ok(None);
        }
        let term: SegmentTerm =
            read_frame(&mut self.input)?.ok_or(SegmentError::CutShort { missing: "term" })?;
        if self.previous.as_ref().is_some_and(|p| *p >= term.term) {
            return Err(SegmentError::OutOfOrder { term: term.term });
        }
        let docs = self.docs;
        (term.postings.validate(docs)).map_err(SegmentError::Damaged)?;
        let forms = term.forms.iter().flat_map(|(_, d)| d);
        if let Some(&doc) = forms.into_iter().find(|&&d| d >= docs) {
            return Err(SegmentError::Damaged(Damage::OutOfRange {
                what: "document of a word form",
                value: u64::from(doc),
                limit: u64::from(docs),
            }));
        }
        self.left -= 1;
        self.previous = Some(term.term.clone());
        Ok(Some(term))
    }
}

/// One frame, or none at the end of the input.
fn read_frame<T: serde::de::DeserializeOwned>(
    input: &mut impl Read,
) -> Result<Option<T>, SegmentError> {
    let mut len = [0; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(SegmentError::Io(e)),
    }
    let len = u32::from_le_bytes(len) as usize;
    let mut bytes = Vec::new();
    (input.take(len as u64))
        .read_to_end(&mut bytes)
        .map_err(SegmentError::Io)?;
    if bytes.len() != len {
        return Err(SegmentError::CutShort { missing: "frame" });
    }
    postcard::from_bytes(&bytes)
        .map(Some)
        .map_err(|_| SegmentError::Undecodable)
}

/// The text of each field of an article, in [`Field`] order.
fn field_texts(article: &Article) -> [String; FIELD_COUNT] {
    [article.title.clone(), article.body_text()]
}

/// What the analysis of the articles says of one term.
#[derive(Default)]
struct TermSeen {
    /// Document -> positions per field, documents in ascending order.
    docs: Vec<(u32, [Vec<u32>; FIELD_COUNT])>,
    /// Spelling (lower case) -> occurrences.
    spellings: HashMap<String, u32>,
    /// Occurrences with a capital, and all occurrences, first words of sentences left out.
    capitals: (u32, u32),
    /// Form -> documents, ascending.
    forms: HashMap<String, Vec<u32>>,
}

impl TermSeen {
    fn add(&mut self, doc: u32, field: Field, text: &str, token: Token) {
        if self.docs.last().is_none_or(|(last, _)| *last != doc) {
            self.docs.push((doc, Default::default()));
        }
        let docs = self.docs.last_mut().expect("just pushed");
        docs.1[field as usize].push(token.position);
        let written = &text[token.start..token.end];
        if !starts_sentence(&text[..token.start]) {
            self.capitals.0 += u32::from(written.chars().next().is_some_and(char::is_uppercase));
            self.capitals.1 += 1;
        }
        let spelling = written.to_lowercase();
        match self.spellings.get_mut(&spelling) {
            Some(count) => *count += 1,
            None => {
                self.spellings.insert(spelling, 1);
            }
        }
        let form_docs = match self.forms.get_mut(&token.form) {
            Some(docs) => docs,
            None => self.forms.entry(token.form).or_default(),
        };
        if form_docs.last() != Some(&doc) {
            form_docs.push(doc);
        }
    }
}

/// Whether a word after `before` opens a sentence (or the text), where a
/// capital says nothing about the word.
fn starts_sentence(before: &str) -> bool {
    before
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '«' | '"' | '“' | '(' | '—' | '–' | '-')
        })
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':'))
}

/// Our positions must agree with elasticlunr's counts: both come from the same analysis.
fn check_counts(lunr: &LunrIndex, terms: &[(String, TermSeen)]) {
    for field in Field::ALL {
        let Some(inverted) = lunr.index.get(field.name()) else {
            continue;
        };
        let mut term = String::new();
        inverted.root.walk(&mut term, &mut |term, item| {
            for (doc, tf) in &item.docs {
                // elasticlunr stores the square root of the occurrence count.
                let count = (tf.tf * tf.tf).round() as usize;
                let doc: u32 = doc.parse().expect("document refs are numbers");
                let ours = terms
                    .binary_search_by(|(t, _)| t.as_str().cmp(term))
                    .ok()
                    .and_then(|at| {
                        let docs = &terms[at].1.docs;
                        let found = docs.binary_search_by_key(&doc, |(d, _)| *d);
                        found.ok().map(|i| &docs[i].1)
                    })
                    .map_or(0, |f| f[field as usize].len());
                assert_eq!(
                    ours,
                    count,
                    "term {term:?} in document {doc}, field {}",
                    field.name()
                );
            }
        });
    }
}

/// Our analysis as an elasticlunr language: all the work is in the tokenizer,
/// which analyses in the language of the article being added, and keeps the
/// tokens it made (their positions and spellings are ours to store).
struct LunrLanguage {
    analyzer: Rc<Cell<Analyzer>>,
    analysed: Rc<RefCell<Vec<Vec<Token>>>>,
}

impl LunrLanguageTrait for LunrLanguage {
    fn name(&self) -> String {
        "French".into()
    }

    fn code(&self) -> String {
        "fr".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        let tokens = self.analyzer.get().analyze(text);
        let terms = tokens.iter().map(|t| t.term.clone()).collect();
        self.analysed.borrow_mut().push(tokens);
        terms
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

/// The parts of elasticlunr's serialised index that we read.
#[derive(Deserialize)]
struct LunrIndex {
    index: BTreeMap<String, LunrInverted>,
    #[serde(rename = "documentStore")]
    document_store: LunrStore,
}

#[derive(Deserialize)]
struct LunrInverted {
    root: LunrNode,
}

#[derive(Deserialize)]
struct LunrStore {
    #[serde(rename = "docInfo")]
    doc_info: BTreeMap<String, BTreeMap<String, usize>>,
}

/// A trie node: the documents of the term spelled by the path to it, and one
/// child per next character (keys other than `docs` and `df`).
#[derive(Default)]
struct LunrNode {
    docs: BTreeMap<String, LunrFrequency>,
    children: Vec<(String, LunrNode)>,
}

#[derive(Deserialize)]
struct LunrFrequency {
    tf: f64,
}

impl<'de> Deserialize<'de> for LunrNode {
    // Written by hand: `#[serde(flatten)]` would buffer every subtree once per
    // level of the trie, which is quadratic in the length of the terms.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> serde::de::Visitor<'de> for NodeVisitor {
            type Value = LunrNode;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an elasticlunr index node")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<LunrNode, A::Error> {
                let mut node = LunrNode::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "docs" => node.docs = map.next_value()?,
                        "df" => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                        _ => node.children.push((key, map.next_value()?)),
                    }
                }
                Ok(node)
            }
        }
        deserializer.deserialize_map(NodeVisitor)
    }
}

impl LunrNode {
    /// Calls `visit` with every term that has documents, depth first.
    fn walk(&self, term: &mut String, visit: &mut impl FnMut(&str, &LunrNode)) {
        if !self.docs.is_empty() {
            visit(term, self);
        }
        for (key, child) in &self.children {
            let len = term.len();
            term.push_str(key);
            child.walk(term, visit);
            term.truncate(len);
        }
    }
}

#[cfg(test)]
mod tests;
