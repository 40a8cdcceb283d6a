//! What a list of articles shows, decided here rather than in views: which
//! articles the filters keep, and which page of them (or of a query's
//! results) is shown.

use crate::article::Article;

/// Which articles to show: from one source, of one year, or all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only articles from this source.
    pub source: Option<String>,
    /// Only articles of this year.
    pub year: Option<String>,
}

impl Filters {
    /// Whether `article` passes.
    pub fn keep(&self, article: &Article) -> bool {
        self.source
            .as_ref()
            .is_none_or(|s| article.source.as_ref() == Some(s))
            && self
                .year
                .as_deref()
                .is_none_or(|y| article.year() == Some(y))
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self.source.is_some() || self.year.is_some()
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

impl Page {
    /// How many are left after the shown ones (what "more" offers).
    pub fn left(&self) -> usize {
        self.total.saturating_sub(self.shown.len())
    }
}

impl crate::Library {
    /// The first `limit` articles that `filters` keep, newest first (see
    /// [`crate::Library::by_date`]), of how many it keeps.
    pub fn browse(&self, filters: &Filters, limit: usize) -> Page {
        let kept: Vec<u32> = (self.by_date().into_iter())
            .filter(|&doc| filters.keep(self.article_at(doc)))
            .collect();
        Page {
            total: kept.len(),
            shown: kept.into_iter().take(limit).collect(),
        }
    }

    /// The best `limit` results of `query` among the articles `filters` keep.
    pub fn search_filtered(&self, query: &str, filters: &Filters, limit: usize) -> crate::Results {
        let allowed = self.allowed(filters);
        self.searcher.search_in(query, limit, allowed.as_deref())
    }
}

#[cfg(all(test, feature = "indexer"))]
mod tests {
    use super::*;
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
            year: None,
        };
        let page = library.browse(&journal, 10);
        assert_eq!(page.total, 1);
        assert_eq!(library.article_at(page.shown[0]).id, "pages/bakou");
        assert_eq!(page.left(), 0);
        let nowhere = Filters {
            source: Some("Le Journal".into()),
            year: Some("1999".into()),
        };
        assert_eq!(library.browse(&nowhere, 10), Page::default());
    }

    #[test]
    fn a_filtered_search_keeps_only_what_the_filters_keep() {
        let library = library();
        let in_2023 = Filters {
            source: None,
            year: Some("2023".into()),
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
