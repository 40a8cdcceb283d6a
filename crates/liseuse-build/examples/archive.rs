//! Building the index of a large archive in steps, on one machine or several.
//!
//! ```sh
//! cargo build --release -p liseuse-build --example archive
//! archive=target/release/examples/archive
//! # The segments of part I of N of the folder's files (one command per machine or process):
//! $archive segment ARTICLES SEGMENTS --part 0/4
//! # Once every part is built: merge them, find related articles and names.
//! $archive merge SEGMENTS --out index.bin
//! # Both on this machine (what build.rs does):
//! $archive build ARTICLES SEGMENTS --out index.bin
//! # ... and the site's files as build.rs publishes a large collection
//! # (split, compressed, the pieces under SITE/pieces/), instead of one index:
//! $archive build ARTICLES SEGMENTS --site SITE
//! ```
//!
//! `SEGMENTS` is a folder every step can read and write (on several machines,
//! a shared one). A segment whose articles did not change is not built again.
//! Options: `--segment-articles N` (about N articles a segment, 1500 unless
//! said), `--threads N` (segments built at once; one per core unless said).
//! Each step says what it is doing on stderr, with the time since it began;
//! `build` and `merge` then print the size of the index. `build.rs` merges a
//! folder of segments built apart when `LISEUSE_SEGMENTS` names it.

use std::path::PathBuf;
use std::process::ExitCode;

use liseuse_build::import::{read_part, Part};
use liseuse_build::indexer::{finish, merge_folder, write_segments, Merged, Options, Progress};
use liseuse_build::publish::{Identity, Site};
use liseuse_core::format::PieceSizes;

const USAGE: &str = "usage:
  archive segment ARTICLES SEGMENTS [--part I/N] [--segment-articles N] [--threads N]
  archive merge SEGMENTS [--out FILE | --site DIR]
  archive build ARTICLES SEGMENTS [--out FILE | --site DIR] [--segment-articles N] [--threads N]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("archive: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut options = Options {
        progress: Progress::to(|line| eprintln!("{line}")),
        ..Options::default()
    };
    let mut part = Part::WHOLE;
    let mut out = None;
    let mut site = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        let number = |text: String| {
            (text.parse::<usize>().ok().filter(|&n| n > 0))
                .ok_or(format!("{arg} {text}: say a number above 0"))
        };
        match arg.as_str() {
            "--part" => part = Part::parse(&value()?)?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--site" => site = Some(PathBuf::from(value()?)),
            "--segment-articles" => options.segment_articles = number(value()?)?,
            "--threads" => options.threads = number(value()?)?,
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => positional.push(arg.clone()),
        }
    }
    let positional: Vec<&str> = positional.iter().map(String::as_str).collect();
    match positional.as_slice() {
        ["segment", articles, segments] => segment(articles, segments, part, &options),
        ["merge", segments] => merge(segments, out, site, &options),
        ["build", articles, segments] => {
            segment(articles, segments, Part::WHOLE, &options)?;
            // As build.rs does (`index_articles`).
            liseuse_build::parallel::give_back_memory();
            merge(segments, out, site, &options)
        }
        _ => Err(USAGE.into()),
    }
}

fn segment(articles: &str, segments: &str, part: Part, options: &Options) -> Result<(), String> {
    let (read, _, report) = read_part(articles.as_ref(), part).map_err(|e| e.to_string())?;
    let progress = &options.progress;
    progress.say(&format!(
        "read part {} of {}: {report}",
        part.index, part.count
    ));
    for (what, notice) in report.notices() {
        eprintln!("{what}: {notice}");
    }
    let (files, reused) = write_segments(read, part, segments.as_ref(), options)?;
    progress.say(&format!(
        "part {} of {}: {} segments in {segments} ({reused} reused)",
        part.index,
        part.count,
        files.len()
    ));
    Ok(())
}

fn merge(
    segments: &str,
    out: Option<PathBuf>,
    site: Option<PathBuf>,
    options: &Options,
) -> Result<(), String> {
    let file = finish(merge_folder(segments.as_ref(), options)?, &options.progress);
    match site {
        Some(dir) => publish(file, &dir, &options.progress),
        None => write_index(file, out, &options.progress),
    }
}

/// The whole index in one file, `out` (or only its size said).
fn write_index(merged: Merged, out: Option<PathBuf>, progress: &Progress) -> Result<(), String> {
    let file = merged.into_whole()?;
    let bytes = file.to_bytes();
    progress.say(&format!(
        "index: {} articles, {} terms, {} names, {} bytes",
        file.articles.len(),
        file.index.terms.len(),
        file.entities.len(),
        bytes.len()
    ));
    if let Some(out) = out {
        std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        progress.say(&format!("written to {}", out.display()));
    }
    Ok(())
}

/// The site's index files as `build.rs` publishes a large collection: the
/// first file, the hints and the pieces with their manifest, split with the
/// default sizes and compressed, into `dir` (the app's files aside).
fn publish(file: Merged, dir: &std::path::Path, progress: &Progress) -> Result<(), String> {
    let site = Site::write(file, Some(PieceSizes::default()), &Identity::default(), dir)?;
    let bytes: u64 = site.pieces.iter().map(|&(_, size)| u64::from(size)).sum();
    progress.say(&format!(
        "site written to {}: {} pieces, {bytes} bytes compressed",
        dir.display(),
        site.pieces.len()
    ));
    Ok(())
}
