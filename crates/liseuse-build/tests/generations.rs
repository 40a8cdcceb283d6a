//! A split index keeps its postings in generations (the articles added
//! since the one before, apart): ranking is the same however the
//! collection is cut, and a rebuild that adds articles leaves the pieces of
//! the others as they were, so that a returning reader fetches little.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use liseuse_build::import::read_folder;
use liseuse_build::indexer::build_index;
use liseuse_core::format::{generations, settled, PieceSizes, GENERATIONS_ABOVE};
use liseuse_core::pieces::PieceKind;
use liseuse_core::{Article, Block, Filters, IndexFile, Library};

/// Every paragraph of the seeds as an article of its own, a day apart,
/// the oldest first: a dossier of about a hundred articles.
fn dossier() -> Vec<Article> {
    let (seeds, _, _) = read_folder(&common::fixtures("../../../../seeds")).unwrap();
    let blocks = seeds.iter().flat_map(|article| article.blocks.iter());
    let blocks: Vec<&Block> = blocks.filter(|b| b.text.len() > 40).collect();
    (blocks.iter().enumerate())
        .map(|(n, block)| Article {
            id: format!("p{n:03}"),
            title: block
                .text
                .split(['.', ','])
                .next()
                .unwrap_or_default()
                .into(),
            date: Some(format!("2020-{:02}-{:02}", 1 + n / 28, 1 + n % 28)),
            blocks: vec![(*block).clone()],
            ..Article::default()
        })
        .collect()
}

/// `file` split with `sizes`, read as a reader who keeps a copy does (its
/// generations) or, if `whole`, as a first visit does (its whole postings),
/// every piece it reads taken in.
fn loaded(file: IndexFile, sizes: PieceSizes, whole: bool) -> Library {
    let (head, pieces) = file.split(sizes);
    let pieces: BTreeMap<String, Vec<u8>> = pieces.into_iter().collect();
    let library = Library::from_bytes_with(&head.to_bytes(), whole).unwrap();
    // (The name pieces are named once their index is in.)
    for _ in 0..2 {
        for name in library.missing_pieces() {
            library.add_piece(&name, &pieces[&name]).unwrap();
        }
    }
    assert!(library.missing_pieces().is_empty());
    library
}

/// Queries of every kind over the dossier: its titles' words, pairs and
/// prefixes, a phrase, an exclusion, a typo.
fn queries(articles: &[Article]) -> Vec<String> {
    let mut queries: Vec<String> = common::QUERIES.iter().map(|q| q.to_string()).collect();
    for article in articles.iter().step_by(3) {
        let words: Vec<&str> = article.title.split_whitespace().collect();
        queries.extend(words.iter().map(|w| w.to_string()));
        queries.extend(words.windows(2).map(|w| w.join(" ")));
        let prefix = |w: &&str| w.chars().take(4).collect::<String>();
        queries.extend(words.first().map(prefix));
        queries.extend(
            words
                .windows(2)
                .next()
                .map(|w| format!("\"{} {}\"", w[0], w[1])),
        );
    }
    queries.extend(
        [
            "azerbaidjan -armenie",
            "cessez-le-feu",
            "Arméni",
            "Karabakh",
        ]
        .map(String::from),
    );
    queries
}

#[test]
fn ranking_is_the_same_however_the_collection_is_cut_into_generations() {
    let articles = dossier();
    assert!(articles.len() > 40, "{}", articles.len());
    let file = build_index(articles.clone());
    let whole = Library::new(file.clone());
    let count = file.index.doc_count;
    let cuts = [
        // One generation; 1, 2, 4... documents; 3, 9, 27...; 8, 32...
        PieceSizes {
            generation_docs: count + 1,
            ..PieceSizes::about(400)
        },
        PieceSizes::about(400),
        PieceSizes {
            generation_docs: 3,
            generation_growth: 3,
            ..PieceSizes::about(150)
        },
        PieceSizes {
            generation_docs: 8,
            generation_growth: 4,
            generations_above: 0,
            ..PieceSizes::default()
        },
    ];
    let mut cut_counts = BTreeSet::new();
    for sizes in cuts {
        cut_counts.insert(generations(count, sizes).len());
        // As a reader who keeps a copy reads it, and as a first visit does.
        for reads_whole in [false, true] {
            let split = loaded(file.clone(), sizes, reads_whole);
            for query in queries(&articles) {
                let (got, expected) = (split.search(&query, 20), whole.search(&query, 20));
                let cut = generations(count, sizes);
                assert_eq!(got, expected, "{query} in {cut:?}, whole: {reads_whole}");
            }
        }
    }
    assert!(cut_counts.len() >= 3, "cut in as many ways: {cut_counts:?}");
}

