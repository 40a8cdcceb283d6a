//! Citing an article or a passage of it: the reference in the forms a
//! reader pastes or a reference manager imports (Zotero imports the last
//! three), and the address of a paragraph.
//!
//! A paragraph's address is made of its words ([`paragraph_address`]), not
//! of its place: a rebuild that leaves a paragraph as it was leaves its
//! address, wherever the paragraph now stands in its article, and whatever
//! was added or removed around it.

use crate::annotation::{escape, one_line};
use crate::article::Article;
use crate::text::{Lang, Text};

/// The address of a paragraph whose text is `text`: eight hexadecimal
/// digits of a hash of its words (spacing aside), what `?p=` says in a link
/// to an article.
pub fn paragraph_address(text: &str) -> String {
    let hash = crate::pieces::fnv1a(one_line(text).as_bytes());
    format!("{:08x}", hash as u32)
}

/// The block of `article` at `address` ([`paragraph_address`]), if it has one.
pub fn paragraph_at(article: &Article, address: &str) -> Option<usize> {
    (article.blocks.iter()).position(|block| paragraph_address(&block.text) == address)
}

/// The address of the link to `article_link` (the article's own address in
/// the site) at block `block` of `article`.
pub fn paragraph_link(article_link: &str, article: &Article, block: usize) -> String {
    match article.blocks.get(block) {
        Some(b) => {
            let join = if article_link.contains('?') { '&' } else { '?' };
            format!("{article_link}{join}p={}", paragraph_address(&b.text))
        }
        None => article_link.to_string(),
    }
}

/// What a reference says: an article of a site, where it is, when it was
/// read, and the passage quoted, if any.
#[derive(Clone, Debug)]
pub struct Reference<'a> {
    /// The article.
    pub article: &'a Article,
    /// The site that publishes the collection (its title).
    pub site: &'a str,
    /// The address of the article, or of the quoted paragraph.
    pub link: String,
    /// The day it was read, `YYYY-MM-DD`.
    pub accessed: &'a str,
    /// The passage quoted, if any.
    pub passage: Option<&'a str>,
}

/// `YYYY-MM-DD` as its numbers, if it is one.
fn date_parts(date: &str) -> Option<[u32; 3]> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some([year, month, day])
}

