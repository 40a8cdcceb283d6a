use liseuse_core::Article;
use yew::prelude::*;

/// "Source · date · author" of an article, for lists and the reading view;
/// nothing when the article has none of them.
pub fn meta_line(article: &Article) -> Html {
    let line = liseuse_core::listing::meta_line(article, crate::site::t());
    if line.is_empty() {
        return Html::default();
    }
    html! { <p class="meta">{line}</p> }
}

/// "4 min de lecture", "4 min read" ([`Article::reading_minutes`]); nothing for an article
/// without text (a split index before its piece is in).
pub fn reading_time(article: &Article) -> Html {
    match article.reading_minutes() {
        0 => Html::default(),
        minutes => html! { <p class="reading-time">{crate::site::t().reading_time(minutes)}</p> },
    }
}
