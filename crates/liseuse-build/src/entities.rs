//! The people, places and organisations of a collection, found in its text
//! when the index is built, with no model: names are runs of capitalised
//! words.
//!
//! - **Words** are runs of letters, digits, hyphens and apostrophes; an
//!   elision is not part of the name (`l’OTAN` is `OTAN`, `d’Erevan` is
//!   `Erevan`).
//! - **A name word** is a word written with a capital where capitals say
//!   something: in the collection, its capitalised uses away from the start
//!   of a sentence outnumber its lower-case ones. French writes months,
//!   days, nationalities and common words in lower case, so `Selon`, `Le`,
//!   `Octobre` at the start of a sentence are not names; `Bakou` is.
//! - **A name** is a run of capitalised words, trimmed of the words at
//!   either end that are not name words, with `de`, `du`, `des`, `la`, `le`
//!   allowed inside (`Charles de Gaulle`). Punctuation ends a run.
//! - **Spellings merge** by their [`key`]: folded (lower case, no accents),
//!   so `Erevan`, `ÉREVAN` and `l’Erevan` are one name; and a single word
//!   that ends one person's full name only is that person (`Pashinyan` is
//!   `Nikol Pashinyan`). The name shown is the most frequent spelling.
//! - **What a name is** ([`Kind`]) comes from what surrounds it: `M.`,
//!   `président`, `a déclaré` say a person; `à`, `en`, `au` a place; an
//!   acronym or words such as `Union`, `Conseil`, `Ministère` an
//!   organisation. Without a clue: a person when it has two words, a name
//!   otherwise.
//!
//! A name is kept when it is in two articles, or said twice in one; a
//! one-word name only when its capitalised uses are more than
//! [`AMBIGUOUS`] times its lower-case ones.

use std::collections::HashMap;

use liseuse_core::analysis::{fold, is_hyphen};
use liseuse_core::article::Article;
use liseuse_core::model::{is_apostrophe, strip_elision};

use crate::texts::WithText;
pub use liseuse_core::model::{key, Entity, Kind};

/// A one-word name is kept when its capitalised uses are more than this
/// many times its lower-case ones.
pub const AMBIGUOUS: u32 = 3;

/// How many names each article lists as its main ones.
pub const MAIN: usize = 6;

/// How many names that appear with a name most its page lists.
pub const WITH: usize = 8;

/// The names of a collection, sorted by [`key`], and for each article the
/// keys of its main ones (most named first).
pub fn find(articles: &(impl WithText + ?Sized)) -> (Vec<(String, Entity)>, Vec<Vec<String>>) {
    let uses = count_uses(articles);
    let is_name_word = |word: &str| {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let (capital, lower) = uses.get(&fold(word)).copied().unwrap_or_default();
        letters >= 2 && is_capitalised(word) && capital > lower && !is_junk(&fold(word))
    };
    let mut found = mentions(articles, &is_name_word);
    merge_with_article(&mut found);
    let kinds = Kinds::of(&found);
    merge_surnames(&mut found, &kinds);
    let mut entities: Vec<Counted> = (found.into_iter())
        .filter(|(_, f)| f.docs.len() >= 2 || f.mentions >= 2)
        // A single word also common in lower case is ambiguous: `Français`
        // (le français), `Conseil`, `Nord`; not `Paris` or `Bakou`.
        .filter(|(key, _)| {
            let (capital, lower) = uses.get(key.as_str()).copied().unwrap_or_default();
            key.contains(' ') || lower * AMBIGUOUS < capital
        })
        .map(|(key, f)| {
            let kind = kinds.kind_of(&key, &f);
            let (entity, docs) = f.into_entity(kind);
            (key, entity, docs)
        })
        .collect();
    liseuse_core::order::sort_by(&mut entities, |a, b| a.0.cmp(&b.0));
    let main = main_names(&entities, articles.count());
    add_names_with(&mut entities, &main);
    let keys_of = |names: &Vec<(u32, usize)>| -> Vec<String> {
        names.iter().map(|&(_, n)| entities[n].0.clone()).collect()
    };
    let per_article = main.iter().map(keys_of).collect();
    let entities = entities.into_iter().map(|(k, e, _)| (k, e)).collect();
    (entities, per_article)
}

/// A name's key, its entity, and how often each of its documents names it.
type Counted = (String, Entity, Vec<(u32, u32)>);

