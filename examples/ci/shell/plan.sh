#!/usr/bin/env bash
# Pull-request job: write the plan as markdown to plan.md (post it as one comment that you
# update in place: its first line is the hidden marker `<!-- trusthub-plan ...-->`).
# Usage: plan.sh [config paths...]
# Exit: 0 when the plan was made (no changes, changes or blocked actions alike), 1 on error.
# The plan's own code (0 none, 2 changes, 3 blocked) is written to plan.exitcode.
. "$(dirname "$0")/common.sh"
load_trusthub_env

out="${PLAN_MD:-plan.md}"
run_trusthub code plan "$@" --format markdown --detailed-exitcode >"$out"
echo "$code" >plan.exitcode
case "$code" in
  0) echo "plan: no changes" >&2 ;;
  2) echo "plan: changes to apply (see $out)" >&2 ;;
  3) echo "plan: blocked actions need the Twilio Console or a prerequisite (see $out)" >&2 ;;
  *) echo "plan failed (exit $code)" >&2; exit 1 ;;
esac
