use liseuse_core::markup::by_month;
use liseuse_core::text::fill;
use liseuse_core::{Library, Results};
use yew::prelude::*;

use super::followed::follow_button;
use super::home_list::month_group;
use super::result_item::item;
use super::result_list::{filter_bar, more_button, ResultListProps};
use crate::hooks::{use_list, use_results};
use crate::route::Route;

/// The results of a search, the most relevant first or the newest first
/// under their months' headings. One layout whatever the state of the
/// search (its pieces on their way, nothing found, results), so that the
/// menus stay mounted as the reader types: remounted, they counted the
/// collection's sources and months anew, twice for a keystroke that
/// fetched pieces (5 to 10 ms at 36k).
#[function_component]
pub fn SearchResults(props: &ResultListProps) -> Html {
    let library = &props.library.0;
    let query = props.query.to_string();
    let list = use_list(library, &props.filters);
    let (results, ready, failed) = use_results(
        library,
        &props.query,
        &props.filters,
        props.limit,
        props.newest,
        list.filters_ready,
    );
    let shown: Vec<u32> = results.hits.iter().map(|hit| hit.doc).collect();
    let Some(state) = list.state else {
        return Html::default(); // outside the Shell
    };
    let t = crate::site::t();
    let (status, body) = if !ready {
        (t.searching.to_string(), Html::default())
    } else if results.hits.is_empty() {
        let follow = follow_button(&query, &props.filters, &state);
        let body = html! {
            <>
                {suggestion(&results, props.newest)}
                <p class="order-line">{follow}</p>
            </>
        };
        (empty_line(&results, &query), body)
    } else {
        let more = (results.total > shown.len())
            .then(|| more_button(results.total - shown.len(), t.more_results, props.more()));
        let list = if props.newest {
            // Under the headings of their months, as the home page.
            let terms = (&results.terms, query.as_str());
            let group = |(month, docs): &(Option<&str>, Vec<u32>)| {
                month_group(library, (*month, None), docs, terms, &state)
            };
            html! { <ol class="months">{ for by_month(library, &shown).iter().map(group) }</ol> }
        } else {
            let item = |&doc| item(library, doc, &results.terms, &query, 2, &state);
            html! { <ol>{ for shown.iter().map(item) }</ol> }
        };
        let follow = follow_button(&query, &props.filters, &state);
        let body = html! {
            <>
                {order_choice(props.newest, &props.on_order, follow)}
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
            <h1 id="view-title" class="view-title">{fill(t.results_for_t, &[query.trim()])}</h1>
            {ready.then(|| name_offer(library, &query)).flatten()}
            // Where the home page has its chart: the menus keep their
            // place (the fourth) from the home page to the first results.
            {Html::default()}
            {filter_bar(props)}
            {failed.map(|message| html! { <p class="alert" role="alert">{message}</p> })}
            <p class="count" role="status">{status}</p>
            {body}
        </section>
    }
}

/// A query that is a name of the collection: a link to its page.
fn name_offer(library: &Library, query: &str) -> Option<Html> {
    let t = crate::site::t();
    let key = liseuse_core::model::key(query.trim());
    let entity = (!key.is_empty()).then(|| library.entity(&key)).flatten()?;
    let count = t.count(entity.docs.len(), t.article);
    let href = Route::Name { key }.to_hash();
    // What it said, when it said something: a search among quotations.
    let quotes = entity.quotes(library.len()).len();
    let quoted = (quotes > 0).then(|| Route::Search {
        query: format!("cite:{}", entity.name),
        newest: false,
    });
    Some(html! {
        <p class="entity-offer">
            <a {href}>{fill(t.entity_offer_t, &[entity.kind.label(t), &entity.name, &count])}</a>
            if let Some(quoted) = quoted {
                {" · "}<a href={quoted.to_hash()}>{fill(t.quotations_t, &[&quotes.to_string()])}</a>
            }
        </p>
    })
}

/// "Did you mean…", with a link to the suggestion, when there is one.
fn suggestion(results: &Results, newest: bool) -> Html {
    let Some(suggestion) = results.suggestion.as_ref() else {
        return Html::default();
    };
    let href = Route::Search {
        query: suggestion.clone(),
        newest,
    }
    .to_hash();
    let [before, after] = crate::site::t().did_you_mean;
    html! {
        <p class="suggestion">
            {before}<a {href}>{suggestion.clone()}</a>{after}
        </p>
    }
}

/// The two orders of results, the one shown pressed, and `follow` (the
/// button to follow the search), as the first results lay them out.
fn order_choice(newest: bool, on_order: &Callback<bool>, follow: Html) -> Html {
    let t = crate::site::t();
    let button = |label: &'static str, this: bool| {
        let onclick = on_order.reform(move |_: MouseEvent| this);
        html! {
            <button type="button" class="link" aria-pressed={(newest == this).to_string()} {onclick}>{label}</button>
        }
    };
    html! {
        <div class="order-line">
            <p class="order" role="group" aria-label={t.order_label}>
                {t.order_by}{button(t.order_relevance, false)}{" · "}{button(t.order_newest, true)}
            </p>
            {follow}
        </div>
    }
}

/// What to say when a search found nothing.
fn empty_line(results: &Results, query: &str) -> String {
    let t = crate::site::t();
    let template = if results.common_words_only {
        t.too_common_t
    } else {
        t.no_match_t
    };
    fill(template, &[query.trim()])
}
