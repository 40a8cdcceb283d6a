//! The first result's path: what a link to a search or to an article needs
//! before its first paint, and nothing else. `assets/boot.js` starts it
//! while the page is parsed, on such a link: it opens the index's first
//! file, names the pieces the page needs round after round (which boot.js
//! downloads), and writes the first page of results, or the article, with
//! the very code that writes the home page's list at build time
//! (`liseuse_core::markup`). The app, with every feature, arrives after
//! that paint and takes the page over without moving it.
//!
//! It holds no DOM code and no fetch: boot.js does both with the browser's
//! own APIs, so this wasm is the engine, the checks and the markup only.

use liseuse_core::markup::first_round;
use liseuse_core::pieces::check;
use liseuse_core::route::Route;
use liseuse_core::text::{Lang, ListText};
use liseuse_core::Library;
use wasm_bindgen::prelude::wasm_bindgen;

/// A collection opened for the first view of one link: a search's first
/// results, or an article.
#[wasm_bindgen]
pub struct First {
    library: Library,
    /// The link: to a search or to an article.
    route: Route,
    text: &'static ListText,
    /// The page as the last round could show it, until asked for.
    html: Option<String>,
}

#[wasm_bindgen]
impl First {
    /// Opens the index's first file, named `name`, its bytes `bytes`
    /// (decoded), for the page at `hash` (a link to a search or an article)
    /// whose language is `lang` (`<html lang>`), reading its whole postings
    /// if `whole` (a reader who keeps no copy: see
    /// [`Library::from_bytes_with`]). Fails with the reason when the bytes
    /// are not the file, or the link is to another page.
    pub fn open(
        name: &str,
        bytes: &[u8],
        hash: &str,
        lang: &str,
        whole: bool,
    ) -> Result<First, String> {
        let route = Route::from_hash(hash);
        // A search among quotations (`cite:`) is the app's too.
        let quotations = liseuse_core::route::asks_quotations(route.query());
        if quotations || !matches!(route, Route::Search { .. } | Route::Article { .. }) {
            return Err(format!("{hash}: not a search or an article"));
        }
        check(name, bytes).map_err(|e| e.to_string())?;
        let library = Library::from_bytes_with(bytes, whole).map_err(|e| e.to_string())?;
        // A collection in a language whose stemmer this wasm does not carry
        // is the app's to search.
        if !library.analyses_every_language() {
            return Err("a language of the collection is not carried".into());
        }
        Ok(First {
            library,
            route,
            text: Lang::of(lang).unwrap_or_default().list(),
            html: None,
        })
    }

    /// Searches once (or looks for the article): keeps the page it can show ([`First::html`]), returns
    /// the pieces of the next round (under `pieces/`), none at the last.
    pub fn round(&mut self) -> Vec<String> {
        let round = first_round(&self.library, &self.route, self.text);
        self.html = round.html;
        round.missing
    }

    /// Takes in piece `name` (its bytes decoded), checked against its name
    /// by [`Library::add_piece`]; fails with the reason.
    pub fn add(&self, name: &str, bytes: &[u8]) -> Result<(), String> {
        (self.library.add_piece(name, bytes)).map_err(|e| e.to_string())
    }

    /// The page the last round could show; `None` before the search's own
    /// pieces (or the article's text).
    pub fn html(&mut self) -> Option<String> {
        self.html.take()
    }
}
