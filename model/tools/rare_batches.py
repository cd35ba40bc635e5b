#!/usr/bin/env python3
"""Reading batches for rare labels on the news fixtures and webis-ceb (session of 2 December), and
the test split's paywall search. Reads WORK/blocks.jsonl.gz (the `dump` command) and writes
WORK/batches/news-1..5.txt, or with `test-paywall` WORK/batches/test-paywall-1..3.txt: candidate
blocks (marked `*`) with two neighbours each side. Keywords and class words only pick what people
read; the labels come from reading (model/tools/append_labels.py adds the readers' TSV files).

With `train-short`, WORK/batches/train-short-1.txt: the training split's short blocks (80 characters
or fewer) that no person read, that the alignment does not call editorial and that use paywall or
donation wording: the buttons, menu links and badges the second stage reads by layout.

usage: rare_batches.py [news|test-paywall|train-short]     (WORK defaults to target/corpus-work)
"""
import collections, gzip, json, os, random, re, sys

from labels_io import open_text

WORK = os.environ.get("WORK", "target/corpus-work")
DATA = os.environ.get("WINNOW_DATA", "../shared/data")
SRC = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "candidates.py"), encoding="utf-8").read()
PAYWALL = re.search(r'^PAYWALL = r"(.*)"$', SRC, re.M).group(1) + r"|réservé aux abonnés|abonnez-vous|déjà abonné|suscríbete|suscriptor|solo para suscriptores|exclusivo para (suscriptores|socios)|per abbonati|già abbonato|会員限定|有料会員|続きを読む|有料記事|только для подписчиков|оформите подписку|sign in to (read|continue|view)|log in to (read|continue|view)|create a free account|members? only|subscribers? (get|can|have)|subscribe (now|today) to|to continue reading|article (is )?(limit|reserved)|free articles? (left|remaining)|this (article|story|content) is (for|exclusive)"
DONATION = re.search(r'^DONATION = r"(.*)"$', SRC, re.M).group(1) + r"|faire un don|soutenez|soutenir (notre|le)|donar|apoya (nuestro|el periodismo)|dona ora|sostieni|寄付|支援する|пожертв|поддержите|support (independent|our|local) (journalism|reporting|news)|become a (paying )?member|membership|contribute|tip (us|jar)|fund (our|independent)"
PROMO = re.search(r'^PROMO = r"(.*)"$', SRC, re.M).group(1)
GATE_CLASS = r"paywall|regwall|piano|premium|subscri|donat|support|member|meter|locked|contribut|abo\b|plus"
STRONG_PAYWALL = r"subscriber|subscription|subscribe to (read|continue|unlock|get)|abonnent|abonné|abonnez|abo\b|premium|paywall|free articles?|articles? (left|remaining)|members? only|member-only|for members|exclusive (to|for)|unlock|continue reading|keep reading|read the full|rest of (this|the) (article|story)|weiterlesen|freischalten|plus-|prenumer|suscriptor|abbonat|会員限定|有料|подписчик|réservé|locked|already a|free trial|register (to|for free|now)|sign in to|log ?in to|create (a|an|your) (free )?account"
TEST_CLASS = r"paywall|regwall|piano|premium|subscri|meter|locked|gate|abo\b|plus|tp-|wall"


def pages_of(keep):
    pages = collections.defaultdict(list)
    for line in gzip.open(os.path.join(WORK, "blocks.jsonl.gz"), "rt", encoding="utf-8"):
        o = json.loads(line)
        if keep(o):
            pages[o["page"]].append(o)
    return pages


