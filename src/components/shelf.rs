use liseuse_core::order::SortedSet;

use yew::prelude::*;

use std::rc::Rc;

use liseuse_core::annotation::{self, Highlight};
use liseuse_core::citation::Format;
use liseuse_core::text::fill;
use liseuse_core::Library;

use super::ebook::ebook_button;
use super::highlights::highlight_item;
use super::result_item::item;
use super::{FollowedSearches, SharedLibrary};
use crate::hooks::use_ebook;
use crate::hooks::use_pieces;
use crate::route::Route;
use crate::site::article_address;
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
    // The articles highlighted: their ids' pieces, then their texts, to
    // tell which highlights' words are gone.
    let highlighted: Vec<String> = match &state {
        Some(state) => {
            let mut ids: Vec<String> = (state.shelf.highlights().iter())
                .map(|(_, h)| h.article.clone())
                .collect();
            ids.dedup();
            ids
        }
        None => Vec::new(),
    };
    use_pieces(
        library,
        library.missing_for_ids(highlighted.iter().map(String::as_str)),
    );
    use_pieces(
        library,
        library.missing_texts(highlighted.iter().filter_map(|id| library.doc_of(id))),
    );
    let t = crate::site::t();
    use_effect_with((), move |_| crate::site::set_title(Some(t.my_articles)));
    // The e-book: the saved articles, then the ones read lately.
    let mine: Vec<u32> = {
        let mut mine = saved.clone();
        mine.extend(recent.iter().filter(|d| !saved.contains(d)));
        mine
    };
    let ebook = use_ebook(&props.library.0, &mine, t.my_articles, &[]);
    let ebook = ebook_button(&ebook, t.my_articles, mine.is_empty());
    let Some(state) = state else {
        return Html::default();
    };
    let none = SortedSet::new();
    let list = |docs: &[u32], empty: &str| {
        if docs.is_empty() {
            html! { <p class="empty-shelf">{empty.to_string()}</p> }
        } else {
            html! { <ol>{ for docs.iter().map(|&doc| item(library, doc, &none, "", 3, &state)) }</ol> }
        }
    };
    html! {
        <section class="results shelf" aria-labelledby="view-title">
            <a class="back" href={Route::default().to_hash()}>{t.back_all}</a>
            <h1 id="view-title">{t.my_articles}</h1>
            <p class="hint">{t.shelf_hint}</p>
            {ebook}
            <section class="saved" aria-labelledby="saved-title">
                <h2 id="saved-title">{fill(t.saved_title_t, &[&saved.len().to_string()])}</h2>
                {list(&saved, t.none_saved)}
                {references(library, &state.shelf.saved())}
            </section>
            {shelf_highlights(library, &state)}
            <FollowedSearches library={props.library.clone()} editable=true />
            <section class="recent" aria-labelledby="recent-title">
                <h2 id="recent-title">{t.recent}</h2>
                {list(&recent, t.none_recent)}
            </section>
        </section>
    }
}

/// "Exporter leurs références :" the saved articles' (`ids`) references,
/// downloaded as BibTeX, RIS or CSL-JSON.
fn references(library: &Rc<Library>, ids: &[&str]) -> Html {
    let saved: Vec<(u32, String)> = (ids.iter())
        .filter_map(|id| Some((library.doc_of(id)?, id.to_string())))
        .collect();
    if saved.is_empty() {
        return Html::default();
    }
    let buttons = Format::ALL.map(|format| {
        let (library, saved) = (library.clone(), saved.clone());
        let download = Callback::from(move |_: MouseEvent| {
            let articles: Vec<_> = (saved.iter())
                .map(|(doc, id)| (library.article_at(*doc), id.as_str()))
                .collect();
            super::cite::download(&articles, format);
        });
        html! { <button type="button" class="link" onclick={download}>{format.name()}</button> }
    });
    html! {
        <p class="references">{super::cite::words().export_references}{" "}{ for buttons }</p>
    }
}

/// The reader's highlights, article by article, each article's title a
/// link to it; those whose words are gone (or whose article is) say so.
/// "Exporter en Markdown" downloads them.
fn shelf_highlights(library: &Rc<Library>, state: &StateContext) -> Html {
    let all = state.shelf.highlights();
    // Article by article: its id, its title, its highlights and whether each is an orphan.
    type Sections<'a> = Vec<(String, String, Vec<(&'a Highlight, bool)>)>;
    let mut sections: Sections = Vec::new();
    for (_, highlight) in &all {
        let id = &highlight.article;
        if sections.last().is_none_or(|(last, _, _)| last != id) {
            let title = library
                .article(id)
                .map(|a| a.title.clone())
                .unwrap_or_default();
            sections.push((id.clone(), title, Vec::new()));
        }
        let doc = library.doc_of(id);
        let orphan = match doc.map(|doc| library.article_at(doc)) {
            Some(article) if article.blocks.is_empty() => false,
            Some(article) => {
                let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
                annotation::locate(&blocks, &highlight.quote).is_none()
            }
            None => library.lacks(id),
        };
        if let Some(section) = sections.last_mut() {
            section.2.push((highlight, orphan));
        }
    }
    let t = crate::site::t();
    let link = |id: &str| {
        Route::Article {
            id: id.to_string(),
            query: String::new(),
        }
        .to_hash()
    };
    let links: Vec<String> = (sections.iter())
        .map(|(id, _, _)| article_address(id))
        .collect();
    let export = {
        let heading = format!("{} — {}", t.highlights_title, crate::site::site().title);
        let markdown = annotation::markdown(
            &heading,
            &(sections.iter().zip(&links))
                .map(|((id, title, highlights), link)| annotation::Section {
                    title: if title.is_empty() { id } else { title },
                    link,
                    highlights: highlights.clone(),
                })
                .collect::<Vec<_>>(),
            t,
        );
        Callback::from(move |_: MouseEvent| {
            let _ = crate::save_file::offer(
                &markdown.as_str().into(),
                t.highlights_file,
                "text/markdown",
            );
        })
    };
    let articles = sections.iter().map(|(id, title, highlights)| {
        let gone = library.doc_of(id).is_none() && library.lacks(id);
        html! {
            <li>
                <h3>
                    if gone {
                        {fill(t.gone_t, &[id])}
                    } else {
                        <a href={link(id)}>{if title.is_empty() { id.clone() } else { title.clone() }}</a>
                    }
                </h3>
                <ul>{ for highlights.iter().map(|(h, orphan)| highlight_item(h, *orphan, None)) }</ul>
            </li>
        }
    });
    html! {
        <section class="shelf-highlights" aria-labelledby="highlights-title">
            <h2 id="highlights-title">{fill(t.highlights_t, &[&all.len().to_string()])}</h2>
            if all.is_empty() {
                <p class="empty-shelf">{t.none_highlighted}</p>
            } else {
                <p><button type="button" class="link" onclick={export}>{t.export_markdown}</button></p>
                <ul>{ for articles }</ul>
            }
        </section>
    }
}
