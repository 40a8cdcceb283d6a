use liseuse_core::order::SortedSet;

use liseuse_core::listing::site_about as site_about_of;
use liseuse_core::markup::by_month;
use liseuse_core::text::fill;
use yew::prelude::*;

use super::ebook::use_ebook;
use super::list_keys::list_keys;
use super::result_item::item;
use super::{FilterBar, Filters, SharedLibrary, Timeline};
use crate::hooks::use_prepared;
use crate::hooks::{use_later_pieces, use_pieces};
use crate::pieces::failure;
use crate::route::Route;
use crate::state::{Action, StateContext};

/// Results (or articles) shown at first, and added by each press on "more"
/// (one number for the app and the page written before it).
pub use liseuse_core::markup::RESULTS_PAGE;

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The query; empty lists the articles, newest first.
    pub query: AttrValue,
    /// The query's results the newest first, under their months' headings,
    /// instead of the most relevant first.
    #[prop_or_default]
    pub newest: bool,
    /// Called with the order the reader picks (`true`: the newest first).
    #[prop_or_default]
    pub on_order: Callback<bool>,
    /// Which articles to show.
    pub filters: Filters,
    /// Called when the reader changes the filters.
    pub on_filters: Callback<Filters>,
    /// How many results (or articles) to show: [`RESULTS_PAGE`], and a page
    /// more at each press on "more".
    pub limit: usize,
    /// Called with the next limit when the reader asks for more.
    pub on_more: Callback<usize>,
}

