//! Related articles, found when the index is built: for each article, the
//! [`RELATED`] others whose content is closest to its own.
//!
//! Each article is a vector of its terms, weighted as the search weighs
//! them: BM25F's saturated, length-normalised frequency over the fields
//! ([`K1`], [`B`], [`FIELD_WEIGHTS`]) times the term's inverse document
//! frequency, and names (terms mostly written with a capital: `Bakou`,
//! `Stoltenberg`) [`NAME_WEIGHT`] times more, since a story is about its
//! people and places. Two articles are as related as the cosine of their
//! vectors. For speed at tens of thousands of articles, an article is
//! compared through its [`KEY_TERMS`] heaviest terms only, and terms found
//! in more than [`COMMON`] of the articles (of a large collection), or in
//! more than [`COMMON_MOST`], carry no comparison: they are in nearly everything.
//!
//! The weights are those of the [settled](liseuse_core::format::settled)
//! articles (their number of documents per term, their lengths, their
//! count): articles added since the last whole block leave the others'
//! weights, hence the others' related articles, as they were, but where a
//! new article is among the closest. A rebuild that adds ten articles then
//! rewrites the links of the few articles they join, not of hundreds.
//!
//! The same story told by two sources is marked ([`Related::same_story`]):
//! a cosine of at least [`SAME_STORY`] between articles of two sources.

use liseuse_core::format::{Field, SearchIndex, FIELD_COUNT};
pub use liseuse_core::model::Related;
use liseuse_core::search::{B, FIELD_WEIGHTS, K1};

/// How many related articles each article keeps.
pub const RELATED: usize = 5;

/// How much more a name weighs than another term.
pub const NAME_WEIGHT: f32 = 1.5;

/// How many of an article's heaviest terms it is compared through.
pub const KEY_TERMS: usize = 60;

/// The share of the articles above which a term is too common to compare
/// through (for collections of more than [`COMMON_FROM`] articles).
pub const COMMON: f32 = 0.05;

/// The size from which [`COMMON`] applies: in a small dossier every article
/// shares the main words, and they are what relates them.
pub const COMMON_FROM: usize = 1000;

/// The most articles a term compared through may be in, whatever the size
/// of the collection: each article is then compared with at most
/// [`KEY_TERMS`] × this many others, and the time of this step grows with
/// the collection, not with its square (5 % of 100,000 articles took ten
/// times as long as 5 % of 34,000). Above [`COMMON`] of any collection of
/// less than 40,000 articles, so those are unchanged.
pub const COMMON_MOST: usize = 2000;

/// The cosine from which two articles of two sources tell the same story.
pub const SAME_STORY: f32 = 0.6;

/// The cosine under which an article is not related at all.
pub const UNRELATED: f32 = 0.02;

/// Keeps the [`KEY_TERMS`] heaviest of `keys`, heaviest first; of two as
/// heavy, the one first in `keys` (a stable sort: cutting now and then keeps
/// the same terms, in the same order, as cutting once at the end).
fn heaviest(keys: &mut Vec<(u32, f32)>) {
    keys.sort_by(|a, b| b.1.total_cmp(&a.1));
    keys.truncate(KEY_TERMS);
}

/// The related articles of every document of `index` (whole, not split),
/// most related first; `sources` gives each document's source.
pub fn related(index: &SearchIndex, sources: &[Option<&str>]) -> Vec<Vec<Related>> {
    let weights = Weights::new(index);
    let compared = Compared::of(index, &weights);
    let source = |d: usize| sources.get(d).copied().flatten();
    // A share of the documents a core (each document's list is its own).
    let shares =
        crate::parallel::in_ranges(compared.keys.len(), |docs| compared.closest(docs, source));
    shares.into_iter().flatten().collect()
}

/// What articles are compared through: terms in more than one article
/// and not too common among the settled ones.
struct Compared {
    /// Each document's [`KEY_TERMS`] heaviest such terms, with their
    /// weights, heaviest first.
    keys: Vec<Vec<(u32, f32)>>,
    /// Each such term's documents, with its weight in each (none for the
    /// other terms).
    by_term: Vec<Vec<(u32, f32)>>,
    /// Each document's norm, over all its terms.
    norms: Vec<f32>,
}

