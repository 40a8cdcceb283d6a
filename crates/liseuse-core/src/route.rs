//! Where the reader is, written in the URL's fragment (`#/...`).
//!
//! Fragments never reach the server, so any static file server serves every
//! route with `index.html`, at the root or under a sub-path, and a reload or a
//! shared link opens the same view. The query rides along in every route so
//! that going back from an article shows the results it came from.

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The search page: `#/` or `#/?q=<query>` (`&tri=date`: the newest first).
    Search {
        /// The query typed, as typed.
        query: String,
        /// Its results the newest first, not the most relevant (a list
        /// without a query is always the newest first).
        newest: bool,
    },
    /// The reading view of one article: `#/article/<id>` (`?q=<query>` when it came from one).
    Article {
        /// The article's id.
        id: String,
        /// The query that found it, to highlight and to go back to.
        query: String,
    },
    /// The reader's own articles, saved for later and read lately: `#/mes-articles`.
    Shelf,
    /// The page of a person, place or organisation: `#/nom/<key>` (see
    /// [`crate::entities::key`]).
    Name {
        /// Its key.
        key: String,
    },
}

impl Default for Route {
    fn default() -> Self {
        Route::Search {
            query: String::new(),
            newest: false,
        }
    }
}

impl Route {
    /// Reads a location fragment (with or without its leading `#`); anything unknown is the search page.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, params) = hash.split_once('?').unwrap_or((hash, ""));
        let query = params
            .split('&')
            .find_map(|pair| pair.strip_prefix("q="))
            .map(decode)
            .unwrap_or_default();
        let path = path.trim_start_matches('/');
        match path.split_once('/') {
            Some(("article", id)) if !id.is_empty() => Route::Article {
                id: decode(id),
                query,
            },
            Some(("nom", key)) if !key.is_empty() => Route::Name { key: decode(key) },
            _ if path == "mes-articles" => Route::Shelf,
            _ => Route::Search {
                newest: !query.is_empty() && params.split('&').any(|pair| pair == "tri=date"),
                query,
            },
        }
    }

    /// The fragment for this route, with its leading `#`.
    pub fn to_hash(&self) -> String {
        let (path, query) = match self {
            Route::Search { query, newest } if *newest && !query.is_empty() => {
                return format!("#/?q={}&tri=date", encode(query));
            }
            Route::Search { query, .. } => ("#/".to_string(), query),
            Route::Article { id, query } => (format!("#/article/{}", encode(id)), query),
            Route::Shelf => return "#/mes-articles".to_string(),
            Route::Name { key } => return format!("#/nom/{}", encode(key)),
        };
        if query.is_empty() {
            path
        } else {
            format!("{path}?q={}", encode(query))
        }
    }

    /// The query of this route.
    pub fn query(&self) -> &str {
        match self {
            Route::Search { query, .. } | Route::Article { query, .. } => query,
            Route::Shelf | Route::Name { .. } => "",
        }
    }
}

/// The words of a search among quotations only: `cite:Blinken` looks for
/// what the name Blinken answers to said (`cite:` in any case, the words
/// after it). None for any other query, or nothing after `cite:`.
pub fn quotations_of(query: &str) -> Option<&str> {
    let query = query.trim_start();
    let words = query.get(5..).filter(|_| asks_quotations(query))?;
    Some(words.trim()).filter(|words| !words.is_empty())
}

/// Whether `query` opens with `cite:` (in any case): a search among
/// quotations, the app's alone. Bytes only, for the first result's path,
/// which checks it and carries nothing more of [`quotations_of`].
pub fn asks_quotations(query: &str) -> bool {
    (query.as_bytes().get(..5)).is_some_and(|head| head.eq_ignore_ascii_case(b"cite:"))
}

/// The comparison of article `id` with article `other` ("Comparer"):
/// `#/article/<id>?comparer=<other>`. It is `id`'s route with one parameter
/// more, so the page written before the app, which knows no comparison,
/// shows `id`'s article until the app shows both.
pub fn comparison_hash(id: &str, other: &str) -> String {
    let article = Route::Article {
        id: id.to_string(),
        query: String::new(),
    };
    format!("{}?comparer={}", article.to_hash(), encode(other))
}

