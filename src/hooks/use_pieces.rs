use std::rc::Rc;

use liseuse_core::Library;
use yew::prelude::*;

use crate::pieces::{forget_later, has_failed, load_later, none_in_flight, Loader};

/// Asks for `files` once per distinct list (an effect), and says whether
/// each is in or failed: a view then shows what it can without the failed
/// ones, and says which failed.
#[hook]
pub fn use_pieces(library: &Rc<Library>, files: Vec<String>) -> bool {
    let loader = use_context::<Loader>();
    let ready = files.iter().all(|file| has_failed(file));
    {
        let library = library.clone();
        use_effect_with(files, move |files| {
            if let Some(loader) = loader {
                loader.fetch(&library, files);
            }
        });
    }
    ready
}

/// How long a query stays as it is before the pieces that only refine its
/// results ([`liseuse_core::PreparedQuery::later`]) are asked for: not at
/// every keystroke, as soon as the reader pauses. 200 to 1000 ms.
pub const LATER_AFTER_MS: u32 = 400;

/// Asks for `files`, which refine what a view of `query` shows without
/// being needed for it, once the query has stayed the same for
/// [`LATER_AFTER_MS`] and no other piece is on its way (the text of the
/// results a link to a search shows goes first): the next keystroke
/// cancels the ask.
#[hook]
pub fn use_later_pieces(library: &Rc<Library>, query: &str, files: Vec<String>) {
    let loader = use_context::<Loader>();
    let library = library.clone();
    use_effect_with((query.to_string(), files), move |(_, files)| {
        let timeout = (!files.is_empty()).then(|| {
            let files = files.clone();
            gloo::timers::callback::Timeout::new(LATER_AFTER_MS, move || {
                let Some(loader) = loader else { return };
                if none_in_flight() {
                    loader.fetch(&library, &files);
                } else {
                    load_later(library, loader, files);
                }
            })
        });
        move || {
            drop(timeout);
            forget_later();
        }
    });
}
