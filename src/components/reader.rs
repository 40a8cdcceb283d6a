use liseuse_core::annotation;
use liseuse_core::article::is_web_address;
use liseuse_core::citation;
use liseuse_core::text::fill;
use liseuse_core::{Article, BlockKind};
use yew::prelude::*;

use super::article_names::names_of;
use super::cite::{cite_dialog, words, Citing};
use super::highlights::highlights;
use super::listen::{listen_bar, listen_button};
use super::match_bar::{match_bar, CursorAction, MatchCursor};
use super::read_next::read_next;
use super::result_item::save_button;
use super::{highlighted, highlighted_with, meta_line, reading_time, SharedLibrary};
use crate::hooks::{
    use_article_marks, use_article_pieces, use_current_match, use_highlighting, use_listen,
    use_opened, use_placed_highlights, use_reader_keys, use_reading_progress, Marks, Placed,
};
use crate::route::Route;
use crate::state::{Action, StateContext};
use crate::store;

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
    let pieces = use_article_pieces(library, &props.id);
    let article = library.article(&props.id);
    let cursor = use_reducer(MatchCursor::default);
    let state = use_context::<StateContext>();
    let dispatch = state.as_ref().map(|s| s.dispatcher());
    use_opened(&props.id, article.is_some(), dispatch.clone());
    {
        let cursor = cursor.dispatcher();
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            cursor.dispatch(CursorAction::Reset);
        });
    }
    let progress = use_reading_progress(&props.id, pieces.has_text, dispatch.clone());
    // The title may come later than the page, with its piece of a split index.
    let title = article.map(|a| a.title.clone()).filter(|t| !t.is_empty());
    use_effect_with(title, |title| crate::site::set_title(title.as_deref()));
    let back = Route::Search {
        query: props.query.to_string(),
        newest: props.newest && !props.query.is_empty(),
    }
    .to_hash();
    let marks = use_article_marks(library, &props.id, pieces.has_text, &props.query);
    let placed = use_placed_highlights(library, state.as_ref(), &props.id, pieces.has_text);
    let match_count = marks.count();
    // A reducer, not a state: the key listener outlives renders and must move
    // from the current match, not from the one of the render that made it.
    let go = {
        let cursor = cursor.dispatcher();
        Callback::from(move |step: isize| {
            let count = match_count;
            cursor.dispatch(CursorAction::Step { step, count })
        })
    };
    let save = {
        let (dispatch, id) = (dispatch.clone(), props.id.to_string());
        Callback::from(move |()| {
            if let Some(dispatch) = &dispatch {
                let (id, now) = (id.clone(), store::now());
                dispatch.dispatch(Action::ToggleSaved { id, now });
            }
        })
    };
    use_reader_keys(match_count, &back, go.clone(), save);
    use_current_match(cursor.at);
    let highlighting = use_highlighting(library, &props.id);
    let listen = use_listen(library, &props.id);
    let citing = use_citing(library, &props.id, &highlighting.quote_now);
    // A link to a paragraph (`?p=`): that paragraph, marked and in view.
    let cited = use_cited_address();
    {
        let key = (props.id.clone(), pieces.has_text, cited.clone());
        use_effect_with(key, move |(_, has_text, cited)| {
            if *has_text && cited.is_some() {
                let document = gloo::utils::document();
                if let Ok(Some(block)) = document.query_selector("article.reader .text .cited") {
                    // In the middle: at the top, the page's header would hide it.
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    block.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }

    // Every hook has run: now the view may depend on the article.
    let back = html! { <a class="back" href={back}>{back_label(&props.query)}</a> };
    let Some(article) = article else {
        return missing(&props.id, pieces.id_pending, pieces.id_failed, back);
    };
    let t = crate::site::t();
    let cite_article = citing.ask.reform(|_: MouseEvent| None);
    let actions = state
        .as_ref()
        .map(|state| actions(state, &props.id, listen_button(&listen)));
    let cite_passage = citing.ask.reform(|()| Some(()));
    html! {
        <article class="reader">
            // The browser's own bar: no style attribute, which the page's
            // Content-Security-Policy refuses (style-src).
            <progress class="progress" max="100" value={progress.percent.to_string()} aria-label={t.progress}></progress>
            {back}
            if progress.resumed {
                <p class="resume">
                    {t.resumed}
                    <button type="button" class="restart" onclick={progress.restart}>{t.restart}</button>
                </p>
            }
            if let Some(section) = &article.section {
                <p class="section">{section.clone()}</p>
            }
            if !article.title.is_empty() {
                <h1>{highlighted(&article.title, &marks.title)}</h1>
            }
            {meta_line(article)}
            {reading_time(article)}
            {actions}
            if let Some(url) = article.url.as_ref().filter(|u| is_web_address(u)) {
                <p class="original"><a href={url.clone()} rel="noopener noreferrer nofollow" target="_blank">{t.read_original}</a></p>
            }
            if let Some(failed) = pieces.failed {
                <p class="loading" role="alert">{failed}</p>
            } else if !pieces.has_text {
                <p class="loading" aria-busy="true">{t.loading_article}</p>
            }
            <div class="text">{text(article, &marks, &placed, cited.as_deref())}</div>
            if !article.credits.is_empty() {
                <p class="credits">{fill(t.photo_t, &[&article.credits.join(" ; ")])}</p>
            }
            // (After the text: the page written before the app has no such button.)
            <p class="cite-article">
                <button type="button" class="cite" onclick={cite_article}>{words().cite_article}</button>
            </p>
            {state.as_ref().map(|s| highlights(&highlighting, s, &props.id, &placed.orphans, cite_passage))}
            if let Some(what) = &*citing.what {
                {cite_dialog(&citing.dialog, article, &props.id, what, &citing.copied)}
            }
            {names_of(&pieces.names)}
            {read_next(library, &props.id, &pieces.related)}
            {match_bar(cursor.at, match_count, &go)}
            {listen_bar(&listen)}
        </article>
    }
}

/// "← Résultats", or "← Tous les articles" when no query led here.
fn back_label(query: &str) -> &'static str {
    let t = crate::site::t();
    if query.is_empty() {
        t.back_all
    } else {
        t.back_results
    }
}

/// The view of an article not known: loading (its id's piece), its piece
/// failed, or no article has that id.
fn missing(id: &str, pending: bool, failed: Option<String>, back: Html) -> Html {
    let t = crate::site::t();
    if pending {
        return html! {
            <article class="reader">
                {back}
                if let Some(failed) = failed {
                    <p class="loading" role="alert">{failed}</p>
                } else {
                    <p class="loading" aria-busy="true">{t.loading_article}</p>
                }
            </article>
        };
    }
    html! {
        <article class="reader missing">
            {back}
            <h1>{t.article_missing}</h1>
            <p>{fill(t.article_missing_t, &[id])}</p>
        </article>
    }
}

/// The article's blocks, with the query's marks and the reader's
/// highlights; the paragraph at address `cited`, if any, marked.
fn text(article: &Article, marks: &Marks, placed: &Placed, cited: Option<&str>) -> Html {
    let cited = cited.and_then(|address| citation::paragraph_at(article, address));
    let blocks = article.blocks.iter().zip(&marks.blocks).enumerate();
    blocks
        .map(|(i, (block, marks))| {
            let mine = placed.blocks.get(i).map_or(&[][..], Vec::as_slice);
            let text = highlighted_with(&block.text, marks, mine);
            let b = i.to_string();
            let class = (cited == Some(i)).then_some("cited");
            match block.kind {
                BlockKind::Heading => html! { <h2 data-b={b} class={class}>{text}</h2> },
                BlockKind::Caption => {
                    html! { <p class={classes!("caption", class)} data-b={b}>{text}</p> }
                }
                BlockKind::Paragraph => html! { <p data-b={b} class={class}>{text}</p> },
            }
        })
        .collect()
}

/// The paragraph address of the page's link (`?p=`), if it has one, as
/// the link changes (another paragraph of the same article is no other
/// route).
#[hook]
fn use_cited_address() -> Option<String> {
    let cited = use_state_eq(cited_address);
    {
        let cited = cited.setter();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = gloo::events::EventListener::new(&window, "hashchange", move |_| {
                cited.set(cited_address())
            });
            move || drop(listener)
        });
    }
    (*cited).clone()
}

