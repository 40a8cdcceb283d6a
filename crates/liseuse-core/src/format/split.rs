//! How a whole index file is cut into the pieces a reader downloads when a
//! query or an article needs them ([`IndexFile::split`]), so that a rebuild
//! that adds articles leaves the pieces of the others as they were: the
//! articles are numbered in the order they were added (the newest last),
//! the runs of articles, ids and names end where their content says (not
//! after a count of bytes from the first, which an article edited would
//! shift), and the postings are in [generations](Generation), each with
//! pieces of its own.

use serde::Serialize;

use super::{
    encode, DictionaryPiece, Generation, GenerationPiece, IdPiece, IndexFile, LinksPiece,
    NameIndexPiece, NamePiece, PieceForm, PieceKind, PieceRef, PieceSizes, PositionPiece, Postings,
    TextPiece,
};
use crate::analysis::Analyzer;
use crate::article::Article;
use crate::pieces::{content_hash, fnv1a};

/// The pieces of a split, by kind, each kind's in the order of their numbers.
type Encoded = Vec<(PieceKind, Vec<u8>)>;

impl IndexFile {
    /// Splits a whole file: returns the file a reader loads first (what lists
    /// of articles need, the first term of each dictionary piece, where the
    /// pieces are) and the pieces, as `(file name, bytes)`. Dictionary pieces
    /// hold runs of `sizes.dictionary_terms` terms; the postings are in
    /// [generations](Generation) of documents ([`generations`]), each in term
    /// pieces of about `sizes.term_bytes` for the first (a term larger than
    /// that is a piece of its own) and smaller ones for the others; text
    /// pieces hold runs of articles of about `sizes.text_bytes`; title
    /// pieces, runs of their titles of about `sizes.title_bytes`.
    /// The same file always gives the same pieces.
    pub fn split(mut self, sizes: PieceSizes) -> (IndexFile, Vec<(String, Vec<u8>)>) {
        assert!(!self.is_split(), "the file is split already");
        let mut encoded = Encoded::new();
        let terms = std::mem::take(&mut self.index.terms);
        let doc_frequencies = self.index.settled_doc_frequencies();
        self.split_terms(&terms, sizes, &mut encoded);
        self.split_dictionary(terms, doc_frequencies, sizes.dictionary_terms, &mut encoded);
        self.split_ids(sizes.text_bytes, &mut encoded);
        self.split_links(sizes.title_bytes * 4, &mut encoded);
        self.split_articles(sizes.text_bytes, sizes.title_bytes, &mut encoded);
        let name_files = self.split_names(sizes.title_bytes * 2, &mut encoded);
        let mut files = self.pieces.files();
        files.set(PieceKind::Names, name_files);
        let mut numbers = [0usize; PieceKind::ALL.len()];
        let named = (encoded.into_iter())
            .map(|(kind, bytes)| {
                let number = numbers[kind as usize];
                numbers[kind as usize] += 1;
                let name = files.name(kind, number).expect("a name for every piece");
                (name, bytes)
            })
            .collect();
        (self, named)
    }

    /// The dictionary pieces: runs of about `dictionary_terms` terms (ended
    /// where [`closes`] says, so that a term added moves the ends of its
    /// run only), with whether each is a name and its document frequency.
    fn split_dictionary(
        &mut self,
        terms: Vec<String>,
        doc_frequencies: Vec<u32>,
        dictionary_terms: usize,
        encoded: &mut Encoded,
    ) {
        let names = std::mem::take(&mut self.index.names);
        let mut first = 0usize;
        while first < terms.len() {
            let mut end = first + 1;
            while end < terms.len()
                && !closes(end - first, dictionary_terms, terms[end - 1].as_bytes())
            {
                end += 1;
            }
            let piece = DictionaryPiece {
                terms: terms[first..end].to_vec(),
                names: names
                    .get(first..end)
                    .map(<[bool]>::to_vec)
                    .unwrap_or_default(),
                doc_frequencies: doc_frequencies[first..end].to_vec(),
            };
            let (piece, bytes) = encoded_piece(first as u32, &piece);
            self.pieces.dictionary.push(piece);
            encoded.push((PieceKind::Dictionary, bytes));
            self.pieces.first_terms.push(terms[first].clone());
            first = end;
        }
    }

