#!/usr/bin/env bash
# Scheduled job: does Trust Hub still match the YAML? Writes drift.md (markdown plan; on an
# error, the error text under the same marker prefix, as plan.sh and the GitHub Action do).
# Usage: drift.sh [config paths...]
# Exit: 0 in sync; 2 drift (changes to apply), 3 blocked actions, 8 YAML edited on immutable
# profiles: these fail the job so that someone looks (open a ticket from drift.md if your CI
# can); 1 error.
. "$(dirname "$0")/common.sh"
load_trusthub_env

out="${DRIFT_MD:-drift.md}"
err="$(mktemp)"
run_trusthub code plan "$@" --detailed-exitcode --format markdown >"$out" 2>"$err"
cat "$err" >&2
case "$code" in
  0) echo "no drift: Trust Hub matches the YAML" >&2 ;;
  2) echo "drift: Trust Hub differs from the YAML (see $out); apply or fix the YAML" >&2 ;;
  3) echo "drift: blocked actions need the Twilio Console or a prerequisite (see $out)" >&2 ;;
  8) echo "drift: the YAML differs from immutable profiles: revert it, or ask Twilio (see $out)" >&2 ;;
  *)
    error_markdown "$code" "$err" >"$out"
    echo "drift check failed (exit $code); the error is in $out" >&2
    ;;
esac
exit "$code"
