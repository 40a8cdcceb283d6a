//! Builds the search index of the articles at compile time, into `OUT_DIR/site/`.
//!
//! The articles come from `seeds/`, or from the folder named by the
//! `LISEUSE_ARTICLES` environment variable. All the work is in the core crate
//! (`liseuse_build::publish`): `site/` gets the index's first file, compressed
//! and named after its content, the home page's first articles as HTML, and,
//! for a large index (above [`SPLIT_ABOVE_BYTES`]), the pieces and their
//! manifest under `site/pieces/`. `scripts/precache` (a Trunk hook) copies
//! them into the site and writes the HTML and the first file's name into
//! `index.html`: the wasm carries no index, and is the same for every
//! collection. `LISEUSE_PIECES=always` or `never` overrides the size rule;
//! `LISEUSE_PIECE_BYTES` the size of the pieces (tests use it to split a small
//! collection in many pieces); `LISEUSE_GENERATIONS=one` keeps the postings
//! of any collection in one generation (what the first-result benchmark
//! compares generations with).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use liseuse_build::import::{main_lang, ImportReport};
use liseuse_build::indexer::{
    build_dir_with, finish, merge_folder, segment_files, Options, Progress,
};
use liseuse_build::publish::{Identity, Site};
use liseuse_build::site::{SiteSettings, SETTINGS_FILE};
use liseuse_core::format::{PieceSizes, SPLIT_ABOVE_BYTES};

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn try_main() -> Result<(), String> {
    println!("cargo:rerun-if-env-changed=LISEUSE_ARTICLES");
    println!("cargo:rerun-if-env-changed=LISEUSE_PIECES");
    println!("cargo:rerun-if-env-changed=LISEUSE_PIECE_BYTES");
    println!("cargo:rerun-if-env-changed=LISEUSE_GENERATIONS");
    println!("cargo:rerun-if-env-changed=LISEUSE_SEGMENTS");
    println!("cargo:rerun-if-changed=build.rs");
    let dir = articles_dir();
    // The site's own title, description, home and language (liseuse.toml),
    // read first: a mistake in it stops the build at once, naming the line.
    // (Watched when it exists: a missing file would rerun every build; its
    // creation changes the folder, which is watched.)
    let settings_file = dir.join(SETTINGS_FILE);
    if settings_file.exists() {
        println!("cargo:rerun-if-changed={}", settings_file.display());
    }
    let settings = SiteSettings::of_folder(&dir).map_err(|e| e.to_string())?;
    // What the build is doing, with the time: live under `cargo build -vv`,
    // and repeated as warnings at the end of a long build.
    let said: Arc<Mutex<Vec<String>>> = Arc::default();
    let lines = said.clone();
    let progress = Progress::to(move |line| {
        eprintln!("liseuse: {line}");
        lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line.to_string());
    });
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: run through cargo")?;
    let options = Options {
        // Kept between builds: a segment whose articles did not change is reused.
        segments: Some(Path::new(&out_dir).join("segments")),
        progress,
        ..Options::default()
    };
    let (merged, report) = match std::env::var_os("LISEUSE_SEGMENTS").filter(|s| !s.is_empty()) {
        // Segments built apart (`archive segment … --part I/N` on each machine): merged here.
        Some(segments) => {
            let segments = PathBuf::from(segments);
            let files = segment_files(&segments)?;
            watch(
                &segments,
                &files.into_iter().map(|(path, _)| path).collect::<Vec<_>>(),
            );
            let merged = finish(merge_folder(&segments, &options)?, &options.progress);
            let report = ImportReport {
                articles: merged.file.articles.len(),
                main_lang: main_lang(&merged.file.articles),
                ..ImportReport::default()
            };
            (merged, report)
        }
        None => {
            let (merged, inputs, report) = build_dir_with(&dir, &options)?;
            // Any change in the folder (a file added, edited or removed) rebuilds the index.
            watch(&dir, &inputs);
            (merged, report)
        }
    };
    let identity = Identity::of(&settings, report.main_lang.as_deref());
    let split = match std::env::var("LISEUSE_PIECES").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        Ok("") | Ok("auto") | Err(_) => merged.encoded_len() > SPLIT_ABOVE_BYTES,
        Ok(other) => return Err(format!("LISEUSE_PIECES={other}: say always, never or auto")),
    };
    let sizes = match std::env::var("LISEUSE_PIECE_BYTES") {
        Ok(bytes) => {
            let bytes: usize = (bytes.parse().ok().filter(|&b| b > 0)).ok_or(format!(
                "LISEUSE_PIECE_BYTES={bytes}: say a number of bytes"
            ))?;
            PieceSizes::about(bytes)
        }
        Err(_) => PieceSizes::default(),
    };
    let sizes = match std::env::var("LISEUSE_GENERATIONS").as_deref() {
        Ok("one") => PieceSizes {
            generations_above: u32::MAX,
            ..sizes
        },
        Ok("") | Ok("auto") | Err(_) => sizes,
        Ok(other) => return Err(format!("LISEUSE_GENERATIONS={other}: say one or auto")),
    };
    let out = site_dir()?;
    let site = Site::write(merged, split.then_some(sizes), &identity, &out)?;
    options
        .progress
        .say(&format!("index written: {} pieces", site.pieces.len()));
    write_site(&site, &out)?;
    options.progress.say("site written");
    if options.progress.seconds() >= 10.0 {
        for line in said.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            println!("cargo:warning=liseuse: {line}");
        }
    }
    // Nothing is left out silently: every file or line that gave no article,
    // every duplicate and every fix is named, then one summary line.
    for (what, notice) in report.notices() {
        println!("cargo:warning=liseuse: {what}: {notice}");
    }
    let pieces_line = if site.pieces.is_empty() {
        String::new()
    } else {
        let total: u64 = site.pieces.iter().map(|&(_, size)| u64::from(size)).sum();
        format!(", split: {} pieces of {total} bytes", site.pieces.len())
    };
    println!(
        "cargo:warning=liseuse: \"{}\", interface in {}",
        identity.title, site.lang
    );
    println!(
        "cargo:warning=liseuse: {report} (from {dir}; index {raw} bytes, {bytes} compressed{pieces_line})",
        dir = dir.display(),
        raw = site.raw_index.len(),
        bytes = site.index.1.len(),
    );
    Ok(())
}

