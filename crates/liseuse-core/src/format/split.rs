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

/// Where the pieces of a split go as they are cut, each with its kind:
/// each kind's in the order of their numbers.
type Out<'a> = dyn FnMut(PieceKind, Vec<u8>) + 'a;

/// What a large build keeps apart from the file it splits (on disk, out
/// of memory), given back as the split comes to it: the articles' blocks
/// as the text pieces take them, a run at a time, and each term's
/// positions as its parts are cut. Nothing for a file held whole
/// ([`Whole`]).
pub trait Apart {
    /// Puts back into article `doc` what the file does not hold of it.
    fn fill_article(&self, doc: usize, article: &mut Article);
    /// Term `term`'s positions, when its postings in the file hold none.
    fn positions(&self, term: usize) -> Option<Vec<u32>>;
}

/// A file that holds all of itself: nothing apart.
pub struct Whole;

impl Apart for Whole {
    fn fill_article(&self, _: usize, _: &mut Article) {}

    fn positions(&self, _: usize) -> Option<Vec<u32>> {
        None
    }
}

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
    pub fn split(self, sizes: PieceSizes) -> (IndexFile, Vec<(String, Vec<u8>)>) {
        let mut cut = Vec::new();
        let (head, files) = self.split_into(sizes, &Whole, &mut |kind, number, bytes| {
            cut.push((kind, number, bytes));
        });
        let named = (cut.into_iter())
            .map(|(kind, number, bytes)| {
                let name = files.name(kind, number).expect("a name for every piece");
                (name, bytes)
            })
            .collect();
        (head, named)
    }

    /// [`IndexFile::split`], each piece given to `out` as soon as it is cut,
    /// with its kind and its number among the pieces of its kind, so that a
    /// build never holds them all; their names are known once all are cut:
    /// the table returned, by kind and number. What the file does not hold
    /// comes from `apart` as the split needs it.
    pub fn split_into(
        mut self,
        sizes: PieceSizes,
        apart: &dyn Apart,
        out: &mut dyn FnMut(PieceKind, usize, Vec<u8>),
    ) -> (IndexFile, crate::pieces::PieceFiles) {
        assert!(!self.is_split(), "the file is split already");
        let mut numbers = [0usize; PieceKind::ALL.len()];
        let out = &mut |kind: PieceKind, bytes| {
            out(kind, numbers[kind as usize], bytes);
            numbers[kind as usize] += 1;
        };
        let terms = std::mem::take(&mut self.index.terms);
        let doc_frequencies = self.index.settled_doc_frequencies();
        self.split_terms(&terms, sizes, apart, out);
        self.split_dictionary(terms, doc_frequencies, sizes.dictionary_terms, out);
        self.split_ids(sizes.text_bytes, out);
        self.split_links(sizes.title_bytes * 4, out);
        self.split_articles(sizes.text_bytes, sizes.title_bytes, apart, out);
        let name_files = self.split_names(sizes.title_bytes * 2, out);
        let mut files = self.pieces.files();
        files.set(PieceKind::Names, name_files);
        (self, files)
    }

    /// The dictionary pieces: runs of about `dictionary_terms` terms (ended
    /// where [`closes`] says, so that a term added moves the ends of its
    /// run only), with whether each is a name and its document frequency.
    fn split_dictionary(
        &mut self,
        terms: Vec<String>,
        doc_frequencies: Vec<u32>,
        dictionary_terms: usize,
        out: &mut Out,
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
            out(PieceKind::Dictionary, bytes);
            self.pieces.first_terms.push(terms[first].clone());
            first = end;
        }
    }

    /// The postings, in generations: each term's postings cut into each
    /// generation's part, the runs of terms cut by the first generation's,
    /// then each generation's term and position pieces. A term's part is
    /// cut when a piece takes it, never every term's at once: the split of
    /// a large collection holds its postings once.
    fn split_terms(
        &mut self,
        terms: &[String],
        sizes: PieceSizes,
        apart: &dyn Apart,
        out: &mut Out,
    ) {
        let index = &mut self.index;
        let firsts = generations(index.doc_count, sizes);
        let forms_of = index.take_forms_by_term();
        let postings = std::mem::take(&mut index.postings);
        let spellings = std::mem::take(&mut index.spellings);
        let analyzer = index.analyzer;
        let cutter = Cutter {
            postings: &postings,
            forms_of: &forms_of,
            spellings: &spellings,
            analyzer: &analyzer,
            apart: Some(apart),
        };
        // (Sized without their positions, which a term piece does not hold.)
        let sizer = Cutter {
            apart: None,
            ..cutter
        };
        let runs = term_runs(terms, |n| sizer.part(n, &firsts, 0), sizes.term_bytes);
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
            let pieces = (terms, runs.as_slice(), target);
            let part = |n| cutter.part(n, &firsts, generation);
            let kept = encoded_generation(first_doc, pieces, part, out);
            self.pieces.generations.push(kept);
        }
        // Every generation's postings as one, for a reader who keeps no
        // copy: a piece a run (each holds terms: those it was cut from). A
        // run without postings (a term found in no document) would join
        // the piece before: then there are none, and every reader reads
        // the generations, rather than the build stopping.
        let mut first = 0;
        let every_run_has_postings = runs.iter().all(|&count| {
            let run = first..first + count as usize;
            first = run.end;
            (postings.get(run)).is_some_and(|run| run.iter().any(|p| p.doc_frequency() > 0))
        });
        if firsts.len() > 1 && every_run_has_postings {
            let part = |n| cutter.part(n, &[0], 0);
            let whole = encoded_generation(0, (terms, runs.as_slice(), 1), part, out);
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
    fn split_ids(&mut self, text_bytes: usize, out: &mut Out) {
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
            out(PieceKind::Ids, bytes);
        }
    }

    /// The link pieces: each article's related articles and main names,
    /// taken out of the article.
    fn split_links(&mut self, bytes: usize, out: &mut Out) {
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
            out(PieceKind::Links, bytes);
        }
    }

    /// The title pieces, the articles' ids, titles and sections, and the
    /// text pieces, whole articles (each filled by `apart` as its run is cut).
    fn split_articles(
        &mut self,
        text_bytes: usize,
        title_bytes: usize,
        apart: &dyn Apart,
        out: &mut Out,
    ) {
        let titles = (self.articles.iter())
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
            out(PieceKind::Titles, bytes);
        }
        // The text pieces take the whole articles; the file keeps what
        // lists, filters and links need before they come.
        let texts = (self.articles.iter_mut().enumerate()).map(|(doc, article)| {
            let kept = Article {
                title_from_text: article.title_from_text,
                date: article.date.clone(),
                source: article.source.clone(),
                lang: article.lang.clone(),
                ..Article::default()
            };
            let mut whole = std::mem::replace(article, kept);
            apart.fill_article(doc, &mut whole);
            whole
        });
        let pieces = &mut self.pieces.texts;
        runs_into(texts, text_bytes, id, |first, articles| {
            let (piece, bytes) = encoded_piece(first, &TextPiece { articles });
            pieces.push(piece);
            out(PieceKind::Text, bytes);
        });
    }

    /// The name pieces, by key, and their index: the names of the name
    /// pieces, which the index holds.
    fn split_names(&mut self, bytes: usize, out: &mut Out) -> Vec<String> {
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
            out(PieceKind::NameIndex, bytes);
        }
        for (kind, bytes) in pieces {
            out(kind, bytes);
        }
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

