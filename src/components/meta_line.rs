use liseuse_core::Article;
use yew::prelude::*;

use crate::dates::french_date;

/// "Source · date · author" of an article, for lists and the reading view;
/// nothing when the article has none of them.
pub fn meta_line(article: &Article) -> Html {
    let parts: Vec<String> = [
        article.source.clone(),
        article.date.as_deref().map(french_date),
        article.byline.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return Html::default();
    }
    html! { <p class="meta">{parts.join(" · ")}</p> }
}

/// "4 min de lecture" ([`Article::reading_minutes`]); nothing for an article
/// without text (a split index before its piece is in).
pub fn reading_time(article: &Article) -> Html {
    match article.reading_minutes() {
        0 => Html::default(),
        minutes => html! { <p class="reading-time">{format!("{minutes} min de lecture")}</p> },
    }
}
