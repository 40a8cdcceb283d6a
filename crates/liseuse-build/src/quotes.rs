//! Who said what: the quotations of an article's text («…», “…”, "…") and
//! their speakers, found from the attribution around each one.
//!
//! A speaker is named where the text says who speaks, in one of the forms
//! news text uses:
//!
//! - after the quotation: `», a déclaré Antony Blinken`, `", a tweeté le
//!   ministre Mevlut Cavusoglu`, `», selon Ilham Aliev`, `", said Joe Biden`;
//! - before it, in its sentence: `Stoltenberg a déclaré que "…"`, `Antony
//!   Blinken a appelé Bakou à « … »`, `Selon Hajiyev, « … »`: the name that
//!   opens the sentence (after a title: `le président français Emmanuel
//!   Macron`), followed by a verb of saying;
//! - by a pronoun (`», a-t-il ajouté`): the speaker of the quotation just
//!   before, in the same or the previous sentence, and no one otherwise.
//!
//! Anything else (a quotation after an organisation's name that is not a
//! name, a speaker two sentences away, a sentence with two names before its
//! verb) keeps the quotation without a speaker: never a wrong one, where a
//! guess would be.

use liseuse_core::article::Article;
use liseuse_core::model::is_apostrophe;

/// A quotation of a block of text, with its speaker when the text says who.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without their marks, trimmed.
    pub text: String,
    /// Who said them, as the text names them (`Antony Blinken`).
    pub speaker: Option<String>,
}

/// Quoted words shorter than this many words are terms the text sets
/// apart (`"urgentes"`, « antiterroriste »), not quotations.
pub const MIN_QUOTATION_WORDS: usize = 3;

/// Verbs of saying, as their past participle or present (third person),
/// folded to lower case: what an attribution turns on.
const SAYING: &[&str] = &[
    "déclaré",
    "déclare",
    "affirmé",
    "affirme",
    "indiqué",
    "indique",
    "ajouté",
    "ajoute",
    "expliqué",
    "explique",
    "estimé",
    "estime",
    "souligné",
    "souligne",
    "assuré",
    "assure",
    "précisé",
    "précise",
    "dit",
    "lancé",
    "lance",
    "confié",
    "confie",
    "raconté",
    "raconte",
    "martelé",
    "martèle",
    "dénoncé",
    "dénonce",
    "insisté",
    "insiste",
    "rappelé",
    "rappelle",
    "poursuivi",
    "poursuit",
    "tweeté",
    "écrit",
    "annoncé",
    "annonce",
    "répondu",
    "répond",
    "réagi",
    "réagit",
    "commenté",
    "commente",
    "jugé",
    "juge",
    "prévenu",
    "prévient",
    "appelé",
    "demandé",
    "demande",
    "exhorté",
    "accusé",
    "exprimé",
    "promis",
    "regretté",
    "regrette",
    "reconnu",
    "reconnaît",
    "admis",
    "admet",
    "observé",
    "noté",
    "note",
    "conclu",
    "glissé",
    "confirmé",
    "confirme",
    "salué",
    "salue",
    "plaidé",
    "plaide",
    "lâché",
    "lâche",
    "détaillé",
    "détaille",
    "témoigné",
    "témoigne",
    "avoué",
    "avoue",
    "réjoui",
    "réjouie",
    "félicité",
    "félicitée",
    "insurgé",
    "insurgée",
    "insurge",
    "révélé",
    "révèle",
    "rapporté",
    "rapporte",
    "protesté",
    "proteste",
    "relevé",
    "relève",
    "averti",
    "avertit",
    "résumé",
    "résume",
    "prophétise",
    "renchéri",
    "renchérit",
    "souhaité",
    "souhaite",
    "martèle",
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "tweeted",
    "stated",
    "explained",
    "warned",
];

