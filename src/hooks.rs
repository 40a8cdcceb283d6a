//! Custom hooks: what a view keeps, follows or listens to, apart from how
//! it is drawn.

mod use_app_state;
mod use_article_marks;
mod use_article_pieces;
mod use_current_match;
mod use_dialog;
mod use_ebook;
mod use_highlighting;
mod use_list;
mod use_listen;
mod use_months;
mod use_on_demand;
mod use_opened;
mod use_pieces;
mod use_placed_highlights;
mod use_prepared;
mod use_quotes_export;
mod use_reader_keys;
mod use_reading_progress;
mod use_results;
mod use_route;
mod use_storage;

pub use use_app_state::{use_app_state, use_news};
pub use use_article_marks::{use_article_marks, Marks};
pub use use_article_pieces::{use_article_pieces, ArticlePieces};
pub use use_current_match::use_current_match;
pub use use_dialog::{open as open_dialog, use_dialog};
pub use use_ebook::{use_ebook, Ebook, MOST as EBOOK_MOST};
pub use use_highlighting::{use_highlighting, Editing, Highlighting};
pub use use_list::{use_list, ListContext};
pub use use_listen::{use_listen, Listen, Listening};
pub use use_months::{use_all_months, use_month_docs};
pub use use_on_demand::{use_on_demand, OnDemand};
pub use use_opened::use_opened;
pub use use_pieces::{use_later_pieces, use_pieces, LATER_AFTER_MS};
pub use use_placed_highlights::{use_placed_highlights, Placed};
pub use use_prepared::use_prepared;
pub use use_quotes_export::use_quotes_export;
pub use use_reader_keys::use_reader_keys;
pub use use_reading_progress::{use_reading_progress, ReadingProgress};
pub use use_results::use_results;
pub use use_route::{use_route, Navigator};
pub use use_storage::use_storage;

/// Whether a key press is not for the app's one-key shortcuts: typed into a
/// field, with Ctrl, Alt or Meta, or while a dialog is open (its keys are its own).
pub fn typing(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let in_field = (event.target())
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    let dialog = (gloo::utils::document().query_selector("dialog[open]").ok()).flatten();
    in_field || dialog.is_some() || event.ctrl_key() || event.meta_key() || event.alt_key()
}
