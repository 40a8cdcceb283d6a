//! What a build publishes beside the app, in one place: the index's first
//! file and its pieces, each compressed ([`crate::compress::gzip`]) so that
//! the bytes on the wire are the same on a host that compresses nothing as
//! on one that gzips; the manifest of the pieces, compressed too; and the
//! home page's first articles as HTML, which `scripts/precache` writes into
//! `index.html` so that a visitor sees them before the wasm has started
//! (and can read the list without JavaScript).
//!
//! The wasm carries none of it: it is the same for every collection and
//! every rebuild, and reads the name of the first file in `index.html`
//! ([`liseuse_core::pieces::INDEX_LINK_ID`]).

use std::fmt::Write;
use std::path::Path;

use crate::compress::{gzip, manifest_bytes};
use crate::site::SiteSettings;
use crate::texts::Merged;
use liseuse_core::format::{IndexFile, PieceSizes, Pieces};
pub use liseuse_core::markup::escape;
use liseuse_core::markup::About;
use liseuse_core::pieces::{Manifest, PieceFiles};
use liseuse_core::route::Route;
use liseuse_core::text::{Lang, Text};
use liseuse_core::{Filters, Library};

/// Who a site is: its settings ([`SiteSettings`]) with the defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct Identity {
    /// Its title.
    pub title: String,
    /// What it is, in a sentence.
    pub description: String,
    /// The publisher's home, if given.
    pub home: Option<String>,
    /// The language of its interface.
    pub lang: Lang,
}

impl Default for Identity {
    fn default() -> Self {
        Identity::of(&SiteSettings::default(), None)
    }
}

impl Identity {
    /// The identity `settings` give a collection whose articles are mostly
    /// in `main_lang`: the interface speaks the settings' language, else
    /// the articles' (French when the interface does not have it).
    pub fn of(settings: &SiteSettings, main_lang: Option<&str>) -> Identity {
        let lang = (settings.language)
            .or_else(|| main_lang.and_then(Lang::of))
            .unwrap_or_default();
        let text = lang.text();
        Identity {
            title: settings.title.clone().unwrap_or(text.app_name.into()),
            description: settings
                .description
                .clone()
                .unwrap_or(text.description.into()),
            home: settings.home.clone(),
            lang,
        }
    }

    /// What its home page says of it under its title.
    pub fn about(&self) -> About {
        About {
            description: self.description.clone(),
            home: self.home.clone(),
        }
    }

    /// Its interface's words.
    pub fn text(&self) -> &'static Text {
        self.lang.text()
    }

    /// What `index.html`'s head gets: the title, the description, the
    /// site's name and home (`<meta name="application-name">` and
    /// `<meta name="liseuse-home">`, which the app reads) and the words of
    /// `assets/boot.js` (a JSON object, never run).
    pub fn head(&self) -> String {
        let mut head = format!(
            "<title>{title}</title><meta name=\"description\" content=\"{description}\" /><meta name=\"application-name\" content=\"{title}\" />",
            title = escape(&self.title),
            description = escape(&self.description),
        );
        if let Some(home) = &self.home {
            let _ = write!(
                head,
                "<meta name=\"liseuse-home\" content=\"{}\" />",
                escape(home)
            );
        }
        let _ = write!(
            head,
            "<script type=\"application/json\" id=\"liseuse-text\">{}</script>",
            self.lang.page().boot_json(self.text())
        );
        head
    }

    /// The web app manifest (`manifest.webmanifest`): the installed app's
    /// name, short name, description and language.
    pub fn web_manifest(&self) -> String {
        let short: String = self.title.chars().take(12).collect();
        let short = if short.chars().count() < self.title.chars().count() {
            format!("{}…", short.trim_end())
        } else {
            short
        };
        let manifest = serde_json::json!({
            "name": self.title,
            "short_name": short,
            "description": self.description,
            "lang": self.lang.tag(),
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#fbfaf7",
            "theme_color": "#8a3b12",
            "icons": [
                { "src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png" },
                { "src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png" },
                { "src": "icons/maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
                { "src": "icon.svg", "sizes": "any", "type": "image/svg+xml" }
            ]
        });
        serde_json::to_string_pretty(&manifest).unwrap_or_default()
    }
}

/// How many of the newest articles the page written at build time shows.
pub const EARLY_ARTICLES: usize = 10;

