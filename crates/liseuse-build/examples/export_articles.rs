//! The articles of a folder as liseuse reads them (cleaned, deduplicated), one
//! JSON object a line on stdout: `id`, `title`, `date`, `text`. For building a
//! peer's site over the very same text (`e2e/bench/vs-pagefind.js`).
//!
//! ```sh
//! cargo run --release -p liseuse-build --example export_articles -- FOLDER > articles.jsonl
//! ```

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use liseuse_build::import::read_folder;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: export_articles FOLDER");
        return ExitCode::FAILURE;
    };
    let (articles, _, report) = match read_folder(&folder) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("export_articles: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "export_articles: {} articles from {}",
        articles.len(),
        folder.display()
    );
    let _ = report;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for article in &articles {
        let line = serde_json::json!({
            "id": article.id,
            "title": article.title,
            "date": article.date,
            "text": article.body_text(),
        });
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