/// Words that begin a sentence with a capital without being a name.
const NOT_NAMES: &[&str] = &[
    "Le",
    "La",
    "Les",
    "L",
    "Un",
    "Une",
    "Des",
    "De",
    "Du",
    "Selon",
    "Pour",
    "Dans",
    "Lors",
    "Mais",
    "Et",
    "En",
    "Au",
    "Aux",
    "Ce",
    "Cette",
    "Ces",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "On",
    "Nous",
    "Vous",
    "Je",
    "Si",
    "Alors",
    "Après",
    "Avant",
    "Depuis",
    "Pendant",
    "Par",
    "Sur",
    "Sous",
    "Avec",
    "Sans",
    "Ainsi",
    "Puis",
    "Enfin",
    "Cependant",
    "Toutefois",
    "Or",
    "Donc",
    "M",
    "Mme",
    "Mgr",
    "Dr",
    "The",
    "A",
    "An",
    "He",
    "She",
    "They",
    "It",
    "We",
    "But",
    "And",
];

/// Pronouns that stand for the last speaker.
const PRONOUNS: &[&str] = &["il", "elle", "he", "she"];

/// What ends the clause of an attribution.
const CLAUSE_ENDS: [char; 7] = [',', '.', ';', ':', '(', '!', '?'];

/// Words that name what follows them in quotation marks: a title, a
/// nickname, never someone's words ("le livre intitulé « … »").
const NAMING: &[&str] = &[
    "intitulé",
    "intitulée",
    "intitulés",
    "intitulées",
    "baptisé",
    "baptisée",
    "baptisés",
    "baptisées",
    "surnommé",
    "surnommée",
    "surnommés",
    "surnommées",
    "dénommé",
    "dénommée",
    "titré",
    "titrée",
    "entitled",
    "titled",
    "dubbed",
    "nicknamed",
];

/// The quotation marks, opening with their closing.
const MARKS: &[(char, char)] = &[('«', '»'), ('“', '”'), ('"', '"')];

/// The quotations of `text` (a block of an article), in order; `previous`
/// is the speaker of the last quotation of the block before, which a
/// pronoun at its start may stand for.
pub fn quotations(text: &str, previous: Option<&str>) -> Vec<Quotation> {
    let mut found: Vec<Quotation> = Vec::new();
    let mut last: Option<(usize, String)> = previous.map(|p| (0, p.to_string()));
    let spans = spans(text);
    // Byte for byte the text, the quotations blanked: what is said around.
    let told = narration(text, &spans);
    for &(open, close) in &spans {
        let inner =
            text[open..close].trim_matches(|c: char| MARKS.iter().any(|m| m.0 == c || m.1 == c));
        // A quotation too short to list ("une tragédie") still says who
        // spoke: the pronoun after the next one may stand for them.
        let listed = inner.split_whitespace().count() >= MIN_QUOTATION_WORDS;
        let sentence = sentence_start(text, open);
        let before = &told[sentence..open];
        let after = &text[close..];
        // The pronoun stands for the speaker of a quotation of this sentence
        // or the one before (of the block before only in the first).
        let since = sentence_start(text, sentence.saturating_sub(1));
        // English puts the comma inside: “…,” said X.
        let speaker = match after_attribution(after, inner.trim_end().ends_with(',')) {
            // A title and what follows it in brackets (its translation);
            // a charge ("mis en examen pour « meurtre »").
            _ if named(before) || charged(before) => None,
            Some(Said::Name(name)) => Some(name),
            Some(Said::Pronoun) => (last.as_ref())
                .filter(|(at, _)| {
                    if *at == 0 {
                        sentence == 0
                    } else {
                        *at >= since
                    }
                })
                .map(|(_, name)| name.clone())
                // No one quoted just before: the person the sentence before
                // opens with ("Edouard Philippe a livré… « … », a lancé le
                // Premier ministre").
                .or_else(|| opening_name(&told[previous_sentence(text, open)])),
            None => before_attribution(before),
        };
        if let Some(name) = &speaker {
            last = Some((close, name.clone()));
        }
        if listed {
            found.push(Quotation {
                text: inner.trim().to_string(),
                speaker,
            });
        }
    }
    found
}

/// The quotations of an article's blocks, in order: a pronoun at the start
/// of a block may stand for the last speaker of the block before.
pub fn in_article(article: &Article) -> Vec<Quotation> {
    let mut previous: Option<String> = None;
    let mut all = Vec::new();
    for block in &article.blocks {
        let found = quotations(&block.text, previous.as_deref());
        previous = found.iter().rev().find_map(|q| q.speaker.clone());
        all.extend(found);
    }
    all
}

