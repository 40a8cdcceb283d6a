//! Lists of articles as HTML, written by the same code wherever they are
//! written before the app: the home page's newest articles, which the build
//! writes into `index.html` (`publish`), and the first results of a link to
//! a search, which the first result's path (`crates/liseuse-first`) writes
//! into the page while the app is still on its way. Both use the app's
//! classes and places (`src/components/result_list.rs`), so that nothing
//! moves when the app takes over. Every text is escaped.

use crate::order::SortedSet;
use std::fmt::Write;

mod article;

use crate::dates::Chart;
use crate::listing::{meta_line, site_about};
use crate::route::Route;
use crate::text::{fill, ListText, Text};
use crate::{Filters, Library, Order, Results};

/// Results (or articles) a list shows at first, and adds at each press on
/// "more": with a split index, each shown result may need a text piece (its
/// title, metadata and snippet), so a page is what a reader looks at first.
pub const RESULTS_PAGE: usize = 10;

/// What the home page says of the site under its title: its description,
/// and its publisher's home if it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct About {
    /// The site's description.
    pub description: String,
    /// The publisher's home, if given.
    pub home: Option<String>,
}

/// The home page as the app first shows it (the newest `count` articles,
/// grouped by month), in plain HTML with the app's classes: the title of
/// each article links to its reading view. Every text is escaped.
pub fn early_html(library: &Library, count: usize, site: &About, text: &Text) -> String {
    let page = library.browse(&Filters::default(), count);
    let all_months = library.months(&Filters::default());
    let months: std::collections::HashMap<String, usize> = all_months.iter().cloned().collect();
    let mut html = String::new();
    let total = text.count(page.total, text.article);
    let _ = write!(
        html,
        "<section class=\"results early\" aria-labelledby=\"view-title\"><h1 id=\"view-title\">{}</h1>",
        escape(text.all_articles)
    );
    if let Some((description, home)) = site_about(&site.description, site.home.as_deref(), text) {
        let _ = write!(html, "<p class=\"site-about\">{}", escape(&description));
        if let Some((address, host)) = home {
            let _ = write!(
                html,
                " <a rel=\"home\" href=\"{}\">{} ↗</a>",
                escape(&address),
                escape(&host)
            );
        }
        html.push_str("</p>");
    }
    // What the app shows above its list, in the same places, so that the
    // list does not move when the app takes over; inert until then.
    let _ = write!(
        html,
        "<nav class=\"shelf-line\" aria-label=\"{mine}\"><a href=\"{}\">{mine}</a></nav>",
        Route::Shelf.to_hash(),
        mine = escape(text.my_articles),
    );
    timeline(&mut html, &all_months, text);
    filters(&mut html, library, &all_months, text);
    let _ = write!(
        html,
        "<p class=\"count\" role=\"status\">{total}</p><ol class=\"months\">"
    );
    let no_terms = SortedSet::new();
    // By month, newest first, as the app groups them (the articles whose text is here).
    let shown: Vec<u32> = (page.shown.into_iter())
        .filter(|&doc| library.has_text(doc))
        .collect();
    for (month, docs) in by_month(library, &shown) {
        let (name, count) = match month {
            Some(month) => (text.month(month), months.get(month).copied().unwrap_or(1)),
            None => (text.no_date.to_string(), docs.len()),
        };
        let count = text.count(count, text.article);
        let _ = write!(
            html,
            "<li class=\"month\"><h2>{}<span class=\"month-count\"> · {count}</span></h2><ol>",
            escape(&name)
        );
        for doc in docs {
            item(&mut html, library, doc, &Shown::listed(&no_terms), text);
        }
        html.push_str("</ol></li>");
    }
    html.push_str("</ol></section>");
    html
}

/// The chart of articles per month as the app draws it (its bars, not yet
/// buttons); nothing for a single month.
fn timeline(html: &mut String, months: &[(String, usize)], text: &Text) {
    let Some(chart) = Chart::of(months) else {
        return;
    };
    let _ = write!(
        html,
        "<figure class=\"timeline\"><svg viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\">",
        chart.width(),
        chart.height(),
        escape(text.per_month)
    );
    for column in &chart.columns {
        let label = fill(
            text.labelled_t,
            &[
                &text.month(&column.month),
                &text.count(column.count, text.article),
            ],
        );
        let ([x, y, width, height], [hx, hy, hw, hh]) = (chart.bar(column), chart.hit(column));
        let _ = write!(
            html,
            "<g class=\"bar\" aria-label=\"{label}\"><title>{label}</title>\
             <rect class=\"hit\" x=\"{hx}\" y=\"{hy}\" width=\"{hw}\" height=\"{hh}\"/>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\"/></g>",
            label = escape(&label),
        );
    }
    for column in &chart.columns {
        if let Some(year) = &column.year {
            let [x, y] = chart.year_at(column);
            let _ = write!(html, "<text x=\"{x}\" y=\"{y}\">{}</text>", escape(year));
        }
    }
    let _ = write!(
        html,
        "</svg><figcaption>{}</figcaption></figure>",
        escape(text.per_month_caption)
    );
}

