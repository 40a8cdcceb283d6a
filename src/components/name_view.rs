use liseuse_core::order::SortedSet;

use liseuse_core::model::key;
use liseuse_core::text::fill;
use yew::prelude::*;

use super::ebook::ebook_button;
use super::result_item::item;
use super::{SharedLibrary, Timeline, RESULTS_PAGE};
use crate::hooks::use_ebook;
use crate::hooks::use_pieces;
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
    let entity = library.entity(&props.name).cloned();
    let mut docs: Vec<u32> = (entity.iter())
        .flat_map(|e| e.docs.iter().copied())
        .filter(|&d| (month.as_deref()).is_none_or(|m| library.article_at(d).month() == Some(m)))
        .collect();
    library.newest_first(&mut docs);
    let shown: Vec<u32> = docs.iter().copied().take(*limit).collect();
    use_pieces(library, library.missing_texts(shown.iter().copied()));
    let ebook = {
        let name = entity.as_ref().map_or("", |e| e.name.as_str());
        let ebook = use_ebook(library, &docs, name);
        ebook_button(&ebook, name, docs.is_empty())
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
