//! Building an index file from articles.
//!
//! The articles are cut into slices of about [`Options::segment_articles`]
//! (where a slice ends depends on its articles only, so adding articles
//! moves few boundaries), each slice is indexed as a [`Segment`] on every
//! core, and the segments are merged in one pass over their terms, in byte
//! order: postings appended, document numbers renumbered newest first. The
//! memory of the indexing is set by the size of a slice and the number of
//! cores, not by the collection; what the collection sets is the published
//! index itself, compact, and its articles.
//!
//! With a folder for them ([`Options::segments`]), the segments are kept on
//! disk under a name made of their content, and a rebuild reuses those whose
//! articles did not change. Several machines can each build the segments of
//! a share of the files ([`write_segments`] with a [`Part`]) into one folder,
//! and one merges them ([`merge_folder`]).
//!
//! The names are found as the merge numbers the articles, before it
//! merges the postings, and related articles last, over the merged index
//! ([`finish`]). A merge from a folder keeps the articles' text in a file
//! beside the segments ([`Texts::on_disk`]) and reads it back when the
//! names, the quotations and the text pieces need it.

use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use crate::import::{read_part, read_part_cached, ImportError, ImportReport, Part};
use crate::segment::{Segment, SegmentError, SegmentReader, SegmentTerm};
pub use crate::texts::Merged;
use crate::texts::Texts;
use liseuse_core::analysis::Analyzer;
use liseuse_core::article::Article;
use liseuse_core::format::{Field, FormPostings, IndexFile, Postings, SearchIndex, FIELD_COUNT};
use liseuse_core::pieces::fnv1a;

/// How a build goes.
pub struct Options {
    /// How text is analysed.
    pub analyzer: Analyzer,
    /// About how many articles a segment holds (the memory of a build grows with it).
    pub segment_articles: usize,
    /// Where segments are kept between builds; none: in memory, for this build only.
    pub segments: Option<PathBuf>,
    /// How many segments are built at once; 0: one per core.
    pub threads: usize,
    /// Says what the build is doing.
    pub progress: Progress,
    /// From how many segments a merge from a folder keeps the articles'
    /// text and the words' positions on disk until the split
    /// ([`Texts::on_disk`]): memory saved where the collection is large,
    /// time where it is not.
    pub apart_from: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            analyzer: Analyzer::FRENCH,
            segment_articles: SEGMENT_ARTICLES,
            apart_from: APART_FROM,
            segments: None,
            threads: 0,
            progress: Progress::quiet(),
        }
    }
}

impl Options {
    fn threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

/// The articles of a segment, on average: about 150 MB of working memory
/// for each core that builds one (OrangeSum's articles, 2,300 bytes of text each).
pub const SEGMENT_ARTICLES: usize = 1500;

/// The segments from which a merge keeps text and positions on disk: about
/// 100,000 articles. At 300,000 the build's peak is 1,240 MB with them on
/// disk, 2,190 MB without; at OrangeSum's 34,000 (21 segments) the disk
/// cost 3 s and saved nothing: the segments' building sets the peak.
pub const APART_FROM: usize = 64;

/// Where a build's progress lines go (stderr, a log…).
type Say = Box<dyn Fn(&str) + Send + Sync>;

/// Lines that say what a long build is doing, each with the time since it began.
pub struct Progress {
    started: Instant,
    say: Option<Say>,
    /// When the last line about segments was said, in ms since the start.
    last: AtomicUsize,
}

impl Progress {
    /// Says nothing.
    pub fn quiet() -> Self {
        Progress {
            started: Instant::now(),
            say: None,
            last: AtomicUsize::new(0),
        }
    }

    /// Gives each line to `say`.
    pub fn to(say: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Progress {
            say: Some(Box::new(say)),
            ..Progress::quiet()
        }
    }

