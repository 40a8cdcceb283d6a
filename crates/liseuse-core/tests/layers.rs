//! Each crate, the core (read side) and `liseuse-build`, is built in layers,
//! listed in its overview (`src/lib.rs`, under "Layers"): a module may
//! import only modules of the layers below its own. This reads every source
//! file of a crate, leaves out comments, strings
//! and what is compiled for tests only, and fails on an import from the same
//! layer or one above (a circle needs one), naming the file and the line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of the overview, bottom first: each module's layer number.
/// A line of the list reads `N. name: `module`, `module` — what they do`.
fn layers(overview: &str) -> BTreeMap<String, usize> {
    let mut layers = BTreeMap::new();
    let mut inside = false;
    for line in overview.lines() {
        let Some(text) = line.strip_prefix("//!") else {
            continue;
        };
        let text = text.trim();
        if text.starts_with("## ") {
            inside = text == "## Layers";
            continue;
        }
        if !inside {
            continue;
        }
        let Some((number, rest)) = text.split_once(". ") else {
            continue;
        };
        let Ok(number) = number.parse::<usize>() else {
            continue;
        };
        let Some((_, modules)) = rest.split_once(": ") else {
            continue;
        };
        let modules = modules.split(" — ").next().unwrap_or_default();
        for module in modules.split(',') {
            let module = module.trim().trim_matches('`');
            assert!(
                !module.is_empty() && module.chars().all(|c| c == '_' || c.is_ascii_lowercase()),
                "overview: layer {number} lists {module:?}, not a module name"
            );
            let earlier = layers.insert(module.to_string(), number);
            assert!(earlier.is_none(), "overview: {module} is in two layers");
        }
    }
    layers
}

/// `source` without its comments, and with every string and character
/// literal emptied: what is left is code (with its line breaks kept).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                if chars[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"…" or r#"…"#, as many # as it opened with.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some('\n') => out.push('\n'),
                    _ => {}
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                } else if chars[i] == '\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next == Some('\\') {
            // An escaped character: '\n', '\'', '\u{…}'.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `code` without the items compiled for tests only (`#[cfg(test)]`,
/// `#[cfg(all(test, …))]`): a `mod tests;` line, or a braced item.
fn without_tests(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if !(line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(all(test")) {
            out.push(lines[i]);
            i += 1;
            continue;
        }
        i += 1;
        while i < lines.len() && lines[i].trim().starts_with("#[") {
            i += 1;
        }
        let mut depth = 0i32;
        let mut opened = false;
        while i < lines.len() {
            for c in lines[i].chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            let ends = (opened && depth == 0) || (!opened && lines[i].trim_end().ends_with(';'));
            i += 1;
            if ends {
                break;
            }
        }
        out.push(""); // keeps nothing of it
    }
    out.join("\n")
}

/// The crate's modules each `crate::` path of `code` names, with the line:
/// `crate::format::X` and `crate::{format::X, order}` name `format` and
/// `order`; a name the crate root defines or re-exports (`crate::Library`,
/// `crate::Article`) names the module it comes from (`roots`), else `lib`.
fn references(code: &str, roots: &BTreeMap<String, String>) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "crate::".len()..];
            if is_ident(before.as_ref()) && before != Some(':') {
                continue; // `liseuse_crate::`, say
            }
            let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                // Top-level items of the group, up to its closing brace.
                let mut depth = 0;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        match c {
                            '{' => depth += 1,
                            '}' if depth == 0 => return true,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        false
                    })
                    .map_or(group.len(), |(at, _)| at);
                let mut items = Vec::new();
                let mut depth = 0;
                let mut start = 0;
                for (at, c) in group[..end].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            items.push(&group[start..at]);
                            start = at + 1;
                        }
                        _ => {}
                    }
                }
                items.push(&group[start..end]);
                items
            } else {
                vec![rest]
            };
            for name in names {
                let name: String = name
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.is_empty() {
                    continue;
                }
                let module = roots.get(&name).cloned().unwrap_or_else(|| {
                    if name.chars().next().is_some_and(char::is_lowercase)
                        && !roots.contains_key(&name)
                    {
                        name.clone()
                    } else {
                        "lib".to_string()
                    }
                });
                found.push((module, n + 1));
            }
        }
    }
    found
}

