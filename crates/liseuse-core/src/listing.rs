//! What a list of articles shows, decided here rather than in views: which
//! articles the filters keep, which months the collection spans, and which
//! page of them (or of a query's results) is shown.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::article::Article;
use crate::personal::Followed;

/// Which articles to show: from one source, of one year or month, not read
/// yet, or all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only articles from this source.
    pub source: Option<String>,
    /// Only articles of this year.
    pub year: Option<String>,
    /// Only articles of this month (`YYYY-MM`).
    pub month: Option<String>,
    /// Only articles whose id is not here: the unread ones, given the ids
    /// of those read (see [`crate::personal::Shelf`]).
    pub not_in: Option<Rc<BTreeSet<String>>>,
    /// Only articles whose id is here: the new ones since the last visit
    /// (see [`crate::personal::News`]).
    pub only_in: Option<Rc<BTreeSet<String>>>,
}

impl Filters {
    /// `query` followed with these filters' metadata (not the reader's
    /// own: unread, new), trimmed.
    pub fn follow(&self, query: &str) -> Followed {
        Followed {
            query: query.trim().to_string(),
            source: self.source.clone(),
            year: self.year.clone(),
            month: self.month.clone(),
        }
    }

    /// The filters of the followed search `search`.
    pub fn of_followed(search: &Followed) -> Filters {
        Filters {
            source: search.source.clone(),
            year: search.year.clone(),
            month: search.month.clone(),
            ..Filters::default()
        }
    }

    /// Whether `article`'s metadata pass (source, year, month); the ids
    /// left out are the library's to tell (see [`crate::Library::browse`]).
    pub fn keep(&self, article: &Article) -> bool {
        self.source
            .as_ref()
            .is_none_or(|s| article.source.as_ref() == Some(s))
            && self
                .year
                .as_deref()
                .is_none_or(|y| article.year() == Some(y))
            && self
                .month
                .as_deref()
                .is_none_or(|m| article.month() == Some(m))
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self.source.is_some()
            || self.year.is_some()
            || self.month.is_some()
            || self.not_in.is_some()
            || self.only_in.is_some()
    }
}

/// One page of a list: the documents shown, of how many.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The documents shown, in order.
    pub shown: Vec<u32>,
    /// How many the whole list has.
    pub total: usize,
}

/// In which order a query's results are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// The most relevant first.
    #[default]
    Relevance,
    /// The newest first (the most relevant first among those of one date),
    /// under the headings of their months.
    Newest,
}

impl Page {
    /// How many are left after the shown ones (what "more" offers).
    pub fn left(&self) -> usize {
        self.total.saturating_sub(self.shown.len())
    }
}

/// The line under the home page's title: a site's `description` when it
/// is its own (not the default of `text`), and a link to its `home` named
/// by its host; `None` with neither.
#[allow(clippy::type_complexity)]
pub fn site_about(
    description: &str,
    home: Option<&str>,
    text: &crate::text::Text,
) -> Option<(String, Option<(String, String)>)> {
    let described = description != text.description;
    let home = home.map(|home| (home.to_string(), host(home)));
    (described || home.is_some()).then(|| {
        let description = if described { description } else { "" };
        (description.to_string(), home)
    })
}

/// The host of an http(s) `address` (`journal.example`), or the address.
pub fn host(address: &str) -> String {
    // (Bytes, not str patterns: each pattern searcher is wasm. The bytes
    // looked for are ASCII, so every cut is at a char boundary.)
    let bytes = address.as_bytes();
    let start = (bytes.windows(3).position(|w| w == b"://")).map_or(0, |at| at + 3);
    let end = (bytes[start..]
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#')))
    .map_or(bytes.len(), |at| start + at);
    let start =
        (bytes[start..end].iter().rposition(|&b| b == b'@')).map_or(start, |at| start + at + 1);
    let host = &address[start..end];
    let host = if host.as_bytes().starts_with(b"www.") {
        &host[4..]
    } else {
        host
    };
    host.to_string()
}

/// "Source · date · author" of an article, as lists and the reading view
/// show it; empty when it has none of them.
pub fn meta_line(article: &crate::Article, text: &crate::text::ListText) -> String {
    let date = article.date.as_deref().map(|d| text.date(d));
    let parts = [article.source.clone(), date, article.byline.clone()];
    parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_followed_search_keeps_its_query_and_metadata_filters_not_the_readers_own() {
        let filters = Filters {
            source: Some("Le Monde".into()),
            month: Some("2020-10".into()),
            not_in: Some(Rc::default()),
            only_in: Some(Rc::default()),
            ..Filters::default()
        };
        let search = filters.follow("  accord paix ");
        assert_eq!(search.query, "accord paix");
        let back = Filters::of_followed(&search);
        assert_eq!((back.source, back.month), (filters.source, filters.month));
        assert_eq!((back.not_in, back.only_in), (None, None));
    }

    #[test]
    fn the_home_page_says_what_a_site_is_and_names_its_home_by_host() {
        use crate::text::{EN, FR};
        assert_eq!(
            host("https://www.journal.example/dossiers/?a=b#c"),
            "journal.example"
        );
        assert_eq!(host("http://user@news.example:8080"), "news.example:8080");
        assert_eq!(host("journal.example/x"), "journal.example");
        assert_eq!(site_about(FR.description, None, &FR), None);
        assert_eq!(
            site_about(FR.description, Some("https://j.example/"), &FR),
            Some((
                String::new(),
                Some(("https://j.example/".into(), "j.example".into()))
            ))
        );
        assert_eq!(
            site_about("Un dossier.", None, &EN),
            Some(("Un dossier.".into(), None))
        );
    }
}
