use std::rc::Rc;

use liseuse_core::epub::{self, Book, Chapter};
use liseuse_core::model::Quote;
use liseuse_core::Library;
use yew::prelude::*;

use super::{use_on_demand, OnDemand};
use crate::site::article_address;
use crate::state::StateContext;

/// The most articles one e-book holds (the first ones of the list).
pub const MOST: usize = 200;

/// An e-book asked for: see [`OnDemand`].
pub type Ebook = OnDemand;

/// Makes the articles `docs` (the first [`MOST`]) into the e-book `title`
/// when asked, once their texts are here, with the reader's highlights and,
/// for a name's book, what it said in each article (`quotes`), and offers
/// it as a download.
#[hook]
pub fn use_ebook(library: &Rc<Library>, docs: &[u32], title: &str, quotes: &[Quote]) -> Ebook {
    let state = use_context::<StateContext>();
    let docs = &docs[..docs.len().min(MOST)];
    use_on_demand(
        library,
        || library.missing_texts(docs.iter().copied()),
        || {
            let (library, docs) = (library.clone(), docs.to_vec());
            let (title, quotes) = (title.to_string(), quotes.to_vec());
            move || {
                let shelf = state.as_ref().map(|s| s.shelf.clone()).unwrap_or_default();
                make(&library, &docs, &title, &shelf, &quotes);
            }
        },
    )
}

/// The e-book `title` of `docs`, with the highlights of `shelf` and the
/// `quotes` of each article, offered as a download.
fn make(
    library: &Library,
    docs: &[u32],
    title: &str,
    shelf: &liseuse_core::personal::Shelf,
    quotes: &[Quote],
) {
    let chapters = (docs.iter())
        .map(|&doc| {
            let article = library.article_at(doc);
            Chapter {
                article,
                link: article_address(&article.id),
                highlights: (shelf.highlights_of(&article.id).into_iter())
                    .map(|(_, h)| h)
                    .collect(),
                quotes: (quotes.iter())
                    .filter(|q| q.doc == doc)
                    .map(|q| q.text.as_str())
                    .collect(),
            }
        })
        .collect();
    let made = String::from(js_sys::Date::new_0().to_iso_string());
    let made = format!("{}Z", made.get(..19).unwrap_or("1970-01-01T00:00:00"));
    let lang = library
        .analyzer_of(docs.first().copied().unwrap_or(0))
        .language
        .code();
    let book = Book {
        title,
        lang,
        made: &made,
        chapters,
        text: crate::site::t(),
    };
    let bytes = epub::epub(&book);
    // (ASCII case only: Unicode's case tables are 4 kB of wasm.)
    let name: String = (title.chars())
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let data = js_sys::Uint8Array::from(&bytes[..]);
    let _ = crate::save_file::offer(
        &data,
        &format!("liseuse-{name}.epub"),
        "application/epub+zip",
    );
}