    /// The postings, in generations: each term's postings cut into each
    /// generation's part, the runs of terms cut by the first generation's,
    /// then each generation's term and position pieces.
    fn split_terms(&mut self, terms: &[String], sizes: PieceSizes, encoded: &mut Encoded) {
        let index = &mut self.index;
        let firsts = generations(index.doc_count, sizes);
        let forms_of = index.take_forms_by_term();
        let postings = std::mem::take(&mut index.postings);
        let spellings = std::mem::take(&mut index.spellings);
        let analyzer = index.analyzer;
        // Each term's postings cut at the documents `firsts`.
        let cut = |firsts: &[u32]| -> Vec<Vec<Option<Part>>> {
            let spellings = spellings.iter().map(String::as_str);
            (postings.iter().zip(&forms_of))
                .zip(spellings.chain(std::iter::repeat("")))
                .map(|((postings, forms), spelling)| {
                    cut_term(postings, forms, spelling, firsts, &analyzer)
                })
                .collect()
        };
        let mut parts = cut(&firsts);
        let runs = term_runs(terms, &parts, sizes.term_bytes);
        let first_docs = firsts.first().copied().unwrap_or(0);
        let base_docs = firsts.get(1).copied().unwrap_or(index.doc_count) - first_docs;
        for (generation, &first_doc) in firsts.iter().enumerate() {
            let end = firsts
                .get(generation + 1)
                .copied()
                .unwrap_or(index.doc_count);
            // The first generation's pieces hold a run each; the others',
            // smaller, as many runs as make a share of a piece as large as
            // theirs of the documents.
            let target = if generation == 0 {
                1
            } else {
                let share = sizes.term_bytes as u64 * u64::from(end - first_doc);
                (share / u64::from(base_docs.max(1))).max(sizes.term_bytes as u64 / 8) as usize
            };
            let pieces = generation_pieces(terms, &mut parts, &runs, generation, target);
            let kept = encoded_generation(first_doc, pieces, encoded);
            self.pieces.generations.push(kept);
        }
        drop(parts);
        // Every generation's postings as one, for a reader who keeps no
        // copy: a piece a run (each holds terms: those it was cut from). A
        // run without postings (a term found in no document) would join
        // the piece before: then there are none, and every reader reads
        // the generations, rather than the build stopping.
        let pieces = (firsts.len() > 1)
            .then(|| generation_pieces(terms, &mut cut(&[0]), &runs, 0, 1))
            .filter(|pieces| pieces.len() == runs.len());
        if let Some(pieces) = pieces {
            let whole = encoded_generation(0, pieces, encoded);
            // Their name: a hash of their hashes.
            let hashes = (whole.terms.iter().zip(&whole.positions))
                .flat_map(|(term, &positions)| [term.hash, positions])
                .flat_map(u32::to_le_bytes);
            self.pieces.whole = content_hash(&hashes.collect::<Vec<u8>>()).max(1);
        }
        drop(postings);
        self.pieces.runs = runs;
        // Positions go after the term pieces they follow, in their own
        // order: the caller numbers pieces by kind.
    }

    /// The id pieces: the articles' ids in id order, with their numbers.
    fn split_ids(&mut self, text_bytes: usize, encoded: &mut Encoded) {
        // The text pieces take the whole articles; the file keeps what lists,
        // filters and links need before they come (see [`Pieces::texts`]).
        let mut ids: Vec<(String, u32)> = (self.articles.iter().enumerate())
            .map(|(doc, article)| (article.id.clone(), doc as u32))
            .collect();
        ids.sort();
        for (first, run) in runs_of(ids, text_bytes, |(id, _): &(String, u32)| id.clone()) {
            let (ids, docs) = run.into_iter().unzip();
            let piece = IdPiece { ids, docs };
            self.pieces.first_ids.push(piece.ids[0].clone());
            let (piece, bytes) = encoded_piece(first, &piece);
            self.pieces.ids.push(piece);
            encoded.push((PieceKind::Ids, bytes));
        }
    }

