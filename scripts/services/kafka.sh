#!/usr/bin/env bash
# scripts/services/kafka.sh {start|stop|status|url|reset}
#
# A single-node Apache Kafka 4.1 broker (KRaft, combined broker+controller) for Apotheca's
# tests, run straight from Maven Central jars: no Docker, no Kafka distro package.
#   start   resolve the jars with Maven if missing (offline first, so it is fast once they are
#           in ~/.m2), format storage on first use, start the broker in the background and wait
#           until it is ready. A second start while running is a fast no-op.
#           stdout is exactly one line, KAFKA_BROKERS=..., so `export "$(kafka.sh start)"`
#           works; progress goes to stderr.
#   stop    SIGTERM (Kafka's shutdown hook stops cleanly) and wait; SIGKILL after 30 s
#   status  exit 0 when running and the port accepts connections, 3 otherwise
#   url     print host:port of the broker
#   reset   stop and delete the data dir (new cluster id on next start)
#
# Environment:
#   APOTHECA_SERVICES_DIR            base dir for server state (default /tmp/apotheca-services)
#   APOTHECA_KAFKA_PORT              client listener on 127.0.0.1 (default 19092)
#   APOTHECA_KAFKA_CONTROLLER_PORT   KRaft controller listener (default 19093)
#   APOTHECA_KAFKA_START_TIMEOUT     seconds to wait for readiness (default 60)
#   APOTHECA_KAFKA_HEAP              heap flags (default "-Xms256m -Xmx512m")
#
# Files: scripts/services/kafka/{pom.xml,server.properties.template,log4j2.properties};
# jars are copied to scripts/services/kafka/target/libs (gitignored).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KAFKA_HOME="$HERE/kafka"
LIBS="$KAFKA_HOME/target/libs"
SERVICES_DIR="${APOTHECA_SERVICES_DIR:-/tmp/apotheca-services}"
KDIR="$SERVICES_DIR/kafka"
DATA="$KDIR/data"
PIDFILE="$KDIR/kafka.pid"
LOGFILE="$KDIR/kafka.log"
PORT="${APOTHECA_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${APOTHECA_KAFKA_CONTROLLER_PORT:-19093}"
TIMEOUT="${APOTHECA_KAFKA_START_TIMEOUT:-60}"
BROKERS="127.0.0.1:$PORT"

LOG_OPTS="-Dlog4j2.configurationFile=file:$KAFKA_HOME/log4j2.properties -Dkafka.logs.dir=$KDIR"
TOOL_JVM="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
# 2-core machine: SerialGC (no concurrent GC threads competing with test workers), C1 only
KAFKA_JVM="${APOTHECA_KAFKA_HEAP:--Xms256m -Xmx512m} -XX:MaxDirectMemorySize=256m -XX:+UseSerialGC \
-XX:TieredStopAtLevel=1 -Xss512k -Djava.awt.headless=true"