#[test]
fn a_first_visit_reads_a_piece_per_run_where_a_kept_copy_reads_one_per_generation() {
    let articles = dossier();
    let file = build_index(articles.clone());
    let sizes = PieceSizes {
        generation_docs: 8,
        generation_growth: 4,
        generations_above: 0,
        ..PieceSizes::about(300)
    };
    let (head, pieces) = file.split(sizes);
    assert!(head.pieces.generations.len() >= 3);
    let pieces: BTreeMap<String, Vec<u8>> = pieces.into_iter().collect();
    let whole_files: BTreeSet<String> = head.pieces.whole_files().into_iter().collect();
    assert!(head.pieces.has_whole());
    // A term and a position piece a run: not what a reader who keeps a
    // copy stores (the manifest).
    assert_eq!(whole_files.len(), 2 * head.pieces.runs.len());
    let manifest = liseuse_core::pieces::Manifest::of(
        &pieces.clone().into_iter().collect::<Vec<_>>(),
        head.index.doc_count,
        &head.pieces.whole_files(),
    );
    assert!(manifest.pieces.iter().all(|f| !whole_files.contains(f)));
    assert_eq!(manifest.pieces.len() + whole_files.len(), pieces.len());
    let term_pieces = |whole: bool, query: &str| {
        let library = Library::from_bytes_with(&head.to_bytes(), whole).unwrap();
        let mut terms = BTreeSet::new();
        for _ in 0..4 {
            for file in library.missing_for_query(query) {
                library.add_piece(&file, &pieces[&file]).unwrap();
                if file.starts_with("terms-") {
                    terms.insert(file);
                }
            }
        }
        assert!(library.missing_for_query(query).is_empty());
        terms
    };
    let (mut fewer, mut queries_seen) = (0, 0);
    for query in queries(&articles) {
        let (first_visit, kept) = (term_pieces(true, &query), term_pieces(false, &query));
        assert!(
            first_visit.is_subset(&whole_files),
            "{query}: {first_visit:?}"
        );
        assert!(kept.is_disjoint(&whole_files), "{query}: {kept:?}");
        assert!(
            first_visit.len() <= kept.len(),
            "{query}: {first_visit:?} {kept:?}"
        );
        fewer += usize::from(first_visit.len() < kept.len());
        queries_seen += usize::from(!kept.is_empty());
    }
    assert!(
        fewer * 2 > queries_seen,
        "{fewer} of {queries_seen} with fewer pieces"
    );
}

