//! An article as its reading view first shows it (`src/components/reader.rs`),
//! written by the first result's path on a link to an article while the app
//! is on its way: the same elements, classes and places, so that nothing
//! moves when the app takes over. What needs the reader's data or the app
//! (the query's marks, the position to resume, "Lu", the names and what to
//! read next, below the text) comes with the app; the save button is there,
//! inert, so that the text does not move down when it arrives.

use std::fmt::Write;

use super::{escape, meta};
use crate::article::{is_web_address, BlockKind};
use crate::route::Route;
use crate::text::{fill, ListText};
use crate::Library;

/// Article `id`'s number once its text is in, else the pieces it needs
/// next: the id's piece, then its text's. An id that no article has needs
/// none and has no page: the app says so.
pub(super) fn article_ready(library: &Library, id: &str) -> Result<u32, Vec<String>> {
    let Some(doc) = library.doc_of(id) else {
        return Err(library.missing_for_ids([id]));
    };
    if !library.has_text(doc) {
        return Err(library.missing_texts([doc]));
    }
    Ok(doc)
}

/// Article `doc`'s reading view, opened from the results of `query` (or
/// from the list, when it is empty).
pub(super) fn article_html(library: &Library, doc: u32, query: &str, text: &ListText) -> String {
    let article = library.article_at(doc);
    let mut html = String::with_capacity(
        1024 + article
            .blocks
            .iter()
            .map(|b| b.text.len() + 24)
            .sum::<usize>(),
    );
    let back = Route::Search {
        query: query.to_string(),
        newest: false,
    }
    .to_hash();
    let back_label = if query.is_empty() {
        text.back_all
    } else {
        text.back_results
    };
    let _ = write!(
        html,
        "<article class=\"reader\"><progress class=\"progress\" max=\"100\" value=\"0\" aria-label=\"{}\"></progress><a class=\"back\" href=\"{}\">{}</a>",
        escape(text.progress),
        escape(&back),
        escape(back_label),
    );
    if let Some(section) = &article.section {
        let _ = write!(html, "<p class=\"section\">{}</p>", escape(section));
    }
    if !article.title.is_empty() {
        let _ = write!(html, "<h1>{}</h1>", escape(&article.title));
    }
    meta(&mut html, article, text);
    match article.reading_minutes() {
        0 => {}
        minutes => {
            let _ = write!(
                html,
                "<p class=\"reading-time\">{}</p>",
                escape(&text.reading_time(minutes))
            );
        }
    }
    let _ = write!(
        html,
        "<div class=\"article-actions\"><button type=\"button\" class=\"save\" aria-pressed=\"false\" aria-label=\"{}\" disabled><span aria-hidden=\"true\">{}</span></button></div>",
        escape(text.save_for_later),
        escape(text.save_short),
    );
    if let Some(url) = article.url.as_ref().filter(|u| is_web_address(u)) {
        let _ = write!(
            html,
            "<p class=\"original\"><a href=\"{}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">{}</a></p>",
            escape(url),
            escape(text.read_original),
        );
    }
    html.push_str("<div class=\"text\">");
    for (b, block) in article.blocks.iter().enumerate() {
        let (open, close) = match block.kind {
            BlockKind::Heading => ("<h2", "</h2>"),
            BlockKind::Caption => ("<p class=\"caption\"", "</p>"),
            BlockKind::Paragraph => ("<p", "</p>"),
        };
        let _ = write!(html, "{open} data-b=\"{b}\">{}{close}", escape(&block.text));
    }
    html.push_str("</div>");
    if !article.credits.is_empty() {
        let credits = fill(text.photo_t, &[&article.credits.join(" ; ")]);
        let _ = write!(html, "<p class=\"credits\">{}</p>", escape(&credits));
    }
    html.push_str("</article>");
    html
}
