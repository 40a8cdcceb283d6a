//! What a returning reader fetches again when a dossier grows: the files of
//! the site after a rebuild that the copy they keep offline does not have
//! (every published file is named after its content, so a file kept is a
//! file not fetched), in number and in bytes on the wire.
//!
//! ```sh
//! cargo run --release -p liseuse-build --example refetch -- FOLDER
//! ```
//!
//! Four rebuilds of the folder's articles, each against the same articles
//! before it: the 10 newest added, the newest one added, the newest added
//! from the last block before (the articles of a block settle: what one
//! update in 64 articles added costs), and one article (the oldest)
//! edited, a word of its text changed. The index is split as
//! `build.rs` splits a large one ([`PieceSizes::default`]) and compressed as
//! it is published. The measure of issue 39 ("a dossier that grows").

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use liseuse_build::compress::{gzip, manifest_bytes};
use liseuse_build::import::read_folder;
use liseuse_build::indexer::build_index;
use liseuse_core::article::newest_first;
use liseuse_core::format::{settled, PieceSizes};
use liseuse_core::pieces::{content_hash, index_file, Manifest, MANIFEST_FILE};
use liseuse_core::{Article, Filters, Library};

/// The files a site publishes for `articles`, by name, with their bytes on
/// the wire: the first file, the pieces and their manifest (which keeps its
/// name, and is fetched again when its content changed: it is named here
/// after its content too).
fn published(articles: Vec<Article>) -> BTreeMap<String, usize> {
    let (head, pieces) = build_index(articles).split(PieceSizes::default());
    let count = head.index.doc_count;
    // What a reader who keeps a copy stores: not the whole postings.
    let whole = head.pieces.whole_files();
    let head = head.to_bytes();
    let pieces: Vec<(String, Vec<u8>)> = (pieces.into_iter())
        .filter(|(name, _)| !whole.contains(name))
        .map(|(name, bytes)| (name, gzip(&bytes)))
        .collect();
    let mut files: BTreeMap<String, usize> = (pieces.iter())
        .map(|(name, bytes)| (name.clone(), bytes.len()))
        .collect();
    files.insert(index_file(&head), gzip(&head).len());
    let manifest = manifest_bytes(&Manifest::of(&pieces, count, &whole));
    let name = format!("{MANIFEST_FILE}#{:08x}", content_hash(&manifest));
    files.insert(name, manifest.len());
    files
}

/// Prints what `after` has that `before` does not.
fn compare(case: &str, before: &BTreeMap<String, usize>, after: &BTreeMap<String, usize>) {
    let total: usize = after.values().sum();
    let new: Vec<(&String, &usize)> = (after.iter())
        .filter(|(name, _)| !before.contains_key(*name))
        .collect();
    let bytes: usize = new.iter().map(|(_, size)| **size).sum();
    let mut kinds: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (name, size) in &new {
        let kind = name.split(['-', '.']).next().unwrap_or_default();
        let entry = kinds.entry(kind).or_default();
        entry.0 += 1;
        entry.1 += **size;
    }
    let kinds: Vec<String> = (kinds.iter())
        .map(|(kind, (files, bytes))| format!("{kind} {files} ({:.1} MB)", *bytes as f64 / 1e6))
        .collect();
    println!(
        "| {case} | {} of {} files | {:.2} of {:.2} MB | {:.1} % | {} |",
        new.len(),
        after.len(),
        bytes as f64 / 1e6,
        total as f64 / 1e6,
        100.0 * bytes as f64 / total.max(1) as f64,
        kinds.join(", ")
    );
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: refetch FOLDER");
        return ExitCode::FAILURE;
    };
    let articles = match read_folder(&dir) {
        Ok((articles, _, report)) => {
            eprintln!("{report}");
            articles
        }
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    // The articles oldest first, undated first, equal dates as read: the
    // order they are numbered in, the last added last (the newest, after
    // the others).
    let mut by_date: Vec<usize> = (0..articles.len()).collect();
    by_date
        .sort_by(|&a, &b| newest_first(articles[b].date.as_deref(), articles[a].date.as_deref()));
    let without = |left_out: &[usize]| -> Vec<Article> {
        (articles.iter().enumerate())
            .filter(|(i, _)| !left_out.contains(i))
            .map(|(_, a)| a.clone())
            .collect()
    };
    let all = published(articles.clone());
    println!("| rebuild | files to fetch again | bytes (gzip) | share | by kind |");
    println!("| --- | ---: | ---: | ---: | --- |");
    let newest = |n: usize| &by_date[by_date.len() - n.min(by_date.len().saturating_sub(1))..];
    compare("10 articles added", &published(without(newest(10))), &all);
    compare("1 article added", &published(without(newest(1))), &all);
    // Across the end of a block of the last generation: the articles before
    // it settle, and the dictionary's counts and the related articles are
    // weighed again (once every `GENERATION_DOCS` articles added).
    let count = articles.len() as u32;
    let across = (count - settled(count) + 1 + 10) as usize;
    compare(
        &format!("{across} articles added, a block settled"),
        &published(without(newest(across))),
        &all,
    );
    let mut edited = articles.clone();
    let oldest = *by_date.first().expect("articles");
    if let Some(block) = edited[oldest].blocks.last_mut() {
        block.text.push_str(" Mise à jour.");
    }
    compare("1 article edited", &all, &published(edited));
    let added: Vec<String> = (newest(10).iter())
        .map(|&i| articles[i].id.clone())
        .collect();
    followed(articles, &added);
    ExitCode::SUCCESS
}

