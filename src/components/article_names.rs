//! The names an article mentions most, each a link to its page.

use yew::prelude::*;

use crate::route::Route;

/// The article's main people, places and organisations, each a link to its page.
pub fn names_of(article: &liseuse_core::Article) -> Html {
    if article.names.is_empty() {
        return Html::default();
    }
    html! {
        <nav class="names" aria-label="Noms de l’article">
            <span>{"Dans cet article : "}</span>
            { for article.names.iter().map(|name| {
                let href = Route::Name { key: liseuse_core::entities::key(name) }.to_hash();
                html! { <a {href}>{name.clone()}</a> }
            }) }
        </nav>
    }
}
