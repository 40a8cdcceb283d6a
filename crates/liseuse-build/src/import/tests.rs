use super::*;
use liseuse_core::article::BlockKind;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection")
}

fn collection() -> (Vec<Article>, ImportReport) {
    let (articles, _, report) = read_folder(&fixtures()).unwrap();
    (articles, report)
}

fn article<'a>(articles: &'a [Article], id: &str) -> &'a Article {
    articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

/// The notices about `file`, as "line: message" strings.
fn about(notices: &[Notice], file: &str) -> Vec<String> {
    notices
        .iter()
        .filter(|n| n.path.ends_with(file))
        .map(|n| {
            format!(
                "{}: {}",
                n.line.map_or("-".into(), |l| l.to_string()),
                n.message
            )
        })
        .collect()
}

#[test]
fn every_build_counts_what_it_read_kept_and_left_out() {
    let (articles, report) = collection();
    assert_eq!(report.files_read, 12);
    assert_eq!(report.files_ignored, 1, "photo.jpg");
    assert_eq!(report.articles, articles.len());
    assert_eq!(articles.len(), 9);
    assert_eq!(
        report.to_string(),
        "9 articles indexed from 12 files; 7 skipped, 4 duplicates left out, 2 warnings, 1 other files ignored"
    );
}

#[test]
fn markdown_front_matter_gives_the_metadata() {
    let (articles, _) = collection();
    let a = article(&articles, "notes/paix");
    assert_eq!(a.title, "Les pourparlers de paix reprennent à Genève");
    assert_eq!(a.date.as_deref(), Some("2023-10-24"));
    assert_eq!(a.source.as_deref(), Some("Le Courrier du Caucase"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/paix"));
    assert_eq!(a.byline.as_deref(), Some("Anna Petrossian"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
    assert_eq!(a.tags, ["diplomatie", "Arménie", "Azerbaïdjan"]);
    assert_eq!(a.year(), Some("2023"));
    // Markdown is read as text: emphasis and links keep their words only.
    assert!(a.blocks.iter().any(|b| b
        .text
        .contains("retrouvées mardi à Genève, sous l'égide de la Suisse,")));
    assert!(a
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Heading && b.text == "Un calendrier serré"));
}

#[test]
fn markdown_without_front_matter_takes_its_first_heading_as_title() {
    let (articles, _) = collection();
    let a = article(&articles, "notes/sans-front-matter");
    assert_eq!(a.title, "Le corridor de Lachin rouvre");
    assert_eq!(a.blocks.len(), 1);
}

#[test]
fn malformed_front_matter_skips_the_file_naming_the_line() {
    let (articles, report) = collection();
    assert!(!articles.iter().any(|a| a.id == "notes/front-matter-casse"));
    let notices = about(&report.skipped, "front-matter-casse.md");
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].starts_with("-: malformed front matter on line 2"),
        "{notices:?}"
    );
}

#[test]
fn an_unreadable_date_is_dropped_with_a_warning_and_the_article_kept() {
    let (articles, report) = collection();
    assert_eq!(article(&articles, "notes/date-illisible").date, None);
    assert_eq!(
        about(&report.warnings, "date-illisible.md"),
        ["-: unreadable date \"la semaine dernière\": dropped"]
    );
}

#[test]
fn saved_pages_keep_the_article_and_drop_the_page_around_it() {
    let (articles, _) = collection();
    let a = article(&articles, "pages/bakou");
    assert_eq!(a.title, "Bakou et Erevan signent un accord");
    assert_eq!(a.date.as_deref(), Some("2024-02-01"));
    assert_eq!(a.source.as_deref(), Some("Le Journal"));
    assert_eq!(a.byline.as_deref(), Some("Marc Dupont"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/bakou-erevan"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Les deux capitales ont signé jeudi un accord de délimitation de la frontière.",
            "La signature, jeudi. Photo AFP",
            "Une frontière longue de mille kilomètres",
            "Le texte fixe le tracé de la frontière au nord.",
            "Premier point de l'accord.",
            "Second point de l'accord.",
        ]
    );
    let all = a.body_text();
    for chrome in [
        "NAV_TEXT",
        "ASIDE_TEXT",
        "FOOTER_TEXT",
        "AD_SCRIPT_TEXT",
        "INLINE_SCRIPT",
        "Partager",
    ] {
        assert!(!all.contains(chrome), "{chrome} kept");
    }
}

#[test]
fn markup_in_a_page_is_text_never_code() {
    let (articles, _) = collection();
    let a = article(&articles, "pages/piege");
    assert!(a.blocks[0].text.contains("<script>alert('xss')</script>"));
    assert!(!a.body_text().contains("onerror") && !a.body_text().contains("javascript:"));
}

#[test]
fn json_lines_give_an_article_per_line_and_skip_bad_lines_by_number() {
    let (articles, report) = collection();
    let a = article(&articles, "archive/101");
    assert_eq!(a.title, "Une ligne valide");
    assert_eq!(a.date.as_deref(), Some("2020-05-03"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Le chapeau de l’article.",
            "Premier paragraphe.",
            "Second paragraphe."
        ]
    );
    assert!(article(&articles, "archive/103").title_from_text);
    let skipped = about(&report.skipped, "archive.jsonl");
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].starts_with("2: not valid JSON"));
    assert_eq!(skipped[1], "5: not a JSON object");
}

