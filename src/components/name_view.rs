use liseuse_core::order::SortedSet;

use liseuse_core::model::{key, Quote};
use liseuse_core::text::fill;
use yew::prelude::*;

use super::ebook::ebook_button;
use super::meta_line::meta_line;
use super::result_item::item;
use super::{SharedLibrary, Timeline, RESULTS_PAGE};
use crate::hooks::use_pieces;
use crate::hooks::{use_ebook, use_quotes_export};
use crate::pieces::failure;
use crate::route::Route;
use crate::state::StateContext;

/// Props of [`NameView`].
#[derive(Properties, PartialEq)]
pub struct NameViewProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The name's key.
    pub name: AttrValue,
}

/// The page of a person, place or organisation: what it is, its mentions
/// by month (a bar filters to its month), the names seen with it most, and
/// its articles, newest first.
#[function_component]
pub fn NameView(props: &NameViewProps) -> Html {
    let library = &props.library.0;
    let state = use_context::<StateContext>();
    let needed = library.missing_for_name(&props.name);
    let failed = failure(&needed);
    let ready = use_pieces(library, needed);
    let month = use_state_eq(|| None::<String>);
    let limit = use_state_eq(|| RESULTS_PAGE);
    let quotes_limit = use_state_eq(|| QUOTES_PAGE);
    let entity = library.entity(&props.name).cloned();
    // Its quotations, newest first, as many as shown: their titles.
    let quotes = (entity.as_ref()).map_or(Vec::new(), |e| e.quotes(library.len()));
    let quotes = newest_quotes(library, &quotes);
    let quoted: Vec<u32> = quotes.iter().take(*quotes_limit).map(|q| q.doc).collect();
    use_pieces(library, library.missing_titles(quoted));
    let mut docs: Vec<u32> = (entity.iter())
        .flat_map(|e| e.docs.iter().copied())
        .filter(|&d| (month.as_deref()).is_none_or(|m| library.article_at(d).month() == Some(m)))
        .collect();
    library.newest_first(&mut docs);
    let shown: Vec<u32> = docs.iter().copied().take(*limit).collect();
    use_pieces(library, library.missing_texts(shown.iter().copied()));
    let ebook = {
        let name = entity.as_ref().map_or("", |e| e.name.as_str());
        // With what the name said in each of its articles.
        let ebook = use_ebook(library, &docs, name, &quotes);
        ebook_button(&ebook, name, docs.is_empty())
    };
    let export = {
        let name = entity.as_ref().map_or(String::new(), |e| e.name.clone());
        let heading = format!("{name} — {}", crate::site::site().title);
        use_quotes_export(library, &heading, &[(&name, &quotes)])
    };
    {
        let title = entity.as_ref().map(|e| e.name.clone());
        use_effect_with(title, |title| {
            crate::site::set_title(Some(title.as_deref().unwrap_or(crate::site::t().name)));
        });
    }
    let t = crate::site::t();
    let (Some(state), Some(entity)) = (state, entity) else {
        let message = match failed {
            Some(failed) => failed,
            None if !ready => t.loading.to_string(),
            None => fill(t.name_missing_t, &[&props.name]),
        };
        return html! {
            <section class="results name" aria-labelledby="view-title">
                <a class="back" href={Route::default().to_hash()}>{t.back_all}</a>
                <h1 id="view-title">{t.name_missing}</h1>
                <p role="status">{message}</p>
            </section>
        };
    };
    // Its mentions by month: the months of its articles.
    let mut by_month = std::collections::BTreeMap::<&str, usize>::new();
    for &doc in &entity.docs {
        if let Some(month) = library.article_at(doc).month() {
            *by_month.entry(month).or_default() += 1;
        }
    }
    let months: Vec<(String, usize)> = (by_month.into_iter())
        .map(|(month, n)| (month.to_string(), n))
        .collect();
    let on_pick = {
        let (month, limit) = (month.setter(), limit.setter());
        Callback::from(move |picked: Option<String>| {
            month.set(picked);
            limit.set(RESULTS_PAGE);
        })
    };
    let on_more = {
        let (limit, now) = (limit.setter(), *limit);
        Callback::from(move |_: MouseEvent| limit.set(now + RESULTS_PAGE))
    };
    let more_quotes = {
        let (limit, now) = (quotes_limit.setter(), *quotes_limit);
        Callback::from(move |_: MouseEvent| limit.set(now + QUOTES_PAGE))
    };
    let count = entity.docs.len();
    let none = SortedSet::new();
    html! {
        <section class="results name" aria-labelledby="view-title">
            <a class="back" href={Route::default().to_hash()}>{t.back_all}</a>
            <p class="section">{entity.kind.label(t)}</p>
            <h1 id="view-title">{entity.name.clone()}</h1>
            <p class="count" role="status">
                {fill(t.named_times_t, &[&t.count(count, t.article), &entity.mentions.to_string()])}
            </p>
            {ebook}
            <Timeline {months} current={(*month).clone()} {on_pick} />
            if !entity.with.is_empty() {
                <nav class="with" aria-label={t.often_with}>
                    <span>{t.often_with}</span>
                    { for entity.with.iter().map(|other| html! {
                        <a href={Route::Name { key: key(other) }.to_hash()}>{other.clone()}</a>
                    }) }
                </nav>
            }
            if !quotes.is_empty() {
                <section class="quotations" aria-labelledby="quotations-title">
                    <h2 id="quotations-title">{fill(t.quotations_t, &[&quotes.len().to_string()])}</h2>
                    <p class="export"><button type="button" class="link" onclick={export}>{t.export_markdown}</button></p>
                    {quotations(library, &quotes, *quotes_limit, Some(more_quotes))}
                </section>
            }
            <ol>{ for shown.iter().map(|&doc| item(library, doc, &none, "", 2, &state)) }</ol>
            if docs.len() > shown.len() {
                <p class="more">
                    <button type="button" onclick={on_more}>
                        {format!("{} ({})", t.more_articles, docs.len() - shown.len())}
                    </button>
                </p>
            }
        </section>
    }
}