impl Reference<'_> {
    /// Who wrote it: its byline without its "Par" or "By".
    fn author(&self) -> Option<&str> {
        let byline = self.article.byline.as_deref()?.trim();
        let name = ["Par ", "par ", "By ", "by "]
            .iter()
            .find_map(|p| byline.strip_prefix(p))
            .unwrap_or(byline)
            .trim();
        (!name.is_empty()).then_some(name)
    }

    /// Its publication: the article's source, or the site.
    fn publication(&self) -> &str {
        self.article.source.as_deref().unwrap_or(self.site)
    }

    fn date(&self) -> Option<[u32; 3]> {
        self.article.date.as_deref().and_then(date_parts)
    }

    /// One line, in the style of a newspaper article's reference, in the
    /// interface's language: the passage quoted first, then the author,
    /// the title, the publication, the date, the address and the day read.
    pub fn text(&self, t: &Text) -> String {
        let (open, close) = if t.lang == Lang::En {
            ("“", "”")
        } else {
            ("« ", " »")
        };
        let mut parts = Vec::new();
        if let Some(author) = self.author() {
            parts.push(author.to_string());
        }
        parts.push(format!("{open}{}{close}", self.article.title));
        parts.push(self.publication().to_string());
        if let Some(date) = self
            .article
            .date
            .as_deref()
            .filter(|d| date_parts(d).is_some())
        {
            parts.push(t.date(date));
        }
        let read = if t.lang == Lang::En {
            "accessed"
        } else {
            "consulté le"
        };
        let line = format!(
            "{}, {} ({read} {}).",
            parts.join(", "),
            self.link,
            t.date(self.accessed)
        );
        match self.passage {
            Some(passage) => format!("{open}{}{close} — {line}", passage.trim()),
            None => line,
        }
    }

    /// BibTeX (biblatex's fields, which BibTeX and Zotero read too).
    pub fn bibtex(&self) -> String {
        let key: String = (self.article.id.chars())
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut fields = vec![("title", bibtex_braced(&self.article.title))];
        if let Some(author) = self.author() {
            // A byline that is not a person's name, kept whole.
            let whole =
                author.contains(',') || author.contains(" avec ") || author.contains(" and ");
            let author = bibtex_braced(author);
            fields.push((
                "author",
                if whole {
                    format!("{{{author}}}")
                } else {
                    author
                },
            ));
        }
        fields.push(("journaltitle", bibtex_braced(self.publication())));
        if let Some([year, month, day]) = self.date() {
            fields.push(("date", format!("{year:04}-{month:02}-{day:02}")));
            fields.push(("year", year.to_string()));
        }
        fields.push(("url", bibtex_braced(&self.link)));
        fields.push(("urldate", self.accessed.to_string()));
        if let Some(passage) = self.passage {
            fields.push(("note", bibtex_braced(passage.trim())));
        }
        let body: Vec<String> = (fields.iter())
            .map(|(name, value)| format!("  {name} = {{{value}}}"))
            .collect();
        format!("@article{{{key},\n{}\n}}\n", body.join(",\n"))
    }

    /// RIS, a newspaper article (`TY  - NEWS`).
    pub fn ris(&self) -> String {
        let mut lines = vec![("TY", "NEWS".to_string())];
        lines.push(("TI", self.article.title.clone()));
        if let Some(author) = self.author() {
            lines.push(("AU", author.to_string()));
        }
        lines.push(("T2", self.publication().to_string()));
        if let Some([year, month, day]) = self.date() {
            lines.push(("PY", year.to_string()));
            lines.push(("DA", format!("{year:04}/{month:02}/{day:02}")));
        }
        lines.push(("UR", self.link.clone()));
        lines.push(("Y2", self.accessed.replace('-', "/")));
        lines.push(("DP", self.site.to_string()));
        if let Some(passage) = self.passage {
            lines.push(("N1", passage.trim().to_string()));
        }
        lines.push(("ER", String::new()));
        let mut out = String::new();
        for (tag, value) in lines {
            // One line a field: a line break would end it.
            let value = one_line(&value);
            out.push_str(format!("{tag}  - {value}").trim_end());
            out.push('\n');
        }
        out
    }

    /// CSL-JSON, the form citation processors and Zotero read: one item
    /// (an object; written here, not by a JSON library, which would add
    /// kilobytes to the app for a dozen fields).
    pub fn csl_json(&self) -> String {
        let mut fields = vec![
            ("id", json_string(&self.article.id)),
            ("type", json_string("article-newspaper")),
            ("title", json_string(&self.article.title)),
            ("container-title", json_string(self.publication())),
            ("publisher", json_string(self.site)),
            ("URL", json_string(&self.link)),
        ];
        if let Some(author) = self.author() {
            fields.push((
                "author",
                format!("[{{\"literal\": {}}}]", json_string(author)),
            ));
        }
        let parts = |[y, m, d]: [u32; 3]| format!("{{\"date-parts\": [[{y}, {m}, {d}]]}}");
        if let Some(date) = self.date() {
            fields.push(("issued", parts(date)));
        }
        if let Some(accessed) = date_parts(self.accessed) {
            fields.push(("accessed", parts(accessed)));
        }
        if let Some(lang) = &self.article.lang {
            fields.push(("language", json_string(lang)));
        }
        if let Some(passage) = self.passage {
            fields.push(("note", json_string(passage.trim())));
        }
        let body: Vec<String> = (fields.iter())
            .map(|(name, value)| format!("  \"{name}\": {value}"))
            .collect();
        format!("{{\n{}\n}}", body.join(",\n"))
    }
}

/// `text` as a JSON string, quotes included.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` inside a BibTeX field's braces: its braces and the characters
/// (La)TeX reads as commands escaped.
fn bibtex_braced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// Every reference of `references` in one file of `format`: BibTeX and
/// RIS one after the other, CSL-JSON as one list.
pub fn all(references: &[Reference], format: Format) -> String {
    match format {
        Format::Bibtex => references
            .iter()
            .map(Reference::bibtex)
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Ris => references
            .iter()
            .map(Reference::ris)
            .collect::<Vec<_>>()
            .join("\n"),
        Format::CslJson => {
            let items: Vec<String> = references.iter().map(Reference::csl_json).collect();
            format!("[\n{}\n]\n", items.join(",\n"))
        }
    }
}