    /// Seconds since the build began.
    pub fn seconds(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Says `what`, after the time and, where the system tells it, the
    /// peak memory of the process so far and its memory now.
    pub fn say(&self, what: &str) {
        if let Some(say) = &self.say {
            let peak = (memory("VmHWM:").zip(memory("VmRSS:")))
                .map(|(peak, now)| format!(", {peak:4} MB, now {now:4} MB"))
                .unwrap_or_default();
            say(&format!("[{:6.1} s{peak}] {what}", self.seconds()));
        }
    }

    /// Says `what` unless something was said in the last five seconds.
    fn now_and_then(&self, what: &str) {
        let now = self.started.elapsed().as_millis() as usize;
        let last = self.last.load(Ordering::Relaxed);
        if now >= last + 5000
            && (self.last)
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            self.say(what);
        }
    }
}

/// The peak resident memory of this process so far, in MB (Linux: `VmHWM`).
pub fn peak_memory() -> Option<u64> {
    memory("VmHWM:")
}

/// A line of the process's memory status (Linux), in MB.
fn memory(line: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(line))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000)
}

/// Why an index could not be built: what could not be read or written.
#[derive(Debug)]
pub enum IndexError {
    /// The articles' folder could not be read.
    Import(ImportError),
    /// A file or folder could not be read or written.
    Io {
        /// Which.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A segment could not be read.
    Segment {
        /// Its name.
        name: String,
        /// Why.
        error: SegmentError,
    },
    /// A segments folder with no list of segments: none built yet.
    NoLists {
        /// The folder.
        dir: PathBuf,
    },
    /// Two lists of a segments folder disagree on the number of parts.
    PartsDisagree {
        /// The list that disagrees.
        list: PathBuf,
        /// The number of parts it says.
        says: usize,
        /// The number another list says.
        other: usize,
    },
    /// A part has no list: its segments are not built yet.
    PartUnbuilt {
        /// The list it would have.
        list: PathBuf,
        /// The part.
        part: usize,
        /// Of how many.
        count: usize,
    },
    /// A file named as a list of segments that is none.
    NotAList {
        /// The file.
        path: PathBuf,
    },
    /// A segment a part lists is not in the folder.
    SegmentMissing {
        /// The segment.
        path: PathBuf,
        /// The part that lists it.
        part: usize,
    },
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::Import(error) => write!(f, "{error}"),
            IndexError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            IndexError::Segment { name, error } => write!(f, "{name}: {error}"),
            IndexError::NoLists { dir } => write!(
                f,
                "{}: no list of segments (part-0000.list…): build the segments first",
                dir.display()
            ),
            IndexError::PartsDisagree { list, says, other } => write!(
                f,
                "{} says {says} parts, another list {other}: remove the lists of an older build",
                list.display()
            ),
            IndexError::PartUnbuilt { list, part, count } => write!(
                f,
                "part {part} of {count} has no list ({}): its segments are not built yet",
                list.display()
            ),
            IndexError::NotAList { path } => {
                write!(f, "{}: not a list of segments", path.display())
            }
            IndexError::SegmentMissing { path, part } => {
                write!(f, "{}: listed by part {part}, missing", path.display())
            }
        }
    }
}

impl std::error::Error for IndexError {}

impl From<IndexError> for String {
    fn from(error: IndexError) -> String {
        error.to_string()
    }
}

/// `error`, about `path`.
fn io(path: &Path) -> impl Fn(std::io::Error) -> IndexError + '_ {
    move |error| IndexError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// [`io`] of the file `texts` keeps the text and positions in (only it is
/// read or written: there is one).
fn io_apart(texts: &Texts) -> impl Fn(std::io::Error) -> IndexError + '_ {
    io(texts.path().unwrap_or(Path::new("")))
}

/// Builds the index file of `dir`'s articles, with the files read (what the
/// build depends on) and the report of what was left out.
pub fn build_dir(dir: &Path) -> Result<(IndexFile, Vec<PathBuf>, ImportReport), ImportError> {
    let (articles, files, report) = read_part(dir, Part::WHOLE)?;
    Ok((build_index(articles), files, report))
}

/// [`build_dir`] with `options`; an error says what could not be read or written.
pub fn build_dir_with(
    dir: &Path,
    options: &Options,
) -> Result<(Merged, Vec<PathBuf>, ImportReport), IndexError> {
    let cache = options.segments.as_ref().map(|dir| dir.join("reads"));
    let (articles, files, report) =
        read_part_cached(dir, Part::WHOLE, cache.as_deref()).map_err(IndexError::Import)?;
    options.progress.say(&format!("read: {report}"));
    let file = index_articles(articles, options)?;
    Ok((file, files, report))
}

