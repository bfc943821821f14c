#!/usr/bin/env bash
# `npm start [-- --replicas N]`: installs what is missing, builds, then runs Kafka, every service and the gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node --enable-source-maps dist/tools/start-system.js "$@"
