//! Who said what in a folder of articles ([`liseuse_build::quotes`]): how
//! many quotations, how many with a speaker, the most quoted speakers; and
//! the speakers' precision and recall against labels made by hand.
//!
//! ```sh
//! cargo run --release -p liseuse-build --example quotes -- FOLDER
//! # 50 articles with quotations, spread over the folder, for labelling:
//! # one JSON line a quotation, its sentence, and the speaker found; the
//! # labeller writes who speaks in "label" ("" for no one clear).
//! cargo run --release -p liseuse-build --example quotes -- FOLDER --sample 50 > labels.jsonl
//! # The speakers found, scored against the labels:
//! cargo run --release -p liseuse-build --example quotes -- FOLDER --score labels.jsonl
//! # How many quotations the build puts on a name's page, and whose:
//! cargo run --release -p liseuse-build --example quotes -- FOLDER --link
//! ```
//!
//! OrangeSum's text may not be redistributed: keep the labels (which quote
//! it) out of the repository.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;

use liseuse_build::import::read_folder;
use liseuse_build::quotes::in_article;
use liseuse_core::Article;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: quotes FOLDER [--sample N | --score LABELS]");
        return ExitCode::FAILURE;
    };
    let articles = match read_folder(&dir) {
        Ok((articles, _, _)) => articles,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match args.get(1).map(String::as_str) {
        Some("--sample") => sample(
            &articles,
            args.get(2).and_then(|n| n.parse().ok()).unwrap_or(50),
        ),
        Some("--score") => return score(&articles, args.get(2).map(PathBuf::from)),
        Some("--link") => link(articles),
        _ => count(&articles),
    }
    ExitCode::SUCCESS
}

/// How many quotations, with a speaker, and the most quoted speakers.
fn count(articles: &[Article]) {
    let (mut all, mut with) = (0usize, 0usize);
    let mut speakers: HashMap<String, usize> = HashMap::new();
    for article in articles {
        for quotation in in_article(article) {
            all += 1;
            if let Some(speaker) = quotation.speaker {
                with += 1;
                *speakers.entry(speaker).or_default() += 1;
            }
        }
    }
    println!(
        "{} articles: {all} quotations, {with} with a speaker ({:.0} %), {} speakers",
        articles.len(),
        100.0 * with as f64 / all.max(1) as f64,
        speakers.len()
    );
    let mut top: Vec<(String, usize)> = speakers.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (speaker, count) in top.iter().take(20) {
        println!("  {count:5}  {speaker}");
    }
}

/// How many of the speakers found are a name of the collection (its key,
/// [`liseuse_core::model::key`], is a name page's), or the last name of
/// exactly one of the names of the quotation's article.
fn link(articles: Vec<Article>) {
    let file = liseuse_build::indexer::build_index(articles);
    let count = file.articles.len();
    let found: usize = (file.articles.iter())
        .map(|a| in_article(a).iter().filter(|q| q.speaker.is_some()).count())
        .sum();
    // What the build gave the name pages (quotes::speakers).
    let mut quoted: Vec<(usize, &str)> = (file.entities.iter())
        .map(|e| (e.quotes(count).len(), e.name.as_str()))
        .filter(|&(n, _)| n > 0)
        .collect();
    quoted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let on_pages: usize = quoted.iter().map(|&(n, _)| n).sum();
    println!(
        "{found} quotations with a speaker: {on_pages} on a name's page ({:.0} %), {} names with quotations",
        100.0 * on_pages as f64 / found.max(1) as f64,
        quoted.len()
    );
    for (n, name) in quoted.iter().take(10) {
        println!("{n:>7}  {name}");
    }
}

/// The quotations of `n` articles that have some, spread over the folder.
fn sample(articles: &[Article], n: usize) {
    let with: Vec<&Article> = articles
        .iter()
        .filter(|a| !in_article(a).is_empty())
        .collect();
    for k in 0..n.min(with.len()) {
        let article = with[(k * with.len() + with.len() / 2) / n.max(1)];
        for quotation in in_article(article) {
            let line = serde_json::json!({
                "id": article.id,
                "quotation": quotation.text,
                "found": quotation.speaker.unwrap_or_default(),
                "label": null,
            });
            println!("{line}");
        }
    }
}

/// Precision and recall of the speakers found against `labels` (a line
/// each: id, quotation, label; "" for no clear speaker).
fn score(articles: &[Article], labels: Option<PathBuf>) -> ExitCode {
    let Some(text) = labels.and_then(|path| std::fs::read_to_string(path).ok()) else {
        eprintln!("--score needs a file of labels");
        return ExitCode::FAILURE;
    };
    let by_id: BTreeMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let (mut labelled, mut found, mut right, mut quotations) = (0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(entry) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("not JSON: {line}");
            return ExitCode::FAILURE;
        };
        let (Some(id), Some(quoted), Some(label)) = (
            entry["id"].as_str(),
            entry["quotation"].as_str(),
            entry["label"].as_str(),
        ) else {
            eprintln!("a line without its id, quotation or label: {line}");
            return ExitCode::FAILURE;
        };
        quotations += 1;
        let speaker = (by_id.get(id).map(|a| in_article(a)))
            .and_then(|all| all.into_iter().find(|q| q.text == quoted))
            .and_then(|q| q.speaker);
        labelled += usize::from(!label.is_empty());
        if speaker.is_none() && !label.is_empty() && std::env::var_os("MISSED").is_some() {
            eprintln!("missed {label:?}: {quoted}");
        }
        if let Some(speaker) = speaker {
            found += 1;
            if same(&speaker, label) {
                right += 1;
            } else if std::env::var_os("VERBOSE").is_some() {
                eprintln!("wrong: {speaker:?} for {label:?}: {quoted}");
            }
        }
    }
    println!(
        "{quotations} quotations labelled, {labelled} with a speaker; {found} speakers found, {right} right: precision {:.1} %, recall {:.1} %",
        100.0 * right as f64 / found.max(1) as f64,
        100.0 * right as f64 / labelled.max(1) as f64
    );
    ExitCode::SUCCESS
}

/// Whether a speaker found names the one labelled: the same words, or the
/// last name of the label alone ("Stoltenberg" for "Jens Stoltenberg").
fn same(found: &str, label: &str) -> bool {
    found == label || label.ends_with(&format!(" {found}")) || found.ends_with(&format!(" {label}"))
}
