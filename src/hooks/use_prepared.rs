use std::rc::Rc;

use liseuse_core::{Library, PreparedQuery};
use yew::prelude::*;

use crate::pieces::Loader;

/// `query`, read once with what is loaded (see [`Library::prepare`]): read
/// again only when the query changes or a piece arrives, and shared by what
/// a view asks of it (the pieces it lacks, its results, its terms).
#[hook]
pub fn use_prepared(library: &Rc<Library>, query: &str) -> Rc<PreparedQuery> {
    let arrivals = use_context::<Loader>().map_or(0, |loader| loader.arrivals);
    let library = library.clone();
    use_memo((query.to_string(), arrivals), move |(query, _)| {
        library.prepare(query)
    })
}
