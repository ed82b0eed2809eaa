#!/usr/bin/env bash
# Step 2 of action.yml: a Pulumi CLI for apply (and for plans against non-file backends, which
# read the stack through `pulumi stack export`). TRUSTHUB_PULUMI_VERSION set: that exact version
# (the pulumi on PATH when it is that one, else installed). Empty: the pulumi on PATH (or in
# ~/.pulumi/bin) when it is at least MIN_PULUMI, else the latest release. Installs with Pulumi's
# official script (https://get.pulumi.com) into ~/.pulumi. Writes TRUSTHUB_PULUMI_BIN (the
# directory holding `pulumi`) to $GITHUB_ENV and that directory to $GITHUB_PATH.
set -euo pipefail
# postgres:// backends need 3.176.0 (see docs/day2.md); trusthub itself checks its own minimum.
MIN_PULUMI="3.176.0"
want="${TRUSTHUB_PULUMI_VERSION:-}"
want="${want#v}"

version_of() { PULUMI_SKIP_UPDATE_CHECK=true "$1" version 2>/dev/null | sed 's/^v//'; }
# 0 when $1 >= $2 (dotted versions).
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

found=""
for cand in "$(command -v pulumi || true)" "$HOME/.pulumi/bin/pulumi"; do
  [ -n "$cand" ] && [ -x "$cand" ] || continue
  v="$(version_of "$cand" || true)"
  [ -n "$v" ] || continue
  if { [ -n "$want" ] && [ "$v" = "$want" ]; } || { [ -z "$want" ] && at_least "$v" "$MIN_PULUMI"; }; then
    found="$cand"
    echo "trusthub action: using pulumi $v at $cand" >&2
    break
  fi
  echo "trusthub action: pulumi $v at $cand does not fit (wanted ${want:-">= $MIN_PULUMI"})" >&2
done

if [ -z "$found" ]; then
  echo "trusthub action: installing pulumi ${want:-(latest)} with https://get.pulumi.com" >&2
  if [ -n "$want" ]; then
    curl -fsSL https://get.pulumi.com | sh -s -- --version "$want" >&2
  else
    curl -fsSL https://get.pulumi.com | sh >&2
  fi
  found="$HOME/.pulumi/bin/pulumi"
  [ -x "$found" ] || { echo "::error::the Pulumi install left no $found" >&2; exit 1; }
fi

dir="$(cd "$(dirname "$found")" && pwd)"
echo "TRUSTHUB_PULUMI_BIN=$dir" >>"${GITHUB_ENV:?GITHUB_ENV is not set}"
echo "$dir" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
