use super::*;
use liseuse_core::article::parse_capture;

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

#[test]
fn every_seed_becomes_an_article_in_file_order() {
    let (file, files, report) = build_dir(&seeds_dir()).unwrap();
    assert_eq!(report.files_read, 5);
    assert_eq!(report.articles, 5);
    assert!(report.skipped.is_empty());
    assert_eq!(files.len(), 5);
    let ids: Vec<&str> = file.articles.iter().map(|a| &a.id[..3]).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
}

#[test]
fn the_same_articles_give_the_same_bytes() {
    let once = build_dir(&seeds_dir()).unwrap().0.to_bytes();
    let twice = build_dir(&seeds_dir()).unwrap().0.to_bytes();
    assert_eq!(once, twice);
}

#[test]
fn postings_hold_counts_and_positions_of_each_field() {
    let article = parse_capture(
        "a",
        "Un titre sur la paix\n\nLa paix, la paix et encore la paix. Fin.",
    )
    .unwrap();
    let file = build_index(vec![article]);
    let index = &file.index;
    let paix = index.terms.iter().position(|t| t == "paix").unwrap();
    let docs: Vec<_> = (index.postings[paix].iter())
        .map(|p| {
            let field = |f| p.positions(f);
            (
                p.doc,
                p.counts.to_vec(),
                field(Field::Title),
                field(Field::Body),
            )
        })
        .collect();
    assert_eq!(docs, [(0, vec![1, 3], vec![4], vec![1, 3, 7])]);
    // Title: "titre", "paix"; body: "paix" x3, "encor", "fin".
    assert_eq!(index.field_lengths, [vec![2], vec![5]]);
    assert!(index.terms.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(index.spellings[paix], "paix");
    assert_eq!(index.analyzer, Analyzer::FRENCH);
}

#[test]
fn spellings_keep_the_most_frequent_form_with_its_accents() {
    let article = parse_capture("a", "Titre\n\nLes réfugiés, des réfugiés, un réfugié.").unwrap();
    let index = build_index(vec![article]).index;
    let refug = index.terms.iter().position(|t| t == "refug").unwrap();
    assert_eq!(index.spellings[refug], "réfugiés");
}

#[test]
fn word_forms_point_into_their_term_postings() {
    let articles = [
        "Les réfugiés arrivent.",
        "Un réfugié, des réfugiés.",
        "Un réfugié.",
    ]
    .map(|text| parse_capture("a", &format!("Titre\n\n{text}")).unwrap());
    let index = build_index(articles.to_vec()).index;
    let docs = |form: &str| {
        let number = index.forms.iter().position(|f| f == form).unwrap();
        let postings = &index.form_postings[number];
        assert_eq!(index.terms[postings.term as usize], "refug");
        postings.indexes().collect::<Vec<_>>()
    };
    assert_eq!(docs("refugies"), [0, 1]);
    assert_eq!(docs("refugie"), [1, 2]);
    // "arrivent" is the only form of its term: its postings say it all.
    assert!(!index.forms.iter().any(|f| f == "arrivent"));
}

#[test]
fn names_are_the_terms_mostly_written_with_a_capital_inside_sentences() {
    let article = parse_capture(
        "a",
        "Titre\n\nHier, Moreau parle. Moreau rit. Le moineau chante. Moineau est un mot.",
    )
    .unwrap();
    let index = build_index(vec![article]).index;
    let name = |term: &str| index.names[index.terms.iter().position(|t| t == term).unwrap()];
    // A capital that opens a sentence says nothing: "Moineau est un mot".
    assert!(name("moreau"));
    assert!(!name("moineau"));
    assert!(!name("hi")); // "Hier", first word
}

#[test]
fn the_plain_analyzer_keeps_accents_and_endings() {
    let article = parse_capture("a", "Titre\n\nLes réfugiés arrivent.").unwrap();
    let index = build_index_with(vec![article], Analyzer::PLAIN).index;
    assert!(index.terms.contains(&"réfugiés".to_string()));
    assert_eq!(index.analyzer, Analyzer::PLAIN);
    // Its terms are the forms: none are stored twice.
    assert!(index.forms.is_empty());
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let err = build_dir(Path::new("/nonexistent/articles")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/articles"));
}

#[test]
fn articles_are_numbered_oldest_first_and_undated_first() {
    let article = |id: &str, date: Option<&str>| Article {
        id: id.into(),
        title: format!("Titre {id}"),
        date: date.map(String::from),
        ..Article::default()
    };
    let file = build_index(vec![
        article("old", Some("2019-03-01")),
        article("undated", None),
        article("new", Some("2021-11-30")),
        article("old-too", Some("2019-03-01")),
    ]);
    let ids: Vec<&str> = file.articles.iter().map(|a| a.id.as_str()).collect();
    // The newest last: an article added to a dossier numbers none anew.
    assert_eq!(ids, ["undated", "old", "old-too", "new"]);
    let library = liseuse_core::Library::new(file);
    // Listed newest first all the same, undated last, ties as given.
    assert_eq!(library.by_date(), [3, 1, 2, 0]);
    assert_eq!(library.search("titre undated", 1).hits[0].doc, 0);
}

/// Many small articles with real text: each paragraph of the seeds, with
/// dates that repeat (ties keep the order given) and some undated.
fn paragraphs() -> Vec<Article> {
    let (seeds, _, _) = crate::import::read_folder(&seeds_dir()).unwrap();
    let dates = [
        Some("2023-09-19"),
        None,
        Some("2023-09-20"),
        Some("2023-09-19"),
    ];
    let mut articles = Vec::new();
    for seed in seeds {
        for block in seed.blocks.iter().filter(|b| b.text.len() > 80) {
            let n = articles.len();
            let words: Vec<&str> = block.text.split_whitespace().take(6).collect();
            articles.push(Article {
                id: format!("p{n}"),
                title: words.join(" "),
                date: dates[n % dates.len()].map(String::from),
                source: seed.source.clone(),
                blocks: vec![block.clone()],
                ..Article::default()
            });
        }
    }
    assert!(articles.len() > 30, "{}", articles.len());
    articles
}

fn options(segment_articles: usize, threads: usize) -> Options {
    Options {
        segment_articles,
        threads,
        // The folder's merges keep text and positions on disk, as a large build's.
        apart_from: 0,
        ..Options::default()
    }
}

#[test]
fn segments_of_any_size_give_the_bytes_of_one_segment() {
    let articles = paragraphs();
    let whole = index_articles(articles.clone(), &options(usize::MAX, 1)).unwrap();
    assert_eq!(slices(articles.clone(), usize::MAX).len(), 1);
    let whole = whole.into_whole().unwrap().to_bytes();
    for (size, threads) in [(1, 2), (3, 1), (4, 2), (10, 2)] {
        let cut = slices(articles.clone(), size);
        assert!(
            cut.len() > articles.len() / (2 * size),
            "{size}: {} slices",
            cut.len()
        );
        let file = index_articles(articles.clone(), &options(size, threads)).unwrap();
        assert!(
            file.into_whole().unwrap().to_bytes() == whole,
            "{size} articles a segment, {threads} threads"
        );
    }
}

#[test]
fn a_slice_ends_where_its_articles_say_so_an_added_article_moves_few_ends() {
    let articles = paragraphs();
    let ids = |slices: Vec<Vec<Article>>| -> Vec<Vec<String>> {
        slices
            .into_iter()
            .map(|s| s.into_iter().map(|a| a.id).collect())
            .collect()
    };
    let before = ids(slices(articles.clone(), 4));
    let mut more = articles.clone();
    more.insert(
        articles.len() / 2,
        Article {
            id: "new".into(),
            title: "Nouveau".into(),
            ..Article::default()
        },
    );
    let after = ids(slices(more, 4));
    let kept = before.iter().filter(|s| after.contains(s)).count();
    assert!(
        kept + 2 >= before.len(),
        "{kept} of {} slices kept",
        before.len()
    );
    assert!(before.iter().all(|s| s.len() <= 8));
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("liseuse-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_rebuild_reuses_the_segments_whose_articles_did_not_change() {
    let dir = scratch("segments");
    let mut articles = paragraphs();
    let options = options(4, 2);
    let (first, reused) = write_segments(articles.clone(), Part::WHOLE, &dir, &options).unwrap();
    assert_eq!(reused, 0);
    // An article added at the end, another one edited in the middle.
    let middle = articles.len() / 2;
    articles[middle].title.push_str(" (corrigé)");
    articles.push(Article {
        id: "new".into(),
        title: "Un nouvel article".into(),
        ..Article::default()
    });
    let (second, reused) = write_segments(articles.clone(), Part::WHOLE, &dir, &options).unwrap();
    assert!(
        reused + 3 >= first.len() && reused < second.len(),
        "{reused} of {}",
        second.len()
    );
    // The segments no longer listed are gone; the folder merges as the articles index.
    let mut on_disk: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    on_disk.retain(|p| p.extension().is_some_and(|e| e == "seg"));
    on_disk.sort();
    let mut listed = second.clone();
    listed.sort();
    assert_eq!(on_disk, listed);
    let merged = finish(merge_folder(&dir, &options).unwrap(), &Progress::quiet());
    // (Its text read back from beside the segments.)
    assert!(merged.texts.path().is_some());
    let merged = merged.into_whole().unwrap();
    assert!(merged.to_bytes() == build_index(articles).to_bytes());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parts_of_a_folder_built_apart_merge_as_the_whole_folder() {
    let folder = scratch("parts-in");
    std::fs::create_dir_all(&folder).unwrap();
    let articles = paragraphs();
    let line = |a: &Article| {
        serde_json::json!({"id": a.id, "title": a.title, "date": a.date, "body": a.body_text()})
            .to_string()
    };
    // Three files; the third repeats an article of the first.
    for (n, chunk) in articles.chunks(articles.len() / 3 + 1).enumerate() {
        let mut text: Vec<String> = chunk.iter().map(line).collect();
        if n == 2 {
            text.push(line(&Article {
                id: "again".into(),
                ..articles[1].clone()
            }));
        }
        std::fs::write(folder.join(format!("{n}.jsonl")), text.join("\n")).unwrap();
    }
    let (whole, _, report) = build_dir(&folder).unwrap();
    assert_eq!(report.duplicates.len(), 1);
    let dir = scratch("parts-out");
    let options = options(5, 1);
    // Part 1 of 2 first: the merge waits for every part.
    for index in [1, 0] {
        let part = Part { index, count: 2 };
        let (articles, _, report) = read_part(&folder, part).unwrap();
        assert!(report.duplicates.is_empty());
        write_segments(articles, part, &dir, &options).unwrap();
        if index == 1 {
            let err = merge_folder(&dir, &options).unwrap_err();
            let unbuilt = matches!(
                err,
                IndexError::PartUnbuilt {
                    part: 0,
                    count: 2,
                    ..
                }
            );
            assert!(unbuilt, "{err}");
            assert!(err.to_string().contains("part 0 of 2 has no list"), "{err}");
        }
    }
    let merged = finish(merge_folder(&dir, &options).unwrap(), &Progress::quiet());
    let merged = merged.into_whole().unwrap();
    assert_eq!(merged.articles.len(), whole.articles.len());
    assert!(!merged.articles.iter().any(|a| a.id == "again"));
    // Spellings and capitals counted without the repeat, as a whole build does.
    assert_eq!(merged.index, whole.index);
    assert!(merged.articles == whole.articles);
    assert!(merged.to_bytes() == whole.to_bytes());
    for dir in [folder, dir] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn every_name_is_found_by_the_key_of_the_name_shown() {
    let file = build_index(paragraphs());
    assert!(file.entities.len() > 5);
    let keys: Vec<String> = (file.entities.iter())
        .map(|e| liseuse_core::model::key(&e.name))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "sorted by it");
    let library = liseuse_core::Library::new(file);
    for key in &keys {
        assert!(library.entity(key).is_some(), "{key}");
    }
}
