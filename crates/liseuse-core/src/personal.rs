//! What a reader keeps of a collection, in their own browser: reading
//! [`Settings`], and [`Shelf`] (articles read, saved for later, recently
//! read). Both are defined here once, with the one JSON form the app stores
//! and the one file it exports and imports ([`export`], [`import`]).
//!
//! Stored values come from a browser that anything may have written to: an
//! older version, another site, a hand edit, a full disk cutting a write
//! short. Reading never fails: what cannot be understood is left out, field
//! by field, and a value that is not ours at all gives the defaults.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::annotation::Highlight;
use crate::text::Text;

/// Bumped when what is stored changes meaning: values of another version
/// are then ignored (stored) or refused with a message (imported).
pub const VERSION: u64 = 1;

/// The most recently read articles kept.
pub const RECENT: usize = 20;

/// The text sizes offered, in CSS pixels of the reading text.
pub const TEXT_SIZES: [u8; 7] = [15, 16, 17, 18, 20, 22, 25];

/// What the text size is before the reader chooses (18 px).
const DEFAULT_SIZE: usize = 3;

/// The colours of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// The system's choice (`prefers-color-scheme`).
    #[default]
    System,
    /// Dark text on white.
    Light,
    /// Dark brown on warm paper.
    Sepia,
    /// Light text on near black.
    Dark,
}

/// The typeface of the reading text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Font {
    /// A book face (Georgia, Charter…).
    #[default]
    Serif,
    /// The system's sans-serif face.
    Sans,
}

/// How long the lines of the reading text are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Width {
    /// About 55 characters.
    Narrow,
    /// About 68 characters.
    #[default]
    Normal,
    /// About 85 characters.
    Wide,
}

/// Names as stored (and as `<html data-…>` attributes carry them, which
/// the stylesheet and `boot.js` read before the app starts), and labels as
/// the settings dialog offers them: the labels of [`Text`], in the same order.
trait Named: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [(Self, &'static str)];

    fn labels(text: &Text) -> &[&'static str];

    fn entry(self) -> Option<(usize, &'static (Self, &'static str))> {
        Self::ALL
            .iter()
            .enumerate()
            .find(|(_, (value, _))| *value == self)
    }
}

impl Named for Theme {
    fn labels(text: &Text) -> &[&'static str] {
        &text.themes
    }

    const ALL: &'static [(Self, &'static str)] = &[
        (Theme::System, "system"),
        (Theme::Light, "light"),
        (Theme::Sepia, "sepia"),
        (Theme::Dark, "dark"),
    ];
}

impl Named for Font {
    fn labels(text: &Text) -> &[&'static str] {
        &text.fonts
    }

    const ALL: &'static [(Self, &'static str)] = &[(Font::Serif, "serif"), (Font::Sans, "sans")];
}

impl Named for Width {
    fn labels(text: &Text) -> &[&'static str] {
        &text.widths
    }

    const ALL: &'static [(Self, &'static str)] = &[
        (Width::Narrow, "narrow"),
        (Width::Normal, "normal"),
        (Width::Wide, "wide"),
    ];
}

macro_rules! names {
    ($($kind:ty),*) => {$(
        impl $kind {
            /// Every choice, in the order offered.
            pub fn all() -> impl Iterator<Item = Self> {
                <Self as Named>::ALL.iter().map(|(value, _)| *value)
            }

            /// Its name, as stored and as its `<html data-…>` attribute.
            pub fn name(self) -> &'static str {
                self.entry().map_or("", |(_, (_, name))| name)
            }

            /// What the settings dialog calls it, in the language of `text`.
            pub fn label(self, text: &Text) -> &'static str {
                (self.entry())
                    .and_then(|(i, _)| <Self as Named>::labels(text).get(i))
                    .map_or("", |label| label)
            }

            /// The choice named `name`, if any.
            pub fn from_name(name: &str) -> Option<Self> {
                (<Self as Named>::ALL.iter())
                    .find(|(_, n)| *n == name)
                    .map(|(value, _)| *value)
            }
        }
    )*};
}
names!(Theme, Font, Width);

/// How the reader wants to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Colours.
    pub theme: Theme,
    /// Index into [`TEXT_SIZES`].
    pub size: usize,
    /// Typeface of the text.
    pub font: Font,
    /// Line length.
    pub width: Width,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::default(),
            size: DEFAULT_SIZE,
            font: Font::default(),
            width: Width::default(),
        }
    }
}