    /// The link pieces: each article's related articles and main names,
    /// taken out of the article.
    fn split_links(&mut self, bytes: usize, encoded: &mut Encoded) {
        let links = (self.articles.iter_mut()).map(|article| {
            let links = crate::model::Links {
                related: std::mem::take(&mut article.related),
                names: std::mem::take(&mut article.names),
            };
            (article.id.clone(), links)
        });
        let links: Vec<(String, crate::model::Links)> = links.collect();
        for (first, run) in runs_of(links, bytes, |(id, _): &(String, _)| id.clone()) {
            let links = run.into_iter().map(|(_, links)| links).collect();
            let (piece, bytes) = encoded_piece(first, &LinksPiece { links });
            self.pieces.links.push(piece);
            encoded.push((PieceKind::Links, bytes));
        }
    }

    /// The text pieces, whole articles, and the title pieces, their ids,
    /// titles and sections.
    fn split_articles(&mut self, text_bytes: usize, title_bytes: usize, encoded: &mut Encoded) {
        let texts: Vec<Article> = (self.articles.iter_mut())
            .map(|article| {
                let kept = Article {
                    title_from_text: article.title_from_text,
                    date: article.date.clone(),
                    source: article.source.clone(),
                    lang: article.lang.clone(),
                    ..Article::default()
                };
                std::mem::replace(article, kept)
            })
            .collect();
        let titles = (texts.iter())
            .map(|a| Article {
                id: a.id.clone(),
                title: a.title.clone(),
                section: a.section.clone(),
                ..Article::default()
            })
            .collect();
        let id = |article: &Article| article.id.as_bytes().to_vec();
        for (first, articles) in runs_of(titles, title_bytes, id) {
            let (piece, bytes) = encoded_piece(first, &TextPiece { articles });
            self.pieces.titles.push(piece);
            encoded.push((PieceKind::Titles, bytes));
        }
        for (first, articles) in runs_of(texts, text_bytes, id) {
            let (piece, bytes) = encoded_piece(first, &TextPiece { articles });
            self.pieces.texts.push(piece);
            encoded.push((PieceKind::Text, bytes));
        }
    }

    /// The name pieces, by key, and their index: the names of the name
    /// pieces, which the index holds.
    fn split_names(&mut self, bytes: usize, encoded: &mut Encoded) -> Vec<String> {
        let entities = std::mem::take(&mut self.entities);
        let key = |entity: &crate::model::Entity| crate::model::key(&entity.name).into_bytes();
        let mut index = NameIndexPiece::default();
        let mut pieces = Vec::new();
        for (first, entities) in runs_of(entities, bytes, key) {
            (index.first_names).push(crate::model::key(&entities[0].name));
            let (piece, bytes) = encoded_piece(first, &NamePiece { entities });
            index.names.push(piece);
            pieces.push((PieceKind::Names, bytes));
        }
        // The index first: what reads the pieces in order finds it first.
        if !index.names.is_empty() {
            let (piece, bytes) = encoded_piece(0, &index);
            self.pieces.name_index.push(piece);
            encoded.push((PieceKind::NameIndex, bytes));
        }
        encoded.extend(pieces);
        index.files()
    }
}

/// The first document of each generation of an index of `doc_count`
/// documents (one up to `sizes.generations_above` documents): a merge
/// policy with no memory of earlier builds, in levels of
/// `sizes.generation_docs` × `sizes.generation_growth`ⁿ documents. From the
/// first document on, each generation is as many whole blocks of the
/// largest level as fit, then of the next level down, the rest last.
/// Adding articles rewrites the last generation only, until its block of a
/// level is whole: then the blocks of that level merge into one generation
/// with the articles below them, and so on up, as a log-structured merge
/// does (64 × 8ⁿ by default: at 34,141 documents, generations of 32,768,
/// 1,024, 320 and 29 documents; ten more rewrite the last only).
pub fn generations(doc_count: u32, sizes: PieceSizes) -> Vec<u32> {
    if doc_count <= sizes.generations_above {
        return vec![0];
    }
    let growth = sizes.generation_growth.max(2);
    let mut levels = vec![sizes.generation_docs.max(1)];
    while let Some(next) = levels.last().and_then(|&l| l.checked_mul(growth)) {
        if next > doc_count {
            break;
        }
        levels.push(next);
    }
    let (mut firsts, mut at) = (Vec::new(), 0u32);
    for &size in levels.iter().rev() {
        let blocks = (doc_count - at) / size;
        if blocks > 0 {
            firsts.push(at);
            at += blocks * size;
        }
    }
    if at < doc_count || firsts.is_empty() {
        firsts.push(at);
    }
    firsts
}