impl Compared {
    /// Weighs every posting of `index` once. Each document's keys are cut
    /// to the heaviest now and then, so that the memory of this step stays
    /// a small part of the index's.
    fn of(index: &SearchIndex, weights: &Weights) -> Compared {
        let count = index.doc_count as usize;
        let settled = weights.settled as usize;
        let common = if settled > COMMON_FROM {
            ((COMMON * settled as f32) as usize).min(COMMON_MOST)
        } else {
            usize::MAX
        };
        let mut by_term: Vec<Vec<(u32, f32)>> = Vec::with_capacity(index.postings.len());
        let mut keys: Vec<Vec<(u32, f32)>> = vec![Vec::new(); count];
        let mut squares: Vec<f32> = vec![0.0; count];
        for (term, postings) in index.postings.iter().enumerate() {
            let settled_df = postings.docs_before(weights.settled);
            let kept = postings.doc_frequency() > 1 && settled_df <= common;
            let mut docs = Vec::with_capacity(if kept { postings.doc_frequency() } else { 0 });
            for (doc, weight) in weights.of_term(term, settled_df) {
                squares[doc as usize] += weight * weight;
                if kept {
                    let keys = &mut keys[doc as usize];
                    keys.push((term as u32, weight));
                    if keys.len() >= 4 * KEY_TERMS {
                        heaviest(keys);
                    }
                    docs.push((doc, weight));
                }
            }
            by_term.push(docs);
        }
        for keys in &mut keys {
            heaviest(keys);
            keys.shrink_to_fit();
        }
        let norms = squares.into_iter().map(f32::sqrt).collect();
        Compared {
            keys,
            by_term,
            norms,
        }
    }
}

impl Compared {
    /// The related articles of the documents `docs`, in order.
    fn closest<'s>(
        &self,
        docs: std::ops::Range<usize>,
        source: impl Fn(usize) -> Option<&'s str>,
    ) -> Vec<Vec<Related>> {
        let mut scores = vec![0f32; self.keys.len()];
        let mut touched: Vec<u32> = Vec::new();
        // (One buffer for every document: a buffer of thousands a
        // document, between the lists kept, left the memory in pieces,
        // 500 MB at 34,000 articles.)
        let mut ranked: Vec<(u32, f32)> = Vec::new();
        docs.map(|doc| {
            for &(term, weight) in &self.keys[doc] {
                for &(other, theirs) in &self.by_term[term as usize] {
                    let at = other as usize;
                    if at == doc {
                        continue;
                    }
                    if scores[at] == 0.0 {
                        touched.push(other);
                    }
                    scores[at] += weight * theirs;
                }
            }
            ranked.clear();
            ranked.extend(
                (touched.drain(..))
                    .map(|other| {
                        let dot = std::mem::take(&mut scores[other as usize]);
                        let norm = self.norms[doc] * self.norms[other as usize];
                        (other, if norm > 0.0 { dot / norm } else { 0.0 })
                    })
                    .filter(|&(_, cosine)| cosine >= UNRELATED),
            );
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(RELATED);
            (ranked.iter().copied())
                .map(|(other, cosine)| Related {
                    doc: other,
                    same_story: cosine >= SAME_STORY
                        && source(doc).is_some()
                        && source(other as usize).is_some()
                        && source(doc) != source(other as usize),
                })
                .collect()
        })
        .collect()
    }
}

/// What weighs a term in a document, as the search's BM25F, by the
/// statistics of the settled articles.
struct Weights<'a> {
    index: &'a SearchIndex,
    /// How many articles are settled: the first ones.
    settled: u32,
    /// Their average number of terms in each field, at least 1.
    average_lengths: [f32; FIELD_COUNT],
}

impl<'a> Weights<'a> {
    fn new(index: &'a SearchIndex) -> Self {
        let settled = liseuse_core::format::settled(index.doc_count);
        let average_lengths = index.average_lengths_before(settled);
        Weights {
            index,
            settled,
            average_lengths,
        }
    }

    /// The saturated frequency of a term counted `counts` in `doc`.
    fn frequency(&self, doc: u32, counts: &[u32]) -> f32 {
        let mut frequency = 0.0;
        for field in Field::ALL {
            let f = field as usize;
            let Some(&count) = counts.get(f).filter(|&&c| c > 0) else {
                continue;
            };
            let length = self.index.field_length(field, doc) as f32;
            let norm = 1.0 - B[f] + B[f] * length / self.average_lengths[f];
            frequency += FIELD_WEIGHTS[f] * count as f32 / norm;
        }
        frequency * (K1 + 1.0) / (K1 + frequency)
    }

