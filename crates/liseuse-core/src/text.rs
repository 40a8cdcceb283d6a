//! Every word the interface shows, in French and in English: one table
//! per language ([`FR`], [`EN`]), the same fields in both, so that a string
//! missing from one is a compile error. The app, the page the build writes
//! and `assets/boot.js` (through [`Text::boot_json`]) all read it; no
//! component holds a sentence of its own (`tests/interface_words.rs` in the app
//! checks it). The words of a list and of an article's first view are a
//! table apart ([`ListText`]: [`FR_LIST`], [`EN_LIST`]), the only ones the
//! first result's wasm carries; a [`Text`] reads as its [`ListText`] too.
//!
//! A template's `{}` are filled in order by [`fill`]; a pair `[one, many]`
//! is chosen by [`Text::count`], with each language's rule for plurals
//! (French says "0 article", English "0 articles").

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Of a pair of things for French and English (word tables), this
    /// language's.
    pub fn pick<T>(self, fr: &'static T, en: &'static T) -> &'static T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// The language of a BCP 47 tag (`fr`, `en-GB`…), if the interface has it.
    pub fn of(tag: &str) -> Option<Lang> {
        // (Bytes, not str patterns: every pattern searcher is wasm.)
        let tag = tag.trim().as_bytes();
        if tag.len() > 2 && !matches!(tag[2], b'-' | b'_') {
            return None;
        }
        match [
            tag.first()?.to_ascii_lowercase(),
            tag.get(1)?.to_ascii_lowercase(),
        ] {
            [b'f', b'r'] => Some(Lang::Fr),
            [b'e', b'n'] => Some(Lang::En),
            _ => None,
        }
    }

    /// Its tag, as `<html lang>` carries it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Its table of strings.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// Its words of a list: [`Text`]'s for the first result's path.
    pub fn list(self) -> &'static ListText {
        match self {
            Lang::Fr => &FR_LIST,
            Lang::En => &EN_LIST,
        }
    }

    /// Its words of the page the build writes.
    pub fn page(self) -> &'static PageText {
        match self {
            Lang::Fr => &FR_PAGE,
            Lang::En => &EN_PAGE,
        }
    }
}