/// A term's postings in one generation, with their positions, the term's
/// word forms there (by index in these postings) and its spelling.
struct Part {
    postings: Postings,
    positions: Vec<u32>,
    forms: Vec<(String, Vec<u32>)>,
    spelling: String,
}

impl Part {
    /// About the bytes it takes in a term piece.
    fn size(&self) -> usize {
        let postings = postcard::to_allocvec(&self.postings).map_or(0, |b| b.len());
        let forms: usize = (self.forms.iter())
            .map(|(form, indexes)| form.len() + indexes.len() + 4)
            .sum();
        postings + forms
    }
}

/// `postings`, the term's `forms` (indexes in `postings`) and `spelling`,
/// cut into the generations starting at documents `firsts`. A generation
/// where the term has the one form its spelling says keeps no list of it
/// (see [`crate::format::SearchIndex::forms`]).
fn cut_term(
    postings: &Postings,
    forms: &[PieceForm],
    spelling: &str,
    firsts: &[u32],
    analyzer: &Analyzer,
) -> Vec<Option<Part>> {
    let mut parts: Vec<Option<Part>> = firsts.iter().map(|_| None).collect();
    let mut previous = vec![0u32; firsts.len()];
    // Each posting's generation and index there.
    let mut places: Vec<(usize, u32)> = Vec::with_capacity(postings.doc_frequency());
    for posting in postings.iter() {
        let generation = firsts
            .partition_point(|&f| f <= posting.doc)
            .saturating_sub(1);
        let part = parts[generation].get_or_insert_with(|| Part {
            postings: Postings::default(),
            positions: Vec::new(),
            forms: Vec::new(),
            spelling: spelling.to_string(),
        });
        places.push((generation, part.postings.doc_gaps.len() as u32));
        part.postings
            .doc_gaps
            .push(posting.doc - previous[generation]);
        previous[generation] = posting.doc;
        part.postings.counts.extend_from_slice(posting.counts);
        part.positions.extend_from_slice(posting.gaps);
    }
    for form in forms {
        for index in super::from_gaps(&form.index_gaps) {
            let Some(&(generation, local)) = places.get(index as usize) else {
                continue;
            };
            let Some(part) = parts[generation].as_mut() else {
                continue;
            };
            match part.forms.last_mut() {
                Some((last, indexes)) if *last == form.form => indexes.push(local),
                _ => part.forms.push((form.form.clone(), vec![local])),
            }
        }
    }
    // One form that the spelling says needs no list (see `SearchIndex::forms`).
    for part in parts.iter_mut().flatten() {
        if part.forms.len() == 1 && form_of(&part.spelling, analyzer) == part.forms[0].0 {
            part.forms.clear();
        }
    }
    parts
}