/// Indexes `articles` and encodes the result as an [`IndexFile`].
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
pub fn build_index_with(articles: Vec<Article>, analyzer: Analyzer) -> IndexFile {
    let options = Options {
        analyzer,
        ..Options::default()
    };
    let merged = index_articles(articles, &options);
    let merged = merged.expect("segments in memory cannot fail to be written");
    (merged.into_whole()).expect("the text of a build in memory is in its articles")
}

/// Indexes `articles` in segments, as `options` say, merges them and finds
/// related articles and names; with a folder for the segments, the
/// articles' text is kept beside them ([`Texts::on_disk`]).
pub fn index_articles(articles: Vec<Article>, options: &Options) -> Result<Merged, IndexError> {
    let merged = match &options.segments {
        Some(dir) => {
            write_segments(articles, Part::WHOLE, dir, options)?;
            crate::parallel::give_back_memory();
            merge_folder(dir, options)?
        }
        None => {
            let segments = build_segments(
                slices(articles, options.segment_articles),
                options,
                |slice| Ok((Segment::build(slice, options.analyzer).to_bytes(), false)),
            )?;
            let inputs = (segments.iter().enumerate())
                .map(|(i, (bytes, _))| (format!("segment {i}"), bytes.as_slice(), 0))
                .collect();
            merge(inputs, Texts::in_articles(), options)?
        }
    };
    Ok(finish(merged, &options.progress))
}

/// Cuts `articles` into slices of about `size`. A slice ends after an
/// article whose id and title hash to a multiple of `size` (so an article
/// added or removed moves the ends of its slice only), or at `2 × size`.
fn slices(articles: Vec<Article>, size: usize) -> Vec<Vec<Article>> {
    let size = size.max(1) as u64;
    let mut slices = vec![Vec::new()];
    for article in articles {
        let hash = fnv1a(format!("{}\n{}", article.id, article.title).as_bytes());
        let slice = slices.last_mut().expect("one slice at least");
        slice.push(article);
        let full = slice.len() as u64 >= size.saturating_mul(2);
        if (hash % size == 0 && slice.len() as u64 >= size / 4) || full {
            slices.push(Vec::new());
        }
    }
    if slices.last().is_some_and(Vec::is_empty) && slices.len() > 1 {
        slices.pop();
    }
    slices
}

/// Gives each slice to `segment` on [`Options::threads`] cores (which
/// builds its segment and keeps it, or finds it kept already), saying how
/// far it is: what `segment` returned, in slice order, each with whether the
/// segment was reused.
fn build_segments<T: Send>(
    slices: Vec<Vec<Article>>,
    options: &Options,
    segment: impl Fn(Vec<Article>) -> Result<(T, bool), IndexError> + Sync,
) -> Result<Vec<(T, bool)>, IndexError> {
    let count = slices.len();
    let articles: usize = slices.iter().map(Vec::len).sum();
    let done = AtomicUsize::new(0);
    let reused = AtomicUsize::new(0);
    let progress = &options.progress;
    let started = progress.seconds();
    let built = crate::parallel::each_on(options.threads(), slices, |slice| {
        let result = segment(slice);
        if matches!(result, Ok((_, true))) {
            reused.fetch_add(1, Ordering::Relaxed);
        }
        let done = done.fetch_add(1, Ordering::Relaxed) + 1;
        let line = format!(
            "segments: {done} of {count} ({} reused), {articles} articles",
            reused.load(Ordering::Relaxed)
        );
        if done == count {
            progress.say(&format!("{line}, in {:.1} s", progress.seconds() - started));
        } else {
            progress.now_and_then(&line);
        }
        result
    });
    built.into_iter().collect()
}

/// The name of the list of the segments of `part`, in a segments folder.
fn list_name(part: Part) -> String {
    format!("part-{:04}.list", part.index)
}

/// The first line of a list: which part of how many.
fn list_header(part: Part) -> String {
    format!("liseuse segments: part {} of {}", part.index, part.count)
}

/// A segment's file name: the hash of its articles, the analysis and the builder.
fn segment_name(articles: &[Article], analyzer: Analyzer) -> String {
    let mut bytes = postcard::to_allocvec(articles).unwrap_or_default();
    bytes.extend(format!("{analyzer:?}").bytes());
    bytes.extend(crate::import::program_identity().to_le_bytes());
    format!("{:016x}.seg", fnv1a(&bytes))
}

