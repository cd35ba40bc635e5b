# Sourced by the load scripts in bench/: starts the packaged service on loopback and stops it.
# Reads HOST, PORT, MGMT_PORT, JAVA_OPTS, APP, OUT and READY_URL (default: the management
# port's readiness), and log() from the script that sources it; sets SERVICE_PID.

SERVICE_PID=""

# Stops the service if it runs: TERM, then KILL after 30 s.
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
}

# Starts the service with a GC log in $OUT and waits up to 60 s for it to be ready.
start_service() {
  local ready=${READY_URL:-"http://$HOST:$MGMT_PORT/q/health/ready"}
  log "starting the service on $HOST:$PORT, management $HOST:$MGMT_PORT ($JAVA_OPTS)"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Xlog:gc:file="$OUT/gc.log":uptime -Dquarkus.http.host="$HOST" -Dquarkus.http.port="$PORT" \
    -Dquarkus.management.host="$HOST" -Dquarkus.management.port="$MGMT_PORT" \
    -jar "$APP/quarkus-run.jar" > "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for i in $(seq 1 120); do
    if curl -sf -o /dev/null "$ready"; then return 0; fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "the service stopped during start-up; see $OUT/service.log" >&2; tail -20 "$OUT/service.log" >&2; exit 1
    fi
    [ "$i" = 120 ] && { echo "the service was not ready after 60 s; see $OUT/service.log" >&2; exit 1; }
    sleep 0.5
  done
}
