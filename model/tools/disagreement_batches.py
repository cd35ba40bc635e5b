#!/usr/bin/env python3
"""Reading batches from the blocks a model and the alignment disagree on (`train ... disagree`).

The alignment calls every non-editorial block it cannot place "boilerplate"; a sixth of those are
promos. The ones the model scores as promo, paywall or donation are where a wrong training label
costs most, so they are read first: one block per site and text (a person's label applies to the
same text across the site), the most repeated first, marked among two neighbours on either side
(the batch format of tools/READING.md). With `disagree --aligned editorial`, the same ranks the
article text the model drops.
Training-split pages only: the dev and test labels stay a sample no model chose.

usage: disagreement_batches.py BLOCKS.jsonl.gz DISAGREE.tsv OUT_DIR [TARGETS] [BATCHES] [PREFIX]
"""
import collections, gzip, json, sys

from rare_batches import write

def main(blocks_path, disagree_path, out_dir, targets=2100, batches=4, prefix="disagree"):
    scores = {}
    for line in open(disagree_path, encoding="utf-8"):
        page, i, score = line.rstrip("\n").split("\t")
        scores[(page, int(i))] = float(score)
    pages = collections.defaultdict(list)
    for line in gzip.open(blocks_path, "rt", encoding="utf-8"):
        o = json.loads(line)
        if o["split"] == "train":
            pages[o["page"]].append(o)
    occurrences = collections.defaultdict(list)
    for (page, i), score in scores.items():
        b = pages[page][i]
        occurrences[(b["domain"], b["text"])].append((score, page, i))
    ranked = []
    for found in occurrences.values():
        found.sort(reverse=True)
        ranked.append((len(found) * found[0][0], found[0][1], found[0][2]))
    ranked.sort(reverse=True)
    chosen = [(page, i) for _, page, i in ranked[:targets]]
    write(pages, chosen, batches, prefix, out_dir)
    print(f"{len(ranked)} disagreeing site texts; {min(targets, len(ranked))} chosen", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], *[int(a) for a in sys.argv[4:6]], *sys.argv[6:7])
