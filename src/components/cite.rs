//! "Citer": the reference of the article read, or of a passage selected in
//! it, as a line of text, BibTeX, RIS and CSL-JSON
//! ([`liseuse_core::citation`]), each with a button that copies it; and
//! the references of the saved articles, downloaded at once.

use liseuse_core::citation::{self, Format, Reference, Words};
use liseuse_core::Article;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::site::article_address;

/// What is cited: a passage and the block it starts in, or (none) the
/// whole article.
#[derive(Clone, Debug, PartialEq)]
pub struct Citing {
    /// The passage quoted and its block.
    pub passage: Option<(String, usize)>,
}

/// The interface's words for citing.
pub fn words() -> &'static Words {
    citation::words(crate::site::t().lang)
}

/// Today, `YYYY-MM-DD`, the day a reference says the article was read.
fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.chars().take(10).collect()
}

/// The reference of `article` (id `id`) for `citing`.
fn reference<'a>(
    article: &'a Article,
    id: &str,
    citing: &'a Citing,
    accessed: &'a str,
) -> Reference<'a> {
    let page = article_address(id);
    let link = match &citing.passage {
        Some((_, block)) => citation::paragraph_link(&page, article, *block),
        None => page,
    };
    Reference {
        article,
        site: &crate::site::site().title,
        link,
        accessed,
        passage: citing.passage.as_ref().map(|(text, _)| text.as_str()),
    }
}

/// The dialog of `citing` in `article`: each form of the reference, and a
/// button that copies it ("Copié" once the browser has it).
pub fn cite_dialog(
    dialog: &NodeRef,
    article: &Article,
    id: &str,
    citing: &Citing,
    copied: &UseStateHandle<Option<usize>>,
) -> Html {
    let w = words();
    let accessed = today();
    let r = reference(article, id, citing, &accessed);
    let forms = [
        (w.text, r.text(crate::site::t())),
        (Format::Bibtex.name(), r.bibtex()),
        (Format::Ris.name(), r.ris()),
        (
            Format::CslJson.name(),
            citation::all(std::slice::from_ref(&r), Format::CslJson),
        ),
    ];
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    let title = if citing.passage.is_some() {
        w.cite_passage
    } else {
        w.cite_article
    };
    html! {
        <dialog ref={dialog.clone()} class="note cite" aria-labelledby="cite-title">
            <h2 id="cite-title">{title}</h2>
            { for forms.into_iter().enumerate().map(|(n, (name, text))| form(n, name, text, copied)) }
            <p class="dialog-end">
                <button type="button" class="primary" onclick={close}>{w.close}</button>
            </p>
        </dialog>
    }
}

/// One form of the reference, `n`th, named `name`, with its copy button.
fn form(
    n: usize,
    name: &'static str,
    text: String,
    copied: &UseStateHandle<Option<usize>>,
) -> Html {
    let w = words();
    let copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let written = JsFuture::from(clipboard.write_text(&text));
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if written.await.is_ok() {
                    copied.set(Some(n));
                }
            });
        })
    };
    let label = if **copied == Some(n) {
        w.copied
    } else {
        w.copy
    };
    html! {
        <section class="cite-form" aria-label={name}>
            <h3>{name}</h3>
            <pre tabindex="0">{text}</pre>
            <button type="button" onclick={copy} aria-label={format!("{label} ({name})")}>{label}</button>
        </section>
    }
}

/// The references of `articles` (with their ids) downloaded as a file of
/// `format`.
pub fn download(articles: &[(&Article, &str)], format: Format) {
    let accessed = today();
    let whole = Citing { passage: None };
    let references: Vec<Reference> = (articles.iter())
        .map(|&(article, id)| reference(article, id, &whole, &accessed))
        .collect();
    let (file, media) = format.file();
    let _ = crate::save_file::offer(&citation::all(&references, format).into(), file, media);
}
