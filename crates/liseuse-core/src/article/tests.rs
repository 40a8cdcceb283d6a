use super::*;

fn seed(name: &str) -> Article {
    let path = format!("{}/../../seeds/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(&path).expect("seed file");
    parse_capture(name, &raw).expect("seed parses")
}

fn first_and_last(article: &Article) -> (&str, &str) {
    let first = article.blocks.first().expect("has blocks");
    let last = article.blocks.last().expect("has blocks");
    (&first.text, &last.text)
}

#[test]
fn seed_000_has_a_title_made_from_its_first_sentence() {
    let a = seed("000_1a8f4e49545b7e53");
    assert_eq!(a.id, "000_1a8f4e49545b7e53");
    assert!(a.title_from_text);
    assert_eq!(
        a.title,
        "Le ministère azerbaïdjanais de la Défense a déclaré que jusqu'à 3 000 soldats…"
    );
    let (first, last) = first_and_last(&a);
    assert!(first.starts_with("Le ministère azerbaïdjanais de la Défense a déclaré que jusqu'à"));
    assert!(first.ends_with("selon l'AFP."));
    assert_eq!(
        last,
        "Entre-temps, les États-Unis et l’Union européenne ont joué ces dernières années un rôle de \
         premier plan dans la négociation d’un accord de paix entre l’Arménie et l’Azerbaïdjan."
    );
    assert_eq!(a.credits, ["Capture d'écran de Dailysabah.com"]);
    let caption = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Caption)
        .unwrap();
    assert!(caption
        .text
        .starts_with("Des soldats azerbaïdjanais et turcs"));
}

#[test]
fn seed_001_keeps_headline_section_byline_and_subheadings() {
    let a = seed("001_a27cac7314b78e34");
    assert_eq!(
        a.title,
        "Le chef de l'OTAN salue la coopération militaire turco-azérie"
    );
    assert!(!a.title_from_text);
    assert_eq!(a.section.as_deref(), Some("actualités"));
    assert_eq!(a.byline.as_deref(), Some("TheArmTimes"));
    let (first, last) = first_and_last(&a);
    assert_eq!(
        first,
        "Le chef de l'OTAN félicite la coopération militaire turco-azerbaïdjanaise"
    );
    assert!(last.starts_with(
        "La coopération militaire turco-azerbaïdjanaise s'est considérablement renforcée"
    ));
    assert!(last.ends_with("créant une dynamique complexe dans la région."));
    let headings: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert!(headings.contains(&"Hasanov remercie l'OTAN pour son soutien"));
    assert!(headings.contains(&"Conclusion"));
}

#[test]
fn seed_002_separates_the_section_from_the_headline() {
    let a = seed("002_2e5b4f0657025a37");
    assert_eq!(
        a.title,
        "Les troupes azerbaïdjanaises tentent d’avancer en Arménie."
    );
    assert_eq!(a.section.as_deref(), Some("High-Tech"));
    let (first, last) = first_and_last(&a);
    assert!(first.starts_with("Des affrontements ont éclaté pendant la nuit"));
    assert!(last.starts_with("Le ministère azerbaïdjanais de la défense a accusé l’Arménie"));
    assert!(last.ends_with("de mortiers de tranchée »."));
}

#[test]
fn seed_003_has_a_title_made_from_its_first_sentence_and_a_caption_credit() {
    let a = seed("003_64199d061bf952c4");
    assert!(a.title_from_text);
    assert_eq!(
        a.title,
        "Le 20 septembre, des unités militaires azerbaïdjanaises ont attaqué des installations…"
    );
    let (first, last) = first_and_last(&a);
    assert!(first.starts_with("Le 20 septembre, des unités militaires azerbaïdjanaises"));
    assert!(last.starts_with("De son côté, le secrétaire d'État Antony Blinken"));
    assert!(last.ends_with("« cesser immédiatement ces actions »."));
    assert_eq!(a.credits, ["Turquie"]);
    assert_eq!(a.blocks[1].kind, BlockKind::Caption);
    assert!(a.blocks[1].text.ends_with("la région du Haut-Karabakh."));
}

