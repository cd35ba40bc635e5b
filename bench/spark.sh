#!/usr/bin/env bash
# Records/s of the Spark job in local mode against the batch command, on the same real records.
#
# Builds $RECORDS JSON Lines records from the real pages in ../shared/data (wcxb-dev and
# trafilatura-eval, repeated with distinct ids to reach $RECORDS; src/bench/spark/make_records.py),
# outside the repository, then cleans them twice on this machine:
#   batch  java -jar target/quarkus-app/quarkus-run.jar batch --threads $CORES IN OUT
#   spark  spark-submit --master local[$CORES] winnow-spark.jar --input IN --output-format jsonl
# The Spark run is what spark-submit runs (org.apache.spark.deploy.SparkSubmit, the JVM options of
# Spark's launcher) on the classpath of a plain Spark installation (bench/spark/pom.xml: Spark's
# own dependency versions, nothing of winnow's but the jar). Prints records/s of both, measured
# over the whole process (JVM and Spark start-up included) and as each reports its own run, the
# overhead of Spark, the CPU time each took (user + system, all threads: a fairer figure when other
# jobs share the machine), whether the two outputs are the same records, and the heap the model holds.
# Not a test: CI never runs it. Needs Java 17, python3 and the shared data folder.
#
#   bench/spark.sh                          # 10,000 records, 2 cores
#   RECORDS=1000 bench/spark.sh             # a quick run
#
# Settings (environment):
#   RECORDS=10000       records in the input
#   CORES=2             batch --threads and Spark's local[N]
#   DATA=../shared/data the shared data folder
#   OUT=../spark-bench  where the input, both outputs and the logs go (outside the repository)
#   HEAP=4g             -Xmx of both JVMs
#   ROUNDS=1            batch then Spark, this many times; every run is printed and the best of each compared
#   REBUILD=1           package both jars even if present
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-10000}
CORES=${CORES:-2}
DATA=${DATA:-../shared/data}
OUT=${OUT:-../spark-bench}
HEAP=${HEAP:-4g}
ROUNDS=${ROUNDS:-1}

