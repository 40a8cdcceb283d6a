//! Relevance and speed of the query engine on PIAF (761 French paragraphs,
//! 3,835 questions, each written on one paragraph).
//!
//! ```sh
//! cargo run --release -p liseuse-build --example piaf
//! ```
//!
//! Reads `../shared/eval/piaf` beside the checkout (or `PIAF_DIR`). Prints
//! MRR@10, Recall@1 and Recall@10 for the French analysis and, in the same run,
//! for the same engine with stemming and accent folding off; then the query
//! latency. Questions are searched as finished queries (as if followed by a
//! space); the "as typed" row lets the last word match as a prefix.
//! `PIAF_SHOW_MISSES=1` lists the questions whose paragraph is not ranked first.

mod common;

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use liseuse_build::indexer::build_index_with;
use liseuse_core::{Analyzer, Article, Block, Library};
use serde::Deserialize;

#[derive(Deserialize)]
struct Paragraph {
    id: String,
    title: String,
    body: String,
}

/// `file` split in pieces and generations of 1, 2, 4… paragraphs, every
/// piece taken in, as a reader who kept it offline has it; and the bytes of
/// its first file.
fn split_library(file: liseuse_core::IndexFile) -> (Library, Vec<u8>) {
    let (head, pieces) = file.split(liseuse_core::format::PieceSizes::about(4000));
    let bytes = head.to_bytes();
    let library = Library::from_bytes(&bytes).expect("index reads back");
    let pieces: HashMap<String, Vec<u8>> = pieces.into_iter().collect();
    loop {
        let missing = library.missing_pieces();
        if missing.is_empty() {
            break;
        }
        for file in missing {
            library
                .add_piece(&file, &pieces[&file])
                .expect("a piece of its own");
        }
    }
    (library, bytes)
}

struct Question {
    text: String,
    answer: String,
}

fn main() -> ExitCode {
    let dir = common::piaf_dir();
    let (articles, questions) = match read(&dir) {
        Ok(data) => data,
        Err(message) => {
            eprintln!(
                "error: cannot read the PIAF data in {}: {message}\n{}",
                dir.display(),
                common::PIAF_HINT
            );
            return ExitCode::FAILURE;
        }
    };
    println!(
        "PIAF: {} paragraphs, {} questions ({})\n",
        articles.len(),
        questions.len(),
        dir.display()
    );
    println!(
        "{:<44} {:>7} {:>6} {:>6} {:>10} {:>9}",
        "configuration", "MRR@10", "R@1", "R@10", "index B", "build ms"
    );
    let mut latencies = Vec::new();
    let mut scores = Vec::new();
    for (name, analyzer, finished, split) in [
        ("liseuse (French analysis)", Analyzer::FRENCH, true, false),
        (
            "liseuse, as typed (last word a prefix)",
            Analyzer::FRENCH,
            false,
            false,
        ),
        (
            "no stemming, no accent folding",
            Analyzer::PLAIN,
            true,
            false,
        ),
        // The same index split in 7 generations (1, 2, 4… paragraphs):
        // ranking must not depend on how the collection is cut.
        (
            "liseuse, split in 7 generations",
            Analyzer::FRENCH,
            true,
            true,
        ),
    ] {
        let started = Instant::now();
        let file = build_index_with(articles.clone(), analyzer);
        let (library, bytes) = if split {
            split_library(file)
        } else {
            let bytes = file.to_bytes();
            (
                Library::from_bytes(&bytes).expect("index reads back"),
                bytes,
            )
        };
        let build = started.elapsed();
        // (From the texts: a split index has its ids in pieces.)
        let ids: Vec<&str> = (0..library.len() as u32)
            .map(|doc| library.text(doc).map_or("", |a| a.id.as_str()))
            .collect();
        let (mut reciprocal, mut at1, mut at10) = (0.0, 0, 0);
        let mut times = Vec::with_capacity(questions.len());
        for question in &questions {
            let query = if finished {
                format!("{} ", question.text)
            } else {
                question.text.clone()
            };
            let started = Instant::now();
            let results = library.search(&query, 10);
            times.push(started.elapsed());
            let rank = results
                .hits
                .iter()
                .position(|h| ids[h.doc as usize] == question.answer);
            if std::env::var_os("PIAF_SHOW_MISSES").is_some()
                && finished
                && analyzer == Analyzer::FRENCH
                && rank != Some(0)
            {
                let top = results
                    .hits
                    .first()
                    .map(|h| ids[h.doc as usize])
                    .unwrap_or("-");
                let art = library
                    .articles()
                    .iter()
                    .find(|a| a.id == question.answer)
                    .unwrap();
                println!(
                    "FAIL rank={rank:?} q={:?} want={} ({}) got={top}",
                    question.text, question.answer, art.title
                );
            }
            if let Some(rank) = rank {
                reciprocal += 1.0 / (rank + 1) as f64;
                at1 += usize::from(rank == 0);
                at10 += 1;
            }
        }
        let n = questions.len() as f64;
        if finished && analyzer == Analyzer::FRENCH {
            scores.push(reciprocal / n);
        }
        println!(
            "{:<44} {:>7.4} {:>6.3} {:>6.3} {:>10} {:>9.0}",
            name,
            reciprocal / n,
            at1 as f64 / n,
            at10 as f64 / n,
            bytes.len(),
            build.as_secs_f64() * 1000.0
        );
        if latencies.is_empty() {
            latencies = times;
        }
    }
    if scores.windows(2).any(|w| w[0] != w[1]) {
        eprintln!("error: the index in generations does not rank as the whole one: {scores:?}");
        return ExitCode::FAILURE;
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "\nquery latency, native, French analysis, {} questions, top 10: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        latencies.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(*latencies.last().unwrap())
    );
    println!("baselines (docs/benchmarks.md): elasticlunr.js 0.649, MiniSearch 0.713, plain BM25 0.757; target 0.82");
    ExitCode::SUCCESS
}

fn read(dir: &std::path::Path) -> Result<(Vec<Article>, Vec<Question>), String> {
    let read =
        |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let mut articles = Vec::new();
    for (n, line) in read("piaf_paragraphs.jsonl")?.lines().enumerate() {
        let p: Paragraph = serde_json::from_str(line)
            .map_err(|e| format!("piaf_paragraphs.jsonl line {}: {e}", n + 1))?;
        articles.push(Article {
            id: p.id,
            title: p.title,
            blocks: vec![Block::paragraph(p.body)],
            ..Article::default()
        });
    }
    let answers: HashMap<String, String> = read("piaf_qrels_paragraph.trec")?
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            Some((fields.first()?.to_string(), fields.get(2)?.to_string()))
        })
        .collect();
    let questions = read("piaf_queries.tsv")?
        .lines()
        .filter_map(|line| {
            let (qid, text) = line.split_once('\t')?;
            Some(Question {
                text: text.to_string(),
                answer: answers.get(qid)?.clone(),
            })
        })
        .collect();
    Ok((articles, questions))
}
