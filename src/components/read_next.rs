//! "À lire aussi" under an article: its related articles.

use yew::prelude::*;

use super::meta_line;
use crate::route::Route;

/// "À lire aussi": the related articles of article `id`, with their source
/// and date, and whether one tells the same story from another source (then
/// "Comparer" shows the two side by side).
pub fn read_next(
    library: &liseuse_core::Library,
    id: &str,
    related: &[liseuse_core::model::Related],
) -> Html {
    if related.is_empty() {
        return Html::default();
    }
    let item = |related: &liseuse_core::model::Related| {
        let meta = library.article_at(related.doc);
        let listed = library.listed(related.doc);
        // A split index: no id, so no link, before the title's piece.
        let href = listed.map(|listed| {
            Route::Article {
                id: listed.id.to_string(),
                query: String::new(),
            }
            .to_hash()
        });
        let compare = listed
            .filter(|_| related.same_story)
            .map(|listed| crate::route::comparison_hash(id, listed.id));
        let title = listed
            .map_or(crate::site::t().loading, |listed| listed.title)
            .to_string();
        html! {
            <li key={related.doc.to_string()}>
                <a {href}>{title}</a>
                {meta_line(meta)}
                if related.same_story {
                    <span class="badge">{crate::site::t().same_story}</span>
                }
                if let Some(href) = compare {
                    {" "}<a class="compare-link" {href}>{super::compare::words().compare}</a>
                }
            </li>
        }
    };
    html! {
        <aside class="read-next" aria-labelledby="read-next-title">
            <h2 id="read-next-title">{crate::site::t().read_next}</h2>
            <ul>{ for related.iter().map(item) }</ul>
        </aside>
    }
}
