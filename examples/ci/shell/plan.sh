#!/usr/bin/env bash
# Pull-request job: write the plan as markdown to plan.md (post it as one comment that you
# update in place: its first line is the hidden marker `<!-- trusthub-plan ...-->`).
# On an error (exit 1: invalid configuration, credentials, a failed request) plan.md holds the
# error text instead (it names files, lines and variables, never values), under the same marker
# prefix, so the comment says why there is no plan. The GitHub Action (action.yml) does the same.
# Usage: plan.sh [config paths...]
# Exit: 0 when the plan was made (no changes, changes, blocked actions or immutable drift alike),
# 1 on error. The plan's own code (0 none, 2 changes, 3 blocked, 8 only immutable drift) is
# written to plan.exitcode.
. "$(dirname "$0")/common.sh"
load_trusthub_env

out="${PLAN_MD:-plan.md}"
err="$(mktemp)"
run_trusthub code plan "$@" --format markdown --detailed-exitcode >"$out" 2>"$err"
cat "$err" >&2
echo "$code" >plan.exitcode
case "$code" in
  0) echo "plan: no changes" >&2 ;;
  2) echo "plan: changes to apply (see $out)" >&2 ;;
  3) echo "plan: blocked actions need the Twilio Console or a prerequisite, e.g. a trust product waits for its profile's approval (see $out)" >&2 ;;
  8) echo "plan: only the YAML of immutable profiles differs: revert it, or ask Twilio (see $out)" >&2 ;;
  *)
    error_markdown "$code" "$err" >"$out"
    echo "plan failed (exit $code); the error is in $out" >&2
    exit 1
    ;;
esac