/// The byte ranges of the quotations of `text`, marks included: each
/// opening mark with the next closing one of its kind in the same block.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some((start, open)) = text[at..]
            .char_indices()
            .find(|(_, c)| MARKS.iter().any(|m| m.0 == *c))
            .map(|(i, c)| (at + i, c))
        else {
            break;
        };
        let close = MARKS.iter().find(|m| m.0 == open).map_or(open, |m| m.1);
        let from = start + open.len_utf8();
        match text[from..].find(close) {
            Some(end) => {
                let end = from + end + close.len_utf8();
                spans.push((start, end));
                at = end;
            }
            None => break,
        }
    }
    spans
}

/// Where the sentence that holds byte `at` of `text` starts: after the
/// last `.`, `!` or `?` followed (past closing marks and spaces, which news
/// text sometimes forgets: `2007."Devant`) by a capital or an opening mark.
fn sentence_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let head = &text[..at];
    let mut start = 0;
    for (i, c) in head.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let rest = head[i + 1..].trim_start_matches(|c: char| {
                c.is_whitespace() || MARKS.iter().any(|m| m.1 == c && m.0 != m.1)
            });
            let next = rest.chars().next();
            if next.is_some_and(|n| n.is_uppercase() || MARKS.iter().any(|m| m.0 == n)) {
                start = head.len() - rest.len();
            }
        }
    }
    start
}

/// `text` with its quotations (`spans`) replaced by spaces: what the
/// narration around a quotation says, without the capitals quoted.
fn narration(text: &str, spans: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(open, close) in spans {
        out.push_str(&text[at..open]);
        out.push_str(&" ".repeat(close - open));
        at = close;
    }
    out.push_str(&text[at..]);
    out
}

/// Who the words after a quotation say spoke.
enum Said {
    Name(String),
    Pronoun,
}

/// `», a déclaré X`, `", a-t-il ajouté`, `», selon X`, `," said X` (the
/// comma inside the quotation when `comma_inside`).
fn after_attribution(after: &str, comma_inside: bool) -> Option<Said> {
    let rest = after.trim_start_matches(|c: char| MARKS.iter().any(|m| m.1 == c));
    let rest = match rest.trim_start().strip_prefix(',') {
        Some(rest) => rest.trim_start(),
        None if comma_inside => rest.trim_start(),
        None => return None,
    };
    // "M. Farkouh", "Mme Borne": the title's full stop ends no clause.
    let rest = rest.replace("M. ", "M ");
    let rest = rest.as_str();
    // The clause, up to the next comma or end of sentence.
    let clause: &str = rest.split(CLAUSE_ENDS).next().unwrap_or_default();
    let words: Vec<&str> = clause.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if first == "selon" || first == "according" {
        return name_in(&words[1..]).map(Said::Name);
    }
    // "a déclaré X", "a-t-il ajouté", "ajoute-t-elle", "déclare X", "said X".
    let mut k = 0;
    if matches!(
        first.as_str(),
        "a" | "avait" | "aurait" | "ont" | "s'est" | "s’est" | "a-t-il" | "a-t-elle"
    ) {
        if first.ends_with("-il") || first.ends_with("-elle") {
            return words.get(1).filter(|w| is_saying(w)).map(|_| Said::Pronoun);
        }
        k = 1;
        // "a de son côté tweeté", "a également déclaré".
        k += adverbials(&words[1..]);
    }
    if k == 0 && PRONOUNS.contains(&first.as_str()) {
        // ", he said", ", il ajoute".
        return words.get(1).filter(|w| is_saying(w)).map(|_| Said::Pronoun);
    }
    let verb = words.get(k)?;
    if let Some(stem) = verb.strip_suffix("-t-il").or(verb.strip_suffix("-t-elle")) {
        return is_saying(stem).then_some(Said::Pronoun);
    }
    if !is_saying(verb) {
        return None;
    }
    let mut subject = &words[k + 1..];
    if subject
        .first()
        .is_some_and(|w| PRONOUNS.contains(&w.to_lowercase().as_str()))
    {
        return Some(Said::Pronoun);
    }
    // Whom it was said to comes first at times: "a indiqué à l'AFP X".
    if subject
        .first()
        .is_some_and(|w| matches!(*w, "à" | "au" | "aux"))
    {
        subject = subject.get(2..).unwrap_or_default();
    }
    if let Some(name) = name_in(subject) {
        return Some(Said::Name(name));
    }
    // A title, then the name after a comma: "a souligné le délégué
    // interministériel, Emmanuel Barbe."
    let after_clause = rest[clause.len()..].chars().next();
    if name_runs(subject).is_empty() && after_clause == Some(',') {
        let next: Vec<&str> = (rest[clause.len() + 1..].split(CLAUSE_ENDS))
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let runs = name_runs(&next);
        if let [(end, name)] = runs.as_slice() {
            if *end == next.len() && name.split_whitespace().count() == next.len() {
                return Some(Said::Name(name.clone()));
            }
        }
    }
    // When and where come first, the speaker last: "a déclaré mardi sur
    // franceinfo Alexis Corbière" (after a quotation the subject follows
    // its verb: the clause's end is it).
    let leads = subject.first().map(|w| w.to_lowercase());
    let lead = |w: &str| WEEKDAYS.contains(&w) || ADVERBIAL_LEADS.contains(&w);
    if leads.is_some_and(|w| lead(&w)) {
        if let Some(name) = ending_name(subject) {
            return Some(Said::Name(name));
        }
    }
    // A role, no name: "a ajouté la chanteuse", "s'insurge la comédienne"
    // stand for the speaker just quoted, as a pronoun does.
    let role = subject.first().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "le" | "la") || w.starts_with("l'") || w.starts_with("l’")
    });
    // ("le Premier ministre": a title's capital is no name.)
    let titled = |run: &(usize, String)| ["Premier", "Première"].contains(&run.1.as_str());
    if role && subject.len() <= 3 && name_runs(subject).iter().all(titled) {
        return Some(Said::Pronoun);
    }
    None
}

