//! Reading a folder of the user's articles, in any of the supported formats.
//!
//! | file | gives |
//! | --- | --- |
//! | `.txt` | one article, a raw page capture cleaned like the seeds ([`parse_capture`]) |
//! | `.md`, `.markdown` | one article; YAML front matter (`title`, `date`, `source`, `url`, `author`, `lang`, `tags`), Markdown text |
//! | `.html`, `.htm` | one article: title, date, author, site and the main text of a saved page, without navigation, scripts or asides |
//! | `.jsonl`, `.jsonl.gz` | one article per line: `id`, `title`, `heading` (lead), `date`, `body`, and the fields above |
//!
//! Other files are ignored (and counted). Nothing is lost silently: a file or a
//! line that gives no article is reported with the reason, as are the
//! duplicates that were left out. The rules, applied the same way everywhere:
//!
//! - **Not UTF-8**: read as Windows-1252 (a superset of Latin-1), with a warning.
//! - **Empty, binary** (a NUL byte in the first 8 KiB), **too large** (a file of
//!   one article over [`MAX_ARTICLE_BYTES`], a JSON line over that size): skipped.
//! - **Malformed front matter**: the file is skipped, with the line of the error.
//!   **A malformed JSON line**: that line is skipped, with its number; the
//!   other lines are read.
//! - **Duplicates** (same title and text, whatever the format): the first, in
//!   path order, is kept.
//! - **Unreadable dates** are dropped with a warning; the article is kept.
//!
//! Each article's language is its metadata's `lang`, else the one detected in
//! its text (when the detection is reliable), else French.

mod html;
mod jsonl;
mod markdown;

use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use liseuse_core::analysis::Language;
use liseuse_core::article::{parse_capture, Article};

/// A file of one article larger than this is skipped, as is a JSON line larger than this.
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;

/// The extensions read, and the format of each.
const FORMATS: &[(&str, Format)] = &[
    ("txt", Format::Capture),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("jsonl", Format::JsonLines),
    ("jsonl.gz", Format::JsonLines),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Capture,
    Markdown,
    Html,
    JsonLines,
}

/// Something the reader of a build should know about a file, or a line of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The file.
    pub path: PathBuf,
    /// The line, for line-based formats and front matter.
    pub line: Option<usize>,
    /// What happened, in words a user can act on.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// What reading a folder found and what it left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Number of article files read (in a supported format).
    pub files_read: usize,
    /// Number of other files, ignored.
    pub files_ignored: usize,
    /// Number of articles kept.
    pub articles: usize,
    /// Files, or lines of files, that gave no article, and why.
    pub skipped: Vec<Notice>,
    /// Articles kept with something fixed or dropped (encoding, date).
    pub warnings: Vec<Notice>,
    /// Articles left out because an earlier one has the same title and text.
    pub duplicates: Vec<Notice>,
    /// The language most of the articles are in (their `lang`), if any has one.
    pub main_lang: Option<String>,
}

impl ImportReport {
    /// Every notice, after what it says of its article: `skipped`,
    /// `duplicate` or `warning`. Nothing is left out silently.
    pub fn notices(&self) -> impl Iterator<Item = (&'static str, &Notice)> {
        (self.skipped.iter().map(|n| ("skipped", n)))
            .chain(self.duplicates.iter().map(|n| ("duplicate", n)))
            .chain(self.warnings.iter().map(|n| ("warning", n)))
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} articles indexed from {} files; {} skipped, {} duplicates left out, {} warnings, {} other files ignored",
            self.articles,
            self.files_read,
            self.skipped.len(),
            self.duplicates.len(),
            self.warnings.len(),
            self.files_ignored
        )
    }
}

