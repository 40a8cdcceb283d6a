//! Articles, and how a raw page capture (`.txt`) becomes one.
//!
//! The seeds are text copied out of news sites: the article is there, but so is
//! the site around it (language pickers, search buttons, comment counters,
//! "read also" lists) and the page furniture (section names, bylines, photo
//! captions and credits). [`parse_capture`] keeps the article and turns the
//! furniture into metadata, with rules about the *shape* of lines rather than
//! about any one site:
//!
//! - Every non-empty line is one block; a line repeated right after itself is
//!   kept once.
//! - Site chrome lines are dropped wherever they stand ([`is_chrome`]); a "read
//!   also" line ends the article, since what follows it are other articles.
//! - `Publié dans X` names the section, `Par X` the byline; a line starting
//!   with `Photo` ... `/`, `Capture d'écran` or `Crédit`, or ending with
//!   `(Source : X)`, is a photo credit and the line it belongs to a caption.
//! - The header is the run of short lines (at most [`SHORT_LINE_WORDS`] words)
//!   at the top: a first one of a few words with no final punctuation followed
//!   by another short line is the section (kicker), the next one the headline.
//! - Short lines with no final punctuation inside the text are sub-headings.
//! - At the end, a paragraph that repeats an earlier one, whole or truncated
//!   with an ellipsis, is the page's teaser of the lead and is dropped.
//!
//! When no headline stands at the top, the title is taken from the text: see
//! [`title_from_text`].

use serde::{Deserialize, Serialize};

use crate::analysis::{fold, is_stop_word};

/// One article as the reader shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier, from the file name without its extension; used in links.
    pub id: String,
    /// The headline, or a title made from the text when the capture has none.
    pub title: String,
    /// Whether [`Article::title`] was made from the text rather than found as a headline.
    pub title_from_text: bool,
    /// Section or kicker ("High-Tech", "actualités").
    pub section: Option<String>,
    /// Author or publisher: a "Par ..." line, or the `author` of the metadata.
    pub byline: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publication or site it comes from.
    pub source: Option<String>,
    /// Address of the original.
    pub url: Option<String>,
    /// Language, as an ISO 639-1 code (`fr`, `en`).
    pub lang: Option<String>,
    /// Tags given by the metadata.
    pub tags: Vec<String>,
    /// Photo credits, in order of appearance.
    pub credits: Vec<String>,
    /// The text, in reading order.
    pub blocks: Vec<Block>,
    /// The most related articles, most related first (see
    /// [`crate::related`]); set when the index is built.
    pub related: Vec<crate::model::Related>,
    /// Its main people, places and organisations, as shown, most named
    /// first (see [`crate::entities`]); set when the index is built.
    pub names: Vec<String>,
}

/// Order of two articles' dates (`YYYY-MM-DD`, so they sort as text) newest first; none last.
pub fn newest_first(a: Option<&str>, b: Option<&str>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// One block of an article's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, trimmed.
    pub text: String,
}

impl Block {
    /// A paragraph of `text`.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }
    }
}

/// The kinds of block an article is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A sub-heading inside the article.
    Heading,
    /// The caption of a photo (its credit is in [`Article::credits`]).
    Caption,
}

/// Whether `url` is a web address (`http:` or `https:`): only those
/// become links. Article metadata is untrusted, and a `javascript:` or
/// `data:` address must stay inert.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

impl Article {
    /// The year of [`Article::date`], if any.
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(..4))
    }

    /// The month of its date, `YYYY-MM`.
    pub fn month(&self) -> Option<&str> {
        self.date
            .as_deref()
            .and_then(|d| d.get(..7))
            .filter(|m| m.len() == 7)
    }

    /// Completes a parsed article: without a headline, its title is made from
    /// its text ([`title_from_text`]); with neither, there is no article.
    pub fn finish(mut self) -> Option<Article> {
        if self.blocks.is_empty() && self.title.is_empty() {
            return None;
        }
        if self.title.is_empty() {
            self.title = title_from_text(&self.blocks);
            self.title_from_text = true;
        }
        Some(self)
    }

    /// The article's text blocks, joined by blank lines: what the body field indexes.
    pub fn body_text(&self) -> String {
        let texts: Vec<&str> = self.blocks.iter().map(|b| b.text.as_str()).collect();
        texts.join("\n\n")
    }

    /// Minutes a reader takes to read the article: the words of its title
    /// and blocks (as [`crate::analysis::words`] counts them: `l’armée` is
    /// two) at [`READING_WORDS_PER_MINUTE`], rounded up; 0 without text (a
    /// split index before its piece is in).
    pub fn reading_minutes(&self) -> usize {
        let texts = std::iter::once(&self.title).chain(self.blocks.iter().map(|b| &b.text));
        let words: usize = texts.map(|text| crate::analysis::words(text).count()).sum();
        words.div_ceil(READING_WORDS_PER_MINUTE)
    }
}

