use yew::prelude::*;

use super::{FilterBar, Filters, SharedLibrary};

/// Results (or articles) shown at first, and added by each press on "more"
/// (one number for the app and the page written before it).
pub use liseuse_core::markup::RESULTS_PAGE;

/// Props of the two lists: the home page's ([`super::HomeList`]) and a
/// search's ([`super::SearchResults`]).
#[derive(Properties, PartialEq, Clone)]
pub struct ResultListProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The query; empty lists the articles, newest first.
    pub query: AttrValue,
    /// The query's results the newest first, under their months' headings,
    /// instead of the most relevant first.
    #[prop_or_default]
    pub newest: bool,
    /// Called with the order the reader picks (`true`: the newest first).
    #[prop_or_default]
    pub on_order: Callback<bool>,
    /// Which articles to show.
    pub filters: Filters,
    /// Called when the reader changes the filters.
    pub on_filters: Callback<Filters>,
    /// How many results (or articles) to show: [`RESULTS_PAGE`], and a page
    /// more at each press on "more".
    pub limit: usize,
    /// Called with the next limit when the reader asks for more.
    pub on_more: Callback<usize>,
}

impl ResultListProps {
    /// What "more" asks for: a page more than the limit.
    pub fn more(&self) -> Callback<MouseEvent> {
        let limit = self.limit.max(1);
        self.on_more
            .reform(move |_: MouseEvent| limit + RESULTS_PAGE)
    }
}

/// The button that shows the next page, saying how many are left.
pub fn more_button(left: usize, label: &str, on_more: Callback<MouseEvent>) -> Html {
    html! {
        <p class="more">
            <button type="button" onclick={on_more}>
                {format!("{label} ({left})")}
            </button>
        </p>
    }
}

/// The list's menus of source, year and month, and its "unread only" box.
pub fn filter_bar(props: &ResultListProps) -> Html {
    html! {
        <FilterBar
            library={props.library.clone()}
            filters={props.filters.clone()}
            on_change={props.on_filters.clone()}
        />
    }
}
