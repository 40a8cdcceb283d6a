//! "E-book (EPUB)": a list's articles as an e-book ([`liseuse_core::epub`]),
//! made in the browser once their texts are here (a split index downloads
//! their pieces first), with the reader's highlights.

use liseuse_core::epub::{self, Book, Chapter};
use yew::prelude::*;

use super::settings::download;
use super::{article_address, SharedLibrary};
use crate::hooks::use_pieces;
use crate::pieces::failure;
use crate::state::StateContext;

/// The most articles one e-book holds (the first ones of the list).
pub const MOST: usize = 200;

/// The button that downloads the articles `docs` as the e-book `title`.
#[hook]
pub fn use_ebook(library: &SharedLibrary, docs: &[u32], title: &str) -> Html {
    let asked = use_state_eq(|| false);
    let state = use_context::<StateContext>();
    let library = &library.0;
    let docs: Vec<u32> = docs.iter().copied().take(MOST).collect();
    let missing = if *asked {
        library.missing_texts(docs.iter().copied())
    } else {
        Vec::new()
    };
    let failed = failure(&missing);
    let ready = use_pieces(library, missing) && *asked;
    {
        let (library, asked, title) = (library.clone(), asked.setter(), title.to_string());
        let docs = docs.clone();
        use_effect_with(ready, move |&ready| {
            if !ready {
                return;
            }
            asked.set(false);
            let shelf = state.as_ref().map(|s| s.shelf.clone()).unwrap_or_default();
            let chapters = (docs.iter())
                .map(|&doc| {
                    let article = library.article_at(doc);
                    Chapter {
                        article,
                        link: article_address(&article.id),
                        highlights: (shelf.highlights_of(&article.id).into_iter())
                            .map(|(_, h)| h)
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
                title: &title,
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
            let _ = download(
                &data,
                &format!("liseuse-{name}.epub"),
                "application/epub+zip",
            );
        });
    }
    if docs.is_empty() {
        return Html::default();
    }
    let onclick = {
        let asked = asked.setter();
        Callback::from(move |_: MouseEvent| asked.set(true))
    };
    // The name starts with the words shown (WCAG 2.5.3), then says of what.
    let t = crate::site::t();
    let label = (!*asked).then(|| liseuse_core::text::fill(t.labelled_t, &[t.ebook, title]));
    html! {
        <p class="ebook">
            <button type="button" class="link" {onclick} disabled={*asked} aria-label={label}>
                {if *asked { t.ebook_preparing } else { t.ebook }}
            </button>
            if let Some(failed) = failed {
                <span role="alert">{failed}</span>
            }
        </p>
    }
}
