"""How the names liseuse finds compare with a reference: spaCy's French
model (fr_core_news_md, its PER/LOC/ORG/MISC labels) run over the same
articles. Never part of the build: `scripts/bench-names` installs spaCy in
a virtual environment of its own and runs this.

Input: the JSON of `cargo run --example names` (the names in the most
articles, each with its kind and a sample of its articles, and their texts).
For each name, the reference's label is the one spaCy gives most often to
its mentions in the sample (the mention written as the name, or as a part
of a person's name: `Macron` for `Emmanuel Macron`). A name the reference never labels
there is "junk by the reference"; its entities that contain the name are
listed, so that a reader can judge (`Assemblée` inside `Assemblée
nationale` is a fragment; a disease the model does not know is not junk).

Prints: junk among the 100 first names, kind agreement over the 200 first,
and every disagreement, for the closing note.
"""

import collections
import json
import sys
import unicodedata

ELIDED = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu")
# Which labels of the reference agree with each of liseuse's kinds.
AGREES = {
    "Person": {"PER"},
    "Place": {"LOC"},
    "Organisation": {"ORG"},
    "Media": {"ORG", "MISC"},
    "Other": {"MISC"},
}


def fold(text):
    """liseuse_core::model::key, in Python: words folded, elisions off."""
    words = []
    for word in text.replace("’", "'").replace("ʼ", "'").split():
        if "'" in word:
            before, after = word.split("'", 1)
            if before.lower() in ELIDED:
                word = after
        word = unicodedata.normalize("NFD", word)
        word = "".join(c for c in word if not unicodedata.combining(c)).lower()
        word = word.strip(".,;:!?\"«»()[]")
        if word:
            words.append(word)
    return " ".join(words)


def inside(small, big):
    """Whether the words of `small` are a run of the words of `big`."""
    s, b = small.split(), big.split()
    return any(b[i : i + len(s)] == s for i in range(len(b) - len(s) + 1))


def main():
    import spacy

    data = json.load(open(sys.argv[1]))
    names = data["names"]
    texts = data["texts"]
    nlp = spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler"])
    ids = list(texts)
    ents = {}
    for doc_id, doc in zip(ids, nlp.pipe((texts[i][:20000] for i in ids), batch_size=32)):
        ents[doc_id] = [(fold(e.text), e.label_) for e in doc.ents]
    rows = []
    for rank, name in enumerate(names, 1):
        key = fold(name["name"])
        labels, wider = collections.Counter(), collections.Counter()
        for doc in name["sample"]:
            for text, label in ents[str(doc)]:
                # The name as written, or a person's surname alone.
                surname = label == "PER" and text and key.endswith(" " + text)
                if text == key or surname:
                    labels[label] += 1
                elif inside(key, text):
                    wider[f"{text} ({label})"] += 1
        reference = labels.most_common(1)[0][0] if labels else None
        agree = reference in AGREES[name["kind"]]
        rows.append((rank, name, reference, agree, labels, wider))
    top100 = [r for r in rows if r[0] <= 100]
    junk = [r for r in top100 if r[2] is None]
    labelled = [r for r in rows if r[2] is not None]
    agreeing = [r for r in rows if r[3]]
    print(f"names: {len(rows)} most frequent, reference spaCy {spacy.__version__} fr_core_news_md")
    print(f"junk by the reference among the 100 first: {len(junk)}")
    for rank, name, _, _, _, wider in junk:
        print(f"  {rank:>3}. {name['name']} ({name['kind']}, {name['docs']} articles); inside: {', '.join(w for w, _ in wider.most_common(3)) or 'nothing'}")
    print(
        f"kind agreement over the {len(rows)} first: {len(agreeing)}/{len(rows)} = {100 * len(agreeing) / len(rows):.1f} %"
        f" ({len(agreeing)}/{len(labelled)} = {100 * len(agreeing) / max(1, len(labelled)):.1f} % of those the reference labels)"
    )
    unlabelled = [r for r in rows if r[2] is None and r[0] > 100]
    if unlabelled:
        print("not labelled by the reference, after the 100 first: " + ", ".join(f"{r[0]}. {r[1]['name']} ({r[1]['kind']})" for r in unlabelled))
    print("disagreements (rank. name: liseuse's kind / the reference's labels):")
    for rank, name, reference, agree, labels, _ in rows:
        if reference is not None and not agree:
            print(f"  {rank:>3}. {name['name']}: {name['kind']} / {dict(labels.most_common(3))}")


if __name__ == "__main__":
    main()
