use std::ops::Range;
use std::rc::Rc;

use liseuse_core::Library;
use yew::prelude::*;

use super::use_pieces;
use super::use_prepared;

/// Where an article matches a query: the title's ranges, and each block's.
/// One range is one mark shown (a phrase found is one, not one per word).
#[derive(Default, PartialEq)]
pub struct Marks {
    /// In the title.
    pub title: Vec<Range<usize>>,
    /// In each block, in order.
    pub blocks: Vec<Vec<Range<usize>>>,
}

impl Marks {
    /// How many marks, title and blocks.
    pub fn count(&self) -> usize {
        self.title.len() + self.blocks.iter().map(Vec::len).sum::<usize>()
    }
}

/// The matches of `query` in article `id`, read in the article's language.
/// The terms are computed once per query (a split index knows them once the
/// dictionary pieces of the query's words are in), and the marks once per
/// article, text and terms: not again when the progress bar moves.
#[hook]
pub fn use_article_marks(
    library: &Rc<Library>,
    id: &AttrValue,
    has_text: bool,
    query: &AttrValue,
) -> Rc<Marks> {
    let prepared = use_prepared(library, query);
    let phrase = prepared.has_phrase();
    let terms_known = use_pieces(library, prepared.missing_dictionary().to_vec());
    let terms = {
        let library = library.clone();
        use_memo((query.clone(), terms_known), move |_| {
            library.prepared_terms(&prepared)
        })
    };
    let library = library.clone();
    use_memo(
        (id.clone(), has_text, terms, phrase),
        move |(id, _, terms, phrase)| {
            let Some(doc) = library.doc_of(id) else {
                return Marks::default();
            };
            let article = library.article_at(doc);
            let marks = |text: &str| {
                let marks = library.highlight(doc, text, terms);
                if *phrase {
                    library.join_phrases(doc, text, marks)
                } else {
                    marks
                }
            };
            Marks {
                title: marks(&article.title),
                blocks: article.blocks.iter().map(|b| marks(&b.text)).collect(),
            }
        },
    )
}