/// Builds the segments of `articles` (those of `part` of a folder) into `dir`,
/// reusing those already there, and lists them, in order, in the part's list
/// (`part-0000.list`…). Segments listed by this part's previous list and no
/// longer needed by any part are removed. Returns the segment files, and
/// how many of them were there already.
pub fn write_segments(
    articles: Vec<Article>,
    part: Part,
    dir: &Path,
    options: &Options,
) -> Result<(Vec<PathBuf>, usize), IndexError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let analyzer = options.analyzer;
    let write = |segment: &Segment, path: &Path, temporary: &Path| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(temporary)?);
        segment.write(&mut out)?;
        std::io::Write::flush(&mut out)?;
        drop(out);
        std::fs::rename(temporary, path)
    };
    let segment = |slice: Vec<Article>| {
        // Named once: the name hashes every article of the slice.
        let name = segment_name(&slice, analyzer);
        let path = dir.join(&name);
        if path.is_file() {
            return Ok((name, true));
        }
        let temporary = dir.join(format!(".{name}.{}.part", std::process::id()));
        let built = Segment::build(slice, analyzer);
        write(&built, &path, &temporary).map_err(io(&path))?;
        Ok((name, false))
    };
    let built = build_segments(slices(articles, options.segment_articles), options, segment)?;
    let reused = built.iter().filter(|(_, reused)| *reused).count();
    let names: Vec<String> = built.into_iter().map(|(name, _)| name).collect();
    let list = dir.join(list_name(part));
    let before = std::fs::read_to_string(&list).unwrap_or_default();
    let mut text = list_header(part);
    for name in &names {
        text.push('\n');
        text.push_str(name);
    }
    text.push('\n');
    std::fs::write(&list, text).map_err(io(&list))?;
    // Segments this part no longer needs, unless another part lists them.
    let mut needed: BTreeSet<String> = names.iter().cloned().collect();
    for other in (0..part.count).filter(|&i| i != part.index) {
        let other = dir.join(list_name(Part {
            index: other,
            ..part
        }));
        needed.extend(
            std::fs::read_to_string(other)
                .unwrap_or_default()
                .lines()
                .skip(1)
                .map(str::to_string),
        );
    }
    for old in before
        .lines()
        .skip(1)
        .filter(|name| !needed.contains(*name))
    {
        if old.ends_with(".seg") && !old.contains(['/', '\\']) {
            let _ = std::fs::remove_file(dir.join(old));
        }
    }
    Ok((names.iter().map(|name| dir.join(name)).collect(), reused))
}

/// The segment files of a folder, in order, each with its part: every part
/// named by the lists must have its list, and every listed file must exist.
pub fn segment_files(dir: &Path) -> Result<Vec<(PathBuf, usize)>, IndexError> {
    let entries = std::fs::read_dir(dir).map_err(io(dir))?;
    let mut lists: BTreeMap<usize, (usize, Vec<String>)> = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(io(dir))?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !(name.starts_with("part-") && name.ends_with(".list")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        let part = (header.strip_prefix("liseuse segments: part "))
            .and_then(|rest| rest.split_once(" of "))
            .and_then(|(i, n)| {
                Some(Part {
                    index: i.parse().ok()?,
                    count: n.parse().ok()?,
                })
            })
            .filter(|part| list_name(*part) == name && part.index < part.count)
            .ok_or_else(|| IndexError::NotAList { path: path.clone() })?;
        lists.insert(
            part.index,
            (part.count, lines.map(str::to_string).collect()),
        );
    }
    let count = lists
        .values()
        .next()
        .map(|(count, _)| *count)
        .ok_or_else(|| IndexError::NoLists {
            dir: dir.to_path_buf(),
        })?;
    if let Some((index, (other, _))) = lists.iter().find(|(_, (n, _))| *n != count) {
        let list = dir.join(list_name(Part {
            index: *index,
            count: *other,
        }));
        return Err(IndexError::PartsDisagree {
            list,
            says: *other,
            other: count,
        });
    }
    if let Some(missing) = (0..count).find(|i| !lists.contains_key(i)) {
        let list = dir.join(list_name(Part {
            index: missing,
            count,
        }));
        return Err(IndexError::PartUnbuilt {
            list,
            part: missing,
            count,
        });
    }
    let mut files = Vec::new();
    for (part, (_, names)) in lists {
        for name in names {
            let path = dir.join(&name);
            if name.contains(['/', '\\']) || !path.is_file() {
                return Err(IndexError::SegmentMissing { path, part });
            }
            files.push((path, part));
        }
    }
    Ok(files)
}

