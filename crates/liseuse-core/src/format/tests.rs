use super::*;
use crate::article::Block;

fn sample() -> IndexFile {
    IndexFile {
        index: SearchIndex {
            doc_count: 2,
            field_lengths: [vec![3, 4], vec![120, 80]],
            terms: vec!["arme".into(), "paix".into()],
            postings: vec![
                Postings::from_docs([
                    (0, &[vec![1], vec![4, 9]]),
                    (1, &[vec![], vec![0, 1, 2, 3, 7]]),
                ]),
                Postings::from_docs([(1, &[vec![2], vec![]])]),
            ],
            spellings: vec!["armée".into(), "paix".into()],
            names: vec![false, false],
            forms: vec!["armee".into(), "armees".into()],
            form_postings: vec![FormPostings::new(0, [0]), FormPostings::new(0, [0, 1])],
            ..SearchIndex::default()
        },
        articles: vec![
            Article {
                id: "a".into(),
                title: "Titre".into(),
                byline: Some("Par Untel".into()),
                date: Some("2020-10-12".into()),
                source: Some("Le Journal".into()),
                lang: Some("fr".into()),
                blocks: vec![Block::paragraph("Texte.")],
                ..Article::default()
            },
            Article {
                id: "b".into(),
                title: "Second".into(),
                blocks: vec![Block::paragraph("La paix.")],
                ..Article::default()
            },
        ],
        pieces: Pieces::default(),
        entities: Vec::new(),
    }
}

#[test]
fn a_file_whose_parts_disagree_is_refused_not_read() {
    let mut one_article_short = sample();
    one_article_short.articles.pop();
    let mut beyond_the_documents = sample();
    beyond_the_documents.index.postings[1].doc_gaps[0] = 2;
    let mut positions_missing = sample();
    positions_missing.index.postings[0].positions.pop();
    let mut unknown_form = sample();
    unknown_form.index.form_postings[0].term = 9;
    for (file, damage) in [
        (
            one_article_short,
            Damage::Unmatched {
                what: "one article per document",
            },
        ),
        (
            beyond_the_documents,
            Damage::OutOfRange {
                what: "document",
                value: 2,
                limit: 2,
            },
        ),
        (
            positions_missing,
            Damage::Unmatched {
                what: "as many positions as counted",
            },
        ),
        (
            unknown_form,
            Damage::OutOfRange {
                what: "term of a word form",
                value: 9,
                limit: 2,
            },
        ),
    ] {
        let read = IndexFile::from_bytes(&file.to_bytes());
        assert_eq!(read, Err(FormatError::Corrupt { damage }));
    }
}

#[test]
fn an_index_file_reads_back_as_written() {
    let file = sample();
    assert_eq!(IndexFile::from_bytes(&file.to_bytes()), Ok(file));
}

#[test]
fn the_same_index_gives_the_same_bytes() {
    assert_eq!(sample().to_bytes(), sample().to_bytes());
}

#[test]
fn postings_store_gaps_and_give_back_documents_and_positions() {
    let postings = Postings::from_docs([
        (3, &[vec![1], vec![]]),
        (10, &[vec![], vec![5, 40]]),
        (11, &[vec![0, 2], vec![7]]),
    ]);
    assert_eq!(postings.doc_gaps, [3, 7, 1]);
    assert_eq!(postings.counts, [1, 0, 0, 2, 2, 1]);
    assert_eq!(postings.positions, [1, 5, 35, 0, 2, 7]);
    let docs: Vec<UnpackedPosting> = postings.unpacked();
    assert_eq!(
        docs,
        [
            (3, vec![1, 0], vec![1], vec![]),
            (10, vec![0, 2], vec![], vec![5, 40]),
            (11, vec![2, 1], vec![0, 2], vec![7]),
        ]
    );
    assert_eq!(postings.doc_frequency(), 3);
}

