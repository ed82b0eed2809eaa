#!/usr/bin/env bash
# Obtain the repository's Pulumi CLI (and the Node.js language host) without internet access beyond
# the Go module proxy. Prints the directory holding the binaries on stdout (last line).
#
# trusthub runs with any Pulumi CLI >= 3.176.0 (src/apply/pulumi-bin.ts); this script only provides
# one for the repository's tests and quick start. Its version is fixed here, and deliberately differs
# from the @pulumi/pulumi SDK pin in package.json (3.276.0): every e2e test then runs an SDK and a
# CLI of different versions, as users do. v3.276.0 is also served by the proxy (PULUMI_VERSION=v3.276.0).
#
# Order: a `pulumi` on PATH with that version; else the cache
# ($XDG_CACHE_HOME or ~/.cache)/trusthub-reconciler/pulumi/vX.Y.Z/bin; else build
# from the Go module proxy (module as published, only the filesystem `replace`
# dropped, version set through -ldflags -X) and cache it. Never commits a binary.
#
# Users with internet may instead install the official CLI (any version >= 3.176.0):
#   curl -fsSL https://get.pulumi.com | sh
# trusthub finds it on PATH or in ~/.pulumi/bin.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
V=${PULUMI_VERSION:-v3.274.1}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/trusthub-reconciler/pulumi/$V
out=$cache/bin
log() { printf '%s\n' "pulumi-cli: $*" >&2; }

have_version() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "$V" ]; }

have_lh() { [ -x "$1/pulumi-language-nodejs" ]; }
# The dynamic provider plugin: @pulumi/pulumi ships it as a shell script that runs node as a child, so
# a signal from the engine stops only the shell and can leave node behind. Keep next to the engine an
# equivalent that execs node (it resolves the same cmd/dynamic-provider; Node 24 must be first on PATH).
place_provider_script() {
  local dst="$1/pulumi-resource-pulumi-nodejs"
  cat > "$dst.tmp" <<'SH'
#!/bin/sh
# Written by trusthub-reconciler scripts/pulumi-cli.sh: @pulumi/pulumi's dynamic provider host, exec'd.
host=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || exit 1
exec node "$host" "$@"
SH
  chmod 755 "$dst.tmp" && mv "$dst.tmp" "$dst"
}

if command -v pulumi >/dev/null 2>&1 && have_version "$(command -v pulumi)" \
   && command -v pulumi-language-nodejs >/dev/null 2>&1; then
  dirname "$(command -v pulumi)"; exit 0
fi
if have_version "$out/pulumi" && { have_lh "$out" || [ -f "$out/.no-language-host" ]; }; then
  place_provider_script "$out"; echo "$out"; exit 0
fi

command -v go >/dev/null 2>&1 || { log "Go >= 1.25 is needed to build the Pulumi CLI $V (none on PATH)"; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
dir() { go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'; }
hash_of() { go mod download -json "$1" | sed -n 's/^[[:space:]]*"Hash": "\(.*\)",$/\1/p' | head -1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-build.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
LDF="-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$V"
GB() { go build -trimpath -tags osusergo,grpcnotrace "$@"; }
mkdir -p "$out.tmp"
if have_version "$out/pulumi"; then
  cp "$out/pulumi" "$out.tmp/pulumi"
else
  log "building Pulumi CLI $V from the Go module proxy into $out (first run only; takes 10-20 min on 2 cores)"
  PKG=$(dir "github.com/pulumi/pulumi/pkg/v3@$V")
  [ -n "$PKG" ] || { log "the Go module proxy does not serve github.com/pulumi/pulumi/pkg/v3@$V"; exit 1; }
  cp -r "$PKG" "$work/pkg"; chmod -R u+w "$work/pkg"
  (cd "$work/pkg" && go mod edit -dropreplace=github.com/pulumi/pulumi/sdk/v3 \
     && GB -ldflags "$LDF" -o "$out.tmp/pulumi" ./cmd/pulumi)
fi

# The Node.js language host (only `pulumi preview/up` through Pulumi.yaml needs it; inline Automation
# API programs do not). Its module is untagged and the proxy answers 403 for the pseudo-version of the
# release commit, so fall back to the last sdk/v3 release that still contained it as a package
# (nodejs/cmd/pulumi-language-nodejs moved to its own module in May 2023, v3.67). The engine speaks the
# same LanguageRuntime protocol to it; it runs @pulumi/pulumi's cmd/run from node_modules as usual.
LH_FALLBACK=${PULUMI_LANGUAGE_HOST_FALLBACK:-v3.66.0}
H=$(hash_of "github.com/pulumi/pulumi/pkg/v3@$V" 2>/dev/null || true)
LH=""
[ -n "$H" ] && LH=$(dir "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@${H:0:12}" 2>/dev/null || true)
if [ -n "$LH" ]; then
  log "building pulumi-language-nodejs at ${H:0:12}"
  cp -r "$LH" "$work/lh"; chmod -R u+w "$work/lh"
  (cd "$work/lh" && go mod edit -dropreplace=github.com/pulumi/pulumi/pkg/v3 -dropreplace=github.com/pulumi/pulumi/sdk/v3 \
       -require=github.com/pulumi/pulumi/pkg/v3@$V -require=github.com/pulumi/pulumi/sdk/v3@$V \
     && GB -ldflags "$LDF" -o "$out.tmp/pulumi-language-nodejs" .)
else
  log "language host module for $V not served by the proxy; building it from sdk/v3@$LH_FALLBACK"
  SDKOLD=$(dir "github.com/pulumi/pulumi/sdk/v3@$LH_FALLBACK" || true)
  if [ -n "$SDKOLD" ] && [ -d "$SDKOLD/nodejs/cmd/pulumi-language-nodejs" ]; then
    cp -r "$SDKOLD" "$work/sdkold"; chmod -R u+w "$work/sdkold"
    (cd "$work/sdkold" && GB -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$LH_FALLBACK" \
       -o "$out.tmp/pulumi-language-nodejs" ./nodejs/cmd/pulumi-language-nodejs) \
      || log "language host build failed; Pulumi.yaml programs will not run (inline Automation API programs still do)"
  else
    log "sdk/v3@$LH_FALLBACK not served; Pulumi.yaml programs will not run (inline Automation API programs still do)"
  fi
fi
have_lh "$out.tmp" || touch "$out.tmp/.no-language-host"  # remembered: delete it to retry
place_provider_script "$out.tmp"
rm -rf "$out"; mv "$out.tmp" "$out"
have_version "$out/pulumi" || { log "built binary does not report $V"; exit 1; }
echo "$out"
