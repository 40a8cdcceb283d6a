//! Words a reader may use for the same thing: "décès" for an article that says
//! "mort", "débute" for one that says "commence".
//!
//! Each group holds words of general French usage, of the kind news and
//! encyclopaedic text say in several ways: the events of a life, of a war, of
//! a business, of a work. A query word that is a member of a group also
//! matches the other members, at [`crate::search::SYNONYM_WEIGHT`]; members are
//! analysed like any word, so each stands for all its forms ("épouse" for
//! "épouser", "épousé", "épouses"...). Words with other common meanings are
//! left out ("part", "né"), and so are the words of one subject: the groups
//! must hold for any collection.

/// The groups, folded (see [`crate::analysis::fold`]).
pub const GROUPS: &[&[&str]] = &[
    &["commencer", "commencement", "debut", "debuter"],
    &["finir", "terminer", "achever"],
    &["mort", "mourir", "meurt", "deces", "decede", "decedee"],
    &["naissance", "naitre", "nait"],
    &["mariage", "marier", "epouser", "epouse", "epoux"],
    &[
        "fonder",
        "fondation",
        "fondateur",
        "creer",
        "creation",
        "createur",
    ],
    &["construire", "construction", "batir"],
    &[
        "diriger",
        "dirigeant",
        "direction",
        "mener",
        "commander",
        "commandant",
    ],
    &["gagner", "remporter", "victoire", "vainqueur", "vaincre"],
    &["perdre", "defaite", "perte"],
    &["surnom", "surnommer", "surnomme"],
    &["utiliser", "utilisation", "employer", "emploi", "usage"],
    &["habiter", "vivre", "resider", "habitant", "residence"],
    &["aider", "aide", "soutenir", "soutien", "secourir"],
    &["ecrire", "ecrivain", "auteur", "rediger"],
    &["peindre", "peintre", "peinture"],
    &["jouer", "joueur", "interpreter", "interprete"],
    &["attaquer", "attaque", "offensive", "assaut"],
    &["guerre", "conflit"],
    &["roi", "souverain", "monarque", "regne", "regner"],
    &["enfant", "enfants", "fils", "fille"],
    &["financement", "financer", "fonds"],
    &["objectif", "but", "viser"],
    &["quitter", "partir", "depart"],
    &["retour", "revenir", "rentrer"],
    &["etudier", "etude", "etudiant"],
    &["enseigner", "professeur", "enseignant"],
    &["medecin", "docteur"],
    &["elire", "elu", "election"],
    &["interdire", "interdiction"],
    &["vendre", "vente"],
    &["acheter", "achat", "acquerir", "acquisition"],
    &["produire", "production", "fabriquer", "fabrication"],
    &["augmenter", "hausse", "augmentation", "croissance"],
    &["diminuer", "baisse", "reduction", "reduire", "diminution"],
    &["taille", "hauteur", "longueur", "mesurer"],
    &["poids", "peser", "masse"],
    &["celebre", "connu", "renommee", "repute"],
    &["disparaitre", "disparition", "disparu"],
    &["inventer", "invention", "inventeur"],
    &["decouvrir", "decouverte"],
    &["publier", "publication", "parution", "paraitre"],
    &["composer", "compositeur", "composition"],
    &["emprisonner", "prison", "incarcerer", "emprisonnement"],
    &["condamner", "condamnation", "peine"],
    &["liberer", "liberation"],
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{fold, Analyzer};

    #[test]
    fn members_are_folded_and_no_stop_words() {
        for word in GROUPS.iter().flat_map(|g| g.iter()) {
            assert_eq!(&fold(word), word);
            assert!(
                !Analyzer::FRENCH.analyze(word).is_empty(),
                "{word} is a stop word"
            );
        }
    }
}
