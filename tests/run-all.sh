#!/usr/bin/env bash
# `npm test`: everything the project needs, then every test suite.
# Installs/starts what the tests need (PostgreSQL, Chromium) when missing, builds once, then runs
# Shopify's CLI checks, unit, integration (SQLite + PostgreSQL, real SMTP/OpenAI/Admin servers) and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/support/ensure-postgres.sh
bash tests/support/ensure-chromium.sh
node node_modules/tsx/dist/cli.mjs app/cli/db.ts generate >/dev/null
node node_modules/tsx/dist/cli.mjs app/cli/build.ts
npx tsc --noEmit
npm run -s lint
# Shopify's own checks (app build, app doctor at low, theme-check); installs a Node 22 for the CLI once.
node node_modules/tsx/dist/cli.mjs app/cli/check-shopify.ts
npx vitest run --project unit --project integration
npx vitest run --project e2e --no-file-parallelism
