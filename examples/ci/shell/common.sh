#!/usr/bin/env bash
# Shared by plan.sh, apply.sh and drift.sh (sourced, not run).
#
# Environment:
#   TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN   Twilio credentials (or TWILIO_API_KEY + TWILIO_API_SECRET)
#   PULUMI_CONFIG_PASSPHRASE                 encrypts personal values in the Pulumi state
#   PULUMI_BACKEND_URL                       shared state, e.g. s3://bucket/trusthub (the default
#                                            file backend lives in the checkout: lost between jobs)
#   TRUSTHUB_ENV_FILE or TRUSTHUB_ENV        the env file written by `trusthub import` (a path, or
#                                            its whole content from a CI secret)
#   TRUSTHUB                                 how to run the CLI (default: npx trusthub)
#   A Pulumi CLI must be on PATH for apply, and for plans against a non-file backend (postgres://
#   needs 3.176.0 or later; trusthub names the minimum it accepts). As the GitHub Action does:
#   curl -fsSL https://get.pulumi.com | sh; export PATH="$HOME/.pulumi/bin:$PATH"
set -euo pipefail

TRUSTHUB="${TRUSTHUB:-npx trusthub}"
export NO_COLOR=1

# Without credentials trusthub would use its embedded sandbox: refuse in CI.
if [ -z "${TWILIO_ACCOUNT_SID:-}" ]; then
  echo "error: TWILIO_ACCOUNT_SID is not set (refusing to plan against the embedded sandbox)" >&2
  exit 1
fi

# Personal values for the ${env:NAME} references of the YAML. Never echoed.
load_trusthub_env() {
  local file="${TRUSTHUB_ENV_FILE:-}"
  if [ -z "$file" ] && [ -n "${TRUSTHUB_ENV:-}" ]; then
    file="$(mktemp)"
    chmod 600 "$file"
    printf '%s\n' "$TRUSTHUB_ENV" >"$file"
  fi
  if [ -n "$file" ]; then
    set -a
    # shellcheck disable=SC1090
    . "$file"
    set +a
  fi
}

# Runs the CLI; its exit code goes to the variable named by $1 (set -e would stop on it).
run_trusthub() {
  local __var="$1" __rc
  shift
  set +e
  $TRUSTHUB "$@"
  __rc=$?
  set -e
  printf -v "$__var" '%s' "$__rc"
}

# The markdown written instead of a plan when trusthub failed: the error text (it names files,
# lines and variables, never values) under the marker prefix, exactly as the GitHub Action
# writes it (scripts/action/plan-result.ts errorMarkdown). Usage: error_markdown CODE ERRFILE
error_markdown() {
  echo "<!-- trusthub-plan error -->"
  echo "### Trust Hub plan failed (exit $1)"
  echo
  echo '```'
  sed 's/```/` ` `/g' "$2"
  echo '```'
}
