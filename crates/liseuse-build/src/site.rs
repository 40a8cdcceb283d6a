//! A site's own settings: the optional `liseuse.toml` at the top of the
//! articles' folder.
//!
//! ```toml
//! title = "Le dossier Karabakh"
//! description = "Cinq articles de presse sur un conflit."
//! home = "https://journal.example/dossiers/"
//! language = "fr"   # of the interface: fr or en
//! ```
//!
//! Every key is optional. Without the file, the site is called "liseuse"
//! and its interface speaks the language of most of its articles. A file
//! that cannot be read, or that says something unknown, stops the build
//! with its path, the line and why.

use std::path::Path;

use serde::Deserialize;

use liseuse_core::text::Lang;

/// The settings file's name, at the top of the articles' folder.
pub const SETTINGS_FILE: &str = "liseuse.toml";

/// What `liseuse.toml` says, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteSettings {
    /// The site's title (header, `<title>`, the installed app's name).
    pub title: Option<String>,
    /// One sentence saying what the site is (meta description, manifest, home page).
    pub description: Option<String>,
    /// The address of the publisher's home (http or https).
    pub home: Option<String>,
    /// The language of the interface.
    pub language: Option<Lang>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<String>,
    description: Option<String>,
    home: Option<String>,
    language: Option<String>,
}

/// Why a site's settings cannot be read: the file, and what is wrong at
/// which line.
#[derive(Debug, PartialEq, Eq)]
pub enum SiteError {
    /// The file exists but cannot be read.
    Unreadable {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The file says something wrong.
    Wrong {
        /// The file (empty when the text came from elsewhere).
        path: std::path::PathBuf,
        /// Where.
        line: Option<usize>,
        /// What.
        problem: Problem,
    },
}

/// What is wrong in a site's settings.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not TOML, or a key this file does not know: what the parser said.
    NotSettings {
        /// The parser's words.
        message: String,
    },
    /// A key given an empty value.
    Empty {
        /// The key.
        key: &'static str,
    },
    /// `home` is no http(s) address.
    NotAWebAddress {
        /// The value given.
        home: String,
    },
    /// `language` is none the interface speaks.
    UnknownLanguage {
        /// The value given.
        tag: String,
    },
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteError::Unreadable { path, reason } => {
                write!(f, "{}: cannot be read: {reason}", path.display())
            }
            SiteError::Wrong {
                path,
                line,
                problem,
            } => {
                if !path.as_os_str().is_empty() {
                    write!(f, "{}: ", path.display())?;
                }
                if let Some(line) = line {
                    write!(f, "line {line}: ")?;
                }
                match problem {
                    Problem::NotSettings { message } => write!(f, "{message}"),
                    Problem::Empty { key } => write!(f, "{key} is empty"),
                    Problem::NotAWebAddress { home } => {
                        write!(f, "home = {home:?} is not an http(s) address")
                    }
                    Problem::UnknownLanguage { tag } => {
                        write!(f, "language = {tag:?}: the interface speaks fr or en")
                    }
                }
            }
        }
    }
}

impl std::error::Error for SiteError {}

impl SiteSettings {
    /// The settings of the folder `dir`: its `liseuse.toml`, or none.
    pub fn of_folder(dir: &Path) -> Result<SiteSettings, SiteError> {
        let path = dir.join(SETTINGS_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => SiteSettings::parse(&text).map_err(|error| match error {
                SiteError::Wrong { line, problem, .. } => SiteError::Wrong {
                    path,
                    line,
                    problem,
                },
                other => other,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(SiteSettings::default()),
            Err(e) => Err(SiteError::Unreadable {
                path,
                reason: e.to_string(),
            }),
        }
    }

    /// The settings `text` (TOML) says; an error names the line and why.
    pub fn parse(text: &str) -> Result<SiteSettings, SiteError> {
        let wrong = |line: Option<usize>, problem: Problem| SiteError::Wrong {
            path: Default::default(),
            line,
            problem,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|span| 1 + text[..span.start].matches('\n').count());
            let message = e.message().trim().replace('\n', ": ");
            wrong(line, Problem::NotSettings { message })
        })?;
        let line_of =
            |key: &str| (text.lines().position(|l| l.trim_start().starts_with(key))).map(|i| i + 1);
        let one_line = |key: &'static str, value: Option<String>| {
            let Some(value) = value else {
                return Ok(None);
            };
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if value.is_empty() {
                return Err(wrong(line_of(key), Problem::Empty { key }));
            }
            Ok(Some(value))
        };
        let home = one_line("home", raw.home)?;
        if let Some(home) = &home {
            if !liseuse_core::article::is_web_address(home) {
                let home = home.clone();
                return Err(wrong(line_of("home"), Problem::NotAWebAddress { home }));
            }
        }
        let language = match raw.language {
            None => None,
            Some(tag) => Some(
                Lang::of(&tag)
                    .ok_or_else(|| wrong(line_of("language"), Problem::UnknownLanguage { tag }))?,
            ),
        };
        Ok(SiteSettings {
            title: one_line("title", raw.title)?,
            description: one_line("description", raw.description)?,
            home,
            language,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_reads_back() {
        let settings = SiteSettings::parse(
            "# Le dossier\ntitle = \"Le dossier  Karabakh\"\ndescription = 'Cinq articles.'\nhome = \"https://journal.example/\"\nlanguage = \"en-GB\"\n",
        )
        .unwrap();
        assert_eq!(
            settings,
            SiteSettings {
                title: Some("Le dossier Karabakh".into()),
                description: Some("Cinq articles.".into()),
                home: Some("https://journal.example/".into()),
                language: Some(Lang::En),
            }
        );
        assert_eq!(SiteSettings::parse("").unwrap(), SiteSettings::default());
    }

    #[test]
    fn a_bad_file_names_the_line_and_why() {
        let cases = [
            ("title = \"ok\"\ntitel = \"typo\"\n", "line 2", "titel"),
            ("title = \"ok\"\n\ndescription = \"unclosed\n", "line 3", ""),
            ("title = 3\n", "line 1", "string"),
            (
                "title = \"ok\"\nhome = \"javascript:alert(1)\"\n",
                "line 2",
                "http",
            ),
            ("language = \"de\"\n", "line 1", "fr or en"),
            ("title = \"  \"\n", "line 1", "empty"),
        ];
        for (text, line, why) in cases {
            let error = SiteSettings::parse(text).unwrap_err().to_string();
            assert!(error.starts_with(line), "{text:?}: {error}");
            assert!(error.contains(why), "{text:?}: {error}");
        }
        // Typed, for a tool that would say it in its own words.
        assert_eq!(
            SiteSettings::parse("title = \"ok\"\nhome = \"ftp://x\"\n"),
            Err(SiteError::Wrong {
                path: Default::default(),
                line: Some(2),
                problem: Problem::NotAWebAddress {
                    home: "ftp://x".into()
                },
            })
        );
    }

    #[test]
    fn a_folder_without_the_file_has_the_defaults() {
        let dir = std::env::temp_dir().join(format!("liseuse-site-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(SiteSettings::of_folder(&dir), Ok(SiteSettings::default()));
        std::fs::write(dir.join(SETTINGS_FILE), "title = ]\n").unwrap();
        let error = SiteSettings::of_folder(&dir).unwrap_err().to_string();
        assert!(error.contains("liseuse.toml: line 1"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