/// The forms a reference manager imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// BibTeX (`.bib`).
    Bibtex,
    /// RIS (`.ris`).
    Ris,
    /// CSL-JSON (`.json`).
    CslJson,
}

impl Format {
    /// Each.
    pub const ALL: [Format; 3] = [Format::Bibtex, Format::Ris, Format::CslJson];

    /// Its name, as reference managers say it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Bibtex => "BibTeX",
            Format::Ris => "RIS",
            Format::CslJson => "CSL-JSON",
        }
    }

    /// The file name of a file of references in it, and its media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Bibtex => ("references.bib", "application/x-bibtex"),
            Format::Ris => ("references.ris", "application/x-research-info-systems"),
            Format::CslJson => ("references.json", "application/vnd.citationstyles.csl+json"),
        }
    }
}

/// A quotation as a Markdown export lists it: its words, and the article
/// it is from.
pub struct Quoted<'a> {
    /// The words quoted, without their quotation marks.
    pub text: &'a str,
    /// The article's title.
    pub title: &'a str,
    /// Its address.
    pub link: &'a str,
    /// Its source and date, as a list shows them.
    pub meta: &'a str,
}

/// What names said, as Markdown: `heading`, then under each name its
/// quotations, each a block quote followed by its article (a link), its
/// source and date.
pub fn quotes_markdown(heading: &str, names: &[(&str, Vec<Quoted>)]) -> String {
    let mut out = format!("# {}\n", escape(&one_line(heading)));
    for (name, quotes) in names {
        out.push_str(&format!("\n## {}\n", escape(&one_line(name))));
        for quote in quotes {
            let title = escape(&one_line(quote.title));
            let link = quote.link.replace(['<', '>', '\n'], "");
            let meta = one_line(quote.meta);
            out.push_str(&format!(
                "\n> « {} »\n\n— [{title}](<{link}>)",
                escape(&one_line(quote.text))
            ));
            if !meta.is_empty() {
                out.push_str(&format!(" · {}", escape(&meta)));
            }
            out.push('\n');
        }
    }
    out
}

/// The interface's words for citing, in one language (the app's alone:
/// kept out of [`Text`], which the first result's path carries).
#[derive(Debug)]
pub struct Words {
    /// The button on an article and on a selection.
    pub cite: &'static str,
    /// The dialog's title for an article.
    pub cite_article: &'static str,
    /// The dialog's title for a passage.
    pub cite_passage: &'static str,
    /// The name of the line of text.
    pub text: &'static str,
    /// A copy button.
    pub copy: &'static str,
    /// A copy button once its text is copied.
    pub copied: &'static str,
    /// The dialog's closing button.
    pub close: &'static str,
    /// Before the buttons that download the saved articles' references.
    pub export_references: &'static str,
    /// The title of a search among quotations (`cite:`): `{}` its words.
    pub quotes_by_t: &'static str,
    /// What such a search found: `{}` how many quotations, `{}` of how many names.
    pub quotes_found_t: &'static str,
    /// A quotation, quotations (for [`crate::text::Text::count`]).
    pub quote: [&'static str; 2],
    /// A name, names.
    pub name: [&'static str; 2],
    /// What it says when it found none: `{}` its words.
    pub no_quotes_t: &'static str,
    /// The link to the articles that name them: `{}` the words.
    pub articles_on_t: &'static str,
    /// The name of the file of quotations exported as Markdown.
    pub quotes_file: &'static str,
}

static FR_WORDS: Words = Words {
    cite: "Citer",
    cite_article: "Citer cet article",
    cite_passage: "Citer ce passage",
    text: "Texte",
    copy: "Copier",
    copied: "Copié",
    close: "Fermer",
    export_references: "Exporter leurs références :",
    quotes_by_t: "Citations de « {} »",
    quotes_found_t: "{} de {}",
    quote: ["citation", "citations"],
    name: ["nom", "noms"],
    no_quotes_t: "Aucune citation de « {} » dans cette collection.",
    articles_on_t: "Tous les articles sur « {} »",
    quotes_file: "citations.md",
};

static EN_WORDS: Words = Words {
    cite: "Cite",
    cite_article: "Cite this article",
    cite_passage: "Cite this passage",
    text: "Text",
    copy: "Copy",
    copied: "Copied",
    close: "Close",
    export_references: "Export their references:",
    quotes_by_t: "Quotes by “{}”",
    quotes_found_t: "{} by {}",
    quote: ["quote", "quotes"],
    name: ["name", "names"],
    no_quotes_t: "No quote by “{}” in this collection.",
    articles_on_t: "Every article on “{}”",
    quotes_file: "quotes.md",
};

/// The words for citing in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&FR_WORDS, &EN_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    fn article() -> Article {
        let paragraph = |text: &str| Block::paragraph(text);
        Article {
            id: "blinken-2020".into(),
            title: "Blinken appelle à la retenue".into(),
            byline: Some("Par Jeanne Martin".into()),
            source: Some("Le Quotidien".into()),
            date: Some("2020-10-12".into()),
            lang: Some("fr".into()),
            blocks: vec![
                paragraph("Le secrétaire d'État a parlé."),
                paragraph("« Cessez immédiatement ces actions », a déclaré Antony Blinken."),
            ],
            ..Article::default()
        }
    }

