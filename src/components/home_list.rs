use liseuse_core::listing::site_about as site_about_of;
use liseuse_core::markup::by_month;
use liseuse_core::order::SortedSet;
use liseuse_core::text::fill;
use liseuse_core::Library;
use yew::prelude::*;

use super::ebook::ebook_button;
use super::result_item::item;
use super::result_list::{filter_bar, more_button, ResultListProps};
use super::{Filters, FollowedSearches, Timeline};
use crate::hooks::{
    use_all_months, use_ebook, use_later_pieces, use_list, use_month_docs, use_pieces,
};
use crate::pieces::failure;
use crate::route::Route;
use crate::state::{Action, StateContext};

/// The home page: the collection by month, newest first (a heading per
/// month with its count of the articles the filters keep, then its
/// articles), under the chart of the months and the filters.
#[function_component]
pub fn HomeList(props: &ResultListProps) -> Html {
    let library = &props.library.0;
    let list = use_list(library, &props.filters);
    let filters_ready = list.filters_ready;
    let limit = props.limit.max(1);
    let page = {
        let library = library.clone();
        use_memo(
            (props.filters.clone(), limit, filters_ready),
            move |(filters, limit, _)| library.browse(filters, *limit),
        )
    };
    // A month picked: its articles as an e-book.
    let month_docs = use_month_docs(library, &props.filters, filters_ready);
    let month_name = (props.filters.month.as_deref())
        .map(|m| crate::site::t().month(m))
        .unwrap_or_default();
    let ebook = use_ebook(library, &month_docs, &month_name, &[]);
    // The page's texts at once; the ids of every article (a split index has
    // them in pieces) for a reader who comes back: what is new since their
    // last visit needs them.
    let texts = library.missing_texts(page.shown.iter().copied());
    let failed = failure(&texts);
    let ids = match &list.state {
        Some(state) if state.returning => library.missing_ids(),
        _ => Vec::new(),
    };
    use_pieces(library, texts);
    use_later_pieces(library, "", ids);
    let months = {
        let library = library.clone();
        use_memo(
            (props.filters.clone(), filters_ready),
            move |(filters, _)| library.months(filters),
        )
    };
    let all_months = use_all_months(library, &props.filters, filters_ready);
    let Some(state) = list.state else {
        return Html::default(); // outside the Shell
    };
    let t = crate::site::t();
    let heading = if state.unread {
        t.unread_articles
    } else {
        t.all_articles
    };
    let groups = by_month(library, &page.shown);
    let no_terms = SortedSet::new();
    let group = |(month, docs): &(Option<&str>, Vec<u32>)| {
        let count = match month {
            Some(month) => (months.iter().find(|(m, _)| m == month)).map_or(0, |(_, n)| *n),
            None => docs.len(),
        };
        month_group(
            library,
            (*month, Some(count)),
            docs,
            (&no_terms, ""),
            &state,
        )
    };
    html! {
        <section class="results" aria-labelledby="view-title">
            <h1 id="view-title">{heading}</h1>
            {site_about()}
            {shelf_line(&state)}
            <FollowedSearches library={props.library.clone()} />
            {timeline(props, &all_months)}
            {filter_bar(props)}
            {failed.map(|message| html! { <p class="alert" role="alert">{message}</p> })}
            <p class="count" role="status">{t.count(page.total, t.article)}</p>
            {ebook_button(&ebook, &month_name, month_docs.is_empty())}
            <ol class="months">{ for groups.iter().map(group) }</ol>
            if page.left() > 0 {
                {more_button(page.left(), t.more_articles, props.more())}
            }
        </section>
    }
}

/// A month's heading (with its count, on the home page) and its articles,
/// with the `terms` of `query` that found them (none on the home page).
pub fn month_group(
    library: &Library,
    (month, count): (Option<&str>, Option<usize>),
    items: &[u32],
    (terms, query): (&SortedSet<String>, &str),
    state: &StateContext,
) -> Html {
    let t = crate::site::t();
    let name = month.map_or(t.no_date.to_string(), |m| t.month(m));
    let count = count.map(|count| format!(" · {}", t.count(count, t.article)));
    html! {
        <li class="month" key={name.clone()}>
            <h2>{name}if let Some(count) = count {<span class="month-count">{count}</span>}</h2>
            <ol>{ for items.iter().map(|&doc| item(library, doc, terms, query, 3, state)) }</ol>
        </li>
    }
}

/// The chart of the collection's `months`; a month picked filters the list
/// to it (picked again, to all).
fn timeline(props: &ResultListProps, months: &[(String, usize)]) -> Html {
    let on_pick = {
        let (filters, on_filters) = (props.filters.clone(), props.on_filters.clone());
        Callback::from(move |month: Option<String>| {
            on_filters.emit(Filters {
                month,
                year: None,
                ..filters.clone()
            })
        })
    };
    html! {
        <Timeline months={months.to_vec()} current={props.filters.month.clone()} {on_pick} />
    }
}

/// The way to the reader's own articles and to the unread ones, on the home page.
fn shelf_line(state: &StateContext) -> Html {
    let saved = state.shelf.saved().len();
    let recent = state.shelf.recent().len();
    let new = state.new_ids.len();
    let toggle = {
        let (dispatch, only) = (state.dispatcher(), state.only_new);
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetOnlyNew(!only)))
    };
    let t = crate::site::t();
    let line = fill(
        t.shelf_line_t,
        &[
            &t.count(saved, t.saved_count),
            &t.count(recent, t.read_count),
        ],
    );
    html! {
        <>
            <nav class="shelf-line" aria-label={t.my_articles}>
                <a href={Route::Shelf.to_hash()}>{line}</a>
            </nav>
            if new > 0 || state.only_new {
                <p class="news">
                    {format!("{} · ", t.count(new, t.new_since))}
                    <button type="button" class="link" onclick={toggle} aria-pressed={state.only_new.to_string()}>
                        {t.only_new}
                    </button>
                </p>
            }
        </>
    }
}

/// The site's description and a link to its publisher's home, under the
/// home page's title, as the page the build wrote shows them.
fn site_about() -> Html {
    let site = crate::site::site();
    let about = site_about_of(&site.description, site.home.as_deref(), site.text);
    let Some((description, home)) = about else {
        return Html::default();
    };
    html! {
        <p class="site-about">
            {description}
            if let Some((address, host)) = home {
                {" "}<a rel="home" href={address}>{format!("{host} ↗")}</a>
            }
        </p>
    }
}
