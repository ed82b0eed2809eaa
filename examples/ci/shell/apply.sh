#!/usr/bin/env bash
# Main-branch job: recompute the plan on the merged commit, save it, apply exactly that plan,
# then show the live statuses. (The pull request's plan is not reused: main may have moved
# since; apply --plan refuses a plan that is no longer true with exit 4, nothing written.)
# Usage: apply.sh [config paths...]
# Exit (apply's code; the same table as the README's and src/errors.ts):
#   0  applied, or nothing to change
#   1  error (invalid configuration, credentials, a failed request); also when the plan fails
#   2  (plan --detailed-exitcode only: changes present; apply never exits 2)
#   3  applied what it could; blocked actions are left (Twilio Console or a prerequisite)
#   4  the saved plan is stale (a review finished, the YAML changed): nothing written; re-run
#   5  another apply holds the Pulumi stack lock: nothing written; re-run when it is done
#   6  finished, but some profiles were refused (immutable) or failed
#   7  a safety threshold was exceeded (too many updates or deletes): nothing written;
#      acknowledge that exact plan with --ack-checksum <checksum> (printed by plan) if intended
#   8  nothing to apply, but the YAML differs from profiles Twilio made immutable (in review or
#      approved): revert the YAML, or ask Twilio to make the profile editable
#   130 interrupted (SIGINT/SIGTERM): in-flight writes finished, the lock released; re-run apply
. "$(dirname "$0")/common.sh"
load_trusthub_env

plan_file="${PLAN_JSON:-plan.json}"
$TRUSTHUB plan "$@" --out "$plan_file"
run_trusthub code apply "$@" --plan "$plan_file" --auto-approve
$TRUSTHUB status "$@" --format text || true
exit "$code"
