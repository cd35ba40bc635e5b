#!/usr/bin/env bash
# JMH PipelineBenchmark with its three benchmarks' forks interleaved in time.
#
# `java -jar target/benchmarks.jar PipelineBenchmark -f 2` runs boilerpipe's forks, then the floor's,
# then winnow's: minutes apart, on a VM whose speed drifts by a quarter from one minute to the next
# (docs/performance.md: the floor's two forks of one run 1.28 and 1.92 ms). Here each round runs one
# fork of each, one after the other, so each round's ratios compare runs made within five minutes;
# the verdict is the median over rounds of each round's ratio of medians (and of means).
#
#   ./mvnw -Pbench -DskipTests clean package    # builds target/benchmarks.jar with the bundled model
#   bench/jmh-interleaved.sh                     # 3 rounds, about 13 minutes
#   ROUNDS=5 bench/jmh-interleaved.sh
#
# Settings (environment): ROUNDS=3; JAR=target/benchmarks.jar; OUT=target/jmh-interleaved (one JSON
# file per fork). Needs python3 to read JMH's JSON. Run it from the repository root, with nothing
# else running: the benchmark reads ../shared/data/wcxb-dev.
set -euo pipefail
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-target/benchmarks.jar}
OUT=${OUT:-target/jmh-interleaved}
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -Pbench -DskipTests clean package first" >&2; exit 1; }
mkdir -p "$OUT"
BENCHES="winnowPipeline boilerpipeArticleExtractor floorJsoupParseAndWalk"
for round in $(seq 1 "$ROUNDS"); do
  for bench in $BENCHES; do
    echo "round $round: $bench, $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    java -jar "$JAR" "PipelineBenchmark\.$bench\$" -f 1 -rf json -rff "$OUT/$round-$bench.json" > "$OUT/$round-$bench.log" 2>&1
  done
done
python3 - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def read(r, b):
    m = json.load(open(f"{out}/{r}-{b}.json"))[0]["primaryMetric"]
    return m["scorePercentiles"]["50.0"], m["score"]
print("round  pipeline  floor  boilerpipe (medians, ms)  pipeline/floor (median, mean)  pipeline/boilerpipe (median, mean)")
ratios = {"floor": [], "boilerpipe": [], "floor mean": [], "boilerpipe mean": []}
for r in range(1, rounds + 1):
    (p, pm), (f, fm), (b, bm) = (read(r, x) for x in ("winnowPipeline", "floorJsoupParseAndWalk", "boilerpipeArticleExtractor"))
    ratios["floor"].append(p / f); ratios["floor mean"].append(pm / fm)
    ratios["boilerpipe"].append(p / b); ratios["boilerpipe mean"].append(pm / bm)
    print(f"{r:5d}  {p:8.3f}  {f:5.3f}  {b:10.3f}                {p/f:5.2f}×, {pm/fm:5.2f}×                  {p/b:5.2f}×, {pm/bm:5.2f}×")
med = {k: statistics.median(v) for k, v in ratios.items()}
print(f"median over rounds: pipeline/floor {med['floor']:.2f}× (means {med['floor mean']:.2f}×), "
      f"pipeline/boilerpipe {med['boilerpipe']:.2f}× (means {med['boilerpipe mean']:.2f}×)")
PY