/// Ranked results for the query, or the collection, newest first, when there is no query.
#[function_component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let library = &props.library.0;
    let query = props.query.to_string();
    let state = use_context::<StateContext>();
    // A split index: the dictionary pieces of the query's words, then the
    // pieces of their terms, then the text of the results.
    let prepared = use_prepared(library, &query);
    let needed = prepared.missing().to_vec();
    let failed = failure(&needed);
    let ready = use_pieces(library, needed);
    // The word positions, forms and spellings that refine the ranking (the
    // proximity of the words, the very form typed): once the reader pauses,
    // and the results are ranked again.
    let positions = prepared.later().to_vec();
    let refined = positions.len();
    // A split index: the read articles' ids, which "unread only" leaves out.
    let filter_ids = library.missing_for_filters(&props.filters);
    let filters_ready = filter_ids.is_empty();
    use_pieces(library, filter_ids);
    let limit = props.limit.max(1);
    let on_more = props
        .on_more
        .reform(move |_: MouseEvent| limit + RESULTS_PAGE);
    let results = {
        let library = library.clone();
        use_memo(
            (
                query.clone(),
                props.filters.clone(),
                ready,
                limit,
                refined,
                filters_ready,
                props.newest,
            ),
            move |(_, filters, ready, limit, _, _, newest)| {
                let order = if *newest {
                    liseuse_core::Order::Newest
                } else {
                    liseuse_core::Order::Relevance
                };
                if !ready {
                    liseuse_core::Results::default()
                } else {
                    library.search_prepared(&prepared, filters, order, *limit)
                }
            },
        )
    };
    let browsing = query.trim().is_empty();
    // Browsing: a page of the articles the filters keep, newest first.
    let page = {
        let library = library.clone();
        use_memo(
            (props.filters.clone(), limit, filters_ready),
            move |(filters, limit, _)| library.browse(filters, *limit),
        )
    };
    // A month picked on the home page: its articles as an e-book.
    // (Once per filters, not at every render of the home page.)
    let month_docs = {
        let library = library.clone();
        use_memo(
            (props.filters.clone(), browsing, filters_ready),
            move |(filters, browsing, _)| match (&filters.month, browsing) {
                (Some(_), true) => library.browse(filters, super::ebook::MOST).shown,
                _ => Vec::new(),
            },
        )
    };
    let month_name = props
        .filters
        .month
        .as_deref()
        .map(|m| crate::site::t().month(m))
        .unwrap_or_default();
    let ebook = use_ebook(&props.library, &month_docs, &month_name);
    let shown: Vec<u32> = if browsing {
        page.shown.clone()
    } else {
        results.hits.iter().map(|hit| hit.doc).collect()
    };
    // A search shows its results' titles at once, from their title pieces
    // (about 1 kB each), and their texts (snippets, reading time) once the
    // reader pauses, with the refining pieces: a keystroke that the next
    // one replaces downloads a few kB, not ten text pieces.
    let titles = if browsing {
        Vec::new()
    } else {
        library.missing_titles(shown.iter().copied())
    };
    let failed = failed.or_else(|| failure(&titles));
    use_pieces(library, titles);
    let texts = library.missing_texts(shown.iter().copied());
    let failed = failed.or_else(|| failure(&texts));
    // A query that is a name of the collection: its page is offered, once
    // the reader pauses (its piece would share the link with the results').
    let name_key = liseuse_core::model::key(query.trim());
    let name = if name_key.is_empty() {
        Vec::new()
    } else {
        library.missing_for_name(&name_key)
    };
    // Browsing, no one typing: the page's texts at once.
    // Browsing, the ids of every article (a split index has them in
    // pieces) for a reader who comes back: what is new since their last
    // visit needs them.
    let ids = match &state {
        Some(state) if state.returning && browsing => library.missing_ids(),
        _ => Vec::new(),
    };
    let (now, later) = if browsing {
        (texts, [positions, ids].concat())
    } else {
        (Vec::new(), [texts, name, positions].concat())
    };
    use_pieces(library, now);
    use_later_pieces(library, &query, later);
    use_effect_with((), |_| crate::site::set_title(None));
    let t = crate::site::t();
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = list_keys(state);
            move || drop(listener)
        });
    }
    let months = {
        let library = library.clone();
        use_memo(
            (props.filters.clone(), filters_ready),
            move |(filters, _)| library.months(filters),
        )
    };
    // The chart's months: the collection's, the other filters aside, so
    // that it keeps its shape while a month is picked.
    let all_months = {
        let library = library.clone();
        use_memo(
            (props.filters.clone(), filters_ready),
            move |(filters, _)| {
                library.months(&Filters {
                    month: None,
                    year: None,
                    ..filters.clone()
                })
            },
        )
    };
    let offer = (!name_key.is_empty())
        .then(|| library.entity(&name_key))
        .flatten()
        .map(|entity| {
            let count = t.count(entity.docs.len(), t.article);
            let href = Route::Name {
                key: name_key.clone(),
            }
            .to_hash();
            html! {
                <p class="entity-offer">
                    <a {href}>{fill(t.entity_offer_t, &[entity.kind.label(t), &entity.name, &count])}</a>
                </p>
            }
        });
    let Some(state) = state else {
        return Html::default(); // outside the Shell
    };
    let filter_bar = html! {
        <FilterBar
            library={props.library.clone()}
            filters={props.filters.clone()}
            on_change={props.on_filters.clone()}
        />
    };

    // A piece that failed is named; what does not need it still shows.
    let alert = failed.map(|message| html! { <p class="alert" role="alert">{message}</p> });
    if browsing {
        let no_terms = SortedSet::new();
        // The collection by month, newest first: a heading per month with
        // its count (of the articles the filters keep), then its articles.
        let groups = by_month(library, &shown);
        let group = |(month, docs): &(Option<&str>, Vec<u32>)| {
            let (name, count) = match month {
                Some(month) => {
                    let count = months
                        .iter()
                        .find(|(m, _)| m == month)
                        .map_or(0, |(_, n)| *n);
                    (t.month(month), count)
                }
                None => (t.no_date.to_string(), docs.len()),
            };
            html! {
                <li class="month" key={name.clone()}>
                    <h2>{name}<span class="month-count">{format!(" · {}", t.count(count, t.article))}</span></h2>
                    <ol>{ for docs.iter().map(|&doc| item(library, doc, &no_terms, "", 3, &state)) }</ol>
                </li>
            }
        };
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
        let timeline = html! {
            <Timeline months={(*all_months).clone()} current={props.filters.month.clone()} {on_pick} />
        };
        let heading = if state.unread {
            t.unread_articles
        } else {
            t.all_articles
        };
        return html! {
            <section class="results" aria-labelledby="view-title">
                <h1 id="view-title">{heading}</h1>
                {site_about()}
                {shelf_line(&state)}
                {timeline}
                {filter_bar}
                {alert}
                <p class="count" role="status">{t.count(page.total, t.article)}</p>
                {ebook}
                <ol class="months">{ for groups.iter().map(group) }</ol>
                if page.left() > 0 {
                    {more_button(page.left(), t.more_articles, on_more)}
                }
            </section>
        };
    }
    let title = html! { <h1 id="view-title" class="view-title">{fill(t.results_for_t, &[query.trim()])}</h1> };
    // One layout whatever the state of the search (its pieces on their way,
    // nothing found, results), so that the menus stay mounted as the reader
    // types: remounted, they counted the collection's sources and months
    // anew, twice for a keystroke that fetched pieces (5 to 10 ms at 36k).
    let (status, body) = if !ready {
        (t.searching.to_string(), Html::default())
    } else if results.hits.is_empty() {
        let suggestion = results.suggestion.as_ref().map(|suggestion| {
            let href = Route::Search {
                query: suggestion.clone(),
                newest: props.newest,
            }
            .to_hash();
            let [before, after] = t.did_you_mean;
            html! {
                <p class="suggestion">
                    {before}<a {href}>{suggestion.clone()}</a>{after}
                </p>
            }
        });
        (empty_line(&results, &query), suggestion.unwrap_or_default())
    } else {
        let more = (results.total > shown.len())
            .then(|| more_button(results.total - shown.len(), t.more_results, on_more));
        let list = if props.newest {
            // Under the headings of their months, as the home page.
            let group = |(month, docs): &(Option<&str>, Vec<u32>)| {
                let name = month.map_or(t.no_date.to_string(), |m| t.month(m));
                html! {
                    <li class="month" key={name.clone()}>
                        <h2>{name}</h2>
                        <ol>{ for docs.iter().map(|&doc| item(library, doc, &results.terms, &query, 3, &state)) }</ol>
                    </li>
                }
            };
            html! { <ol class="months">{ for by_month(library, &shown).iter().map(group) }</ol> }
        } else {
            html! {
                <ol>
                    { for shown.iter().map(|&doc| item(library, doc, &results.terms, &query, 2, &state)) }
                </ol>
            }
        };
        let body = html! {
            <>
                {order_choice(props.newest, &props.on_order)}
                {list}
                {more}
            </>
        };
        (t.count(results.total, t.result), body)
    };
    let empty = ready && results.hits.is_empty();
    html! {
        <section
            class={classes!("results", empty.then_some("empty"))}
            aria-busy={(!ready).then_some("true")}
            aria-labelledby="view-title"
        >
            {title}
            {ready.then_some(offer).flatten()}
            // Where the home page has its chart: the menus keep their
            // place (the fourth) from the home page to the first results.
            {Html::default()}
            {filter_bar}
            {alert}
            <p class="count" role="status">{status}</p>
            {body}
        </section>
    }
}

/// The two orders of results, the one shown pressed.
fn order_choice(newest: bool, on_order: &Callback<bool>) -> Html {
    let t = crate::site::t();
    let button = |label: &'static str, this: bool| {
        let onclick = on_order.reform(move |_: MouseEvent| this);
        html! {
            <button type="button" class="link" aria-pressed={(newest == this).to_string()} {onclick}>{label}</button>
        }
    };
    html! {
        <p class="order" role="group" aria-label={t.order_label}>
            {t.order_by}{button(t.order_relevance, false)}{" · "}{button(t.order_newest, true)}
        </p>
    }
}

/// What to say when a search found nothing.
fn empty_line(results: &liseuse_core::Results, query: &str) -> String {
    let t = crate::site::t();
    let template = if results.common_words_only {
        t.too_common_t
    } else {
        t.no_match_t
    };
    fill(template, &[query.trim()])
}

/// The button that shows the next page, saying how many are left.
fn more_button(left: usize, label: &str, on_more: Callback<MouseEvent>) -> Html {
    html! {
        <p class="more">
            <button type="button" onclick={on_more}>
                {format!("{label} ({left})")}
            </button>
        </p>
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
