#!/usr/bin/env bash
# `npm test`: every test tier, in order of speed: unit, integration, end-to-end.
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

export KAFKAJS_NO_PARTITIONER_WARNING=1
npx --no-install tsc -p tsconfig.json
npx --no-install jest --selectProjects unit "$@"
npx --no-install jest --selectProjects integration --runInBand "$@"
npx --no-install jest --selectProjects e2e --runInBand "$@"