impl Settings {
    /// The stored form: `{"v":1,"theme":"sepia","size":3,"px":18,"font":"serif","width":"normal"}`
    /// (`px` for `boot.js`, which applies the settings before the app starts;
    /// it is not read back).
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }

    fn to_value(self) -> Value {
        json!({
            "v": VERSION,
            "theme": self.theme.name(),
            "size": self.size,
            "px": self.text_px(),
            "font": self.font.name(),
            "width": self.width.name(),
        })
    }

    /// Reads the stored form; whatever is missing, unknown or of another
    /// version is the default.
    pub fn from_json(text: &str) -> Settings {
        stored(text).map_or_else(Settings::default, |v| Settings::from_value(&v))
    }

    fn from_value(value: &Value) -> Settings {
        let name = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or("");
        let default = Settings::default();
        Settings {
            theme: Theme::from_name(name("theme")).unwrap_or(default.theme),
            size: (value.get("size").and_then(Value::as_u64))
                .map(|s| s as usize)
                .filter(|&s| s < TEXT_SIZES.len())
                .unwrap_or(default.size),
            font: Font::from_name(name("font")).unwrap_or(default.font),
            width: Width::from_name(name("width")).unwrap_or(default.width),
        }
    }

    /// The text size in CSS pixels.
    pub fn text_px(&self) -> u8 {
        TEXT_SIZES[self.size.min(TEXT_SIZES.len() - 1)]
    }

    /// One step larger (`+1`) or smaller (`-1`), within [`TEXT_SIZES`].
    pub fn resized(self, step: isize) -> Settings {
        let size = (self.size.saturating_add_signed(step)).min(TEXT_SIZES.len() - 1);
        Settings { size, ..self }
    }
}

/// A stored value of this [`VERSION`], as JSON; none for anything else.
fn stored(text: &str) -> Option<Value> {
    let value: Value = serde_json::from_str(text).ok()?;
    (value.get("v").and_then(Value::as_u64) == Some(VERSION)).then_some(value)
}

/// A moment, in milliseconds since 1970 (what `Date.now()` says).
pub type Millis = u64;

/// A search a reader follows: its query and the filters it was made with.
/// After an update, the home page says how many of its results are new.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Followed {
    /// The query, as typed.
    pub query: String,
    /// Only articles from this source.
    pub source: Option<String>,
    /// Only articles of this year.
    pub year: Option<String>,
    /// Only articles of this month (`YYYY-MM`).
    pub month: Option<String>,
}

/// The most searches a reader follows (the oldest followed go first).
pub const FOLLOWED: usize = 50;

impl Followed {
    /// As stored: `{"q":"accord paix","source":"Le Monde","year":"2020","month":"2020-10","at":ms}`
    /// (filters that are not set left out).
    fn to_value(&self, at: Millis) -> Value {
        let mut value = json!({"q": self.query, "at": at});
        for (key, filter) in [
            ("source", &self.source),
            ("year", &self.year),
            ("month", &self.month),
        ] {
            if let Some(filter) = filter {
                value[key] = json!(filter);
            }
        }
        value
    }

    /// Reads the stored form: none without a query, or with a value that
    /// is not ours.
    fn from_value(value: &Value) -> Option<(Followed, Millis)> {
        let text = |key: &str| -> Option<String> {
            let text = value.get(key)?.as_str()?.trim();
            (is_id(text)).then(|| text.to_string())
        };
        let followed = Followed {
            query: text("q")?,
            source: text("source"),
            year: text("year"),
            month: text("month"),
        };
        Some((
            followed,
            value.get("at").and_then(Value::as_u64).unwrap_or(0),
        ))
    }
}

/// The articles a reader has read, saved and recently opened, by article id
/// (ids outlive rebuilds; document numbers do not), and the searches they follow.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shelf {
    /// Articles read, with when they were marked.
    read: BTreeMap<String, Millis>,
    /// Articles saved for later, with when they were saved.
    saved: BTreeMap<String, Millis>,
    /// Articles opened, the latest first, at most [`RECENT`].
    recent: Vec<String>,
    /// Passages highlighted, by their own id. Kept when their article is
    /// gone from the collection: listed as such, never dropped silently.
    /// (A list, not a map: the app ships one map type less.)
    highlights: Vec<(String, Highlight)>,
    /// The searches followed, with when they were followed (a list, as
    /// the highlights).
    follows: Vec<(Followed, Millis)>,
}

impl Shelf {
    /// Follows `search` from `now`, or stops following it; whether it is
    /// followed now. Past [`FOLLOWED`], the one followed first goes.
    pub fn toggle_followed(&mut self, search: Followed, now: Millis) -> bool {
        if self.is_followed(&search) {
            self.follows.retain(|(f, _)| *f != search);
            return false;
        }
        self.follows.push((search, now));
        self.keep_followed();
        true
    }

    /// At most [`FOLLOWED`] searches: the ones followed first go.
    fn keep_followed(&mut self) {
        while self.follows.len() > FOLLOWED {
            let first = (self.follows.iter().enumerate()).min_by_key(|(_, (_, at))| *at);
            let Some(first) = first.map(|(i, _)| i) else {
                break;
            };
            self.follows.remove(first);
        }
    }