/// What a followed search downloads after the update that added `added`:
/// the pieces its count of new results needs ([`Library::prepare_new`]:
/// the dictionary pieces of its words, the term pieces of the generations
/// holding the new articles) beside those of the same search over the
/// whole index ([`Library::prepare`], positions included), for queries made
/// of the new articles' titles' words, each from a fresh reader who has
/// the first file and the new articles' ids.
fn followed(articles: Vec<Article>, added: &[String]) {
    let titles: Vec<String> = (articles.iter())
        .filter(|a| added.contains(&a.id))
        .map(|a| a.title.clone())
        .collect();
    let (head, pieces) = build_index(articles).split(PieceSizes::default());
    let sizes: BTreeMap<String, usize> = (pieces.iter())
        .map(|(name, bytes)| (name.clone(), gzip(bytes).len()))
        .collect();
    let pieces: BTreeMap<String, Vec<u8>> = pieces.into_iter().collect();
    let head = head.to_bytes();
    let filters = Filters {
        only_in: Some(std::rc::Rc::new(added.iter().cloned().collect())),
        ..Filters::default()
    };
    let queries = titles.iter().flat_map(|title| {
        let words: Vec<&str> = title.split_whitespace().filter(|w| w.len() > 3).collect();
        [
            words.first().map(|w| w.to_string()),
            words.get(..2).map(|w| w.join(" ")),
        ]
    });
    let (mut new_bytes, mut whole_bytes, mut found, mut count) = (0, 0, 0, 0);
    for query in queries.flatten() {
        let fetch = |library: &Library, files: &[String]| -> usize {
            let add = |file: &String| library.add_piece(file, &pieces[file]).map(|_| sizes[file]);
            files.iter().filter_map(|file| add(file).ok()).sum()
        };
        let fresh = || {
            let library = Library::from_bytes(&head).expect("the first file");
            let ids = library.missing_for_ids(added.iter().map(String::as_str));
            fetch(&library, &ids);
            library
        };
        let library = fresh();
        for _ in 0..8 {
            new_bytes += fetch(&library, library.prepare_new(&query, &filters).missing());
        }
        let prepared = library.prepare_new(&query, &filters);
        found += library.search_new(&prepared, &filters, 0).total;
        let library = fresh();
        for _ in 0..8 {
            let prepared = library.prepare(&query);
            whole_bytes += fetch(&library, prepared.missing());
            whole_bytes += fetch(&library, prepared.later());
        }
        count += 1;
    }
    println!(
        "\nA followed search after 10 articles added, {count} queries of their titles' words \
         ({found} new results): {:.1} kB a query from the new articles' generations, \
         {:.1} kB over the whole index",
        new_bytes as f64 / count.max(1) as f64 / 1e3,
        whole_bytes as f64 / count.max(1) as f64 / 1e3,
    );
}
