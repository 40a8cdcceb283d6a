"""A sample of quotations to label by hand, apart from the one the
speaker rules were written on, with each quotation's context.

    cargo build --release -p liseuse-build --example quotes
    python3 bench/quotes-sample.py /tmp/orangesum > /tmp/held.jsonl
    # write each line's "label": who speaks ("" for no one clear), then
    target/release/examples/quotes /tmp/orangesum --score /tmp/held.jsonl

(/tmp/orangesum: a folder holding only a link to
../shared/corpora/orangesum/orangesum_docs.jsonl.gz, as docs/benchmarks.md
sets up.) The articles are those of `--sample 120` that `--sample 50` (the sample
the rules were made on) does not have: the first 50 of them, the first
three quotations of three words or more of each (`FOLDER 200 50,120`: those
of `--sample 200` that neither has, for a third sample). The lines quote OrangeSum,
whose text may not be redistributed: keep them out of the repository.
"""

import glob
import gzip
import json
import subprocess
import sys

QUOTES = "target/release/examples/quotes"


def sample(folder, n):
    out = subprocess.run([QUOTES, folder, "--sample", str(n)], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def main(folder, draw=120, excluded=(50,), articles=50, per_article=3):
    seen = {row["id"] for n in excluded for row in sample(folder, n)}
    chosen = {}
    for row in sample(folder, draw):
        if row["id"] in seen or len(row["quotation"].split()) < 3:
            continue
        if row["id"] not in chosen and len(chosen) == articles:
            continue
        quotes = chosen.setdefault(row["id"], [])
        if len(quotes) < per_article:
            quotes.append(row)
    # Each quotation's context, from the corpus (ids `<file stem>/<id>`).
    texts = {}
    for path in glob.glob(f"{folder}/*.jsonl.gz"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".jsonl.gz")
        with gzip.open(path, "rt") as lines:
            for line in lines:
                doc = json.loads(line)
                key = f"{stem}/{doc['id']}"
                if key in chosen:
                    texts[key] = f"{doc.get('heading', '')} {doc.get('body', '')}"
    for key, quotes in chosen.items():
        text = texts.get(key, "")
        for row in quotes:
            at = text.find(row["quotation"][:40])
            row["context"] = text[max(0, at - 260) : at + len(row["quotation"]) + 200] if at >= 0 else ""
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    # FOLDER [DRAW EXCLUDED,...]: another sample, apart from those of the
    # samples EXCLUDED (`200 50,120`: a third, to check rules made on the
    # first two).
    args = sys.argv[1:]
    if len(args) == 3:
        main(args[0], int(args[1]), [int(n) for n in args[2].split(",")])
    else:
        main(args[0])