/// `template` with each `{}` replaced by the next of `args` (a missing one by nothing).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    // (`{` is ASCII: the byte found is a char boundary.)
    while let Some(at) = rest.as_bytes().windows(2).position(|w| w == b"{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or_default());
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// The words of the interface in one language. Fields ending in `_t` are
/// templates for [`fill`]; pairs are `[one, many]` for [`Text::count`].
#[allow(missing_docs)]
#[derive(Debug)]
pub struct Text {
    /// The words a list of articles shows, the first result's path's only ones.
    pub list: &'static ListText,
    /// The default name of a site (`liseuse.toml` gives its own).
    pub app_name: &'static str,
    pub description: &'static str,
    pub occurrence: [&'static str; 2],
    pub kinds: [&'static str; 5],
    // Loading and errors.
    pub searching: &'static str,
    pub no_index_named: &'static str,
    pub index_unreachable_t: &'static str,
    pub index_damaged_t: &'static str,
    pub piece_unreachable_t: &'static str,
    pub piece_damaged_t: &'static str,
    pub piece_mismatch: &'static str,
    /// A file that is no index of liseuse.
    pub not_an_index: &'static str,
    /// An index of another version: the version found, then the one read.
    pub other_version_t: &'static str,
    /// A file or piece cut short or damaged.
    pub damaged_file: &'static str,
    pub unreadable_compressed_t: &'static str,
    pub empty: &'static str,
    pub no_decompression: &'static str,
    pub storage_full: &'static str,
    pub storage_refused: &'static str,
    pub crash_title: &'static str,
    pub crash_message: &'static str,
    pub crash_reopen: &'static str,
    // The header and the search box.
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub search_in_t: &'static str,
    // Lists.
    pub unread_articles: &'static str,
    pub more_articles: &'static str,
    pub shelf_line_t: &'static str,
    pub saved_count: [&'static str; 2],
    pub read_count: [&'static str; 2],
    pub new_since: [&'static str; 2],
    pub only_new: &'static str,
    pub entity_offer_t: &'static str,
    pub per_month: &'static str,
    // Filters.
    // An article in a list.
    pub unavailable: &'static str,
    pub new_badge: &'static str,
    pub saved_for_later: &'static str,
    pub saved_hint: &'static str,
    pub save_hint: &'static str,
    pub saved_short: &'static str,
    // Reading.
    pub article_missing: &'static str,
    pub article_missing_t: &'static str,
    pub resumed: &'static str,
    pub restart: &'static str,
    pub loading_article: &'static str,
    pub read_badge: &'static str,
    pub mark_unread: &'static str,
    pub in_this_article: &'static str,
    pub names_label: &'static str,
    pub read_next: &'static str,
    pub same_story: &'static str,
    pub previous_match: &'static str,
    pub previous_match_key: &'static str,
    pub next_match: &'static str,
    pub next_match_key: &'static str,
    pub matches_label: &'static str,
    // Names.
    pub name: &'static str,
    pub name_missing: &'static str,
    pub name_missing_t: &'static str,
    pub named_times_t: &'static str,
    pub often_with: &'static str,
    /// The heading of a name's quotations, `{}` their number.
    pub quotations_t: &'static str,
    /// The button that shows more of a name's quotations.
    pub more_quotations: &'static str,
    // Highlights and notes.
    pub highlight: &'static str,
    pub note: &'static str,
    pub note_title: &'static str,
    pub your_note: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub remove_highlight: &'static str,
    pub note_or_remove: &'static str,
    pub selected_passage: &'static str,
    pub your_highlights_t: &'static str,
    pub highlights_t: &'static str,
    pub highlights_title: &'static str,
    pub orphan: &'static str,
    pub gone_t: &'static str,
    pub export_markdown: &'static str,
    // Listening.
    pub listen: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    pub read_aloud: &'static str,
    pub sentence_of_t: &'static str,
    // E-book.
    pub ebook: &'static str,
    pub ebook_preparing: &'static str,
    pub ebook_contents: &'static str,
    pub ebook_original: &'static str,
    pub made_on_t: &'static str,
    // My articles.
    pub saved_title_t: &'static str,
    // Followed searches.
    pub search_followed: &'static str,
    pub quoted_t: &'static str,
    pub followed_title: &'static str,
    pub followed_title_t: &'static str,
    pub none_followed: &'static str,
    pub new_results: [&'static str; 2],
    pub unfollow: &'static str,
    pub none_saved: &'static str,
    pub recent: &'static str,
    pub none_recent: &'static str,
    pub shelf_hint: &'static str,
    pub none_highlighted: &'static str,
    pub highlights_file: &'static str,
    pub passage_gone: &'static str,
    // Settings.
    pub settings: &'static str,
    pub theme: &'static str,
    pub themes: [&'static str; 4],
    pub text_size: &'static str,
    pub smaller: &'static str,
    pub larger: &'static str,
    pub font: &'static str,
    pub fonts: [&'static str; 2],
    pub line_width: &'static str,
    pub widths: [&'static str; 3],
    pub your_data: &'static str,
    pub data_hint: &'static str,
    pub export: &'static str,
    pub import: &'static str,
    pub close: &'static str,
    pub backup_file: &'static str,
    pub backup_saved_t: &'static str,
    pub file_failed: &'static str,
    pub unreadable_t: &'static str,
    pub not_imported_t: &'static str,
    /// Why a file is not a backup ([`crate::personal::BackupError`]).
    pub backup_not_json: &'static str,
    pub backup_not_export: &'static str,
    /// The version found, then the one expected.
    pub backup_version_t: &'static str,
    pub imported_t: &'static str,
    // Keyboard shortcuts.
    pub shortcuts: &'static str,
    pub key_enter: &'static str,
    pub key_escape: &'static str,
    pub shortcut_help: [&'static str; 9],
}

/// The words of a list of articles (the results, the home page's list, its
/// filters and chart) and of an article's first view: all that the first
/// result's path shows, apart from
/// the rest of [`Text`] so that its wasm carries no other word. A [`Text`]
/// reads as its [`ListText`] too (`text.months`).
#[allow(missing_docs)]
#[derive(Debug)]
pub struct ListText {
    pub lang: Lang,
    pub months: [&'static str; 12],
    /// The first of the month, when the language says it otherwise ("1er").
    pub first_day: &'static str,
    pub no_date: &'static str,
    pub article: [&'static str; 2],
    pub result: [&'static str; 2],
    pub reading_time_t: &'static str,
    pub loading: &'static str,
    pub all_articles: &'static str,
    pub more_results: &'static str,
    pub results_for_t: &'static str,
    /// Before and after the suggested words.
    pub did_you_mean: [&'static str; 2],
    pub order_label: &'static str,
    pub order_by: &'static str,
    pub order_relevance: &'static str,
    pub order_newest: &'static str,
    pub follow_search: &'static str,
    pub too_common_t: &'static str,
    pub no_match_t: &'static str,
    pub my_articles: &'static str,
    pub per_month_caption: &'static str,
    pub filters: &'static str,
    pub source: &'static str,
    pub all_sources: &'static str,
    pub year: &'static str,
    pub month: &'static str,
    pub all_years: &'static str,
    pub all_months: &'static str,
    pub unread_only: &'static str,
    pub labelled_t: &'static str,
    pub save_for_later: &'static str,
    pub save_short: &'static str,
    // An article's first view.
    pub back_all: &'static str,
    pub back_results: &'static str,
    pub read_original: &'static str,
    pub photo_t: &'static str,
    pub progress: &'static str,
}

impl std::ops::Deref for Text {
    type Target = ListText;

    fn deref(&self) -> &ListText {
        self.list
    }
}

/// The words only the page the build writes shows (its loading line, the
/// notice without JavaScript, and `assets/boot.js`'s offline notices and
/// failed start): kept apart from [`Text`], so that the wasm does not carry them.
#[allow(missing_docs)]
#[derive(Debug)]
pub struct PageText {
    pub loading_search: &'static str,
    pub no_script: &'static str,
    pub offline_progress_t: &'static str,
    pub offline_done: &'static str,
    pub offline_label: &'static str,
    pub offline_ask_t: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub update_ready: &'static str,
    pub update_t: &'static str,
    pub update_one: &'static str,
    pub update_many_t: &'static str,
    pub kilobytes_t: &'static str,
    pub download: &'static str,
    pub reload: &'static str,
    pub no_wasm: &'static str,
    pub start_failed_t: &'static str,
    pub unknown_error: &'static str,
}

impl PageText {
    /// The strings `assets/boot.js` shows (offline notices, a failed start),
    /// as the JSON object the build writes into the page.
    pub fn boot_json(&self, text: &Text) -> String {
        let pairs = [
            ("offlineProgress", self.offline_progress_t),
            ("offlineDone", self.offline_done),
            ("offlineLabel", self.offline_label),
            ("offlineAsk", self.offline_ask_t),
            ("yes", self.yes),
            ("no", self.no),
            ("updateReady", self.update_ready),
            ("update", self.update_t),
            ("updateOne", self.update_one),
            ("updateMany", self.update_many_t),
            ("kilobytes", self.kilobytes_t),
            ("download", self.download),
            ("reload", self.reload),
            ("noWasm", self.no_wasm),
            ("startFailed", self.start_failed_t),
            ("unknownError", self.unknown_error),
            ("noDecompression", text.no_decompression),
        ];
        let mut out = String::from("{");
        for (i, (key, value)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(key).unwrap_or_default());
            out.push(':');
            // `<` escaped, so that the object can sit in a <script> element.
            let value = serde_json::to_string(value).unwrap_or_default();
            out.push_str(&value.replace('<', "\\u003c"));
        }
        out.push('}');
        out
    }
}

/// The French words of the page.
pub static FR_PAGE: PageText = PageText {
    loading_search: "Chargement de la recherche…",
    no_script: "La recherche et la lecture des articles demandent JavaScript et WebAssembly.",
    offline_progress_t: "Lecture hors ligne : {} % de l’index enregistré",
    offline_done: "Toute la collection est disponible hors ligne.",
    offline_label: "Lecture hors ligne",
    offline_ask_t: "Rendre toute la collection disponible hors ligne ({} Mo) ?",
    yes: "Oui",
    no: "Non",
    update_ready: "Une nouvelle version de liseuse est prête.",
    update_t: "Mise à jour : {} ({})",
    update_one: "1 nouvel article",
    update_many_t: "{} nouveaux articles",
    kilobytes_t: "{} ko",
    download: "Télécharger",
    reload: "Recharger",
    no_wasm: "Ce navigateur ne sait pas exécuter WebAssembly : liseuse ne peut pas démarrer.",
    start_failed_t: "liseuse n’a pas pu démarrer ({}). Rechargez la page ; si le problème persiste, le site est incomplet.",
    unknown_error: "erreur inconnue",
};

/// The English words of the page.
pub static EN_PAGE: PageText = PageText {
    loading_search: "Loading the search…",
    no_script: "Searching and reading the articles need JavaScript and WebAssembly.",
    offline_progress_t: "Offline reading: {}% of the index stored",
    offline_done: "The whole collection is available offline.",
    offline_label: "Offline reading",
    offline_ask_t: "Make the whole collection available offline ({} MB)?",
    yes: "Yes",
    no: "No",
    update_ready: "A new version of liseuse is ready.",
    update_t: "Update: {} ({})",
    update_one: "1 new article",
    update_many_t: "{} new articles",
    kilobytes_t: "{} kB",
    download: "Download",
    reload: "Reload",
    no_wasm: "This browser cannot run WebAssembly: liseuse cannot start.",
    start_failed_t: "liseuse could not start ({}). Reload the page; if it happens again, the site is incomplete.",
    unknown_error: "unknown error",
};

impl ListText {
    /// `n` and the word of `pair` that goes with it: "1 article", "3 articles".
    pub fn count(&self, n: usize, pair: [&str; 2]) -> String {
        format!("{n} {}", self.plural(n, pair))
    }

    /// The word of `pair` for `n` things.
    pub fn plural<'a>(&self, n: usize, [one, many]: [&'a str; 2]) -> &'a str {
        let singular = match self.lang {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        };
        if singular {
            one
        } else {
            many
        }
    }

    /// `2024-02-01` as `1er février 2024` or `February 1, 2024`; anything else as it is.
    pub fn date(&self, iso: &str) -> String {
        let mut parts = iso.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return iso.to_string();
        };
        let (Some(name), Ok(day)) = (self.month_name(month), day.parse::<u32>()) else {
            return iso.to_string();
        };
        let day = match day {
            1 if !self.first_day.is_empty() => self.first_day.to_string(),
            day => day.to_string(),
        };
        match self.lang {
            Lang::Fr => format!("{day} {name} {year}"),
            Lang::En => format!("{name} {day}, {year}"),
        }
    }

    /// `2024-02` as `février 2024` or `February 2024`; anything else as it is.
    pub fn month(&self, year_month: &str) -> String {
        match (year_month.get(..4), year_month.get(5..)) {
            (Some(year), Some(month)) if year_month.len() == 7 => match self.month_name(month) {
                Some(name) => format!("{name} {year}"),
                None => year_month.to_string(),
            },
            _ => year_month.to_string(),
        }
    }

    fn month_name(&self, month: &str) -> Option<&'static str> {
        let month: usize = month.parse().ok()?;
        self.months.get(month.checked_sub(1)?).copied()
    }

    /// "4 min de lecture", "4 min read".
    pub fn reading_time(&self, minutes: usize) -> String {
        fill(self.reading_time_t, &[&minutes.to_string()])
    }
}

/// The French interface.
pub static FR: Text = Text {
    list: &FR_LIST,
    app_name: "liseuse",
    description: "Lire et rechercher des articles de presse, hors ligne.",
    occurrence: ["occurrence", "occurrences"],
    kinds: ["Personne", "Lieu", "Organisation", "Nom", "Média"],
    searching: "Recherche…",
    no_index_named: "la page ne nomme pas l’index des articles : le site publié est incomplet (index.html)",
    index_unreachable_t: "L’index des articles n’a pas pu être chargé ({} : {}). Vérifiez la connexion, puis rechargez la page.",
    index_damaged_t: "L’index des articles est endommagé ({} : {}). Rechargez la page ; si le problème persiste, le site publié est incomplet.",
    piece_unreachable_t: "Une partie de l’index n’a pas pu être chargée ({} : {}). Vérifiez la connexion, puis relancez la recherche.",
    piece_damaged_t: "Une partie de l’index est endommagée ({} : {}). Rechargez la page ; si le problème persiste, le site publié est incomplet.",
    piece_mismatch: "le contenu reçu n’est pas celui du fichier : téléchargement interrompu, ou autre page servie à sa place",
    not_an_index: "ce fichier n’est pas un index de liseuse",
    other_version_t: "index d’une autre version de liseuse (format {}, attendu {}) : le site est à reconstruire",
    damaged_file: "fichier endommagé ou tronqué",
    unreadable_compressed_t: "fichier compressé illisible ({})",
    empty: "vide",
    no_decompression: "ce navigateur ne sait pas décompresser les fichiers (DecompressionStream) : mettez-le à jour",
    storage_full: "Le navigateur n’a plus de place pour ce site : vos derniers choix ne seront pas gardés. Libérez de l’espace (données des sites) ou exportez-les.",
    storage_refused: "Le navigateur refuse de garder quoi que ce soit pour ce site (navigation privée ou stockage désactivé) : vos choix valent pour cette visite seulement.",
    crash_title: "liseuse a rencontré une erreur",
    crash_message: "La page s’est arrêtée. Vos articles ne sont pas perdus : rouvrez liseuse depuis l’accueil.",
    crash_reopen: "Rouvrir liseuse",
    search: "Rechercher",
    search_placeholder: "Rechercher…",
    search_in_t: "Rechercher dans {} {}…",
    unread_articles: "Articles non lus",
    more_articles: "Plus d’articles",
    shelf_line_t: "Mes articles : {}, {} récemment",
    saved_count: ["gardé", "gardés"],
    read_count: ["lu", "lus"],
    new_since: [
        "nouvel article depuis votre dernière visite",
        "nouveaux articles depuis votre dernière visite",
    ],
    only_new: "Nouveaux seulement",
    entity_offer_t: "{} : {}, {}",
    per_month: "Articles par mois",
    unavailable: "Article indisponible",
    new_badge: "Nouveau",
    saved_for_later: "Gardé pour plus tard",
    saved_hint: "Gardé (s pour retirer)",
    save_hint: "Garder pour plus tard (s)",
    saved_short: "★ Gardé",
    article_missing: "Article introuvable",
    article_missing_t: "Aucun article ne porte l’identifiant « {} ».",
    resumed: "Reprise là où vous en étiez. ",
    restart: "Reprendre au début",
    loading_article: "Chargement de l’article…",
    read_badge: "Lu",
    mark_unread: "Marquer comme non lu",
    in_this_article: "Dans cet article : ",
    names_label: "Noms de l’article",
    read_next: "À lire aussi",
    same_story: "Même sujet, autre source",
    previous_match: "Occurrence précédente",
    previous_match_key: "Occurrence précédente (p)",
    next_match: "Occurrence suivante",
    next_match_key: "Occurrence suivante (n)",
    matches_label: "Occurrences",
    name: "Nom",
    name_missing: "Nom introuvable",
    name_missing_t: "Aucun nom « {} » dans cette collection.",
    named_times_t: "{}, nommé {} fois",
    often_with: "Souvent avec : ",
    quotations_t: "Citations ({})",
    more_quotations: "Plus de citations",
    highlight: "Surligner",
    note: "Note…",
    note_title: "Note sur le passage",
    your_note: "Votre note",
    save: "Enregistrer",
    cancel: "Annuler",
    remove_highlight: "Retirer le surlignage",
    note_or_remove: "Note ou retirer…",
    selected_passage: "Passage sélectionné",
    your_highlights_t: "Vos surlignages ({})",
    highlights_t: "Surlignages ({})",
    highlights_title: "Surlignages",
    orphan: "Passage introuvable dans cette version de l’article (gardé tel quel).",
    gone_t: "{} (n’est plus dans la collection)",
    export_markdown: "Exporter en Markdown",
    listen: "▶ Écouter",
    pause: "❚❚ Pause",
    resume: "▶ Reprendre",
    stop: "■ Arrêter",
    read_aloud: "Lecture à voix haute",
    sentence_of_t: "Phrase {} sur {}",
    ebook: "E-book (EPUB)",
    ebook_preparing: "Préparation de l’e-book…",
    ebook_contents: "Sommaire",
    ebook_original: "Original :",
    made_on_t: "Fait avec liseuse le {}.",
    saved_title_t: "Gardés pour plus tard ({})",
    search_followed: "✓ Recherche suivie",
    quoted_t: "« {} »",
    followed_title: "Recherches suivies",
    followed_title_t: "Recherches suivies ({})",
    none_followed: "Aucune recherche suivie : « Suivre cette recherche », sur une page de résultats, l’ajoute ici ; après chaque mise à jour, l’accueil dit combien de ses résultats sont nouveaux.",
    new_results: ["nouveau", "nouveaux"],
    unfollow: "Ne plus suivre",
    none_saved: "Aucun article gardé : « ☆ Garder » (ou la touche s) sur un article l’ajoute ici.",
    recent: "Lus récemment",
    none_recent: "Aucun article ouvert pour l’instant.",
    shelf_hint: "Gardés dans ce navigateur seulement ; « Aa » puis « Exporter » pour les emporter ailleurs.",
    none_highlighted: "Aucun passage surligné : sélectionnez un passage d’un article, puis « Surligner » (ou la touche h).",
    highlights_file: "liseuse-surlignages.md",
    passage_gone: "Passage introuvable dans la version actuelle de l’article.",
    settings: "Réglages de lecture",
    theme: "Thème",
    themes: ["Système", "Clair", "Sépia", "Sombre"],
    text_size: "Taille du texte",
    smaller: "Texte plus petit",
    larger: "Texte plus grand",
    font: "Police",
    fonts: ["Avec empattements", "Sans empattements"],
    line_width: "Largeur des lignes",
    widths: ["Étroite", "Normale", "Large"],
    your_data: "Vos données",
    data_hint: "Articles lus, gardés et réglages restent dans ce navigateur. Une sauvegarde les emporte ailleurs.",
    export: "Exporter",
    import: "Importer…",
    close: "Fermer",
    backup_file: "liseuse-sauvegarde.json",
    backup_saved_t: "Sauvegarde enregistrée : {}.",
    file_failed: "Le navigateur n’a pas pu créer le fichier.",
    unreadable_t: "« {} » n’a pas pu être lu.",
    not_imported_t: "« {} » n’a pas été importé : {}.",
    backup_not_json: "ce fichier n’est pas un fichier JSON",
    backup_not_export: "ce fichier JSON n’est pas une sauvegarde de liseuse (bouton « Exporter »)",
    backup_version_t: "cette sauvegarde vient d’une autre version de liseuse (format {}, attendu {})",
    imported_t: "Importé de « {} » : {} lus, {} gardés, {} positions de lecture, et les réglages.",
    shortcuts: "Raccourcis clavier",
    key_enter: "Entrée",
    key_escape: "Échap",
    shortcut_help: [
        "Aller à la recherche",
        "Parcourir les résultats",
        "Ouvrir le résultat choisi",
        "Effacer la recherche, ou revenir aux résultats",
        "Occurrence suivante, précédente (article)",
        "Garder l’article pour plus tard, ou le retirer",
        "Surligner le passage sélectionné (un clic sur un surlignage : sa note)",
        "Afficher ces raccourcis",
        "Passer d’un lien ou d’un bouton au suivant",
    ],
};

/// The French words of a list.
pub static FR_LIST: ListText = ListText {
    lang: Lang::Fr,
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    first_day: "1er",
    no_date: "Sans date",
    article: ["article", "articles"],
    result: ["résultat", "résultats"],
    reading_time_t: "{} min de lecture",
    loading: "Chargement…",
    all_articles: "Tous les articles",
    more_results: "Plus de résultats",
    results_for_t: "Résultats pour « {} »",
    did_you_mean: ["Vouliez-vous dire ", " ?"],
    order_label: "Ordre des résultats",
    order_by: "Trier : ",
    order_relevance: "Pertinence",
    order_newest: "Plus récents",
    follow_search: "Suivre cette recherche",
    too_common_t: "« {} » : ces mots sont trop courants pour être cherchés seuls. Ajoutez un mot.",
    no_match_t: "Aucun article ne correspond à « {} ».",
    my_articles: "Mes articles",
    per_month_caption: "Articles par mois : une barre montre son mois.",
    filters: "Filtres",
    source: "Source",
    all_sources: "Toutes les sources",
    year: "Année",
    month: "Mois",
    all_years: "Toutes les années",
    all_months: "Tous les mois",
    unread_only: "Non lus seulement",
    labelled_t: "{} : {}",
    save_for_later: "Garder pour plus tard",
    save_short: "☆ Garder",
    back_all: "← Tous les articles",
    back_results: "← Résultats",
    read_original: "Lire l’original",
    photo_t: "Photo : {}",
    progress: "Progression de la lecture",
};

/// The English interface.
pub static EN: Text = Text {
    list: &EN_LIST,
    app_name: "liseuse",
    description: "Read and search news articles, offline.",
    occurrence: ["match", "matches"],
    kinds: ["Person", "Place", "Organisation", "Name", "Media"],
    searching: "Searching…",
    no_index_named: "the page does not name the articles' index: the published site is incomplete (index.html)",
    index_unreachable_t: "The articles' index could not be loaded ({}: {}). Check the connection, then reload the page.",
    index_damaged_t: "The articles' index is damaged ({}: {}). Reload the page; if it happens again, the published site is incomplete.",
    piece_unreachable_t: "Part of the index could not be loaded ({}: {}). Check the connection, then search again.",
    piece_damaged_t: "Part of the index is damaged ({}: {}). Reload the page; if it happens again, the published site is incomplete.",
    piece_mismatch: "what came is not the file: the download was cut, or another page was served instead",
    not_an_index: "this file is no liseuse index",
    other_version_t: "an index of another version of liseuse (format {}, {} expected): the site needs rebuilding",
    damaged_file: "damaged or truncated file",
    unreadable_compressed_t: "unreadable compressed file ({})",
    empty: "empty",
    no_decompression: "this browser cannot decompress files (DecompressionStream): please update it",
    storage_full: "The browser has no room left for this site: your latest choices will not be kept. Free some space (site data) or export them.",
    storage_refused: "The browser keeps nothing for this site (private browsing or storage turned off): your choices last for this visit only.",
    crash_title: "liseuse ran into an error",
    crash_message: "The page has stopped. Your articles are not lost: open liseuse again from the home page.",
    crash_reopen: "Open liseuse again",
    search: "Search",
    search_placeholder: "Search…",
    search_in_t: "Search {} {}…",
    unread_articles: "Unread articles",
    more_articles: "More articles",
    shelf_line_t: "My articles: {}, {} lately",
    saved_count: ["saved", "saved"],
    read_count: ["read", "read"],
    new_since: [
        "new article since your last visit",
        "new articles since your last visit",
    ],
    only_new: "New only",
    entity_offer_t: "{}: {}, {}",
    per_month: "Articles per month",
    unavailable: "Article unavailable",
    new_badge: "New",
    saved_for_later: "Saved for later",
    saved_hint: "Saved (s to remove)",
    save_hint: "Save for later (s)",
    saved_short: "★ Saved",
    article_missing: "Article not found",
    article_missing_t: "No article has the identifier “{}”.",
    resumed: "Back where you left off. ",
    restart: "Start from the top",
    loading_article: "Loading the article…",
    read_badge: "Read",
    mark_unread: "Mark as unread",
    in_this_article: "In this article: ",
    names_label: "Names in the article",
    read_next: "Read next",
    same_story: "Same story, another source",
    previous_match: "Previous match",
    previous_match_key: "Previous match (p)",
    next_match: "Next match",
    next_match_key: "Next match (n)",
    matches_label: "Matches",
    name: "Name",
    name_missing: "Name not found",
    name_missing_t: "No name “{}” in this collection.",
    named_times_t: "{}, named {} times",
    often_with: "Often with: ",
    quotations_t: "Quotes ({})",
    more_quotations: "More quotes",
    highlight: "Highlight",
    note: "Note…",
    note_title: "Note on the passage",
    your_note: "Your note",
    save: "Save",
    cancel: "Cancel",
    remove_highlight: "Remove the highlight",
    note_or_remove: "Note or remove…",
    selected_passage: "Selected passage",
    your_highlights_t: "Your highlights ({})",
    highlights_t: "Highlights ({})",
    highlights_title: "Highlights",
    orphan: "Passage not found in this version of the article (kept as it was).",
    gone_t: "{} (no longer in the collection)",
    export_markdown: "Export as Markdown",
    listen: "▶ Listen",
    pause: "❚❚ Pause",
    resume: "▶ Resume",
    stop: "■ Stop",
    read_aloud: "Reading aloud",
    sentence_of_t: "Sentence {} of {}",
    ebook: "E-book (EPUB)",
    ebook_preparing: "Preparing the e-book…",
    ebook_contents: "Contents",
    ebook_original: "Original:",
    made_on_t: "Made with liseuse on {}.",
    saved_title_t: "Saved for later ({})",
    search_followed: "✓ Search followed",
    quoted_t: "“{}”",
    followed_title: "Followed searches",
    followed_title_t: "Followed searches ({})",
    none_followed: "No followed search: “Follow this search”, on a page of results, adds it here; after each update, the home page says how many of its results are new.",
    new_results: ["new", "new"],
    unfollow: "Unfollow",
    none_saved: "No saved article: “☆ Save” (or the key s) on an article adds it here.",
    recent: "Read lately",
    none_recent: "No article opened yet.",
    shelf_hint: "Kept in this browser only; “Aa” then “Export” to take them elsewhere.",
    none_highlighted: "No highlighted passage: select a passage of an article, then “Highlight” (or the key h).",
    highlights_file: "liseuse-highlights.md",
    passage_gone: "Passage not found in the current version of the article.",
    settings: "Reading settings",
    theme: "Theme",
    themes: ["System", "Light", "Sepia", "Dark"],
    text_size: "Text size",
    smaller: "Smaller text",
    larger: "Larger text",
    font: "Font",
    fonts: ["Serif", "Sans serif"],
    line_width: "Line width",
    widths: ["Narrow", "Normal", "Wide"],
    your_data: "Your data",
    data_hint: "Read and saved articles and settings stay in this browser. A backup takes them elsewhere.",
    export: "Export",
    import: "Import…",
    close: "Close",
    backup_file: "liseuse-backup.json",
    backup_saved_t: "Backup saved: {}.",
    file_failed: "The browser could not make the file.",
    unreadable_t: "“{}” could not be read.",
    not_imported_t: "“{}” was not imported: {}.",
    backup_not_json: "this file is not a JSON file",
    backup_not_export: "this JSON file is not a liseuse backup (the “Export” button)",
    backup_version_t: "this backup comes from another version of liseuse (format {}, expected {})",
    imported_t: "Imported from “{}”: {} read, {} saved, {} reading positions, and the settings.",
    shortcuts: "Keyboard shortcuts",
    key_enter: "Enter",
    key_escape: "Esc",
    shortcut_help: [
        "Go to the search",
        "Move through the results",
        "Open the chosen result",
        "Clear the search, or go back to the results",
        "Next, previous match (article)",
        "Save the article for later, or remove it",
        "Highlight the selected passage (a click on a highlight: its note)",
        "Show these shortcuts",
        "Move from one link or button to the next",
    ],
};

/// The English words of a list.
pub static EN_LIST: ListText = ListText {
    lang: Lang::En,
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    first_day: "",
    no_date: "No date",
    article: ["article", "articles"],
    result: ["result", "results"],
    reading_time_t: "{} min read",
    loading: "Loading…",
    all_articles: "All articles",
    more_results: "More results",
    results_for_t: "Results for “{}”",
    did_you_mean: ["Did you mean ", "?"],
    order_label: "Order of the results",
    order_by: "Sort: ",
    order_relevance: "Relevance",
    order_newest: "Newest",
    follow_search: "Follow this search",
    too_common_t: "“{}”: these words are too common to be searched alone. Add a word.",
    no_match_t: "No article matches “{}”.",
    my_articles: "My articles",
    per_month_caption: "Articles per month: a bar shows its month.",
    filters: "Filters",
    source: "Source",
    all_sources: "All sources",
    year: "Year",
    month: "Month",
    all_years: "All years",
    all_months: "All months",
    unread_only: "Unread only",
    labelled_t: "{}: {}",
    save_for_later: "Save for later",
    save_short: "☆ Save",
    back_all: "← All articles",
    back_results: "← Results",
    read_original: "Read the original",
    photo_t: "Photo: {}",
    progress: "Reading progress",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_months_and_plurals_in_each_language() {
        assert_eq!(FR.date("2024-02-01"), "1er février 2024");
        assert_eq!(FR.date("2023-10-24"), "24 octobre 2023");
        assert_eq!(EN.date("2024-02-01"), "February 1, 2024");
        assert_eq!(FR.month("2020-10"), "octobre 2020");
        assert_eq!(EN.month("2020-10"), "October 2020");
        for bad in ["2024-13-01", "hier", "2024-02", "2024-02-01-05", ""] {
            assert_eq!(FR.date(bad), bad);
        }
        for bad in ["2024-00", "2024", "2024-1x", "2024-02-01"] {
            assert_eq!(EN.month(bad), bad);
        }
        assert_eq!(FR.count(0, FR.article), "0 article");
        assert_eq!(EN.count(0, EN.article), "0 articles");
        assert_eq!(FR.count(2, FR.result), "2 résultats");
        assert_eq!(EN.count(1, EN.result), "1 result");
        assert_eq!(EN.reading_time(4), "4 min read");
    }

    #[test]
    fn templates_are_filled_in_order() {
        assert_eq!(fill("{} sur {}", &["2", "5"]), "2 sur 5");
        assert_eq!(fill("{} et {}", &["a"]), "a et ");
        assert_eq!(fill("sans", &["x"]), "sans");
        // Every template of both tables takes as many values in each.
        let holes = |s: &str| s.matches("{}").count();
        assert_eq!(holes(FR.imported_t), holes(EN.imported_t));
    }

    #[test]
    fn tags_choose_a_language() {
        assert_eq!(Lang::of("en-GB"), Some(Lang::En));
        assert_eq!(Lang::of("FR"), Some(Lang::Fr));
        assert_eq!(Lang::of("de"), None);
        assert_eq!(Lang::of("fra"), None);
        assert_eq!(Lang::of("e"), None);
        assert_eq!(Lang::of(" en_US "), Some(Lang::En));
        assert_eq!(Lang::En.text().lang, Lang::En);
    }

    #[test]
    fn boot_strings_are_json_safe_in_a_script() {
        let json = EN_PAGE.boot_json(&EN);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["yes"], "Yes");
        assert!(!json.contains('<'));
    }
}
