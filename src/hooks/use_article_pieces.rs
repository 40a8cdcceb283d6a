use std::rc::Rc;

use liseuse_core::model::Related;
use liseuse_core::Library;
use yew::prelude::*;

use super::use_pieces;
use crate::pieces::failure;

/// What the reading view of an article waits for in a split index, and
/// what came of it.
pub struct ArticlePieces {
    /// Its id's piece is not in yet: which article it is is not known.
    pub id_pending: bool,
    /// What to tell when its id's piece could not be loaded.
    pub id_failed: Option<String>,
    /// Its text is here (and its id known).
    pub has_text: bool,
    /// What to tell when its text's piece could not be loaded.
    pub failed: Option<String>,
    /// What to read next: its related articles (their titles are asked for).
    pub related: Vec<Related>,
    /// Its main names, as shown.
    pub names: Vec<String>,
}

/// Asks for the pieces article `id` needs (its id's, then its text's and
/// what it links to, and the titles of its related articles), and says
/// where they are. A whole index needs none.
#[hook]
pub fn use_article_pieces(library: &Rc<Library>, id: &AttrValue) -> ArticlePieces {
    let id_files = library.missing_for_ids([id.as_str()]);
    let id_failed = failure(&id_files);
    let id_pending = !id_files.is_empty();
    use_pieces(library, id_files);
    let text_files = library.missing_texts(library.doc_of(id));
    let failed = failure(&text_files);
    // (Not before its id is known: what waits for the text waits for it too.)
    let has_text = use_pieces(library, text_files) && !id_pending;
    let doc = library.doc_of(id);
    use_pieces(library, library.missing_links(doc));
    let related = doc.map(|doc| library.related(doc)).unwrap_or_default();
    let names = (doc.map(|doc| library.names_of(doc).to_vec())).unwrap_or_default();
    use_pieces(
        library,
        library.missing_titles(related.iter().map(|r| r.doc)),
    );
    ArticlePieces {
        id_pending,
        id_failed,
        has_text,
        failed,
        related,
        names,
    }
}
