//! `.jsonl` archives: one article per line.

use serde_json::Value;

use super::{apply_metadata, MetaValue, Notices, MAX_ARTICLE_BYTES};
use liseuse_core::article::{Article, Block, BlockKind};

/// Reads every line; a malformed line is skipped with its number, the others are kept.
pub(super) fn parse(
    file_id: &str,
    text: &str,
    notices: &mut Notices,
) -> Vec<(Option<usize>, Article)> {
    let mut articles = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let number = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        if line.len() > MAX_ARTICLE_BYTES {
            notices.skip(
                Some(number),
                format!("line is over {} MiB: skipped", MAX_ARTICLE_BYTES >> 20),
            );
            continue;
        }
        match parse_line(file_id, number, line, notices) {
            Ok(article) => articles.push((Some(number), article)),
            Err(reason) => notices.skip(Some(number), reason),
        }
    }
    if articles.is_empty() && notices.skipped.is_empty() {
        notices.skip(None, "has no article line");
    }
    articles
}

fn parse_line(
    file_id: &str,
    number: usize,
    line: &str,
    notices: &mut Notices,
) -> Result<Article, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(fields) = value else {
        return Err("not a JSON object".into());
    };
    let text_of = |key: &str| match fields.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let id = text_of("id").unwrap_or_else(|| number.to_string());
    let mut article = Article {
        id: format!("{file_id}/{id}"),
        ..Article::default()
    };
    // The lead ("heading" in OrangeSum), then the body's paragraphs.
    for key in ["heading", "lead", "body", "text"] {
        if let Some(text) = text_of(key) {
            article.blocks.extend(
                text.split('\n')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| Block {
                        kind: BlockKind::Paragraph,
                        text: p.to_string(),
                    }),
            );
        }
    }
    for (key, value) in &fields {
        let value = match value {
            Value::String(s) => MetaValue::Text(s.clone()),
            Value::Number(n) => MetaValue::Text(n.to_string()),
            Value::Array(items) => MetaValue::List(
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
            ),
            _ => continue,
        };
        apply_metadata(&mut article, key, value, Some(number), notices);
    }
    article
        .finish()
        .ok_or_else(|| "has neither a title nor a body".into())
}
