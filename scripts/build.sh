#!/usr/bin/env bash
# Compiles apps, libs and tools to dist/ with SWC (decorator metadata on, path aliases rewritten
# to relative requires), copying the SQL migrations next to each service's code.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx --no-install swc apps libs tools bench -d dist --config-file .swcrc --copy-files --quiet \
  --ignore '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts'
printf '[setup]       compiled to dist/\n'