/// Words read in a minute, for reading times: about 230 for news in French
/// (silent reading of French prose is measured at 200 to 260 words a
/// minute; elided articles count as words here, which the low end absorbs).
/// Range 150..=300: below, times look discouraging; above, they lie.
pub const READING_WORDS_PER_MINUTE: usize = 230;

/// Why a file gave no article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing was left once the site chrome was removed.
    NoText,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::NoText => write!(f, "no article text once the site chrome is removed"),
        }
    }
}

impl std::error::Error for ParseError {}

/// A line of at most this many words can be a headline, kicker or sub-heading.
pub const SHORT_LINE_WORDS: usize = 16;
/// A first line of at most this many words, followed by another short line, is a kicker.
const KICKER_WORDS: usize = 5;
/// Titles made from the text are cut at a word boundary before this many characters.
pub const TITLE_FROM_TEXT_CHARS: usize = 90;

/// Turns a raw page capture into an article whose id is `id`.
pub fn parse_capture(id: &str, raw: &str) -> Result<Article, ParseError> {
    let mut article = Article {
        id: id.to_string(),
        ..Article::default()
    };
    let lines = content_lines(raw);

    // Metadata lines, and captions with their credits.
    let mut blocks: Vec<Block> = Vec::new();
    for line in lines {
        if let Some(section) = line.strip_prefix("Publié dans ") {
            article.section = Some(section.trim().to_string());
        } else if let Some(byline) = byline(&line) {
            article.byline = Some(byline);
        } else if is_credit_line(&line) {
            article.credits.push(line);
            // The line before a credit, when it is not a sentence, is its photo's caption.
            if let Some(last) = blocks.last_mut() {
                if !ends_sentence(&last.text) {
                    last.kind = BlockKind::Caption;
                }
            }
        } else if let Some((caption, credit)) = split_inline_credit(&line) {
            article.credits.push(credit);
            blocks.push(Block {
                kind: BlockKind::Caption,
                text: caption,
            });
        } else {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: line,
            });
        }
    }

    // Header: kicker and headline among the short lines at the top.
    let short_run = blocks
        .iter()
        .take_while(|b| b.kind == BlockKind::Paragraph && word_count(&b.text) <= SHORT_LINE_WORDS)
        .count();
    let mut header_len = 0;
    // A kicker and a headline are only read as such when some text follows them.
    if short_run >= 2
        && blocks.len() > 2
        && article.section.is_none()
        && word_count(&blocks[0].text) <= KICKER_WORDS
        && !ends_sentence(&blocks[0].text)
    {
        article.section = Some(blocks[0].text.clone());
        header_len = 1;
    }
    if short_run > header_len && blocks.len() > header_len + 1 {
        article.title = blocks[header_len].text.clone();
        header_len += 1;
    }
    blocks.drain(..header_len);
    drop_trailing_teasers(&mut blocks);
    for block in &mut blocks {
        if block.kind == BlockKind::Paragraph
            && !ends_sentence(&block.text)
            && word_count(&block.text) <= SHORT_LINE_WORDS
        {
            block.kind = BlockKind::Heading;
        }
    }
    article.blocks = blocks;
    article.finish().ok_or(ParseError::NoText)
}

/// Makes a title for an article whose capture has no headline.
///
/// It is the first sentence of the first paragraph, the part a reader sees first
/// and that names who did what. A sentence longer than [`TITLE_FROM_TEXT_CHARS`]
/// is cut at the last word boundary before that length, without a dangling
/// function word, and ends with "…".
pub fn title_from_text(blocks: &[Block]) -> String {
    let Some(first) = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .or(blocks.first())
    else {
        return String::new();
    };
    let text = first.text.as_str();
    let sentence_end = text
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && text[i + c.len_utf8()..].starts_with(' ')
                && !text[..i].ends_with(|p: char| p.is_ascii_digit())
        })
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let sentence = text[..sentence_end].trim();
    if sentence.chars().count() <= TITLE_FROM_TEXT_CHARS {
        return sentence.to_string();
    }
    let cut = sentence
        .char_indices()
        .nth(TITLE_FROM_TEXT_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let mut head = head.rfind(' ').map_or(head, |space| &head[..space]);
    // Nor end on a function word ("... des installations de…").
    loop {
        head =
            head.trim_end_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace());
        match head.rsplit_once(' ') {
            Some((rest, last)) if is_stop_word(&fold(last)) => head = rest,
            _ => break,
        }
    }
    format!("{head}…")
}