/// Everything a build publishes beside the app.
#[derive(Clone, Debug)]
pub struct Site {
    /// The first file's name ([`liseuse_core::pieces::index_file`]) and its bytes, compressed.
    pub index: (String, Vec<u8>),
    /// The pieces of a split index, written: their file names and their
    /// sizes as published (compressed), in the order they were cut; none
    /// when whole.
    pub pieces: Vec<(String, u32)>,
    /// The manifest of the pieces ([`Manifest::to_bytes`]); `None` when whole.
    pub manifest: Option<Vec<u8>>,
    /// What `<div id="app">` holds until the app starts ([`shell`]): the
    /// header, a loading line and the home page's first articles.
    pub early: String,
    /// What `index.html`'s head gets ([`Identity::head`]).
    pub head: String,
    /// The language of the interface, as `<html lang>` says it.
    pub lang: &'static str,
    /// `manifest.webmanifest` ([`Identity::web_manifest`]).
    pub web_manifest: String,
    /// Which dictionary and term pieces a word is in ([`hints`]): its file
    /// name and its bytes, compressed; `None` when the index is whole.
    pub hints: Option<(String, Vec<u8>)>,
    /// The first file before compression, for tests that read it as it is.
    pub raw_index: Vec<u8>,
}

impl Site {
    /// Publishes `merged` (an index file, or a build's merged index and
    /// its text) into `dir`, split in pieces of `split` sizes or whole, for
    /// a site that is `identity`: the pieces under `pieces/`
    /// ([`liseuse_core::pieces::PIECES_DIR`]), written as they are cut
    /// ([`write_pieces`]), their manifest, the first file and the hints.
    /// What it wrote, and what the page gets; an error names the file.
    pub fn write(
        merged: impl Into<Merged>,
        split: Option<PieceSizes>,
        identity: &Identity,
        dir: &Path,
    ) -> Result<Site, String> {
        let merged = merged.into();
        // The terms, which the split moves to the dictionary pieces: the
        // hints name the first of each term piece.
        let terms = (split.map(|_| merged.file.index.terms.clone())).unwrap_or_default();
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let folder = dir.join(liseuse_core::pieces::PIECES_DIR);
        let (head, pieces) = match split {
            Some(sizes) => write_pieces(merged, sizes, &folder)?,
            None => (merged.into_whole()?, Vec::new()),
        };
        let raw_index = head.to_bytes();
        let hints = hints(&head, &terms);
        let articles = head.index.doc_count;
        let whole = head.pieces.whole_files();
        drop(head);
        let early = shell(identity, &early_page(&raw_index, &folder, identity));
        let manifest = (!pieces.is_empty()).then(|| {
            let sizes = pieces.iter().cloned();
            manifest_bytes(&Manifest::of_sizes(sizes, articles, &whole))
        });
        let site = Site {
            index: (
                liseuse_core::pieces::index_file(&raw_index),
                gzip(&raw_index),
            ),
            pieces,
            manifest,
            early,
            head: identity.head(),
            lang: identity.lang.tag(),
            web_manifest: identity.web_manifest(),
            hints,
            raw_index,
        };
        if let Some(manifest) = &site.manifest {
            write_file(&folder.join(liseuse_core::pieces::MANIFEST_FILE), manifest)?;
        }
        let (name, bytes) = &site.index;
        write_file(&dir.join(name), bytes)?;
        if let Some((name, bytes)) = &site.hints {
            write_file(&dir.join(name), bytes)?;
        }
        Ok(site)
    }
}

/// Writes `bytes` into the file `path`; an error names it.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Splits `merged` in pieces of `sizes` and writes them into `folder` as
/// they are cut, compressed on every core (the most costly step of a large
/// build's publishing), so that the build never holds them all: each
/// under a name of its kind and number, renamed once the split has named
/// them all. The articles' text is read back a run of articles at a time,
/// and the positions a term at a time.
/// The file a reader loads first, and each piece's file name and size as
/// published, in the order they were cut.
fn write_pieces(
    merged: Merged,
    sizes: PieceSizes,
    folder: &Path,
) -> Result<(IndexFile, Vec<(String, u32)>), String> {
    use liseuse_core::pieces::PieceKind;
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let unnamed =
        |kind: PieceKind, number: usize| folder.join(format!(".{}-{number}.part", kind.name()));
    let Merged { file, texts } = merged;
    let mut split = None;
    let written = crate::parallel::streamed(
        |out| {
            let mut cut = |kind, number, bytes| out((kind, number, bytes));
            split = Some(file.split_into(sizes, &texts, &mut cut));
        },
        |(kind, number, bytes): (PieceKind, usize, Vec<u8>)| {
            let compressed = gzip(&bytes);
            drop(bytes);
            write_file(&unnamed(kind, number), &compressed)
                .map(|()| (kind, number, compressed.len() as u32))
        },
    );
    if let Some(error) = texts.take_unread() {
        return Err(texts.unread(error));
    }
    let (head, files) = split.expect("the split ends with its pieces");
    let mut pieces = Vec::with_capacity(written.len());
    for written in written {
        let (kind, number, size) = written?;
        let name = files.name(kind, number).expect("a name for every piece");
        let (from, to) = (unnamed(kind, number), folder.join(&name));
        std::fs::rename(&from, &to)
            .map_err(|e| format!("cannot rename {} to {}: {e}", from.display(), to.display()))?;
        pieces.push((name, size));
    }
    Ok((head, pieces))
}

