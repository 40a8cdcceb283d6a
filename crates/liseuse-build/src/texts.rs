//! The articles' text and the words' positions, kept out of memory from
//! the merge to the split.
//!
//! A merged index holds its articles, and their text is most of them (671
//! MB of UTF-8 at 300,000 articles, a `String` a paragraph), yet only three
//! steps read it, one article at a time: the names, the quotations and the
//! text pieces. The positions of the words are most of the postings, and
//! only the split reads them, a term at a time. So a large build keeps
//! each article's blocks in a file beside its segments as the merge reads
//! them, and each term's positions as the merge makes them
//! ([`Texts::on_disk`]); the index itself holds neither. Each step gets an
//! article with its blocks read back when it asks ([`WithText`]), the split
//! a term's positions ([`Apart`]). A small build, or one in memory, leaves
//! them in the index ([`Texts::in_articles`]).

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use liseuse_core::article::Article;
use liseuse_core::format::{Apart, IndexFile, Postings};

/// Articles one at a time with their text, wherever a build keeps it.
pub trait WithText: Sync {
    /// How many articles.
    fn count(&self) -> usize;
    /// Article `doc` (below [`WithText::count`]), its blocks in.
    fn article(&self, doc: usize) -> Cow<'_, Article>;
}

impl WithText for [Article] {
    fn count(&self) -> usize {
        self.len()
    }

    fn article(&self, doc: usize) -> Cow<'_, Article> {
        Cow::Borrowed(&self[doc])
    }
}

impl WithText for Vec<Article> {
    fn count(&self) -> usize {
        self.len()
    }

    fn article(&self, doc: usize) -> Cow<'_, Article> {
        Cow::Borrowed(&self[doc])
    }
}

/// Where the blocks of a merge's articles and the positions of its terms
/// are: in the index, or in a file of their own, each article's blocks and
/// each term's positions encoded ([`postcard`]) one after the other.
#[derive(Debug, Default)]
pub struct Texts {
    disk: Option<Disk>,
}

#[derive(Debug)]
struct Disk {
    file: Mutex<File>,
    path: PathBuf,
    /// Where each article's blocks start in the file, and how many bytes
    /// they take: by the order they were kept, then by number once
    /// [`Texts::renumber`] has said the order.
    spans: Vec<(u64, u32)>,
    /// Where each term's positions are, by term number.
    terms: Vec<(u64, u32)>,
    end: u64,
    /// The first error met reading back for the split ([`Apart`] cannot say it).
    unread: Mutex<Option<std::io::Error>>,
    /// The bytes read ahead of the last positions asked for, and where
    /// they start in the file: the split asks for each term's in turn.
    ahead: Mutex<(u64, Vec<u8>)>,
}

/// How many bytes are read at once for the positions.
const READ_AHEAD: usize = 1 << 20;

impl Texts {
    /// The text stays in the articles.
    pub fn in_articles() -> Texts {
        Texts { disk: None }
    }

    /// The text goes to a file in `dir`, made for this build and removed
    /// when it ends (at once where the system allows a file open to stay
    /// readable once removed, so that a build stopped leaves nothing behind).
    pub fn on_disk(dir: &Path) -> std::io::Result<Texts> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!(".texts-{}.tmp", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        #[cfg(unix)]
        let _ = std::fs::remove_file(&path);
        let disk = Disk {
            file: Mutex::new(file),
            path,
            spans: Vec::new(),
            terms: Vec::new(),
            end: 0,
            unread: Mutex::new(None),
            ahead: Mutex::new((0, Vec::new())),
        };
        Ok(Texts { disk: Some(disk) })
    }

    /// The file the text is kept in, if any (what an error names).
    pub fn path(&self) -> Option<&Path> {
        self.disk.as_ref().map(|disk| disk.path.as_path())
    }

    /// Takes `article`'s blocks into the file, when there is one: the
    /// next article kept.
    pub fn keep(&mut self, article: &mut Article) -> std::io::Result<()> {
        let Some(disk) = &mut self.disk else {
            return Ok(());
        };
        let span = disk.write(&article.blocks)?;
        disk.spans.push(span);
        article.blocks = Vec::new();
        Ok(())
    }

    /// Takes the positions of `postings` into the file, when there is one:
    /// the next term's.
    pub fn keep_positions(&mut self, postings: &mut Postings) -> std::io::Result<()> {
        let Some(disk) = &mut self.disk else {
            return Ok(());
        };
        let span = disk.write(&postings.positions)?;
        disk.terms.push(span);
        postings.positions = Vec::new();
        Ok(())
    }