/// Each word's capitalised uses away from a sentence start, and its
/// lower-case ones (counted a share of the articles a core): which words
/// are name words.
fn count_uses(articles: &(impl WithText + ?Sized)) -> HashMap<String, (u32, u32)> {
    let mut uses: HashMap<String, (u32, u32)> = HashMap::new();
    for share in crate::parallel::in_ranges(articles.count(), |docs| {
        let mut uses: HashMap<String, (u32, u32)> = HashMap::new();
        for doc in docs {
            let article = articles.article(doc);
            for sentence in texts_of(&article).flat_map(sentences) {
                for (i, word) in sentence.iter().enumerate() {
                    let entry = uses.entry(fold(word.text)).or_default();
                    if !is_capitalised(word.text) {
                        entry.1 += 1;
                    } else if i > 0 {
                        entry.0 += 1;
                    }
                }
            }
        }
        uses
    }) {
        for (word, (capital, lower)) in share {
            let entry = uses.entry(word).or_default();
            entry.0 += capital;
            entry.1 += lower;
        }
    }
    uses
}

/// Every mention of a name, by key: its documents, spellings and clues (a
/// share of the articles a core).
fn mentions(
    articles: &(impl WithText + ?Sized),
    is_name_word: &(impl Fn(&str) -> bool + Sync),
) -> HashMap<String, Found> {
    let mut found: HashMap<String, Found> = HashMap::new();
    for share in crate::parallel::in_ranges(articles.count(), |docs| {
        let mut found: HashMap<String, Found> = HashMap::new();
        for doc in docs {
            let article = articles.article(doc);
            for block in texts_of(&article) {
                for sentence in sentences(block) {
                    for (start, end) in runs(&sentence, is_name_word) {
                        found_in(&mut found, &sentence, (start, end), doc as u32);
                    }
                }
            }
        }
        found
    }) {
        for (key, more) in share {
            let entry = found.entry(key).or_default();
            let docs = entry.absorb(more);
            entry.docs.extend(docs); // shares in document order
        }
    }
    found
}