/// Words that open a time or a place before the subject after a verb of
/// saying (the days of the week aside, [`WEEKDAYS`]).
const ADVERBIAL_LEADS: &[&str] = &["sur", "dans", "hier", "ce", "cette", "devant", "lors", "en"];

/// The days of the week: a time, before a name or after it.
const WEEKDAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Whether `before` ends with a charge's "pour" or "de" after a word of
/// the courts: what follows is the charge, no one's words.
fn charged(before: &str) -> bool {
    const COURTS: &[&str] = &[
        "examen",
        "condamné",
        "condamnée",
        "condamnés",
        "inculpé",
        "inculpée",
        "poursuivi",
        "poursuivie",
        "poursuivis",
        "écroué",
        "écrouée",
        "enquête",
        "information",
        "jugé",
        "jugée",
        "accusé",
        "accusée",
        "déféré",
        "déférée",
        "chef",
        "chefs",
    ];
    let words: Vec<String> = (before.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    matches!(last.as_str(), "pour" | "de" | "d")
        && rest
            .iter()
            .rev()
            .take(8)
            .any(|w| COURTS.contains(&w.as_str()))
}

/// Where the sentence before the one the quotation at `open` is in (or
/// opens) is in `text`.
fn previous_sentence(text: &str, open: usize) -> std::ops::Range<usize> {
    let mark = text[open..].chars().next().map_or(1, char::len_utf8);
    let own = sentence_start(text, open + mark);
    if own == 0 {
        return 0..0;
    }
    sentence_start(text, own - 1)..own
}

/// The person's name `sentence` opens with, as the subject of its verb: a
/// name of two or three words, then a word in lower case; and the only
/// name of two words or more in it (a pronoun after "Macron a reçu Angela
/// Merkel" may stand for either: no one).
fn opening_name(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let runs = name_runs(&words);
    let mut full = runs.iter().filter(|(_, name)| name.contains(' '));
    let (end, name) = full.next()?;
    let length = name.split_whitespace().count();
    let verb = words
        .get(*end)
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    let alone = full.next().is_none();
    (*end == length && (2..=3).contains(&length) && verb && alone).then(|| name.clone())
}

/// Whether the last word of `before` (punctuation aside) names what
/// follows: the quotation after it is a title ([`NAMING`]).
fn named(before: &str) -> bool {
    let last = (before.split_whitespace().rev())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !w.is_empty());
    last.is_some_and(|w| NAMING.contains(&w.to_lowercase().as_str()))
}