/// The paragraph address of the page's link (`?p=`), if it has one.
fn cited_address() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    crate::route::param(&hash, "p")
}

/// The citation of the article being read: what is cited, its dialog,
/// which of its forms was copied last, and what asks for it (with the
/// selection: `Some(())`; the whole article: `None`).
struct CiteTools {
    what: UseStateHandle<Option<Citing>>,
    dialog: NodeRef,
    copied: UseStateHandle<Option<usize>>,
    ask: Callback<Option<()>>,
}

#[hook]
fn use_citing(
    library: &std::rc::Rc<liseuse_core::Library>,
    id: &AttrValue,
    quote_now: &Callback<(), Option<annotation::Quote>>,
) -> CiteTools {
    let what = use_state(|| None::<Citing>);
    let dialog = use_node_ref();
    let copied = use_state(|| None::<usize>);
    // Asked again for the same, it opens again: the effect follows a count.
    let asked = use_state(|| 0u32);
    {
        let (dialog, copied) = (dialog.clone(), copied.setter());
        use_effect_with(*asked, move |&asked| {
            if asked > 0 {
                copied.set(None);
                crate::hooks::open_dialog(&dialog);
            }
        });
    }
    let ask = {
        let (library, id, quote_now) = (library.clone(), id.clone(), quote_now.clone());
        let (what, asked) = (what.setter(), asked.clone());
        Callback::from(move |passage: Option<()>| {
            let passage = match passage {
                Some(()) => match quote_now.emit(()).zip(library.article(&id)) {
                    Some((quote, article)) => {
                        let blocks: Vec<&str> =
                            article.blocks.iter().map(|b| b.text.as_str()).collect();
                        // The first block the passage has words in.
                        let block = (annotation::locate(&blocks, &quote))
                            .and_then(|range| {
                                annotation::in_blocks(&blocks, &range)
                                    .first()
                                    .map(|part| part.0)
                            })
                            .unwrap_or(0);
                        Some((quote.exact, block))
                    }
                    None => return,
                },
                None => None,
            };
            what.set(Some(Citing { passage }));
            asked.set(*asked + 1);
        })
    };
    CiteTools {
        what,
        dialog,
        copied,
        ask,
    }
}

/// Save, listen, and "read" with a way to unmark it: what a reader does
/// with article `id` (its id as linked: a split index's metadata has none
/// before its text).
fn actions(state: &StateContext, id: &str, listen: Html) -> Html {
    let t = crate::site::t();
    let unread = {
        let (state, id) = (state.dispatcher(), id.to_string());
        Callback::from(move |_: MouseEvent| state.dispatch(Action::MarkUnread(id.clone())))
    };
    html! {
        <div class="article-actions">
            {save_button(state, id, "", state.shelf.is_saved(id))}
            {listen}
            if state.shelf.is_read(id) {
                <span class="badge">{t.read_badge}</span>
                <button type="button" class="link" onclick={unread}>{t.mark_unread}</button>
            }
        </div>
    }
}