/// For the page, before the wasm has started: where the words of a query
/// would be in a split `head` whose terms (before the split) are `terms`. A
/// JSON object, `{"first": [...], "files": [...], "terms": [...],
/// "generations": [{"runs": [...], "files": [...]}, ...], "stop": [...],
/// "synonyms": [[...], ...]}`: the first term of each dictionary piece and
/// its file, the first term of each run of terms, for each generation a
/// first visit reads (the [whole](liseuse_core::format::Pieces::whole)
/// postings, when there are) the first run of each of its term pieces and
/// its file (a run's postings are in a piece of each), the stop words a query drops, and the groups of
/// [synonyms](liseuse_core::synonyms::GROUPS) a query word also looks up
/// (before them, every title of OrangeSum and half its pairs of words
/// needed a round of requests the hints had not foreseen; 18 % and 2 %
/// since: `bench/hints.js` in `e2e/`). `assets/boot.js`
/// fetches it on a link to a search (index.html names it, in
/// `<meta name="liseuse-hints">`) and preloads the pieces of the query's
/// words while the wasm downloads, which the app then asks for: two rounds
/// of requests less before the first result. Named after its content
/// (`hints-{hash}.bin`), compressed like the pieces; `None` for a whole index.
pub fn hints(head: &IndexFile, terms: &[String]) -> Option<(String, Vec<u8>)> {
    use liseuse_core::pieces::PieceKind;
    let pieces = &head.pieces;
    if pieces.dictionary.is_empty() {
        return None;
    }
    let mut first = 0usize;
    let run_firsts: Vec<&str> = (pieces.runs.iter())
        .map(|&count| {
            let term = terms.get(first).map_or("", String::as_str);
            first += count as usize;
            term
        })
        .collect();
    let files = pieces.files();
    // What a first visit reads: the whole postings (a piece a run), when
    // there are some.
    let read = files_read(pieces, &files);
    let generations: Vec<serde_json::Value> = (read.into_iter())
        .map(|(runs, files)| serde_json::json!({ "runs": runs, "files": files }))
        .collect();
    let json = serde_json::json!({
        "first": pieces.first_terms,
        "files": files.of(PieceKind::Dictionary),
        "terms": run_firsts,
        "generations": generations,
        "stop": head.index.analyzer.language.stop_words(),
        "synonyms": liseuse_core::synonyms::GROUPS,
    })
    .to_string();
    let name = format!(
        "hints-{:08x}.bin",
        liseuse_core::pieces::content_hash(json.as_bytes())
    );
    Some((name, gzip(json.as_bytes())))
}

/// The page of the newest articles ([`early_html`]), read as a reader's
/// app reads the published index: its first file, then the text pieces of
/// those articles only (a large collection is not decoded whole again).
/// Empty if the index does not read back, which its tests rule out.
fn early_page(raw_index: &[u8], folder: &Path, identity: &Identity) -> String {
    let Ok(library) = Library::from_bytes(raw_index) else {
        return String::new();
    };
    let newest = library.browse(&Filters::default(), EARLY_ARTICLES).shown;
    for file in library.missing_texts(newest) {
        let read = std::fs::read(folder.join(&file));
        if let Ok(bytes) = read.and_then(|bytes| crate::compress::gunzip(&bytes)) {
            let _ = library.add_piece(&file, &bytes);
        }
    }
    early_html(&library, EARLY_ARTICLES, identity)
}

