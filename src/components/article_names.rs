//! The names an article mentions most, each a link to its page.

use yew::prelude::*;

use crate::route::Route;

/// An article's main people, places and organisations (`names`), each a
/// link to its page.
pub fn names_of(names: &[String]) -> Html {
    let t = crate::site::t();
    if names.is_empty() {
        return Html::default();
    }
    html! {
        <nav class="names" aria-label={t.names_label}>
            <span>{t.in_this_article}</span>
            { for names.iter().map(|name| {
                let href = Route::Name { key: liseuse_core::model::key(name) }.to_hash();
                html! { <a {href}>{name.clone()}</a> }
            }) }
        </nav>
    }
}