/// How many quotations a name's page shows at first, and more at a time.
pub(super) const QUOTES_PAGE: usize = 10;

/// `quotes` (in document order, as [`liseuse_core::model::Entity::quotes`]
/// keeps them), those of the newest articles first (an article's in its
/// order): each article's found by a binary search, not by comparing every
/// quotation with every article (a name quoted a thousand times).
pub(super) fn newest_quotes(library: &liseuse_core::Library, quotes: &[Quote]) -> Vec<Quote> {
    let mut docs: Vec<u32> = quotes.iter().map(|q| q.doc).collect();
    docs.dedup();
    library.newest_first(&mut docs);
    let of = |doc: u32| {
        let start = quotes.partition_point(|q| q.doc < doc);
        quotes[start..]
            .iter()
            .take_while(move |q| q.doc == doc)
            .cloned()
    };
    docs.into_iter().flat_map(of).collect()
}

/// A name's quotations (in a section "Citations (12)" of the caller's):
/// the first `limit`, each with the article that quotes it (a link), its
/// date and source; a button shows more when `more` says how.
pub(super) fn quotations(
    library: &liseuse_core::Library,
    quotes: &[Quote],
    limit: usize,
    more: Option<Callback<MouseEvent>>,
) -> Html {
    let t = crate::site::t();
    let quote = |quote: &Quote| {
        let meta = library.article_at(quote.doc);
        let source = match library.listed(quote.doc) {
            Some(listed) => {
                let href = Route::Article {
                    id: listed.id.to_string(),
                    query: String::new(),
                }
                .to_hash();
                html! { <a {href}>{listed.title.to_string()}</a> }
            }
            None => html! { <span class="pending">{t.loading}</span> },
        };
        html! {
            <li>
                <blockquote>{format!("« {} »", quote.text)}</blockquote>
                <div class="quoted-in">{source}{meta_line(meta)}</div>
            </li>
        }
    };
    html! {
        <>
            <ol>{ for quotes.iter().take(limit).map(quote) }</ol>
            if let Some(onclick) = more.filter(|_| quotes.len() > limit) {
                <p class="more">
                    <button type="button" {onclick}>
                        {format!("{} ({})", t.more_quotations, quotes.len() - limit)}
                    </button>
                </p>
            }
        </>
    }
}
