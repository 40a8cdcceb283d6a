use std::rc::Rc;

use liseuse_core::citation::{self, Quoted};
use liseuse_core::model::Quote;
use liseuse_core::Library;
use yew::prelude::*;

use super::use_on_demand;
use crate::site::article_address;

/// What names said (`names`: each name and its quotations), offered as a
/// Markdown file under `heading` when asked, once the titles of every
/// quoted article are here (a split index loads them then, not before: a
/// name quoted a thousand times). The callback asks.
#[hook]
pub fn use_quotes_export(
    library: &Rc<Library>,
    heading: &str,
    names: &[(&str, &[Quote])],
) -> Callback<MouseEvent> {
    let docs = names
        .iter()
        .flat_map(|(_, quotes)| quotes.iter().map(|q| q.doc));
    let export = use_on_demand(
        library,
        || library.missing_titles(docs),
        || {
            let (library, heading) = (library.clone(), heading.to_string());
            let names: Vec<(String, Vec<Quote>)> = (names.iter())
                .map(|(name, quotes)| (name.to_string(), quotes.to_vec()))
                .collect();
            move || offer(&library, &heading, &names)
        },
    );
    // (A piece that failed leaves its titles out, not the file.)
    export.ask
}

/// The Markdown of `names`' quotations, offered as a download.
fn offer(library: &Library, heading: &str, names: &[(String, Vec<Quote>)]) {
    let t = crate::site::t();
    // Each quoted article's title, address and meta line, then the quotations.
    let articles: Vec<Vec<(String, String, String)>> = (names.iter())
        .map(|(_, quotes)| {
            (quotes.iter())
                .map(|quote| {
                    let listed = library.listed(quote.doc);
                    let title = listed.map_or("", |l| l.title).to_string();
                    let link = listed.map_or(String::new(), |l| article_address(l.id));
                    let meta = liseuse_core::listing::meta_line(library.article_at(quote.doc), t);
                    (title, link, meta)
                })
                .collect()
        })
        .collect();
    let sections: Vec<(&str, Vec<Quoted>)> = (names.iter().zip(&articles))
        .map(|((name, quotes), articles)| {
            let quoted = (quotes.iter().zip(articles))
                .map(|(quote, (title, link, meta))| Quoted {
                    text: &quote.text,
                    title,
                    link,
                    meta,
                })
                .collect();
            (name.as_str(), quoted)
        })
        .collect();
    let markdown = citation::quotes_markdown(heading, &sections);
    let file = citation::words(t.lang).quotes_file;
    let _ = crate::save_file::offer(&markdown.as_str().into(), file, "text/markdown");
}