/// The article a fragment compares its article with, if it is a
/// comparison's (see [`comparison_hash`]).
pub fn compared_with(hash: &str) -> Option<String> {
    param(hash, "comparer").filter(|other| !other.is_empty())
}

/// The value of parameter `name` in a fragment (`#/…?q=…&name=value`),
/// decoded; a paragraph's address (`p`) is one.
pub fn param(hash: &str, name: &str) -> Option<String> {
    let (_, params) = hash.split_once('?')?;
    (params.split('&'))
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(decode)
}

/// Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes percent-encoding (and `+` as a space); malformed escapes are kept as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_its_own_fragment() {
        let routes = [
            Route::default(),
            Route::Search {
                query: "réfugiés l’armée & \"crise\" 100%".into(),
                newest: false,
            },
            Route::Search {
                query: "Bakou".into(),
                newest: true,
            },
            Route::Article {
                id: "000_1a8f4e49545b7e53".into(),
                query: String::new(),
            },
            Route::Article {
                id: "dossier/un article".into(),
                query: "Stoltenberg ?".into(),
            },
            Route::Shelf,
            Route::Name {
                key: "nikol pashinyan".into(),
            },
        ];
        for route in routes {
            assert_eq!(Route::from_hash(&route.to_hash()), route);
        }
    }

    #[test]
    fn reads_fragments_typed_or_pasted_by_hand() {
        assert_eq!(Route::from_hash(""), Route::default());
        assert_eq!(Route::from_hash("#"), Route::default());
        assert_eq!(Route::from_hash("#/nowhere/at/all"), Route::default());
        assert_eq!(
            Route::from_hash("#/?q=crise+de%20r%C3%A9fugi%C3%A9s"),
            Route::Search {
                query: "crise de réfugiés".into(),
                newest: false,
            }
        );
        assert_eq!(
            Route::from_hash("#/?tri=date&q=Bakou"),
            Route::Search {
                query: "Bakou".into(),
                newest: true,
            }
        );
        // No query, no order: the list of all articles is the newest first.
        assert_eq!(Route::from_hash("#/?tri=date"), Route::default());
        assert_eq!(
            Route::from_hash("#/article/004?q=Bakou"),
            Route::Article {
                id: "004".into(),
                query: "Bakou".into()
            }
        );
        assert_eq!(Route::from_hash("#/?q=%E2%28%ZZ").query(), "\u{fffd}(%ZZ");
    }

    #[test]
    fn a_comparison_is_its_first_articles_route_with_the_other_named() {
        let hash = comparison_hash("dossier/un article", "l'autre & « lui »");
        assert_eq!(compared_with(&hash).as_deref(), Some("l'autre & « lui »"));
        // Before the app, the first article's page.
        assert_eq!(
            Route::from_hash(&hash),
            Route::Article {
                id: "dossier/un article".into(),
                query: String::new(),
            }
        );
        assert_eq!(compared_with("#/article/004"), None);
        assert_eq!(compared_with("#/article/004?comparer="), None);
        assert_eq!(
            compared_with("#/article/004?q=x&comparer=005").as_deref(),
            Some("005")
        );
        // A parameter by its whole name, decoded.
        assert_eq!(
            param("#/article/004?p=0a1b2c3d", "p").as_deref(),
            Some("0a1b2c3d")
        );
        assert_eq!(param("#/article/004?pp=1", "p"), None);
        assert_eq!(param("#/?q=a%20b", "q").as_deref(), Some("a b"));
    }

    #[test]
    fn cite_before_words_searches_what_a_name_said() {
        assert_eq!(quotations_of("cite:Blinken"), Some("Blinken"));
        assert_eq!(
            quotations_of("  Cite: Antony Blinken "),
            Some("Antony Blinken")
        );
        assert_eq!(quotations_of("cite:"), None);
        assert_eq!(quotations_of("cite: "), None);
        assert_eq!(quotations_of("citer Blinken"), None);
        assert_eq!(quotations_of("Blinken cite:x"), None);
        assert_eq!(quotations_of("é"), None);
        assert_eq!(quotations_of("éééé:x"), None);
    }
}