    /// Puts back the blocks of article `at` (in the order they were kept,
    /// or by number after [`Texts::renumber`]) into `article`, when they
    /// are in the file.
    pub fn fill(&self, at: usize, article: &mut Article) -> std::io::Result<()> {
        if let Some(disk) = &self.disk {
            article.blocks = disk.read(disk.spans[at])?;
        }
        Ok(())
    }

    /// Puts back term `term`'s positions into its `postings`, when they
    /// are in the file.
    pub fn fill_positions(&self, term: usize, postings: &mut Postings) -> std::io::Result<()> {
        if let Some(disk) = &self.disk {
            postings.positions = disk.read_ahead(disk.terms[term])?;
        }
        Ok(())
    }

    /// The first error met reading back for the split, if any.
    pub fn take_unread(&self) -> Option<std::io::Error> {
        let disk = self.disk.as_ref()?;
        disk.unread.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Numbers the articles kept: article `doc` is the one kept `order[doc]`th
    /// (those in no place are let go).
    pub fn renumber(&mut self, order: &[usize]) {
        if let Some(disk) = &mut self.disk {
            disk.spans = order.iter().map(|&at| disk.spans[at]).collect();
        }
    }

    /// How many bytes the blocks and positions kept in the file take,
    /// encoded: what an index file that held them would be longer by (each
    /// article and term holds an empty list instead, one byte).
    pub fn bytes(&self) -> u64 {
        self.disk.as_ref().map_or(0, |disk| {
            let spans = disk.spans.iter().chain(&disk.terms);
            spans.map(|&(_, len)| u64::from(len) - 1).sum()
        })
    }

    /// What to say when the text or the positions could not be read back:
    /// the file and why.
    pub fn unread(&self, error: std::io::Error) -> String {
        let path = self.path().unwrap_or(Path::new("")).display();
        format!("cannot read back the articles' text or the positions from {path}: {error}")
    }

    /// Keeps the first error met reading back for the split.
    fn note_unread(&self, error: std::io::Error) {
        if let Some(disk) = &self.disk {
            let mut unread = disk.unread.lock().unwrap_or_else(|e| e.into_inner());
            unread.get_or_insert(error);
        }
    }

    /// Article `doc` of `articles`, its blocks in.
    ///
    /// # Panics
    /// When the file this build wrote a moment ago cannot be read back (the
    /// disk failed): the message names it.
    pub fn article<'a>(&self, articles: &'a [Article], doc: usize) -> Cow<'a, Article> {
        let Some(disk) = &self.disk else {
            return Cow::Borrowed(&articles[doc]);
        };
        let read = disk.read(disk.spans[doc]);
        let blocks = read.unwrap_or_else(|error| panic!("{}", self.unread(error)));
        Cow::Owned(Article {
            blocks,
            ..articles[doc].clone()
        })
    }
}

impl Apart for Texts {
    fn fill_article(&self, doc: usize, article: &mut Article) {
        if let Err(error) = self.fill(doc, article) {
            self.note_unread(error);
        }
    }

    fn positions(&self, term: usize) -> Option<Vec<u32>> {
        let disk = self.disk.as_ref()?;
        (disk.read_ahead(disk.terms[term]))
            .map_err(|error| self.note_unread(error))
            .ok()
    }
}

impl Disk {
    /// Writes `value` at the end of the file: where it is.
    fn write(&mut self, value: &impl serde::Serialize) -> std::io::Result<(u64, u32)> {
        let bytes = postcard::to_allocvec(value).expect("blocks and positions encode");
        let file = self.file.get_mut().unwrap_or_else(|e| e.into_inner());
        file.seek(SeekFrom::Start(self.end))?;
        file.write_all(&bytes)?;
        let span = (self.end, bytes.len() as u32);
        self.end += bytes.len() as u64;
        Ok(span)
    }

    /// Reads back what [`Disk::write`] wrote at `span`.
    fn read<T: serde::de::DeserializeOwned>(&self, (start, len): (u64, u32)) -> std::io::Result<T> {
        let mut bytes = vec![0; len as usize];
        self.read_at(start, &mut bytes)?;
        decode(&bytes)
    }

    /// Fills `bytes` with the file's from `start` on.
    fn read_at(&self, start: u64, bytes: &mut [u8]) -> std::io::Result<()> {
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(bytes)
    }

    /// [`Disk::read`] through a buffer of the bytes after the last read,
    /// for what is read in the order it was written.
    fn read_ahead<T: serde::de::DeserializeOwned>(
        &self,
        (start, len): (u64, u32),
    ) -> std::io::Result<T> {
        let mut ahead = self.ahead.lock().unwrap_or_else(|e| e.into_inner());
        let (from, bytes) = &mut *ahead;
        let end = start + u64::from(len);
        if start < *from || end > *from + bytes.len() as u64 {
            let size = (len as usize)
                .max(READ_AHEAD)
                .min((self.end - start) as usize);
            bytes.resize(size, 0);
            self.read_at(start, bytes)?;
            *from = start;
        }
        let at = (start - *from) as usize;
        decode(&bytes[at..at + len as usize])
    }
}

fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> std::io::Result<T> {
    postcard::from_bytes(bytes).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

impl Drop for Disk {
    fn drop(&mut self) {
        // (Removed already where the system allows it.)
        #[cfg(not(unix))]
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A merged index, and where its articles' text is until the pieces take it.
#[derive(Debug)]
pub struct Merged {
    /// The index; its articles without their blocks when [`Merged::texts`] has them.
    pub file: IndexFile,
    /// Where the blocks are.
    pub texts: Texts,
}

impl From<IndexFile> for Merged {
    /// A whole file, its text in its articles.
    fn from(file: IndexFile) -> Merged {
        Merged {
            file,
            texts: Texts::in_articles(),
        }
    }
}

impl Merged {
    /// The whole index, every article's blocks and every term's positions
    /// in it; an error names the file they could not be read back from.
    pub fn into_whole(self) -> Result<IndexFile, String> {
        let Merged { mut file, texts } = self;
        for (doc, article) in file.articles.iter_mut().enumerate() {
            texts
                .fill(doc, article)
                .map_err(|error| texts.unread(error))?;
        }
        for (term, postings) in file.index.postings.iter_mut().enumerate() {
            (texts.fill_positions(term, postings)).map_err(|error| texts.unread(error))?;
        }
        Ok(file)
    }

    /// [`liseuse_core::format::encoded_len`] of [`Merged::into_whole`],
    /// without putting the text back.
    pub fn encoded_len(&self) -> usize {
        liseuse_core::format::encoded_len(&self.file) + self.texts.bytes() as usize
    }
}

impl WithText for Merged {
    fn count(&self) -> usize {
        self.file.articles.len()
    }

    fn article(&self, doc: usize) -> Cow<'_, Article> {
        self.texts.article(&self.file.articles, doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_core::article::parse_capture;

    fn articles() -> Vec<Article> {
        [
            "Un\n\nPremier texte, assez long.",
            "Deux\n\nSecond texte.",
            "Trois\n\nTroisième.",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| parse_capture(&format!("a{i}"), text).unwrap())
        .collect()
    }

    #[test]
    fn blocks_and_positions_kept_on_disk_read_back_by_number_and_the_file_is_gone_at_the_end() {
        let dir = std::env::temp_dir().join(format!("liseuse-texts-{}", std::process::id()));
        let original = articles();
        let mut texts = Texts::on_disk(&dir).unwrap();
        let mut kept = original.clone();
        for article in &mut kept {
            texts.keep(article).unwrap();
            assert!(article.blocks.is_empty(), "the article lets its blocks go");
        }
        // Two terms' positions.
        let term = |positions: Vec<u32>| Postings {
            doc_gaps: vec![0],
            counts: vec![0, positions.len() as u32],
            positions,
        };
        let terms = vec![term(vec![1, 4, 2]), term(vec![7])];
        let mut index = liseuse_core::format::SearchIndex::default();
        for postings in &terms {
            let mut postings = postings.clone();
            texts.keep_positions(&mut postings).unwrap();
            assert!(
                postings.positions.is_empty(),
                "the postings let their positions go"
            );
            index.postings.push(postings);
        }
        assert_eq!(texts.positions(1), Some(vec![7]));
        // Numbered: the third kept first, the first second; the second let go.
        texts.renumber(&[2, 0]);
        let numbered = vec![kept[2].clone(), kept[0].clone()];
        assert_eq!(*texts.article(&numbered, 0), original[2]);
        assert_eq!(*texts.article(&numbered, 1), original[0]);
        let merged = Merged {
            file: IndexFile {
                articles: numbered,
                index,
                ..IndexFile::default()
            },
            texts,
        };
        let whole = IndexFile {
            articles: vec![original[2].clone(), original[0].clone()],
            index: liseuse_core::format::SearchIndex {
                postings: terms,
                ..Default::default()
            },
            ..IndexFile::default()
        };
        assert_eq!(
            merged.encoded_len(),
            liseuse_core::format::encoded_len(&whole)
        );
        assert_eq!(merged.into_whole().unwrap(), whole);
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert!(left.is_empty(), "nothing left in {}", dir.display());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn text_in_the_articles_stays_there() {
        let mut texts = Texts::in_articles();
        let mut article = articles().remove(0);
        texts.keep(&mut article).unwrap();
        assert!(!article.blocks.is_empty());
        assert_eq!(texts.bytes(), 0);
        let articles = vec![article];
        assert!(matches!(texts.article(&articles, 0), Cow::Borrowed(_)));
    }
}
