use super::*;
use liseuse_core::article::parse_capture;

fn segment() -> Segment {
    let articles = [
        "Les réfugiés arrivent à Bakou.",
        "Un réfugié, des Réfugiés. Bakou.",
    ]
    .map(|text| parse_capture("a", &format!("Titre\n\n{text}")).unwrap());
    Segment::build(articles.to_vec(), Analyzer::FRENCH)
}

#[test]
fn a_segment_reads_back_as_written() {
    let segment = segment();
    assert_eq!(segment.head.articles.len(), 2);
    assert!(segment.terms.windows(2).all(|w| w[0].term < w[1].term));
    let refug = segment.terms.iter().find(|t| t.term == "refug").unwrap();
    assert_eq!(refug.postings.doc_frequency(), 2);
    assert_eq!(
        refug.forms,
        [
            ("refugie".to_string(), vec![1]),
            ("refugies".to_string(), vec![0, 1])
        ]
    );
    assert_eq!(
        refug.spellings,
        [("réfugié".to_string(), 1), ("réfugiés".to_string(), 2)]
    );
    let bakou = segment.terms.iter().find(|t| t.term == "bakou").unwrap();
    assert_eq!(bakou.capitals, (1, 1)); // the second "Bakou." opens its sentence
    assert_eq!(
        Segment::read(segment.to_bytes().as_slice()).unwrap(),
        segment
    );
}

#[test]
fn a_damaged_segment_is_an_error_not_a_panic() {
    let bytes = segment().to_bytes();
    assert!(matches!(
        Segment::read(&b"not a segment"[..]),
        Err(SegmentError::NotASegment)
    ));
    // Cut anywhere after the magic bytes: an error, never a panic.
    for cut in (MAGIC.len()..bytes.len()).step_by(7) {
        assert!(Segment::read(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    // A term out of order.
    let mut segment = segment();
    segment.terms.swap(0, 1);
    let err = Segment::read(segment.to_bytes().as_slice()).unwrap_err();
    assert!(matches!(err, SegmentError::OutOfOrder { .. }), "{err}");
    // Postings of an article the segment does not have.
    let mut segment = self::segment();
    segment.terms[0].postings.doc_gaps[0] = 7;
    assert!(Segment::read(segment.to_bytes().as_slice()).is_err());
}