/// The capture's lines, trimmed, without blanks, chrome, repeats and what follows "read also".
fn content_lines(raw: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() || is_chrome(line) {
            continue;
        }
        if is_read_also(line) {
            break;
        }
        if lines.last().is_some_and(|last| last == line) {
            continue;
        }
        lines.push(line.to_string());
    }
    lines
}

/// Whether a whole line is site chrome: navigation, search, comment counters, link labels.
pub fn is_chrome(line: &str) -> bool {
    let lower = line.to_lowercase();
    let lower = lower.trim_end_matches(['.', '…', ':']).trim();
    const EXACT: &[&str] = &[
        "choisissez votre langue",
        "rechercher",
        "recherche",
        "menu",
        "accueil",
        "partager",
        "partager sur facebook",
        "partager sur twitter",
        "imprimer",
        "s'abonner",
        "se connecter",
        "lire la suite",
        "commenter",
        // A link label whose address the capture lost: it says nothing by itself.
        "source",
        "lien source",
        "lire l'article source",
    ];
    if EXACT.contains(&lower) {
        return true;
    }
    // "Comment (0)", "Commentaires (12)", "0 Commentaires", "1 commentaire".
    let is_count = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let comment_word = |s: &str| {
        matches!(
            s,
            "comment" | "comments" | "commentaire" | "commentaires" | "réaction" | "réactions"
        )
    };
    if let Some((word, rest)) = lower.split_once(" (") {
        if comment_word(word) && rest.strip_suffix(')').is_some_and(is_count) {
            return true;
        }
    }
    if let Some((count, word)) = lower.split_once(' ') {
        if is_count(count) && comment_word(word) {
            return true;
        }
    }
    false
}

/// Whether a line opens the list of other articles at the bottom of a page.
fn is_read_also(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "vous pouvez lire aussi",
        "lire aussi",
        "à lire aussi",
        "sur le même sujet",
        "voir aussi",
    ]
    .iter()
    .any(|p| lower.starts_with(p) && lower.chars().count() <= p.chars().count() + 4)
}

/// The name in a "Par X" byline line, if the line is one.
fn byline(line: &str) -> Option<String> {
    let name = line.strip_prefix("Par ")?.trim();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (capitalised && word_count(name) <= 5 && !ends_sentence(name)).then(|| name.to_string())
}

/// Whether a whole line is a photo credit.
fn is_credit_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    word_count(line) <= 12
        && (lower.starts_with("capture d'écran")
            || lower.starts_with("capture d’écran")
            || lower.starts_with("crédit")
            || lower.starts_with("©")
            || (lower.starts_with("photo") && line.contains('/')))
}

/// Splits a caption carrying its credit ("... 2020. Photo AFP / X", "... (Source : X) |").
fn split_inline_credit(line: &str) -> Option<(String, String)> {
    let trimmed = line.trim_end_matches(['|', ' ']);
    if let Some(open) = trimmed.rfind("(Source") {
        if trimmed.ends_with(')') {
            let inner = &trimmed[open + 1..trimmed.len() - 1];
            let credit = inner.split_once(':').map_or(inner, |(_, name)| name).trim();
            return Some((trimmed[..open].trim().to_string(), credit.to_string()));
        }
    }
    let at = line.rfind(". Photo ")?;
    let credit = line[at + ". Photo ".len()..].trim();
    (credit.contains('/') && word_count(credit) <= 16)
        .then(|| (line[..at + 1].trim().to_string(), credit.to_string()))
}

/// Drops closing paragraphs that repeat an earlier one, whole or cut short with an ellipsis.
fn drop_trailing_teasers(blocks: &mut Vec<Block>) {
    while let Some(last) = blocks.last() {
        let text = last.text.as_str();
        let stem = text
            .strip_suffix("...")
            .or_else(|| text.strip_suffix('…'))
            .map(str::trim_end);
        let earlier = &blocks[..blocks.len() - 1];
        let repeats = earlier.iter().any(|b| match stem {
            Some(stem) => !stem.is_empty() && b.text.starts_with(stem),
            None => b.text == text,
        });
        if !repeats {
            break;
        }
        blocks.pop();
    }
}

/// Whether a line ends like a sentence (or a quotation), not like a heading.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '…', '"', '»', ':', ';', ')', '”'])
}

/// Number of words in a line (runs of letters or digits).
fn word_count(line: &str) -> usize {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

#[cfg(test)]
mod tests;
