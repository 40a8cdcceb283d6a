//! A loaded collection ([`Library`]), whole or split in pieces, over the
//! fixtures' collection: lists, filters, searches, and pieces that load in
//! rounds, are checked, and add up to the whole.

use std::collections::HashMap;

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use liseuse_core::format::{self, TextPiece};
use liseuse_core::pieces::{self, PieceKind};
use liseuse_core::{
    load_for_query, order, Analyzer, Article, Filters, FormatError, Library, Order, Page, Results,
};

fn library() -> Library {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
    Library::new(liseuse_build::indexer::build_dir(&dir).unwrap().0)
}

#[test]
fn results_newest_first_are_the_same_results_by_date() {
    let library = library();
    let prepared = library.prepare("accord paix");
    let filters = Filters::default();
    let best = library.search_prepared(&prepared, &filters, Order::Relevance, 100);
    let newest = library.search_prepared(&prepared, &filters, Order::Newest, 100);
    assert!(best.hits.len() > 2, "{best:?}");
    assert_eq!(newest.total, best.total);
    let docs = |results: &Results| {
        let mut docs: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        docs
    };
    assert_eq!(docs(&newest), docs(&best), "the same results");
    // In the order of the list of all articles, newest first, undated last.
    let by_date = library.by_date();
    let place = |doc: u32| by_date.iter().position(|&d| d == doc).unwrap();
    let places: Vec<usize> = newest.hits.iter().map(|h| place(h.doc)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    assert_ne!(
        best.hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
        newest.hits.iter().map(|h| h.doc).collect::<Vec<_>>(),
        "this query's most relevant is not its newest: the test tells the orders apart"
    );
    // The first page of the newest is the newest of all the results.
    let page = library.search_prepared(&prepared, &filters, Order::Newest, 2);
    assert_eq!(page.hits, newest.hits[..2]);
}

#[test]
fn the_collection_lists_newest_first_and_undated_last() {
    let library = library();
    let dates: Vec<Option<&str>> = library
        .by_date()
        .iter()
        .map(|&d| library.article_at(d).date.as_deref())
        .collect();
    assert_eq!(
        &dates[..3],
        [Some("2024-02-01"), Some("2023-10-24"), Some("2020-05-03")]
    );
    assert!(dates[3..].iter().all(Option::is_none));
}

#[test]
fn sources_and_years_are_counted() {
    let library = library();
    assert_eq!(
        library.sources(),
        [
            ("Le Courrier du Caucase".to_string(), 1),
            ("Le Journal".to_string(), 1)
        ]
    );
    assert_eq!(library.years()[0], ("2024".to_string(), 1));
    assert_eq!(library.years().len(), 3);
}

#[test]
fn a_search_can_be_limited_to_a_source_or_a_year() {
    let library = library();
    let all = library.search("accord", 10);
    assert!(all.total >= 2);
    let journal = library.search_where("accord", 10, |a| a.source.as_deref() == Some("Le Journal"));
    assert_eq!(journal.total, 1);
    assert_eq!(library.article_at(journal.hits[0].doc).id, "pages/bakou");
    let in_2023 = library.search_where("accord", 10, |a| a.year() == Some("2023"));
    assert!(in_2023
        .hits
        .iter()
        .all(|h| library.article_at(h.doc).year() == Some("2023")));
}

/// The fixture collection split into many small pieces: its first file,
/// and the pieces by name.
fn split_fixtures() -> (liseuse_core::IndexFile, HashMap<String, Vec<u8>>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
    let file = liseuse_build::indexer::build_dir(&dir).unwrap().0;
    let sizes = format::PieceSizes {
        dictionary_terms: 5,
        term_bytes: 40,
        text_bytes: 200,
        title_bytes: 60,
        ..format::PieceSizes::about(1)
    };
    let (head, mut pieces) = file.split(sizes);
    // Those a reader who keeps a copy reads: not the whole postings
    // (`generations.rs` reads them).
    let whole = head.pieces.whole_files();
    pieces.retain(|(name, _)| !whole.contains(name));
    (head, pieces.into_iter().collect())
}

/// The fixture collection split into many small pieces, loaded, with the pieces by name.
fn split_library() -> (Library, HashMap<String, Vec<u8>>) {
    let (head, pieces) = split_fixtures();
    (Library::from_bytes(&head.to_bytes()).unwrap(), pieces)
}

/// Loads what `query` needs into `split`, round after round as a reader
/// would (the dictionary pieces, then what they say the query needs);
/// returns the number of rounds.
fn load_for(split: &Library, pieces: &HashMap<String, Vec<u8>>, query: &str) -> usize {
    let fetch = |file: &str| pieces.get(file).cloned().ok_or("no such piece");
    let rounds = load_for_query(split, query, fetch).unwrap();
    assert!(rounds.len() <= 4, "{query}: {rounds:?}");
    rounds.len()
}

#[test]
fn a_split_index_searches_as_the_whole_once_the_named_pieces_are_in() {
    let whole = library();
    let (split, pieces) = split_library();
    assert!(pieces.len() > 4, "{} pieces", pieces.len());
    let dictionary = pieces.keys().filter(|f| f.starts_with("dictionary-"));
    assert!(dictionary.count() > 2);
    assert!(split.search("accord", 10).hits.is_empty());
    for query in [
        "accord",
        "Bakou paix",
        "\"la paix\"",
        "accord -bakou",
        "\"les délégations arménienne et azerbaïdjanaise se sont retrouvées\"",
        "karabagh",
        "arm",
        "Bakou",
        "paic",
    ] {
        load_for(&split, &pieces, query);
        assert_eq!(split.search(query, 10), whole.search(query, 10), "{query}");
    }
    // A suggestion shows a spelling, which comes with its term's piece.
    assert_eq!(split.search("paic", 10).suggestion.as_deref(), Some("paix"));
    // Only what the queries needed was loaded.
    assert!(!split.missing_pieces().is_empty());
}

#[test]
fn ranking_reads_no_word_positions_and_proximity_reads_them_later() {
    let whole = library();
    let (split, pieces) = split_library();
    let fetch = |file: &str| pieces.get(file).cloned().ok_or("no such piece");
    let add = |files: &[String]| {
        for file in files {
            split.add_piece(file, &pieces[file]).unwrap();
        }
    };
    // Words: their postings, and no positions, before the results.
    let query = "accord de paix ";
    for _ in 0..4 {
        let missing = split.missing_for_query(query);
        assert!(
            missing.iter().all(|f| !f.starts_with("positions-")),
            "{missing:?}"
        );
        add(&missing);
    }
    let first = split.search(query, 10);
    assert!(first.total > 0);
    // Then the positions, forms and spellings that bring the proximity
    // of the words and the very form typed in: the same articles,
    // ranked as the whole index ranks them.
    let later = split.later_for_query(query);
    assert!(
        !later.is_empty() && later.iter().all(|f| f.starts_with("positions-")),
        "{later:?}"
    );
    add(&later);
    assert!(split.later_for_query(query).is_empty());
    let ranked = split.search(query, 10);
    assert_eq!(ranked, whole.search(query, 10));
    let docs =
        |r: &Results| -> std::collections::BTreeSet<u32> { r.hits.iter().map(|h| h.doc).collect() };
    assert_eq!(docs(&first), docs(&ranked));
    // One word has no proximity to weigh, but its forms and spelling
    // come later too; the loading rounds end with them.
    let (fresh, _) = split_library();
    let rounds = load_for_query(&fresh, "paix ", fetch).unwrap();
    let last = rounds.last().unwrap();
    assert!(
        last.iter().all(|f| f.starts_with("positions-")),
        "{rounds:?}"
    );
    assert!(fresh.later_for_query("paix ").is_empty());
    // A phrase cannot be told without positions: they come before its results.
    let (fresh, _) = split_library();
    let phrase = "\"délégations arménienne et azerbaïdjanaise\"";
    let mut blocking = Vec::new();
    for _ in 0..4 {
        let missing = fresh.missing_for_query(phrase);
        blocking.extend(missing.clone());
        for file in &missing {
            fresh.add_piece(file, &pieces[file]).unwrap();
        }
    }
    assert!(
        blocking.iter().any(|f| f.starts_with("positions-")),
        "{blocking:?}"
    );
    assert_eq!(fresh.search(phrase, 10), whole.search(phrase, 10));
    assert!(fresh.search(phrase, 10).total > 0);
    // Positions that are not those of their postings are refused.
    let (fresh, _) = split_library();
    let terms: Vec<&String> = pieces.keys().filter(|f| f.starts_with("terms-")).collect();
    let file = terms[0];
    let table = || split_fixtures().0;
    let files = table().pieces.files();
    let (_, number) = files.find(file).unwrap();
    // Its position piece: the one of the same number.
    let positions = &files.of(PieceKind::Positions)[number];
    fresh.add_piece(file, &pieces[file]).unwrap();
    let real: format::PositionPiece = format::decode(&pieces[positions]).unwrap();
    // Other terms than the run's, and one position more than counted.
    let other_terms = format::PositionPiece {
        positions: vec![vec![1, 2, 3]; 50],
        ..Default::default()
    };
    let mut miscounted = real.clone();
    let term = (miscounted.positions.iter())
        .position(|p| !p.is_empty())
        .unwrap();
    miscounted.positions[term].push(1);
    // Each named after its bytes in a head that lists it, so that only the
    // check of what it holds can refuse it.
    for wrong in [other_terms, miscounted] {
        let mut head = table();
        let bytes = format::encode(&wrong);
        let mut left = number;
        for generation in &mut head.pieces.generations {
            if let Some(hash) = generation.positions.get_mut(left) {
                *hash = pieces::content_hash(&bytes);
                break;
            }
            left -= generation.positions.len();
        }
        let name = head.pieces.files().of(PieceKind::Positions)[number].clone();
        let forged = Library::new(head);
        forged.add_piece(file, &pieces[file]).unwrap();
        let added = forged.add_piece(&name, &bytes);
        assert!(added.is_err(), "{added:?}");
        assert!(forged.missing_pieces().contains(&name), "not kept");
    }
    // Nothing of them was kept: the real piece is still missing, and taken.
    assert!(fresh.missing_pieces().contains(positions));
    fresh.add_piece(positions, &pieces[positions]).unwrap();
}

#[test]
fn a_word_is_looked_up_in_one_dictionary_piece_and_only_a_typo_reads_them_all() {
    let (split, pieces) = split_library();
    let dictionary = |files: &[String]| -> Vec<String> {
        let files = files.iter().filter(|f| f.starts_with("dictionary-"));
        files.cloned().collect()
    };
    let add = |files: &[String]| {
        for file in files {
            split.add_piece(file, &pieces[file]).unwrap();
        }
    };
    // A known word: the piece where it would be, then its postings.
    let first = split.missing_for_query("accord ");
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(dictionary(&first).len(), 1);
    add(&first);
    let second = split.missing_for_query("accord ");
    assert!(
        !second.is_empty() && dictionary(&second).is_empty(),
        "{second:?}"
    );
    add(&second);
    assert!(split.missing_for_query("accord ").is_empty());
    // A word with a typo: the pieces where it (and the words beginning
    // like it) would be say it is not there; correcting it needs every
    // term, then the postings of its corrections.
    let first = dictionary(&split.missing_for_query("pourpalers "));
    assert!((1..=2).contains(&first.len()), "{first:?}");
    add(&first);
    let second = dictionary(&split.missing_for_query("pourpalers "));
    assert_eq!(
        second,
        dictionary(&split.missing_pieces()),
        "all the others"
    );
    assert!(!second.is_empty());
    add(&second);
    let third = split.missing_for_query("pourpalers ");
    assert!(
        !third.is_empty() && dictionary(&third).is_empty(),
        "{third:?}"
    );
    add(&third);
    let found = split.search("pourpalers ", 10);
    assert_eq!(found, library().search("pourpalers ", 10));
    assert!(found.terms.contains("pourparler"), "{found:?}");
}

#[test]
fn a_query_prepared_once_answers_as_the_query_read_each_time() {
    let (split, pieces) = split_library();
    let filters = Filters::default();
    for query in common::QUERIES {
        // Before the pieces: the same files named, and the same (empty) answer.
        let prepared = split.prepare(query);
        assert_eq!(
            prepared.missing(),
            split.missing_for_query(query),
            "{query}"
        );
        assert_eq!(
            prepared.missing_dictionary(),
            split.missing_for_terms(query)
        );
        load_for(&split, &pieces, query);
        let prepared = split.prepare(query);
        assert!(prepared.missing().is_empty());
        assert_eq!(
            split.search_prepared(&prepared, &filters, Order::Relevance, 10),
            split.search(query, 10)
        );
        assert_eq!(
            split.prepared_terms(&prepared),
            split.terms(query),
            "{query}"
        );
    }
    let whole = library();
    let journal = Filters {
        source: Some("Le Journal".into()),
        ..Filters::default()
    };
    let prepared = whole.prepare("accord");
    assert!(prepared.missing().is_empty());
    assert_eq!(
        whole.search_prepared(&prepared, &journal, Order::Relevance, 10),
        whole.search_filtered("accord", &journal, 10)
    );
}

#[test]
fn a_split_index_without_terms_answers_any_query_with_nothing() {
    // Articles of stop words only: text pieces, but no dictionary piece.
    let article = Article {
        id: "vide".into(),
        title: "Le la les".into(),
        ..Article::default()
    };
    let file = liseuse_build::indexer::build_index_with(vec![article], Analyzer::FRENCH);
    let (head, _) = file.split(format::PieceSizes::about(100));
    assert!(head.is_split() && head.pieces.dictionary.is_empty());
    let split = Library::from_bytes(&head.to_bytes()).unwrap();
    for query in ["ab", "abc ", "\"un mot\"", "-mot", "motz "] {
        assert!(split.missing_for_query(query).is_empty(), "{query}");
        assert_eq!(split.search(query, 10).total, 0, "{query}");
    }
}

#[test]
fn a_split_index_ranks_every_word_and_title_as_the_whole_does() {
    // Word forms weigh in ranking (an article with the very form typed
    // first); with a split index they come with their term's piece.
    let whole = library();
    let (split, pieces) = split_library();
    let mut queries = Vec::new();
    for article in whole.articles() {
        queries.push(format!("{} ", article.title));
        let text = article.blocks.iter().map(|b| b.text.as_str());
        let words = text.flat_map(str::split_whitespace).take(40);
        queries.extend(words.map(|w| format!("{w} ")));
    }
    for query in &queries {
        load_for(&split, &pieces, query);
        assert_eq!(split.search(query, 10), whole.search(query, 10), "{query}");
    }
}

#[test]
fn every_id_is_known_once_the_id_pieces_are_in_and_new_only_filters_by_them() {
    let whole = library();
    let (split, pieces) = split_library();
    let mut all = whole.all_ids().unwrap();
    all.sort_unstable();
    assert_eq!(all.len(), whole.len());
    assert!(whole.missing_ids().is_empty());
    let missing = split.missing_ids();
    assert!(!missing.is_empty());
    assert_eq!(split.all_ids(), None);
    for file in &missing {
        split.add_piece(file, &pieces[file]).unwrap();
    }
    assert!(split.missing_ids().is_empty());
    let mut ids = split.all_ids().unwrap();
    ids.sort_unstable();
    assert_eq!(ids, all);
    // Only these ids, as "Nouveaux seulement" keeps them.
    let only = Filters {
        only_in: Some(std::rc::Rc::new(order::set(
            all[..2].iter().map(|id| id.to_string()),
        ))),
        ..Filters::default()
    };
    let page = whole.browse(&only, 10);
    assert_eq!(page.total, 2);
    let mut kept: Vec<&str> = page
        .shown
        .iter()
        .map(|&d| whole.article_at(d).id.as_str())
        .collect();
    kept.sort_unstable();
    assert_eq!(kept, all[..2]);
}

#[test]
fn a_split_index_has_dates_and_sources_first_and_the_article_once_its_piece_is_in() {
    let whole = library();
    let (split, pieces) = split_library();
    assert_eq!(split.len(), whole.len());
    assert_eq!(split.by_date(), whole.by_date());
    assert_eq!(split.sources(), whole.sources());
    // Ids come in their own pieces, which a search does not need.
    assert_eq!(split.doc_of("pages/bakou"), None);
    assert_eq!(split.article("pages/bakou"), None);
    assert!(!split.lacks("pages/bakou"));
    let ids = split.missing_for_ids(["pages/bakou"]);
    assert_eq!(ids.len(), 1);
    split.add_piece(&ids[0], &pieces[&ids[0]]).unwrap();
    assert!(split.missing_for_ids(["pages/bakou"]).is_empty());
    let doc = split.doc_of("pages/bakou").unwrap();
    assert_eq!(Some(doc), whole.doc_of("pages/bakou"));
    assert_eq!(split.article("pages/bakou"), Some(split.article_at(doc)));
    assert_eq!(split.article_at(doc).date, whole.article_at(doc).date);
    assert_eq!(split.article_at(doc).title, "");
    assert!(split.article_at(doc).blocks.is_empty());
    assert!(!split.has_text(doc));
    let missing = split.missing_texts([doc]);
    assert_eq!(missing.len(), 1);
    split.add_piece(&missing[0], &pieces[&missing[0]]).unwrap();
    assert!(split.has_text(doc));
    assert_eq!(split.article_at(doc), &without_links(whole.article_at(doc)));
    assert!(split.missing_texts([doc]).is_empty());
    // What it links to comes in a piece of its own, which its text does not
    // drag along: a rebuild that adds articles changes it, not the text.
    assert!(split.related(doc).is_empty() && split.names_of(doc).is_empty());
    let links = split.missing_links([doc]);
    assert_eq!(links.len(), 1);
    split.add_piece(&links[0], &pieces[&links[0]]).unwrap();
    assert!(!whole.related(doc).is_empty() && !whole.names_of(doc).is_empty());
    assert_eq!(split.related(doc), whole.related(doc));
    assert_eq!(split.names_of(doc), whole.names_of(doc));
}

/// `article` without its related articles and names, as its text piece has it.
fn without_links(article: &liseuse_core::Article) -> liseuse_core::Article {
    liseuse_core::Article {
        related: Vec::new(),
        names: Vec::new(),
        ..article.clone()
    }
}

#[test]
fn a_list_has_its_titles_from_their_pieces_before_the_texts() {
    let whole = library();
    let (split, pieces) = split_library();
    let docs: Vec<u32> = (0..whole.len() as u32).collect();
    assert!(docs.iter().all(|&doc| split.listed(doc).is_none()));
    let titles = split.missing_titles(docs.iter().copied());
    assert!(
        titles.len() > 1,
        "{titles:?}: the test needs several pieces"
    );
    assert!(titles.iter().all(|f| f.starts_with("titles-")));
    let bytes: usize = titles.iter().map(|f| pieces[f].len()).sum();
    let texts: usize = (split.missing_texts(docs.iter().copied()).iter())
        .map(|f| pieces[f].len())
        .sum();
    assert!(bytes * 3 < texts, "titles {bytes} bytes, texts {texts}");
    for file in &titles {
        split.add_piece(file, &pieces[file]).unwrap();
    }
    assert!(split.missing_titles(docs.iter().copied()).is_empty());
    for &doc in &docs {
        let article = whole.article_at(doc);
        let listed = split.listed(doc).unwrap();
        assert_eq!(listed.id, article.id);
        assert_eq!(listed.title, article.title);
        assert_eq!(listed.section, article.section.as_deref());
        assert_eq!(whole.listed(doc), Some(listed));
        assert!(!split.has_text(doc));
    }
    // A text here has the title: no title piece is needed for it.
    let (fresh, _) = split_library();
    let text = fresh.missing_texts([0]).remove(0);
    fresh.add_piece(&text, &pieces[&text]).unwrap();
    assert!(fresh.missing_titles([0]).is_empty());
    assert_eq!(fresh.listed(0).unwrap().title, whole.article_at(0).title);
    // A title piece under another's name is refused.
    let (fresh, _) = split_library();
    assert!(fresh.add_piece(&titles[0], &pieces[&titles[1]]).is_err());
    assert!(fresh.listed(0).is_none());
    // So is one of other articles than its run's, even named after its bytes.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
    let (mut head, _) = liseuse_build::indexer::build_dir(&dir)
        .unwrap()
        .0
        .split(format::PieceSizes::about(60));
    let mut short: TextPiece = format::decode(&pieces[&titles[0]]).unwrap();
    short.articles.pop();
    let bytes = format::encode(&short);
    head.pieces.titles[0].hash = pieces::content_hash(&bytes);
    let forged = Library::new(head);
    let name = PieceKind::Titles.file(0, pieces::content_hash(&bytes));
    let error = forged.add_piece(&name, &bytes).unwrap_err();
    assert!(
        matches!(
            &error,
            FormatError::Damaged {
                damage: format::Damage::OtherItems,
                ..
            }
        ),
        "{error}"
    );
    assert!(forged.listed(0).is_none());
}

#[test]
fn every_piece_loaded_gives_the_whole_collection() {
    let whole = library();
    let (split, pieces) = split_library();
    // Two rounds: the name index names the name pieces.
    for _ in 0..2 {
        for file in split.missing_pieces() {
            split.add_piece(&file, &pieces[&file]).unwrap();
        }
    }
    assert!(split.missing_pieces().is_empty());
    for doc in 0..whole.len() as u32 {
        assert_eq!(split.article_at(doc), &without_links(whole.article_at(doc)));
        assert_eq!(split.related(doc), whole.related(doc));
        assert_eq!(split.names_of(doc), whole.names_of(doc));
        let id = &whole.article_at(doc).id;
        assert_eq!(split.doc_of(id), Some(doc));
    }
    assert!(split.lacks("no/such/article"));
}

#[test]
fn a_wrong_or_damaged_piece_is_refused_and_changes_nothing() {
    let (split, pieces) = split_library();
    let text = split.missing_texts([0]).remove(0);
    assert!(split.add_piece("terms-9999-00000000.bin", b"x").is_err());
    assert!(split.add_piece(&text, b"LISEUSE\0garbage").is_err());
    // A piece under another piece's name.
    let other = pieces
        .keys()
        .find(|f| f.starts_with("text-") && **f != text)
        .unwrap();
    assert!(split.add_piece(&text, &pieces[other]).is_err());
    assert!(!split.has_text(0));
    split.add_piece(&text, &pieces[&text]).unwrap();
    assert!(split.has_text(0));
    // A dictionary piece under another one's name: its words stay unknown.
    let mut dictionary: Vec<&String> = (pieces.keys())
        .filter(|f| f.starts_with("dictionary-"))
        .collect();
    dictionary.sort();
    let error = split.add_piece(dictionary[1], &pieces[dictionary[2]]);
    assert_eq!(
        error.unwrap_err(),
        FormatError::Mismatch {
            file: dictionary[1].clone()
        }
    );
    assert!(split.missing_pieces().contains(dictionary[1]));
}

#[test]
fn pieces_are_named_after_their_content_and_the_same_every_time() {
    let (_, first) = split_library();
    let (_, second) = split_library();
    assert_eq!(first, second);
    for name in first.keys() {
        let (stem, hash) = name.trim_end_matches(".bin").rsplit_once('-').unwrap();
        let kind = stem.split('-').next().unwrap();
        assert!(PieceKind::ALL.iter().any(|k| k.name() == kind), "{name}");
        assert_eq!(hash.len(), 8, "{name}");
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
    }
}

#[test]
fn browsing_shows_a_page_of_the_kept_articles_newest_first() {
    let library = library();
    let all = library.browse(&Filters::default(), 3);
    assert_eq!(all.shown, library.by_date()[..3]);
    assert_eq!((all.total, all.left()), (library.len(), library.len() - 3));
    let journal = Filters {
        source: Some("Le Journal".into()),
        ..Filters::default()
    };
    let page = library.browse(&journal, 10);
    assert_eq!(page.total, 1);
    assert_eq!(library.article_at(page.shown[0]).id, "pages/bakou");
    assert_eq!(page.left(), 0);
    let nowhere = Filters {
        source: Some("Le Journal".into()),
        year: Some("1999".into()),
        ..Filters::default()
    };
    assert_eq!(library.browse(&nowhere, 10), Page::default());
}

#[test]
fn the_collection_by_month_newest_first_and_its_unread_part() {
    let library = library();
    let months = library.months(&Filters::default());
    assert!(months.windows(2).all(|w| w[0].0 > w[1].0), "{months:?}");
    let dated = library
        .articles()
        .iter()
        .filter(|a| a.date.is_some())
        .count();
    assert_eq!(months.iter().map(|(_, n)| n).sum::<usize>(), dated);
    let (month, count) = months[0].clone();
    let page = library.browse(
        &Filters {
            month: Some(month.clone()),
            ..Filters::default()
        },
        100,
    );
    assert_eq!(page.total, count);
    assert!(page
        .shown
        .iter()
        .all(|&d| library.article_at(d).month() == Some(month.as_str())));
    let read: BTreeSet<String> = page
        .shown
        .iter()
        .map(|&d| library.article_at(d).id.clone())
        .collect();
    let unread = Filters {
        not_in: Some(Rc::new(read.clone())),
        ..Filters::default()
    };
    let left = library.browse(&unread, 100);
    assert_eq!(left.total, library.len() - read.len());
    assert!(left
        .shown
        .iter()
        .all(|&d| !read.contains(&library.article_at(d).id)));
    let found = library.search_filtered("accord", &unread, 100);
    assert!(found
        .hits
        .iter()
        .all(|h| !read.contains(&library.article_at(h.doc).id)));
}

#[test]
fn a_filtered_search_keeps_only_what_the_filters_keep() {
    let library = library();
    let in_2023 = Filters {
        year: Some("2023".into()),
        ..Filters::default()
    };
    let results = library.search_filtered("accord", &in_2023, 10);
    assert!(results.total >= 1);
    for hit in &results.hits {
        assert_eq!(library.article_at(hit.doc).year(), Some("2023"));
    }
    let none = Filters::default();
    assert_eq!(
        library.search_filtered("accord", &none, 10),
        library.search("accord", 10)
    );
}
