//! Building an index file from a folder of articles (feature `indexer`).
//!
//! The inverted index is built by elasticlunr-rs, with our analysis as its
//! tokenizer and an empty pipeline, so the terms are exactly the ones a query
//! will look up. Its JSON form is large (a trie with a string key per document
//! and per character), so we read its counts and field lengths back through
//! serde and store them in our compact [`IndexFile`] format, with the word
//! positions (for phrases) and spellings (for suggestions) that elasticlunr
//! does not keep, taken from the same analysis and checked against its counts.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use elasticlunr::pipeline::Pipeline;
use elasticlunr::{IndexBuilder, Language as LunrLanguageTrait};
use serde::Deserialize;

use crate::analysis::{Analyzer, Token};
use crate::article::Article;
use crate::format::{Field, FormPostings, IndexFile, Postings, SearchIndex, FIELD_COUNT};
use crate::import::{read_folder, ImportError, ImportReport};

/// Builds the index file of `dir`'s articles ([`read_folder`]), with the files
/// read (what the build depends on) and the report of what was left out.
pub fn build_dir(dir: &Path) -> Result<(IndexFile, Vec<PathBuf>, ImportReport), ImportError> {
    let (articles, files, report) = read_folder(dir)?;
    Ok((build_index(articles), files, report))
}

/// Indexes `articles` with elasticlunr-rs and encodes the result as an [`IndexFile`].
pub fn build_index(articles: Vec<Article>) -> IndexFile {
    build_index_with(articles, Analyzer::FRENCH)
}

/// [`build_index`] with other analysis settings (the benchmarks compare them).
///
/// Each article is analysed in its own language ([`Article::lang`]), the
/// language of `analyzer` when it has none or one liseuse does not know.
///
/// Articles are numbered newest first (undated ones last, otherwise in the
/// order given): the list a reader sees first then sits in the first text
/// pieces of a split index, and of two equal scores the newer ranks first.
pub fn build_index_with(mut articles: Vec<Article>, analyzer: Analyzer) -> IndexFile {
    articles.sort_by(|a, b| crate::article::newest_first(a.date.as_deref(), b.date.as_deref()));
    let current = Rc::new(Cell::new(analyzer));
    let mut index = IndexBuilder::with_language(Box::new(LunrLanguage(current.clone())))
        .save_docs(false)
        .add_fields(Field::ALL.map(Field::name))
        .build();
    for (doc, article) in articles.iter().enumerate() {
        current.set(document_analyzer(article, analyzer));
        index.add_doc(&doc.to_string(), field_texts(article));
    }
    let json = serde_json::to_vec(&index).expect("elasticlunr index serialises");
    let parsed: LunrIndex = serde_json::from_slice(&json).expect("elasticlunr index reads back");
    let index = search_index(&parsed, &articles, analyzer);
    let sources: Vec<Option<&str>> = articles.iter().map(|a| a.source.as_deref()).collect();
    let related = crate::related::related(&index, &sources);
    for (article, related) in articles.iter_mut().zip(related) {
        article.related = related;
    }
    let (entities, main) = crate::entities::find(&articles);
    let shown: std::collections::HashMap<&str, &str> = (entities.iter())
        .map(|(key, e)| (key.as_str(), e.name.as_str()))
        .collect();
    let names: Vec<Vec<String>> = (main.iter())
        .map(|keys| keys.iter().map(|k| shown[k.as_str()].to_string()).collect())
        .collect();
    for (article, names) in articles.iter_mut().zip(names) {
        article.names = names;
    }
    IndexFile {
        index,
        articles,
        pieces: Default::default(),
        entities: entities.into_iter().map(|(_, e)| e).collect(),
    }
}

/// The analysis of one article: `base` in the article's language.
fn document_analyzer(article: &Article, base: Analyzer) -> Analyzer {
    base.for_lang(article.lang.as_deref())
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

/// Our postings: elasticlunr's counts and field lengths, with the positions,
/// spellings, names and word forms that elasticlunr does not keep, from the
/// same analysis.
fn search_index(lunr: &LunrIndex, articles: &[Article], analyzer: Analyzer) -> SearchIndex {
    let doc_count = articles.len();
    let mut terms: HashMap<String, TermSeen> = HashMap::new();
    let mut languages = BTreeSet::new();
    for (doc, article) in articles.iter().enumerate() {
        let analyzer = document_analyzer(article, analyzer);
        languages.insert(analyzer.language);
        for (field, text) in Field::ALL.iter().zip(field_texts(article)) {
            for token in analyzer.analyze(&text) {
                let seen = match terms.get_mut(&token.term) {
                    Some(seen) => seen,
                    None => terms.entry(token.term.clone()).or_default(),
                };
                seen.add(doc as u32, *field, &text, token);
            }
        }
    }
    let mut terms: Vec<(String, TermSeen)> = terms.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    check_counts(lunr, &terms);
    let mut field_lengths: [Vec<u8>; FIELD_COUNT] = Default::default();
    for field in Field::ALL {
        field_lengths[field as usize] = (0..doc_count)
            .map(|doc| {
                lunr.document_store
                    .doc_info
                    .get(&doc.to_string())
                    .and_then(|info| info.get(field.name()))
                    .map_or(0, |&len| crate::format::lengths::encode(len as u32))
            })
            .collect();
    }
    let mut index = SearchIndex {
        analyzer,
        languages: languages.into_iter().collect(),
        doc_count: doc_count as u32,
        field_lengths,
        ..SearchIndex::default()
    };
    // (form, term number, documents) of the terms written in more than one way.
    let mut forms: Vec<(String, u32, Vec<u32>)> = Vec::new();
    for (number, (term, seen)) in terms.into_iter().enumerate() {
        index.postings.push(Postings::from_docs(
            seen.docs.iter().map(|(doc, fields)| (*doc, fields)),
        ));
        // The most frequent spelling; ties go to the first in byte order.
        let best = seen
            .spellings
            .iter()
            .max_by_key(|&(form, count)| (count, std::cmp::Reverse(form)));
        index
            .spellings
            .push(best.map(|(form, _)| form.clone()).unwrap_or_default());
        let (capital, occurrences) = seen.capitals;
        index.names.push(capital * 2 > occurrences);
        index.terms.push(term);
        // A term written one way only needs no forms: its postings say it all,
        // and its spelling says which form it is (see `Searcher`).
        if analyzer.stem && seen.forms.len() > 1 {
            let term_docs: Vec<u32> = seen.docs.iter().map(|(doc, _)| *doc).collect();
            for (form, docs) in seen.forms {
                let indexes = docs.iter().map(|doc| {
                    let index = term_docs.binary_search(doc);
                    index.expect("a form's document has its term") as u32
                });
                forms.push((form, number as u32, indexes.collect()));
            }
        }
    }
    forms.sort_unstable();
    for (form, term, indexes) in forms {
        index.forms.push(form);
        index.form_postings.push(FormPostings::new(term, indexes));
    }
    index
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
/// which analyses in the language of the article being added.
struct LunrLanguage(Rc<Cell<Analyzer>>);

impl LunrLanguageTrait for LunrLanguage {
    fn name(&self) -> String {
        "French".into()
    }

    fn code(&self) -> String {
        "fr".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        self.0
            .get()
            .analyze(text)
            .into_iter()
            .map(|t| t.term)
            .collect()
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
