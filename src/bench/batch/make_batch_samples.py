#!/usr/bin/env python3
"""Builds the two JSON Lines inputs of the batch throughput figures from the shared WCXB pages.

  OUT/pages.html.jsonl  {"id", "url", "html"}: the first N pages of wcxb-dev, in id order
  OUT/pages.text.jsonl  {"id", "url", "text"}: the same pages as crawl text (WET-like): every
                        block of the page, boilerplate included, one per line, as winnow's own
                        segmenter reads it (batch --drop '' of the HTML file)

The pages are CC-BY-4.0 (shared/data/wcxb-dev/LICENSE) and stay on this machine: the files go to
OUT (default /tmp/winnow-batch), never into the repository.

usage: python3 src/bench/batch/make_batch_samples.py [--data DIR] [--pages N] [--jar JAR] [OUT]
"""
import argparse
import gzip
import json
import os
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", nargs="?", default="/tmp/winnow-batch")
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../../shared/data"))
    p.add_argument("--pages", type=int, default=1000)
    p.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    a = p.parse_args()

    wcxb = os.path.join(a.data, "wcxb-dev")
    urls = {}
    with open(os.path.join(wcxb, "index.jsonl"), encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            urls[row["id"]] = row.get("url")
    names = sorted(n for n in os.listdir(os.path.join(wcxb, "html")) if n.endswith(".html.gz"))[: a.pages]
    if len(names) < a.pages:
        sys.exit(f"only {len(names)} pages in {wcxb}/html, {a.pages} asked for")

    os.makedirs(a.out, exist_ok=True)
    html_path = os.path.join(a.out, "pages.html.jsonl")
    size = 0
    with open(html_path, "w", encoding="utf-8") as out:
        for name in names:
            page_id = name[: -len(".html.gz")]
            with gzip.open(os.path.join(wcxb, "html", name)) as f:
                html = f.read().decode("utf-8", errors="replace")
            size += len(html.encode("utf-8"))
            out.write(json.dumps({"id": page_id, "url": urls.get(page_id), "html": html}, ensure_ascii=False) + "\n")
    print(f"{html_path}: {len(names)} pages, {size / 1e6:.1f} MB of HTML", file=sys.stderr)

    # Every block, kept or not, as text: winnow's batch with nothing dropped, "clean" renamed to "text".
    blocks_path = os.path.join(a.out, "pages.blocks.jsonl")
    subprocess.run(["java", "-jar", a.jar, "batch", "--drop", "", "-q", html_path, blocks_path], check=True)
    text_path = os.path.join(a.out, "pages.text.jsonl")
    lines = 0
    with open(blocks_path, encoding="utf-8") as f, open(text_path, "w", encoding="utf-8") as out:
        for line in f:
            row = json.loads(line)
            text = row.get("clean", "")
            lines += text.count("\n") + 1
            out.write(json.dumps({"id": row["id"], "url": row["url"], "text": text}, ensure_ascii=False) + "\n")
    os.remove(blocks_path)
    print(f"{text_path}: {len(names)} pages, {lines} lines of text", file=sys.stderr)


if __name__ == "__main__":
    main()
