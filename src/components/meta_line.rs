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
