#!/usr/bin/env bash
# Compiles apps, libs and tools to dist/ with SWC (decorator metadata on, path aliases rewritten
# to relative requires), copying the SQL migrations next to each service's code, then bundles the
# web console with Vite into dist/console (the gateway serves it under /console/).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx --no-install swc apps libs tools bench examples -d dist --config-file .swcrc --copy-files --quiet \
  --ignore 'apps/console/**,**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts'
npx --no-install vite build --config apps/console/vite.config.mts --logLevel warn
printf '[setup]       compiled to dist/, the console to dist/console/\n'