/// The terms' postings, forms and spellings, by number, which a split cuts
/// into generations, and what holds their positions when they do not
/// (none: the parts have no positions but those the postings hold).
#[derive(Clone, Copy)]
struct Cutter<'a> {
    postings: &'a [Postings],
    forms_of: &'a [Vec<PieceForm>],
    spellings: &'a [String],
    analyzer: &'a Analyzer,
    apart: Option<&'a dyn Apart>,
}

impl Cutter<'_> {
    /// Term `number`'s part in `generation` of the generations starting at
    /// documents `firsts` ([`cut_term`]).
    fn part(&self, number: usize, firsts: &[u32], generation: usize) -> Option<Part> {
        let spelling = self.spellings.get(number).map_or("", String::as_str);
        let forms = self.forms_of.get(number).map_or(&[] as &[_], Vec::as_slice);
        let postings = self.postings.get(number)?;
        let apart = self.apart.and_then(|apart| apart.positions(number));
        let positions = apart.as_deref().unwrap_or(&postings.positions);
        cut_term(
            (postings, positions),
            forms,
            spelling,
            (firsts, generation),
            self.analyzer,
        )
    }
}

/// The part of `postings` (with their `positions`), the term's `forms`
/// (indexes in `postings`) and
/// `spelling` in generation `at.1` of the generations starting at
/// documents `at.0`; none if the term has no document there. A generation
/// where the term has the one form its spelling says keeps no list of it
/// (see [`crate::format::SearchIndex::forms`]).
fn cut_term(
    (postings, positions): (&Postings, &[u32]),
    forms: &[PieceForm],
    spelling: &str,
    (firsts, generation): (&[u32], usize),
    analyzer: &Analyzer,
) -> Option<Part> {
    let start = firsts.get(generation).copied().unwrap_or(u32::MAX);
    let end = firsts.get(generation + 1).copied().unwrap_or(u32::MAX);
    let mut part = Part {
        postings: Postings::default(),
        positions: Vec::new(),
        forms: Vec::new(),
        spelling: spelling.to_string(),
    };
    // The index of the generation's first posting among the term's.
    let (mut previous, mut low) = (0u32, None);
    // Where each document's positions start in `positions`.
    let mut at = 0usize;
    for (index, posting) in postings.iter().enumerate() {
        let len = posting.counts.iter().sum::<u32>() as usize;
        let gaps = positions.get(at..at + len).unwrap_or_default();
        at += len;
        if posting.doc < start {
            continue;
        }
        if posting.doc >= end {
            break;
        }
        low.get_or_insert(index);
        part.postings.doc_gaps.push(posting.doc - previous);
        previous = posting.doc;
        part.postings.counts.extend_from_slice(posting.counts);
        part.positions.extend_from_slice(gaps);
    }
    let low = low?;
    let high = low + part.postings.doc_gaps.len();
    for form in forms {
        for index in super::from_gaps(&form.index_gaps) {
            let Some(local) = (index as usize)
                .checked_sub(low)
                .filter(|_| (index as usize) < high)
            else {
                continue;
            };
            let local = local as u32;
            match part.forms.last_mut() {
                Some((last, indexes)) if *last == form.form => indexes.push(local),
                _ => part.forms.push((form.form.clone(), vec![local])),
            }
        }
    }
    // One form that the spelling says needs no list (see `SearchIndex::forms`).
    if part.forms.len() == 1 && super::form_of(&part.spelling, analyzer) == part.forms[0].0 {
        part.forms.clear();
    }
    Some(part)
}

