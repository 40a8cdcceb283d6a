//! An e-book (EPUB 3) of articles, made where the reader is (in the
//! browser, offline): a title page, a table of contents, and one chapter
//! per article with its source, date, addresses and the reader's
//! highlights (marked in the text and listed after it).
//!
//! The file is a ZIP archive whose entries are *stored*, not compressed: an
//! e-book of text is small, and a deflater would cost every reader's first
//! visit more wasm than it saves. `mimetype` comes first, stored and
//! without extra fields, as the EPUB container format requires.

use crate::annotation::{self, Highlight};
use crate::article::{is_web_address, Article, BlockKind};

/// One article of the book.
pub struct Chapter<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its address in the collection's site.
    pub link: String,
    /// The reader's highlights of it.
    pub highlights: Vec<&'a Highlight>,
    /// What the book's name said in it (a person's or an organisation's
    /// book), listed after the text, before the highlights.
    pub quotes: Vec<&'a str>,
}

/// What the book is.
pub struct Book<'a> {
    /// Its title ("Mes articles", a name, a month).
    pub title: &'a str,
    /// Its language (`fr`).
    pub lang: &'a str,
    /// When it is made, as `YYYY-MM-DDThh:mm:ssZ`.
    pub made: &'a str,
    /// Its chapters, in order.
    pub chapters: Vec<Chapter<'a>>,
    /// The words of its title page, contents and chapters.
    pub text: &'a crate::text::Text,
}

/// The EPUB file of `book`.
pub fn epub(book: &Book) -> Vec<u8> {
    let mut zip = Zip::default();
    zip.add("mimetype", b"application/epub+zip");
    zip.add(
        "META-INF/container.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"#,
    );
    zip.add("OEBPS/content.opf", package(book).as_bytes());
    zip.add("OEBPS/style.css", STYLE.as_bytes());
    zip.add("OEBPS/nav.xhtml", nav(book).as_bytes());
    let t = book.text;
    let made = crate::text::fill(
        t.made_on_t,
        &[&t.date(book.made.get(..10).unwrap_or(book.made))],
    );
    let title = format!(
        "<section class=\"title\"><h1>{}</h1><p>{}</p><p>{}</p></section>",
        xml(book.title),
        xml(&t.count(book.chapters.len(), t.article)),
        xml(&made)
    );
    zip.add(
        "OEBPS/title.xhtml",
        page(book.lang, book.title, &title).as_bytes(),
    );
    for (i, chapter) in book.chapters.iter().enumerate() {
        let name = format!("OEBPS/c{}.xhtml", i + 1);
        zip.add(
            &name,
            chapter_page(book.lang, chapter, book.text).as_bytes(),
        );
    }
    zip.finish()
}

const STYLE: &str = "body{font-family:serif;line-height:1.5;margin:0 1em}\
h1{font-size:1.5em;line-height:1.2}.meta{color:#555;font-size:.9em}\
.caption{font-style:italic;color:#555}mark{background:#cdebc4}\
blockquote{margin:.5em 0;padding-left:.7em;border-left:3px solid #9c9}\
.title{text-align:center;margin-top:30%}\n";

/// The package document: what the book is made of, and in which order.
fn package(book: &Book) -> String {
    let mut manifest = String::new();
    let mut spine = String::new();
    for i in 1..=book.chapters.len() {
        manifest.push_str(&format!(
            "<item id=\"c{i}\" href=\"c{i}.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
        ));
        spine.push_str(&format!("<itemref idref=\"c{i}\"/>\n"));
    }
    // The same articles made into a book at the same second: the same book.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in (book.chapters.iter())
        .flat_map(|c| c.article.id.bytes().chain([0]))
        .chain(book.made.bytes())
    {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">urn:liseuse:{hash:016x}</dc:identifier>
<dc:title>{title}</dc:title>
<dc:language>{lang}</dc:language>
<dc:creator>liseuse</dc:creator>
<meta property="dcterms:modified">{made}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
{manifest}</manifest>
<spine>
<itemref idref="title"/>
<itemref idref="nav"/>
{spine}</spine>
</package>
"#,
        lang = xml(book.lang),
        title = xml(book.title),
        made = xml(book.made),
    )
}

