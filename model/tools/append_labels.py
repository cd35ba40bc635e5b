#!/usr/bin/env python3
"""Appends reading batches (page<TAB>index<TAB>label files written by people reading the batch
files) to model/corpus/labels.jsonl.gz, with the block texts of the dump they were read from.

Unlike labels_from_tsv.py, which writes the whole file from every batch, this adds the records
of new batches to the labels already committed; a (page, text) already labelled is left as it is.

usage: append_labels.py BLOCKS.jsonl.gz LABELS.jsonl BATCH.tsv [BATCH.tsv ...]
"""
import gzip, json, os, re, sys

from labels_io import open_text

HARD = re.compile(r"subscri|donat|advertis|cookie|paywall|sponsor|newsletter|membership|abonn|spende|werbung|contribut|premium|paid|crowdfund", re.I)
LABELS = ("editorial", "boilerplate", "promo", "paywall", "donation")


def licence(page, news):
    source, pid = page.split(":", 1)
    if source == "news":
        return news.get(pid, "") + " (news fixture); page not redistributable"
    if source == "webis":
        return "webis-ceb (" + pid.split("/")[0] + "); page not redistributable"
    return {"wcxb": "CC-BY-4.0 (WCXB dev, Foley 2026)",
            "trafilatura": "Apache-2.0 annotations (trafilatura evaldata); page not redistributable",
            "readability": "Apache-2.0 (Mozilla Readability test pages); page not redistributable"}[source]


def main(blocks_path, labels_path, batches):
    news = {}
    index = os.path.join(os.environ.get("WINNOW_DATA", "../shared/data"), "news-fixtures", "index.jsonl")
    for line in open(index, encoding="utf-8"):
        o = json.loads(line)
        news[o["id"]] = o.get("licence") or ""
    wanted = {}
    for path in batches:
        batch = os.path.basename(path).rsplit(".", 1)[0]
        for line in open(path, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[2] in LABELS and parts[1].isdigit():
                wanted[(parts[0], int(parts[1]))] = (parts[2], batch)
    existing = set()
    for line in open_text(labels_path):
        o = json.loads(line)
        existing.add((o["page"], o["text"]))
    added = 0
    with open_text(labels_path, "a") as out:
        for line in gzip.open(blocks_path, "rt", encoding="utf-8"):
            o = json.loads(line)
            hit = wanted.get((o["page"], o["i"]))
            if not hit or (o["page"], o["text"]) in existing:
                continue
            label, batch = hit
            existing.add((o["page"], o["text"]))
            rec = {"batch": batch, "domain": o["domain"]}
            if label == "editorial" and HARD.search(o["text"]):
                rec["hardNegative"] = True
            rec.update({"label": label, "licence": licence(o["page"], news), "page": o["page"], "text": o["text"]})
            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            added += 1
    print("added", added, "records", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
