//! Each quotation to the name page of its speaker: the person or
//! organisation the build found under the speaker's name, or, for a
//! speaker the text names by a part (`Blinken`), the one person of the
//! article whose name ends so. A speaker that is no name of the collection, or
//! that could be two of the article's, quotes no one's page.

use std::collections::HashMap;

use liseuse_core::model::{key, Entity, Kind, Quote};

use crate::texts::WithText;

/// Gives `entities` (by key) the quotations `articles` attribute to them,
/// in document order.
pub fn attach(articles: &(impl WithText + ?Sized), entities: &mut [(String, Entity)]) {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (at, (found, entity)) in entities.iter().enumerate() {
        by_key.insert(found.clone(), at);
        by_key.entry(key(&entity.name)).or_insert(at);
    }
    // The people each document names: who a last name can stand for (a
    // newspaper, a place or a body that ends so cannot: "Parisien" is not
    // Le Parisien's words, nor "Stan" Gamla Stan's).
    let mut named: Vec<Vec<usize>> = vec![Vec::new(); articles.count()];
    let people = entities
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| e.kind == Kind::Person);
    for (at, (_, entity)) in people {
        for &doc in &entity.docs {
            if let Some(names) = named.get_mut(doc as usize) {
                names.push(at);
            }
        }
    }
    let mut quotes: Vec<Vec<Quote>> = vec![Vec::new(); entities.len()];
    for (doc, named) in named.iter().enumerate() {
        for quotation in super::in_article(&articles.article(doc)) {
            let Some(speaker) = quotation.speaker.as_deref().map(key) else {
                continue;
            };
            let found = by_key
                .get(&speaker)
                .copied()
                .or_else(|| one_ending_so(&speaker, named, |at| entities[at].0.as_str()));
            if let Some(at) = found {
                let quote = Quote {
                    doc: doc as u32,
                    text: quotation.text,
                };
                quotes[at].push(quote);
            }
        }
    }
    for ((_, entity), quotes) in entities.iter_mut().zip(quotes) {
        entity.quotes = Quote::encode(&quotes);
    }
}

/// The one of `names` (their keys by `key_of`) whose last words are
/// `speaker`, a name's last word or words; none if none or several are.
fn one_ending_so<'a>(
    speaker: &str,
    names: &[usize],
    key_of: impl Fn(usize) -> &'a str,
) -> Option<usize> {
    let ending = format!(" {speaker}");
    let mut found = names.iter().filter(|&&at| key_of(at).ends_with(&ending));
    let first = *found.next()?;
    found.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use liseuse_core::article::Article;
    use liseuse_core::article::Block;

    fn article(text: &str) -> Article {
        Article {
            blocks: vec![Block::paragraph(text)],
            ..Article::default()
        }
    }

    fn entity(name: &str, docs: &[u32]) -> (String, Entity) {
        let kind = match name {
            "Le Parisien" => Kind::Media,
            _ => Kind::Person,
        };
        let entity = Entity {
            name: name.into(),
            kind,
            docs: docs.to_vec(),
            ..Entity::default()
        };
        (key(name), entity)
    }

    #[test]
    fn a_quotation_goes_to_its_speakers_page_by_name_or_by_a_last_name_of_the_article_only() {
        let articles = [
            article("« Il faut cesser immédiatement ces actions », a déclaré Antony Blinken."),
            article("« Nous ne céderons sur rien du tout », a dit Blinken lundi soir."),
            // Two Alievs in the article: the page of neither.
            article("« La guerre est finie pour de bon », a déclaré Aliev mardi."),
            // Blinken is not a name of this article.
            article("« Rien ne sera plus comme avant ici », a affirmé Blinken."),
            article("« Les pourparlers reprendront à Genève », a dit Dimanche."),
            // A newspaper is no one's last name.
            article("« Les usagers ne pourront plus se retrouver ici », selon Parisien."),
        ];
        let mut entities = vec![
            entity("Antony Blinken", &[0, 1]),
            entity("Ilham Aliev", &[2]),
            entity("Heydar Aliev", &[2]),
            entity("Le Parisien", &[5]),
        ];
        attach(&articles[..], &mut entities);
        let quotes: Vec<(u32, String)> = (entities[0].1.quotes(articles.len()).into_iter())
            .map(|q| (q.doc, q.text))
            .collect();
        assert_eq!(
            quotes,
            [
                (0, "Il faut cesser immédiatement ces actions".to_string()),
                (1, "Nous ne céderons sur rien du tout".to_string()),
            ]
        );
        assert!(entities[1..].iter().all(|(_, e)| e.quotes.is_empty()));
    }
}
