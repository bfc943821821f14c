#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, combined broker+controller) for development and CI.
#
# Kafka's jars come from Maven Central via deploy/kafka/pom.xml; everything else (jars, config,
# data, log, pid) lives under <repo>/.local/kafka/.
#
# Usage: scripts/kafka.sh fetch|start|stop|restart|status|foreground
#
# Environment:
#   KAFKA_PORT             client listener port           (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller listener port (default 9093)
#   KAFKA_VERSION          org.apache.kafka:kafka_2.13 version (default: kafka.version in the pom)
#   KAFKA_HEAP_OPTS        JVM heap flags                 (default "-Xms256m -Xmx768m")
#   KAFKA_JVM_OPTS         extra JVM flags, appended
#   KAFKA_START_TIMEOUT    seconds to wait for readiness  (default 120)
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL (default 30)
#   JAVA_HOME              Java 17+ to use (default: java on PATH)
#   KAFKA_STATE_DIR        config, data, log and pid of this broker (default <repo>/.local/kafka):
#                          a second broker beside the first needs its own, and its own ports
#   KAFKA_SASL_PORT        also listen there with SASL (SCRAM-SHA-256 and -512), as a secured
#                          cluster would; the users come from KAFKA_SCRAM_USERS
#   KAFKA_SCRAM_USERS      name:password,... created when the storage is formatted (first start)
#   KAFKA_TLS_DIR          a directory with server.pem (private key and certificate chain, PEM):
#                          the SASL listener is then SASL_SSL instead of SASL_PLAINTEXT
#   MVN                    maven command (default: mvn)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
POM="$ROOT/deploy/kafka/pom.xml"

HOST=127.0.0.1
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
MVN="${MVN:-mvn}"

default_version() {
  sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$POM" | head -n1
}
VERSION="${KAFKA_VERSION:-$(default_version)}"

SASL_PORT="${KAFKA_SASL_PORT:-}"
SCRAM_USERS="${KAFKA_SCRAM_USERS:-}"
TLS_DIR="${KAFKA_TLS_DIR:-}"

# The jars are fetched once per checkout; each broker's state lives in its own directory.
KAFKA_HOME="$ROOT/.local/kafka"
LIBS="$KAFKA_HOME/$VERSION/libs"
STATE="${KAFKA_STATE_DIR:-$KAFKA_HOME}"
DATA="$STATE/data"
LOG="$STATE/kafka.log"
PIDFILE="$STATE/kafka.pid"
PROPS="$STATE/server.properties"
LOG4J="$STATE/log4j2.properties"
LOCK="$STATE/.lock"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

say() { echo "kafka: $*"; }
die() { echo "kafka: error: $*" >&2; exit 1; }

[[ -n "$VERSION" ]] || die "could not determine the Kafka version (set KAFKA_VERSION or kafka.version in $POM)"
mkdir -p "$KAFKA_HOME" "$STATE"

# One script invocation at a time (fetch/format/start/stop). Children must not inherit fd 9.
lock() {
  exec 9>"$LOCK"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
}

# ---------------------------------------------------------------------------------------------
# fetch