#[test]
fn articles_added_within_a_block_leave_the_dictionary_and_old_links_as_they_were() {
    // Past one generation: the dossier again and again, a day apart, in
    // the last block 3 articles before the update and 13 after it, one of
    // which has a word new to the collection.
    let dossier = dossier();
    let count = GENERATIONS_ABOVE as usize + 64 + 13;
    let mut articles: Vec<Article> = (0..count)
        .map(|n| Article {
            id: format!("a{n:05}"),
            date: Some(format!(
                "{}-{:02}-{:02}",
                2000 + n / 336,
                1 + n / 28 % 12,
                1 + n % 28
            )),
            ..dossier[n % dossier.len()].clone()
        })
        .collect();
    // (Each copy with another paragraph after it: articles related more
    // or less, as a collection's are.)
    for (n, article) in articles.iter_mut().enumerate() {
        let other = &dossier[(n / dossier.len() * 7 + n) % dossier.len()].blocks[0];
        article.blocks.push(other.clone());
    }
    articles[count - 1].blocks[0].text.push_str(" Zanzibar.");
    let before_count = count - 10;
    assert_eq!(settled(before_count as u32), settled(count as u32));
    assert!(settled(count as u32) < count as u32);
    let sizes = PieceSizes {
        dictionary_terms: 64,
        ..PieceSizes::default()
    };
    let before = published(articles[..before_count].to_vec(), sizes);
    let file = build_index(articles.clone());
    let after = published(articles, sizes);
    // The numbers of articles of each term the dictionary keeps are the
    // settled articles': only the piece of the new word is new.
    let new = new_pieces(&before, &after);
    let dictionary = after.keys().filter(|n| n.starts_with("dictionary")).count();
    assert!(dictionary > 10, "{dictionary} dictionary pieces");
    assert_eq!(new.get("dictionary").map(|k| k.0), Some(1), "{new:?}");
    // Related articles are weighed by the settled articles: the old ones'
    // links change only where a new article is among their closest (3 of
    // the link pieces here, 37 when every article weighed them).
    let links = after.keys().filter(|n| n.starts_with("links")).count();
    assert!(links > 50, "{links} link pieces");
    assert!(new.get("links").is_some_and(|k| k.0 <= 3), "{new:?}");
    // And a query ranks by the whole count, as one whole index does, read
    // as a first visit reads it or as a kept copy.
    let splits = [false, true].map(|whole| loaded(file.clone(), sizes, whole));
    let whole = Library::new(file);
    let mut queries = queries(&dossier);
    queries.extend(["Zanzibar", "Zanzibar accord", "Zanz"].map(String::from));
    for query in queries {
        for split in &splits {
            assert_eq!(
                split.search(&query, 20),
                whole.search(&query, 20),
                "{query}"
            );
        }
    }
    assert_eq!(whole.search("Zanzibar", 20).total, 1);
}

/// Pieces about as many to an article as a large collection's: a few
/// articles a text piece, a hundred terms a term piece.
fn realistic() -> PieceSizes {
    PieceSizes {
        dictionary_terms: 200,
        term_bytes: 3000,
        text_bytes: 4000,
        title_bytes: 500,
        // (A collection this small is one generation, as published.)
        generations_above: 0,
        ..PieceSizes::default()
    }
}

/// The pieces a site publishes for `articles`, by name, with their sizes.
fn published(articles: Vec<Article>, sizes: PieceSizes) -> BTreeMap<String, usize> {
    let (head, pieces) = build_index(articles).split(sizes);
    // What a reader who keeps a copy stores: not the whole postings.
    let whole = head.pieces.whole_files();
    pieces
        .into_iter()
        .filter(|(name, _)| !whole.contains(name))
        .map(|(name, bytes)| (name, bytes.len()))
        .collect()
}

/// The pieces of `after` that `before` does not have, by kind: count and bytes.
fn new_pieces(
    before: &BTreeMap<String, usize>,
    after: &BTreeMap<String, usize>,
) -> BTreeMap<String, (usize, usize)> {
    let mut kinds: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (name, size) in after.iter().filter(|(name, _)| !before.contains_key(*name)) {
        let entry = kinds
            .entry(name.split('-').next().unwrap().to_string())
            .or_default();
        entry.0 += 1;
        entry.1 += size;
    }
    kinds
}

#[test]
fn articles_added_leave_the_pieces_of_the_others_as_they_were() {
    let mut articles = dossier();
    let sizes = PieceSizes {
        generation_docs: 8,
        generation_growth: 4,
        ..realistic()
    };
    // Three more articles, the newest, within the last generation.
    articles.truncate(articles.len() / 8 * 8 - 2);
    let count = articles.len() as u32;
    let before_count = count - 3;
    let last = |n: u32| *generations(n, sizes).last().unwrap();
    assert_eq!(
        last(before_count),
        last(count),
        "the same generations but the last"
    );
    let before = published(articles[..before_count as usize].to_vec(), sizes);
    let after = published(articles.clone(), sizes);
    let new = new_pieces(&before, &after);
    // The old articles' texts and titles are where they were: only the last
    // pieces, which the new articles join, are new.
    assert!(new["text"].0 <= 2 && new["titles"].0 <= 2, "{new:?}");
    // And the postings of every generation but the last. Their position
    // pieces hold their terms' spellings, the most frequent in the whole
    // collection: a few change with the articles added ("affirme" becomes
    // "affirmé"), the others are as they were.
    let (head, _) = build_index(articles).split(sizes);
    let files = head.pieces.files();
    let older: usize = head
        .pieces
        .generations
        .iter()
        .rev()
        .skip(1)
        .map(|g| g.terms.len())
        .sum();
    assert!(older > 1);
    for name in &files.of(PieceKind::Terms)[..older] {
        assert!(before.contains_key(name), "{name} is new: {new:?}");
    }
    let positions = &files.of(PieceKind::Positions)[..older];
    let kept = positions
        .iter()
        .filter(|name| before.contains_key(*name))
        .count();
    assert!(kept * 2 >= older, "{kept} of {older} kept: {new:?}");
}

