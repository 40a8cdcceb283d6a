//! `.html` saved pages: the article, without the page around it.

use scraper::{ElementRef, Html, Node, Selector};

use super::{apply_metadata, MetaValue, Notices};
use liseuse_core::article::{Article, Block, BlockKind};

/// Elements whose content is never article text.
const NOT_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "svg", "select", "menu",
];

/// Reads one saved page.
pub(super) fn parse(id: &str, text: &str, notices: &mut Notices) -> Result<Article, String> {
    let page = Html::parse_document(text);
    let mut article = Article {
        id: id.to_string(),
        ..Article::default()
    };
    let first = |selectors: &[(&str, Option<&str>)]| {
        selectors.iter().find_map(|(css, attribute)| {
            let selector = Selector::parse(css).ok()?;
            let element = page.select(&selector).next()?;
            let value = match attribute {
                Some(attribute) => element.value().attr(attribute)?.to_string(),
                None => collapse(&text_of(element)),
            };
            Some(value).filter(|v| !v.trim().is_empty())
        })
    };
    let metadata = [
        (
            "date",
            first(&[
                ("meta[property='article:published_time']", Some("content")),
                ("meta[name='date']", Some("content")),
                ("meta[itemprop='datePublished']", Some("content")),
                ("time[datetime]", Some("datetime")),
            ]),
        ),
        (
            "author",
            first(&[
                ("meta[name='author']", Some("content")),
                ("[rel='author']", None),
            ]),
        ),
        (
            "source",
            first(&[("meta[property='og:site_name']", Some("content"))]),
        ),
        (
            "url",
            first(&[
                ("link[rel='canonical']", Some("href")),
                ("meta[property='og:url']", Some("content")),
            ]),
        ),
        ("lang", first(&[("html[lang]", Some("lang"))])),
        (
            "title",
            first(&[
                ("article h1", None),
                ("main h1", None),
                ("meta[property='og:title']", Some("content")),
                ("h1", None),
                ("title", None),
            ]),
        ),
    ];
    for (key, value) in metadata {
        if let Some(value) = value {
            apply_metadata(&mut article, key, MetaValue::Text(value), None, notices);
        }
    }
    if let Some(lang) = &mut article.lang {
        // "fr-FR" -> "fr"
        lang.truncate(lang.find('-').unwrap_or(lang.len()));
    }
    let main = ["article", "main", "[role='main']", "body"]
        .iter()
        .filter_map(|css| Selector::parse(css).ok())
        .find_map(|selector| page.select(&selector).next());
    if let Some(main) = main {
        collect_blocks(main, &mut article.blocks);
    }
    // The headline is the title, not a block.
    if article
        .blocks
        .first()
        .is_some_and(|b| b.text == article.title)
    {
        article.blocks.remove(0);
    }
    article.finish().ok_or_else(|| "has no article text".into())
}

/// Paragraphs, sub-headings and captions of `root`, in order, outside navigation and scripts.
fn collect_blocks(root: ElementRef, blocks: &mut Vec<Block>) {
    for child in root.children() {
        let Some(element) = ElementRef::wrap(child) else {
            continue;
        };
        let name = element.value().name();
        if NOT_TEXT.contains(&name) || is_hidden(element) {
            continue;
        }
        let kind = match name {
            "p" | "blockquote" | "li" | "dd" => Some(BlockKind::Paragraph),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
            "figcaption" => Some(BlockKind::Caption),
            _ => None,
        };
        let has_inner_blocks = element
            .descendants()
            .skip(1) // the element itself
            .filter_map(ElementRef::wrap)
            .any(|e| matches!(e.value().name(), "p" | "h2" | "h3" | "li" | "figcaption"));
        match kind {
            Some(kind) if !(has_inner_blocks && kind == BlockKind::Paragraph) => {
                let text = collapse(&text_of(element));
                if !text.is_empty() {
                    blocks.push(Block { kind, text });
                }
            }
            _ => collect_blocks(element, blocks),
        }
    }
}

/// The text of an element, without that of scripts, styles and the like.
fn text_of(element: ElementRef) -> String {
    let mut text = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if NOT_TEXT.contains(&e.name()) => {}
            Node::Element(e) => {
                if let Some(inner) = ElementRef::wrap(child) {
                    let block = matches!(e.name(), "br" | "p" | "div" | "li");
                    if block {
                        text.push(' ');
                    }
                    text.push_str(&text_of(inner));
                    if block {
                        text.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
    text
}

fn is_hidden(element: ElementRef) -> bool {
    let value = element.value();
    value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || value
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
