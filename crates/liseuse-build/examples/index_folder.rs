//! What building the index of a folder costs: time of each stage, and sizes.
//!
//! ```sh
//! cargo run --release -p liseuse-build --example index_folder -- FOLDER
//! ```
//!
//! The same work `build.rs` does for `LISEUSE_ARTICLES=FOLDER`, without the app;
//! then the query latency on that index: the titles of one article in 50 as
//! finished queries, their first three words as typed (the last one a prefix),
//! and the PIAF questions when `../shared/eval/piaf` is beside the checkout;
//! and how well a reader finds an article they remember (see [`known_items`]).

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use liseuse_build::import::read_folder;
use liseuse_build::indexer::build_index;
use liseuse_core::Library;

/// What the related articles cost: the time to find them again (they are
/// part of the index build above), the working memory of that step (each
/// document's weighted terms and each term's weighted documents, 16 bytes a
/// posting, and a score table per thread), and their bytes in the articles.
/// Then the names: how many, their bytes, the time to find them, and the 50
/// most named (to count the junk among them).
fn related_cost(file: &liseuse_core::IndexFile, index_seconds: f64) {
    let sources: Vec<Option<&str>> = file.articles.iter().map(|a| a.source.as_deref()).collect();
    let started = Instant::now();
    let related = liseuse_build::related::related(&file.index, &sources);
    let seconds = started.elapsed().as_secs_f64();
    let postings: usize = file.index.postings.iter().map(|p| p.doc_frequency()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory = postings * 16 + file.articles.len() * 8 * threads;
    let bytes: usize = (related.iter())
        .map(|r| postcard::to_allocvec(r).map_or(0, |b| b.len()))
        .sum();
    let same = related.iter().flatten().filter(|r| r.same_story).count();
    println!(
        "related articles: {seconds:.1} s ({:.0} % of the index build), about {:.0} MB of working memory, \
         {bytes} bytes in the articles ({:.1} a piece of text), {same} marked as the same story from another source",
        100.0 * seconds / (index_seconds - seconds).max(1e-9),
        memory as f64 / 1e6,
        bytes as f64 / related.len().max(1) as f64,
    );
    let started = Instant::now();
    let (names, _) = liseuse_build::entities::find(&file.articles);
    let seconds = started.elapsed().as_secs_f64();
    let bytes = postcard::to_allocvec(&file.entities).map_or(0, |b| b.len());
    let in_articles: usize = (file.articles.iter())
        .map(|a| postcard::to_allocvec(&a.names).map_or(0, |b| b.len()))
        .sum();
    let gzip = gzip_len(
        &postcard::to_allocvec(&file.entities).unwrap_or_default(),
        flate2::Compression::best(),
    );
    println!(
        "names: {} kept, {seconds:.1} s to find, {bytes} bytes ({gzip} gzip) in name pieces, \
         {in_articles} bytes of main names in the articles",
        names.len()
    );
    let mut top: Vec<&liseuse_build::entities::Entity> = file.entities.iter().collect();
    top.sort_by(|a, b| b.docs.len().cmp(&a.docs.len()).then(a.name.cmp(&b.name)));
    println!("the 50 names in the most articles:");
    for (rank, entity) in top.iter().take(50).enumerate() {
        println!(
            "  {:>2}. {} ({}, {} articles, {} mentions)",
            rank + 1,
            entity.name,
            entity.kind.label(&liseuse_core::text::FR),
            entity.docs.len(),
            entity.mentions
        );
    }
}

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
    let gzipped = gzip_len(&bytes, flate2::Compression::best());
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
    related_cost(&file, indexed.as_secs_f64());
    if std::env::var_os("ONLY_BUILD").is_some() {
        return ExitCode::SUCCESS; // the build figures only
    }
    let whole = Library::from_bytes(&bytes).expect("index reads back");
    // ONLY_SPLIT: the first file and the pieces' figures, not the engine's timings.
    if std::env::var_os("ONLY_SPLIT").is_none() {
        latency(&whole);
        known_items(&whole);
    }
    pieces(file, &whole);
    ExitCode::SUCCESS
}

fn gzip_len(bytes: &[u8], level: flate2::Compression) -> usize {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), level);
    gzip.write_all(bytes).expect("in memory");
    gzip.finish().expect("in memory").len()
}