/// Counts the name of words `start..end` of `sentence`, in document `doc`.
fn found_in(
    found: &mut HashMap<String, Found>,
    sentence: &[Word<'_>],
    (start, end): (usize, usize),
    doc: u32,
) {
    let words = &sentence[start..end];
    let spelling = (words.iter().map(|w| w.text)).collect::<Vec<_>>().join(" ");
    let entry = found.entry(key(&spelling)).or_default();
    let before = start.checked_sub(1).map(|i| fold(sentence[i].text));
    if before.is_some_and(|b| list("place before").contains(&b.as_str())) {
        entry.after_place_word += 1;
    }
    *entry.spellings.entry(spelling).or_default() += 1;
    if let Some(kind) = clue(sentence, start, end) {
        *entry.clues.entry(kind).or_default() += 1;
    }
    entry.mentions += 1;
    match entry.docs.last_mut() {
        Some((d, n)) if *d == doc => *n += 1,
        _ => entry.docs.push((doc, 1)),
    }
}

/// `Le Parisien` and `Parisien`, `Les Républicains` and `Républicains`,
/// `Le Mans` and `Mans`: one name, under the key without the article,
/// shown as most often written.
fn merge_with_article(found: &mut HashMap<String, Found>) {
    let with_article: Vec<(String, String)> = (found.keys())
        .filter_map(|key| {
            let rest = ["le ", "la ", "les "]
                .iter()
                .find_map(|a| key.strip_prefix(a))?;
            found
                .contains_key(rest)
                .then(|| (key.clone(), rest.to_string()))
        })
        .collect();
    for (long, short) in with_article {
        let Some(long) = found.remove(&long) else {
            continue;
        };
        let Some(into) = found.get_mut(&short) else {
            continue;
        };
        let docs = into.absorb(long);
        add_docs(&mut into.docs, docs);
    }
}

/// What the clues say of a name, the likeliest first. Of two kinds as
/// often said, the first in `Kind`'s order (a person first): never the
/// hash map's order, which changes from run to run.
fn by_clues(f: &Found) -> Option<Kind> {
    let best = (f.clues.iter()).max_by_key(|(kind, n)| (**n, std::cmp::Reverse(**kind as u8)));
    best.map(|(kind, _)| *kind)
}

/// What the names found say of each other's kind: first names, places and
/// bodies, surnames.
struct Kinds {
    /// First names: the first words of the names that clues say are people
    /// (`le président Emmanuel Macron`), unless the word is more often a
    /// name of its own (`France` of `France Gall`); with those names.
    firsts: HashMap<String, (Vec<String>, u32)>,
    /// One-word names the clues say are places or organisations.
    bodies: std::collections::HashSet<String>,
    /// The mentions of people's full names, by their last word.
    as_surname: HashMap<String, u32>,
}

impl Kinds {
    fn of(found: &HashMap<String, Found>) -> Kinds {
        let mut firsts: HashMap<String, (Vec<String>, u32)> = HashMap::new();
        let mut as_surname: HashMap<String, u32> = HashMap::new();
        for (key, f) in found {
            if by_clues(f) != Some(Kind::Person) {
                continue;
            }
            if let Some((first, _)) = key.split_once(' ') {
                let (names, mentions) = firsts.entry(first.to_string()).or_default();
                names.push(key.clone());
                *mentions += f.mentions;
            }
            if let Some((_, last)) = key.rsplit_once(' ') {
                *as_surname.entry(last.to_string()).or_default() += f.mentions;
            }
        }
        firsts.retain(|first, (_, n)| {
            !list("place words").contains(&first.as_str())
                && !list("place heads").contains(&first.as_str())
                && found.get(first).is_none_or(|alone| alone.mentions < *n)
        });
        let bodies = (found.iter())
            .filter(|(key, f)| {
                !key.contains(' ') && matches!(by_clues(f), Some(Kind::Place | Kind::Organisation))
            })
            .map(|(key, _)| key.clone())
            .collect();
        Kinds {
            firsts,
            bodies,
            as_surname,
        }
    }

    /// A name's own first word is a first name when another person has it
    /// (`New York` said `a annoncé` does not make `New` one).
    fn has_first_name(&self, key: &str) -> bool {
        (key.split_once(' ')).is_some_and(|(first, _)| {
            (self.firsts.get(first)).is_some_and(|(names, _)| names.iter().any(|n| *n != key))
        })
    }

    fn is_place_or_body(&self, word: &str) -> bool {
        known_kind(word).is_some() || self.bodies.contains(word)
    }

    /// What name `key`, found as `f`, is.
    fn kind_of(&self, key: &str, f: &Found) -> Kind {
        if let Some(kind) = known_kind(key) {
            return kind;
        }
        let words = key.split(' ').count();
        let first_name = self.has_first_name(key);
        // A word said alone half as often as in full names is a surname
        // (`Sarkozy`, not `Paris`).
        let surname = words == 1 && (self.as_surname.get(key)).is_some_and(|n| 2 * n >= f.mentions);
        match by_clues(f) {
            // Mostly after `à`, `en`…: `New York`, `Los Angeles`.
            _ if words > 1 && 2 * f.after_place_word > f.mentions => Kind::Place,
            // A first name says a person (`écrit à Anne Hidalgo` is no place).
            _ if first_name && words <= 3 => Kind::Person,
            Some(Kind::Organisation) => Kind::Organisation,
            // A surname alone (`Sarkozy`), or a first name alone (`Brigitte`, `Johnny`).
            _ if surname || (words == 1 && self.firsts.contains_key(key)) => Kind::Person,
            Some(kind) => kind,
            // Capitalised words, none a place or an organisation of its
            // own (`Antony Blinken`; not `Paris Bercy`, `Congrès du PS`).
            None if words > 1
                && key
                    .split(' ')
                    .all(|w| !is_particle(w) && !self.is_place_or_body(w)) =>
            {
                Kind::Person
            }
            None => Kind::Other,
        }
    }
}

/// A surname alone is the one person whose full name ends with it (the
/// only one, or the one named four times more than all the others:
/// `Macron` is `Emmanuel Macron`); never an acronym (`PS` is no surname of
/// `Congrès du PS`), nor a name known or said by the clues to be something
/// else.
fn merge_surnames(found: &mut HashMap<String, Found>, kinds: &Kinds) {
    let mut surnames: HashMap<String, Vec<String>> = HashMap::new();
    for (key, f) in found.iter() {
        if let Some((_, last)) = key.rsplit_once(' ') {
            if kinds.kind_of(key, f) == Kind::Person {
                surnames
                    .entry(last.to_string())
                    .or_default()
                    .push(key.clone());
            }
        }
    }
    surnames.retain(|short, _| {
        (found.get(short)).is_some_and(|alone| {
            let acronym = (alone.spellings.keys()).all(|s| {
                s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            });
            !acronym
                && known_kind(short).is_none()
                && matches!(by_clues(alone), None | Some(Kind::Person))
        })
    });
    let mut merges: Vec<(String, String)> = Vec::new();
    for (short, fulls) in &surnames {
        if !found.contains_key(short) {
            continue;
        }
        let mentions = |key: &String| found.get(key).map_or(0, |f| f.mentions);
        let Some(top) = fulls
            .iter()
            .max_by_key(|k| (mentions(k), std::cmp::Reverse(*k)))
        else {
            continue;
        };
        let others: u32 = fulls.iter().filter(|k| *k != top).map(mentions).sum();
        if mentions(top) >= 4 * others {
            merges.push((short.clone(), top.clone()));
        }
    }
    for (short, full) in merges {
        let Some(alone) = found.remove(&short) else {
            continue;
        };
        let Some(whole) = found.get_mut(&full) else {
            continue;
        };
        whole.mentions += alone.mentions;
        add_docs(&mut whole.docs, alone.docs);
    }
}

/// Each article's main names (their count there, their number), most
/// named first.
fn main_names(entities: &[Counted], articles: usize) -> Vec<Vec<(u32, usize)>> {
    let mut main: Vec<Vec<(u32, usize)>> = vec![Vec::new(); articles];
    for (number, (_, _, docs)) in entities.iter().enumerate() {
        for &(doc, count) in docs {
            main[doc as usize].push((count, number));
        }
    }
    for names in &mut main {
        liseuse_core::order::sort_by(names, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        names.truncate(MAIN);
    }
    main
}

/// Gives each name the names that appear with it most: in the same
/// articles' main names.
fn add_names_with(entities: &mut [Counted], main: &[Vec<(u32, usize)>]) {
    let mut with: Vec<HashMap<usize, u32>> = vec![HashMap::new(); entities.len()];
    for names in main {
        for &(_, a) in names {
            for &(_, b) in names {
                if a != b {
                    *with[a].entry(b).or_default() += 1;
                }
            }
        }
    }
    let shown: Vec<String> = entities.iter().map(|(_, e, _)| e.name.clone()).collect();
    for (number, (_, entity, _)) in entities.iter_mut().enumerate() {
        let mut others: Vec<(usize, u32)> = with[number].iter().map(|(&n, &c)| (n, c)).collect();
        liseuse_core::order::sort_by(&mut others, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        entity.with = others
            .into_iter()
            .take(WITH)
            .map(|(n, _)| shown[n].clone())
            .collect();
    }
}

/// Adds the mentions per document of `more` to `docs` (ascending by document).
fn add_docs(docs: &mut Vec<(u32, u32)>, more: Vec<(u32, u32)>) {
    let mut counts: HashMap<u32, u32> = docs.iter().copied().collect();
    for (doc, n) in more {
        *counts.entry(doc).or_default() += n;
    }
    *docs = counts.into_iter().collect();
    liseuse_core::order::sort(docs);
}

/// The title and text blocks of an article.
fn texts_of(article: &Article) -> impl Iterator<Item = &str> {
    std::iter::once(article.title.as_str()).chain(article.blocks.iter().map(|b| b.text.as_str()))
}

/// Every mention of one name (see [`find`]).
#[derive(Default)]
struct Found {
    spellings: HashMap<String, u32>,
    clues: HashMap<Kind, u32>,
    /// Mentions after `à`, `au`, `en`…: a place, unless the name is a
    /// person's (`a écrit à Anne Hidalgo`), which first names tell.
    after_place_word: u32,
    docs: Vec<(u32, u32)>,
    mentions: u32,
}

impl Found {
    /// Adds the spellings, clues and mentions of `other` to these; gives
    /// back its documents, for the caller to add as they come.
    fn absorb(&mut self, other: Found) -> Vec<(u32, u32)> {
        for (spelling, n) in other.spellings {
            *self.spellings.entry(spelling).or_default() += n;
        }
        for (kind, n) in other.clues {
            *self.clues.entry(kind).or_default() += n;
        }
        self.after_place_word += other.after_place_word;
        self.mentions += other.mentions;
        other.docs
    }

    /// The entity of kind `kind` found so, shown as most often written;
    /// and how often each of its documents names it.
    fn into_entity(self, kind: Kind) -> (Entity, Vec<(u32, u32)>) {
        let name = (self.spellings.iter())
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        let entity = Entity {
            name,
            kind,
            docs: self.docs.iter().map(|(d, _)| *d).collect(),
            mentions: self.mentions,
            with: Vec::new(),
            quotes: String::new(),
        };
        (entity, self.docs)
    }
}

/// A word of a text, and whether punctuation (not a space) stands before it.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    /// Punctuation between it and the word before: a run does not cross it.
    after_punctuation: bool,
    /// Whether it came after an elided article (`l’Iran`).
    after_article: bool,
}

/// The sentences of a block, as words (elisions off).
fn sentences(text: &str) -> Vec<Vec<Word<'_>>> {
    let mut sentences = vec![Vec::new()];
    let mut punctuation = false;
    let mut start = None;
    for (at, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || is_hyphen(c) || is_apostrophe(c);
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                push_glued(&mut sentences, &text[from..at], punctuation);
                punctuation = false;
                start = None;
            }
            _ => {}
        }
        if !in_word && !c.is_whitespace() {
            if matches!(c, '.' | '!' | '?' | '…' | ':' | ';') {
                if sentences.last().is_some_and(|s| !s.is_empty()) {
                    sentences.push(Vec::new());
                }
            } else {
                punctuation = true;
            }
        }
    }
    if let Some(from) = start {
        push_glued(&mut sentences, &text[from..], punctuation);
    }
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// Pushes `word`, or the two words glued in it where a page lost the end
/// of a sentence (`MacronSelon`, `BFMTVLe`: a sentence ends after the first).
fn push_glued<'a>(sentences: &mut Vec<Vec<Word<'a>>>, word: &'a str, after_punctuation: bool) {
    match glued_at(word) {
        Some(at) => {
            push_word(sentences, &word[..at], after_punctuation);
            sentences.push(Vec::new());
            push_word(sentences, &word[at..], false);
        }
        None => push_word(sentences, word, after_punctuation),
    }
}