/// The app's menus of source, year and month and its "unread only" box,
/// with the same choices (a menu is as wide as its longest), disabled until
/// the app starts.
fn filters(html: &mut String, library: &Library, months: &[(String, usize)], text: &ListText) {
    let menu = |html: &mut String,
                label: &str,
                all: &str,
                choices: &[(String, usize)],
                name: &dyn Fn(&str) -> String| {
        let _ = write!(
            html,
            "<label><span class=\"visually-hidden\">{label}</span><select aria-label=\"{label}\" disabled><option value=\"\" selected>{all}</option>"
        );
        for (value, count) in choices {
            let (value, name) = (escape(value), escape(&name(value)));
            let _ = write!(html, "<option value=\"{value}\">{name} ({count})</option>");
        }
        html.push_str("</select></label>");
    };
    let _ = write!(
        html,
        "<div class=\"filters\" role=\"group\" aria-label=\"{}\">",
        escape(text.filters)
    );
    let (sources, years) = (library.sources(), library.years());
    if !sources.is_empty() {
        menu(
            html,
            text.source,
            text.all_sources,
            &sources,
            &str::to_string,
        );
    }
    if years.len() > 1 {
        menu(html, text.year, text.all_years, &years, &str::to_string);
    }
    if months.len() > 1 {
        menu(html, text.month, text.all_months, months, &|m| {
            text.month(m)
        });
    }
    let _ = write!(
        html,
        "<label class=\"unread\"><input type=\"checkbox\" disabled><span>{}</span></label></div>",
        escape(text.unread_only)
    );
}

/// How an article of a list is shown: the terms that it matched (to
/// highlight), the query that found it (its link keeps it), and the level
/// of its title's heading.
pub struct Shown<'a> {
    /// The index terms to highlight.
    pub terms: &'a SortedSet<String>,
    /// The query, kept in the link to the article.
    pub query: &'a str,
    /// `h2` (results) or `h3` (under a month's heading).
    pub level: u8,
}

impl<'a> Shown<'a> {
    /// An article of the home page's list: nothing highlighted, under its month.
    pub fn listed(no_terms: &'a SortedSet<String>) -> Self {
        Shown {
            terms: no_terms,
            query: "",
            level: 3,
        }
    }
}

/// One article of a list, as the app shows it (`src/components/result_item.rs`):
/// section, title, metadata, snippet and reading time, as a link to its
/// reading view, with the matches in `<mark>`; only its section, title and
/// metadata while its text is not loaded (a split index); "Chargement…" and
/// its metadata, as no link, while its title is not.
fn item(html: &mut String, library: &Library, doc: u32, shown: &Shown, text: &ListText) {
    let article = library.article_at(doc);
    let tag = if shown.level <= 2 { "h2" } else { "h3" };
    let Some(listed) = library.listed(doc) else {
        // Its title on its way: its date and source, no link yet.
        let _ = write!(
            html,
            "<li class=\"result pending\" aria-busy=\"true\"><a><{tag} class=\"title\">{}</{tag}>",
            escape(text.loading)
        );
        meta(html, article, text);
        html.push_str("</a></li>");
        return;
    };
    let href = Route::Article {
        id: listed.id.to_string(),
        query: shown.query.to_string(),
    }
    .to_hash();
    let body = library.text(doc);
    let class = if body.is_some() {
        "result"
    } else {
        "result title-only"
    };
    let _ = write!(
        html,
        "<li class=\"{class}\" data-id=\"{}\"><a href=\"{}\">",
        escape(listed.id),
        escape(&href)
    );
    if let Some(section) = listed.section {
        let _ = write!(html, "<span class=\"section\">{}</span>", escape(section));
    }
    let _ = write!(html, "<{tag} class=\"title\">");
    marked(
        html,
        listed.title,
        &library.highlight(doc, listed.title, shown.terms),
    );
    let _ = write!(html, "</{tag}>");
    meta(html, article, text);
    if let Some(body) = body {
        let snippet = library.snippet(doc, shown.terms);
        html.push_str("<p class=\"snippet\">");
        marked(html, &snippet.text, &snippet.highlights);
        html.push_str("</p><div class=\"item-foot\">");
        if let minutes @ 1.. = body.reading_minutes() {
            let _ = write!(
                html,
                "<p class=\"reading-time\">{}</p>",
                escape(&text.reading_time(minutes))
            );
        }
        html.push_str("</div>");
    }
    html.push_str("</a>");
    // The app's button to keep it for later, in its place.
    let _ = write!(
        html,
        "<button type=\"button\" class=\"save\" aria-pressed=\"false\" aria-label=\"{}\" disabled><span aria-hidden=\"true\">{}</span></button></li>",
        escape(&fill(text.labelled_t, &[text.save_for_later, listed.title])),
        escape(text.save_short),
    );
}

