#!/usr/bin/env python3
"""Joins labelling batches (page<TAB>index<TAB>label, written by people reading the batch files)
with the block texts of the dump they were read from, into model/corpus/labels.jsonl.gz.

Labels are stored with the block text, not the index, so they survive changes to segmentation.

usage: labels_from_tsv.py BLOCKS.jsonl.gz LABELS_DIR OUT.jsonl
"""
import collections, glob, gzip, json, os, re, sys

from labels_io import open_text

HARD = re.compile(r"subscri|donat|advertis|cookie|paywall|sponsor|newsletter|membership|abonn|spende|werbung|contribut|premium|paid|crowdfund", re.I)
LICENCE = {"wcxb": "CC-BY-4.0 (WCXB dev, Foley 2026)",
           "trafilatura": "Apache-2.0 annotations (trafilatura evaldata); page not redistributable",
           "readability": "Apache-2.0 (Mozilla Readability test pages); page not redistributable"}

def main(blocks_path, labels_dir, out_path):
    wanted = collections.defaultdict(dict)
    for path in sorted(glob.glob(os.path.join(labels_dir, "*.tsv"))):
        batch = os.path.basename(path)[:-4]
        for line in open(path, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[2] not in ("editorial", "boilerplate", "promo", "paywall", "donation"):
                continue
            wanted[parts[0]][int(parts[1])] = (parts[2], batch)
    records = []
    seen = set()
    for line in gzip.open(blocks_path, "rt", encoding="utf-8"):
        o = json.loads(line)
        hit = wanted.get(o["page"], {}).get(o["i"])
        if not hit:
            continue
        label, batch = hit
        key = (o["page"], o["text"])
        if key in seen:
            continue
        seen.add(key)
        source = o["page"].split(":")[0]
        rec = {"page": o["page"], "domain": o["domain"], "label": label, "text": o["text"], "batch": batch,
               "licence": LICENCE[source]}
        if label == "editorial" and (batch.startswith("hard") or HARD.search(o["text"])):
            rec["hardNegative"] = True
        records.append(rec)
    records.sort(key=lambda r: (r["page"], r["text"]))
    with open_text(out_path, "w") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    c = collections.Counter(r["label"] for r in records)
    print(f"{len(records)} labels: {dict(c)}; hard negatives {sum(1 for r in records if r.get('hardNegative'))}; "
          f"sites {len({r['domain'] for r in records})}", file=sys.stderr)

if __name__ == "__main__":
    main(*sys.argv[1:4])
