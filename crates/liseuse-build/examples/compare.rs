//! "Comparer" on real pairs: OrangeSum lists its near-duplicate articles
//! (`list_of_duplicates.txt`: the same story published twice, often
//! retouched). For each listed pair, [`liseuse_core::compare::compare`]
//! aligns the two; this prints how long it takes (the mean, the slowest),
//! how the sentences fall (the same, reworded, moved, one side's own), and
//! the slowest case there is: the longest article against itself.
//!
//! ```sh
//! cargo run --release -p liseuse-build --example compare -- /tmp/orangesum \
//!   ../shared/corpora/orangesum/list_of_duplicates.txt
//! ```
//!
//! The comparison runs in the browser when a reader opens it; this measures
//! it natively, on one core.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use liseuse_build::import::read_folder;
use liseuse_core::compare::{compare, Kind};
use liseuse_core::Article;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [folder, list] = args.as_slice() else {
        eprintln!("usage: compare FOLDER LIST_OF_DUPLICATES");
        return ExitCode::FAILURE;
    };
    let Ok(list) = std::fs::read_to_string(list) else {
        eprintln!("cannot read {}", list.display());
        return ExitCode::FAILURE;
    };
    let articles = match read_folder(folder) {
        Ok((articles, _, _)) => articles,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    // OrangeSum's ids are `<file>/<n>`; the list names `<n>.json`.
    let by_number: HashMap<&str, &Article> = (articles.iter())
        .filter_map(|a| Some((a.id.rsplit('/').next()?, a)))
        .collect();
    let pairs: Vec<(&Article, &Article)> = (list.lines())
        .filter_map(|line| {
            let mut names = line.split(',').map(|n| n.trim().trim_end_matches(".json"));
            Some((
                *by_number.get(names.next()?)?,
                *by_number.get(names.next()?)?,
            ))
        })
        .collect();
    let mut counts = [0usize; 5];
    let (mut total, mut slowest) = (Duration::ZERO, (Duration::ZERO, 0usize));
    for (a, b) in &pairs {
        let start = Instant::now();
        let comparison = compare(a, b);
        let took = start.elapsed();
        total += took;
        if took > slowest.0 {
            slowest = (took, comparison.rows.len());
        }
        for (k, kind) in [
            Kind::Same,
            Kind::Reworded,
            Kind::Moved,
            Kind::First,
            Kind::Second,
        ]
        .into_iter()
        .enumerate()
        {
            counts[k] += comparison.count(kind);
        }
    }
    let rows: usize = counts.iter().sum();
    let share = |n: usize| 100.0 * n as f64 / rows.max(1) as f64;
    println!(
        "{} pairs compared: {:.2} ms each on average, the slowest {:.2} ms ({} rows)",
        pairs.len(),
        total.as_secs_f64() * 1000.0 / pairs.len().max(1) as f64,
        slowest.0.as_secs_f64() * 1000.0,
        slowest.1
    );
    println!(
        "rows: {:.1} % the same, {:.1} % reworded, {:.1} % moved, {:.1} % the first's own, {:.1} % the second's own",
        share(counts[0]),
        share(counts[1]),
        share(counts[2]),
        share(counts[3]),
        share(counts[4])
    );
    let sentences = |a: &Article| -> usize {
        (a.blocks.iter())
            .map(|b| liseuse_core::sentences::sentences(&b.text).len())
            .sum()
    };
    if let Some(longest) = articles.iter().max_by_key(|a| sentences(a)) {
        let start = Instant::now();
        let comparison = compare(longest, longest);
        println!(
            "the longest article ({} sentences) against itself: {:.2} ms, {} rows",
            sentences(longest),
            start.elapsed().as_secs_f64() * 1000.0,
            comparison.rows.len()
        );
    }
    ExitCode::SUCCESS
}