/// The index split as `build.rs` splits large ones, each piece compressed as
/// it is published (the same bytes on every host), and what a first search
/// and each keystroke download.
fn pieces(file: liseuse_core::IndexFile, whole: &Library) {
    use liseuse_build::compress::gzip;
    let (head, pieces) = file.split(liseuse_core::format::PieceSizes::default());
    let part = |bytes: Vec<u8>| {
        let gzip = gzip(&bytes).len();
        format!("{} bytes ({gzip} gzip)", bytes.len())
    };
    let articles = liseuse_core::IndexFile {
        articles: head.articles.clone(),
        ..Default::default()
    };
    let articles = part(articles.to_bytes());
    let lengths = part(liseuse_core::format::encode(&head.index.field_lengths));
    let refs = part(liseuse_core::format::encode(&head.pieces));
    let head = head.to_bytes();
    let head_gzip = gzip(&head).len();
    let pieces_by_name: HashMap<&str, &[u8]> = (pieces.iter())
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    // Bytes on the wire of each piece: compressed, as published.
    let sizes: HashMap<&str, usize> = (pieces.iter())
        .map(|(name, bytes)| (name.as_str(), gzip(bytes).len()))
        .collect();
    for kind in kinds() {
        let of_kind: Vec<&(String, Vec<u8>)> = pieces
            .iter()
            .filter(|(name, _)| name.starts_with(kind.as_str()))
            .collect();
        let raw: usize = of_kind.iter().map(|(_, b)| b.len()).sum();
        let gzip: usize = of_kind.iter().map(|(name, _)| sizes[name.as_str()]).sum();
        println!(
            "split: {} {kind}* pieces, {raw} bytes ({gzip} gzip)",
            of_kind.len()
        );
    }
    let ranking: usize = (sizes.iter())
        .filter(|(name, _)| name.starts_with("terms-") || name.starts_with("dictionary-"))
        .map(|(_, size)| size)
        .sum();
    println!(
        "split: ranking index (dictionary and term pieces, no positions) {ranking} bytes gzip"
    );
    println!(
        "split: first file {} bytes ({head_gzip} gzip): articles' dates, sources, languages {articles}; field lengths {lengths}; piece names {refs}",
        head.len()
    );
    let fresh = Library::from_bytes(&head).expect("head reads back");
    let titles: Vec<String> = titles(whole).map(|t| format!("{t} ")).collect();
    let split = Split {
        fresh,
        by_name: pieces_by_name,
        sizes,
    };
    for (name, queries) in [("titles", &titles), ("PIAF questions", &piaf_questions())] {
        if !queries.is_empty() {
            first_search(&split, name, queries);
        }
    }
    typing(&split, &titles);
}

/// The pieces split, and what a reader has before any: the first file.
struct Split<'a> {
    /// The library of the first file alone.
    fresh: Library,
    /// Each piece's bytes, by name.
    by_name: HashMap<&'a str, &'a [u8]>,
    /// Each piece's bytes on the wire (compressed, as published), by name.
    sizes: HashMap<&'a str, usize>,
}

/// The kinds of pieces, as their names begin (`text-`…).
fn kinds() -> [String; liseuse_core::pieces::PieceKind::ALL.len()] {
    liseuse_core::pieces::PieceKind::ALL.map(|kind| format!("{}-", kind.name()))
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

/// Quantile `q` of `sorted`.
fn at(sorted: &[usize], q: f64) -> usize {
    sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)]
}

