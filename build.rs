//! Builds the search index of the articles at compile time, into `OUT_DIR/index.bin`.
//!
//! The articles come from `seeds/`, or from the folder named by the
//! `LISEUSE_ARTICLES` environment variable. All the work is in the core crate.
//!
//! A large index (above [`SPLIT_ABOVE_BYTES`]) is split: `index.bin` keeps
//! what lists of articles need, and the pieces go to `OUT_DIR/pieces/`, which
//! `scripts/precache` (a Trunk hook) copies into the site. `LISEUSE_PIECES=always`
//! or `never` overrides the size rule; `LISEUSE_PIECE_BYTES` the size of the
//! pieces (tests use it to split a small collection in many pieces).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use liseuse_core::format::{PieceSizes, SPLIT_ABOVE_BYTES};
use liseuse_core::indexer::build_dir;

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
    println!("cargo:rerun-if-changed=build.rs");
    let dir = articles_dir();
    let (file, inputs, report) = build_dir(&dir).map_err(|e| e.to_string())?;
    // Any change in the folder (a file added, edited or removed) rebuilds the index.
    watch(&dir, &inputs);
    let mut bytes = file.to_bytes();
    let split = match std::env::var("LISEUSE_PIECES").as_deref() {
        Ok("always") => true,
        Ok("never") => false,
        Ok("") | Ok("auto") | Err(_) => bytes.len() > SPLIT_ABOVE_BYTES,
        Ok(other) => return Err(format!("LISEUSE_PIECES={other}: say always, never or auto")),
    };
    let mut pieces = Vec::new();
    if split {
        let sizes = match std::env::var("LISEUSE_PIECE_BYTES") {
            Ok(bytes) => {
                let bytes: usize = (bytes.parse().ok().filter(|&b| b > 0)).ok_or(format!(
                    "LISEUSE_PIECE_BYTES={bytes}: say a number of bytes"
                ))?;
                PieceSizes::about(bytes)
            }
            Err(_) => PieceSizes::default(),
        };
        let (head, files) = file.split(sizes);
        bytes = head.to_bytes();
        pieces = files;
    }
    write_index(&bytes, &pieces)?;
    // Nothing is left out silently: every file or line that gave no article,
    // every duplicate and every fix is named, then one summary line.
    for (what, notices) in [
        ("skipped", &report.skipped),
        ("duplicate", &report.duplicates),
        ("warning", &report.warnings),
    ] {
        for notice in notices {
            println!("cargo:warning=liseuse: {what}: {notice}");
        }
    }
    let pieces_line = if pieces.is_empty() {
        String::new()
    } else {
        let total: usize = pieces.iter().map(|(_, b)| b.len()).sum();
        format!(", split: {} pieces of {total} bytes", pieces.len())
    };
    println!(
        "cargo:warning=liseuse: {report} (from {dir}; index {bytes} bytes{pieces_line})",
        dir = dir.display(),
        bytes = bytes.len()
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

/// Writes `index.bin`, the pieces (`pieces/`, emptied first: only this build's
/// are there, with their `manifest.json`) and `index_id.txt`, what names this
/// index in the wasm.
fn write_index(bytes: &[u8], pieces: &[(String, Vec<u8>)]) -> Result<(), String> {
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: run through cargo")?;
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let dir = Path::new(&out_dir).join("pieces");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, piece) in pieces {
        write(&dir.join(name), piece)?;
    }
    if !pieces.is_empty() {
        // What scripts/precache copies and the service worker caches and checks.
        let manifest = liseuse_core::pieces::Manifest::of(pieces).to_json();
        write(
            &dir.join(liseuse_core::pieces::MANIFEST_FILE),
            manifest.as_bytes(),
        )?;
    }
    write(&Path::new(&out_dir).join("index.bin"), bytes)?;
    // Names this index in the wasm, so that scripts/precache copies the
    // pieces of this very build (a build of other features has its own OUT_DIR).
    let id = format!(
        "liseuse-index-{}-{:08x}",
        bytes.len(),
        liseuse_core::pieces::content_hash(bytes)
    );
    write(&Path::new(&out_dir).join("index_id.txt"), id.as_bytes())
}
