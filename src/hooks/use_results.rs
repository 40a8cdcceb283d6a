use std::rc::Rc;

use liseuse_core::{Filters, Library, PreparedQuery, Results};
use yew::prelude::*;

use super::{use_later_pieces, use_pieces, use_prepared};
use crate::pieces::failure;

/// The results of `query` among what `filters` keep (the first `limit`,
/// the newest first when asked), whether its pieces are in, and
/// what to tell of one that failed. A split index: the dictionary pieces
/// of the query's words, then the pieces of their terms, then the results'
/// titles at once, from their title pieces (about 1 kB each); their texts
/// (snippets, reading time), the word positions, forms and spellings that
/// refine the ranking, and the page of a name typed, once the reader
/// pauses: a keystroke that the next one replaces downloads a few kB, not
/// ten text pieces.
#[hook]
pub fn use_results(
    library: &Rc<Library>,
    query: &str,
    filters: &Filters,
    limit: usize,
    newest: bool,
    filters_ready: bool,
) -> (Rc<Results>, bool, Option<String>) {
    let query = query.to_string();
    let prepared = use_prepared(library, &query);
    let needed = prepared.missing().to_vec();
    let failed = failure(&needed);
    let ready = use_pieces(library, needed);
    let positions = prepared.later().to_vec();
    let refined = positions.len();
    let limit = limit.max(1);
    let results = {
        let library = library.clone();
        let key = (query.clone(), filters.clone(), ready, limit, refined);
        use_memo(
            (key, filters_ready, newest),
            move |((_, filters, ready, limit, _), _, newest)| {
                search(&library, &prepared, filters, (*ready, *newest), *limit)
            },
        )
    };
    let shown = results.hits.iter().map(|hit| hit.doc);
    let titles = library.missing_titles(shown.clone());
    let failed = failed.or_else(|| failure(&titles));
    use_pieces(library, titles);
    let texts = library.missing_texts(shown);
    let failed = failed.or_else(|| failure(&texts));
    let name_key = liseuse_core::model::key(query.trim());
    let name = if name_key.is_empty() {
        Vec::new()
    } else {
        library.missing_for_name(&name_key)
    };
    use_later_pieces(library, &query, [texts, name, positions].concat());
    (results, ready, failed)
}

/// The best `limit` results of `prepared` among what `filters` keep, in the
/// order asked for; none while its pieces are not `ready`.
fn search(
    library: &Library,
    prepared: &PreparedQuery,
    filters: &liseuse_core::Filters,
    (ready, newest): (bool, bool),
    limit: usize,
) -> Results {
    let order = if newest {
        liseuse_core::Order::Newest
    } else {
        liseuse_core::Order::Relevance
    };
    if !ready {
        return Results::default();
    }
    library.search_prepared(prepared, filters, order, limit)
}
