//! What building the index of a folder costs: time of each stage, and sizes.
//!
//! ```sh
//! cargo run --release -p liseuse-core --features indexer --example index_folder -- FOLDER
//! ```
//!
//! The same work `build.rs` does for `LISEUSE_ARTICLES=FOLDER`, without the app.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use liseuse_core::import::read_folder;
use liseuse_core::indexer::build_index;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: index_folder FOLDER");
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let (articles, _, report) = match read_folder(&dir) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let read = started.elapsed();
    let text_bytes: usize = articles
        .iter()
        .map(|a| a.title.len() + a.body_text().len())
        .sum();
    let started = Instant::now();
    let file = build_index(articles);
    let indexed = started.elapsed();
    let started = Instant::now();
    let bytes = file.to_bytes();
    let encoded = started.elapsed();
    let articles_only = liseuse_core::IndexFile {
        articles: file.articles.clone(),
        ..Default::default()
    }
    .to_bytes()
    .len();
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&bytes).expect("in memory");
    let gzipped = gzip.finish().expect("in memory").len();
    println!("{report}");
    println!("text of the articles: {text_bytes} bytes");
    println!(
        "index file: {} bytes ({} gzip): articles {} bytes, search index {} bytes ({} terms)",
        bytes.len(),
        gzipped,
        articles_only,
        bytes.len() - articles_only,
        file.index.terms.len()
    );
    println!(
        "time: read and clean {:.1} s, index (elasticlunr-rs + positions) {:.1} s, encode {:.1} s",
        read.as_secs_f64(),
        indexed.as_secs_f64(),
        encoded.as_secs_f64()
    );
    ExitCode::SUCCESS
}