/// Where a word of the first word of a sentence starts inside `word`: a
/// capital after two letters or more, then lower case, the rest being a
/// word that starts sentences (`Selon`, `Le`, `Dans`). `McDonald`,
/// `TikTok` and `LinkedIn` go on as names, and stay whole.
fn glued_at(word: &str) -> Option<usize> {
    let sentence_starts = list("sentence starts");
    let mut letters = 0;
    let mut previous: Option<char> = None;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && letters >= 2 && previous.is_some_and(char::is_alphabetic) {
            let rest = &word[at..];
            let second = rest.chars().nth(1);
            if second.is_some_and(char::is_lowercase)
                && sentence_starts.contains(&fold(rest).as_str())
            {
                return Some(at);
            }
        }
        letters += usize::from(c.is_alphabetic());
        previous = Some(c);
    }
    None
}

fn push_word<'a>(sentences: &mut Vec<Vec<Word<'a>>>, word: &'a str, after_punctuation: bool) {
    let whole = word.trim_matches(|c: char| is_hyphen(c) || is_apostrophe(c));
    let word = strip_elision(whole);
    let after_article = word.len() < whole.len()
        && (whole.chars().next()).is_some_and(|first| fold(first.encode_utf8(&mut [0; 4])) == "l");
    if let (false, Some(sentence)) = (word.is_empty(), sentences.last_mut()) {
        sentence.push(Word {
            text: word,
            after_punctuation,
            after_article,
        });
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Words that are never a name on their own, even capitalised mid-sentence
/// (titles and furniture of news pages).
fn is_junk(folded: &str) -> bool {
    let junk = list("junk");
    junk.contains(&folded)
}

/// What a name is, known before any clue: media and platforms (`BFMTV`,
/// `Twitter`, `France Inter`), diseases and holidays (a name, neither
/// place nor person), parties and a few institutions and firms.
fn known_kind(key: &str) -> Option<Kind> {
    let media = list("media");
    let other = list("other");
    let organisations = list("organisations");
    let word = |list: &[&str]| list.contains(&key);
    if word(media) || key.starts_with("france bleu ") || key.starts_with("bfmtv ") {
        Some(Kind::Media)
    } else if word(other) || key.starts_with("covid") {
        Some(Kind::Other)
    } else if word(organisations) {
        Some(Kind::Organisation)
    } else {
        None
    }
}

/// Particles allowed inside a name (`Charles de Gaulle`); not `le` or
/// `la`, which join a name to what follows (`à Versailles le Parlement`).
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "du" | "des" | "von" | "van" | "al" | "ben" | "bin"
    )
}

