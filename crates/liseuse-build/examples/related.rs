//! How related the related articles are, on PIAF: 761 French paragraphs
//! from 191 articles, *with their titles removed*. A paragraph's related
//! ones should be the other paragraphs of its article. Prints, for liseuse
//! and for a plain TF-IDF cosine baseline in the same run, how many of each
//! paragraph's five related come from its own article (mean count, and as a
//! share of what is possible: a paragraph whose article has 3 paragraphs
//! can have 2), and the time each takes.
//!
//! ```sh
//! cargo run --release -p liseuse-build --example related
//! ```
//!
//! Reads `../shared/eval/piaf` beside the checkout (or `PIAF_DIR`).

mod common;

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

use liseuse_build::indexer::build_index;
use liseuse_build::related::{related, NAME_WEIGHT, RELATED};
use liseuse_core::format::SearchIndex;
use liseuse_core::{Article, Block};
use serde::Deserialize;

#[derive(Deserialize)]
struct Paragraph {
    id: String,
    article_id: String,
    body: String,
}

fn main() -> ExitCode {
    let dir = common::piaf_dir();
    let text = match std::fs::read_to_string(dir.join("piaf_paragraphs.jsonl")) {
        Ok(text) => text,
        Err(error) => {
            eprintln!(
                "error: cannot read {}: {error}\n{}",
                dir.join("piaf_paragraphs.jsonl").display(),
                common::PIAF_HINT
            );
            return ExitCode::FAILURE;
        }
    };
    let mut of_article = HashMap::new();
    let mut articles = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let p: Paragraph = match serde_json::from_str(line) {
            Ok(p) => p,
            Err(error) => {
                eprintln!("error: piaf_paragraphs.jsonl line {}: {error}", n + 1);
                return ExitCode::FAILURE;
            }
        };
        of_article.insert(p.id.clone(), p.article_id);
        // No title: only the text says what a paragraph is about.
        articles.push(Article {
            id: p.id,
            blocks: vec![Block::paragraph(p.body)],
            ..Article::default()
        });
    }
    let started = Instant::now();
    let file = build_index(articles);
    let build = started.elapsed();
    let article_of: Vec<&str> = (file.articles.iter())
        .map(|a| of_article[&a.id].as_str())
        .collect();
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for article in &article_of {
        *sizes.entry(article).or_default() += 1;
    }
    println!(
        "PIAF: {} paragraphs of {} articles, titles removed ({})\n",
        article_of.len(),
        sizes.len(),
        dir.display()
    );
    println!(
        "{:<40} {:>16} {:>14} {:>9}",
        "related articles", "own of 5 (mean)", "of possible", "ms"
    );
    let score = |lists: &[Vec<u32>]| {
        let (mut own, mut possible, mut shares) = (0usize, 0.0f64, 0usize);
        for (doc, list) in lists.iter().enumerate() {
            let article = article_of[doc];
            let found = list
                .iter()
                .filter(|&&d| article_of[d as usize] == article)
                .count();
            let can = (sizes[article] - 1).min(RELATED);
            own += found;
            if can > 0 {
                possible += found as f64 / can as f64;
                shares += 1;
            }
        }
        (own as f64 / lists.len() as f64, possible / shares as f64)
    };
    let started = Instant::now();
    let sources = vec![None; file.articles.len()];
    let ours: Vec<Vec<u32>> = (related(&file.index, &sources).into_iter())
        .map(|list| list.into_iter().map(|r| r.doc).collect())
        .collect();
    let ours_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let baseline = tf_idf_cosine(&file.index);
    let baseline_ms = started.elapsed().as_secs_f64() * 1000.0;
    let liseuse = format!("liseuse (BM25F weights, names ×{NAME_WEIGHT})");
    for (name, lists, ms) in [
        (liseuse.as_str(), &ours, ours_ms),
        (
            "baseline: TF-IDF cosine, every term",
            &baseline,
            baseline_ms,
        ),
    ] {
        let (mean, share) = score(lists);
        println!("{name:<40} {mean:>16.3} {:>13.1}% {ms:>9.1}", share * 100.0);
    }
    println!("\n(index build {:.0} ms)", build.as_secs_f64() * 1000.0);
    let (ours_mean, _) = score(&ours);
    let (baseline_mean, _) = score(&baseline);
    if ours_mean <= baseline_mean {
        eprintln!("liseuse does not beat the baseline");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The baseline: raw term counts (all fields) times `ln(N / df)`, every
/// term, exact cosine between every two documents.
fn tf_idf_cosine(index: &SearchIndex) -> Vec<Vec<u32>> {
    let count = index.doc_count as usize;
    let mut vectors: Vec<HashMap<u32, f32>> = vec![HashMap::new(); count];
    for (term, postings) in index.postings.iter().enumerate() {
        let idf = (count as f32 / postings.doc_frequency() as f32).ln();
        for posting in postings.iter() {
            let tf: u32 = posting.counts.iter().sum();
            vectors[posting.doc as usize].insert(term as u32, tf as f32 * idf);
        }
    }
    let norms: Vec<f32> = (vectors.iter())
        .map(|v| v.values().map(|w| w * w).sum::<f32>().sqrt())
        .collect();
    (0..count)
        .map(|doc| {
            let mut ranked: Vec<(u32, f32)> = (0..count)
                .filter(|&other| other != doc)
                .map(|other| {
                    let dot: f32 = (vectors[doc].iter())
                        .filter_map(|(t, w)| Some(w * vectors[other].get(t)?))
                        .sum();
                    let norm = norms[doc] * norms[other];
                    (other as u32, if norm > 0.0 { dot / norm } else { 0.0 })
                })
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.into_iter().take(RELATED).map(|(d, _)| d).collect()
        })
        .collect()
}