#[test]
fn gzipped_json_lines_are_read_too() {
    let (_, report) = collection();
    // archive2.jsonl.gz is archive.jsonl compressed: all its articles are duplicates.
    assert_eq!(about(&report.duplicates, "archive2.jsonl.gz").len(), 3);
    assert_eq!(about(&report.skipped, "archive2.jsonl.gz").len(), 2);
}

#[test]
fn duplicates_are_kept_once_and_listed() {
    let (articles, report) = collection();
    let same_title = articles
        .iter()
        .filter(|a| a.title == "Les pourparlers de paix reprennent à Genève");
    // The Markdown article is kept once; the JSON line with the same title but
    // another text is not a duplicate.
    assert_eq!(same_title.count(), 2);
    assert_eq!(
        about(&report.duplicates, "repetition.md"),
        ["-: same title and text as notes/paix: left out"]
    );
}

#[test]
fn windows_1252_text_is_decoded_with_a_warning() {
    let (articles, report) = collection();
    let a = article(&articles, "latin1");
    assert_eq!(a.title, "Café crème à Erevan");
    assert!(a.blocks[0].text.contains("“guillemets”"));
    assert_eq!(
        about(&report.warnings, "latin1.txt"),
        ["-: is not UTF-8 (invalid byte at offset 3): read as Windows-1252 (Latin-1)"]
    );
}

#[test]
fn empty_and_binary_files_are_skipped_with_the_reason() {
    let (_, report) = collection();
    assert_eq!(about(&report.skipped, "vide.txt"), ["-: is empty"]);
    assert_eq!(
        about(&report.skipped, "image.txt"),
        ["-: looks like a binary file (it contains NUL bytes), not text"]
    );
}