/// The names of a sentence, as word ranges.
fn runs(sentence: &[Word<'_>], is_name_word: &impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < sentence.len() {
        if !is_capitalised(sentence[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < sentence.len() && !sentence[end].after_punctuation {
            let word = sentence[end].text;
            // An elided article starts another name: `Moscou l’Arménie` is
            // two (`Côte d’Ivoire`, with `d’`, stays one).
            if is_capitalised(word) && !sentence[end].after_article {
                end += 1;
            } else if end == start + 1
                && is_particle(word)
                && sentence.get(end + 1).is_some_and(|w| {
                    // `des` before a name of its own is not part of a name:
                    // `TikTok des Etats-Unis` is two (`Ministère des Armées` one).
                    is_capitalised(w.text)
                        && !w.after_punctuation
                        && !(word == "des" && is_name_word(w.text))
                })
            {
                // One word, then a particle: `Charles de Gaulle` (not
                // `Édouard Philippe de Matignon`).
                end += 2;
            } else {
                break;
            }
        }
        i = end;
        // Trimmed of what is not a name at either end.
        let (mut from, mut to) = (start, end);
        // `Maison Blanche`: a word that names a place with the next one; a
        // capital `Le` inside a sentence, part of the name (`Le Pen`,
        // `Le Monde`, `Le Mans`; a sentence's first `Le` is only an article).
        let head = |i: usize| {
            let word = fold(sentence[i].text);
            let article = i > 0 && matches!(word.as_str(), "le" | "la" | "les");
            (list("place heads").contains(&word.as_str()) || article)
                && sentence
                    .get(i + 1)
                    .is_some_and(|w| i + 1 < to && is_name_word(w.text))
        };
        while from < to && !is_name_word(sentence[from].text) && !head(from) {
            from += 1;
        }
        // `Bruno Le Maire`, `Marine Le Pen`: a capital `Le` joins a surname.
        let surname = |to: usize| {
            to >= from + 3
                && matches!(fold(sentence[to - 2].text).as_str(), "le" | "la")
                && is_capitalised(sentence[to - 2].text)
        };
        while to > from && !is_name_word(sentence[to - 1].text) && !surname(to) {
            to -= 1;
        }
        // An institution is named by a capital and a lower-case word:
        // `Assemblée nationale`, `Front national`, `Union européenne`.
        let head = (to == from + 1).then(|| fold(sentence[from].text));
        if let (Some(head), Some(next)) = (head, sentence.get(to)) {
            let lower = next.text.chars().all(|c| c.is_lowercase() || is_hyphen(c));
            if list("institutions").contains(&head.as_str())
                && !next.after_punctuation
                && lower
                && next.text.chars().count() > 3
                && !is_particle(next.text)
            {
                to += 1;
                i = i.max(to);
            }
        }
        if from < to && to - from <= 5 {
            runs.push((from, to));
        }
    }
    runs
}

/// What the words around a name say it is.
fn clue(sentence: &[Word<'_>], start: usize, end: usize) -> Option<Kind> {
    let words = &sentence[start..end];
    let acronym = words.len() == 1
        && (2..=6).contains(&words[0].text.chars().count())
        && words[0]
            .text
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    let organisation_words = list("organisation words");
    if acronym
        || words
            .iter()
            .any(|w| organisation_words.contains(&fold(w.text).as_str()))
    {
        return Some(Kind::Organisation);
    }
    let before = (start.checked_sub(1))
        .map(|i| fold(sentence[i].text))
        .unwrap_or_default();
    let just_before = before.as_str();
    let person_before = list("person before");
    if person_before.contains(&just_before) {
        return Some(Kind::Person);
    }
    let first = fold(words[0].text);
    if list("place words").contains(&first.as_str())
        || list("place heads").contains(&first.as_str())
    {
        return Some(Kind::Place);
    }
    // `à`, `le`, `la` come before people too (`a demandé à Emmanuel
    // Macron`): they say a place of a one-word name only.
    if words.len() > 1 {
        let place = matches!(just_before, "en" | "region" | "ville" | "capitale");
        return (place.then_some(Kind::Place)).or_else(|| person_after(sentence, end));
    }
    // Countries and regions take an article in French; people do not.
    let article = words[0].after_article || matches!(just_before, "la" | "le" | "les");
    if list("place before").contains(&just_before) || article {
        return Some(Kind::Place);
    }
    person_after(sentence, end)
}

/// `… a déclaré`, `… a affirmé` after a name: a person.
fn person_after(sentence: &[Word<'_>], end: usize) -> Option<Kind> {
    let after: Vec<String> = sentence[end..(end + 2).min(sentence.len())]
        .iter()
        .map(|w| fold(w.text))
        .collect();
    let says = [
        "declare", "dit", "affirme", "annonce", "ajoute", "estime", "indique", "souligne",
    ];
    let said = after.first().is_some_and(|w| w == "a")
        && after.get(1).is_some_and(|w| says.contains(&w.as_str()));
    said.then_some(Kind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_list_is_read_from_the_data_file() {
        let names = [
            "sentence starts",
            "junk",
            "place words",
            "place heads",
            "place before",
            "media",
            "other",
            "organisations",
            "institutions",
            "organisation words",
            "person before",
        ];
        let lists = read_lists(include_str!("entities/words.txt"));
        let read: Vec<&str> = lists.iter().map(|(name, _)| *name).collect();
        assert_eq!(read, names, "the lists the code reads, and no other");
        for name in names {
            assert!(list(name).len() >= 5, "{name}: {:?}", list(name));
            assert!(list(name).iter().all(|w| !w.is_empty() && w.trim() == *w));
        }
        assert!(list("media").contains(&"bfm tv") && list("junk").contains(&"photo"));
        assert_eq!(
            read_lists("# a\n[a]\nx\n\n# b\n y \n[b]\n"),
            [("a", vec!["x", "y"]), ("b", vec![])]
        );
    }
    use liseuse_core::article::parse_capture;

    fn articles() -> Vec<Article> {
        [
            ("a", "Trêve au Haut-Karabakh\n\nSelon Nikol Pashinyan, la trêve tient. Le Premier ministre Nikol Pashinyan a déclaré que l'OTAN observe. Le 3 octobre, Pashinyan était à Erevan."),
            ("b", "L’OTAN à Bakou\n\nJens Stoltenberg a salué Bakou. Octobre fut calme à Bakou, selon l’OTAN et Jens Stoltenberg."),
            ("c", "Erevan attend\n\nÀ Erevan, Nikol Pashinyan attend. Le président Ilham Aliyev répond depuis Bakou ; l'armée du Haut-Karabakh se retire."),
        ]
        .iter()
        .map(|(id, text)| parse_capture(id, text).unwrap())
        .collect()
    }

    /// The keys of the names found in the fixture articles and one more
    /// article of `text`.
    fn keys_with(text: &str) -> Vec<String> {
        let mut articles = articles();
        articles.push(parse_capture("more", text).unwrap());
        find(&articles).0.into_iter().map(|(key, _)| key).collect()
    }

    #[test]
    fn a_name_as_often_a_place_as_an_organisation_is_the_same_kind_every_time() {
        // One clue says an organisation (an acronym), one a place (after `à`).
        let articles: Vec<Article> = [
            ("x", "Un vote\n\nLe ZORBAK a voté hier soir."),
            ("y", "Un voyage\n\nIl vit à Zorbak depuis hier."),
        ]
        .iter()
        .map(|(id, text)| parse_capture(id, text).unwrap())
        .collect();
        let kind = || {
            let (names, _) = find(&articles);
            names
                .into_iter()
                .find(|(key, _)| key == "zorbak")
                .unwrap()
                .1
                .kind
        };
        // Every run of a build gives the same bytes: the tie is never left to a hash map.
        let kinds: Vec<Kind> = (0..40).map(|_| kind()).collect();
        assert!(kinds.iter().all(|k| *k == Kind::Place), "{kinds:?}");
    }

    #[test]
    fn an_elided_article_or_des_before_a_name_starts_another_name() {
        let keys = keys_with(
            "Une aide\n\nLa demande d'aide à Bakou l'Arménie la juge vaine. Erevan parle pour l'Arménie, et l'Arménie attend ; Bakou et l'Arménie négocient, sans l'Arménie.",
        );
        assert!(!keys.iter().any(|k| k.starts_with("bakou ")), "{keys:?}");
        assert!(
            keys.iter().any(|k| k == "bakou") && keys.iter().any(|k| k == "armenie"),
            "{keys:?}"
        );
        // `des` before a name of its own.
        let keys = keys_with(
            "Réseaux\n\nLe réseau TikTok des Etats-Unis attend. Les Etats-Unis et TikTok discutent ; les Etats-Unis hésitent, TikTok aussi, et le Ministère des Armées observe les Etats-Unis.",
        );
        assert!(
            !keys.iter().any(|k| k == "tiktok des etats-unis"),
            "{keys:?}"
        );
        assert!(
            keys.iter().any(|k| k == "tiktok") && keys.iter().any(|k| k == "etats-unis"),
            "{keys:?}"
        );
    }

    #[test]
    fn names_merge_across_spellings_and_elisions_and_junk_is_left_out() {
        let (entities, per_article) = find(&articles());
        let keys: Vec<&str> = entities.iter().map(|(k, _)| k.as_str()).collect();
        for name in [
            "nikol pashinyan",
            "otan",
            "bakou",
            "erevan",
            "jens stoltenberg",
            "haut-karabakh",
        ] {
            assert!(keys.contains(&name), "{name} in {keys:?}");
        }
        for junk in [
            "selon",
            "le",
            "octobre",
            "pashinyan",
            "l'otan",
            "premier",
            "a",
        ] {
            assert!(!keys.contains(&junk), "{junk} in {keys:?}");
        }
        let get = |key: &str| &entities.iter().find(|(k, _)| k == key).unwrap().1;
        let pashinyan = get("nikol pashinyan");
        assert_eq!(pashinyan.name, "Nikol Pashinyan");
        assert_eq!(pashinyan.docs, [0, 2]);
        assert_eq!(pashinyan.mentions, 4, "the surname alone counts for him");
        assert_eq!(pashinyan.kind, Kind::Person);
        assert_eq!(get("otan").kind, Kind::Organisation);
        assert_eq!(get("bakou").kind, Kind::Place);
        assert_eq!(get("erevan").kind, Kind::Place);
        assert_eq!(get("otan").name, "OTAN");
        assert!(per_article[0].contains(&"nikol pashinyan".to_string()));
        assert!(
            get("bakou").with.contains(&"OTAN".to_string()),
            "{:?}",
            get("bakou").with
        );
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted by key");
    }

    #[test]
    fn glued_words_split_media_and_diseases_have_their_kinds_and_le_joins_a_surname() {
        let mut articles = articles();
        for (id, text) in [
            ("g1", "Réforme\n\nLa réforme plaît à Emmanuel MacronSelon le JDD, elle avance. Le ministre Bruno Le Maire a déclaré sur Twitter et sur BFMTV que le Covid-19 recule."),
            ("g2", "Congrès\n\nSelon le JDD, Bruno Le Maire a déclaré que le Congrès du PS aura lieu. Le PS vote, le PS attend. Sur Twitter, le Covid-19 à Paris, et BFMTV à Paris. Le président Emmanuel MacronDans un entretien, il parle. Il répond à Les Républicains, puis les Républicains votent. La présidente Brigitte Macron parle, Brigitte Macron écrit, et Brigitte Macron lit ; on écrit à Brigitte, à Brigitte aussi."),
        ] {
            articles.push(parse_capture(id, text).unwrap());
        }
        let (entities, _) = find(&articles);
        let get = |key: &str| entities.iter().find(|(k, _)| k == key).map(|(_, e)| e);
        let keys: Vec<&str> = entities.iter().map(|(k, _)| k.as_str()).collect();
        assert!(!keys.iter().any(|k| k.contains("selon")), "{keys:?}");
        assert!(keys.contains(&"emmanuel macron"), "{keys:?}");
        assert_eq!(
            get("bruno le maire").map(|e| e.kind),
            Some(Kind::Person),
            "{keys:?}"
        );
        assert_eq!(get("bruno"), None);
        for media in ["twitter", "bfmtv", "jdd"] {
            assert_eq!(get(media).map(|e| e.kind), Some(Kind::Media), "{media}");
        }
        assert_eq!(get("covid-19").map(|e| e.kind), Some(Kind::Other));
        // `PS` is not the surname of `Congrès du PS`.
        assert_eq!(get("ps").map(|e| e.kind), Some(Kind::Organisation));
        assert_ne!(get("congres du ps").map(|e| e.kind), Some(Kind::Person));
        // A first name alone is a person, even after `à`.
        assert_eq!(
            get("brigitte").map(|e| e.kind),
            Some(Kind::Person),
            "{keys:?}"
        );
        // `Les Républicains` and `Républicains` are one name, under the key without the article.
        assert_eq!(get("les republicains"), None, "{keys:?}");
        let republicains = get("republicains").expect("Républicains");
        assert_eq!(
            (republicains.mentions, republicains.kind),
            (2, Kind::Organisation)
        );
        assert_eq!(glued_at("McDonald"), None);
        assert_eq!(glued_at("TikTok"), None);
        assert_eq!(glued_at("BFMTVLe"), Some(5));
    }

    #[test]
    fn a_key_is_the_same_for_every_spelling() {
        assert_eq!(key("l’OTAN"), "otan");
        assert_eq!(key("  Érevan "), key("erevan"));
        assert_eq!(key("Nikol   Pashinyan"), "nikol pashinyan");
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;
    use crate::indexer::build_dir;
    use liseuse_core::Library;

    #[test]
    fn names_are_found_by_key_in_a_whole_or_split_index_and_listed_with_their_articles() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let (file, _, _) = build_dir(&dir).unwrap();
        let whole = Library::new(file.clone());
        let bakou = whole.entity("bakou").expect("Bakou in the seeds");
        assert_eq!((bakou.name.as_str(), bakou.kind), ("Bakou", Kind::Place));
        assert!(bakou.docs.len() >= 3);
        for &doc in &bakou.docs {
            let article = whole.article_at(doc);
            assert!(
                article.names.iter().any(|n| key(n) == "bakou")
                    || article.body_text().contains("Bakou")
            );
        }
        let (first, pieces) = file.split(liseuse_core::format::PieceSizes::about(300));
        let split = Library::from_bytes(&first.to_bytes()).unwrap();
        assert_eq!(split.entity("bakou"), None, "not before its piece");
        // The name index, then the name's piece.
        for round in ["nameindex-", "names-"] {
            let missing = split.missing_for_name("bakou");
            assert_eq!(missing.len(), 1);
            assert!(missing[0].starts_with(round), "{missing:?}");
            let bytes = &pieces.iter().find(|(n, _)| *n == missing[0]).unwrap().1;
            split.add_piece(&missing[0], bytes).unwrap();
        }
        assert!(split.missing_for_name("bakou").is_empty());
        assert_eq!(split.entity("bakou"), whole.entity("bakou"));
        assert_eq!(split.entity("nulle part"), None);
        // (All but the whole postings, which a first visit reads.)
        let unread = first.pieces.whole_files();
        for (name, bytes) in pieces.iter().filter(|(n, _)| !unread.contains(n)) {
            split.add_piece(name, bytes).unwrap();
        }
        for entity in whole.articles().iter().flat_map(|a| &a.names) {
            assert_eq!(
                split.entity(&key(entity)),
                whole.entity(&key(entity)),
                "{entity}"
            );
        }
    }
}

/// The word list `name` of `entities/words.txt` (see there).
fn list(name: &str) -> &'static [&'static str] {
    static LISTS: std::sync::OnceLock<Vec<(&str, Vec<&str>)>> = std::sync::OnceLock::new();
    let lists = LISTS.get_or_init(|| read_lists(include_str!("entities/words.txt")));
    let found = lists.iter().find(|(list, _)| *list == name);
    found.map_or(&[], |(_, words)| words.as_slice())
}

/// The lists of `text`: `[name]` then its words, one a line; `#` comments.
fn read_lists(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut lists: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            lists.push((name, Vec::new()));
        } else if !line.is_empty() && !line.starts_with('#') {
            if let Some((_, words)) = lists.last_mut() {
                words.push(line);
            }
        }
    }
    lists
}
