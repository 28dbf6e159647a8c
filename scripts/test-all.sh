#!/usr/bin/env bash
# The one gate, the same locally and in CI: format, lint, types, unit tests, build, bundle size, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-chromium.sh
echo "== format"; npx prettier --check .
echo "== lint"; npx eslint . --max-warnings 0
echo "== types"; npx tsc --noEmit -p tsconfig.json
echo "== unit"; npx vitest run
echo "== build"; npx vite build --logLevel warn
echo "== size"; npx tsx scripts/bundle-size.ts dist
echo "== e2e"; npx playwright test
