//! "Comparer": two articles on one story side by side (one above the other
//! on a phone), their shared sentences aligned and what each alone says
//! marked ([`liseuse_core::compare`]).

use liseuse_core::compare::{self, Comparison, Kind, Part, Words};
use liseuse_core::text::fill;
use liseuse_core::Article;
use yew::prelude::*;

use super::{meta_line, SharedLibrary};
use crate::hooks::use_article_pieces;
use crate::route::Route;

/// Props of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The article compared (the one the link was on).
    pub id: AttrValue,
    /// The article it is compared with.
    pub other: AttrValue,
}

/// The interface's words for comparing.
pub fn words() -> &'static Words {
    compare::words(crate::site::t().lang)
}

/// The comparison of article `id` with article `other`.
#[function_component]
pub fn CompareView(props: &CompareProps) -> Html {
    let library = &props.library.0;
    let first = use_article_pieces(library, &props.id);
    let second = use_article_pieces(library, &props.other);
    let ready = first.has_text && second.has_text;
    let comparison = {
        let library = library.clone();
        let key = (props.id.clone(), props.other.clone(), ready);
        use_memo(key, move |(id, other, ready)| {
            let (a, b) = (library.article(id)?, library.article(other)?);
            ready.then(|| compare::compare(a, b))
        })
    };
    use_effect_with((props.id.clone(), props.other.clone()), |_| {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        crate::site::set_title(Some(words().title));
    });

    let w = words();
    let back = Route::Article {
        id: props.id.to_string(),
        query: String::new(),
    };
    let back = html! { <a class="back" href={back.to_hash()}>{w.back}</a> };
    let t = crate::site::t();
    let failed = [&first, &second]
        .into_iter()
        .find_map(|p| p.id_failed.clone().or(p.failed.clone()));
    let pending = first.id_pending || second.id_pending || !ready;
    let missing = [&props.id, &props.other]
        .into_iter()
        .find(|id| library.article(id).is_none());
    let articles = library
        .article(&props.id)
        .zip(library.article(&props.other));
    let body = match (&*comparison, articles, failed) {
        (Some(comparison), Some((a, b)), _) => {
            table(comparison, [(a, &props.id), (b, &props.other)])
        }
        (_, _, Some(failed)) => html! { <p class="loading" role="alert">{failed}</p> },
        _ if pending => html! {
            <p class="loading" aria-busy="true">{t.loading_article}</p>
        },
        _ => {
            let id = missing.map_or("", |id| id.as_str());
            html! { <p>{fill(t.article_missing_t, &[id])}</p> }
        }
    };
    html! {
        <article class="compare">
            {back}
            <h1>{w.title}</h1>
            {body}
        </article>
    }
}

/// What each source is called: its name, or "l'article 1" / "2" when it
/// has none or both have the same.
fn names(a: &Article, b: &Article) -> [String; 2] {
    let unnamed = |n: &str| fill(words().unnamed_t, &[n]);
    match (&a.source, &b.source) {
        (Some(x), Some(y)) if x != y => [x.clone(), y.clone()],
        (Some(x), None) => [x.clone(), unnamed("2")],
        (None, Some(y)) => [unnamed("1"), y.clone()],
        _ => [unnamed("1"), unnamed("2")],
    }
}

/// The summary, the legend, and the two texts in a table: a column each,
/// a row for each sentence (or pair of sentences aligned).
fn table(comparison: &Comparison, sides: [(&Article, &AttrValue); 2]) -> Html {
    let w = words();
    let [(a, _), (b, _)] = sides;
    let names = names(a, b);
    let only = |name: &str| fill(w.only_in_t, &[name]);
    let count = |label: String, kind: Kind| {
        html! { <div><dt>{label}</dt><dd>{comparison.count(kind)}</dd></div> }
    };
    let head = sides.iter().map(|(article, id)| {
        let href = Route::Article {
            id: id.to_string(),
            query: String::new(),
        };
        html! {
            <th scope="col">
                <a href={href.to_hash()}>{article.title.clone()}</a>
                {meta_line(article)}
            </th>
        }
    });
    html! {
        <>
            <dl class="compare-summary">
                {count(w.same.to_string(), Kind::Same)}
                {count(w.reworded.to_string(), Kind::Reworded)}
                {count(only(&names[0]), Kind::First)}
                {count(only(&names[1]), Kind::Second)}
                if comparison.count(Kind::Moved) > 0 {
                    <div><dt>{w.moved}</dt><dd>{comparison.count(Kind::Moved) / 2}</dd></div>
                }
            </dl>
            <p class="compare-legend"><mark>{w.legend}</mark></p>
            <table class="compare-table">
                <thead><tr>{ for head }</tr></thead>
                <tbody>
                    { for comparison.rows.iter().enumerate().map(|(i, r)| row(i, r, &names)) }
                </tbody>
            </table>
        </>
    }
}

/// One row: each side's sentence with a label that a phone shows (where the
/// columns are one above the other) — "Dans les deux" once for a sentence
/// the two share, else the source's name.
fn row(i: usize, row: &compare::Row, names: &[String; 2]) -> Html {
    let w = words();
    let opens = i > 0
        && [&row.first, &row.second]
            .iter()
            .any(|p| p.as_ref().is_some_and(|p| p.opens_block));
    let kind = match row.kind {
        Kind::Same => "same",
        Kind::Reworded => "reworded",
        Kind::First => "first-only",
        Kind::Second => "second-only",
        Kind::Moved => "moved",
    };
    let cell = |part: &Option<Part>, side: usize| match part {
        None => html! { <td class="none"></td> },
        Some(part) => {
            let label = match row.kind {
                Kind::Same if side == 0 => w.both.to_string(),
                Kind::Same => String::new(),
                Kind::First | Kind::Second => fill(w.only_in_t, &[&names[side]]),
                Kind::Reworded => names[side].clone(),
                Kind::Moved => format!("{} · {}", names[side], w.moved_one),
            };
            html! {
                <td>
                    if !label.is_empty() {
                        <span class="side">{label}</span>
                    }
                    {marked(part)}
                </td>
            }
        }
    };
    html! {
        <tr class={classes!(kind, opens.then_some("opens"))}>
            {cell(&row.first, 0)}
            {cell(&row.second, 1)}
        </tr>
    }
}

/// A sentence with its own words marked.
fn marked(part: &Part) -> Html {
    let mut out = Vec::with_capacity(part.own.len() * 2 + 1);
    let mut at = 0;
    for range in &part.own {
        out.push(html! { {part.text[at..range.start].to_string()} });
        out.push(html! { <mark>{part.text[range.clone()].to_string()}</mark> });
        at = range.end;
    }
    out.push(html! { {part.text[at..].to_string()} });
    out.into_iter().collect()
}