    /// Whether `search` is followed.
    pub fn is_followed(&self, search: &Followed) -> bool {
        self.follows.iter().any(|(f, _)| f == search)
    }

    /// The searches followed, the latest followed first.
    pub fn followed(&self) -> Vec<&Followed> {
        let mut all: Vec<(&Followed, Millis)> = self.follows.iter().map(|(f, t)| (f, *t)).collect();
        crate::order::sort_by(&mut all, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.into_iter().map(|(search, _)| search).collect()
    }

    /// Whether article `id` was read.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains_key(id)
    }

    /// Whether article `id` is saved for later.
    pub fn is_saved(&self, id: &str) -> bool {
        self.saved.contains_key(id)
    }

    /// Marks article `id` read (once: the first time is kept).
    pub fn mark_read(&mut self, id: &str, now: Millis) {
        self.read.entry(id.to_string()).or_insert(now);
    }

    /// Marks article `id` unread again.
    pub fn mark_unread(&mut self, id: &str) {
        self.read.remove(id);
    }

    /// Saves article `id` for later, or takes it off the saved list;
    /// whether it is saved now.
    pub fn toggle_saved(&mut self, id: &str, now: Millis) -> bool {
        if self.saved.remove(id).is_some() {
            false
        } else {
            self.saved.insert(id.to_string(), now);
            true
        }
    }

    /// Notes that article `id` was opened: first of the recent ones.
    pub fn opened(&mut self, id: &str) {
        self.recent.retain(|r| r != id);
        self.recent.insert(0, id.to_string());
        self.recent.truncate(RECENT);
    }

    /// The ids of the articles read.
    pub fn read_ids(&self) -> impl Iterator<Item = &str> {
        self.read.keys().map(String::as_str)
    }

