//! Downloads the pieces of a split index (see `liseuse_core::format`) when a
//! view needs them: the dictionary and term pieces of a query (in rounds: a
//! view asks again at each arrival, and the dictionary pieces tell which term
//! pieces come next), the text pieces of the articles shown. A whole index
//! has none, and nothing here runs.
//!
//! Views read the [`Loader`] from the context: it changes whenever a piece
//! arrives or fails, which renders them again with what is now loaded.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use liseuse_core::text::fill;
use liseuse_core::Library;
use yew::prelude::*;

/// Pieces that only refine a view, waiting: the library, how to load them, their names.
type Later = (Rc<Library>, Loader, Vec<String>);

thread_local! {
    /// Files being downloaded (asked once, however many views need them),
    /// and whether a view asked for one again while it was on its way.
    static IN_FLIGHT: RefCell<BTreeMap<String, bool>> = const { RefCell::new(BTreeMap::new()) };
    /// Files that could not be loaded, with the reason.
    static FAILED: RefCell<BTreeMap<String, Failure>> = const { RefCell::new(BTreeMap::new()) };
    /// Pieces that only refine a view, asked for while others were on their
    /// way: they go once none is, not sharing the link with what a view shows.
    static LATER: RefCell<Option<Later>> = const { RefCell::new(None) };
    /// Arrivals the views are to be told of (at the next frame).
    static UNTOLD: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// Tells the page (`assets/boot.js`) that pieces are on their way
/// (`liseuse-busy`) or that none is (`liseuse-idle`): the service worker is
/// registered, and fills its offline cache, only while the reader's own
/// downloads are not in flight.
pub fn tell_page(busy: bool) {
    let name = if busy { "liseuse-busy" } else { "liseuse-idle" };
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// Tells the views that pieces arrived: at once when none is on its way any
/// more (the views ask for the next round, or show the last), else at the
/// next frame, so that the pieces that arrive before it (a keystroke's ten
/// title pieces come within a few ms of each other) are shown by one render
/// of the views, not one each. A hidden page draws no frames: it is told
/// within [`TELL_AT_LATEST_MS`] all the same.
fn tell_views(notify: Callback<()>) {
    let waiting = UNTOLD.with(|untold| untold.borrow_mut().replace(notify).is_some());
    if none_in_flight() {
        tell_untold();
    } else if !waiting {
        let at_frame = wasm_bindgen::closure::Closure::once_into_js(tell_untold);
        let _ = gloo::utils::window().request_animation_frame(at_frame.unchecked_ref());
        gloo::timers::callback::Timeout::new(TELL_AT_LATEST_MS, tell_untold).forget();
    }
}

/// Tells the views of the arrivals not told yet, if any.
fn tell_untold() {
    if let Some(notify) = UNTOLD.with(|untold| untold.borrow_mut().take()) {
        notify.emit(());
    }
}

/// How long arrivals wait at most for a frame to be told to the views.
const TELL_AT_LATEST_MS: u32 = 100;

/// Whether no piece is on its way.
pub fn none_in_flight() -> bool {
    IN_FLIGHT.with(|f| f.borrow().is_empty())
}

pub use crate::fetch::Failure;

impl Failure {
    /// What a reader is told of piece `file` failing so.
    pub fn message(&self, file: &str) -> String {
        let t = crate::site::t();
        match self {
            Failure::Network(reason) => fill(t.piece_unreachable_t, &[file, reason]),
            Failure::Damaged(reason) => fill(t.piece_damaged_t, &[file, reason]),
        }
    }
}

/// Where the pieces are, relative to the page (as the app's own files).
pub use liseuse_core::pieces::PIECES_DIR as PIECES_PATH;

/// Counts the pieces that arrived or failed; views render again when it changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrivals(pub u32);

impl Reducible for Arrivals {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Arrivals(self.0.wrapping_add(1)).into()
    }
}

/// What views use to ask for pieces (from the context).
#[derive(Clone, PartialEq)]
pub struct Loader {
    /// Changes at each arrival or failure.
    pub arrivals: u32,
    /// Told of each arrival or failure.
    pub notify: Callback<()>,
}

impl Loader {
    /// Starts downloading each of `files` that is neither loaded nor on its
    /// way; a file that failed before is tried again.
    ///
    /// A file asked for again while on its way, whose download then fails,
    /// is tried once more: the view that asked last (after the network came
    /// back, say) would otherwise be left with the earlier failure.
    pub fn fetch(&self, library: &Rc<Library>, files: &[String]) {
        for file in files {
            let on_its_way = IN_FLIGHT.with(|f| {
                let mut in_flight = f.borrow_mut();
                match in_flight.get_mut(file) {
                    Some(asked_again) => {
                        *asked_again = true;
                        true
                    }
                    None => {
                        in_flight.insert(file.clone(), false);
                        false
                    }
                }
            });
            if on_its_way {
                continue;
            }
            FAILED.with(|f| f.borrow_mut().remove(file));
            if IN_FLIGHT.with(|f| f.borrow().len()) == 1 {
                tell_page(true);
            }
            let (library, file, notify) = (library.clone(), file.clone(), self.notify.clone());
            let loader = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = download(&library, &file).await;
                let asked_again = IN_FLIGHT.with(|f| f.borrow_mut().remove(&file));
                if let Err(reason) = loaded {
                    if asked_again == Some(true) {
                        loader.fetch(&library, std::slice::from_ref(&file));
                        return;
                    }
                    FAILED.with(|f| f.borrow_mut().insert(file, reason));
                }
                tell_views(notify);
                if none_in_flight() {
                    match LATER.with(|later| later.borrow_mut().take()) {
                        Some((library, loader, files)) => loader.fetch(&library, &files),
                        None => tell_page(false),
                    }
                }
            });
        }
    }
}

/// What to tell of the first of `files` that could not be loaded, if one could not.
pub fn failure(files: &[String]) -> Option<String> {
    FAILED.with(|failed| {
        let failed = failed.borrow();
        files
            .iter()
            .find_map(|f| failed.get(f).map(|why| why.message(f)))
    })
}

/// Whether `file` could not be loaded (last time it was asked).
pub fn has_failed(file: &str) -> bool {
    FAILED.with(|failed| failed.borrow().contains_key(file))
}

/// Downloads piece `file` into `library` (asked once more past the HTTP
/// cache if it is not the piece: see [`crate::fetch::fetch_checked`]).
pub async fn download(library: &Library, file: &str) -> Result<(), Failure> {
    let take = |bytes: Vec<u8>| {
        (library.add_piece(file, &bytes))
            .map_err(|error| Failure::Damaged(error.say(crate::site::t())))
    };
    crate::fetch::fetch_checked(&format!("{PIECES_PATH}{file}"), false, &take).await
}

/// Keeps `files` to load once no piece is on its way (the last asked
/// replaces the others): see [`crate::hooks::use_later_pieces`].
pub fn load_later(library: Rc<Library>, loader: Loader, files: Vec<String>) {
    LATER.with(|later| *later.borrow_mut() = Some((library, loader, files)));
}

/// Forgets the files kept by [`load_later`].
pub fn forget_later() {
    LATER.with(|later| later.borrow_mut().take());
}