/// The word form a spelling is (what [`crate::search`] compares with a
/// typed form, for a term written one way only).
pub(crate) fn form_of(spelling: &str, analyzer: &Analyzer) -> String {
    (analyzer.normalize(spelling).chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The runs of terms, as the number of terms of each: a run ends after a
/// term of the first generation once its postings there reach about
/// `bytes` (see [`closes`]). Terms the other generations add fall in the
/// run of the first generation's term before them, which keeps its bytes.
fn term_runs(terms: &[String], parts: &[Vec<Option<Part>>], bytes: usize) -> Vec<u32> {
    let (mut runs, mut in_run, mut size) = (Vec::new(), 0u32, 0usize);
    for (term, parts) in terms.iter().zip(parts) {
        in_run += 1;
        if let Some(first) = parts.first().and_then(Option::as_ref) {
            size += first.size();
            if closes(size, bytes, term.as_bytes()) {
                runs.push(in_run);
                (in_run, size) = (0, 0);
            }
        }
    }
    if in_run > 0 {
        runs.push(in_run);
    }
    runs
}

/// The term pieces of `generation`, each with its first run and its
/// position piece: runs of `runs` gathered until their parts reach
/// `target` bytes. A run without any of the generation's terms joins the
/// piece before it (or the next one, at the start).
fn generation_pieces(
    terms: &[String],
    parts: &mut [Vec<Option<Part>>],
    runs: &[u32],
    generation: usize,
    target: usize,
) -> Vec<(u32, GenerationPiece, PositionPiece)> {
    let mut pieces: Vec<(u32, GenerationPiece, PositionPiece)> = Vec::new();
    let (mut first_run, mut piece, mut details) =
        (0u32, GenerationPiece::default(), PositionPiece::default());
    let (mut term, mut size) = (0usize, 0usize);
    for (run, &count) in runs.iter().enumerate() {
        let mut held = 0;
        for number in term..term + count as usize {
            let Some(part) = parts[number][generation].take() else {
                continue;
            };
            size += part.size();
            let local = piece.terms.len() as u32;
            for (form, indexes) in part.forms {
                let form = PieceForm {
                    term: local,
                    form,
                    index_gaps: super::FormPostings::new(local, indexes).index_gaps,
                };
                details.forms.push(form);
            }
            piece.terms.push(terms[number].clone());
            piece.postings.push(part.postings);
            details.positions.push(part.positions);
            details.spellings.push(part.spelling);
            held += 1;
        }
        term += count as usize;
        piece.run_terms.push(held);
        if size >= target && !piece.terms.is_empty() {
            let done = (
                first_run,
                std::mem::take(&mut piece),
                std::mem::take(&mut details),
            );
            pieces.push(done);
            (first_run, size) = (run as u32 + 1, 0);
        }
    }
    if !piece.terms.is_empty() {
        pieces.push((first_run, piece, details));
    } else if let Some((_, last, _)) = pieces.last_mut() {
        last.run_terms.extend(piece.run_terms);
    }
    pieces
}

/// The generation from document `first_doc` whose term and position pieces
/// are `pieces`, encoded into `encoded`.
fn encoded_generation(
    first_doc: u32,
    pieces: Vec<(u32, GenerationPiece, PositionPiece)>,
    encoded: &mut Encoded,
) -> Generation {
    let mut kept = Generation {
        first_doc,
        ..Generation::default()
    };
    for (first_run, piece, positions) in pieces {
        let (reference, bytes) = encoded_piece(first_run, &piece);
        kept.terms.push(reference);
        encoded.push((PieceKind::Terms, bytes));
        let bytes = encode(&positions);
        kept.positions.push(content_hash(&bytes));
        encoded.push((PieceKind::Positions, bytes));
    }
    kept
}

/// Whether a run of `size` bytes ends after an item whose key is `key`:
/// once it reaches three quarters of `bytes`, after an item whose key hashes
/// to a multiple of 4, and at twice `bytes` in any case. Where runs end
/// depends on the items around the end, not on all those before: an item
/// added, removed or grown moves the ends of its run, and rarely the next.
fn closes(size: usize, bytes: usize, key: &[u8]) -> bool {
    size >= bytes.saturating_mul(2) || (size >= bytes / 4 * 3 && fnv1a(key) % 4 == 0)
}

/// `items` in runs of about `bytes` encoded bytes, ended where [`closes`]
/// says (by each item's `key`), each with the number of its first item. No
/// run is empty.
fn runs_of<T: Serialize, K: AsRef<[u8]>>(
    items: Vec<T>,
    bytes: usize,
    key: impl Fn(&T) -> K,
) -> Vec<(u32, Vec<T>)> {
    let mut runs: Vec<(u32, Vec<T>)> = Vec::new();
    let (mut run, mut first, mut size) = (Vec::new(), 0u32, 0usize);
    let count = items.len();
    for (number, item) in items.into_iter().enumerate() {
        size += postcard::to_allocvec(&item).map_or(0, |b| b.len());
        let ends = closes(size, bytes, key(&item).as_ref());
        run.push(item);
        if ends || number + 1 == count {
            runs.push((first, std::mem::take(&mut run)));
            (first, size) = (number as u32 + 1, 0);
        }
    }
    runs
}

/// `piece`, encoded, and its reference as the piece starting at `first`.
fn encoded_piece<T: Serialize>(first: u32, piece: &T) -> (PieceRef, Vec<u8>) {
    let bytes = encode(piece);
    let hash = content_hash(&bytes);
    (PieceRef { first, hash }, bytes)
}