/// Merges the segments of a folder ([`segment_files`]), the articles' text
/// and the positions kept in a file beside them when they are
/// [`Options::apart_from`] or more ([`Texts::on_disk`]); related articles
/// are not found yet ([`finish`]).
pub fn merge_folder(dir: &Path, options: &Options) -> Result<Merged, IndexError> {
    let mut inputs = Vec::new();
    let files = segment_files(dir)?;
    let texts = if files.len() >= options.apart_from {
        Texts::on_disk(dir).map_err(io(dir))?
    } else {
        Texts::in_articles()
    };
    for (path, part) in files {
        let file = std::fs::File::open(&path).map_err(io(&path))?;
        inputs.push((
            path.display().to_string(),
            std::io::BufReader::new(file),
            part,
        ));
    }
    merge(inputs, texts, options)
}

/// Merges segments, each `(name, bytes, part)`, in the order of the
/// articles they were cut from: one pass over their terms in byte order,
/// each term's postings renumbered, oldest article first. An article of a
/// part with the same title and text as one of an earlier part is left out
/// (a part leaves out its own), and ids are made distinct across parts.
/// The articles' blocks go to `texts` as each segment is read.
pub fn merge<R: Read>(
    inputs: Vec<(String, R, usize)>,
    mut texts: Texts,
    options: &Options,
) -> Result<Merged, IndexError> {
    let analyzer = options.analyzer;
    let mut segments = Segments::open(inputs, &mut texts)?;
    let (articles, left_out) = segments.articles(&texts, options)?;
    let (index, articles) = segments.numbered(articles, &mut texts, analyzer);
    let file = IndexFile {
        index,
        articles,
        pieces: Default::default(),
        entities: Vec::new(),
    };
    let mut merged = Merged { file, texts };
    // The names need the articles' text and numbers, not the postings:
    // found before the postings are merged, their memory is never added
    // to the postings'.
    find_names(&mut merged, &options.progress);
    let left_out: HashMap<String, SegmentTerm> = (Segment::build(left_out, analyzer).terms)
        .into_iter()
        .map(|term| (term.term.clone(), term))
        .collect();
    let index = std::mem::take(&mut merged.file.index);
    merged.file.index = segments.merge_terms(index, &left_out, &mut merged.texts)?;
    options.progress.say(&format!(
        "merge: {} terms of {} articles, from {} segments",
        merged.file.index.terms.len(),
        merged.file.articles.len(),
        segments.readers.len()
    ));
    Ok(merged)
}

/// Segments being merged: their readers, names and parts, where each one's
/// articles start in the whole, each article's number in the merged index
/// (none when it is left out), and, when there are several parts, each
/// article's [`crate::import::content_key`] (its text may be on disk).
struct Segments<R: Read> {
    readers: Vec<SegmentReader<R>>,
    names: Vec<String>,
    parts: Vec<usize>,
    starts: Vec<usize>,
    global: Vec<Option<u32>>,
    keys: Vec<u64>,
}

/// A term as the segments that have it hold it, gathered: its documents
/// (merged numbers, with their positions per field), spellings, capitals
/// and forms.
#[derive(Default)]
struct Gathered {
    docs: Vec<(u32, [Vec<u32>; FIELD_COUNT])>,
    spellings: HashMap<String, u32>,
    capitals: (u32, u32),
    forms: BTreeMap<String, Vec<u32>>,
}

