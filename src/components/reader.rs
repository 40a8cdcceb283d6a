use liseuse_core::{highlight, BlockKind};
use yew::prelude::*;

use super::{highlighted, SharedLibrary};
use crate::route::Route;

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The article to show.
    pub id: AttrValue,
    /// The query that led here: its matches are highlighted, and "back" returns to it.
    pub query: AttrValue,
}

/// The reading view of one article.
#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let library = &props.library.0;
    let article = library.article(&props.id);
    {
        let title = article.map(|a| a.title.clone());
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            let title = title.map_or("liseuse".to_string(), |t| format!("{t} — liseuse"));
            gloo::utils::document().set_title(&title);
        });
    }
    let back = Route::Search {
        query: props.query.to_string(),
    }
    .to_hash();
    let back_label = if props.query.is_empty() {
        "← Tous les articles"
    } else {
        "← Résultats"
    };
    let Some(article) = article else {
        return html! {
            <article class="reader missing">
                <a class="back" href={back}>{back_label}</a>
                <h1>{"Article introuvable"}</h1>
                <p>{format!("Aucun article ne porte l’identifiant « {} ».", props.id)}</p>
            </article>
        };
    };
    let terms = library.search(&props.query, 0).terms;
    let marked = |text: &str| highlighted(text, &highlight(text, &terms));
    let blocks = article.blocks.iter().map(|block| match block.kind {
        BlockKind::Heading => html! { <h2>{marked(&block.text)}</h2> },
        BlockKind::Caption => html! { <p class="caption">{marked(&block.text)}</p> },
        BlockKind::Paragraph => html! { <p>{marked(&block.text)}</p> },
    });
    html! {
        <article class="reader">
            <a class="back" href={back}>{back_label}</a>
            if let Some(section) = &article.section {
                <p class="section">{section.clone()}</p>
            }
            <h1>{marked(&article.title)}</h1>
            if let Some(byline) = &article.byline {
                <p class="byline">{format!("Par {byline}")}</p>
            }
            <div class="text">{ for blocks }</div>
            if !article.credits.is_empty() {
                <p class="credits">{format!("Photo : {}", article.credits.join(" ; "))}</p>
            }
        </article>
    }
}