/// The source, date and author of `article`, if it has any.
fn meta(html: &mut String, article: &crate::Article, text: &ListText) {
    let meta = meta_line(article, text);
    if !meta.is_empty() {
        let _ = write!(html, "<p class=\"meta\">{}</p>", escape(&meta));
    }
}

/// `text`, escaped, with the byte `ranges` in `<mark>` (one mark a range,
/// as the app's `highlighted`).
fn marked(html: &mut String, text: &str, ranges: &[std::ops::Range<usize>]) {
    for (part, mark) in crate::segments(text, ranges) {
        if mark {
            let _ = write!(html, "<mark>{}</mark>", escape(part));
        } else {
            html.push_str(&escape(part));
        }
    }
}

/// `text` safe in HTML text and in a quoted attribute, every character kept.
pub fn escape(text: &str) -> String {
    crate::epub::escape_markup(text, |_| true)
}

/// One round of a link's first results ([`first_round`]): the page as it
/// can be shown now, and the pieces the next round needs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirstRound {
    /// The first page of results as HTML ([`results_html`]); `None` while
    /// the pieces the search itself needs are not all loaded.
    pub html: Option<String>,
    /// The pieces of the next round ([`first_missing`]); none once the
    /// page shows the results whole.
    pub missing: Vec<String>,
}

/// The search of a link's first results, with the default filters, or the
/// pieces of a split index the search itself needs first (its dictionary,
/// then its terms' postings).
fn first_search(library: &Library, query: &str, newest: bool) -> Result<Results, Vec<String>> {
    let prepared = library.prepare(query);
    if !prepared.missing().is_empty() {
        return Err(prepared.missing().to_vec());
    }
    let order = if newest {
        Order::Newest
    } else {
        Order::Relevance
    };
    Ok(library.search_prepared(&prepared, &Filters::default(), order, RESULTS_PAGE))
}

/// What the results of a search need next: their titles, then their texts (snippets).
fn pieces_of(library: &Library, results: &Results) -> Vec<String> {
    let docs = || results.hits.iter().map(|hit| hit.doc);
    let titles = library.missing_titles(docs());
    if titles.is_empty() {
        library.missing_texts(docs())
    } else {
        titles
    }
}

/// What the first view of a link shows, once the pieces it needs itself are in.
enum View {
    /// A search's results (their titles and texts may still be on their way).
    Results(Results),
    /// An article, its text in.
    Article(u32),
    /// A page only the app writes.
    AppOnly,
}

/// The first view of a link to `route`, or the pieces it needs first: for a
/// search, the query's own (its dictionary, then its terms' postings); for
/// an article, its id's piece, then its text's. One look, for both
/// [`first_missing`] and [`first_round`].
fn view(library: &Library, route: &Route) -> Result<View, Vec<String>> {
    match route {
        Route::Search { query, newest } => first_search(library, query, *newest).map(View::Results),
        Route::Article { id, .. } => article::article_ready(library, id).map(View::Article),
        _ => Ok(View::AppOnly),
    }
}

/// The pieces of a split index that the first view of a link to `route`
/// needs and that are not loaded yet, round after round: what [`view`]
/// needs, then a search's results' titles, then their texts (snippets).
/// Empty once the page can show it all, and for any other page (the app
/// writes it).
pub fn first_missing(library: &Library, route: &Route) -> Vec<String> {
    match view(library, route) {
        Ok(View::Results(results)) => pieces_of(library, &results),
        Ok(View::Article(_) | View::AppOnly) => Vec::new(),
        Err(missing) => missing,
    }
}

/// A round of the first view of a link to `route`, from one search (or one
/// look at the article): the page as it can be shown now, and the pieces of
/// the next round ([`first_missing`]).
pub fn first_round(library: &Library, route: &Route, text: &ListText) -> FirstRound {
    match (view(library, route), route) {
        (Ok(View::Results(results)), Route::Search { query, newest }) => FirstRound {
            missing: pieces_of(library, &results),
            html: Some(results_html(library, query, *newest, &results, text)),
        },
        (Ok(View::Article(doc)), Route::Article { query, .. }) => FirstRound {
            html: Some(article::article_html(library, doc, query, text)),
            missing: Vec::new(),
        },
        (Err(missing), _) => FirstRound {
            html: None,
            missing,
        },
        _ => FirstRound::default(),
    }
}

