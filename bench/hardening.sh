#!/usr/bin/env bash
# The load cases of issue 16 against the packaged service, on loopback only (docs/performance.md,
# "Concurrent bodies and slow clients"). Bounded in time; stops the service at the end.
#
#   bench/hardening.sh
#
#   1. bodies: $CLIENTS clients POST, back to back for $SECONDS_BODIES s, a small gzip'd page that
#      inflates to $INFLATED bytes (just under the 10 MiB limits); prints every status's count,
#      whether the log holds an OutOfMemoryError, and the heap in use after a full GC before and
#      after the run.
#   2. slow: $SLOW connections send a 30-byte body at 1 byte/s for $SECONDS_SLOW s; meanwhile,
#      once a second, GET /q/health/ready (management port) and an ordinary clean; prints their
#      worst and median latency.
#
# Settings (environment): PORT=18084 MGMT_PORT=19084 JAVA_OPTS="-Xmx1g" CLIENTS=64
# SECONDS_BODIES=60 INFLATED=10400000 SLOW=250 SECONDS_SLOW=40 OUT=target/hardening
# APP=target/quarkus-app (packaged with ./mvnw package -DskipTests when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18084}
MGMT_PORT=${MGMT_PORT:-19084}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx1g"}
CLIENTS=${CLIENTS:-64}
SECONDS_BODIES=${SECONDS_BODIES:-60}
INFLATED=${INFLATED:-10400000}
SLOW=${SLOW:-250}
SECONDS_SLOW=${SECONDS_SLOW:-40}
OUT=${OUT:-target/hardening}
APP=${APP:-target/quarkus-app}
HOST=127.0.0.1

log() { printf '[hardening %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
if [ ! -f "$APP/quarkus-run.jar" ]; then
  log "packaging the service (./mvnw package -DskipTests)"
  ./mvnw -B -q -ntp -DskipTests package
fi
mkdir -p "$OUT"
SUMMARY="$OUT/summary.txt"

# shellcheck source=bench/service.sh
. bench/service.sh
trap stop_service EXIT
trap 'exit 130' INT TERM
start_service

heap_used() { # MiB in use after a full collection
  jcmd "$SERVICE_PID" GC.run >/dev/null 2>&1 || { echo n/a; return; }
  sleep 1
  jcmd "$SERVICE_PID" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ printf "%d", $1 / 1024 }'
}

curl -s -o /dev/null -H 'Content-Type: text/plain' --data 'A warm-up line.' "http://$HOST:$PORT/v1/clean"
HEAP_BEFORE=$(heap_used)
{
  echo "# $(date -u +%FT%TZ) JAVA_OPTS=$JAVA_OPTS; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "heap in use after a full GC before the runs: ${HEAP_BEFORE} MiB"
} > "$SUMMARY"

log "bodies: $CLIENTS clients for ${SECONDS_BODIES}s"
java bench/HardeningLoad.java bodies "$HOST:$PORT" "$CLIENTS" "$SECONDS_BODIES" "$INFLATED" | tee "$OUT/bodies.txt" >&2
HEAP_AFTER=$(heap_used)
OOM=$(grep -c "OutOfMemoryError" "$OUT/service.log" || true)
ERRORS=$(grep -c "internal error" "$OUT/service.log" || true)
{
  grep RESULT "$OUT/bodies.txt"
  echo "OutOfMemoryError in the log: $OOM; internal errors logged: $ERRORS"
  echo "heap in use after a full GC after the bodies run: ${HEAP_AFTER} MiB (before: ${HEAP_BEFORE} MiB)"
  echo "load average after the bodies run: $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$SUMMARY"

log "slow: $SLOW clients for ${SECONDS_SLOW}s"
java bench/HardeningLoad.java slow "$HOST:$PORT" "$MGMT_PORT" "$SLOW" "$SECONDS_SLOW" | tee "$OUT/slow.txt" >&2
{
  grep RESULT "$OUT/slow.txt"
  echo "load average after the slow run: $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$SUMMARY"
cat "$SUMMARY"