/// What `<div id="app">` holds until the app starts: the app's header
/// (the site's title, and the search box as a pill), the loading line, a
/// notice for browsers without JavaScript, and `early` ([`early_html`]).
pub fn shell(identity: &Identity, early: &str) -> String {
    let text = identity.text();
    format!(
        "<header class=\"bar\"><a class=\"brand\" href=\"{home}\">{title}</a><div class=\"search\" aria-hidden=\"true\"><span class=\"search-pill\">{search}</span></div></header><main class=\"page\"><p class=\"loading\" role=\"status\">{loading}</p><noscript><p class=\"fatal\">{no_script}</p></noscript>{early}</main>",
        home = Route::default().to_hash(),
        title = escape(&identity.title),
        search = escape(text.search_placeholder),
        loading = escape(identity.lang.page().loading_search),
        no_script = escape(identity.lang.page().no_script),
    )
}

/// The home page as the app first shows it, for the site `identity`
/// ([`liseuse_core::markup::early_html`]).
pub fn early_html(library: &Library, count: usize, identity: &Identity) -> String {
    liseuse_core::markup::early_html(library, count, &identity.about(), identity.text())
}

/// The term pieces of `pieces` (their `files`) that a first visit reads,
/// by generation: the first run of each and its file; the whole postings
/// alone when there are some.
fn files_read<'a>(pieces: &Pieces, files: &'a PieceFiles) -> Vec<(Vec<u32>, &'a [String])> {
    let terms = files.of(liseuse_core::pieces::PieceKind::Terms);
    let after = pieces.generations_pieces();
    if pieces.has_whole() {
        return vec![((0..pieces.runs.len() as u32).collect(), &terms[after..])];
    }
    let mut first = 0;
    (pieces.generations.iter())
        .map(|generation| {
            let count = generation.terms.len();
            first += count;
            (
                generation.terms.iter().map(|p| p.first).collect(),
                &terms[first - count..first],
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compress::{gunzip, read_manifest};
    use liseuse_core::pieces::MANIFEST_FILE;
    use liseuse_core::text::FR;

    fn seeds() -> IndexFile {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        crate::indexer::build_dir(&dir).unwrap().0
    }

    fn scratch(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("liseuse-publish-{}-{name}", std::process::id()))
    }

    /// The seeds as a build merges them: their text kept beside their
    /// segments, in a folder `name`.
    fn seeds_merged(name: &str) -> Merged {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let options = crate::indexer::Options {
            segments: Some(scratch(name)),
            apart_from: 0,
            ..Default::default()
        };
        crate::indexer::build_dir_with(&dir, &options).unwrap().0
    }

    /// `file` published into a folder of its own (emptied first), named `name`.
    fn site(
        file: impl Into<Merged>,
        split: Option<PieceSizes>,
        name: &str,
    ) -> (Site, std::path::PathBuf) {
        let dir = scratch(name);
        let _ = std::fs::remove_dir_all(&dir);
        let site = Site::write(file, split, &Identity::default(), &dir).unwrap();
        (site, dir)
    }

    #[test]
    fn every_published_file_is_compressed_and_reads_back_to_the_index() {
        let file = seeds();
        let (whole, whole_dir) = site(file.clone(), None, "whole");
        assert!(whole.pieces.is_empty() && whole.manifest.is_none());
        let written = |dir: &Path, file: &str| std::fs::read(dir.join(file)).unwrap();
        assert_eq!(written(&whole_dir, &whole.index.0), whole.index.1);
        assert!(!whole_dir.join("pieces").join(MANIFEST_FILE).exists());
        let (name, bytes) = &whole.index;
        assert!(liseuse_core::pieces::is_gzip(bytes));
        assert!(
            bytes.len() < whole.raw_index.len() / 2,
            "{} of {}",
            bytes.len(),
            whole.raw_index.len()
        );
        let raw = gunzip(bytes).unwrap();
        assert_eq!(raw, whole.raw_index);
        liseuse_core::pieces::check(name, &raw).unwrap();
        assert_eq!(IndexFile::from_bytes(&raw).unwrap(), file);

        let (split, dir) = site(file.clone(), Some(PieceSizes::about(2000)), "split");
        let folder = dir.join("pieces");
        assert_eq!(written(&dir, &split.index.0), split.index.1);
        let hints = split.hints.as_ref().unwrap();
        assert_eq!(written(&dir, &hints.0), hints.1);
        assert_eq!(
            &written(&folder, MANIFEST_FILE),
            split.manifest.as_ref().unwrap()
        );
        // The pieces, and nothing else (no piece left under the name it
        // was written with before it was named).
        let mut listed: Vec<String> = (std::fs::read_dir(&folder).unwrap())
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name != MANIFEST_FILE)
            .collect();
        listed.sort();
        let mut published: Vec<String> =
            split.pieces.iter().map(|(name, _)| name.clone()).collect();
        published.sort();
        assert_eq!(listed, published);
        let head = gunzip(&split.index.1).unwrap();
        // As a reader who keeps a copy reads it, and as a first visit does.
        let [kept, first_visit] =
            [false, true].map(|whole| Library::from_bytes_with(&head, whole).unwrap());
        assert!(split.pieces.len() > 5);
        let manifest = read_manifest(split.manifest.as_ref().unwrap()).unwrap();
        // The manifest lists the files a kept copy reads, each checked by
        // its name: all of them but the whole postings.
        let unread = IndexFile::from_bytes(&head).unwrap().pieces.whole_files();
        assert!(!unread.is_empty());
        assert_eq!(manifest.pieces.len() + unread.len(), split.pieces.len());
        for (file, size) in &split.pieces {
            let bytes = written(&folder, file);
            assert_eq!(bytes.len() as u32, *size);
            assert!(liseuse_core::pieces::is_gzip(&bytes));
            let bytes = gunzip(&bytes).unwrap();
            if manifest.pieces.contains(file) {
                kept.add_piece(file, &bytes).unwrap();
            } else {
                assert!(unread.contains(file), "{file}");
            }
            if first_visit.missing_pieces().contains(file) {
                first_visit.add_piece(file, &bytes).unwrap();
            }
        }
        for library in [&kept, &first_visit] {
            assert!(library.missing_pieces().is_empty());
            assert!(library.search("Stoltenberg", 10).total > 0);
        }
        // The page of the newest articles is the same, whole or split.
        assert_eq!(split.early, whole.early);
        let identity = Identity::default();
        assert_eq!(
            whole.early,
            shell(
                &identity,
                &early_html(&Library::new(file.clone()), EARLY_ARTICLES, &identity)
            )
        );
        // The same build gives the same bytes, and the same as the split
        // in memory, from a merge that kept the articles' text on disk.
        let merged = seeds_merged("again-segments");
        assert!(merged.texts.path().is_some() && merged.file.articles[0].blocks.is_empty());
        let (again, again_dir) = site(merged, Some(PieceSizes::about(2000)), "again");
        assert_eq!(again.pieces, split.pieces);
        assert_eq!(again.index, split.index);
        let (_, in_memory) = file.split(PieceSizes::about(2000));
        assert_eq!(in_memory.len(), split.pieces.len());
        for (name, bytes) in in_memory {
            assert_eq!(
                gunzip(&written(&again_dir, &format!("pieces/{name}"))).unwrap(),
                bytes
            );
        }
        // And whole, the same bytes too.
        let (whole_again, whole_again_dir) =
            site(seeds_merged("whole-segments"), None, "whole-again");
        assert_eq!(whole_again.index, whole.index);
        for dir in [whole_dir, dir, again_dir, whole_again_dir] {
            std::fs::remove_dir_all(dir).unwrap();
        }
        for name in ["again-segments", "whole-segments"] {
            std::fs::remove_dir_all(scratch(name)).unwrap();
        }
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_named_in_the_error() {
        let dir =
            std::env::temp_dir().join(format!("liseuse-publish-{}-blocked", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // A file where the pieces' folder would be.
        let blocked = dir.join("pieces");
        std::fs::write(&blocked, b"not a folder").unwrap();
        let sizes = Some(PieceSizes::about(2000));
        let error = Site::write(seeds(), sizes, &Identity::default(), &dir).unwrap_err();
        assert!(error.contains(&blocked.display().to_string()), "{error}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_hints_name_the_dictionary_and_term_piece_of_each_first_term() {
        let file = seeds();
        let (whole, whole_dir) = site(file.clone(), None, "hints-whole");
        assert_eq!(whole.hints, None);
        std::fs::remove_dir_all(whole_dir).unwrap();
        let (split, dir) = site(file.clone(), Some(PieceSizes::about(2000)), "hints");
        std::fs::remove_dir_all(dir).unwrap();
        let (name, bytes) = split.hints.clone().unwrap();
        let json = gunzip(&bytes).unwrap();
        liseuse_core::pieces::check(&name, &json).unwrap();
        assert!(name.starts_with("hints-"), "{name}");
        let hints: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let terms = file.index.terms.clone();
        let (head, _) = file.split(PieceSizes::about(2000));
        let kind = liseuse_core::pieces::PieceKind::Dictionary;
        assert_eq!(
            hints["files"],
            serde_json::json!(kind.files(&head.pieces.dictionary))
        );
        assert_eq!(hints["first"], serde_json::json!(head.pieces.first_terms));
        // Each run's first term: the term of its first number.
        let firsts = hints["terms"].as_array().unwrap();
        assert_eq!(firsts.len(), head.pieces.runs.len());
        let mut first = 0;
        for (count, term) in head.pieces.runs.iter().zip(firsts) {
            assert_eq!(term, &terms[first]);
            first += *count as usize;
        }
        // The term pieces of the postings a first visit reads, by first
        // run, and their files: every file one the build publishes. The
        // seeds are in generations: the whole postings.
        let generations = hints["generations"].as_array().unwrap();
        assert!(
            head.pieces.generations.len() > 1,
            "the seeds in generations"
        );
        assert!(head.pieces.has_whole());
        assert_eq!(generations.len(), 1);
        // A piece a run, each the whole postings' (the term pieces after
        // the generations').
        let runs: Vec<u32> = (0..head.pieces.runs.len() as u32).collect();
        assert_eq!(generations[0]["runs"], serde_json::json!(runs));
        let table = head.pieces.files();
        let after = head.pieces.generations_pieces();
        let whole = &table.of(liseuse_core::pieces::PieceKind::Terms)[after..];
        assert_eq!(whole.len(), runs.len());
        assert_eq!(generations[0]["files"], serde_json::json!(whole));
        let files = (hints["files"].as_array().unwrap().iter()).chain(
            generations
                .iter()
                .flat_map(|g| g["files"].as_array().unwrap()),
        );
        for file in files {
            assert!(split.pieces.iter().any(|(name, _)| name == file), "{file}");
        }
        // What a query drops, and what it also looks up, as the analysis
        // and the search have them.
        let stop = hints["stop"].as_array().unwrap();
        assert!(stop.iter().any(|word| word == "les"), "{stop:?}");
        let french = liseuse_core::analysis::Language::French;
        assert!(stop
            .iter()
            .all(|word| french.is_stop_word(word.as_str().unwrap())));
        let synonyms = hints["synonyms"].as_array().unwrap();
        assert_eq!(synonyms.len(), liseuse_core::synonyms::GROUPS.len());
        assert!(synonyms
            .iter()
            .any(|group| group[0] == "mort" && group[3] == "deces"));
    }

    #[test]
    fn the_early_page_lists_the_newest_articles_by_month_escaped() {
        let file = seeds();
        let library = Library::new(file);
        let html = early_html(&library, 3, &Identity::default());
        assert!(
            html.starts_with("<section class=\"results early\""),
            "{html}"
        );
        assert!(html.contains("<h1 id=\"view-title\">Tous les articles</h1>"));
        assert!(html.contains("<p class=\"count\" role=\"status\">5 articles</p>"));
        assert_eq!(html.matches("<li class=\"result\" data-id=").count(), 3);
        let first = library.browse(&Filters::default(), 1).shown[0];
        let first = library.text(first).unwrap();
        let href = format!("href=\"#/article/{}\"", first.id);
        let title = escape(&first.title);
        let at_href = html.find(&href).expect(&href);
        let at_title = html.find(&title).expect(&title);
        assert!(at_href < at_title && html[..at_href].matches("class=\"month\"").count() == 1);
        let heading = first.month().map_or("Sans date".into(), |m| FR.month(m));
        assert!(
            html.contains(&format!("<h2>{heading}")),
            "{heading}: {html}"
        );
        assert!(html.ends_with("</ol></li></ol></section>"));
        assert_eq!(
            escape("<b a=\"1\">l'été & co</b>"),
            "&lt;b a=&quot;1&quot;&gt;l&#39;été &amp; co&lt;/b&gt;"
        );
    }

    #[test]
    fn an_article_cannot_write_html_into_the_early_page() {
        let article = liseuse_core::article::parse_capture(
            "x\"><script>alert(1)</script>",
            "<img src=x onerror=alert(1)> titre\n\nUn texte <script>alert(2)</script> ici.",
        )
        .unwrap();
        let library = Library::new(crate::indexer::build_index(vec![article]));
        let html = early_html(&library, 10, &Identity::default());
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
    }
}
