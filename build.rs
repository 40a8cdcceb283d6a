//! Builds the search index of the articles at compile time, into `OUT_DIR/index.bin`.
//!
//! The articles come from `seeds/`, or from the folder named by the
//! `LISEUSE_ARTICLES` environment variable. All the work is in the core crate.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    println!("cargo:rerun-if-changed=build.rs");
    let dir = articles_dir();
    let (file, inputs, report) = build_dir(&dir).map_err(|e| e.to_string())?;
    // Any change in the folder (a file added, edited or removed) rebuilds the index.
    watch(&dir, &inputs);
    let bytes = file.to_bytes();
    write_index(&bytes)?;
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
    println!(
        "cargo:warning=liseuse: {report} (from {dir}; index {bytes} bytes)",
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

fn write_index(bytes: &[u8]) -> Result<(), String> {
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: run through cargo")?;
    let path = Path::new(&out_dir).join("index.bin");
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