def news_candidates():
    pw, dn, pr = (re.compile(x, re.I) for x in (PAYWALL, DONATION, PROMO))
    pages = pages_of(lambda o: o["page"].split(":")[0] in ("news", "webis"))
    hits, seen = collections.defaultdict(list), set()
    for p, blocks in pages.items():
        news = p.startswith("news:")
        for b in blocks:
            t = b["text"]
            if len(t) < 2 or len(t) > 1000 or b["gold"] == "editorial" or (b["domain"], t) in seen:
                continue
            k = None
            if pw.search(t):
                k = "paywall"
            elif dn.search(t):
                k = "donation"
            elif news and len(t) < 300 and re.search(GATE_CLASS, b["cls"], re.I):
                k = "cls"
            elif news and pr.search(t):
                k = "promo"
            if k:
                seen.add((b["domain"], t))
                hits[k].append((p, b["i"]))
    random.seed(11)
    split = lambda p: pages[p][0]["split"]
    chosen = hits["paywall"] + hits["donation"]
    cls = hits["cls"]
    random.shuffle(cls)
    chosen += [x for x in cls if split(x[0]) != "train"] + [x for x in cls if split(x[0]) == "train"][:700]
    promo = hits["promo"]
    random.shuffle(promo)
    chosen += [x for x in promo if split(x[0]) != "train"][:450] + [x for x in promo if split(x[0]) == "train"][:450]
    return pages, chosen, 5, "news"


def read_already(where):
    """(page or domain, text) of every block people have read, by the record field `where`."""
    return {(o[where], o["text"]) for o in map(json.loads, open_text("model/corpus/labels.jsonl.gz"))}


def test_paywall_candidates():
    labelled = read_already("page")
    strong, gate = re.compile(STRONG_PAYWALL, re.I), re.compile(TEST_CLASS, re.I)
    pages = pages_of(lambda o: o["split"] == "test")
    chosen = []
    for p, blocks in pages.items():
        for b in blocks:
            t = b["text"]
            if (p, t) in labelled or len(t) > 600 or (b["gold"] == "editorial" and len(t) > 200):
                continue
            if strong.search(t) or (not p.startswith("webis") and gate.search(b["cls"]) and len(t) < 200 and b["gold"] != "editorial"):
                chosen.append((p, b["i"]))
    return pages, chosen, 3, "test-paywall"


def train_short_candidates():
    read = read_already("domain")
    pw, dn = re.compile(PAYWALL, re.I), re.compile(DONATION, re.I)
    pages = pages_of(lambda o: o["split"] == "train")
    chosen, seen = [], set()
    for p, blocks in pages.items():
        for b in blocks:
            key = (b["domain"], b["text"])
            if len(b["text"]) <= 80 and b["gold"] != "editorial" and key not in read and key not in seen \
                    and (pw.search(b["text"]) or dn.search(b["text"])):
                seen.add(key)
                chosen.append((p, b["i"]))
    return pages, chosen, 1, "train-short"


def write(pages, chosen, n, prefix, out_dir=None):
    lang = {}
    for line in open(os.path.join(DATA, "news-fixtures", "index.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        lang["news:" + d["id"]] = d["lang"]
    by_page = collections.defaultdict(set)
    for p, i in chosen:
        by_page[p].add(i)
    loads, assign = [0] * n, collections.defaultdict(list)
    for p in sorted(by_page, key=lambda p: (-len(by_page[p]), p)):
        k = loads.index(min(loads))
        assign[k].append(p)
        loads[k] += len(by_page[p])
    out_dir = out_dir or os.path.join(WORK, "batches")
    os.makedirs(out_dir, exist_ok=True)
    for k in range(n):
        with open(os.path.join(out_dir, f"{prefix}-{k + 1}.txt"), "w", encoding="utf-8") as f:
            for p in sorted(assign[k]):
                blocks, groups = pages[p], []
                for i in sorted(by_page[p]):
                    lo, hi = max(0, i - 2), min(len(blocks) - 1, i + 2)
                    if groups and lo <= groups[-1][1] + 1:
                        groups[-1][1] = max(groups[-1][1], hi)
                    else:
                        groups.append([lo, hi])
                f.write(f"\n##### PAGE {p}  site={blocks[0]['domain']}  lang={lang.get(p) or '?'}  blocks={len(blocks)}\n")
                for lo, hi in groups:
                    f.write("  ...\n")
                    for b in blocks[lo:hi + 1]:
                        mark = "*" if b["i"] in by_page[p] else " "
                        f.write(f"{mark} {b['i']}\t<{b['tag']}> [{b['in']}] {{{b['cls'][:60]}}} {b['text'][:600]}\n")
    print(prefix, len(chosen), "candidates in", n, "batches", loads, file=sys.stderr)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "news"
    write(*{"test-paywall": test_paywall_candidates, "train-short": train_short_candidates}.get(mode, news_candidates)())