fetch() {
  if [[ -f "$LIBS/.complete" ]]; then
    return 0
  fi
  command -v "$MVN" >/dev/null 2>&1 || die "maven ($MVN) not found; needed to fetch Kafka $VERSION"
  say "fetching Kafka $VERSION jars from Maven Central into ${LIBS#"$ROOT"/}"
  mkdir -p "$KAFKA_HOME/$VERSION"
  local tmp
  tmp="$(mktemp -d "$KAFKA_HOME/$VERSION/libs.tmp.XXXXXX")"
  if ! "$MVN" -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime -Dkafka.version="$VERSION" \
      >"$KAFKA_HOME/$VERSION/fetch.log" 2>&1 9>&-; then
    cat "$KAFKA_HOME/$VERSION/fetch.log" >&2
    rm -rf "$tmp"
    die "maven could not fetch Kafka $VERSION"
  fi
  local n
  n="$(find "$tmp" -maxdepth 1 -name '*.jar' | wc -l)"
  [[ -f "$tmp/kafka_2.13-$VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$VERSION.jar missing after fetch"; }
  echo "$VERSION" >"$tmp/.complete"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  say "fetched $n jars ($(du -sh "$LIBS" | cut -f1))"
}

# ---------------------------------------------------------------------------------------------
# config

# The SASL listener's protocol: SASL_SSL with a server certificate, SASL_PLAINTEXT without.
sasl_protocol() { if [[ -n "$TLS_DIR" ]]; then echo SASL_SSL; else echo SASL_PLAINTEXT; fi; }

write_config() {
  local listeners="PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT"
  local advertised="PLAINTEXT://$HOST:$PORT"
  local protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  if [[ -n "$SASL_PORT" ]]; then
    local protocol
    protocol="$(sasl_protocol)"
    listeners+=",$protocol://$HOST:$SASL_PORT"
    advertised+=",$protocol://$HOST:$SASL_PORT"
    protocols+=",$protocol:$protocol"
  fi
  cat >"$PROPS" <<EOF
# Generated by scripts/kafka.sh on each start; edit the script, not this file.
process.roles=broker,controller
node.id=1
# Static single-voter quorum: the controller endpoint comes from this file on every start,
# so KAFKA_CONTROLLER_PORT can change without reformatting the data dir.
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA

# Single node.
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
delete.topic.enable=true

# Small machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.retention.hours=168
log.segment.bytes=104857600
EOF

  if [[ -n "$SASL_PORT" ]]; then
    local name
    name="$(sasl_protocol | tr '[:upper:]' '[:lower:]')"
    cat >>"$PROPS" <<EOF

# Secured listener: SCRAM users (KAFKA_SCRAM_USERS, stored in the metadata log at format time).
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512
listener.name.$name.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.$name.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
EOF
    if [[ -n "$TLS_DIR" ]]; then
      [[ -f "$TLS_DIR/server.pem" ]] || die "KAFKA_TLS_DIR has no server.pem"
      cat >>"$PROPS" <<EOF
listener.name.$name.ssl.keystore.type=PEM
listener.name.$name.ssl.keystore.location=$TLS_DIR/server.pem
EOF
    fi
  fi

  cat >"$LOG4J" <<'EOF'
# Generated by scripts/kafka.sh. Everything goes to stdout (kafka.log when started in the background).
status = warn
name = kafka-local
appender.out.type = Console
appender.out.name = STDOUT
appender.out.target = SYSTEM_OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = STDOUT
logger.statechange.name = state.change.logger
logger.statechange.level = warn
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = warn
EOF
}

jvm_args() {
  # shellcheck disable=SC2206
  local heap=($HEAP_OPTS) extra=(${KAFKA_JVM_OPTS:-})
  JVM_ARGS=(
    "${heap[@]}"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$LOG4J"
    -Dkafka.logs.dir="$STATE"
    -cp "$LIBS/*"
    "${extra[@]}"
  )
}

check_java() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (need Java 17+)"
  local v
  v="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
  [[ "${v%%.*}" -ge 17 ]] 2>/dev/null || die "Kafka $VERSION needs Java 17+, $JAVA is ${v:-unknown}"
}

format_storage() {
  if [[ -f "$DATA/meta.properties" ]]; then
    local formatted
    formatted="$(cat "$DATA/.formatted-with" 2>/dev/null || echo unknown)"
    if [[ "$formatted" != "$VERSION" ]]; then
      say "note: data dir was formatted by Kafka $formatted, running $VERSION (delete ${DATA#"$ROOT"/} if it fails to start)"
    fi
    return 0
  fi
  local cluster_id
  # A Kafka Uuid: 16 random bytes, base64url without padding (22 chars).
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  # One id in 64 starts with '-', which the storage tool's argument parser takes for an option.
  if [[ "$cluster_id" == -* ]]; then cluster_id="A${cluster_id:1}"; fi
  say "formatting KRaft storage in ${DATA#"$ROOT"/} (cluster id $cluster_id)"
  mkdir -p "$DATA"
  local scram=() users user
  if [[ -n "$SCRAM_USERS" ]]; then
    IFS=',' read -ra users <<<"$SCRAM_USERS"
    for user in "${users[@]}"; do
      [[ "$user" == *:* ]] || die "KAFKA_SCRAM_USERS wants name:password pairs, got '$user'"
      scram+=(--add-scram "SCRAM-SHA-256=[name=${user%%:*},password=${user#*:}]" --add-scram "SCRAM-SHA-512=[name=${user%%:*},password=${user#*:}]")
    done
  fi
  if ! "$JAVA" -Xms64m -Xmx256m -Dlog4j2.configurationFile="$LOG4J" -cp "$LIBS/*" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" "${scram[@]}" >"$STATE/format.log" 2>&1 9>&-; then
    cat "$STATE/format.log" >&2
    rm -rf "$DATA"
    die "formatting storage failed"
  fi
  echo "$VERSION" >"$DATA/.formatted-with"
}

# ---------------------------------------------------------------------------------------------
# process helpers

# Alive and not a zombie (a supervisor may reap its foreground child late).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat%% *}" != Z ]]
}

