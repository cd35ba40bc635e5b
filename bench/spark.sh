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
#   REBUILD=1           package both jars even if present
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-10000}
CORES=${CORES:-2}
DATA=${DATA:-../shared/data}
OUT=${OUT:-../spark-bench}
HEAP=${HEAP:-4g}

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

# --- batch -----------------------------------------------------------------------------------
log "batch: $RECORDS records ($MB MB) on $CORES threads; load average $(loadavg)"
LOAD_BATCH_BEFORE=$(loadavg)
t0=$(now)
set +e
/usr/bin/time -f '%U %S' -o "$OUT/batch.cpu" \
  java -Xmx"$HEAP" -jar target/quarkus-app/quarkus-run.jar batch --threads "$CORES" --progress 0 "$IN" "$OUT/batch.jsonl" 2> "$OUT/batch.log"
status=$?
set -e
t1=$(now)
[ "$status" -le 1 ] || { echo "spark-bench: the batch command failed ($status), see $OUT/batch.log" >&2; exit 1; }
BATCH_S=$(seconds "$t0" "$t1")
LOAD_BATCH_AFTER=$(loadavg)

# --- spark -----------------------------------------------------------------------------------
log "spark: local[$CORES]; load average $(loadavg)"
LOAD_SPARK_BEFORE=$(loadavg)
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
SPARK_S=$(seconds "$t0" "$t1")
LOAD_SPARK_AFTER=$(loadavg)

# --- figures ---------------------------------------------------------------------------------
BATCH_RUN=$(grep -o 'in [0-9.]* s' "$OUT/batch.log" | tail -1 || true)
SPARK_RUN=$(grep -o 'in [0-9.]* s ([0-9.]* rows/s)' "$OUT/spark.log" | tail -1 || true)
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

python3 - "$RECORDS" "$MB" "$CORES" "$BATCH_S" "$SPARK_S" "$(cat "$OUT/batch.cpu")" "$(cat "$OUT/spark.cpu")" <<'PY'
import sys
records, mb, cores, batch, spark = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
batch_cpu, spark_cpu = (sum(map(float, a.split())) for a in sys.argv[6:8])
print(f"records: {records} ({mb} MB of JSON Lines), cores: {cores}")
print(f"batch:   {batch:7.1f} s  {records / batch:6.1f} records/s  (whole process)   CPU {batch_cpu:6.1f} s, {1000 * batch_cpu / records:.1f} ms a record")
print(f"spark:   {spark:7.1f} s  {records / spark:6.1f} records/s  (whole process, Spark start-up included)   "
      f"CPU {spark_cpu:6.1f} s, {1000 * spark_cpu / records:.1f} ms a record")
print(f"overhead of Spark: {100 * (spark / batch - 1):+.1f} % time, {100 * (records / spark / (records / batch) - 1):+.1f} % records/s, "
      f"{100 * (spark_cpu / batch_cpu - 1):+.1f} % CPU time")
PY
echo "batch run as it reports itself: ${BATCH_RUN:-?}; spark job as it reports itself: ${SPARK_RUN:-?}"
echo "outputs: $SAME"
echo "load average (1, 5, 15 min): batch $LOAD_BATCH_BEFORE -> $LOAD_BATCH_AFTER; spark $LOAD_SPARK_BEFORE -> $LOAD_SPARK_AFTER"
echo "heap: $HEAP_LINE"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