/// The table of contents.
fn nav(book: &Book) -> String {
    let mut items = String::new();
    for (i, chapter) in book.chapters.iter().enumerate() {
        items.push_str(&format!(
            "<li><a href=\"c{}.xhtml\">{}</a></li>\n",
            i + 1,
            xml(title_of(chapter.article))
        ));
    }
    let body = format!(
        "<nav epub:type=\"toc\" id=\"toc\"><h1>{}</h1>\n<ol>\n{items}</ol></nav>",
        xml(book.text.ebook_contents)
    );
    page(book.lang, book.text.ebook_contents, &body)
}

/// One article's chapter.
fn chapter_page(lang: &str, chapter: &Chapter, book_text: &crate::text::Text) -> String {
    let article = chapter.article;
    let mut body = format!(
        "<section epub:type=\"chapter\">\n<h1>{}</h1>\n",
        xml(title_of(article))
    );
    let meta: Vec<&str> = [&article.source, &article.byline, &article.date]
        .into_iter()
        .filter_map(|m| m.as_deref())
        .collect();
    if !meta.is_empty() {
        body.push_str(&format!(
            "<p class=\"meta\">{}</p>\n",
            xml(&meta.join(" · "))
        ));
    }
    body.push_str(&format!(
        "<p class=\"meta\"><a href=\"{0}\">{0}</a></p>\n",
        xml(&chapter.link)
    ));
    if let Some(url) = article.url.as_deref().filter(|u| is_web_address(u)) {
        body.push_str(&format!(
            "<p class=\"meta\">{1} <a href=\"{0}\">{0}</a></p>\n",
            xml(url),
            xml(book_text.ebook_original)
        ));
    }
    // The highlights found in this version of the text, marked there.
    let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let mut marks = vec![Vec::new(); blocks.len()];
    for highlight in &chapter.highlights {
        if let Some(range) = annotation::locate(&blocks, &highlight.quote) {
            for (block, part) in annotation::in_blocks(&blocks, &range) {
                marks[block].push(part);
            }
        }
    }
    for ((block, text), marks) in article.blocks.iter().zip(&blocks).zip(&mut marks) {
        crate::order::sort_by_key(marks, |r| r.start);
        let mut inner = String::new();
        let mut at = 0;
        for range in marks.iter() {
            let (Some(before), Some(marked)) = (
                text.get(at..range.start.max(at)),
                text.get(range.start.max(at)..range.end),
            ) else {
                continue;
            };
            inner.push_str(&xml(before));
            inner.push_str(&format!("<mark>{}</mark>", xml(marked)));
            at = range.end;
        }
        inner.push_str(&xml(text.get(at..).unwrap_or_default()));
        body.push_str(&match block.kind {
            BlockKind::Heading => format!("<h2>{inner}</h2>\n"),
            BlockKind::Caption => format!("<p class=\"caption\">{inner}</p>\n"),
            BlockKind::Paragraph => format!("<p>{inner}</p>\n"),
        });
    }
    if !chapter.quotes.is_empty() {
        let count = chapter.quotes.len().to_string();
        body.push_str(&format!(
            "<section class=\"quotations\"><h2>{}</h2>\n",
            xml(&crate::text::fill(book_text.quotations_t, &[&count]))
        ));
        for quote in &chapter.quotes {
            let quoted = crate::text::fill(book_text.quoted_t, &[quote]);
            body.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                xml(&quoted)
            ));
        }
        body.push_str("</section>\n");
    }
    if !chapter.highlights.is_empty() {
        body.push_str(&format!(
            "<section class=\"highlights\"><h2>{}</h2>\n",
            xml(&crate::text::fill(
                book_text.your_highlights_t,
                &[&chapter.highlights.len().to_string()]
            ))
        ));
        for highlight in &chapter.highlights {
            body.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                xml(&highlight.quote.exact)
            ));
            if !highlight.note.is_empty() {
                body.push_str(&format!("<p>{}</p>\n", xml(&highlight.note)));
            }
        }
        body.push_str("</section>\n");
    }
    body.push_str("</section>");
    page(
        article.lang.as_deref().unwrap_or(lang),
        title_of(article),
        &body,
    )
}