#[test]
fn seed_004_drops_the_repeated_headline_and_the_truncated_lead_at_the_end() {
    let a = seed("004_3708a06be9d3ed9d");
    assert_eq!(
        a.title,
        "Bakou assure que Moscou n'a pas de raison d'intervenir"
    );
    assert_eq!(
        a.section.as_deref(),
        Some("Dernières Infos - Nagorny Karabakh")
    );
    assert_eq!(
        a.credits,
        ["AFP / Press Service of the President of Azerbaijan / handout"]
    );
    let (first, last) = first_and_last(&a);
    assert!(first.starts_with("Le président de l'Azerbaïdjan, Ilham Aliev"));
    assert!(first.ends_with("le 1er novembre 2020."));
    assert!(last.starts_with("Le Nagorny Karabakh a fait sécession"));
    assert!(last.ends_with("des centaines de milliers de déplacés."));
    let lead = "Le président azerbaïdjanais a déclaré dimanche n'avoir pas l'intention";
    assert_eq!(
        a.blocks.iter().filter(|b| b.text.starts_with(lead)).count(),
        1
    );
}

#[test]
fn no_seed_keeps_site_chrome() {
    for name in [
        "000_1a8f4e49545b7e53",
        "001_a27cac7314b78e34",
        "002_2e5b4f0657025a37",
        "003_64199d061bf952c4",
        "004_3708a06be9d3ed9d",
    ] {
        let a = seed(name);
        for block in &a.blocks {
            assert!(
                !is_chrome(&block.text),
                "{name}: chrome kept: {}",
                block.text
            );
            for chrome in [
                "Commentaires",
                "Comment (0)",
                "Rechercher",
                "Vous pouvez lire aussi",
                "Lien source",
            ] {
                assert!(
                    !block.text.contains(chrome),
                    "{name}: {chrome:?} kept in {:?}",
                    block.text
                );
            }
        }
    }
}

#[test]
fn recognises_chrome_lines_by_shape() {
    for line in [
        "Choisissez votre langue",
        "Rechercher",
        "Comment (0)",
        "Commentaires (12)",
        "0 Commentaires",
        "1 commentaire",
        "Lien source",
        "Source",
    ] {
        assert!(is_chrome(line), "{line:?} should be chrome");
    }
    for line in [
        "Source : Reuters, qui cite un diplomate.",
        "Commentaire du ministre sur la crise",
        "3 000 soldats",
    ] {
        assert!(!is_chrome(line), "{line:?} is text");
    }
}

#[test]
fn everything_after_read_also_is_dropped() {
    let a = parse_capture(
        "x",
        "Titre court\nUn paragraphe.\nVous pouvez lire aussi...\nUn autre article.",
    )
    .unwrap();
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.blocks[0].text, "Un paragraphe.");
}

#[test]
fn a_capture_with_only_chrome_is_an_error() {
    assert_eq!(
        parse_capture("x", "Rechercher\n\nComment (0)\n"),
        Err(ParseError::NoText)
    );
    assert_eq!(parse_capture("x", ""), Err(ParseError::NoText));
}

#[test]
fn long_first_sentences_are_cut_at_a_word_boundary() {
    let blocks = vec![Block::paragraph("Un ".repeat(60) + "mot.")];
    let title = title_from_text(&blocks);
    assert!(title.chars().count() <= TITLE_FROM_TEXT_CHARS + 1);
    assert!(title.ends_with("Un…"));
}

#[test]
fn reading_time_is_the_words_at_230_a_minute_rounded_up() {
    let article = |words: usize| Article {
        title: "Titre".into(),
        blocks: vec![Block::paragraph("mot ".repeat(words))],
        ..Article::default()
    };
    // The title's word counts too.
    assert_eq!(article(229).reading_minutes(), 1);
    assert_eq!(article(230).reading_minutes(), 2);
    assert_eq!(article(459).reading_minutes(), 2);
    assert_eq!(article(1000).reading_minutes(), 5);
    assert_eq!(Article::default().reading_minutes(), 0);
    // Elided articles and hyphenated names count their parts.
    let elided = Article {
        title: "l’armée Haut-Karabakh".into(),
        ..Article::default()
    };
    assert_eq!(elided.reading_minutes(), 1);
}