    fn reference<'a>(article: &'a Article, passage: Option<&'static str>) -> Reference<'a> {
        Reference {
            article,
            site: "Dossier Caucase",
            link: "https://exemple.org/dossier/#/article/blinken-2020?p=0a1b2c3d".into(),
            accessed: "2026-12-06",
            passage,
        }
    }

    #[test]
    fn a_paragraph_keeps_its_address_wherever_it_moves_and_whatever_its_spacing() {
        let mut article = article();
        let address = paragraph_address(&article.blocks[1].text);
        assert_eq!(address.len(), 8);
        assert_eq!(paragraph_at(&article, &address), Some(1));
        // A paragraph added before it, and its spacing changed: the same address.
        article.blocks.insert(0, article.blocks[0].clone());
        article.blocks[0].text = "Un paragraphe nouveau.".into();
        article.blocks[2].text = article.blocks[2].text.replace(' ', "  ");
        assert_eq!(paragraph_at(&article, &address), Some(2));
        // Its words changed: another address.
        article.blocks[2].text.push_str(" Puis il est parti.");
        assert_eq!(paragraph_at(&article, &address), None);
        assert!(
            paragraph_link("https://x/#/article/a", &article, 0).ends_with(&format!(
                "#/article/a?p={}",
                paragraph_address("Un paragraphe nouveau.")
            ))
        );
    }

    #[test]
    fn a_reference_in_each_form_names_the_article_its_author_source_date_link_and_passage() {
        let article = article();
        let quoted = reference(&article, Some("Cessez immédiatement ces actions"));
        let text = quoted.text(&crate::text::FR);
        assert_eq!(
            text,
            "« Cessez immédiatement ces actions » — Jeanne Martin, « Blinken appelle à la retenue », Le Quotidien, 12 octobre 2020, https://exemple.org/dossier/#/article/blinken-2020?p=0a1b2c3d (consulté le 6 décembre 2026)."
        );
        let english = reference(&article, None).text(&crate::text::EN);
        assert!(
            english.starts_with("Jeanne Martin, “Blinken appelle à la retenue”, Le Quotidien, "),
            "{english}"
        );
        assert!(english.contains("(accessed "), "{english}");

        let bib = quoted.bibtex();
        assert!(bib.starts_with("@article{blinken-2020,\n"), "{bib}");
        for field in [
            "  title = {Blinken appelle à la retenue}",
            "  author = {Jeanne Martin}",
            "  journaltitle = {Le Quotidien}",
            "  date = {2020-10-12}",
            "  url = {https://exemple.org/dossier/\\#/article/blinken-2020?p=0a1b2c3d}",
            "  urldate = {2026-12-06}",
            "  note = {Cessez immédiatement ces actions}",
        ] {
            assert!(bib.contains(field), "{field} in {bib}");
        }
        assert!(bib.ends_with("}\n"));

        let ris = quoted.ris();
        let lines: Vec<&str> = ris.lines().collect();
        assert_eq!(lines.first(), Some(&"TY  - NEWS"));
        assert_eq!(lines.last(), Some(&"ER  -"));
        for line in [
            "TI  - Blinken appelle à la retenue",
            "AU  - Jeanne Martin",
            "T2  - Le Quotidien",
            "PY  - 2020",
            "DA  - 2020/10/12",
            "Y2  - 2026/12/06",
            "N1  - Cessez immédiatement ces actions",
        ] {
            assert!(lines.contains(&line), "{line} in {ris}");
        }

        let csl: serde_json::Value = serde_json::from_str(&quoted.csl_json()).unwrap();
        assert_eq!(csl["type"], "article-newspaper");
        assert_eq!(csl["title"], "Blinken appelle à la retenue");
        assert_eq!(csl["author"][0]["literal"], "Jeanne Martin");
        assert_eq!(csl["container-title"], "Le Quotidien");
        assert_eq!(
            csl["issued"]["date-parts"][0],
            serde_json::json!([2020, 10, 12])
        );
        assert_eq!(
            csl["accessed"]["date-parts"][0],
            serde_json::json!([2026, 12, 6])
        );
        assert_eq!(csl["note"], "Cessez immédiatement ces actions");
    }

