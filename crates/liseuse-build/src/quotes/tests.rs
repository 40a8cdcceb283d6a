use super::*;

/// The (text, speaker) of each quotation of `text`.
fn said(text: &str) -> Vec<(String, Option<String>)> {
    quotations(text, None)
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

fn one(text: &str) -> Option<String> {
    let found = said(text);
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].1.clone()
}

#[test]
fn the_seeds_speakers_after_and_before_their_quotations() {
    // After it, a title before the name.
    assert_eq!(
        one("« L’Arménie doit cesser ses provocations et se concentrer sur les négociations de paix », a tweeté le ministre des Affaires étrangères Mevlut Cavusoglu après un entretien téléphonique."),
        Some("Mevlut Cavusoglu".into())
    );
    // Before it: the subject of its sentence, a verb of saying between.
    assert_eq!(
        one("De son côté, le secrétaire d'État Antony Blinken a exprimé sa profonde inquiétude et a appelé Bakou à « cesser immédiatement ces actions »."),
        Some("Antony Blinken".into())
    );
    assert_eq!(
        one("Lors d'une rencontre avec le ministre azerbaïdjanais de la Défense, Zakir Hasanov, Stoltenberg a déclaré que \"l'étroite coopération entre les armées contribuera grandement\"."),
        Some("Stoltenberg".into())
    );
    assert_eq!(
        one("\"L'Azerbaïdjan mène des opérations militaires sur son territoire\", a affirmé Ilham Aliev, cité par la présidence."),
        Some("Ilham Aliev".into())
    );
}

#[test]
fn a_quotation_without_a_clear_speaker_keeps_none() {
    // An organisation whose name is a complement: no person named.
    assert_eq!(
        one("Le ministère azerbaïdjanais de la Défense a souligné que ce nouvel exercice vise à « assurer l'interopérabilité au combat » entre les alliés."),
        None
    );
    // A title without a name.
    assert_eq!(
        one("« Nous ne céderons pas sur ce point », a déclaré le ministre."),
        None
    );
    // No verb of saying.
    assert_eq!(
        one("Le rapport cite « une hausse sans précédent des prix »."),
        None
    );
    // "Selon" a source, then another subject: not the source.
    assert_eq!(
        one("Selon Reuters, le gouvernement a parlé de « mesures tout à fait exceptionnelles »."),
        None
    );
    // An apposition ending with a place: its name is not the speaker's.
    assert_eq!(
        one("Hikmet Hajiyev, conseiller du président et porte-parole de l'opération au Haut-Karabakh, a déclaré que « l'opération avance plus vite que prévu »."),
        Some("Hikmet Hajiyev".into())
    );
}

#[test]
fn a_title_then_a_name_after_a_comma_but_not_after_a_full_stop() {
    assert_eq!(
        one("« Ce mois de mai est à un niveau assez bas », a souligné à l'AFP le délégué interministériel à la sécurité routière, Emmanuel Barbe."),
        Some("Emmanuel Barbe".into())
    );
    // The next sentence's first name is not the title's.
    assert_eq!(
        one("« C'est quelqu'un qui était resté fidèle », a ajouté la chanteuse. Eddy Mitchell, un grand absent."),
        None
    );
    // A relative clause: its verb's subject is the name before "qui".
    assert_eq!(
        one("La France a suivi les recommandations, s'est défendu le directeur général de la Santé Jérôme Salomon, qui l'avait jugé « inutile dans la rue en mars »."),
        Some("Jérôme Salomon".into())
    );
}

#[test]
fn a_pronoun_stands_for_the_speaker_just_before_only() {
    let text = "\"Les Etats-Unis doivent soutenir le peuple de Hong Kong\", a déclaré Chris Van Hollen. \"Nous ne resterons pas silencieux sans rien faire\", a-t-il ajouté.";
    assert_eq!(
        said(text).into_iter().map(|(_, s)| s).collect::<Vec<_>>(),
        vec![
            Some("Chris Van Hollen".into()),
            Some("Chris Van Hollen".into())
        ]
    );
    // Two sentences away: no one.
    let far = "\"Les Etats-Unis doivent soutenir le peuple de Hong Kong\", a déclaré Chris Van Hollen. Le Sénat a voté le texte. La Chambre aussi. \"Nous ne resterons pas silencieux ici\", ajoute-t-il.";
    assert_eq!(said(far)[1].1, None);
    // With no quotation before: no one.
    assert_eq!(
        one("« Nous ne resterons pas silencieux », a-t-elle dit."),
        None
    );
    // The block before's speaker, at the start of the next block only.
    let next = quotations(
        "« Nous irons jusqu'au bout de ce combat », a-t-il poursuivi.",
        Some("Emmanuel Macron"),
    );
    assert_eq!(next[0].speaker.as_deref(), Some("Emmanuel Macron"));
}

#[test]
fn selon_english_forms_and_short_quoted_terms() {
    assert_eq!(
        one("Selon Ilham Aliev, « la raison principale est ailleurs »."),
        Some("Ilham Aliev".into())
    );
    assert_eq!(
        one("« La raison principale est ailleurs », selon Ilham Aliev."),
        Some("Ilham Aliev".into())
    );
    assert_eq!(
        one("“We will not accept this outcome,” said Joe Biden on Monday."),
        Some("Joe Biden".into())
    );
    // A word or two set apart are not quotations.
    assert!(said("L'opération « antiterroriste » et des consultations \"urgentes\".").is_empty());
}