impl<R: Read> Segments<R> {
    /// Opens each segment (an error names the one that cannot be read),
    /// its articles' blocks given to `texts` at once.
    fn open(inputs: Vec<(String, R, usize)>, texts: &mut Texts) -> Result<Self, IndexError> {
        let several_parts = inputs.windows(2).any(|w| w[0].2 != w[1].2);
        let mut segments = Segments {
            readers: Vec::with_capacity(inputs.len()),
            names: Vec::with_capacity(inputs.len()),
            parts: Vec::with_capacity(inputs.len()),
            starts: Vec::with_capacity(inputs.len()),
            global: Vec::new(),
            keys: Vec::new(),
        };
        for (name, input, part) in inputs {
            let mut reader = match SegmentReader::new(input) {
                Ok(reader) => reader,
                Err(error) => return Err(IndexError::Segment { name, error }),
            };
            for article in &mut reader.head.articles {
                if several_parts {
                    segments.keys.push(crate::import::content_key(article));
                }
                let kept = texts.keep(article);
                kept.map_err(io_apart(texts))?;
            }
            segments.readers.push(reader);
            segments.names.push(name);
            segments.parts.push(part);
        }
        Ok(segments)
    }

    /// Every article, in the order of the segments (and where each segment
    /// starts); with several parts, the duplicates of an earlier part's
    /// articles left out (given back with their blocks, from `texts`:
    /// their segments counted their words), and ids made distinct across
    /// parts, in the order of the parts.
    fn articles(
        &mut self,
        texts: &Texts,
        options: &Options,
    ) -> Result<(Vec<Option<Article>>, Vec<Article>), IndexError> {
        let mut articles: Vec<Option<Article>> = Vec::new();
        for reader in &mut self.readers {
            self.starts.push(articles.len());
            let theirs = std::mem::take(&mut reader.head.articles);
            articles.extend(theirs.into_iter().map(Some));
        }
        let mut left_out: Vec<Article> = Vec::new();
        if self.keys.is_empty() {
            return Ok((articles, left_out));
        }
        let mut seen = BTreeSet::new();
        for (at, (article, key)) in articles.iter_mut().zip(&self.keys).enumerate() {
            if !seen.insert(*key) {
                if let Some(mut article) = article.take() {
                    options.progress.say(&format!(
                        "duplicate: {} left out (same title and text as an article of an earlier part)",
                        article.id
                    ));
                    let filled = texts.fill(at, &mut article);
                    filled.map_err(io_apart(texts))?;
                    left_out.push(article);
                }
            }
        }
        let at: Vec<usize> = (0..articles.len())
            .filter(|&i| articles[i].is_some())
            .collect();
        let mut kept: Vec<Article> = at.iter().filter_map(|&i| articles[i].take()).collect();
        crate::import::give_distinct_ids(&mut kept);
        for (i, article) in at.into_iter().zip(kept) {
            articles[i] = Some(article);
        }
        Ok((articles, left_out))
    }

    /// Numbers the articles kept oldest first, undated first, otherwise in
    /// the order given: the index's head (its fields' lengths) and its
    /// articles in that order. Articles added to a dossier are its newest:
    /// they take the next numbers, and those of the others stay as they
    /// were, with every piece that holds only them (see
    /// [`liseuse_core::format::IndexFile::split`]).
    fn numbered(
        &mut self,
        mut articles: Vec<Option<Article>>,
        texts: &mut Texts,
        analyzer: Analyzer,
    ) -> (SearchIndex, Vec<Article>) {
        let mut order: Vec<usize> = (0..articles.len())
            .filter(|&i| articles[i].is_some())
            .collect();
        order.sort_by(|&a, &b| {
            let date = |i: usize| articles[i].as_ref().and_then(|a| a.date.as_deref());
            liseuse_core::article::newest_first(date(b), date(a))
        });
        texts.renumber(&order);
        self.global = vec![None; articles.len()];
        for (doc, &at) in order.iter().enumerate() {
            self.global[at] = Some(doc as u32);
        }
        let doc_count = order.len();
        let mut field_lengths: [Vec<u8>; FIELD_COUNT] = std::array::from_fn(|_| vec![0; doc_count]);
        for (segment, reader) in self.readers.iter().enumerate() {
            for (field, lengths) in reader.head.field_lengths.iter().enumerate() {
                for (local, &length) in lengths.iter().enumerate() {
                    if let Some(doc) = self.global[self.starts[segment] + local] {
                        field_lengths[field][doc as usize] = length;
                    }
                }
            }
        }
        let articles: Vec<Article> = (order.iter())
            .map(|&at| articles[at].take().unwrap_or_default())
            .collect();
        let languages: BTreeSet<_> = (articles.iter())
            .map(|a| analyzer.for_lang(a.lang.as_deref()).language)
            .collect();
        let index = SearchIndex {
            analyzer,
            languages: languages.into_iter().collect(),
            doc_count: doc_count as u32,
            field_lengths,
            ..SearchIndex::default()
        };
        (index, articles)
    }