#[test]
fn other_files_are_refused_with_a_reason() {
    assert_eq!(
        IndexFile::from_bytes(b"<!doctype html>"),
        Err(FormatError::NotAnIndex)
    );
    assert_eq!(IndexFile::from_bytes(b""), Err(FormatError::NotAnIndex));
    let mut newer = sample().to_bytes();
    newer[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(
        IndexFile::from_bytes(&newer),
        Err(FormatError::Version {
            expected: FORMAT_VERSION,
            got: FORMAT_VERSION + 1
        })
    );
    let bytes = sample().to_bytes();
    let cut = IndexFile::from_bytes(&bytes[..bytes.len() - 3]);
    assert!(matches!(cut, Err(FormatError::Corrupt { .. })), "{cut:?}");
    assert!(FormatError::Version {
        expected: 1,
        got: 2
    }
    .to_string()
    .contains("rebuild"));
}

#[test]
fn form_postings_store_gaps_between_indexes_of_their_term_postings() {
    let form = FormPostings::new(4, [3, 7, 8]);
    assert_eq!(form.index_gaps, [3, 4, 1]);
    assert_eq!(form.doc_frequency(), 3);
    assert_eq!(form.indexes().collect::<Vec<_>>(), [3, 7, 8]);
}

#[test]
fn a_split_file_keeps_list_metadata_and_moves_terms_postings_and_articles_to_pieces() {
    let whole = sample();
    let (head, pieces) = whole.clone().split(PieceSizes::about(1));
    assert!(head.is_split());
    assert!(head.index.terms.is_empty() && head.index.names.is_empty());
    assert!(head.index.postings.is_empty());
    // The terms, with their number of documents, in dictionary pieces (one
    // term each at this size), each known by its first term.
    assert_eq!(head.pieces.first_terms, whole.index.terms);
    assert_eq!(head.pieces.dictionary.len(), whole.index.terms.len());
    let named = |prefix: &str| -> Vec<&(String, Vec<u8>)> {
        pieces
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .collect()
    };
    let dictionary: DictionaryPiece = decode(&named("dictionary-0000-")[0].1).unwrap();
    assert_eq!(dictionary.terms, whole.index.terms[..1]);
    assert_eq!(dictionary.names, whole.index.names[..1]);
    assert_eq!(dictionary.doc_frequencies, [2]);
    // Of each article, what lists and filters need; its id is in an id
    // piece (sorted ids, with their documents), the rest in its text piece.
    let kept = &head.articles[0];
    assert_eq!(kept.id, "");
    let ids = (pieces.iter()).filter(|(name, _)| name.starts_with("ids-"));
    let ids: Vec<IdPiece> = ids.map(|(_, bytes)| decode(bytes).unwrap()).collect();
    let mut expected: Vec<(String, u32)> = (whole.articles.iter().enumerate())
        .map(|(doc, a)| (a.id.clone(), doc as u32))
        .collect();
    expected.sort();
    let got = ids
        .iter()
        .flat_map(|p| p.ids.iter().cloned().zip(p.docs.iter().copied()));
    assert_eq!(got.collect::<Vec<_>>(), expected);
    let firsts: Vec<&String> = ids.iter().map(|p| &p.ids[0]).collect();
    assert_eq!(head.pieces.first_ids.iter().collect::<Vec<_>>(), firsts);
    assert_eq!(kept.date, whole.articles[0].date);
    assert_eq!(kept.source, whole.articles[0].source);
    assert_eq!(kept.lang, whole.articles[0].lang);
    assert_eq!(kept.title, "");
    assert!(kept.byline.is_none() && kept.blocks.is_empty());
    // One term per run and per piece at this size, in one generation (of
    // two documents); spellings and word forms go with their term's
    // positions.
    assert_eq!(head.pieces.runs, [1, 1]);
    assert_eq!(head.pieces.generations.len(), 1);
    assert_eq!(head.pieces.generations[0].terms.len(), 2);
    // One article per text piece at this size.
    assert_eq!(head.pieces.texts.len(), 2);
    assert!(head.index.spellings.is_empty());
    assert!(head.index.forms.is_empty() && head.index.form_postings.is_empty());
    // The postings without their word positions, which are apart, in a
    // position piece for the same terms.
    let piece: GenerationPiece = decode(&named("terms-0000-")[0].1).unwrap();
    let mut postings = whole.index.postings[0].clone();
    let positions = std::mem::take(&mut postings.positions);
    assert!(!positions.is_empty());
    assert_eq!(piece.postings, [postings]);
    assert_eq!(piece.terms, ["arme"]);
    assert_eq!(piece.run_terms, [1]);
    let apart: PositionPiece = decode(&named("positions-0000-")[0].1).unwrap();
    assert_eq!(apart.positions, [positions]);
    let generation = &head.pieces.generations[0];
    assert_eq!(generation.positions.len(), generation.terms.len());
    // Spellings and word forms go with the positions: ranking does without them.
    assert_eq!(apart.spellings, ["armée"]);
    let form = |form: &str, index_gaps: Vec<u32>| PieceForm {
        term: 0,
        form: form.into(),
        index_gaps,
    };
    assert_eq!(
        apart.forms,
        [form("armee", vec![0]), form("armees", vec![0, 1])]
    );
    let texts = (pieces.iter())
        .filter(|(name, _)| name.starts_with("text-"))
        .flat_map(|(_, bytes)| decode::<TextPiece>(bytes).unwrap().articles);
    assert_eq!(texts.collect::<Vec<_>>(), whole.articles);
    assert_eq!(IndexFile::from_bytes(&head.to_bytes()), Ok(head));
}

#[test]
fn generations_are_whole_blocks_of_each_level_then_the_rest() {
    let sizes = PieceSizes::default();
    // Levels of 64, 512, 4,096, 32,768 documents.
    assert_eq!(generations(34_141, sizes), [0, 32_768, 33_792, 34_112]);
    // Ten more rewrite the last generation only; a block made whole merges.
    assert_eq!(generations(34_151, sizes), [0, 32_768, 33_792, 34_112]);
    assert_eq!(generations(34_176, sizes), [0, 32_768, 33_792]);
    assert_eq!(generations(0, sizes), [0]);
    // A small collection is one generation.
    assert_eq!(generations(4096, sizes), [0]);
    assert_eq!(generations(4097, sizes), [0, 4096]);
    let every = PieceSizes {
        generations_above: 0,
        ..sizes
    };
    assert_eq!(generations(30, every), [0]);
    assert_eq!(generations(64 * 8, every), [0]);
    assert_eq!(generations(64 * 8 + 1, every), [0, 512]);
    assert_eq!(generations(5, PieceSizes::about(1)), [0, 4]);
}

/// The sample with a third document (a copy of the second, "c"), in two
/// generations when split in the smallest pieces.
fn three_documents() -> IndexFile {
    let mut file = sample();
    file.index.doc_count = 3;
    file.index.field_lengths = [vec![3, 4, 2], vec![120, 80, 10]];
    let mut third = file.articles[1].clone();
    third.id = "c".into();
    file.articles.push(third);
    file
}

#[test]
fn a_generation_holds_the_postings_of_its_documents_only() {
    let mut file = three_documents();
    file.index.postings[1] =
        Postings::from_docs([(1, &[vec![2], vec![]]), (2, &[vec![0], vec![]])]);
    // Generations of documents 0 and 1, then 2.
    let (head, pieces) = file.split(PieceSizes::about(1));
    let starts: Vec<u32> = head
        .pieces
        .generations
        .iter()
        .map(|g| g.first_doc)
        .collect();
    assert_eq!(starts, [0, 2]);
    let terms = |prefix: &str| -> Vec<GenerationPiece> {
        (pieces.iter().filter(|(name, _)| name.starts_with(prefix)))
            .map(|(_, bytes)| decode(bytes).unwrap())
            .collect()
    };
    let all = terms("terms-");
    // The first generation: both terms, a run each; the second: "paix"
    // only, in one piece of both runs, its document numbered in the whole;
    // then the whole postings, a run each, "paix" in documents 1 and 2.
    assert_eq!(all.len(), 5);
    assert_eq!(all[4].terms, ["paix"]);
    assert_eq!(
        from_gaps(&all[4].postings[0].doc_gaps).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(all[4].validate(1, 0..3), Ok(()));
    assert!(head.pieces.has_whole());
    let last = &all[2];
    assert_eq!(last.terms, ["paix"]);
    assert_eq!(last.run_terms, [0, 1]);
    assert_eq!(
        from_gaps(&last.postings[0].doc_gaps).collect::<Vec<_>>(),
        [2]
    );
    assert_eq!(last.validate(2, 2..3), Ok(()));
    assert!(
        last.validate(2, 3..4).is_err(),
        "a document of another generation"
    );
    assert!(last.validate(1, 2..3).is_err(), "another number of runs");
    assert_eq!(IndexFile::from_bytes(&head.to_bytes()), Ok(head));
}

#[test]
fn a_term_in_no_document_leaves_the_whole_postings_out_not_the_build() {
    let mut file = three_documents();
    file.index.postings[1] = Postings::default();
    let (head, pieces) = file.split(PieceSizes::about(1));
    assert_eq!(head.pieces.generations.len(), 2);
    assert!(!head.pieces.has_whole());
    assert!(head.pieces.whole_files().is_empty());
    assert!(!pieces.is_empty());
}

#[test]
fn terms_are_front_coded_and_read_back_whole() {
    let mut file = sample();
    file.index.terms = ["ete", "etes", "étè", "été", "étés", "œuvre"]
        .map(String::from)
        .to_vec();
    // One postings, name and spelling per term, as a valid file has.
    let count = file.index.terms.len();
    file.index.postings.resize(count, Postings::default());
    file.index.names.resize(count, false);
    file.index.spellings.resize(count, String::new());
    let bytes = file.to_bytes();
    assert_eq!(IndexFile::from_bytes(&bytes).unwrap(), file);
    // Shorter than the terms written whole.
    let whole: usize = file.index.terms.iter().map(|t| t.len() + 1).sum();
    let coded = postcard::to_allocvec(&file.index).unwrap().len();
    let plain = {
        let mut index = file.index.clone();
        index.terms.clear();
        postcard::to_allocvec(&index).unwrap().len() + whole
    };
    assert!(coded < plain, "{coded} < {plain}");
}

#[test]
fn a_front_coded_term_sharing_more_than_the_one_before_is_an_error() {
    // Two terms: "a", then 5 bytes shared with it and "b".
    let mut bytes = postcard::to_allocvec(&vec![(0u32, "a"), (5u32, "b")]).unwrap();
    let decoded: Result<Wrapper, _> = postcard::from_bytes(&bytes);
    assert!(decoded.is_err());
    bytes[4] = 1; // count 2, (0, "a"), then (1, "b"): "ab"
    let decoded: Wrapper = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(decoded.0, ["a", "ab"]);
}

#[derive(serde::Deserialize)]
struct Wrapper(#[serde(with = "super::front_coded")] Vec<String>);

#[test]
fn piece_references_read_back_and_take_their_gaps_and_four_bytes_a_hash() {
    let refs: Vec<PieceRef> = (0..100)
        .map(|n| PieceRef {
            first: n * 7,
            hash: 0xdead_beef ^ n.wrapping_mul(0x9e37_79b9),
        })
        .collect();
    let pieces = Pieces {
        texts: refs.clone(),
        generations: vec![Generation {
            positions: refs.iter().map(|r| r.hash).collect(),
            ..Generation::default()
        }],
        ..Pieces::default()
    };
    let bytes = postcard::to_allocvec(&pieces).unwrap();
    assert_eq!(postcard::from_bytes::<Pieces>(&bytes).unwrap(), pieces);
    // 100 one-byte gaps and 100 four-byte hashes, twice (texts, positions), and small counts.
    assert!(
        bytes.len() < 100 * (1 + 4 + 4) + 30,
        "{} bytes",
        bytes.len()
    );
}

#[test]
fn piece_hashes_cut_short_are_an_error() {
    // One gap, then 3 bytes of hash: not a whole hash.
    #[derive(serde::Deserialize)]
    struct Refs(#[serde(with = "super::refs")] Vec<PieceRef>);
    let read = |bytes: Vec<u8>| postcard::from_bytes::<Refs>(&bytes).map(|refs| refs.0);
    assert!(read(postcard::to_allocvec(&(vec![0u32], vec![1u8, 2, 3])).unwrap()).is_err());
    // Two gaps for one hash.
    let bytes = postcard::to_allocvec(&(vec![0u32, 1], vec![1u8, 2, 3, 4])).unwrap();
    assert!(read(bytes).is_err());
    let bytes = postcard::to_allocvec(&(vec![3u32], vec![1u8, 0, 0, 0])).unwrap();
    assert_eq!(read(bytes).unwrap(), [PieceRef { first: 3, hash: 1 }]);
}

#[test]
fn encoded_len_is_the_length_of_the_bytes() {
    let file = sample();
    let bytes = file.to_bytes();
    assert_eq!(encoded_len(&file), bytes.len());
    assert_eq!(IndexFile::from_bytes(&bytes).unwrap(), file);
}