#[test]
fn marks_that_never_close_end_the_search_without_a_panic() {
    assert!(said("Il a dit « que rien ne changerait").is_empty());
    assert!(said("\"").is_empty());
    assert_eq!(said("«»« a b c »").len(), 1);
    // A sentence that ends on a closing mark of two bytes, before another
    // quotation and a pronoun: the sentence before is looked for from
    // inside that mark.
    let text =
        "Il l'a dit : « nous irons à Molsheim ».« Tout sera prêt demain soir », a-t-il ajouté.";
    assert_eq!(said(text).len(), 2);
}

#[test]
fn a_title_after_intitule_is_no_ones_words_nor_its_translation() {
    let found = said("Le juge Hal Greenwald indique bloquer la publication du livre intitulé \"Too Much and Never Enough: How My Family Created the World's Most Dangerous Man\" (\"Trop et jamais assez: comment ma famille a créé l'homme le plus dangereux\", en français).");
    assert_eq!(found.len(), 2);
    assert!(
        found.iter().all(|(_, speaker)| speaker.is_none()),
        "{found:?}"
    );
    // Words said still have their speaker.
    assert_eq!(
        one("Le juge Hal Greenwald a déclaré que « ce livre ne peut pas sortir avant juillet »."),
        Some("Hal Greenwald".into())
    );
}

#[test]
fn recall_a_role_a_time_or_an_aside_before_the_speaker_and_an_apposition_after_it() {
    // A time and a place before the name.
    assert_eq!(
        one("« Je dis que monsieur Castaner est un ministre faible », a déclaré mardi 30 juillet sur franceinfo Alexis Corbière, député de la France insoumise."),
        Some("Alexis Corbière".into())
    );
    // An aside between the auxiliary and its verb.
    assert_eq!(
        one("« Ils préfèrent mettre en danger les Français », a de son côté tweeté le président du parti Jordan Bardella."),
        Some("Jordan Bardella".into())
    );
    // A particle in capitals inside a name.
    assert_eq!(
        one("« Ils préfèrent mettre en danger les Français », a de son côté tweeté la présidente du parti Marine Le Pen."),
        Some("Marine Le Pen".into())
    );
    assert_eq!(
        one("Le ministre Bruno Le Maire a déclaré que « la croissance sera forte »."),
        Some("Bruno Le Maire".into())
    );
    // A reflexive verb; a relative clause after the name.
    assert_eq!(
        one("« Je suis très heureux d'être libéré maintenant », s'est réjoui Abdul Wasi, 27 ans."),
        Some("Abdul Wasi".into())
    );
    assert_eq!(
        one("« Son groupe s'appelait les Chats sauvages », a déclaré la chanteuse Nicoletta qui avait partagé l'affiche."),
        Some("Nicoletta".into())
    );
    // A role stands for the speaker just quoted, as a pronoun does.
    let found = said("« Il a chanté pendant soixante ans », a déclaré la chanteuse Nicoletta. « C'est quelqu'un qui était resté fidèle à sa conception artistique », a ajouté la chanteuse.");
    assert_eq!(found[1].1.as_deref(), Some("Nicoletta"));
    // With no one quoted before, a role is no one.
    assert_eq!(
        one("« C'est quelqu'un qui était resté fidèle à lui-même », a ajouté la chanteuse."),
        None
    );
    // An apposition ending with a place: the name before it speaks.
    assert_eq!(
        one("Pierre Pouessel, préfet du Loiret et de la région Centre-Val de Loire, estime qu'il s'agit d'un « important cas groupé covid »."),
        Some("Pierre Pouessel".into())
    );
}

#[test]
fn a_pronoun_after_no_quotation_stands_for_the_person_the_sentence_before_opens_with() {
    let found = said("Edouard Philippe a livré les détails de la réforme. « Nous proposons un nouveau pacte », a lancé le Premier ministre.");
    assert_eq!(found[0].1.as_deref(), Some("Edouard Philippe"));
    // A quotation too short to list still says who spoke, for the pronoun after it.
    let found = said("Le président Donald Trump a estimé que c'était « une tragédie » pour le monde. Pékin « n'a pas tenu sa parole », a-t-il déclaré.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1.as_deref(), Some("Donald Trump"));
    // Two people in the sentence before: the pronoun may stand for either.
    let found = said("Emmanuel Macron a reçu Angela Merkel à Paris. « Nous avons parlé de l'Europe », a-t-elle déclaré.");
    assert_eq!(found[0].1, None);
    // A list of four names opens no sentence as its subject.
    let found = said("Twitter Facebook Youtube Google ont été cités. « Je n'ai jamais vu de contrat », explique-t-il.");
    assert_eq!(found[0].1, None);
}

#[test]
fn a_charge_is_no_ones_words() {
    assert_eq!(one("Jonathann Daval, qui a reconnu les faits, a été mis en examen pour « meurtre sur conjoint »."), None);
    assert_eq!(
        one("Il a été condamné à deux ans de prison pour « violences avec arme »."),
        None
    );
    // "Pour" after a verb of saying is still someone's words.
    assert_eq!(
        one("La candidate Rachida Dati a plaidé lundi pour « étendre les modalités de vote »."),
        Some("Rachida Dati".into())
    );
}