/// An XHTML page of the book.
fn page(lang: &str, title: &str, body: &str) -> String {
    let lang = xml(lang);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{lang}" lang="{lang}">
<head><meta charset="UTF-8"/><title>{}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
{body}
</body>
</html>
"#,
        xml(title)
    )
}

fn title_of(article: &Article) -> &str {
    if article.title.trim().is_empty() {
        &article.id
    } else {
        &article.title
    }
}

/// `text` as XML character data: markup escaped, and the characters XML
/// cannot hold at all left out.
pub fn xml(text: &str) -> String {
    escape_markup(text, |c| {
        matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
    })
}

/// `text` with its markup escaped (`&`, `<`, `>` and both quotes), safe as
/// HTML or XML text and in a quoted attribute, without the characters
/// `keep` refuses. The page the build writes escapes with it too.
pub fn escape_markup(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if keep(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// A ZIP archive of stored entries.
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        // Version 1.0, no flags, stored, 1980-01-01 00:00, CRC, sizes, name length, no extra.
        let common = |out: &mut Vec<u8>| {
            for half in [10u16, 0, 0, 0, 33] {
                out.extend_from_slice(&half.to_le_bytes());
            }
            for word in [crc, size, size] {
                out.extend_from_slice(&word.to_le_bytes());
            }
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        self.central
            .extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes());
        common(&mut self.central);
        // No comment, disk 0, no attributes, then where the entry is.
        self.central.extend_from_slice(&[0; 10]);
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let (at, size) = (self.out.len() as u32, self.central.len() as u32);
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]);
        for _ in 0..2 {
            self.out.extend_from_slice(&self.count.to_le_bytes());
        }
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&at.to_le_bytes());
        self.out.extend_from_slice(&[0; 2]);
        self.out
    }
}

