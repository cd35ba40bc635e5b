#!/usr/bin/env bash
# Rebuilds the small committed sample corpus the test suite trains and evaluates on:
# a handful of WCXB dev pages (CC-BY-4.0, redistributable with attribution) chosen because
# people labelled paywall, donation and promo blocks on them, plus those pages' labels.
# usage: model/tools/make_sample_corpus.sh [SHARED_DATA_DIR]
set -euo pipefail
data=${1:-../shared/data}
out=src/test/resources/sample-corpus
ids="0001 0002 0016 0136 0174 0221 0279 0400 0468 2102 2201 4316 4444 4511 4614"
rm -rf "$out"; mkdir -p "$out/wcxb-dev/html" "$out/wcxb-dev/ground-truth"
cp "$data/wcxb-dev/LICENSE" "$out/wcxb-dev/LICENSE"
: > "$out/wcxb-dev/index.jsonl"
for id in $ids; do
  cp "$data/wcxb-dev/html/$id.html.gz" "$out/wcxb-dev/html/"
  cp "$data/wcxb-dev/ground-truth/$id.json.gz" "$out/wcxb-dev/ground-truth/"
  grep "\"id\": \"$id\"" "$data/wcxb-dev/index.jsonl" >> "$out/wcxb-dev/index.jsonl"
done
pattern=$(for id in $ids; do printf '"page": "wcxb:%s"|' "$id"; done)
zgrep -E "${pattern%|}" model/corpus/labels.jsonl.gz > "$out/labels.jsonl" || true
cat > "$out/NOTICE.md" <<'NOTE'
# Sample corpus

15 pages of the WCXB development split: Murrough Foley, "WCXB: A Multi-Type Web Content Extraction
Benchmark" (2026), https://github.com/Murrough-Foley/web-content-extraction-benchmark, licensed
CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/, text in wcxb-dev/LICENSE).
Changes: only these 15 pages were taken; the HTML and ground-truth files are gzipped as in
shared/data; index.jsonl holds their lines of shared/data/wcxb-dev/index.jsonl.
labels.jsonl holds winnow's own block labels for these pages (a subset of model/corpus/labels.jsonl.gz).
Rebuild with model/tools/make_sample_corpus.sh.
NOTE
echo "sample corpus: $(wc -l < "$out/wcxb-dev/index.jsonl") pages, $(wc -l < "$out/labels.jsonl") labels"