    /// The saved articles, the latest saved first.
    pub fn saved(&self) -> Vec<&str> {
        let mut saved: Vec<(&str, Millis)> =
            self.saved.iter().map(|(id, &t)| (id.as_str(), t)).collect();
        crate::order::sort_by(&mut saved, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        saved.into_iter().map(|(id, _)| id).collect()
    }

    /// The articles opened, the latest first.
    pub fn recent(&self) -> &[String] {
        &self.recent
    }

    /// How many articles were read.
    pub fn read_count(&self) -> usize {
        self.read.len()
    }

    /// Adds `highlight` under its own id `key` (or replaces the one there).
    pub fn highlight(&mut self, key: &str, highlight: Highlight) {
        self.unhighlight(key);
        self.highlights.push((key.to_string(), highlight));
    }

    /// Gives highlight `key` the note `note`; whether it exists.
    pub fn annotate(&mut self, key: &str, note: &str) -> bool {
        let highlight = self.highlights.iter_mut().find(|(k, _)| k == key);
        highlight
            .map(|(_, h)| h.note = note.trim().to_string())
            .is_some()
    }

    /// Removes highlight `key`.
    pub fn unhighlight(&mut self, key: &str) {
        self.highlights.retain(|(k, _)| k != key);
    }

    /// Every highlight with its id, article by article, each article's in
    /// the order they were made.
    pub fn highlights(&self) -> Vec<(&str, &Highlight)> {
        self.listed(&|_| true)
    }

    /// Highlight `key`, if it is kept.
    pub fn highlight_by(&self, key: &str) -> Option<&Highlight> {
        self.highlights
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, h)| h)
    }

    /// Article `id`'s highlights with their ids, in the order they were made.
    /// (Asked at every render of the reading view: only its own are sorted.)
    pub fn highlights_of(&self, id: &str) -> Vec<(&str, &Highlight)> {
        self.listed(&|h| h.article == id)
    }

    /// The highlights `keep` accepts, with their ids, sorted as
    /// [`Shelf::highlights`] lists them.
    fn listed(&self, keep: &dyn Fn(&Highlight) -> bool) -> Vec<(&str, &Highlight)> {
        let mut all: Vec<(&str, &Highlight)> = (self.highlights.iter())
            .filter(|(_, h)| keep(h))
            .map(|(k, h)| (k.as_str(), h))
            .collect();
        crate::order::sort_by(&mut all, |a, b| {
            (a.1.article.cmp(&b.1.article))
                .then(a.1.created.cmp(&b.1.created))
                .then(a.0.cmp(b.0))
        });
        all
    }

    /// Forgets the articles for which `exists` says no (gone from the
    /// collection after a rebuild); whether anything was forgotten.
    /// Highlights stay (see [`Shelf::highlights`]).
    pub fn retain(&mut self, exists: impl Fn(&str) -> bool) -> bool {
        let before = (self.read.len(), self.saved.len(), self.recent.len());
        self.read.retain(|id, _| exists(id));
        self.saved.retain(|id, _| exists(id));
        self.recent.retain(|id| exists(id));
        before != (self.read.len(), self.saved.len(), self.recent.len())
    }

    /// Adds what `other` has: read and saved articles (the earlier date of
    /// each), and its recent articles after this one's.
    pub fn merge(&mut self, other: Shelf) {
        for (map, theirs) in [(&mut self.read, other.read), (&mut self.saved, other.saved)] {
            for (id, t) in theirs {
                let at = map.entry(id).or_insert(t);
                *at = (*at).min(t);
            }
        }
        for (search, t) in other.follows {
            match self.follows.iter_mut().find(|(f, _)| *f == search) {
                Some((_, at)) => *at = (*at).min(t),
                None => self.follows.push((search, t)),
            }
        }
        self.keep_followed();
        for id in other.recent {
            if !self.recent.contains(&id) {
                self.recent.push(id);
            }
        }
        self.recent.truncate(RECENT);
        for (key, highlight) in other.highlights {
            if self.highlight_by(&key).is_none() {
                self.highlights.push((key, highlight));
            }
        }
    }

    /// What another tab's write and this tab's changes make together:
    /// `base` is what this tab last read from or wrote to storage, `self`
    /// what it holds now, `theirs` what storage holds now. What this tab
    /// changed since `base` (added, removed or changed) is applied to
    /// `theirs`; everything else is theirs. Nothing either tab did is lost.
    pub fn rebase(&self, base: &Shelf, theirs: Shelf) -> Shelf {
        fn replay<V: Clone + PartialEq>(
            base: &BTreeMap<String, V>,
            ours: &BTreeMap<String, V>,
            mut theirs: BTreeMap<String, V>,
        ) -> BTreeMap<String, V> {
            for key in base.keys().filter(|k| !ours.contains_key(*k)) {
                theirs.remove(key);
            }
            for (key, value) in ours.iter().filter(|(k, v)| base.get(*k) != Some(*v)) {
                theirs.insert(key.clone(), value.clone());
            }
            theirs
        }
        // Recent: the ones this tab opened since, first, then theirs, less
        // those this tab let go (gone from the collection).
        let opened = self
            .recent
            .iter()
            .take_while(|id| base.recent.first() != Some(*id));
        let mut recent: Vec<String> = opened.cloned().collect();
        let dropped = |id: &String| base.recent.contains(id) && !self.recent.contains(id);
        for id in theirs.recent {
            if !recent.contains(&id) && !dropped(&id) {
                recent.push(id);
            }
        }
        recent.truncate(RECENT);
        Shelf {
            read: replay(&base.read, &self.read, theirs.read),
            saved: replay(&base.saved, &self.saved, theirs.saved),
            follows: {
                // As the highlights: theirs, less what this tab stopped
                // following, with what it followed since.
                let mut follows = theirs.follows;
                follows.retain(|(f, _)| !base.is_followed(f) || self.is_followed(f));
                for (search, at) in &self.follows {
                    if !base.is_followed(search) && !follows.iter().any(|(f, _)| f == search) {
                        follows.push((search.clone(), *at));
                    }
                }
                follows
            },
            recent,
            highlights: {
                let mut merged = Shelf {
                    highlights: theirs.highlights,
                    ..Shelf::default()
                };
                for (key, _) in &base.highlights {
                    if self.highlight_by(key).is_none() {
                        merged.unhighlight(key);
                    }
                }
                for (key, highlight) in &self.highlights {
                    if base.highlight_by(key) != Some(highlight) {
                        merged.highlight(key, highlight.clone());
                    }
                }
                merged.highlights
            },
        }
    }

    /// The stored form: `{"v":1,"read":{id:ms},"saved":{id:ms},"recent":[id],"highlights":{key:highlight},"follows":[search]}`
    /// (see [`Highlight::to_value`], [`Followed::to_value`]).
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }

    fn to_value(&self) -> Value {
        // (Inserted one by one: a collected map is sorted first, with its own sort.)
        let mut highlights = Map::new();
        for (key, highlight) in &self.highlights {
            highlights.insert(key.clone(), highlight.to_value());
        }
        json!({
            "v": VERSION,
            "read": self.read,
            "saved": self.saved,
            "recent": self.recent,
            "highlights": highlights,
            "follows": (self.follows.iter())
                .map(|(search, at)| search.to_value(*at))
                .collect::<Vec<_>>(),
        })
    }

    /// Reads the stored form; entries that are not an id with a moment
    /// are left out, and a value of another version (or not ours) is empty.
    pub fn from_json(text: &str) -> Shelf {
        stored(text).map_or_else(Shelf::default, |v| Shelf::from_value(&v))
    }

    fn from_value(value: &Value) -> Shelf {
        let moments = |key: &str| -> BTreeMap<String, Millis> {
            crate::order::map(
                (value.get(key).and_then(Value::as_object).into_iter())
                    .flat_map(Map::iter)
                    .filter(|(id, _)| is_id(id))
                    .filter_map(|(id, t)| Some((id.clone(), t.as_u64()?))),
            )
        };
        let mut recent: Vec<String> = Vec::new();
        for id in (value.get("recent").and_then(Value::as_array).into_iter()).flatten() {
            if let Some(id) = id.as_str().filter(|id| is_id(id)) {
                if !recent.iter().any(|r| r == id) {
                    recent.push(id.to_string());
                }
            }
        }
        recent.truncate(RECENT);
        let highlights = ((value
            .get("highlights")
            .and_then(Value::as_object)
            .into_iter())
        .flat_map(Map::iter)
        .filter(|(key, _)| is_id(key))
        .filter_map(|(key, h)| Some((key.clone(), Highlight::from_value(h)?))))
        .collect();
        let mut shelf = Shelf {
            read: moments("read"),
            saved: moments("saved"),
            recent,
            highlights,
            follows: Vec::new(),
        };
        let follows = (value.get("follows").and_then(Value::as_array).into_iter()).flatten();
        for (search, at) in follows.filter_map(Followed::from_value) {
            if !shelf.is_followed(&search) {
                shelf.follows.push((search, at));
            }
        }
        shelf.keep_followed();
        shelf
    }
}

