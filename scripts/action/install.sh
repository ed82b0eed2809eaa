#!/usr/bin/env bash
# Step 1 of action.yml: install trusthub-reconciler at the action's own version, i.e. the
# checked-out action itself ($GITHUB_ACTION_PATH): `npm ci` (skipped when node_modules is already
# there), then `npm run build` when the package's bin is compiled code that is not built yet.
# Picks a Node that can run it (>= 22.18: the runner's node, else the one npm installed) and writes
# TRUSTHUB_NODE and TRUSTHUB_BIN (the CLI's entry file) to $GITHUB_ENV for the later steps.
set -euo pipefail
root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set (run this as a step of action.yml)}"
cd "$root"

if [ ! -d node_modules ]; then
  echo "trusthub action: npm ci in $root" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# A Node >= 22 that strips TypeScript types (22.18+, 23.6+; run.ts is TypeScript).
fits() { "$1" -e 'const [a] = process.versions.node.split(".").map(Number); process.exit(a >= 22 && process.features.typescript ? 0 : 1)' 2>/dev/null; }
node_bin="$(command -v node || true)"
if [ -z "$node_bin" ] || ! fits "$node_bin"; then
  if [ -x node_modules/.bin/node ] && fits node_modules/.bin/node; then
    node_bin="$root/node_modules/.bin/node"
  else
    echo "::error::trusthub-reconciler needs Node.js >= 22.18 (found ${node_bin:-none}): set the action's node-version input" >&2
    exit 1
  fi
fi

entry="$("$node_bin" -e 'const b = require("./package.json").bin; process.stdout.write(typeof b === "string" ? b : b.trusthub)')"
if [ ! -f "$entry" ]; then
  echo "trusthub action: npm run build ($entry is not built yet)" >&2
  npm run build --silent >&2
fi
[ -f "$entry" ] || { echo "::error::trusthub-reconciler: $root/$entry is missing after the build" >&2; exit 1; }

{
  echo "TRUSTHUB_NODE=$node_bin"
  echo "TRUSTHUB_BIN=$root/$entry"
} >>"${GITHUB_ENV:?GITHUB_ENV is not set}"
echo "trusthub action: $("$node_bin" "$root/$entry" --version 2>/dev/null || echo "trusthub") with node $("$node_bin" --version)" >&2
