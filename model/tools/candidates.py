#!/usr/bin/env python3
"""Finds candidate blocks for people to label and writes reading batches.

Reads WORK/blocks.jsonl.gz (written by dev.winnow.train.BlockDump) and writes WORK/batches/*.txt:
paywall, donation and promo candidates found by keywords in several languages (with neighbours for
context), a random sample of aligned boilerplate, editorial blocks that mention money, ads or cookies
(hard negatives), and a random sample of aligned blocks for the alignment audit. Keywords only pick
what people read; the labels come from reading. WORK defaults to target/corpus-work.
"""
import json, gzip, re, collections, sys, random, os
WORK = os.environ.get('WORK', 'target/corpus-work')
random.seed(7)
PROMO = r"newsletter|subscribe|sign[ -]?up|follow us|folgen sie uns|download (our|the) app|get the app|app store|google play|advertisement|anzeige|werbung|sponsored|related (articles|stories|posts|content)|^related|read more:|^read more|recommended|most (read|popular|viewed)|you (may|might) (also )?(like|enjoy)|more from|trending|podcast|webinar|e-?book|buy now|shop now|affiliate|commission|abonnieren|mehr zum thema|lesen sie auch|könnte sie (auch )?interessieren|weitere artikel|meistgelesen|czytaj (też|także|więcej)|zobacz (też|także)|polecamy|join our|exclusive offer|free trial|subscribe to our|sign up for|in your inbox|zum newsletter"
PAYWALL = r"subscribers? only|for subscribers|abonnent|premium (article|content|artikel)|continue reading|keep reading|weiterlesen mit|log ?in to (read|continue)|register to (read|continue)|free articles?|already (a )?(subscriber|member)|unlock|paywall|plus-artikel|freischalten|für abonnenten|prenumerat|metered|to read the full|read the full (story|article)|exclusive (content|access)|bereits abonnent|mit abo|sign in to read|subscription required|subscribe to (read|continue|unlock)|this (article|content|story) is (only )?(available|reserved)|you('ve| have) (reached|used)|artikel lesen mit|jetzt (weiterlesen|abonnieren)|digital ?abo|z\+|f\+|sz plus|spiegel\+|welt\+|faz\+"
DONATION = r"donat|make a contribution|contribute (to|today|now)|support (our|us|independent|quality|journalism|the work)|patreon|buy me a coffee|ko-fi|become a (member|supporter|patron|friend)|spende|unterstützen sie|unterstütze|wspier|wesprzyj|dear reader|liebe leser|paypal|steady|crowdfund|tip jar|reader[- ]supported|keep .{0,30} free|gift aid|förderverein|fördermitglied|wikipedia is|give (monthly|once|today)|chip in"
pat = {k: re.compile(v, re.I) for k, v in dict(promo=PROMO, paywall=PAYWALL, donation=DONATION).items()}
pages = collections.defaultdict(list)
for line in gzip.open(os.path.join(WORK, 'blocks.jsonl.gz'), 'rt'):
    o = json.loads(line); pages[o['page']].append(o)
seen = set()
cand = collections.defaultdict(list)  # kind -> list of (page, i)
hard = collections.defaultdict(list)
HN = re.compile(r"subscri|donat|advertis|cookie|paywall|sponsor|newsletter|membership|abonn|spende|werbung|contribut|premium|paid|crowdfund", re.I)
for page, blocks in pages.items():
    for b in blocks:
        t = b['text']
        if len(t) > 1500 or len(t) < 3: continue
        key = (b['domain'], t)
        if b['gold'] == 'editorial':
            m = HN.search(t)
            if m and len(t) > 30 and key not in seen:
                seen.add(key); hard[m.group(0).lower()[:6]].append((page, b['i']))
            continue
        for k in ('paywall', 'donation', 'promo'):
            if pat[k].search(t):
                if key not in seen:
                    seen.add(key); cand[k].append((page, b['i']))
                break
for k, v in cand.items(): print(k, len(v), len({p for p, _ in v}), file=sys.stderr)
print('hard', {k: len(v) for k, v in hard.items()}, file=sys.stderr)

def groups_for(items, ctx):
    out = []
    byp = collections.defaultdict(list)
    for p, i in items: byp[p].append(i)
    for p, idx in byp.items():
        blocks = pages[p]; idx.sort(); cur = None
        for i in idx:
            lo, hi = max(0, i - ctx), min(len(blocks) - 1, i + ctx)
            if cur and lo <= cur[1] + 1: cur[1] = max(cur[1], hi)
            else:
                if cur: out.append((p, cur[0], cur[1]))
                cur = [lo, hi]
        out.append((p, cur[0], cur[1]))
    return out

def sample_per_page(items, per_page, total):
    random.shuffle(items)
    cnt = collections.Counter(); out = []
    for p, i in items:
        if cnt[p] < per_page:
            cnt[p] += 1; out.append((p, i))
        if len(out) >= total: break
    return out

boiler = []
for page, blocks in pages.items():
    for b in blocks:
        if b['gold'] == 'boilerplate' and 3 <= len(b['text']) < 600 and (b['domain'], b['text']) not in seen:
            boiler.append((page, b['i']))
batches = {}
batches['donation'] = groups_for(cand['donation'], 2)
batches['paywall'] = groups_for(cand['paywall'], 2)
batches['promo'] = groups_for(sample_per_page(cand['promo'], 2, 1600), 1)
batches['boiler'] = groups_for(sample_per_page(boiler, 3, 1600), 0)
hn = []
for k, v in hard.items():
    random.shuffle(v); hn += v[:120]
batches['hard'] = groups_for(hn, 0)
os.makedirs(os.path.join(WORK, 'batches'), exist_ok=True)
def write(name, groups):
    n = 0
    with open(os.path.join(WORK, 'batches', f'{name}.txt'), 'w') as f:
        for p, lo, hi in groups:
            b0 = pages[p][lo]
            f.write(f"=== page {p}  domain {b0['domain']}  (blocks {lo}-{hi} of {b0['n']})\n")
            for b in pages[p][lo:hi + 1]:
                t = b['text'] if len(b['text']) < 700 else b['text'][:700] + ' [...]'
                f.write(f"{p}\t{b['i']}\t<{b['tag']}> [{b['in']}] {{{b['cls'][:60]}}}\t{t}\n"); n += 1
    return n
for name, groups in batches.items():
    # split into chunks of ~1300 block lines
    chunk, chunks, size = [], [], 0
    for g in groups:
        chunk.append(g); size += g[2] - g[1] + 1
        if size >= 1300: chunks.append(chunk); chunk, size = [], 0
    if chunk: chunks.append(chunk)
    for ci, c in enumerate(chunks):
        n = write(f'{name}-{ci+1}', c)
        print(name, ci + 1, len(c), 'groups', n, 'lines', file=sys.stderr)

# alignment audit sample: random blocks with an automatic label, with one neighbour each side
random.seed(11)
aligned = [(p, b['i']) for p, bl in pages.items() for b in bl if b['gold'] in ('editorial', 'boilerplate') and len(b['text']) < 700]
random.shuffle(aligned)
audit = sorted(aligned[:500])
with open(os.path.join(WORK, 'audit-centers.json'), 'w') as f:
    json.dump([[p, i, pages[p][i]['gold']] for p, i in audit], f)
write('align-1', groups_for(audit, 1))