    /// The documents of `term`, in `settled_df` of the settled articles,
    /// each with the term's weight there (the postings decoded as they go).
    fn of_term(&self, term: usize, settled_df: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        let idf = self.idf(settled_df, term);
        let count = self.index.doc_count;
        (self.index.postings[term].iter())
            .filter(move |posting| posting.doc < count)
            .map(move |posting| {
                (
                    posting.doc,
                    idf * self.frequency(posting.doc, posting.counts),
                )
            })
    }

    /// The inverse document frequency of `term` in `doc_frequency` of the
    /// settled articles, names weighed higher.
    fn idf(&self, doc_frequency: usize, term: usize) -> f32 {
        let n = self.settled as f32;
        let df = doc_frequency as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        if self.index.names.get(term).copied().unwrap_or(false) {
            idf * NAME_WEIGHT
        } else {
            idf
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indexer::build_index;
    use liseuse_core::article::parse_capture;
    use liseuse_core::{Article, Library};

    fn article(id: &str, source: Option<&str>, text: &str) -> Article {
        Article {
            source: source.map(str::to_string),
            ..parse_capture(id, text).unwrap()
        }
    }

    fn collection() -> Vec<Article> {
        let truce = "Trêve à Stepanakert\n\nL’Arménie et l’Azerbaïdjan ont signé une trêve à Moscou ; les combats du Haut-Karabakh cessent à Stepanakert, selon Nikol Pashinyan.";
        vec![
            article("a", Some("Le Journal"), truce),
            article("b", Some("La Gazette"), truce),
            article("c", Some("Le Journal"), "Pashinyan à Stepanakert\n\nNikol Pashinyan s’est rendu à Stepanakert, au Haut-Karabakh, après les combats."),
            article("d", None, "Le marché du blé\n\nLes cours du blé montent à Chicago après une récolte médiocre en Australie."),
            article("e", None, "Récolte de blé\n\nL’Australie annonce une récolte de blé médiocre ; les cours montent."),
        ]
    }

    #[test]
    fn each_article_is_related_to_those_on_its_story_the_same_story_marked() {
        let file = build_index(collection());
        let library = Library::new(file);
        let ids = |doc: u32| -> Vec<(String, bool)> {
            (library.related(doc).into_iter())
                .map(|r| (library.article_at(r.doc).id.clone(), r.same_story))
                .collect()
        };
        let doc = |id: &str| library.doc_of(id).unwrap();
        let of_a = ids(doc("a"));
        assert_eq!(
            of_a[0],
            ("b".to_string(), true),
            "{of_a:?}: the same story, another source"
        );
        assert!(of_a.iter().any(|(id, same)| id == "c" && !same), "{of_a:?}");
        assert!(
            !of_a.iter().any(|(id, _)| id == "d" || id == "e"),
            "{of_a:?}: another story"
        );
        assert_eq!(ids(doc("d")).first().map(|r| r.0.as_str()), Some("e"));
        assert!(
            ids(doc("d")).iter().all(|(_, same)| !same),
            "no sources: not marked"
        );
        for d in 0..library.len() as u32 {
            let related = library.related(d);
            assert!(related.len() <= RELATED && related.iter().all(|r| r.doc != d));
        }
    }

    #[test]
    fn related_articles_travel_with_the_text_of_a_split_index_and_are_checked() {
        let file = build_index(collection());
        let whole = Library::new(file.clone());
        let (first, pieces) = file.split(liseuse_core::format::PieceSizes::about(200));
        let split = Library::from_bytes(&first.to_bytes()).unwrap();
        assert!(split.related(0).is_empty(), "not before its text");
        // (All but the whole postings, which a first visit reads.)
        let unread = first.pieces.whole_files();
        for (name, bytes) in pieces.iter().filter(|(n, _)| !unread.contains(n)) {
            split.add_piece(name, bytes).unwrap();
        }
        for d in 0..whole.len() as u32 {
            assert_eq!(split.related(d), whole.related(d));
        }
        let mut bad = build_index(collection());
        bad.articles[0].related.push(Related {
            doc: 99,
            same_story: false,
        });
        assert!(
            bad.validate().is_err(),
            "a downloaded file's related articles are checked"
        );
    }
}