    /// The next term of `segment`, if any (an error names the segment).
    fn next_term(&mut self, segment: usize) -> Result<Option<SegmentTerm>, IndexError> {
        (self.readers[segment].next_term()).map_err(|error| IndexError::Segment {
            name: self.names[segment].clone(),
            error,
        })
    }

    /// Every term of the segments, in one pass in byte order: the segments
    /// queued by their next term, each term gathered from those that have
    /// it, less what the articles `left_out` counted, then written into
    /// `index` with its forms, its positions given to `texts`.
    fn merge_terms(
        &mut self,
        mut index: SearchIndex,
        left_out: &HashMap<String, SegmentTerm>,
        texts: &mut Texts,
    ) -> Result<SearchIndex, IndexError> {
        let mut next: Vec<Option<SegmentTerm>> = Vec::with_capacity(self.readers.len());
        let mut queue = BinaryHeap::new();
        for segment in 0..self.readers.len() {
            let term = self.next_term(segment)?;
            if let Some(term) = &term {
                queue.push(std::cmp::Reverse((term.term.clone(), segment)));
            }
            next.push(term);
        }
        // The forms of the terms written in more than one way, each with
        // where it occurs in its term's postings.
        let mut forms: Vec<(String, FormPostings)> = Vec::new();
        while let Some(std::cmp::Reverse((term, first))) = queue.pop() {
            let mut same = vec![first];
            while let Some(std::cmp::Reverse((other, segment))) = queue.peek() {
                if *other != term {
                    break;
                }
                same.push(*segment);
                queue.pop();
            }
            let mut gathered = Gathered::default();
            for segment in same {
                let seen = next[segment].take().expect("a queued segment has its term");
                self.gather(&mut gathered, seen, segment);
                let following = self.next_term(segment)?;
                if let Some(following) = &following {
                    queue.push(std::cmp::Reverse((following.term.clone(), segment)));
                }
                next[segment] = following;
            }
            if !gathered.docs.is_empty() {
                // (Not only in articles left out.)
                gathered.less(left_out.get(&term));
                push_term(&mut index, term, gathered, &mut forms);
                let postings = index.postings.last_mut().expect("the term just pushed");
                let kept = texts.keep_positions(postings);
                kept.map_err(io_apart(texts))?;
            }
        }
        forms.sort_unstable_by(|(a, x), (b, y)| (a, x.term).cmp(&(b, y.term)));
        for (form, postings) in forms {
            index.forms.push(form);
            index.form_postings.push(postings);
        }
        Ok(index)
    }

    /// Adds what `segment` holds of a term, `seen`, to `gathered`, its
    /// documents renumbered.
    fn gather(&self, gathered: &mut Gathered, seen: SegmentTerm, segment: usize) {
        let start = self.starts[segment];
        for posting in seen.postings.iter() {
            if let Some(doc) = self.global[start + posting.doc as usize] {
                let fields = Field::ALL.map(|field| posting.positions(field));
                gathered.docs.push((doc, fields));
            }
        }
        for (spelling, count) in seen.spellings {
            *gathered.spellings.entry(spelling).or_default() += count;
        }
        gathered.capitals.0 += seen.capitals.0;
        gathered.capitals.1 += seen.capitals.1;
        for (form, local) in seen.forms {
            let docs = local
                .iter()
                .filter_map(|&d| self.global[start + d as usize]);
            gathered.forms.entry(form).or_default().extend(docs);
        }
    }
}

impl Gathered {
    /// Takes away the spellings and capitals of the articles left out.
    fn less(&mut self, gone: Option<&SegmentTerm>) {
        let Some(gone) = gone else { return };
        for (spelling, count) in &gone.spellings {
            if let Some(kept) = self.spellings.get_mut(spelling) {
                *kept = kept.saturating_sub(*count);
            }
        }
        self.spellings.retain(|_, count| *count > 0);
        self.capitals.0 = self.capitals.0.saturating_sub(gone.capitals.0);
        self.capitals.1 = self.capitals.1.saturating_sub(gone.capitals.1);
    }
}