log() { echo "kafka.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() {
  local pid
  [ -f "$PIDFILE" ] || return 1
  pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

check_java() {
  command -v java >/dev/null || die "java not found (Kafka 4.x needs Java 17+)"
  local v
  v="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Kafka 4.x needs Java 17+, found java.specification.version=$v"
}

resolve_jars() {
  local stamp="$LIBS/.pom.sha256" want
  want="$(sha256sum "$KAFKA_HOME/pom.xml" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && ls "$LIBS"/kafka_2.13-*.jar >/dev/null 2>&1; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (needed once to fetch the Kafka jars)"
  log "resolving Kafka jars with Maven into $LIBS"
  rm -rf "$LIBS"
  local mvnlog="$KDIR/mvn.log"
  mkdir -p "$KDIR"
  # offline first: no network round-trips when everything is already in ~/.m2
  if ! mvn -B -q -o -f "$KAFKA_HOME/pom.xml" dependency:copy-dependencies >"$mvnlog" 2>&1; then
    mvn -B -q -f "$KAFKA_HOME/pom.xml" dependency:copy-dependencies >"$mvnlog" 2>&1 ||
      { tail -n 30 "$mvnlog" >&2; die "Maven could not resolve the Kafka jars (log: $mvnlog)"; }
  fi
  echo "$want" >"$stamp"
}

new_cluster_id() {
  # Kafka's Uuid.randomUuid(): 16 random bytes, base64url without padding, never starting with '-'
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [ "${id:0:1}" != "-" ] && [ ${#id} -eq 22 ] && break
  done
  echo "$id"
}

render_config() {
  sed -e "s#@KAFKA_PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$DATA#g" \
    "$KAFKA_HOME/server.properties.template" >"$KDIR/server.properties"
}

format_storage() {
  # StorageTool format --ignore-formatted still fails if the cluster id differs from the one in
  # meta.properties, so we keep the id next to the data and only format when there is no data.
  [ -f "$DATA/meta.properties" ] && return 0
  local id
  [ -s "$KDIR/cluster.id" ] || new_cluster_id >"$KDIR/cluster.id"
  id="$(cat "$KDIR/cluster.id")"
  log "formatting $DATA (cluster id $id)"
  # shellcheck disable=SC2086
  java $TOOL_JVM $LOG_OPTS -cp "$LIBS/*" kafka.tools.StorageTool format \
    -t "$id" -c "$KDIR/server.properties" --ignore-formatted >"$KDIR/format.log" 2>&1 ||
    { cat "$KDIR/format.log" >&2; die "kafka-storage format failed"; }
}

start() {
  mkdir -p "$KDIR"
  exec 9>"$KDIR/.lock"
  flock -w 120 9 || die "another kafka.sh start holds $KDIR/.lock"

  if pid_alive && port_open "$PORT"; then
    log "already running (pid $(cat "$PIDFILE"), $BROKERS)"
    echo "KAFKA_BROKERS=$BROKERS"
    return 0
  fi
  if pid_alive; then
    log "process $(cat "$PIDFILE") exists but $BROKERS is not accepting connections yet; waiting"
  else
    rm -f "$PIDFILE"
    port_open "$PORT" && die "port $PORT is already in use by another process; set APOTHECA_KAFKA_PORT"
    port_open "$CONTROLLER_PORT" && die "controller port $CONTROLLER_PORT is in use; set APOTHECA_KAFKA_CONTROLLER_PORT"
    check_java
    resolve_jars
    render_config
    format_storage
    [ -f "$LOGFILE" ] && mv -f "$LOGFILE" "$LOGFILE.1"
    log "starting broker on $BROKERS (controller 127.0.0.1:$CONTROLLER_PORT, log $LOGFILE)"
    # own session (setsid) so the broker survives the caller's process group; no lock fd (9>&-)
    # shellcheck disable=SC2086,SC2016
    setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PIDFILE" \
      java $KAFKA_JVM $LOG_OPTS -cp "$LIBS/*" kafka.Kafka "$KDIR/server.properties" \
      </dev/null >"$LOGFILE" 2>&1 9>&- &
  fi

  local deadline=$((SECONDS + TIMEOUT))
  while :; do
    if [ -f "$PIDFILE" ] && ! pid_alive; then
      tail -n 40 "$LOGFILE" >&2 || true
      die "broker exited during startup (log: $LOGFILE)"
    fi
    if grep -q 'Kafka Server started' "$LOGFILE" 2>/dev/null && port_open "$PORT"; then
      break
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "not ready after ${TIMEOUT}s; last log lines:"
      tail -n 40 "$LOGFILE" >&2 || true
      stop
      die "Kafka did not become ready on $BROKERS within ${TIMEOUT}s; stopped it again (log $LOGFILE)"
    fi
    sleep 0.1
  done
  log "ready (pid $(cat "$PIDFILE"))"
  echo "KAFKA_BROKERS=$BROKERS"
}

stop() {
  if ! pid_alive; then
    log "not running"
    rm -f "$PIDFILE"
    return 0
  fi
  local pid _
  pid="$(cat "$PIDFILE")"
  log "stopping pid $pid (SIGTERM)"
  kill -TERM "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 30 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PIDFILE"
}

status() {
  if pid_alive && port_open "$PORT"; then
    echo "running: $BROKERS (pid $(cat "$PIDFILE"), data $DATA)"
  else
    echo "stopped (data $DATA)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "$BROKERS" ;;
  reset) stop; log "deleting $DATA"; rm -rf "$DATA" "$KDIR/cluster.id" ;;
  *) echo "usage: $0 {start|stop|status|url|reset}" >&2; exit 2 ;;
esac