    #[test]
    fn what_tex_reads_as_commands_and_line_breaks_cannot_break_a_reference() {
        let mut article = article();
        article.title = "50 % & {plus} #1 \\ fin\nsuite".into();
        article.byline = Some("Le Quotidien avec AFP".into());
        article.date = Some("hier".into());
        let r = reference(&article, Some("ligne\nsuivante"));
        let bib = r.bibtex();
        assert!(
            bib.contains("  title = {50 \\% \\& \\{plus\\} \\#1 \\textbackslash{} fin suite}"),
            "{bib}"
        );
        assert!(
            bib.contains("  author = {{Le Quotidien avec AFP}}"),
            "{bib}"
        );
        assert!(!bib.contains("  date = "), "no date that is none: {bib}");
        let ris = r.ris();
        assert!(
            ris.lines()
                .all(|line| line.len() >= 5 && &line[2..5] == "  -"),
            "{ris}"
        );
        assert!(ris.contains("N1  - ligne suivante"));
        let csl: serde_json::Value = serde_json::from_str(&r.csl_json()).unwrap();
        assert!(csl.get("issued").is_none());
        assert_eq!(
            csl["note"], "ligne\nsuivante",
            "a line break and quotes kept as JSON says them"
        );
        assert_eq!(csl["title"], "50 % & {plus} #1 \\ fin\nsuite");
        // Several at once: a file each format reads back.
        let all_csl = all(&[r.clone(), reference(&article, None)], Format::CslJson);
        let items: Vec<serde_json::Value> = serde_json::from_str(&all_csl).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(
            all(&[r.clone(), r], Format::Ris)
                .matches("TY  - NEWS")
                .count(),
            2
        );
    }

    #[test]
    fn quotations_as_markdown_each_under_its_name_with_its_article() {
        let quoted = |text, title, meta| Quoted {
            text,
            title,
            link: "https://example.org/#/article/a1",
            meta,
        };
        let markdown = quotes_markdown(
            "Citations de « Blinken » — Dossier",
            &[(
                "Antony Blinken",
                vec![
                    quoted(
                        "cesser immédiatement\nces actions",
                        "Les [troupes] avancent",
                        "AFP · 13 sept. 2022",
                    ),
                    quoted("rien *de plus*", "Titre", ""),
                ],
            )],
        );
        assert_eq!(
            markdown,
            "# Citations de « Blinken » — Dossier\n\n## Antony Blinken\n\n\
             > « cesser immédiatement ces actions »\n\n\
             — [Les \\[troupes\\] avancent](<https://example.org/#/article/a1>) · AFP · 13 sept. 2022\n\n\
             > « rien \\*de plus\\* »\n\n\
             — [Titre](<https://example.org/#/article/a1>)\n"
        );
    }
}