/// Writes `term` into `index`: its postings, its most frequent spelling
/// (ties go to the first in byte order), whether it is a name, and, when
/// it is written more than one way, its forms' documents into `forms`.
fn push_term(
    index: &mut SearchIndex,
    term: String,
    mut gathered: Gathered,
    forms: &mut Vec<(String, FormPostings)>,
) {
    let docs = &mut gathered.docs;
    docs.sort_unstable_by_key(|(doc, _)| *doc);
    let number = index.terms.len() as u32;
    let mut postings = Postings::from_docs(docs.iter().map(|(d, f)| (*d, f)));
    // Grown by doubling, up to twice what they hold: the merge holds every
    // term's until the pieces are cut.
    postings.doc_gaps.shrink_to_fit();
    postings.counts.shrink_to_fit();
    postings.positions.shrink_to_fit();
    index.postings.push(postings);
    let spellings = &gathered.spellings;
    let best = (spellings.iter()).max_by_key(|&(form, count)| (count, std::cmp::Reverse(form)));
    index
        .spellings
        .push(best.map(|(form, _)| form.clone()).unwrap_or_default());
    let capitals = gathered.capitals;
    index.names.push(capitals.0 * 2 > capitals.1);
    index.terms.push(term);
    // A term written one way only needs no forms: its postings say it all,
    // and its spelling says which form it is (see `Searcher`).
    if index.analyzer.stem && gathered.forms.len() > 1 {
        let term_docs: Vec<u32> = docs.iter().map(|(doc, _)| *doc).collect();
        for (form, mut form_docs) in gathered.forms {
            form_docs.sort_unstable();
            let indexes = (form_docs.iter()).filter_map(|doc| term_docs.binary_search(doc).ok());
            let mut postings = FormPostings::new(number, indexes.map(|i| i as u32));
            // (Held until every term is merged: no room to spare.)
            postings.index_gaps.shrink_to_fit();
            forms.push((form, postings));
        }
    }
}

/// Finds the related articles of a merged index (its names are found by
/// the merge: [`find_names`]).
pub fn finish(mut merged: Merged, progress: &Progress) -> Merged {
    let file = &mut merged.file;
    let started = progress.seconds();
    let sources: Vec<Option<&str>> = file.articles.iter().map(|a| a.source.as_deref()).collect();
    let related = crate::related::related(&file.index, &sources);
    for (article, related) in file.articles.iter_mut().zip(related) {
        article.related = related;
    }
    // What the workers held for the weights, before the pieces are cut.
    crate::parallel::give_back_memory();
    progress.say(&format!(
        "related articles: in {:.1} s",
        progress.seconds() - started
    ));
    merged
}

/// Finds the names of the articles of `merged`, numbered, and their
/// quotations: each article's main names, and the index's list of names.
fn find_names(merged: &mut Merged, progress: &Progress) {
    let started = progress.seconds();
    let (mut entities, main) = crate::entities::find(&*merged);
    crate::quotes::speakers::attach(&*merged, &mut entities);
    let file = &mut merged.file;
    let shown: HashMap<&str, &str> = (entities.iter())
        .map(|(key, e)| (key.as_str(), e.name.as_str()))
        .collect();
    let names: Vec<Vec<String>> = (main.iter())
        .map(|keys| keys.iter().map(|k| shown[k.as_str()].to_string()).collect())
        .collect();
    for (article, names) in file.articles.iter_mut().zip(names) {
        article.names = names;
    }
    file.entities = entities.into_iter().map(|(_, e)| e).collect();
    // By the key of the name shown, which a name's page is found by (the
    // key a name was found under may be another spelling's).
    file.entities
        .sort_by_cached_key(|entity| liseuse_core::model::key(&entity.name));
    progress.say(&format!(
        "names: {} in {:.1} s",
        file.entities.len(),
        progress.seconds() - started
    ));
    // What the workers held for the names, before the postings are merged.
    crate::parallel::give_back_memory();
}

#[cfg(test)]
mod tests;
