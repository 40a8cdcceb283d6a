//! The views, one component per file.

mod app;
mod article_names;
mod cite;
mod compare;
mod ebook;
mod filters;
mod followed;
mod highlighted;
mod highlights;
mod home_list;
mod listen;
mod match_bar;
mod meta_line;
mod name_view;
mod quote_results;
mod read_next;
mod reader;
mod result_item;
mod result_list;
mod search_box;
mod search_results;
mod settings;
mod shelf;
mod timeline;

pub use app::{App, AppProps};
pub use compare::CompareView;
pub use filters::{FilterBar, Filters};
pub use followed::{follow_button, FollowedSearches};
pub use highlighted::{highlighted, highlighted_with};
pub use home_list::HomeList;
pub use meta_line::{meta_line, reading_time};
pub use name_view::NameView;
pub use quote_results::QuoteResults;
pub use reader::Reader;
pub use result_list::{ResultListProps, RESULTS_PAGE};
pub use search_box::SearchBox;
pub use search_results::SearchResults;
pub use settings::{SettingsMenu, Shortcuts};
pub use shelf::ShelfView;
pub use timeline::Timeline;

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
