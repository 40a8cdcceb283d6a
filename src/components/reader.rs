use std::ops::Range;

use gloo::events::EventListener;
use liseuse_core::article::is_web_address;
use liseuse_core::text::fill;
use liseuse_core::{annotation, BlockKind};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::article_names::names_of;
use super::highlights::use_highlights;
use super::listen::use_listen;
use super::match_bar::{match_bar, use_current_match, CursorAction, MatchCursor};
use super::read_next::read_next;
use super::result_item::save_button;
use super::{highlighted, highlighted_with, meta_line, reading_time, SharedLibrary};
use crate::hooks::use_prepared;
use crate::pieces::{failure, use_pieces};
use crate::resume;
use crate::route::Route;
use crate::state::{Action, StateContext};
use crate::store;

/// How far down the page an article counts as read: most of it was on
/// screen (the last lines are often notes, credits or links).
const READ_AT: f64 = 0.8;

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The article to show.
    pub id: AttrValue,
    /// The query that led here: its matches are highlighted, and "back" returns to it.
    pub query: AttrValue,
    /// Whether its results were listed newest first ("back" lists them so again).
    #[prop_or_default]
    pub newest: bool,
}

/// The reading view of one article, with its matches highlighted and a bar to
/// go from one to the next (also with the keys `n` and `p`).
#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let library = &props.library.0;
    // A split index: the id's piece tells which article it is.
    let id_files = library.missing_for_ids([props.id.as_str()]);
    let id_failed = failure(&id_files);
    let id_pending = !id_files.is_empty();
    use_pieces(library, id_files);
    let article = library.article(&props.id);
    // A split index: the text comes in its piece.
    let text_files = library.missing_texts(library.doc_of(&props.id));
    let failed = failure(&text_files);
    // (Not before its id is known: what waits for the text waits for it too.)
    let has_text = use_pieces(library, text_files) && !id_pending;
    // What to read next: its related articles, whose titles come in their
    // title pieces in a split index.
    let related = library
        .doc_of(&props.id)
        .map(|doc| library.related(doc))
        .unwrap_or_default();
    use_pieces(
        library,
        library.missing_titles(related.iter().map(|r| r.doc)),
    );
    let cursor = use_reducer(MatchCursor::default);
    let state = use_context::<StateContext>();
    let dispatch = state.as_ref().map(|s| s.dispatcher());
    // Opened: first of the recent articles (once its text is here).
    {
        let dispatch = dispatch.clone();
        let known = article.is_some();
        use_effect_with((props.id.clone(), known), move |(id, known)| {
            if let (Some(dispatch), true) = (dispatch, *known) {
                dispatch.dispatch(Action::Opened(id.to_string()));
            }
        });
    }
    {
        let cursor = cursor.dispatcher();
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            cursor.dispatch(CursorAction::Reset);
        });
    }
    // How far the reader is (the bar at the top), kept for the next visit;
    // reopening an article returns there, with a way back to the top.
    // In whole percents: the view renders again only when the bar moves.
    let progress = use_state_eq(|| 0u32);
    let resumed = use_state(|| false);
    {
        let (progress, id) = (progress.setter(), props.id.clone());
        let dispatch = dispatch.clone();
        use_effect_with((props.id.clone(), has_text), move |(_, has_text)| {
            let has_text = *has_text;
            let mark_read = {
                let id = id.to_string();
                move || {
                    if let Some(dispatch) = &dispatch {
                        let (id, now) = (id.clone(), store::now());
                        dispatch.dispatch(Action::MarkRead { id, now });
                    }
                }
            };
            // An article that fits on the screen is read once it has been
            // open a few seconds.
            let short = (has_text && resume::scrolled().is_none()).then(|| {
                let mark_read = mark_read.clone();
                gloo::timers::callback::Timeout::new(4_000, mark_read)
            });
            // The position is stored when it moves by a thousandth, not at
            // every scroll event.
            let saved = std::cell::Cell::new(None);
            let listener = EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                let fraction = resume::scrolled().unwrap_or(0.0);
                progress.set((fraction * 100.0).round() as u32);
                let permille = (fraction * 1000.0).round() as u32;
                if has_text && saved.replace(Some(permille)) != Some(permille) {
                    resume::save(&id, fraction);
                    if fraction >= READ_AT {
                        mark_read();
                    }
                }
            });
            move || {
                drop(listener);
                drop(short);
            }
        });
    }
    {
        let resumed = resumed.setter();
        use_effect_with((props.id.clone(), has_text), move |(id, has_text)| {
            let at = has_text.then(|| resume::load(id)).flatten();
            if let Some(fraction) = at {
                resume::scroll_to(fraction);
            }
            resumed.set(at.is_some());
        });
    }
    let restart = {
        let resumed = resumed.setter();
        Callback::from(move |_: MouseEvent| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            resumed.set(false);
        })
    };
    // The title may come later than the page, with its piece of a split index.
    let title = article.map(|a| a.title.clone()).filter(|t| !t.is_empty());
    use_effect_with(title, |title| crate::site::set_title(title.as_deref()));
    let t = crate::site::t();
    let back = Route::Search {
        query: props.query.to_string(),
        newest: props.newest && !props.query.is_empty(),
    }
    .to_hash();
    let back_label = if props.query.is_empty() {
        t.back_all
    } else {
        t.back_results
    };
    // What to highlight: the terms the query matches (computed once per query,
    // not at every move from one match to the next). A split index knows them
    // once the dictionary pieces of the query's words are in.
    let prepared = use_prepared(library, &props.query);
    // A phrase found is one mark, not one per word.
    let phrase = prepared.has_phrase();
    let terms_known = use_pieces(library, prepared.missing_dictionary().to_vec());
    let terms = {
        let library = library.clone();
        use_memo((props.query.clone(), terms_known), move |_| {
            library.prepared_terms(&prepared)
        })
    };
    // Read in the article's language; one range is one mark shown. Once per
    // article, text and terms: not again when the progress bar moves.
    let marks = {
        let library = library.clone();
        use_memo(
            (props.id.clone(), has_text, terms.clone(), phrase),
            move |(id, _, terms, phrase)| -> (Vec<Range<usize>>, Vec<Vec<Range<usize>>>) {
                let Some(doc) = library.doc_of(id) else {
                    return Default::default();
                };
                let article = library.article_at(doc);
                let marks = |text: &str| {
                    let marks = library.highlight(doc, text, terms);
                    if *phrase {
                        library.join_phrases(doc, text, marks)
                    } else {
                        marks
                    }
                };
                let title = marks(&article.title);
                let blocks = article.blocks.iter().map(|b| marks(&b.text)).collect();
                (title, blocks)
            },
        )
    };
    let (title_marks, block_marks) = (&marks.0, &marks.1);
    // The reader's highlights, found by their words in this version of the
    // text: each block's, and the ones whose words are gone.
    let mine: Vec<(String, liseuse_core::annotation::Quote)> = (state.as_ref())
        .map(|state| state.shelf.highlights_of(&props.id))
        .unwrap_or_default()
        .into_iter()
        .map(|(key, h)| (key.to_string(), h.quote.clone()))
        .collect();
    let placed = {
        let library = library.clone();
        use_memo(
            (props.id.clone(), has_text, mine),
            move |(id, has_text, mine)| -> Placed {
                let article = library.doc_of(id).map(|doc| library.article_at(doc));
                let Some(article) = article.filter(|_| *has_text) else {
                    return Default::default();
                };
                let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
                let mut placed = vec![Vec::new(); blocks.len()];
                let mut orphans = Vec::new();
                for (key, quote) in mine {
                    match annotation::locate(&blocks, quote) {
                        Some(range) => {
                            for (block, part) in annotation::in_blocks(&blocks, &range) {
                                placed[block].push((part, key.clone()));
                            }
                        }
                        None => orphans.push(key.clone()),
                    }
                }
                for block in &mut placed {
                    liseuse_core::order::sort_by_key(block, |(range, _)| range.start);
                }
                (placed, orphans)
            },
        )
    };
    let match_count = title_marks.len() + block_marks.iter().map(Vec::len).sum::<usize>();

    // A reducer, not a state: the key listener outlives renders and must move
    // from the current match, not from the one of the render that made it.
    let go = {
        let cursor = cursor.dispatcher();
        Callback::from(move |step: isize| {
            cursor.dispatch(CursorAction::Step {
                step,
                count: match_count,
            })
        })
    };
    // Keys n / p and Escape, unless the reader is typing somewhere.
    {
        let go = go.clone();
        let (dispatch, id) = (dispatch.clone(), props.id.clone());
        use_effect_with((match_count, back.clone()), move |(_, back)| {
            let back = back.clone();
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if super::typing(event) {
                    return;
                }
                match event.key().as_str() {
                    "n" => go.emit(1),
                    "p" | "N" => go.emit(-1),
                    "s" => {
                        if let Some(dispatch) = &dispatch {
                            let (id, now) = (id.to_string(), store::now());
                            dispatch.dispatch(Action::ToggleSaved { id, now });
                        }
                    }
                    // Back to the results (or the list), as "← Résultats".
                    "Escape" => {
                        let _ = gloo::utils::window().location().set_hash(&back);
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    use_current_match(cursor.at);
    let highlights = use_highlights(&props.library, &props.id, &placed.1);
    let (listen, listening) = use_listen(&props.library, &props.id);

    // Every hook has run: now the view may depend on the article.
    let Some(article) = article else {
        if id_pending {
            return html! {
                <article class="reader">
                    <a class="back" href={back}>{back_label}</a>
                    if let Some(failed) = id_failed {
                        <p class="loading" role="alert">{failed}</p>
                    } else {
                        <p class="loading" aria-busy="true">{t.loading_article}</p>
                    }
                </article>
            };
        }
        return html! {
            <article class="reader missing">
                <a class="back" href={back}>{back_label}</a>
                <h1>{t.article_missing}</h1>
                <p>{fill(t.article_missing_t, &[&props.id])}</p>
            </article>
        };
    };
    let blocks = article
        .blocks
        .iter()
        .zip(block_marks)
        .enumerate()
        .map(|(i, (block, marks))| {
            let mine = placed.0.get(i).map_or(&[][..], Vec::as_slice);
            let text = highlighted_with(&block.text, marks, mine);
            let b = i.to_string();
            match block.kind {
                BlockKind::Heading => html! { <h2 data-b={b}>{text}</h2> },
                BlockKind::Caption => html! { <p class="caption" data-b={b}>{text}</p> },
                BlockKind::Paragraph => html! { <p data-b={b}>{text}</p> },
            }
        });
    let navigation = match_bar(cursor.at, match_count, &go);
    let percent = *progress;
    let personal = state.as_ref().map(|state| {
        // Its id as linked: a split index's metadata has none before its text.
        let id = props.id.as_str();
        let read = state.shelf.is_read(id);
        let unread = {
            let (state, id) = (state.dispatcher(), id.to_string());
            Callback::from(move |_: MouseEvent| state.dispatch(Action::MarkUnread(id.clone())))
        };
        html! {
            <div class="article-actions">
                {save_button(state, id, "", state.shelf.is_saved(id))}
                {listen}
                if read {
                    <span class="badge">{t.read_badge}</span>
                    <button type="button" class="link" onclick={unread}>{t.mark_unread}</button>
                }
            </div>
        }
    });
    html! {
        <article class="reader">
            // The browser's own bar: no style attribute, which the page's
            // Content-Security-Policy refuses (style-src).
            <progress class="progress" max="100" value={percent.to_string()} aria-label={t.progress}></progress>
            <a class="back" href={back}>{back_label}</a>
            if *resumed {
                <p class="resume">
                    {t.resumed}
                    <button type="button" class="restart" onclick={restart}>{t.restart}</button>
                </p>
            }
            if let Some(section) = &article.section {
                <p class="section">{section.clone()}</p>
            }
            if !article.title.is_empty() {
                <h1>{highlighted(&article.title, title_marks)}</h1>
            }
            {meta_line(article)}
            {reading_time(article)}
            {personal}
            if let Some(url) = article.url.as_ref().filter(|u| is_web_address(u)) {
                <p class="original"><a href={url.clone()} rel="noopener noreferrer nofollow" target="_blank">{t.read_original}</a></p>
            }
            if let Some(failed) = failed {
                <p class="loading" role="alert">{failed}</p>
            } else if !has_text {
                <p class="loading" aria-busy="true">{t.loading_article}</p>
            }
            <div class="text">{ for blocks }</div>
            if !article.credits.is_empty() {
                <p class="credits">{fill(t.photo_t, &[&article.credits.join(" ; ")])}</p>
            }
            {highlights}
            {names_of(article)}
            {read_next(library, &related)}
            {navigation}
            {listening}
        </article>
    }
}

/// The reader's highlights in an article: each block's ranges with their
/// keys, and the keys of those whose words are gone.
type Placed = (Vec<Vec<(Range<usize>, String)>>, Vec<String>);
