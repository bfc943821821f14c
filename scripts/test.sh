#!/usr/bin/env bash
# `npm test`: every test tier, fastest first: static checks, unit, integration, end-to-end.
# Builds first (the end-to-end tier runs the compiled services), starts the local Kafka when
# KAFKA_BROKERS does not point at one, and stops it again if it started it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

started_kafka=""
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash scripts/kafka.sh status >/dev/null 2>&1; then
  bash scripts/kafka.sh start
  started_kafka=yes
fi
cleanup() { if [ -n "$started_kafka" ]; then bash scripts/kafka.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

show_service_logs() {
  echo "== a tier failed; what each service logged (.local/logs/$*): its distinct warnings and errors, then its last lines"
  for dir in "$@"; do
    for log in .local/logs/"$dir"/*.log; do
      [ -f "$log" ] || continue
      echo "--- $log"
      grep -E 'WARN|ERROR|"level":"(WARN|ERROR)"' "$log" | grep -v ECONNREFUSED | cut -c1-400 | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/"timestamp":"[^"]*",?//; s/"time":"[^"]*",?//; s/[0-9/]+, [0-9:]+ [AP]M//; s/"correlationId":[0-9]+,?//' | sort | uniq -c | sort -rn | head -n 25 || true
      echo "    ..."
      tail -n 15 "$log" | cut -c1-400
    done
  done
  return 1
}

echo "== static checks: format, types and architecture boundaries"
# Layout is Prettier's (npm run format); a file it would change fails the run.
npx --no-install prettier --check . --log-level warn
npx --no-install tsc -p tsconfig.json
npx --no-install tsc -p apps/console/tsconfig.json
# The Nx boundary rule reads the cached project graph and silently skips itself without one (as on
# a fresh clone): compute it first.
NX_DAEMON=false npx --no-install nx show projects >/dev/null
npx --no-install eslint . --quiet
echo "== unit tier"
npx --no-install jest --selectProjects unit "$@"
echo "== console component tier (Vitest, jsdom)"
npx --no-install vitest run --config apps/console/vite.config.mts
echo "== integration tier (real Postgres, Kafka)"
npx --no-install jest --selectProjects integration --runInBand "$@"
echo "== end-to-end tier (the whole system through the gateway)"
npx --no-install jest --selectProjects e2e --runInBand "$@" || show_service_logs e2e
echo "== invariants of what the end-to-end tier left behind"
DATABASE_PREFIX=wo_e2e_ node dist/tools/check-invariants.js
echo "== browser tier (the console in headless Chromium, against a system of its own)"
E2E_PORT=3150 E2E_DATABASE_PREFIX=wo_browser_ E2E_LOG_DIR=.local/logs/browser \
  npx --no-install jest --selectProjects browser --runInBand "$@" || show_service_logs browser
echo "   screenshots of each screen: .local/screenshots/"
echo "== observability tier (a system of its own scraped by a real Prometheus: dashboard and alert queries, a stuck saga's alert)"
E2E_PORT=3170 E2E_DATABASE_PREFIX=wo_obs_ E2E_LOG_DIR=.local/logs/observability \
  npx --no-install jest --selectProjects observability --runInBand "$@" || show_service_logs observability
echo "== fault tier (services killed, broker restarted, duplicates, a short chaos run)"
# --forceExit: a kafkajs consumer disconnected while it recovers from the broker restart this tier
# provokes can keep one socket open (seen with kafkajs 2.2.4), which would keep Jest waiting.
npx --no-install jest --selectProjects faults --runInBand --forceExit "$@" || show_service_logs faults chaos-short
