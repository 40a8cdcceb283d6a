//! Downloads the pieces of a split index (see `liseuse_core::format`) when a
//! view needs them: the dictionary and term pieces of a query (in rounds: a
//! view asks again at each arrival, and the dictionary pieces tell which term
//! pieces come next), the text pieces of the articles shown. A whole index
//! has none, and nothing here runs.
//!
//! Views read the [`Loader`] from the context: it changes whenever a piece
//! arrives or fails, which renders them again with what is now loaded.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use liseuse_core::Library;
use yew::prelude::*;

thread_local! {
    /// Files being downloaded: asked once, however many views need them.
    static IN_FLIGHT: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// Files that could not be loaded, with the reason.
    static FAILED: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Where the pieces are, relative to the page (as the app's own files).
pub const PIECES_PATH: &str = "pieces/";

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
    pub fn fetch(&self, library: &Rc<Library>, files: &[String]) {
        for file in files {
            let new = IN_FLIGHT.with(|f| f.borrow_mut().insert(file.clone()));
            if !new {
                continue;
            }
            FAILED.with(|f| f.borrow_mut().remove(file));
            let (library, file, notify) = (library.clone(), file.clone(), self.notify.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = download(&library, &file).await;
                IN_FLIGHT.with(|f| f.borrow_mut().remove(&file));
                if let Err(reason) = loaded {
                    FAILED.with(|f| f.borrow_mut().insert(file, reason));
                }
                notify.emit(());
            });
        }
    }
}

/// Why one of `files` could not be loaded, if one could not: `"file: reason"`.
pub fn failure(files: &[String]) -> Option<String> {
    FAILED.with(|failed| {
        let failed = failed.borrow();
        files
            .iter()
            .find_map(|f| failed.get(f).map(|reason| format!("{f} : {reason}")))
    })
}

/// Downloads piece `file` into `library`.
pub async fn download(library: &Library, file: &str) -> Result<(), String> {
    let url = format!("{PIECES_PATH}{file}");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    library.add_piece(file, &bytes).map_err(|e| e.to_string())
}

/// Asks for `files` once per distinct list (an effect), and says whether they are all in.
#[hook]
pub fn use_pieces(library: &Rc<Library>, files: Vec<String>) -> bool {
    let loader = use_context::<Loader>();
    let ready = files.is_empty();
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