#[test]
fn an_article_edited_changes_its_own_pieces_only() {
    let articles = dossier();
    let sizes = PieceSizes {
        generation_docs: 8,
        generation_growth: 4,
        ..realistic()
    };
    let before = published(articles.clone(), sizes);
    let mut edited = articles;
    // The oldest article, the first document: a word added to its text.
    edited[0].blocks[0].text.push_str(" Mise à jour.");
    let new = new_pieces(&before, &published(edited, sizes));
    // Its text piece, what it links to, the postings of its new words and
    // their dictionary piece, no other.
    assert_eq!(new["text"].0, 1, "{new:?}");
    assert!(new["links"].0 <= 1 && new["dictionary"].0 <= 2, "{new:?}");
    assert!(new["terms"].0 <= 2 && new["positions"].0 <= 2, "{new:?}");
    for kind in ["titles", "ids", "names"] {
        assert!(!new.contains_key(kind), "{new:?}");
    }
}

#[test]
fn a_followed_search_finds_the_new_articles_from_their_generations_pieces_only() {
    let articles = dossier();
    let file = build_index(articles.clone());
    let whole = Library::new(file.clone());
    let count = file.index.doc_count;
    let sizes = PieceSizes {
        generation_docs: 8,
        generation_growth: 4,
        generations_above: 0,
        ..PieceSizes::about(300)
    };
    let cuts = generations(count, sizes);
    assert!(cuts.len() >= 3, "{cuts:?}");
    // The new articles: the last generation's, and the last of the one before.
    let from = *cuts.last().unwrap() - 1;
    let new: BTreeSet<String> = (from..count)
        .map(|doc| whole.article_at(doc).id.clone())
        .collect();
    let filters = Filters {
        only_in: Some(std::rc::Rc::new(new)),
        ..Filters::default()
    };
    let (head, pieces) = file.split(sizes);
    let pieces: BTreeMap<String, Vec<u8>> = pieces.into_iter().collect();
    let files = head.pieces.files();
    // Term and position pieces of the generations before the one holding
    // `from`: a followed search never asks for them.
    let ends = (head.pieces.generations.iter().skip(1)).map(|g| g.first_doc);
    let older = ends.take_while(|&end| end <= from).count();
    assert!(older >= 1);
    let older_terms: usize = (head.pieces.generations[..older].iter())
        .map(|g| g.terms.len())
        .sum();
    let never: BTreeSet<&String> = (files.of(PieceKind::Terms)[..older_terms].iter())
        .chain(&files.of(PieceKind::Positions)[..older_terms])
        .collect();
    let mut found = 0;
    for query in queries(&articles) {
        let split = Library::from_bytes(&head.to_bytes()).unwrap();
        for id in filters.only_in.iter().flat_map(|ids| ids.iter()) {
            for file in split.missing_for_ids([id.as_str()]) {
                split.add_piece(&file, &pieces[&file]).unwrap();
            }
        }
        for _ in 0..8 {
            let missing = split.prepare_new(&query, &filters).missing().to_vec();
            for file in &missing {
                assert!(!never.contains(file), "{query}: {file}");
                split.add_piece(file, &pieces[file]).unwrap();
            }
        }
        let prepared = split.prepare_new(&query, &filters);
        assert!(prepared.missing().is_empty(), "{query}");
        let got = split.search_new(&prepared, &filters, 100);
        let expected = whole.search_filtered(&query, &filters, 100);
        let docs = |results: &liseuse_core::Results| {
            results
                .hits
                .iter()
                .map(|hit| hit.doc)
                .collect::<BTreeSet<u32>>()
        };
        assert_eq!(got.total, expected.total, "{query}");
        assert_eq!(docs(&got), docs(&expected), "{query}");
        found += got.total;
    }
    assert!(found > 20, "{found}");
}