log() { printf '[spark-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

if [ ! -d "$DATA/wcxb-dev/html" ] || [ ! -d "$DATA/trafilatura-eval/html" ]; then
  echo "spark-bench: $DATA/wcxb-dev/html or $DATA/trafilatura-eval/html is missing: the benchmark needs the shared" >&2
  echo "spark-bench: data folder (../shared/data beside the repository, or DATA=...); nothing was run" >&2
  exit 1
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# --- jars and Spark's classpath --------------------------------------------------------------
if [ "${REBUILD:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "packaging the service (batch command)"
  ./mvnw -q -B package -DskipTests
fi
if [ "${REBUILD:-0}" = 1 ] || [ ! -f target/winnow-spark.jar ]; then
  log "packaging target/winnow-spark.jar"
  ./mvnw -q -B -Pspark package -DskipTests
fi
SPARK_VERSION=$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml | head -1)
if [ ! -s "$OUT/spark-$SPARK_VERSION.classpath" ]; then
  log "resolving the classpath of Spark $SPARK_VERSION"
  ./mvnw -q -B -f bench/spark/pom.xml dependency:build-classpath -Dspark.version="$SPARK_VERSION" \
    -Dmdep.outputFile="$OUT/spark-$SPARK_VERSION.classpath"
fi
SPARK_CP=$(cat "$OUT/spark-$SPARK_VERSION.classpath")
# The JVM options spark-submit adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions), from the pom.
SPARK_JVM=$(sed -n '/<spark.jvm.options>/,/<\/spark.jvm.options>/p' pom.xml | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')

# --- input -----------------------------------------------------------------------------------
IN="$OUT/records-$RECORDS.jsonl"
if [ ! -s "$IN" ]; then
  log "building $IN from $DATA"
  python3 src/bench/spark/make_records.py --data "$DATA" --records "$RECORDS" "$IN"
fi
MB=$(( $(stat -c %s "$IN") / 1000000 ))

seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
now() { date +%s.%N; }

# One run of each, in turn, $ROUNDS times; every run is printed, and the best of each compared.
RESULTS="$OUT/runs.tsv"
printf 'round\twhat\tseconds\tcpu_seconds\tload_before\tload_after\treported\n' > "$RESULTS"

run_batch() {
  local before t0 t1 status
  before=$(loadavg)
  log "round $1, batch: $RECORDS records ($MB MB) on $CORES threads; load average $before"
  t0=$(now)
  set +e
  /usr/bin/time -f '%U %S' -o "$OUT/batch.cpu" \
    java -Xmx"$HEAP" -jar target/quarkus-app/quarkus-run.jar batch --threads "$CORES" --progress 0 "$IN" "$OUT/batch.jsonl" 2> "$OUT/batch.log"
  status=$?
  set -e
  t1=$(now)
  [ "$status" -le 1 ] || { echo "spark-bench: the batch command failed ($status), see $OUT/batch.log" >&2; exit 1; }
  printf '%s\tbatch\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(seconds "$t0" "$t1")" "$(awk '{print $1 + $2}' "$OUT/batch.cpu")" \
    "$before" "$(loadavg)" "$(grep -o 'in [0-9.]* s ([0-9.,]* records/s)' "$OUT/batch.log" | tail -1)" >> "$RESULTS"
}

run_spark() {
  local before t0 t1
  before=$(loadavg)
  log "round $1, spark: local[$CORES]; load average $before"
  rm -rf "$OUT/spark-out"
  t0=$(now)
  # shellcheck disable=SC2086
  SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f '%U %S' -o "$OUT/spark.cpu" \
    java -Xmx"$HEAP" $SPARK_JVM -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
    --master "local[$CORES]" --conf spark.ui.enabled=false \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --class dev.winnow.spark.CleanJob target/winnow-spark.jar \
    --input "$IN" --output "$OUT/spark-out" --output-format jsonl > "$OUT/spark.log" 2>&1 \
    || { echo "spark-bench: the Spark job failed, see $OUT/spark.log" >&2; exit 1; }
  t1=$(now)
  printf '%s\tspark\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(seconds "$t0" "$t1")" "$(awk '{print $1 + $2}' "$OUT/spark.cpu")" \
    "$before" "$(loadavg)" "$(grep -o 'in [0-9.]* s ([0-9.]* rows/s)' "$OUT/spark.log" | tail -1)" >> "$RESULTS"
}

for round in $(seq 1 "$ROUNDS"); do
  run_batch "$round"
  run_spark "$round"
done

# --- figures ---------------------------------------------------------------------------------
SAME=$(python3 - "$OUT/batch.jsonl" "$OUT/spark-out" <<'PY'
import glob, json, os, sys
batch = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
spark = []
for p in sorted(glob.glob(os.path.join(sys.argv[2], "part-*"))):
    spark += [json.loads(l) for l in open(p, encoding="utf-8")]
for r in spark:
    r.pop("file", None)
same = sum(1 for a, b in zip(batch, spark) if a == b)
print(f"{same} of {len(batch)} records the same (batch {len(batch)}, spark {len(spark)} records)")
PY
)
SLF4J=$(tr ':' '\n' <<< "$SPARK_CP" | grep '/slf4j-api-' | head -1)
HEAP_LINE=$(java -cp "target/winnow-spark.jar:$SLF4J" src/bench/java/dev/winnow/bench/ModelHeap.java 2>/dev/null | tail -1)

python3 - "$RECORDS" "$MB" "$CORES" "$RESULTS" <<'PY'
import csv, sys
records, mb, cores, path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
runs = list(csv.DictReader(open(path), delimiter="\t"))
print(f"records: {records} ({mb} MB of JSON Lines), cores: {cores}; every run (seconds of the whole process, "
      "JVM and Spark start-up included; CPU seconds of all its threads; load average 1/5/15 min before -> after):")
for r in runs:
    s, c = float(r["seconds"]), float(r["cpu_seconds"])
    print(f"  round {r['round']} {r['what']:5}  {s:7.1f} s  {records / s:6.1f} records/s  CPU {c:6.1f} s "
          f"({1000 * c / records:.1f} ms a record)  load {r['load_before']} -> {r['load_after']}  [reported: {r['reported']}]")
best = {w: min((r for r in runs if r["what"] == w), key=lambda r: float(r["seconds"])) for w in ("batch", "spark")}
b, s = float(best["batch"]["seconds"]), float(best["spark"]["seconds"])
bc = min(float(r["cpu_seconds"]) for r in runs if r["what"] == "batch")
sc = min(float(r["cpu_seconds"]) for r in runs if r["what"] == "spark")
print(f"best batch {records / b:.1f} records/s, best spark {records / s:.1f} records/s: Spark takes {100 * (s / b - 1):+.1f} % time "
      f"({100 * (b / s - 1):+.1f} % records/s); least CPU: batch {bc:.1f} s, spark {sc:.1f} s ({100 * (sc / bc - 1):+.1f} %)")
PY
echo "outputs: $SAME"
echo "heap: $HEAP_LINE"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