/// What a first search for each of `queries` downloads, and in how many
/// rounds.
fn first_search(split: &Split, name: &str, queries: &[String]) {
    let (fresh, pieces_by_name, sizes) = (&split.fresh, &split.by_name, &split.sizes);
    let kinds = kinds();
    // Bytes of the pieces a first search needs before its results: the
    // dictionary pieces of its words, their terms' pieces (and the
    // positions of a phrase), then the title pieces of its ten first
    // results; in how many rounds; and what comes once the reader
    // pauses: their text pieces (snippets) and the positions that
    // re-rank them by proximity.
    let mut rounds_needed = Vec::new();
    let mut by_kind: [Vec<usize>; 7] = Default::default();
    let mut later_bytes = Vec::new();
    let mut downloads: Vec<(usize, usize)> = queries
        .iter()
        .map(|query| {
            let reader = fresh.clone();
            let (mut files, rounds) = load_needed(&reader, pieces_by_name, query);
            let hits = reader.search(query, 10).hits;
            files.extend(reader.missing_titles(hits.iter().map(|h| h.doc)));
            rounds_needed.push(rounds + 1);
            for (kind, bytes) in kinds.iter().zip(&mut by_kind) {
                let of_kind = files.iter().filter(|f| f.starts_with(kind.as_str()));
                bytes.push(of_kind.map(|f| sizes[f.as_str()]).sum());
            }
            let mut later = reader.later_for_query(query);
            later.extend(reader.missing_texts(hits.iter().map(|h| h.doc)));
            later_bytes.push(later.iter().map(|f| sizes[f.as_str()]).sum::<usize>());
            let gzip = files.iter().map(|f| sizes[f.as_str()]).sum();
            (gzip, files.len())
        })
        .collect();
    downloads.sort();
    rounds_needed.sort();
    later_bytes.sort();
    let pick = |q: f64| downloads[((downloads.len() as f64 * q) as usize).min(downloads.len() - 1)];
    println!(
        "first search, {name} ({} queries): pieces p50 {:.0} kB gzip ({} files), p95 {:.0} kB ({} files), after the first file; rounds of requests p50 {}, max {}; then, at the pause, the texts and the positions for proximity p50 {:.0} kB, p95 {:.0} kB",
        downloads.len(),
        kb(pick(0.5).0),
        pick(0.5).1,
        kb(pick(0.95).0),
        pick(0.95).1,
        rounds_needed[rounds_needed.len() / 2],
        rounds_needed[rounds_needed.len() - 1],
        kb(at(&later_bytes, 0.5)),
        kb(at(&later_bytes, 0.95)),
    );
    let medians = kinds.iter().zip(&mut by_kind).map(|(kind, bytes)| {
        bytes.sort();
        format!("{kind}* {:.0} kB", kb(bytes[bytes.len() / 2]))
    });
    println!(
        "  of which, at p50 per kind: {}",
        medians.collect::<Vec<_>>().join(", ")
    );
}

/// What typing the first words of each of `titles` downloads.
fn typing(split: &Split, titles: &[String]) {
    // Typing the first three words of a title letter by letter, as a reader
    // does: what each keystroke's search downloads (what the keystrokes
    // before it did not), what all of them download together, and how often
    // a keystroke needs the whole dictionary (a typo, or what looks like
    // one) before the words are complete, with the titles of each
    // keystroke's ten first results. The texts of the last one's and the
    // positions that re-rank by proximity wait for a pause, at the end.
    let (fresh, pieces_by_name, sizes) = (&split.fresh, &split.by_name, &split.sizes);
    let dictionary_files = sizes
        .keys()
        .filter(|f| f.starts_with("dictionary-"))
        .count();
    let mut typed_bytes = Vec::new();
    let mut keystroke_bytes = Vec::new();
    let mut paused_bytes = Vec::new();
    let mut whole_dictionary = 0;
    for title in titles {
        let words: Vec<&str> = title.split_whitespace().take(3).collect();
        let query = words.join(" ");
        let reader = fresh.clone();
        let mut loaded = Vec::new();
        for end in query.char_indices().map(|(at, c)| at + c.len_utf8()) {
            let mut files = load_needed(&reader, pieces_by_name, &query[..end]).0;
            let hits = reader.search(&query[..end], 10).hits;
            let titles = reader.missing_titles(hits.iter().map(|h| h.doc));
            for file in &titles {
                (reader.add_piece(file, pieces_by_name[file.as_str()])).expect("piece reads back");
            }
            files.extend(titles);
            keystroke_bytes.push(files.iter().map(|f| sizes[f.as_str()]).sum::<usize>());
            loaded.extend(files);
        }
        let mut later = reader.later_for_query(&query);
        let hits = reader.search(&query, 10).hits;
        later.extend(reader.missing_texts(hits.iter().map(|h| h.doc)));
        paused_bytes.push(later.iter().map(|f| sizes[f.as_str()]).sum::<usize>());
        let dictionary = loaded.iter().filter(|f| f.starts_with("dictionary-"));
        whole_dictionary += usize::from(dictionary.count() == dictionary_files);
        typed_bytes.push(loaded.iter().map(|f| sizes[f.as_str()]).sum::<usize>());
    }
    for list in [&mut typed_bytes, &mut keystroke_bytes, &mut paused_bytes] {
        list.sort();
    }
    println!(
        "typing the first 3 words of a title ({} titles, {} keystrokes), every keystroke searched: per keystroke p50 {:.1} kB gzip, p95 {:.1} kB, max {:.0} kB; per title p50 {:.0} kB, p95 {:.0} kB; the whole dictionary for {whole_dictionary}; then, at the pause, the texts and the positions for proximity p50 {:.0} kB, p95 {:.0} kB",
        typed_bytes.len(),
        keystroke_bytes.len(),
        kb(at(&keystroke_bytes, 0.5)),
        kb(at(&keystroke_bytes, 0.95)),
        kb(keystroke_bytes[keystroke_bytes.len() - 1]),
        kb(at(&typed_bytes, 0.5)),
        kb(at(&typed_bytes, 0.95)),
        kb(at(&paused_bytes, 0.5)),
        kb(at(&paused_bytes, 0.95)),
    );
}

