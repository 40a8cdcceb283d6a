//! The views, one component per file.

mod app;
mod filters;
mod highlighted;
mod meta_line;
mod reader;
mod result_list;
mod search_box;

pub use app::App;
pub use filters::{FilterBar, Filters};
pub use highlighted::highlighted;
pub use meta_line::{meta_line, reading_time};
pub use reader::Reader;
pub use result_list::{ResultList, RESULTS_PAGE};
pub use search_box::SearchBox;

use std::rc::Rc;

use liseuse_core::Library;

/// The collection, shared by the views; equal when it is the same collection.
#[derive(Clone)]
pub struct SharedLibrary(pub Rc<Library>);

impl PartialEq for SharedLibrary {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