/// `X a déclaré que "`, `X a appelé Bakou à « `, `Selon X, « `: the name
/// that is the subject of the sentence before a quotation, followed by a
/// verb of saying.
fn before_attribution(before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("selon"))
    {
        // Only right before the quotation: in "Selon Reuters, X a dit
        // « … »", X speaks.
        let (clause, rest) = before.split_once(',')?;
        let clause: Vec<&str> = clause.split_whitespace().skip(1).collect();
        return rest.trim().is_empty().then(|| name_in(&clause)).flatten();
    }
    // The subject of the last verb of saying ("…, Éric Woerth demande :"),
    // else of the first ("Blinken a exprimé son inquiétude et a appelé
    // Bakou à « … »").
    let last = words.iter().rposition(|w| is_saying(w))?;
    let first = words.iter().position(|w| is_saying(w))?;
    subject_of(&words[..last]).or_else(|| {
        (first < last)
            .then(|| subject_of(&words[..first]))
            .flatten()
    })
}

/// The speaker that `words`, all that comes before a verb of saying in its
/// sentence, name as the verb's subject.
fn subject_of(words: &[&str]) -> Option<String> {
    let mut subject = words;
    // Its auxiliary, if any, comes right before it, or an adverb or two
    // before ("a également accusé"); an "a" further back is another verb's.
    if let Some(auxiliary) = (subject.iter())
        .rposition(|w| {
            matches!(
                w.trim_end_matches(','),
                "a" | "avait" | "aurait" | "has" | "had"
            )
        })
        .filter(|&at| subject.len() - at <= 3)
    {
        subject = &subject[..auxiliary];
    }
    // Its last part between commas, ending with a name: "Lors d'une
    // visite, Stoltenberg", "le président français Emmanuel Macron"; an
    // apposition in lower case before the verb is skipped ("Hikmet
    // Hajiyev, conseiller du président,").
    let text = without_parentheses(&subject.join(" "));
    let parts: Vec<&str> = (text.split(',').rev().map(str::trim))
        .filter(|p| !p.is_empty())
        .collect();
    for (k, part) in parts.iter().enumerate() {
        let words: Vec<&str> = part.split_whitespace().collect();
        if let Some(name) = ending_name(&words) {
            // An apposition that ends with a place: the name before it
            // speaks ("Pierre Pouessel, préfet de la région Centre-Val de
            // Loire, estime").
            let whole = |part: &&str| {
                let words: Vec<&str> = part.split_whitespace().collect();
                ending_name(&words).filter(|n| n.split_whitespace().count() == words.len())
            };
            if part.starts_with(char::is_lowercase) {
                if let Some(before) = parts.get(k + 1).and_then(whole) {
                    return Some(before);
                }
            }
            return Some(name);
        }
        if !part.starts_with(char::is_lowercase) {
            return None;
        }
    }
    None
}

/// `text` without what it says in parentheses ("de la FFSG (Fédération
/// française des sports de glace)").
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The name that ends `words`, unless a preposition or an article puts it
/// in a complement ("le ministère de la Défense", "au Haut-Karabakh"), and
/// unless another name comes before it ("Macron et Scholz").
fn ending_name(words: &[&str]) -> Option<String> {
    let runs = name_runs(words);
    let (end, name) = runs.last().filter(|(end, _)| *end == words.len())?;
    let length = name.split_whitespace().count();
    let before = ((end - length).checked_sub(1))
        .and_then(|i| words.get(i))
        .map(|w| w.to_lowercase());
    let complement = [
        "de", "du", "des", "au", "aux", "à", "en", "et", "pour", "avec", "contre", "sur", "par",
        "entre", "of", "and", "in",
    ];
    let start = end - length;
    // An article after a preposition: "le ministère de la Défense".
    // (An article opens a subject: "la Ville de Paris", "La Turquie"; not
    // after another word: "dans Les Échos", "de la Défense".)
    let article = before
        .as_deref()
        .is_some_and(|w| matches!(w, "la" | "le" | "les" | "the"))
        && start >= 2;
    if article
        || before
            .as_ref()
            .is_some_and(|w| complement.contains(&w.as_str()) || w.ends_with(is_apostrophe))
    {
        // "aux Retraites Laurent Pietraszewski": a department, then the
        // person: the last two words, when they are a first and last name.
        let parts: Vec<&str> = name.split_whitespace().collect();
        return (parts.len() >= 3 && parts[parts.len() - 2].starts_with(char::is_uppercase))
            .then(|| parts[parts.len() - 2..].join(" "));
    }
    // An acronym after a common noun qualifies it: "un syndicaliste CGT".
    let acronym = name.chars().all(|c| !c.is_lowercase());
    if acronym && before.is_some_and(|w| w.starts_with(char::is_lowercase)) {
        return None;
    }
    Some(name.clone())
}

