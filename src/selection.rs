//! The reader's selection in the article being read, as a quote of its
//! text: what a highlight keeps ([`liseuse_core::annotation`]).

use liseuse_core::annotation::{self, Quote};
use liseuse_core::Library;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The selection, when it is text of the article being read.
pub fn selected_range() -> Option<web_sys::Range> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let text = gloo::utils::document()
        .query_selector("article.reader .text")
        .ok()??;
    let inside = |node: Option<Node>| node.is_some_and(|n| text.contains(Some(&n)));
    (inside(range.start_container().ok()) && inside(range.end_container().ok())).then_some(range)
}

/// The quote of the text of article `id` selected now, if any.
pub fn selected_quote(library: &Library, id: &str) -> Option<Quote> {
    let range = selected_range()?;
    let article = library.article_at(library.doc_of(id)?);
    let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let start = point(
        &blocks,
        range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let end = point(
        &blocks,
        range.end_container().ok()?,
        range.end_offset().ok()?,
    )?;
    annotation::quote(&blocks, start, end)
}

/// Where `(node, offset)` of the article's text is in its joined text.
fn point(blocks: &[&str], node: Node, offset: u32) -> Option<usize> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    let Some(block) = element.closest("[data-b]").ok().flatten() else {
        // Between blocks: the text's own element, `offset` children in.
        let at = offset as usize;
        return Some(match blocks.get(at) {
            Some(_) => annotation::offset(blocks, at, 0),
            None => annotation::offset(blocks, blocks.len(), 0),
        });
    };
    let index: usize = block.get_attribute("data-b")?.parse().ok()?;
    let before = gloo::utils::document().create_range().ok()?;
    before.set_start(&block, 0).ok()?;
    before.set_end(&node, offset).ok()?;
    let units = String::from(before.to_string()).encode_utf16().count();
    let text = blocks.get(index)?;
    Some(annotation::offset(
        blocks,
        index,
        annotation::utf16_to_byte(text, units),
    ))
}
