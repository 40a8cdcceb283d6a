//! What a list of articles shows, decided here rather than in views: which
//! articles the filters keep, which months the collection spans, and which
//! page of them (or of a query's results) is shown.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::article::Article;

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

#[cfg(all(test, feature = "indexer"))]
mod tests {
    use super::*;

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

    use crate::Library;

    fn library() -> Library {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection");
        Library::new(crate::indexer::build_dir(&dir).unwrap().0)
    }

    #[test]
    fn browsing_shows_a_page_of_the_kept_articles_newest_first() {
        let library = library();
        let all = library.browse(&Filters::default(), 3);
        assert_eq!(all.shown, library.by_date()[..3]);
        assert_eq!((all.total, all.left()), (library.len(), library.len() - 3));
        let journal = Filters {
            source: Some("Le Journal".into()),
            ..Filters::default()
        };
        let page = library.browse(&journal, 10);
        assert_eq!(page.total, 1);
        assert_eq!(library.article_at(page.shown[0]).id, "pages/bakou");
        assert_eq!(page.left(), 0);
        let nowhere = Filters {
            source: Some("Le Journal".into()),
            year: Some("1999".into()),
            ..Filters::default()
        };
        assert_eq!(library.browse(&nowhere, 10), Page::default());
    }

    #[test]
    fn the_collection_by_month_newest_first_and_its_unread_part() {
        let library = library();
        let months = library.months(&Filters::default());
        assert!(months.windows(2).all(|w| w[0].0 > w[1].0), "{months:?}");
        let dated = library
            .articles()
            .iter()
            .filter(|a| a.date.is_some())
            .count();
        assert_eq!(months.iter().map(|(_, n)| n).sum::<usize>(), dated);
        let (month, count) = months[0].clone();
        let page = library.browse(
            &Filters {
                month: Some(month.clone()),
                ..Filters::default()
            },
            100,
        );
        assert_eq!(page.total, count);
        assert!(page
            .shown
            .iter()
            .all(|&d| library.article_at(d).month() == Some(month.as_str())));
        let read: BTreeSet<String> = page
            .shown
            .iter()
            .map(|&d| library.article_at(d).id.clone())
            .collect();
        let unread = Filters {
            not_in: Some(Rc::new(read.clone())),
            ..Filters::default()
        };
        let left = library.browse(&unread, 100);
        assert_eq!(left.total, library.len() - read.len());
        assert!(left
            .shown
            .iter()
            .all(|&d| !read.contains(&library.article_at(d).id)));
        let found = library.search_filtered("accord", &unread, 100);
        assert!(found
            .hits
            .iter()
            .all(|h| !read.contains(&library.article_at(h.doc).id)));
    }

    #[test]
    fn a_filtered_search_keeps_only_what_the_filters_keep() {
        let library = library();
        let in_2023 = Filters {
            year: Some("2023".into()),
            ..Filters::default()
        };
        let results = library.search_filtered("accord", &in_2023, 10);
        assert!(results.total >= 1);
        for hit in &results.hits {
            assert_eq!(library.article_at(hit.doc).year(), Some("2023"));
        }
        let none = Filters::default();
        assert_eq!(
            library.search_filtered("accord", &none, 10),
            library.search("accord", 10)
        );
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
