use std::rc::Rc;

use liseuse_core::{Filters, Library};
use yew::prelude::*;

use super::EBOOK_MOST;

/// The articles of the month `filters` pick, for its e-book (found once per
/// filters, not at every render of the home page); none without a month.
#[hook]
pub fn use_month_docs(library: &Rc<Library>, filters: &Filters, ready: bool) -> Rc<Vec<u32>> {
    let library = library.clone();
    use_memo(
        (filters.clone(), ready),
        move |(filters, _)| match &filters.month {
            Some(_) => library.browse(filters, EBOOK_MOST).shown,
            None => Vec::new(),
        },
    )
}

/// The collection's months with their counts, the month and year of
/// `filters` aside: the chart keeps its shape while a month is picked.
#[hook]
pub fn use_all_months(
    library: &Rc<Library>,
    filters: &Filters,
    ready: bool,
) -> Rc<Vec<(String, usize)>> {
    let library = library.clone();
    use_memo((filters.clone(), ready), move |(filters, _)| {
        library.months(&Filters {
            month: None,
            year: None,
            ..filters.clone()
        })
    })
}