/// Why a folder could not be read at all.
#[derive(Debug)]
pub enum ImportError {
    /// The folder (or one of its sub-folders) could not be listed.
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Folder { path, source } => {
                write!(
                    f,
                    "cannot read the articles folder {}: {source}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Every article under `dir` (recursively, in path order), the files read, and a report.
pub fn read_folder(dir: &Path) -> Result<(Vec<Article>, Vec<PathBuf>, ImportReport), ImportError> {
    read_part(dir, Part::WHOLE)
}

/// One share of a folder's article files, to index a collection on several
/// machines: the files in a supported format, in path order, cut into
/// [`Part::count`] runs of about the same number of files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// Which share, from 0.
    pub index: usize,
    /// How many shares.
    pub count: usize,
}

impl Part {
    /// The whole folder.
    pub const WHOLE: Part = Part { index: 0, count: 1 };

    /// `I/N` (I from 0 to N - 1).
    pub fn parse(text: &str) -> Result<Part, String> {
        let (index, count) = text
            .split_once('/')
            .ok_or("say the part as I/N, e.g. 0/4")?;
        let index: usize = index
            .trim()
            .parse()
            .map_err(|_| format!("{text}: I is not a number"))?;
        let count: usize = count
            .trim()
            .parse()
            .map_err(|_| format!("{text}: N is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!("{text}: the part must be from 0 to N - 1"));
        }
        Ok(Part { index, count })
    }

    /// Of `len` files, the run of this part.
    fn of(self, len: usize) -> std::ops::Range<usize> {
        self.index * len / self.count..(self.index + 1) * len / self.count
    }
}

/// The articles of `part` of the folder's files ([`read_folder`] for the
/// whole), the files read, and a report. Files are read on every core;
/// duplicates and ids are settled in path order, as if read one by one.
pub fn read_part(
    dir: &Path,
    part: Part,
) -> Result<(Vec<Article>, Vec<PathBuf>, ImportReport), ImportError> {
    read_part_cached(dir, part, None)
}

/// [`read_part`], keeping what each file gave in `cache` (its articles,
/// their languages and keys, its notices), named after the file's path,
/// its content and the program: a rebuild reads a file that did not change
/// from there. Files no longer read are dropped from it.
pub fn read_part_cached(
    dir: &Path,
    part: Part,
    cache: Option<&Path>,
) -> Result<(Vec<Article>, Vec<PathBuf>, ImportReport), ImportError> {
    let mut files = Vec::new();
    let mut report = ImportReport::default();
    let mut visited = Vec::new();
    list_files(dir, &mut files, &mut visited, &mut report)?;
    files.sort();
    let (formats, others): (Vec<&PathBuf>, Vec<&PathBuf>) =
        files.iter().partition(|path| format_of(path).is_some());
    // The site's settings are read by the build, not as an article.
    let settings =
        |path: &Path| path.parent() == Some(dir) && path.ends_with(crate::site::SETTINGS_FILE);
    if part.index == 0 {
        report.files_ignored = others.iter().filter(|p| !settings(p)).count();
    }
    let share: Vec<PathBuf> = formats[part.of(formats.len())]
        .iter()
        .map(|p| p.to_path_buf())
        .collect();
    report.files_read = share.len();
    let read = read_in_parallel(&share, dir, cache);
    let mut articles = Vec::new();
    // The content of each article kept, to leave out the same article again.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    // Duplicates left out: where, and which kept article they repeat.
    let mut repeated: Vec<(PathBuf, Option<usize>, usize)> = Vec::new();
    for (path, (found, skipped, warnings)) in share.iter().zip(read) {
        for (line, article, key) in found {
            let key = key.unwrap_or_default();
            if let Some(&kept) = seen.get(&key) {
                repeated.push((path.clone(), line, kept));
                continue;
            }
            seen.insert(key, articles.len());
            articles.push(article);
        }
        report.skipped.extend(skipped);
        report.warnings.extend(warnings);
    }
    give_distinct_ids(&mut articles);
    report.duplicates = (repeated.into_iter())
        .map(|(path, line, kept)| Notice {
            path,
            line,
            message: format!("same title and text as {}: left out", articles[kept].id),
        })
        .collect();
    report.articles = articles.len();
    report.main_lang = main_lang(&articles);
    let read = if part == Part::WHOLE { files } else { share };
    Ok((articles, read, report))
}

/// What one file gave: its articles (with their line and [`content_key`],
/// once found), what was skipped and the warnings.
type FileRead = (
    Vec<(Option<usize>, Article, Option<u64>)>,
    Vec<Notice>,
    Vec<Notice>,
);

/// Reads `files` on every core, in the order given: a file a core, then
/// the languages and keys of their articles an article a core (a
/// collection may be one large file). With a `cache`, a file read before
/// comes from it, and a file read now goes into it.
fn read_in_parallel(files: &[PathBuf], root: &Path, cache: Option<&Path>) -> Vec<FileRead> {
    use crate::parallel::each;
    if let Some(cache) = cache {
        let _ = std::fs::create_dir_all(cache);
    }
    // Each file: what it gave, its name in the cache, and whether it was read now.
    let read = each(files.iter().collect(), |path: &PathBuf| {
        let name = cache.and_then(|_| cache_name(path, root));
        let kept = cache
            .zip(name.as_ref())
            .and_then(|(c, n)| Kept::load(&c.join(n)));
        if let Some(kept) = kept {
            return (kept.into_read(path), name, false);
        }
        let mut notices = Notices::new(path);
        let found = match format_of(path) {
            Some((format, _)) => read_file(path, root, format, &mut notices),
            None => Vec::new(),
        };
        let found = found.into_iter().map(|(line, a)| (line, a, None)).collect();
        ((found, notices.skipped, notices.warnings), name, true)
    });
    let mut out: Vec<FileRead> = Vec::with_capacity(read.len());
    let mut to_keep = Vec::new();
    let mut articles = Vec::new();
    let mut names = std::collections::HashSet::new();
    for (file, ((found, skipped, warnings), name, fresh)) in read.into_iter().enumerate() {
        for (line, article, key) in found {
            articles.push((file, line, article, key));
        }
        out.push((Vec::new(), skipped, warnings));
        if let Some(name) = name {
            if fresh {
                to_keep.push((file, name.clone()));
            }
            names.insert(name);
        }
    }
    let settled = each(articles, |(file, line, mut article, key)| {
        let key = key.unwrap_or_else(|| {
            settle_language(&mut article);
            content_key(&article)
        });
        (file, line, article, key)
    });
    for (file, line, article, key) in settled {
        out[file].0.push((line, article, Some(key)));
    }
    if let Some(cache) = cache {
        each(to_keep, |(file, name)| {
            Kept::of(&out[file]).save(&cache.join(name))
        });
        // What files no longer give (or gave before a change).
        for entry in std::fs::read_dir(cache).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".read") && !names.contains(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    out
}

/// A file's name in the read cache: its path under the folder (ids come
/// from it), its content and the program that read it.
fn cache_name(path: &Path, root: &Path) -> Option<String> {
    let mut bytes = std::fs::read(path).ok()?;
    bytes.extend(
        path.strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .bytes(),
    );
    bytes.extend(program_identity().to_le_bytes());
    Some(format!("{:016x}.read", liseuse_core::pieces::fnv1a(&bytes)))
}

/// What identifies the program that reads and indexes: what it made
/// before is not reused by another version of it.
pub fn program_identity() -> u64 {
    static IDENTITY: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *IDENTITY.get_or_init(|| {
        let exe = std::env::current_exe().and_then(std::fs::read);
        liseuse_core::pieces::fnv1a(&exe.unwrap_or_default())
    })
}

/// What a file gave, as the read cache keeps it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    found: Vec<(Option<usize>, Article, u64)>,
    skipped: Vec<(Option<usize>, String)>,
    warnings: Vec<(Option<usize>, String)>,
}

impl Kept {
    fn of((found, skipped, warnings): &FileRead) -> Kept {
        let notices = |n: &[Notice]| n.iter().map(|n| (n.line, n.message.clone())).collect();
        Kept {
            found: (found.iter())
                .map(|(line, article, key)| (*line, article.clone(), key.unwrap_or_default()))
                .collect(),
            skipped: notices(skipped),
            warnings: notices(warnings),
        }
    }

    fn into_read(self, path: &Path) -> FileRead {
        let notices = |n: Vec<(Option<usize>, String)>| {
            (n.into_iter())
                .map(|(line, message)| Notice {
                    path: path.to_path_buf(),
                    line,
                    message,
                })
                .collect()
        };
        let found = (self.found.into_iter())
            .map(|(line, article, key)| (line, article, Some(key)))
            .collect();
        (found, notices(self.skipped), notices(self.warnings))
    }

    /// A kept read, or none if it is missing or unreadable.
    fn load(path: &Path) -> Option<Kept> {
        postcard::from_bytes(&std::fs::read(path).ok()?).ok()
    }

    /// Keeps it (a write that fails only costs the next build a read).
    fn save(&self, path: &Path) {
        let Ok(bytes) = postcard::to_allocvec(self) else {
            return;
        };
        let temporary = path.with_extension(format!("{}.part", std::process::id()));
        if std::fs::write(&temporary, bytes).is_ok() {
            let _ = std::fs::rename(&temporary, path);
        }
    }
}

/// Ids are used in links: two articles may not share one. The first article
/// with an id keeps it; a later one becomes `id~2` (or `~3`...), never an id
/// that another article of the collection has, even one read after it.
pub fn give_distinct_ids(articles: &mut [Article]) {
    let own: std::collections::HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    let mut taken = std::collections::HashSet::new();
    for article in articles.iter_mut() {
        if taken.insert(article.id.clone()) {
            continue;
        }
        let renamed = (2..)
            .map(|n| format!("{}~{n}", article.id))
            .find(|id| !own.contains(id) && !taken.contains(id))
            .unwrap_or_default();
        taken.insert(renamed.clone());
        article.id = renamed;
    }
}

/// Collects the notices of one file.
struct Notices<'a> {
    path: &'a Path,
    skipped: Vec<Notice>,
    warnings: Vec<Notice>,
}

impl<'a> Notices<'a> {
    fn new(path: &'a Path) -> Self {
        Notices {
            path,
            skipped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn notice(&self, line: Option<usize>, message: impl Into<String>) -> Notice {
        Notice {
            path: self.path.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    fn skip(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.skipped.push(self.notice(line, message));
    }

    fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.warnings.push(self.notice(line, message));
    }
}

/// The articles of one file, each with its line for line-based formats.
fn read_file(
    path: &Path,
    root: &Path,
    format: Format,
    notices: &mut Notices,
) -> Vec<(Option<usize>, Article)> {
    let id = file_id(path, root);
    let bytes = match read_bytes(path, format) {
        Ok(bytes) => bytes,
        Err(reason) => {
            notices.skip(None, reason);
            return Vec::new();
        }
    };
    let text = match decode(&bytes) {
        Ok((text, warning)) => {
            if let Some(warning) = warning {
                notices.warn(None, warning);
            }
            text
        }
        Err(reason) => {
            notices.skip(None, reason);
            return Vec::new();
        }
    };
    let single = |result: Result<Article, String>, notices: &mut Notices| match result {
        Ok(article) => vec![(None, article)],
        Err(reason) => {
            notices.skip(None, reason);
            Vec::new()
        }
    };
    match format {
        Format::Capture => single(
            parse_capture(&id, &text).map_err(|e| e.to_string()),
            notices,
        ),
        Format::Markdown => single(markdown::parse(&id, &text, notices), notices),
        Format::Html => single(html::parse(&id, &text, notices), notices),
        Format::JsonLines => jsonl::parse(&id, &text, notices),
    }
}

/// The file's bytes, gunzipped for `.gz`; an error for sizes a single article may not have.
fn read_bytes(path: &Path, format: Format) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot be read: {e}"))?
        .len();
    if format != Format::JsonLines && size > MAX_ARTICLE_BYTES as u64 {
        return Err(format!(
            "is {} MiB, more than the {} MiB an article file may have",
            size >> 20,
            MAX_ARTICLE_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    if path.to_string_lossy().ends_with(".gz") {
        use std::io::Read;
        let mut text = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut text)
            .map_err(|e| format!("is not a readable gzip file: {e}"))?;
        return Ok(text);
    }
    Ok(bytes)
}

/// Text from bytes: UTF-8 (without BOM), else Windows-1252 with a warning.
/// Empty and binary contents are errors.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty".into());
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("looks like a binary file (it contains NUL bytes), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let warning = format!(
                "is not UTF-8 (invalid byte at offset {}): read as Windows-1252 (Latin-1)",
                e.valid_up_to()
            );
            Ok((text.into_owned(), Some(warning)))
        }
    }
}

/// The format of a file and its extension, matched without regard to case.
fn format_of(path: &Path) -> Option<(Format, &'static str)> {
    let name = path.file_name()?.to_str()?.to_lowercase();
    FORMATS
        .iter()
        .find(|(ext, _)| {
            name.strip_suffix(ext)
                .is_some_and(|stem| stem.ends_with('.'))
        })
        .map(|&(ext, format)| (format, ext))
}

/// An article file's id: its path under the folder, without the extension.
fn file_id(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut id = relative.to_string_lossy().replace('\\', "/");
    if let Some((_, ext)) = format_of(path) {
        // Extensions are ASCII: the same number of bytes in any case.
        id.truncate(id.len() - ext.len() - 1);
    }
    id
}

/// The language most of `articles` are in (of two as frequent, the first
/// in alphabetical order), if any has one.
pub fn main_lang(articles: &[Article]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for lang in articles.iter().filter_map(|a| a.lang.as_deref()) {
        *counts.entry(lang).or_default() += 1;
    }
    let most = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|&(_, n)| n == most)
        .map(|(lang, _)| lang.to_string())
}

/// Sets [`Article::lang`] to a code liseuse analyses: the metadata's when it
/// names a known language, else the one detected in the text when the detection
/// is reliable, else none (the index's default language, French, is used).
fn settle_language(article: &mut Article) {
    let known = article.lang.as_deref().and_then(Language::from_code);
    article.lang = known
        .or_else(|| detect_language(article))
        .map(|l| l.code().to_string());
}

/// The language of an article's text, when `whatlang` is sure of it.
fn detect_language(article: &Article) -> Option<Language> {
    let mut sample = article.title.clone();
    for block in &article.blocks {
        if sample.len() > 2000 {
            break;
        }
        sample.push('\n');
        sample.push_str(&block.text);
    }
    let info = whatlang::detect(&sample).filter(whatlang::Info::is_reliable)?;
    Language::from_code(info.lang().code())
}

/// Same title and same text, whatever the spacing and case.
pub fn content_key(article: &Article) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let squash = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    squash(&article.title).hash(&mut hasher);
    squash(&article.body_text()).hash(&mut hasher);
    hasher.finish()
}

/// Lists the files under `dir`, sub-folders included. A folder reached again
/// through a symbolic link (a loop, or a second way to the same folder) is
/// read once, with a warning naming the link.
fn list_files(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    visited: &mut Vec<PathBuf>,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let error = |source| ImportError::Folder {
        path: dir.to_path_buf(),
        source,
    };
    let real = std::fs::canonicalize(dir).map_err(error)?;
    if visited.contains(&real) {
        report.warnings.push(Notice {
            path: dir.to_path_buf(),
            line: None,
            message: format!(
                "leads to the folder {} again (a symbolic link): not read twice",
                real.display()
            ),
        });
        return Ok(());
    }
    visited.push(real);
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(error)? {
        entries.push(entry.map_err(error)?.path());
    }
    entries.sort();
    for path in entries {
        if path.is_dir() {
            list_files(&path, out, visited, report)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// A date as `YYYY-MM-DD`, from `2020-10-04`, `2020-10-04T08:00:00Z`, `04/10/2020` or `2020`.
pub fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let valid = |y: &str, m: &str, d: &str| {
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
    };
    if let Some(head) = text.get(..10) {
        let parts: Vec<&str> = head.split('-').collect();
        if parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2) {
            return valid(parts[0], parts[1], parts[2]);
        }
    }
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    if parts.len() == 3 && digits(parts[2], 4) && parts[0].len() <= 2 && parts[1].len() <= 2 {
        return valid(parts[2], parts[1], parts[0]);
    }
    digits(text, 4).then(|| format!("{text}-01-01"))
}

/// Fills an article's metadata from `(key, value)` pairs (front matter, JSON).
/// Unknown keys are ignored; an unreadable date is dropped with a warning.
fn apply_metadata(
    article: &mut Article,
    key: &str,
    value: MetaValue,
    line: Option<usize>,
    notices: &mut Notices,
) {
    let text = match &value {
        MetaValue::Text(text) => Some(text.trim().to_string()).filter(|t| !t.is_empty()),
        MetaValue::List(_) => None,
    };
    match key {
        "title" => {
            if let Some(title) = text {
                article.title = title;
                article.title_from_text = false;
            }
        }
        "date" => {
            if let Some(date) = text {
                match normalize_date(&date) {
                    Some(date) => article.date = Some(date),
                    None => notices.warn(line, format!("unreadable date {date:?}: dropped")),
                }
            }
        }
        "source" => article.source = text,
        "url" => article.url = text,
        "author" => article.byline = text,
        "lang" => article.lang = text.map(|l| l.to_lowercase()),
        "section" | "category" | "categorie" => article.section = text,
        "tags" => {
            article.tags = match value {
                MetaValue::List(items) => items,
                MetaValue::Text(text) => text
                    .split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
            }
        }
        _ => {}
    }
}

/// A metadata value, once read from YAML or JSON.
enum MetaValue {
    Text(String),
    List(Vec<String>),
}

#[cfg(test)]
mod tests;