/// Which articles are new to a reader: those of the collection that were
/// not in it at their last visit, until they open them. Kept as 32-bit
/// hashes of the ids (a collection of 36,000 articles is 288 kB of
/// storage), never sent anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct News {
    /// The articles of the collection at the last visit; empty before the first.
    seen: Vec<u32>,
    /// The articles new since, not opened yet.
    fresh: Vec<u32>,
}

impl News {
    /// A visit to the collection of articles `ids`: the ones not seen at
    /// the last visit are new (none at the first visit), with those new
    /// before and not opened yet that are still in the collection.
    pub fn visit<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        let mut now: Vec<u32> = ids.into_iter().map(hash).collect();
        now.sort_unstable();
        now.dedup();
        if !self.seen.is_empty() {
            let mut fresh: Vec<u32> = (now.iter().copied())
                .filter(|h| {
                    self.seen.binary_search(h).is_err() || self.fresh.binary_search(h).is_ok()
                })
                .collect();
            fresh.dedup();
            self.fresh = fresh;
        }
        self.seen = now;
    }

    /// Whether a visit was made (what is new is known).
    pub fn visited(&self) -> bool {
        !self.seen.is_empty()
    }

    /// Whether article `id` is new.
    pub fn is_new(&self, id: &str) -> bool {
        self.fresh.binary_search(&hash(id)).is_ok()
    }

    /// How many articles are new.
    pub fn count(&self) -> usize {
        self.fresh.len()
    }

    /// Article `id` was opened: it is new no more.
    pub fn opened(&mut self, id: &str) {
        if let Ok(at) = self.fresh.binary_search(&hash(id)) {
            self.fresh.remove(at);
        }
    }

    /// The stored form: `{"v":1,"seen":"hex…","new":"hex…"}`, eight hex digits a hash.
    pub fn to_json(&self) -> String {
        let hex = |hashes: &[u32]| {
            hashes
                .iter()
                .map(|h| format!("{h:08x}"))
                .collect::<String>()
        };
        json!({"v": VERSION, "seen": hex(&self.seen), "new": hex(&self.fresh)}).to_string()
    }

    /// Reads the stored form; anything else is a first visit.
    pub fn from_json(text: &str) -> News {
        let Some(value) = stored(text) else {
            return News::default();
        };
        let hashes = |key: &str| -> Vec<u32> {
            let text = value.get(key).and_then(Value::as_str).unwrap_or_default();
            let mut hashes: Vec<u32> = (text.as_bytes().chunks_exact(8))
                .filter_map(|c| u32::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                .collect();
            hashes.sort_unstable();
            hashes.dedup();
            hashes
        };
        News {
            seen: hashes("seen"),
            fresh: hashes("new"),
        }
    }
}

/// The 32-bit FNV-1a hash of an id.
fn hash(id: &str) -> u32 {
    id.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// What an article id may be (ids are paths of files, or ids of JSON
/// lines: short, printable); anything else in a stored value is noise.
fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 512 && !id.chars().any(char::is_control)
}

/// What the file of an export says it is, so that another JSON file is
/// recognised as not one.
const EXPORT_KIND: &str = "liseuse-personal";

/// Everything an export file carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backup {
    /// The reading settings.
    pub settings: Settings,
    /// The articles read, saved and opened.
    pub shelf: Shelf,
    /// Where each article was left (0 at the top, 1 at the end), by id.
    pub positions: BTreeMap<String, f64>,
}