/// The CRC-32 (IEEE) of `data`, as ZIP stores it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (!(crc & 1)).wrapping_add(1));
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Quote;
    use crate::article::Block;

    /// The entries of a ZIP archive, read from its central directory, with
    /// their method, their extra field's length and their data (checked
    /// against the local headers and the CRCs).
    fn entries(zip: &[u8]) -> Vec<(String, u16, u16, Vec<u8>)> {
        let u16_at = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]);
        let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap());
        let end = zip.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory last");
        let count = u16_at(end + 10) as usize;
        let mut at = u32_at(end + 16) as usize;
        let mut out = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4b50);
            let (method, crc, size) = (u16_at(at + 10), u32_at(at + 16), u32_at(at + 20) as usize);
            let (name_len, extra, comment) =
                (u16_at(at + 28) as usize, u16_at(at + 30), u16_at(at + 32));
            let local = u32_at(at + 42) as usize;
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32_at(local), 0x0403_4b50, "{name}: a local header");
            let local_extra = u16_at(local + 28);
            let start = local + 30 + name_len + local_extra as usize;
            let data = zip[start..start + size].to_vec();
            assert_eq!(crc32(&data), crc, "{name}: its CRC");
            out.push((name, method, extra.max(local_extra), data));
            at += 46 + name_len + extra as usize + comment as usize;
        }
        out
    }

    fn article(id: &str, title: &str, texts: &[&str]) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            source: Some("Le Courrier".into()),
            date: Some("2023-10-24".into()),
            url: Some("javascript:alert(1)".into()),
            blocks: texts.iter().map(|&t| Block::paragraph(t)).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn the_crc_is_zip_s() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn an_epub_is_a_valid_container_with_its_package_nav_and_chapters() {
        let a = article(
            "a",
            "Bakou & Erevan <négocient>",
            &["Premier \u{0} paragraphe.", "Le corridor de Lachin."],
        );
        let b = article("b", "", &["Texte."]);
        let highlight = Highlight {
            article: "a".into(),
            quote: Quote {
                exact: "corridor de Lachin".into(),
                ..Quote::default()
            },
            note: "Note « importante »".into(),
            created: 1,
        };
        let book = Book {
            title: "Mes articles",
            lang: "fr",
            made: "2026-12-03T10:20:30Z",
            text: &crate::text::FR,
            chapters: vec![
                Chapter {
                    article: &a,
                    link: "https://site/#/article/a".into(),
                    highlights: vec![&highlight],
                    quotes: vec!["Le corridor doit rester <ouvert>"],
                },
                Chapter {
                    article: &b,
                    link: "https://site/#/article/b".into(),
                    highlights: vec![],
                    quotes: vec![],
                },
            ],
        };
        let file = epub(&book);
        let entries = entries(&file);
        let names: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "mimetype",
                "META-INF/container.xml",
                "OEBPS/content.opf",
                "OEBPS/style.css",
                "OEBPS/nav.xhtml",
                "OEBPS/title.xhtml",
                "OEBPS/c1.xhtml",
                "OEBPS/c2.xhtml"
            ]
        );
        // mimetype first, stored, no extra field: its bytes at offset 38.
        assert_eq!(&file[30..38], b"mimetype");
        assert_eq!(&file[38..58], b"application/epub+zip");
        assert!(
            entries.iter().all(|e| e.1 == 0 && e.2 == 0),
            "all stored, no extra fields"
        );
        let text = |name: &str| {
            let entry = entries.iter().find(|e| e.0 == name).unwrap();
            String::from_utf8(entry.3.clone()).unwrap()
        };
        assert!(text("META-INF/container.xml").contains("full-path=\"OEBPS/content.opf\""));
        let opf = text("OEBPS/content.opf");
        assert!(opf.contains("properties=\"nav\""));
        assert!(opf.contains("<meta property=\"dcterms:modified\">2026-12-03T10:20:30Z</meta>"));
        // Every file of the manifest is in the archive, and the spine reads them all.
        for href in opf
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
        {
            assert!(names.contains(&format!("OEBPS/{href}").as_str()), "{href}");
        }
        assert_eq!(opf.matches("<itemref").count(), 4);
        let nav = text("OEBPS/nav.xhtml");
        assert!(nav.contains("epub:type=\"toc\""));
        assert!(nav.contains("<a href=\"c1.xhtml\">Bakou &amp; Erevan &lt;négocient&gt;</a>"));
        assert!(
            nav.contains("<a href=\"c2.xhtml\">b</a>"),
            "no title: its id"
        );
        let chapter = text("OEBPS/c1.xhtml");
        assert!(
            chapter.contains("<p>Premier  paragraphe.</p>"),
            "no control character in XML"
        );
        assert!(
            chapter.contains("Le <mark>corridor de Lachin</mark>."),
            "{chapter}"
        );
        assert!(chapter.contains("Note « importante »"));
        assert!(
            chapter.contains("<h2>Vos surlignages (1)</h2>"),
            "{chapter}"
        );
        // What the book's name said in it, escaped, before the highlights.
        let quoted = "<h2>Citations (1)</h2>\n<blockquote><p>« Le corridor doit rester &lt;ouvert&gt; »</p></blockquote>";
        let at = chapter.find(quoted).unwrap_or_else(|| panic!("{chapter}"));
        assert!(at < chapter.find("Vos surlignages").unwrap());
        assert!(!text("OEBPS/c2.xhtml").contains("Citations"));
        assert!(chapter.contains("Le Courrier · 2023-10-24"));
        assert!(chapter.contains("https://site/#/article/a"));
        assert!(!chapter.contains("javascript:"), "no link to a script");
        // Each page is well-formed XML, by a parser of its own.
        for name in names
            .iter()
            .filter(|n| n.ends_with(".xhtml") || n.ends_with(".opf") || n.ends_with(".xml"))
        {
            if let Err(e) = roxmltree::Document::parse_with_options(
                &text(name),
                roxmltree::ParsingOptions {
                    allow_dtd: true,
                    ..Default::default()
                },
            ) {
                panic!("{name}: {e}");
            }
        }
    }
}
