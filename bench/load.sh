#!/usr/bin/env bash
# HTTP load benchmark of POST /v1/clean, on loopback only.
#
# Packages the service if target/quarkus-app is missing, starts it on 127.0.0.1:$PORT, drives it
# from a second process with wrk (a Lua script POSTing real pages) at each connection level in
# $LEVELS for $DURATION seconds each, samples the resident memory (RSS) of the java process every
# $SAMPLE_EVERY seconds, prints pages/s and p50/p99 latency per level, then stops the service.
# Everything is bounded in time and stops by itself.
#
#   bench/load.sh                                   # 1, 8 and 64 connections, 10 minutes each
#   DURATION=60 bench/load.sh                       # one minute per level
#   LEVELS=8 DURATION=600 bench/load.sh             # a 10-minute soak at 8 connections
#
# Settings (environment):
#   DURATION=600        seconds per connection level
#   LEVELS="1 8 64"     connection levels, run in this order
#   WARMUP=30           seconds of untimed load at 8 connections first (JIT warm-up; 0 skips it)
#   PAGES=50            pages POSTed: the first $PAGES article pages of ../shared/data/wcxb-dev
#                       when present, else the pages committed under src/test/resources/sample-corpus
#   PORT=18181          loopback port of the service
#   MGMT_PORT=19181     loopback port of its management interface (health, metrics)
#   READY_URL=http://127.0.0.1:$MGMT_PORT/q/health/ready   what says the service is ready (a build
#                       from before the management interface: http://127.0.0.1:$PORT/q/health/ready)
#   APP=target/quarkus-app   the packaged service to run
#   THREADS=1           wrk threads (the client shares the machine with the server)
#   SAMPLE_EVERY=5      seconds between RSS samples
#   JAVA_OPTS="-Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError"   the service's JVM
#                       flags. The whole heap is committed and touched at start, so the RSS stays
#                       flat unless memory outside the heap grows; the GC log (gc.log) shows
#                       the heap itself: the heap left after each young collection.
#   OUT=target/load     where pages, wrk output, rss.csv and the service log go
#   REBUILD=1           package the service even if target/quarkus-app exists
#   WINNOW_MODEL_PATH   a model file for the service instead of the bundled one
#   WRK=wrk             the wrk binary
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}
LEVELS=${LEVELS:-"1 8 64"}
WARMUP=${WARMUP:-30}
PAGES=${PAGES:-50}
PORT=${PORT:-18181}
MGMT_PORT=${MGMT_PORT:-19181}
APP=${APP:-target/quarkus-app}
THREADS=${THREADS:-1}
SAMPLE_EVERY=${SAMPLE_EVERY:-5}
JAVA_OPTS=${JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError"}
OUT=${OUT:-target/load}
# the script runs from the repository root; a relative OUT is taken from there, an absolute one as it is
case "$OUT" in /*) ;; *) OUT="$(pwd)/$OUT" ;; esac
WRK=${WRK:-wrk}
HOST=127.0.0.1
URL="http://$HOST:$PORT"
READY_URL=${READY_URL:-"http://$HOST:$MGMT_PORT/q/health/ready"}

log() { printf '[load %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- wrk ---------------------------------------------------------------------------------
if ! command -v "$WRK" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is not installed: apt-get install -y wrk" >&2
    exit 1
  fi
fi

# --- the service -------------------------------------------------------------------------
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$APP/quarkus-run.jar" ]; then
  log "packaging the service (./mvnw package -DskipTests)"
  ./mvnw -B -q -ntp -DskipTests package
fi

# --- the pages ---------------------------------------------------------------------------
mkdir -p "$OUT"
rm -rf "$OUT/pages" "$OUT/levels.txt" "$OUT/gc.log"
mkdir -p "$OUT/pages"
LIST="$OUT/pages/list.txt"
: > "$LIST"
SHARED=../shared/data/wcxb-dev
if [ -f "$SHARED/index.jsonl" ]; then
  SOURCE="$SHARED (first $PAGES article pages)"
  awk -v n="$PAGES" '/"page_type": "article"/ && match($0, /"html": "[^"]*"/) {
      print substr($0, RSTART + 9, RLENGTH - 10); if (++k >= n) exit }' "$SHARED/index.jsonl" > "$OUT/pages/names.txt"
  while read -r name; do
    gzip -dc "$SHARED/$name" > "$OUT/pages/$(basename "$name" .gz)"
  done < "$OUT/pages/names.txt"
else
  SOURCE="src/test/resources/sample-corpus/wcxb-dev/html (committed sample)"
  for f in src/test/resources/sample-corpus/wcxb-dev/html/*.html.gz; do
    gzip -dc "$f" > "$OUT/pages/$(basename "$f" .gz)"
  done
fi
find "$OUT/pages" -name '*.html' | sort > "$LIST"
COUNT=$(wc -l < "$LIST")
BYTES=$(cat $(cat "$LIST") | wc -c)
[ "$COUNT" -gt 0 ] || { echo "no pages found" >&2; exit 1; }
log "$COUNT pages from $SOURCE, $((BYTES / COUNT / 1024)) KiB on average"

if curl -s -o /dev/null "$URL/" 2>/dev/null; then
  echo "something already listens on $URL; set PORT" >&2
  exit 1
fi

# shellcheck source=bench/service.sh
. bench/service.sh
SAMPLER_PID=""
stop() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  stop_service
}
trap stop EXIT
trap 'exit 130' INT TERM

start_service
SERVICE_START=$(date +%s)
log "ready: $(grep -o 'winnow model [^ ]* loaded from [^ ]*' "$OUT/service.log" | head -1)"

# --- resident memory sampler -------------------------------------------------------------
PHASE_FILE="$OUT/phase"
echo start > "$PHASE_FILE"
RSS_CSV="$OUT/rss.csv"
echo "epoch_s,phase,rss_kb" > "$RSS_CSV"
(
  while kill -0 "$SERVICE_PID" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVICE_PID/status" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$(date +%s),$(cat "$PHASE_FILE"),$rss" >> "$RSS_CSV"
    sleep "$SAMPLE_EVERY"
  done
) &
SAMPLER_PID=$!

run_wrk() { # connections seconds output
  local c=$1 d=$2 out=$3 t=$THREADS
  [ "$t" -gt "$c" ] && t=$c
  timeout $((d + 60)) "$WRK" -t"$t" -c"$c" -d"${d}s" --timeout 10s --latency \
    -s bench/clean.lua "$URL/v1/clean" -- "$LIST" > "$out" 2>&1 || true
}
field() { sed -n "s/.*RESULT.* $1=\([^ ]*\).*/\1/p" "$2" | head -1; }

# a few requests by hand: the service must answer 200 before anything is measured
first=$(head -1 "$LIST")
code=$(curl -s -o "$OUT/first-response.json" -w '%{http_code}' -H 'Content-Type: text/html' --data-binary "@$first" "$URL/v1/clean")
[ "$code" = 200 ] || { echo "POST /v1/clean answered $code for $first" >&2; head -c 500 "$OUT/first-response.json" >&2; exit 1; }

if [ "$WARMUP" -gt 0 ]; then
  echo warmup > "$PHASE_FILE"
  log "warm-up: ${WARMUP}s at 8 connections"
  run_wrk 8 "$WARMUP" "$OUT/wrk-warmup.txt"
fi

# The live heap: a full collection (jcmd GC.run), then what the GC log says is left. Taken after
# the warm-up and after the last level; growth between the two is memory the service keeps.
live_heap() {
  command -v jcmd >/dev/null 2>&1 || { echo "n/a"; return; }
  local before
  before=$(grep -c "Pause Full" "$OUT/gc.log" 2>/dev/null || true)
  jcmd "$SERVICE_PID" GC.run >/dev/null 2>&1 || { echo "n/a"; return; }
  for _ in $(seq 1 20); do
    [ "$(grep -c "Pause Full" "$OUT/gc.log")" -gt "$before" ] && break
    sleep 0.5
  done
  grep "Pause Full" "$OUT/gc.log" | tail -1 | sed -n 's/.*->\([0-9]*\)M.*/\1/p'
}
LIVE_START=$(live_heap)

SUMMARY="$OUT/summary.txt"
{
  echo "# $(date -u +%FT%TZ) $COUNT pages from $SOURCE; ${DURATION}s per level; JAVA_OPTS=$JAVA_OPTS; wrk -t$THREADS"
  printf '%-6s %9s %9s %9s %9s %9s %7s %8s %21s %16s\n' conns pages/s mean_ms p50_ms p99_ms max_ms non2xx errors "RSS MiB first/max/last" "load avg end"
} > "$SUMMARY"
service_uptime() { echo $(( $(date +%s) - SERVICE_START )); }
for c in $LEVELS; do
  echo "c$c" > "$PHASE_FILE"
  level_start=$(service_uptime)
  log "$c connections for ${DURATION}s (load average $(loadavg))"
  out="$OUT/wrk-c$c.txt"
  run_wrk "$c" "$DURATION" "$out"
  if ! grep -q RESULT "$out"; then
    echo "wrk gave no result at $c connections:" >&2; cat "$out" >&2; exit 1
  fi
  rss=$(awk -F, -v p="c$c" '$2 == p { if (!n) f = $3; if ($3 > m) m = $3; l = $3; n++ } END { printf "%d/%d/%d", f/1024, m/1024, l/1024 }' "$RSS_CSV")
  errors=$(( $(field socket_errors "$out") + $(field timeouts "$out") ))
  printf '%-6s %9s %9s %9s %9s %9s %7s %8s %21s %16s\n' "$c" "$(field pages_per_s "$out")" "$(field mean_ms "$out")" \
    "$(field p50_ms "$out")" "$(field p99_ms "$out")" "$(field max_ms "$out")" "$(field non2xx "$out")" "$errors" "$rss" "$(loadavg)" >> "$SUMMARY"
  echo "c$c $level_start $(service_uptime)" >> "$OUT/levels.txt"
done
echo done > "$PHASE_FILE"
LIVE_END=$(live_heap)

# memory drift: least-squares slope of RSS over each level's samples, after its first minute
awk -F, 'NR > 1 && $2 ~ /^c/ {
    if (!($2 in t0)) t0[$2] = $1
    if ($1 - t0[$2] < 60) next
    x = ($1 - t0[$2]) / 60; y = $3 / 1024
    n[$2]++; sx[$2] += x; sy[$2] += y; sxx[$2] += x * x; sxy[$2] += x * y
  }
  END {
    for (p in n) if (n[p] > 2) {
      d = n[p] * sxx[p] - sx[p] * sx[p]
      printf "RSS drift at %s after its first minute: %+.2f MiB/min over %d samples\n", p, d ? (n[p] * sxy[p] - sx[p] * sy[p]) / d : 0, n[p]
    }
  }' "$RSS_CSV" >> "$SUMMARY"
# the heap after young collections, in each level's first and last fifth (G1 log: "... 612M->143M(1024M) ...")
if [ -f "$OUT/gc.log" ] && [ -f "$OUT/levels.txt" ]; then
  while read -r phase from to; do
    awk -v p="$phase" -v from="$from" -v to="$to" '
      /Pause Young/ && match($0, /->[0-9]+M/) {
        t = substr($1, 2) + 0; after = substr($0, RSTART + 2, RLENGTH - 3) + 0
        if (t < from || t > to) next
        span = to - from
        if (t < from + span / 5) { a += after; na++ } else if (t > to - span / 5) { b += after; nb++ }
      }
      END { if (na && nb) printf "heap after young GC at %s: %.0f MiB in its first fifth, %.0f MiB in its last fifth (%d and %d collections)\n", p, a / na, b / nb, na, nb }' "$OUT/gc.log"
  done < "$OUT/levels.txt" >> "$SUMMARY"
fi
echo "live heap after a full GC: ${LIVE_START} MiB after the warm-up, ${LIVE_END} MiB after the last level" >> "$SUMMARY"
cat "$SUMMARY"
log "wrk output, rss.csv and the service log are in $OUT"