/// Whether `word` is a verb of saying.
fn is_saying(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    // "s'insurge", "s’exclame": the verb after its pronoun.
    let word = (word.strip_prefix("s'").or(word.strip_prefix("s’"))).unwrap_or(&word);
    SAYING.contains(&word)
}

/// How many of the first `words` are an adverb or an aside between an
/// auxiliary and its verb: "de son côté", "pour sa part", "également".
fn adverbials(words: &[&str]) -> usize {
    const ADVERBS: &[&str] = &[
        "également",
        "aussi",
        "encore",
        "ensuite",
        "alors",
        "notamment",
        "d'ailleurs",
        "d’ailleurs",
        "pourtant",
        "enfin",
        "toutefois",
        "néanmoins",
        "cependant",
        "déjà",
        "aussitôt",
        "immédiatement",
        "simplement",
        "finalement",
        "quant",
    ];
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut k = 0;
    loop {
        let rest: Vec<&str> = lower[k..].iter().take(3).map(String::as_str).collect();
        match rest.as_slice() {
            ["de", "son" | "sa" | "leur", "côté", ..]
            | ["pour", "sa" | "son" | "leur", "part", ..] => k += 3,
            [adverb, ..] if ADVERBS.contains(adverb) => k += 1,
            _ => return k,
        }
    }
}

/// The last name of `words` (a clause after a verb of saying: `le ministre
/// des Affaires étrangères Mevlut Cavusoglu après un entretien`), if it
/// ends its first noun phrase.
fn name_in(words: &[&str]) -> Option<String> {
    // The noun phrase ends at the first word that is neither a name, a
    // title's word in lower case, nor a particle: a verb or a preposition
    // after the name ("après", "lors", "dans").
    let ends = [
        "après", "lors", "dans", "devant", "à", "au", "en", "sur", "on", "in", "at", "after",
        "qui", "dont", "pour", "avant", "depuis", "par", "lorsque", "quand", "who", "which",
        "before",
    ];
    let cut = words
        .iter()
        .position(|w| {
            let w = w.to_lowercase();
            ends.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str())
        })
        .unwrap_or(words.len());
    ending_name(&words[..cut])
}

/// The runs of capitalised words of `words` that may be names (`Antony
/// Blinken`, `Recep Tayyip Erdogan`, `Jens Stoltenberg`), each with the
/// index just after it; particles (`de`, `van`, `al-`) join two capitalised
/// words. A word of [`NOT_NAMES`] is none.
fn name_runs(words: &[&str]) -> Vec<(usize, String)> {
    let mut runs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut k = 0;
    let capital = |w: &str| {
        let clean = w.trim_matches(|c: char| !c.is_alphanumeric());
        clean.starts_with(char::is_uppercase)
            && !NOT_NAMES.contains(&clean)
            // "J'ai", "L'Arménie": an elision, not a name.
            && !clean.contains(is_apostrophe)
            && !clean.chars().all(|c| c.is_uppercase() && clean.len() > 1 && clean.len() < 3)
    };
    while k < words.len() {
        let word = words[k];
        if capital(word) {
            current.push(word.trim_matches(|c: char| !c.is_alphanumeric()));
        } else if !current.is_empty()
            // "Marine Le Pen", "Bruno Le Maire": a particle in capitals, inside a name.
            && matches!(word, "de" | "du" | "von" | "van" | "der" | "bin" | "ben" | "Le" | "La")
            && words.get(k + 1).is_some_and(|next| capital(next))
        {
            current.push(word);
        } else if !current.is_empty() {
            runs.push((k, current.join(" ")));
            current.clear();
        }
        k += 1;
    }
    if !current.is_empty() {
        runs.push((k, current.join(" ")));
    }
    runs
}

pub mod speakers;

#[cfg(test)]
mod tests;