/// Loads into `reader` what a search for `query` needs before its results,
/// round after round as the app does (the dictionary pieces, then what they
/// say it needs next; not the positions that only refine the ranking): the
/// files, and the number of rounds.
fn load_needed(
    reader: &Library,
    pieces: &HashMap<&str, &[u8]>,
    query: &str,
) -> (Vec<String>, usize) {
    let mut files = Vec::new();
    let mut rounds = 0;
    loop {
        let missing = reader.missing_for_query(query);
        if missing.is_empty() || rounds == 8 {
            return (files, rounds);
        }
        for file in &missing {
            reader
                .add_piece(file, pieces[file.as_str()])
                .expect("piece reads back");
        }
        files.extend(missing);
        rounds += 1;
    }
}

/// The titles of one article in 50, as queries.
fn titles(library: &Library) -> impl Iterator<Item = &str> {
    library
        .articles()
        .iter()
        .step_by(50)
        .map(|a| a.title.as_str())
}

/// The PIAF questions as finished queries; none when `../shared` is not beside the checkout.
fn piaf_questions() -> Vec<String> {
    let piaf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/piaf/piaf_queries.tsv");
    std::fs::read_to_string(piaf)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| Some(format!("{} ", line.split_once('\t')?.1)))
        .collect()
}

fn latency(library: &Library) {
    let finished: Vec<String> = titles(library).map(|t| format!("{t} ")).collect();
    let typed: Vec<String> = titles(library)
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect();
    let questions = piaf_questions();
    for (name, queries) in [
        ("titles, finished", &finished),
        ("titles, first 3 words as typed", &typed),
        ("PIAF questions", &questions),
    ] {
        if queries.is_empty() {
            continue;
        }
        let mut times: Vec<f64> = queries
            .iter()
            .map(|query| {
                let started = Instant::now();
                std::hint::black_box(library.search(query, 50));
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "query latency, native, {name} ({} queries, top 50): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            times.len(),
            at(0.5),
            at(0.95),
            times[times.len() - 1]
        );
    }
}

/// Queries, each with the document number of the article it looks for.
type Queries = Vec<(u32, String)>;

/// How well a reader finds an article they remember, for one article in 50:
/// by its title; by the first three words of its title, as typed; and by four
/// words they remember from one of its sentences (the first four words of five
/// letters or more of its middle sentence that are not stop words), as written,
/// typed without accents or capitals, and so with one typo (two neighbouring
/// letters swapped in the longest word). Prints MRR@10, Recall@1 and
/// Recall@10 of the article; for titles, an article with the same title counts.
/// `SHOW_NOTHING_FOUND=1` lists the queries that found nothing, `SHOW_MISSES=1`
/// those (of remembered words) whose article is not first.
fn known_items(library: &Library) {
    use liseuse_core::analysis::fold;
    let articles = library.articles();
    let sampled: Vec<u32> = (0..articles.len() as u32).step_by(50).collect();
    let remembered = remembered_words(articles, &sampled);
    let as_typed = |words: &[String]| words.iter().map(|w| fold(w)).collect::<Vec<_>>();
    let with_typo = |words: &[String]| {
        let mut words = as_typed(words);
        if let Some(longest) = words.iter_mut().max_by_key(|w| w.chars().count()) {
            let mut letters: Vec<char> = longest.chars().collect();
            let middle = letters.len() / 2;
            if letters.len() >= 5 && letters[middle - 1] != letters[middle] {
                letters.swap(middle - 1, middle);
                *longest = letters.into_iter().collect();
            }
        }
        words
    };
    let title_queries: Queries = sampled
        .iter()
        .map(|&doc| (doc, format!("{} ", articles[doc as usize].title)))
        .collect();
    let typed_titles: Queries = sampled
        .iter()
        .map(|&doc| {
            let title = &articles[doc as usize].title;
            (
                doc,
                title
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    let words_query = |make: &dyn Fn(&[String]) -> Vec<String>| -> Queries {
        remembered
            .iter()
            .map(|(doc, words)| (*doc, format!("{} ", make(words).join(" "))))
            .collect()
    };
    // (name, (article, query) pairs, whether an article with the same title counts)
    let kinds: [(&str, Queries, bool); 5] = [
        ("title", title_queries, true),
        ("first 3 words of the title, as typed", typed_titles, true),
        (
            "4 remembered words, as written",
            words_query(&|w| w.to_vec()),
            false,
        ),
        (
            "4 remembered words, no accents/capitals",
            words_query(&as_typed),
            false,
        ),
        ("the same with one typo", words_query(&with_typo), false),
    ];
    println!("known items (one article in 50):");
    for (name, queries, titles_count) in kinds {
        score(library, name, &queries, titles_count);
    }
}

/// Four words a reader remembers of each of `sampled` that has them: the
/// first four words of five letters or more of its middle sentence that are
/// not stop words.
fn remembered_words(
    articles: &[liseuse_core::Article],
    sampled: &[u32],
) -> Vec<(u32, Vec<String>)> {
    use liseuse_core::analysis::{fold, is_stop_word, words};
    (sampled.iter())
        .filter_map(|&doc| {
            let body = articles[doc as usize].body_text();
            let sentences: Vec<Vec<String>> = body
                .split(['.', '!', '?', '\n'])
                .map(|sentence| {
                    let mut kept: Vec<String> = Vec::new();
                    for word in words(sentence) {
                        let word = &sentence[word.start..word.end];
                        let folded = fold(word);
                        let new = !kept.iter().any(|k| fold(k) == folded);
                        if word.chars().count() >= 5 && !is_stop_word(&folded) && new {
                            kept.push(word.to_string());
                        }
                    }
                    kept.truncate(4);
                    kept
                })
                .filter(|kept| kept.len() == 4)
                .collect();
            let middle = sentences.get(sentences.len() / 2)?;
            Some((doc, middle.clone()))
        })
        .collect()
}

/// Prints how well `queries` find their article (or, when `titles_count`,
/// one with the same title): MRR@10, Recall@1 and @10, and how many found
/// nothing.
fn score(library: &Library, name: &str, queries: &Queries, titles_count: bool) {
    use liseuse_core::analysis::fold;
    let articles = library.articles();
    let same_title = |target: u32| {
        let title = fold(&articles[target as usize].title);
        move |doc: u32| doc == target || fold(&articles[doc as usize].title) == title
    };
    let (mut reciprocal, mut at1, mut at10, mut none) = (0.0, 0, 0, 0);
    for (target, query) in queries {
        let hits = library.search(query, 10).hits;
        none += usize::from(hits.is_empty());
        if hits.is_empty() && std::env::var_os("SHOW_NOTHING_FOUND").is_some() {
            println!("  nothing found for {query:?}");
        }
        let found = same_title(*target);
        let rank = hits.iter().position(|h| {
            if titles_count {
                found(h.doc)
            } else {
                h.doc == *target
            }
        });
        if rank != Some(0) && std::env::var_os("SHOW_MISSES").is_some() && !titles_count {
            let title = |doc: u32| articles[doc as usize].title.as_str();
            let first = hits.first().map_or("-", |h| title(h.doc));
            println!(
                "  miss {rank:?} {query:?}: {:?}, first {first:?}",
                title(*target)
            );
        }
        if let Some(rank) = rank {
            reciprocal += 1.0 / (rank + 1) as f64;
            at1 += usize::from(rank == 0);
            at10 += 1;
        }
    }
    let n = queries.len().max(1) as f64;
    println!(
        "  {name:<40} {:>4} queries: MRR@10 {:.3}, R@1 {:.3}, R@10 {:.3}, nothing found {}",
        queries.len(),
        reciprocal / n,
        at1 as f64 / n,
        at10 as f64 / n,
        none
    );
}