/// What the crate root declares: each module (a module's name names itself)
/// and each name it re-exports (`pub use format::{IndexFile, …}`: `format`).
/// A lower-case name the root defines itself (`load_for_query`) is `lib`'s.
fn roots(lib: &str) -> BTreeMap<String, String> {
    let mut roots = BTreeMap::new();
    for line in lib.lines() {
        let line = line.trim();
        if let Some(module) = line
            .strip_prefix("pub mod ")
            .and_then(|m| m.strip_suffix(';'))
        {
            roots.insert(module.to_string(), module.to_string());
        }
    }
    for line in lib.lines() {
        let line = line.trim();
        if let Some(path) = line
            .strip_prefix("pub use ")
            .and_then(|p| p.strip_suffix(';'))
        {
            let Some((module, items)) = path.split_once("::") else {
                continue;
            };
            let items = items.trim_start_matches('{').trim_end_matches('}');
            for item in items.split(',') {
                let item = item.trim();
                let shown = item.rsplit(" as ").next().unwrap_or(item).trim();
                roots.insert(shown.to_string(), module.to_string());
            }
        }
        for prefix in ["pub fn ", "pub struct ", "pub enum ", "pub type "] {
            if let Some(rest) = line.strip_prefix(prefix) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                roots.entry(name).or_insert_with(|| "lib".to_string());
            }
        }
    }
    roots
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// Every import of the core from its own layer or one above, as messages.
fn violations(src: &Path) -> Vec<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let layers = layers(&lib);
    let roots = roots(&code_only(&lib));
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        seen.insert(module.clone());
        let Some(&layer) = layers.get(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is in no layer of the overview",
                relative.display()
            ));
            continue;
        };
        let code = without_tests(&code_only(&std::fs::read_to_string(&file).unwrap()));
        for (used, line) in references(&code, &roots) {
            if used == module {
                continue;
            }
            match layers.get(&used) {
                Some(&other) if other < layer => {}
                Some(&other) => wrong.push(format!(
                    "{}:{line}: `{module}` (layer {layer}) imports `{used}` (layer {other})",
                    relative.display()
                )),
                None => wrong.push(format!(
                    "{}:{line}: `{used}` is in no layer",
                    relative.display()
                )),
            }
        }
    }
    for module in layers.keys() {
        if !seen.contains(module) {
            wrong.push(format!("the overview lists `{module}`, which is no module"));
        }
    }
    wrong
}

#[test]
fn no_module_of_either_crate_imports_one_of_its_layer_or_above() {
    // The read side, and the build side (which may import any module of
    // the read side: the compiler forbids the other way).
    for krate in [".", "../liseuse-build"] {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(krate)
            .join("src");
        let wrong = violations(&src);
        assert!(
            wrong.is_empty(),
            "{krate}: imports against the layers:\n{}",
            wrong.join("\n")
        );
    }
}

#[test]
fn the_reader_of_imports_sees_what_the_compiler_sees() {
    let roots: BTreeMap<String, String> = [
        ("format", "format"),
        ("order", "order"),
        ("Article", "article"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let source = r##"
use crate::{format::{IndexFile, PieceRef}, order};
// crate::indexer in a comment
/* crate::publish
   in a block */
const TEXT: &str = "crate::related";
const RAW: &str = r#"crate::search "quoted" "#;
fn f(a: &crate::Article) -> char { let _ = '{'; '"' }
pub fn g() -> crate::Library { todo!() }
#[cfg(test)]
mod tests {
    use crate::indexer;
    fn h() { let _ = "}"; }
}
#[cfg(all(test, feature = "indexer"))]
mod more;
fn last() { crate::dates::parse(); }
"##;
    let code = without_tests(&code_only(source));
    let mut found: Vec<String> = references(&code, &roots)
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    found.sort();
    assert_eq!(found, ["article", "dates", "format", "lib", "order"]);
}
