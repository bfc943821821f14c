#!/usr/bin/env bash
# Makes a checkout runnable: installs npm packages (first time, or when the lockfile changed),
# generates each service's Prisma client, and compiles everything to dist/. Idempotent and quick
# when nothing changed. Used by `npm start`, `npm test` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup]       %s\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Prisma's CLI wants a schema-engine binary even to generate; generate never runs it, so a stub
# file is enough on machines where the real engine cannot be downloaded (see README: Migrations).
if [ -z "${PRISMA_SCHEMA_ENGINE_BINARY:-}" ]; then
  mkdir -p .local
  : > .local/schema-engine-stub
  export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/.local/schema-engine-stub"
fi
export CHECKPOINT_DISABLE=1

for app in inventory work-orders picking inbound; do
  schema="apps/$app/prisma/schema.prisma"
  stamp="apps/$app/src/generated/.schema-stamp"
  if [ ! -f "$stamp" ] || [ "$schema" -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    log "generating the Prisma client of $app"
    (cd "apps/$app" && npx --no-install prisma generate > ../../.local/prisma-generate.log 2>&1) || { cat .local/prisma-generate.log; exit 1; }
    touch "$stamp"
  fi
done

bash scripts/build.sh