/// The folder of articles: `LISEUSE_ARTICLES`, or `seeds/` beside this file.
fn articles_dir() -> PathBuf {
    match std::env::var_os("LISEUSE_ARTICLES") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
    }
}

/// Tells cargo to rerun on any change to the folder, its sub-folders or its files.
fn watch(dir: &Path, inputs: &[PathBuf]) {
    println!("cargo:rerun-if-changed={}", dir.display());
    for path in inputs {
        println!("cargo:rerun-if-changed={}", path.display());
        if let Some(parent) = path.parent() {
            println!("cargo:rerun-if-changed={}", parent.display());
        }
    }
}

/// `OUT_DIR/site/`, where the site's files go, emptied: only this build's
/// files are there.
fn site_dir() -> Result<PathBuf, String> {
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: run through cargo")?;
    let dir = Path::new(&out_dir).join("site");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
    }
    Ok(dir)
}

/// Writes what the site gets beside its index ([`Site::write`] wrote the
/// first file and the pieces into `dir`): `early.html`, the head, the
/// language, the web manifest, and `config.txt`, the settings it was built
/// with, by which `scripts/precache` finds it among the builds of other
/// features. `OUT_DIR/index.bin` is the first file uncompressed, for the
/// browser tests of the components.
fn write_site(site: &Site, dir: &Path) -> Result<(), String> {
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: run through cargo")?;
    let write = liseuse_build::publish::write_file;
    write(&dir.join("early.html"), site.early.as_bytes())?;
    write(&dir.join("head.html"), site.head.as_bytes())?;
    write(&dir.join("lang.txt"), site.lang.as_bytes())?;
    write(
        &dir.join("manifest.webmanifest"),
        site.web_manifest.as_bytes(),
    )?;
    let config: String = ["LISEUSE_ARTICLES", "LISEUSE_PIECES", "LISEUSE_PIECE_BYTES"]
        .iter()
        .map(|var| format!("{var}={}\n", std::env::var(var).unwrap_or_default()))
        .collect();
    write(&dir.join("config.txt"), config.as_bytes())?;
    write(&Path::new(&out_dir).join("index.bin"), &site.raw_index)
}
