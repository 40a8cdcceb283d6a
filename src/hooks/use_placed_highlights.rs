use std::ops::Range;
use std::rc::Rc;

use liseuse_core::{annotation, Library};
use yew::prelude::*;

use crate::state::StateContext;

/// The reader's highlights in an article: each block's ranges with their
/// keys, and the keys of those whose words are gone.
#[derive(Default, PartialEq)]
pub struct Placed {
    /// Each block's highlighted ranges, in order, with their keys.
    pub blocks: Vec<Vec<(Range<usize>, String)>>,
    /// The highlights whose words are no longer in the text.
    pub orphans: Vec<String>,
}

/// The reader's highlights of article `id`, found by their words in this
/// version of its text (once it is here).
#[hook]
pub fn use_placed_highlights(
    library: &Rc<Library>,
    state: Option<&StateContext>,
    id: &AttrValue,
    has_text: bool,
) -> Rc<Placed> {
    let mine: Vec<(String, annotation::Quote)> = (state)
        .map(|state| state.shelf.highlights_of(id))
        .unwrap_or_default()
        .into_iter()
        .map(|(key, h)| (key.to_string(), h.quote.clone()))
        .collect();
    let library = library.clone();
    use_memo((id.clone(), has_text, mine), move |(id, has_text, mine)| {
        let article = library.doc_of(id).map(|doc| library.article_at(doc));
        let Some(article) = article.filter(|_| *has_text) else {
            return Placed::default();
        };
        let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let mut placed = Placed {
            blocks: vec![Vec::new(); blocks.len()],
            orphans: Vec::new(),
        };
        for (key, quote) in mine {
            match annotation::locate(&blocks, quote) {
                Some(range) => {
                    for (block, part) in annotation::in_blocks(&blocks, &range) {
                        placed.blocks[block].push((part, key.clone()));
                    }
                }
                None => placed.orphans.push(key.clone()),
            }
        }
        for block in &mut placed.blocks {
            liseuse_core::order::sort_by_key(block, |(range, _)| range.start);
        }
        placed
    })
}