/// The export file: what is kept of the collection named `site` (its
/// address, for the reader's own reference), as pretty-printed JSON.
pub fn export(site: &str, backup: &Backup, now: Millis) -> String {
    let value = json!({
        "kind": EXPORT_KIND,
        "v": VERSION,
        "site": site,
        "exported": now,
        "settings": backup.settings.to_value(),
        "shelf": backup.shelf.to_value(),
        "positions": backup.positions,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Why a file cannot be imported as a backup (see [`import`]); the reader
/// reads it in the site's language ([`BackupError::say`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a liseuse export.
    NotAnExport,
    /// An export of another version of liseuse.
    Version {
        /// The version the file says it is.
        found: u64,
    },
}

impl BackupError {
    /// The reason, in the words of `text` (the site's language).
    pub fn say(&self, text: &Text) -> String {
        match self {
            BackupError::NotJson => text.backup_not_json.to_string(),
            BackupError::NotAnExport => text.backup_not_export.to_string(),
            BackupError::Version { found } => crate::text::fill(
                text.backup_version_t,
                &[&found.to_string(), &VERSION.to_string()],
            ),
        }
    }
}

/// Reads an export file (see [`export`]); what it holds that cannot be
/// understood is left out, as in stored values.
pub fn import(text: &str) -> Result<Backup, BackupError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| BackupError::NotJson)?;
    if value.get("kind").and_then(Value::as_str) != Some(EXPORT_KIND) {
        return Err(BackupError::NotAnExport);
    }
    match value.get("v").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(other) => return Err(BackupError::Version { found: other }),
        None => return Err(BackupError::NotAnExport),
    }
    let settings = value
        .get("settings")
        .map(Settings::from_value)
        .unwrap_or_default();
    let shelf = value
        .get("shelf")
        .map(Shelf::from_value)
        .unwrap_or_default();
    let positions = crate::order::map(
        (value
            .get("positions")
            .and_then(Value::as_object)
            .into_iter())
        .flat_map(Map::iter)
        .filter(|(id, _)| is_id(id))
        .filter_map(|(id, at)| Some((id.clone(), at.as_f64()?)))
        .filter(|(_, at)| at.is_finite() && (0.0..=1.0).contains(at)),
    );
    Ok(Backup {
        settings,
        shelf,
        positions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shelf() -> Shelf {
        let mut shelf = Shelf::default();
        shelf.mark_read("000_a", 10);
        shelf.mark_read("dossier/b.md", 20);
        shelf.toggle_saved("c", 30);
        shelf.toggle_saved("dossier/b.md", 40);
        shelf.opened("000_a");
        shelf.opened("c");
        shelf.highlight("h1", highlight("c", "un passage", 50));
        shelf
    }

    fn highlight(article: &str, exact: &str, created: Millis) -> Highlight {
        Highlight {
            article: article.into(),
            quote: crate::annotation::Quote {
                exact: exact.into(),
                prefix: "avant ".into(),
                suffix: " après".into(),
            },
            note: String::new(),
            created,
        }
    }

    #[test]
    fn articles_new_since_the_last_visit_stay_new_until_opened() {
        let mut news = News::default();
        news.visit(["a", "b"]);
        assert_eq!(news.count(), 0, "nothing is new at the first visit");
        let mut news = News::from_json(&news.to_json());
        news.visit(["a", "b", "c", "d"]);
        assert!(news.is_new("c") && news.is_new("d") && !news.is_new("a"));
        news.opened("c");
        // The next visit: d is still new (not opened), e is; b is gone.
        let mut news = News::from_json(&news.to_json());
        news.visit(["a", "c", "d", "e"]);
        assert_eq!(news.count(), 2);
        assert!(news.is_new("d") && news.is_new("e") && !news.is_new("c"));
        // d is removed from the collection: new no more.
        news.visit(["a", "c", "e"]);
        assert!(!news.is_new("d") && news.is_new("e"));
        for noise in ["", "{}", r#"{"v":1,"seen":"zz","new":7}"#] {
            assert_eq!(News::from_json(noise).count(), 0);
        }
    }

    #[test]
    fn two_tabs_writing_lose_nothing_of_each_other() {
        // Both tabs read this; then each changes it its own way.
        let base = shelf();
        let mut theirs = base.clone();
        theirs.toggle_saved("x", 60);
        theirs.mark_unread("000_a");
        theirs.highlight("h2", highlight("x", "autre", 61));
        theirs.opened("x");
        let mut ours = base.clone();
        ours.mark_read("y", 70);
        ours.toggle_saved("c", 71); // taken off
        ours.annotate("h1", " Ma note ");
        ours.highlight("h3", highlight("y", "encore", 72));
        ours.opened("y");
        let merged = ours.rebase(&base, theirs.clone());
        assert!(merged.is_saved("x") && merged.is_saved("dossier/b.md"));
        assert!(!merged.is_saved("c"), "what this tab took off stays off");
        assert!(!merged.is_read("000_a"), "what the other tab took off too");
        assert!(merged.is_read("y") && merged.is_read("dossier/b.md"));
        let keys: Vec<&str> = merged.highlights().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["h1", "h2", "h3"]);
        assert_eq!(merged.highlights_of("c")[0].1.note, "Ma note");
        assert_eq!(merged.recent(), ["y", "x", "c", "000_a"]);
        // Nothing changed here: theirs, as it is.
        assert_eq!(base.rebase(&base, theirs.clone()), theirs);
        // An article gone from the collection, forgotten here: in no list.
        let mut forgot = base.clone();
        forgot.retain(|id| id != "c");
        let merged = forgot.rebase(&base, theirs.clone());
        assert!(!merged.is_saved("c") && !merged.recent().contains(&"c".to_string()));
        // A highlight removed here, while the other tab wrote something else.
        let mut removed = base.clone();
        removed.unhighlight("h1");
        assert!(removed.rebase(&base, theirs).highlights_of("c").is_empty());
    }

    #[test]
    fn highlights_stay_when_their_article_is_gone_and_travel_in_exports() {
        let mut shelf = shelf();
        assert!(shelf.retain(|id| id != "c"));
        assert_eq!(shelf.highlights_of("c").len(), 1, "listed, not dropped");
        let file = export(
            "/",
            &Backup {
                shelf: shelf.clone(),
                ..Backup::default()
            },
            1,
        );
        assert_eq!(
            import(&file).unwrap().shelf.highlights_of("c"),
            shelf.highlights_of("c")
        );
        let mut other = Shelf::default();
        other.merge(shelf);
        assert_eq!(other.highlights().len(), 1);
        assert!(other.annotate("h1", "note") && !other.annotate("zz", "note"));
    }

    #[test]
    fn settings_and_shelf_survive_their_stored_form() {
        let settings = Settings {
            theme: Theme::Sepia,
            size: 6,
            font: Font::Sans,
            width: Width::Wide,
        };
        assert_eq!(Settings::from_json(&settings.to_json()), settings);
        let shelf = shelf();
        assert_eq!(Shelf::from_json(&shelf.to_json()), shelf);
        assert_eq!(shelf.saved(), ["dossier/b.md", "c"], "latest saved first");
        assert_eq!(shelf.recent(), ["c", "000_a"], "latest opened first");
    }

    #[test]
    fn every_choice_has_one_name() {
        for theme in Theme::all() {
            assert_eq!(Theme::from_name(theme.name()), Some(theme));
            assert!(!theme.label(&crate::text::EN).is_empty());
            assert_ne!(theme.label(&crate::text::FR), theme.label(&crate::text::EN));
        }
        for font in Font::all() {
            assert_eq!(Font::from_name(font.name()), Some(font));
        }
        for width in Width::all() {
            assert_eq!(Width::from_name(width.name()), Some(width));
        }
        assert!(TEXT_SIZES.len() >= 5 && TEXT_SIZES.is_sorted());
    }

    #[test]
    fn what_is_not_understood_is_left_out_not_fatal() {
        for noise in [
            "",
            "null",
            "42",
            "[]",
            "{",
            "\"dark\"",
            "{\"v\":2,\"theme\":\"dark\"}",
        ] {
            assert_eq!(Settings::from_json(noise), Settings::default(), "{noise}");
            assert_eq!(Shelf::from_json(noise), Shelf::default(), "{noise}");
        }
        let settings =
            Settings::from_json(r#"{"v":1,"theme":"sepia","size":99,"font":7,"width":"wide"}"#);
        assert_eq!(
            settings,
            Settings {
                theme: Theme::Sepia,
                width: Width::Wide,
                ..Settings::default()
            }
        );
        let shelf = Shelf::from_json(
            r#"{"v":1,"read":{"a":1,"b":"hier","":3,"c\u0000":4},"saved":[1],"recent":["a",3,"a","d"]}"#,
        );
        assert!(shelf.is_read("a") && !shelf.is_read("b") && shelf.read_count() == 1);
        assert!(shelf.saved().is_empty());
        assert_eq!(shelf.recent(), ["a", "d"]);
    }

    #[test]
    fn articles_gone_after_a_rebuild_are_forgotten_quietly() {
        let mut shelf = shelf();
        assert!(!shelf.retain(|_| true));
        assert!(shelf.retain(|id| id != "c"));
        assert!(!shelf.is_saved("c"));
        assert_eq!(shelf.recent(), ["000_a"]);
        assert!(shelf.is_read("dossier/b.md") && shelf.is_saved("dossier/b.md"));
    }

    #[test]
    fn marks_saves_and_recent_articles() {
        let mut shelf = Shelf::default();
        shelf.mark_read("a", 5);
        shelf.mark_read("a", 9);
        assert_eq!(
            Shelf::from_json(&shelf.to_json()).read["a"],
            5,
            "first time kept"
        );
        shelf.mark_unread("a");
        assert!(!shelf.is_read("a"));
        assert!(shelf.toggle_saved("a", 1));
        assert!(!shelf.toggle_saved("a", 2));
        assert!(!shelf.is_saved("a"));
        for n in 0..RECENT + 5 {
            shelf.opened(&n.to_string());
        }
        shelf.opened("3");
        assert_eq!(shelf.recent().len(), RECENT);
        assert_eq!(shelf.recent()[0], "3");
        assert_eq!(shelf.recent()[1], (RECENT + 4).to_string());
    }

    #[test]
    fn an_export_imports_back_and_merges() {
        let settings = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        let backup = Backup {
            settings,
            shelf: shelf(),
            positions: [("000_a".to_string(), 0.5), ("c".to_string(), 0.25)].into(),
        };
        let file = export("/liseuse/", &backup, 1_700_000_000_000);
        assert_eq!(import(&file), Ok(backup.clone()));
        assert_eq!(import(&format!("\u{feff}{file}")), Ok(backup));
        let odd = r#"{"kind":"liseuse-personal","v":1,"positions":{"a":0.5,"b":7,"c":"x","":0.1}}"#;
        assert_eq!(
            import(odd).unwrap().positions,
            [("a".to_string(), 0.5)].into()
        );
        let mut here = Shelf::default();
        here.mark_read("000_a", 5);
        here.opened("z");
        here.merge(shelf());
        assert!(here.is_read("dossier/b.md") && here.is_saved("c"));
        assert_eq!(Shelf::from_json(&here.to_json()).read["000_a"], 5);
        assert_eq!(here.recent(), ["z", "c", "000_a"]);
    }

    #[test]
    fn a_wrong_file_is_refused_with_its_reason() {
        assert_eq!(import("Titre,Date\n"), Err(BackupError::NotJson));
        assert_eq!(import(r#"{"name":"x"}"#), Err(BackupError::NotAnExport));
        assert_eq!(
            import(r#"{"kind":"liseuse-personal","v":9}"#),
            Err(BackupError::Version { found: 9 })
        );
        // In the site's language, with the versions.
        let french = BackupError::Version { found: 9 }.say(&crate::text::FR);
        assert!(
            french.contains("autre version") && french.contains('9'),
            "{french}"
        );
        let english = BackupError::NotAnExport.say(&crate::text::EN);
        assert!(english.contains("not a liseuse backup"), "{english}");
    }

    #[test]
    fn followed_searches_are_kept_exported_and_merged_between_tabs() {
        let search = |query: &str| Followed {
            query: query.into(),
            source: Some("Le Monde".into()),
            year: Some("2020".into()),
            month: None,
        };
        let paix = search("accord paix");
        let lachin = Followed {
            query: "Lachin".into(),
            ..Followed::default()
        };
        let mut shelf = shelf();
        assert!(shelf.toggle_followed(paix.clone(), 100));
        assert!(shelf.toggle_followed(lachin.clone(), 200));
        assert_eq!(
            shelf.followed(),
            [&lachin, &paix],
            "the latest followed first"
        );
        // Stored, exported, imported: the same searches, filters included.
        let json = shelf.to_json();
        assert!(json.contains(r#""q":"accord paix""#), "{json}");
        assert_eq!(Shelf::from_json(&json), shelf);
        let backup = Backup {
            shelf: shelf.clone(),
            ..Backup::default()
        };
        assert_eq!(import(&export("/", &backup, 1)).unwrap().shelf, shelf);
        // What cannot be read is left out, the rest kept.
        let odd = r#"{"v":1,"follows":[{"q":""},{"q":7},{"source":"x"},{"q":"Bakou","month":"2020-10"},"x"]}"#;
        let read = Shelf::from_json(odd);
        assert_eq!(read.followed().len(), 1);
        assert_eq!(read.followed()[0].month.as_deref(), Some("2020-10"));
        // Another tab followed "Bakou"; this one stopped following "Lachin".
        let base = shelf.clone();
        let mut theirs = shelf.clone();
        theirs.toggle_followed(read.followed()[0].clone(), 300);
        assert!(!shelf.toggle_followed(lachin.clone(), 400));
        let merged = shelf.rebase(&base, theirs);
        assert!(merged.is_followed(&paix) && !merged.is_followed(&lachin));
        assert_eq!(merged.followed().len(), 2);
        // Merged from an import; at most FOLLOWED, the first followed go.
        let mut many = Shelf::default();
        for n in 0..FOLLOWED + 3 {
            many.toggle_followed(search(&format!("q{n}")), n as Millis);
        }
        assert_eq!(many.followed().len(), FOLLOWED);
        assert_eq!(many.followed().last().unwrap().query, "q3");
        many.merge(merged);
        assert_eq!(many.followed().len(), FOLLOWED);
        assert_eq!(many.followed()[0].query, "Bakou");
    }
}