/// The runs of terms, as the number of terms of each: a run ends after a
/// term of the first generation once its postings there reach about
/// `bytes` (see [`closes`]); `first_part` gives a term's part there, by
/// number. Terms the other generations add fall in the run of the first
/// generation's term before them, which keeps its bytes.
fn term_runs(
    terms: &[String],
    mut first_part: impl FnMut(usize) -> Option<Part>,
    bytes: usize,
) -> Vec<u32> {
    let (mut runs, mut in_run, mut size) = (Vec::new(), 0u32, 0usize);
    for (number, term) in terms.iter().enumerate() {
        in_run += 1;
        if let Some(first) = first_part(number) {
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

/// A generation's term piece, with its first run and its position piece.
type GenerationPieces = (u32, GenerationPiece, PositionPiece);

/// The term pieces of a generation, each given to `done` with its first
/// run and its position piece as soon as it is whole: runs of `runs` of
/// `terms` gathered until their parts (`part` gives a term's, by number)
/// reach `target` bytes. A run without any of the generation's terms joins
/// the piece before it (or the next one, at the start).
fn generation_pieces(
    (terms, runs, target): (&[String], &[u32], usize),
    mut part: impl FnMut(usize) -> Option<Part>,
    mut done: impl FnMut(GenerationPieces),
) {
    // The last piece made, held back until the next: a run at the end
    // without any of the generation's terms joins it.
    let mut held: Option<GenerationPieces> = None;
    let (mut first_run, mut piece, mut details) =
        (0u32, GenerationPiece::default(), PositionPiece::default());
    let (mut term, mut size) = (0usize, 0usize);
    for (run, &count) in runs.iter().enumerate() {
        let mut in_run = 0;
        let numbered = terms.iter().enumerate().skip(term);
        for (number, spelled) in numbered.take(count as usize) {
            let Some(part) = part(number) else {
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
            piece.terms.push(spelled.clone());
            piece.postings.push(part.postings);
            details.positions.push(part.positions);
            details.spellings.push(part.spelling);
            in_run += 1;
        }
        term += count as usize;
        piece.run_terms.push(in_run);
        if size >= target && !piece.terms.is_empty() {
            let whole = (
                first_run,
                std::mem::take(&mut piece),
                std::mem::take(&mut details),
            );
            if let Some(before) = held.replace(whole) {
                done(before);
            }
            (first_run, size) = (run as u32 + 1, 0);
        }
    }
    if !piece.terms.is_empty() {
        if let Some(before) = held.take() {
            done(before);
        }
        done((first_run, piece, details));
    } else if let Some((first, mut last, positions)) = held.take() {
        last.run_terms.extend(piece.run_terms);
        done((first, last, positions));
    }
}

/// The generation from document `first_doc` whose term and position pieces
/// [`generation_pieces`] makes of `pieces` and `part`, each encoded and
/// given to `out` as it is made.
fn encoded_generation(
    first_doc: u32,
    pieces: (&[String], &[u32], usize),
    part: impl FnMut(usize) -> Option<Part>,
    out: &mut Out,
) -> Generation {
    let mut kept = Generation {
        first_doc,
        ..Generation::default()
    };
    generation_pieces(pieces, part, |(first_run, piece, positions)| {
        let (reference, bytes) = encoded_piece(first_run, &piece);
        kept.terms.push(reference);
        out(PieceKind::Terms, bytes);
        let bytes = encode(&positions);
        kept.positions.push(content_hash(&bytes));
        out(PieceKind::Positions, bytes);
    });
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
    runs_into(items.into_iter(), bytes, key, |first, run| {
        runs.push((first, run))
    });
    runs
}

/// [`runs_of`], each run given to `run` as soon as it closes: the items
/// are never all held at once.
fn runs_into<T: Serialize, K: AsRef<[u8]>>(
    items: impl Iterator<Item = T>,
    bytes: usize,
    key: impl Fn(&T) -> K,
    mut run: impl FnMut(u32, Vec<T>),
) {
    let (mut items_of_run, mut first, mut size) = (Vec::new(), 0u32, 0usize);
    for (number, item) in items.enumerate() {
        size += postcard::to_allocvec(&item).map_or(0, |b| b.len());
        let ends = closes(size, bytes, key(&item).as_ref());
        items_of_run.push(item);
        if ends {
            run(first, std::mem::take(&mut items_of_run));
            (first, size) = (number as u32 + 1, 0);
        }
    }
    if !items_of_run.is_empty() {
        run(first, items_of_run);
    }
}

/// `piece`, encoded, and its reference as the piece starting at `first`.
fn encoded_piece<T: Serialize>(first: u32, piece: &T) -> (PieceRef, Vec<u8>) {
    let bytes = encode(piece);
    let hash = content_hash(&bytes);
    (PieceRef { first, hash }, bytes)
}
