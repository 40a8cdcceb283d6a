//! Every word the app shows comes from the core's table of strings
//! (`liseuse_core::text`), so that an English site shows no French: this
//! reads every source file of the app (`src/`, tests aside) and fails on a
//! string literal that reads as interface text, naming the file and line.
//!
//! A literal is interface text when it has a letter outside ASCII
//! ("Thème"), a word that only the French table has ("Pertinence"), or two
//! words or more of which one starts with a capital ("Tous les articles").
//! Class names, keys, event and API names pass ("link small", "Escape").
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use liseuse_core::text::{EN, EN_PAGE, FR, FR_PAGE};

/// The words (lowercased, two letters or more) of a text.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    (text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
}

/// The words of the French table that the English one does not have.
fn french_only() -> BTreeSet<String> {
    let english: BTreeSet<String> = words(&format!("{EN:?}{EN_PAGE:?}")).collect();
    // (Its Debug form names its language, `Fr`: a tag, not a word.)
    words(&format!("{FR:?}{FR_PAGE:?}"))
        .filter(|w| !english.contains(w) && w != "fr")
        .collect()
}

/// Why `literal` reads as interface text, if it does.
fn why_text(literal: &str, french: &BTreeSet<String>) -> Option<String> {
    if let Some(c) = literal.chars().find(|c| c.is_alphabetic() && !c.is_ascii()) {
        return Some(format!("the letter {c:?}"));
    }
    if let Some(word) = words(literal).find(|w| french.contains(w)) {
        return Some(format!("the French word {word:?}"));
    }
    let phrase: Vec<&str> = (literal.split_whitespace())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capital = phrase.iter().any(|w| w.starts_with(char::is_uppercase));
    (phrase.len() >= 2 && capital).then(|| "a sentence".to_string())
}

/// The string literals of `source` with their line, comments, `#[cfg(test)]`
/// modules and test hooks left out.
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = source.chars().collect();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let rest: String = chars[i..chars.len().min(i + 40)].iter().collect();
        if rest.starts_with("#[cfg(test)]") || rest.starts_with("#[cfg(feature = \"test-hooks\")]")
        {
            // The item that follows, to its closing brace.
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '\n' => line += 1,
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ';' if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
        } else if rest.starts_with("//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c == '\'' {
            // A char literal ('"', '\n'), or a lifetime.
            if chars.get(i + 2) == Some(&'\'') {
                i += 2;
            } else if chars.get(i + 1) == Some(&'\\') {
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
            }
        } else if c == '"' || (c == 'r' && matches!(chars.get(i + 1), Some('"' | '#'))) {
            let raw = c == 'r';
            let mut hashes = 0;
            if raw {
                i += 1;
                while chars.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
            }
            let start_line = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() {
                let c = chars[i];
                if c == '\n' {
                    line += 1;
                }
                if !raw && c == '\\' {
                    i += 2;
                    continue;
                }
                if c == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    i += hashes;
                    break;
                }
                text.push(c);
                i += 1;
            }
            out.push((start_line, text));
        } else if c == '\n' {
            line += 1;
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_app_holds_no_interface_text_of_its_own() {
    let french = french_only();
    assert!(french.contains("pertinence") && !french.contains("article"));
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for (line, literal) in literals(&source) {
            if let Some(why) = why_text(&literal, &french) {
                found.push(format!("{}:{line}: {literal:?} ({why})", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "interface text outside liseuse_core::text:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_what_it_must() {
    let french = french_only();
    let source = "// \"Commentaire\"\nlet a = \"link small\";\nlet b = \"Pertinence\";\nlet c = '\"';\nlet d = \"Tous les articles\";\nlet e = \"Thème\";\nlet f = \"Escape\";\n#[cfg(test)]\nmod tests { const X: &str = \"Texte de test\"; }\n";
    let flagged: Vec<(usize, String)> = (literals(source).into_iter())
        .filter(|(_, l)| why_text(l, &french).is_some())
        .collect();
    assert_eq!(
        flagged,
        [
            (3, "Pertinence".to_string()),
            (5, "Tous les articles".into()),
            (6, "Thème".into())
        ]
    );
}
