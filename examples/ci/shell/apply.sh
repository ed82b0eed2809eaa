#!/usr/bin/env bash
# Main-branch job: recompute the plan on the merged commit, save it, apply exactly that plan,
# then show the live statuses. (The pull request's plan is not reused: main may have moved
# since; apply --plan refuses a plan that is no longer true with exit 4, nothing written.)
# Usage: apply.sh [config paths...]
# Exit: apply's code: 0 applied, 3 blocked actions left, 4 stale plan (re-run), 5 another
# apply holds the lock, 6 some profiles refused or failed, 1 error.
. "$(dirname "$0")/common.sh"
load_trusthub_env

plan_file="${PLAN_JSON:-plan.json}"
$TRUSTHUB plan "$@" --out "$plan_file"
run_trusthub code apply "$@" --plan "$plan_file" --auto-approve
$TRUSTHUB status "$@" --format text || true
exit "$code"
