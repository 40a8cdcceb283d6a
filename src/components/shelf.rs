use std::collections::BTreeSet;

use yew::prelude::*;

use super::result_item::item;
use super::SharedLibrary;
use crate::pieces::use_pieces;
use crate::route::Route;
use crate::state::StateContext;

/// Props of [`ShelfView`].
#[derive(Properties, PartialEq)]
pub struct ShelfViewProps {
    /// The collection.
    pub library: SharedLibrary,
}

/// The reader's own articles: saved for later (the latest saved first),
/// then read lately (the latest opened first).
#[function_component]
pub fn ShelfView(props: &ShelfViewProps) -> Html {
    let library = &props.library.0;
    let state = use_context::<StateContext>();
    let (saved, recent): (Vec<u32>, Vec<u32>) = match &state {
        Some(state) => (
            (state.shelf.saved().into_iter())
                .filter_map(|id| library.doc_of(id))
                .collect(),
            (state.shelf.recent().iter())
                .filter_map(|id| library.doc_of(id))
                .collect(),
        ),
        None => Default::default(),
    };
    // A split index: their ids, then their texts, come in their pieces.
    let ids: Vec<&str> = match &state {
        Some(state) => (state.shelf.saved().into_iter())
            .chain(state.shelf.recent().iter().map(String::as_str))
            .collect(),
        None => Vec::new(),
    };
    use_pieces(library, library.missing_for_ids(ids));
    use_pieces(
        library,
        library.missing_texts(saved.iter().chain(&recent).copied()),
    );
    use_effect_with((), |_| {
        gloo::utils::document().set_title("Mes articles — liseuse")
    });
    let Some(state) = state else {
        return Html::default();
    };
    let none = BTreeSet::new();
    let list = |docs: &[u32], empty: &str| {
        if docs.is_empty() {
            html! { <p class="empty-shelf">{empty.to_string()}</p> }
        } else {
            html! { <ol>{ for docs.iter().map(|&doc| item(library, doc, &none, "", 3, &state)) }</ol> }
        }
    };
    html! {
        <section class="results shelf" aria-labelledby="view-title">
            <a class="back" href={Route::default().to_hash()}>{"← Tous les articles"}</a>
            <h1 id="view-title">{"Mes articles"}</h1>
            <p class="hint">{"Gardés dans ce navigateur seulement ; « Aa » puis « Exporter » pour les emporter ailleurs."}</p>
            <section class="saved" aria-labelledby="saved-title">
                <h2 id="saved-title">{format!("Gardés pour plus tard ({})", saved.len())}</h2>
                {list(&saved, "Aucun article gardé : « ☆ Garder » (ou la touche s) sur un article l’ajoute ici.")}
            </section>
            <section class="recent" aria-labelledby="recent-title">
                <h2 id="recent-title">{"Lus récemment"}</h2>
                {list(&recent, "Aucun article ouvert pour l’instant.")}
            </section>
        </section>
    }
}
