//! `.md` files: YAML front matter, then Markdown text.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use super::{apply_metadata, MetaValue, Notices};
use liseuse_core::article::{Article, Block, BlockKind};

/// Reads one Markdown article. Malformed front matter is an error naming its line.
pub(super) fn parse(id: &str, text: &str, notices: &mut Notices) -> Result<Article, String> {
    let mut article = Article {
        id: id.to_string(),
        ..Article::default()
    };
    let (front, body, body_line) = split_front_matter(text)?;
    if let Some(front) = front {
        read_front_matter(front, &mut article, notices)?;
    }
    let mut blocks = blocks(body);
    // Without a title in the front matter, a first-level heading is the title.
    if article.title.is_empty() {
        if let Some(at) = blocks
            .iter()
            .position(|(level, _)| *level == Some(HeadingLevel::H1))
        {
            article.title = blocks.remove(at).1.text;
        }
    }
    article.blocks = blocks.into_iter().map(|(_, block)| block).collect();
    article
        .finish()
        .ok_or_else(|| format!("has no text (front matter ends on line {body_line})"))
}

/// `(front matter, body, first line of the body)`. A `---` line opens the front
/// matter only on the first line; an unclosed one is an error.
fn split_front_matter(text: &str) -> Result<(Option<&str>, &str, usize), String> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((None, text, 1));
    };
    let mut offset = 0;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            let body = &rest[offset + line.len()..];
            return Ok((Some(&rest[..offset]), body, n + 3));
        }
        offset += line.len();
    }
    Err("front matter opened on line 1 is never closed by a '---' line".into())
}

fn read_front_matter(
    front: &str,
    article: &mut Article,
    notices: &mut Notices,
) -> Result<(), String> {
    let documents = YamlLoader::load_from_str(front).map_err(|e| {
        // The front matter starts on line 2 of the file.
        format!(
            "malformed front matter on line {}: {}",
            e.marker().line() + 1,
            e.info()
        )
    })?;
    let Some(document) = documents.into_iter().next() else {
        return Ok(());
    };
    let Yaml::Hash(fields) = document else {
        return Err("malformed front matter on line 2: expected 'key: value' lines".into());
    };
    for (key, value) in fields {
        let Some(key) = key.as_str() else { continue };
        let value = match value {
            Yaml::Array(items) => MetaValue::List(items.iter().filter_map(scalar).collect()),
            other => match scalar(&other) {
                Some(text) => MetaValue::Text(text),
                None => continue,
            },
        };
        apply_metadata(article, key, value, None, notices);
    }
    Ok(())
}

fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The text blocks of Markdown, with the heading level of headings.
fn blocks(markdown: &str) -> Vec<(Option<HeadingLevel>, Block)> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut heading = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some(level),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock,
            ) => {
                let trimmed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !trimmed.is_empty() {
                    let kind = if heading.is_some() {
                        BlockKind::Heading
                    } else {
                        BlockKind::Paragraph
                    };
                    blocks.push((
                        heading,
                        Block {
                            kind,
                            text: trimmed,
                        },
                    ));
                }
                text.clear();
                heading = None;
            }
            // Raw HTML in Markdown is shown as nothing: the reader shows text only.
            _ => {}
        }
    }
    blocks
}
