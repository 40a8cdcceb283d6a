"""Writes a collection of N articles made from OrangeSum for the archive
benchmark (scripts/bench-archive): copy k of each article gets the id
`c{k}-{id}`, a date k years earlier and `[k]` before its title (so that no
copy is a duplicate of another), one .jsonl.gz file per copy. Written under
target/ only: OrangeSum's text may not be redistributed.

    python3 bench/grow-corpus.py ORANGESUM_FOLDER OUT_FOLDER N
"""
import gzip
import json
import os
import sys

source, out, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = []
with gzip.open(os.path.join(source, "orangesum_docs.jsonl.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        if line.strip():
            lines.append(json.loads(line))
os.makedirs(out, exist_ok=True)
written, copy = 0, 0
while written < wanted:
    path = os.path.join(out, "copy-%03d.jsonl.gz" % copy)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        for article in lines:
            if written == wanted:
                break
            article = dict(article)
            article["id"] = "c%d-%s" % (copy, article.get("id", written))
            date = article.get("date") or ""
            if copy and len(date) >= 4 and date[:4].isdigit():
                article["date"] = "%04d%s" % (int(date[:4]) - copy, date[4:])
            if copy:
                article["title"] = "[%d] %s" % (copy, article.get("title", ""))
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
            written += 1
    copy += 1
print("%d articles in %d files under %s" % (written, copy, out))
