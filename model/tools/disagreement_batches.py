#!/usr/bin/env python3
"""Reading batches from the blocks a model and the alignment disagree on (`train ... disagree`).

The alignment calls every non-editorial block it cannot place "boilerplate"; a sixth of those are
promos. The ones the model scores as promo, paywall or donation are where a wrong training label
costs most, so they are read first: one block per site and text (a person's label applies to the
same text across the site), the most repeated first, each with one neighbour on either side.
Training-split pages only: the dev and test labels stay a sample no model chose.

usage: disagreement_batches.py BLOCKS.jsonl.gz DISAGREE.tsv OUT_DIR [TARGETS] [BATCHES]
"""
import collections, gzip, json, os, random, sys

def main(blocks_path, disagree_path, out_dir, targets=2100, batches=4):
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
    chosen = collections.defaultdict(set)
    for _, page, i in ranked[:targets]:
        chosen[page].add(i)
    groups = []
    for page, wanted in chosen.items():
        current = None
        for i in sorted(wanted):
            lo, hi = max(0, i - 1), min(len(pages[page]) - 1, i + 1)
            if current and lo <= current[1] + 1:
                current[1] = max(current[1], hi)
            else:
                if current:
                    groups.append((page, *current))
                current = [lo, hi]
        groups.append((page, *current))
    random.Random(7).shuffle(groups)
    lines = sum(hi - lo + 1 for _, lo, hi in groups)
    per = lines / batches
    files = [[] for _ in range(batches)]
    n = 0
    for g in groups:
        files[min(batches - 1, int(n / per))].append(g)
        n += g[2] - g[1] + 1
    for k, chunk in enumerate(files):
        with open(os.path.join(out_dir, f"disagree-{k + 1}.txt"), "w", encoding="utf-8") as f:
            for page, lo, hi in chunk:
                b0 = pages[page][lo]
                f.write(f"=== page {page}  domain {b0['domain']}  (blocks {lo}-{hi} of {b0['n']})\n")
                for b in pages[page][lo:hi + 1]:
                    t = b["text"] if len(b["text"]) < 700 else b["text"][:700] + " [...]"
                    f.write(f"{page}\t{b['i']}\t<{b['tag']}> [{b['in']}] {{{b['cls'][:60]}}}\t{t}\n")
    print(f"{len(ranked)} disagreeing site texts; {min(targets, len(ranked))} chosen; {lines} lines in {batches} batches", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], *[int(a) for a in sys.argv[4:6]])