/// The first page of `results`, the results of `query` (the newest first
/// when `newest`), as the app shows them before the reader touches
/// anything: the heading, the menus (inert), the count, the order, the
/// results and the button for more; a result whose title is not loaded yet
/// shows its date and source only.
fn results_html(
    library: &Library,
    query: &str,
    newest: bool,
    results: &Results,
    text: &ListText,
) -> String {
    let docs: Vec<u32> = results.hits.iter().map(|hit| hit.doc).collect();
    let empty = results.hits.is_empty();
    let mut html = String::new();
    let _ = write!(
        html,
        "<section class=\"results{}\" aria-labelledby=\"view-title\"><h1 id=\"view-title\" class=\"view-title\">{}</h1>",
        if empty { " empty" } else { "" },
        escape(&fill(text.results_for_t, &[query.trim()]))
    );
    filters(
        &mut html,
        library,
        &library.months(&Filters::default()),
        text,
    );
    if empty {
        let template = if results.common_words_only {
            text.too_common_t
        } else {
            text.no_match_t
        };
        let line = fill(template, &[query.trim()]);
        let _ = write!(
            html,
            "<p class=\"count\" role=\"status\">{}</p>",
            escape(&line)
        );
        if let Some(suggestion) = &results.suggestion {
            let href = Route::Search {
                query: suggestion.clone(),
                newest,
            }
            .to_hash();
            let [before, after] = text.did_you_mean;
            let _ = write!(
                html,
                "<p class=\"suggestion\">{}<a href=\"{}\">{}</a>{}</p>",
                escape(before),
                escape(&href),
                escape(suggestion),
                escape(after)
            );
        }
        html.push_str("</section>");
        return html;
    }
    let count = text.count(results.total, text.result);
    let _ = write!(
        html,
        "<p class=\"count\" role=\"status\">{}</p>",
        escape(&count)
    );
    order_choice(&mut html, newest, text);
    let shown = Shown {
        terms: &results.terms,
        query,
        level: if newest { 3 } else { 2 },
    };
    if newest {
        html.push_str("<ol class=\"months\">");
        for (month, docs) in by_month(library, &docs) {
            let name = month.map_or(text.no_date.to_string(), |m| text.month(m));
            let _ = write!(html, "<li class=\"month\"><h2>{}</h2><ol>", escape(&name));
            for doc in docs {
                item(&mut html, library, doc, &shown, text);
            }
            html.push_str("</ol></li>");
        }
        html.push_str("</ol>");
    } else {
        html.push_str("<ol>");
        for &doc in &docs {
            item(&mut html, library, doc, &shown, text);
        }
        html.push_str("</ol>");
    }
    if results.total > docs.len() {
        let _ = write!(
            html,
            "<p class=\"more\"><button type=\"button\" disabled>{} ({})</button></p>",
            escape(text.more_results),
            results.total - docs.len()
        );
    }
    html.push_str("</section>");
    html
}

/// `docs` (newest first) in runs of one month each, with the month.
pub fn by_month<'a>(library: &'a Library, docs: &[u32]) -> Vec<(Option<&'a str>, Vec<u32>)> {
    let mut groups: Vec<(Option<&str>, Vec<u32>)> = Vec::new();
    for &doc in docs {
        let month = library.article_at(doc).month();
        match groups.last_mut() {
            Some((m, docs)) if *m == month => docs.push(doc),
            _ => groups.push((month, vec![doc])),
        }
    }
    groups
}

/// The two orders of results, the one shown pressed (inert until the app starts).
fn order_choice(html: &mut String, newest: bool, text: &ListText) {
    let button = |label: &str, this: bool| {
        format!(
            "<button type=\"button\" class=\"link\" aria-pressed=\"{}\" disabled>{}</button>",
            newest == this,
            escape(label)
        )
    };
    let _ = write!(
        html,
        "<div class=\"order-line\"><p class=\"order\" role=\"group\" aria-label=\"{}\">{}{} · {}</p>\
         <button type=\"button\" class=\"follow\" aria-pressed=\"false\" disabled>{}</button></div>",
        escape(text.order_label),
        escape(text.order_by),
        button(text.order_relevance, false),
        button(text.order_newest, true),
        escape(text.follow_search)
    );
}
