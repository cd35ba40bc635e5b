#!/usr/bin/env python3
"""Builds the JSON Lines input of the Spark benchmark (bench/spark.sh) from the shared real pages.

  OUT  {"id", "source", "page", "url", "html"} per line: every page of wcxb-dev/html (1,497) and
       trafilatura-eval/html (990), in that order, then again, until RECORDS records. Pages repeat
       (10,000 records are about four copies of 2,487 pages); each copy has its own id
       ("wcxb-dev/0001#2"), so every record is a distinct row to the job.

The pages are CC-BY-4.0 (wcxb-dev) and Apache-2.0 (trafilatura-eval; see each folder's LICENSE) and
stay on this machine: OUT is outside the repository.

usage: python3 src/bench/spark/make_records.py [--data DIR] [--records N] OUT
"""
import argparse
import gzip
import json
import os
import sys

SOURCES = ("wcxb-dev", "trafilatura-eval")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../../shared/data"))
    p.add_argument("--records", type=int, default=10_000)
    a = p.parse_args()

    pages = []
    for source in SOURCES:
        folder = os.path.join(a.data, source, "html")
        if not os.path.isdir(folder):
            sys.exit(f"{folder} is missing: the benchmark needs the shared data folder (--data)")
        urls = {}
        index = os.path.join(a.data, source, "index.jsonl")
        if os.path.exists(index):
            with open(index, encoding="utf-8") as f:
                for line in f:
                    row = json.loads(line)
                    urls[row["id"]] = row.get("url")
        for name in sorted(n for n in os.listdir(folder) if n.endswith(".html.gz")):
            page = name[: -len(".html.gz")]
            with gzip.open(os.path.join(folder, name)) as f:
                html = f.read().decode("utf-8", errors="replace")
            pages.append((source, page, urls.get(page), html))
    if not pages:
        sys.exit("no pages found")

    size = 0
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.records):
            source, page, url, html = pages[i % len(pages)]
            copy = i // len(pages) + 1
            line = json.dumps({"id": f"{source}/{page}#{copy}", "source": source, "page": page, "url": url, "html": html},
                              ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            out.write(line)
    copies = -(-a.records // len(pages))
    print(f"{a.out}: {a.records} records from {len(pages)} distinct pages (up to {copies} copies each), "
          f"{size / 1e6:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