#[test]
fn huge_files_are_skipped_with_their_size() {
    let dir = std::env::temp_dir().join(format!("liseuse-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("enorme.txt"),
        "Un mot. ".repeat(MAX_ARTICLE_BYTES / 8 + 1),
    )
    .unwrap();
    std::fs::write(dir.join("petit.txt"), "Titre\n\nUn texte court.").unwrap();
    let (articles, _, report) = read_folder(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(
        about(&report.skipped, "enorme.txt"),
        ["-: is 4 MiB, more than the 4 MiB an article file may have"]
    );
}

#[test]
fn files_sharing_an_id_get_distinct_ids() {
    let dir = std::env::temp_dir().join(format!("liseuse-ids-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("note.txt"), "Titre un\n\nPremier texte.").unwrap();
    std::fs::write(dir.join("note.md"), "# Titre deux\n\nSecond texte.").unwrap();
    let (articles, _, _) = read_folder(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["note", "note~2"]);
}

#[test]
fn dates_are_read_in_the_usual_forms() {
    let table = [
        ("2023-10-24", Some("2023-10-24")),
        ("2024-02-01T09:30:00+01:00", Some("2024-02-01")),
        ("24/10/2023", Some("2023-10-24")),
        ("1.2.2020", Some("2020-02-01")),
        ("2021", Some("2021-01-01")),
        ("2023-13-01", None),
        ("hier", None),
    ];
    for (text, expected) in table {
        assert_eq!(normalize_date(text).as_deref(), expected, "{text}");
    }
}

#[test]
fn each_article_gets_a_language_from_its_metadata_or_its_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    let (articles, _, _) = read_folder(&dir).unwrap();
    let lang = |id: &str| article(&articles, id).lang.clone();
    assert_eq!(lang("refugees").as_deref(), Some("en"), "detected");
    assert_eq!(
        lang("refugies").as_deref(),
        Some("fr"),
        "from the front matter"
    );
    assert_eq!(lang("note").as_deref(), Some("en"), "en-GB is English");
    // The seeds, without metadata, are detected as French.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (seeds, _, _) = read_folder(&seeds).unwrap();
    assert!(seeds.iter().all(|a| a.lang.as_deref() == Some("fr")));
}

#[test]
fn ids_drop_the_extension_whatever_the_case_and_the_letters() {
    let root = Path::new("/articles");
    // "İ" lower-cases to three bytes where it has two: the cut must use the original.
    assert_eq!(
        file_id(Path::new("/articles/İstanbul.TXT"), root),
        "İstanbul"
    );
    assert_eq!(
        file_id(Path::new("/articles/a/archive.JSONL.gz"), root),
        "a/archive"
    );
    assert_eq!(
        file_id(Path::new("/articles/notes.markdown"), root),
        "notes"
    );
    assert_eq!(format_of(Path::new("photo.jpg")), None);
    assert_eq!(
        format_of(Path::new("txt")),
        None,
        "a bare extension is no file of that format"
    );
}

#[test]
fn a_renamed_duplicate_id_never_takes_the_id_of_a_real_article() {
    let dir = std::env::temp_dir().join(format!("liseuse-ids2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.md"), "# Premier\n\nPremier texte.").unwrap();
    std::fs::write(dir.join("x.txt"), "Deuxième\n\nDeuxième texte.").unwrap();
    // A real article whose id is what the second "x" would have been renamed to.
    std::fs::write(dir.join("x~2.txt"), "Troisième\n\nTroisième texte.").unwrap();
    let (articles, _, _) = read_folder(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let id_of = |title: &str| {
        let article = articles.iter().find(|a| a.title == title).unwrap();
        article.id.clone()
    };
    assert_eq!(id_of("Premier"), "x");
    assert_eq!(id_of("Troisième"), "x~2", "the real article keeps its id");
    assert_eq!(id_of("Deuxième"), "x~3");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_read_once_with_a_warning() {
    let dir = std::env::temp_dir().join(format!("liseuse-loop-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sous")).unwrap();
    std::fs::write(dir.join("sous/a.txt"), "Titre\n\nUn texte.").unwrap();
    // sous/boucle -> .. : the folder contains itself.
    std::os::unix::fs::symlink("..", dir.join("sous/boucle")).unwrap();
    let (articles, _, report) = read_folder(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].path.ends_with("sous/boucle"));
    assert!(report.warnings[0].message.contains("not read twice"));
}

#[test]
fn a_file_read_before_comes_from_the_cache_with_its_notices_and_a_changed_one_is_read_again() {
    let dir = std::env::temp_dir().join(format!("liseuse-cache-{}", std::process::id()));
    let cache = dir.join("cache");
    let folder = dir.join("articles");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("a.jsonl"),
        "{\"id\": \"1\", \"title\": \"Un titre\", \"date\": \"jamais\", \"body\": \"Un texte.\"}\nnot json\n",
    )
    .unwrap();
    std::fs::write(folder.join("b.txt"), b"Titre\n\nCaf\xe9 cr\xe8me.").unwrap();
    let read = |cache: Option<&Path>| read_part_cached(&folder, Part::WHOLE, cache).unwrap();
    let fresh = read(None);
    let first = read(Some(&cache));
    let kept = || {
        let mut names: Vec<String> = (std::fs::read_dir(&cache).unwrap())
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(kept().len(), 2);
    let before = kept();
    // Read again from the cache: the same articles, files and notices
    // (a skipped line, a dropped date, a file that is not UTF-8).
    let second = read(Some(&cache));
    assert_eq!(first, fresh);
    assert_eq!(second, fresh);
    assert_eq!(second.2.skipped.len(), 1);
    assert_eq!(second.2.warnings.len(), 2);
    assert_eq!(kept(), before);
    // What the cache holds is what a second read gives (it is not read again).
    let entry = cache.join(cache_name(&folder.join("a.jsonl"), &folder).unwrap());
    let mut held = Kept::load(&entry).unwrap();
    held.found[0].1.title = "Du cache".into();
    held.save(&entry);
    assert_eq!(read(Some(&cache)).0[0].title, "Du cache");
    held.found[0].1.title = "Un titre".into();
    held.save(&entry);
    // A file changed is read again; what it gave before leaves the cache.
    std::fs::write(folder.join("b.txt"), "Titre\n\nUn autre texte.").unwrap();
    let third = read(Some(&cache));
    assert_eq!(third, read(None));
    assert!(third.0.iter().any(|a| a.body_text() == "Un autre texte."));
    let after = kept();
    assert_eq!(after.len(), 2);
    assert_eq!(after.iter().filter(|n| before.contains(n)).count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