running_pid() {
  local pid
  [[ -f "$PIDFILE" ]] || return 1
  pid="$(cat "$PIDFILE" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  # Guard against pid reuse: it must be a JVM running kafka.Kafka.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

port_open() {
  # shellcheck disable=SC2016  # $1/$2 expand in the child shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$HOST" "$1" 2>/dev/null
}

# Sends a Kafka ApiVersions (v0) request and checks that a response frame comes back.
api_versions_ok() {
  # shellcheck disable=SC2016  # $1/$2 expand in the child shell
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    # size=16 | api_key=18 | api_version=0 | correlation_id=1 | client_id="kcheck"
    printf "\x00\x00\x00\x10\x00\x12\x00\x00\x00\x00\x00\x01\x00\x06kcheck" >&3
    n=$(head -c 4 <&3 | od -An -tu1 | tr -s " ")
    [ -n "${n// /}" ] && [ "$n" != " 0 0 0 0" ]
  ' _ "$HOST" "$PORT" 2>/dev/null
}

ready() {
  grep -q 'Kafka Server started' "$LOG" 2>/dev/null && api_versions_ok
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! alive "$pid"; then
      echo "kafka: error: broker exited during startup; last log lines:" >&2
      tail -n 40 "$LOG" >&2 || true
      rm -f "$PIDFILE"
      exit 1
    fi
    if ready; then return 0; fi
    sleep 0.5
  done
  echo "kafka: error: not ready after ${START_TIMEOUT}s; last log lines:" >&2
  tail -n 40 "$LOG" >&2 || true
  kill_pid "$pid" 10
  rm -f "$PIDFILE"
  exit 1
}

# SIGTERM, wait up to $2 seconds, then SIGKILL.
kill_pid() {
  local pid="$1" deadline=$((SECONDS + $2))
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.5; done
  if alive "$pid"; then
    say "still running after ${2}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.2; done
  fi
}

prepare() {
  fetch
  check_java
  write_config
  format_storage
  local p
  for p in "$PORT" "$CONTROLLER_PORT" $SASL_PORT; do
    if port_open "$p"; then die "port $HOST:$p is already in use by another process"; fi
  done
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_fetch() {
  lock
  if [[ -f "$LIBS/.complete" ]]; then
    say "Kafka $VERSION jars already present in ${LIBS#"$ROOT"/}"
  else
    fetch
  fi
}

cmd_start() {
  lock
  local pid
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on $HOST:$(running_port)"
    return 0
  fi
  local t0=${EPOCHREALTIME/[.,]/}
  prepare
  [[ -f "$LOG" ]] && mv -f "$LOG" "$LOG.1"
  jvm_args
  say "starting Kafka $VERSION (KRaft, node 1) on $HOST:$PORT, controller $HOST:$CONTROLLER_PORT"
  (cd "$STATE" && exec nohup "$JAVA" "${JVM_ARGS[@]}" kafka.Kafka "$PROPS" \
      </dev/null >"$LOG" 2>&1 9>&-) &
  pid=$!
  echo "$pid" >"$PIDFILE"
  wait_ready "$pid"
  local ms=$(( (${EPOCHREALTIME/[.,]/} - t0) / 1000 ))
  say "listening on $HOST:$PORT (pid $pid, ready in $((ms / 1000)).$((ms % 1000 / 100))s, log ${LOG#"$ROOT"/})"
}

cmd_foreground() {
  lock
  local pid
  if pid="$(running_pid)"; then
    die "already running in the background (pid $pid); run 'scripts/kafka.sh stop' first"
  fi
  prepare
  jvm_args
  say "running Kafka $VERSION in the foreground on $HOST:$PORT, controller $HOST:$CONTROLLER_PORT"
  echo "$$" >"$PIDFILE"
  exec 9>&-
  cd "$STATE"
  exec "$JAVA" "${JVM_ARGS[@]}" kafka.Kafka "$PROPS"
}

cmd_stop() {
  lock
  local pid
  if ! pid="$(running_pid)"; then
    say "not running"
    rm -f "$PIDFILE"
    return 0
  fi
  say "stopping (pid $pid)"
  kill_pid "$pid" "$STOP_TIMEOUT"
  rm -f "$PIDFILE"
  say "stopped"
}

# Port of the running instance (from the server.properties it was started with).
running_port() {
  sed -n 's/^advertised\.listeners=PLAINTEXT:\/\/[^:]*:\([0-9]*\).*/\1/p' "$PROPS" 2>/dev/null | head -n1
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    PORT="$(running_port)"; PORT="${PORT:-${KAFKA_PORT:-9092}}"
    # Version of the running instance, from its classpath (.local/kafka/<version>/libs/*).
    VERSION="$(tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n 's:.*/\([^/]*\)/libs/\*$:\1:p' | head -n1)"
    if api_versions_ok; then
      say "running (pid $pid), Kafka $VERSION, listening on $HOST:$PORT"
    else
      say "running (pid $pid), Kafka $VERSION, but $HOST:$PORT is not answering (yet)"
    fi
    return 0
  fi
  say "not running"
  return 3
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  foreground) cmd_foreground ;;
  *)
    echo "usage: $0 fetch|start|stop|restart|status|foreground" >&2
    exit 2
    ;;
esac
