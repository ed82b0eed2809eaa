#!/usr/bin/env bash
# Obtain the Pulumi CLI (and the Node.js language host) whose version equals the
# exact @pulumi/pulumi pin in package.json, without internet access beyond the Go
# module proxy. Prints the directory holding the binaries on stdout (last line).
#
# Order: a `pulumi` on PATH with the right version; else the cache
# ($XDG_CACHE_HOME or ~/.cache)/trusthub-reconciler/pulumi/vX.Y.Z/bin; else build
# from the Go module proxy (module as published, only the filesystem `replace`
# dropped, version set through -ldflags -X) and cache it. Never commits a binary.
#
# Users with internet may instead run the official installer
#   curl -fsSL https://get.pulumi.com | sh -s -- --version X.Y.Z
# and put ~/.pulumi/bin on PATH: this script then finds it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
V=${PULUMI_VERSION:-v$(node -e 'const p=require(process.argv[1]);const v=(p.dependencies||{})["@pulumi/pulumi"];process.stdout.write(v.replace(/^[^0-9]*/,""))' "$here/package.json")}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/trusthub-reconciler/pulumi/$V
out=$cache/bin
log() { printf '%s\n' "pulumi-cli: $*" >&2; }

have_version() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "$V" ]; }

if command -v pulumi >/dev/null 2>&1 && have_version "$(command -v pulumi)" \
   && command -v pulumi-language-nodejs >/dev/null 2>&1; then
  dirname "$(command -v pulumi)"; exit 0
fi
if have_version "$out/pulumi"; then
  echo "$out"; exit 0
fi

command -v go >/dev/null 2>&1 || { log "Go >= 1.25 is needed to build the Pulumi CLI $V (none on PATH)"; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
log "building Pulumi CLI $V from the Go module proxy into $out (first run only; takes 10-20 min on 2 cores)"
dir() { go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'; }
hash_of() { go mod download -json "$1" | sed -n 's/^[[:space:]]*"Hash": "\(.*\)",$/\1/p' | head -1; }
PKG=$(dir "github.com/pulumi/pulumi/pkg/v3@$V")
[ -n "$PKG" ] || { log "the Go module proxy does not serve github.com/pulumi/pulumi/pkg/v3@$V"; exit 1; }
H=$(hash_of "github.com/pulumi/pulumi/pkg/v3@$V")
# The language host module is untagged; the proxy may not serve its pseudo-version.
LH=$(dir "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@${H:0:12}" 2>/dev/null || true)
work=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-build.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
LDF="-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$V"
mkdir -p "$out.tmp"
cp -r "$PKG" "$work/pkg"; chmod -R u+w "$work/pkg"
(cd "$work/pkg" && go mod edit -dropreplace=github.com/pulumi/pulumi/sdk/v3 \
   && go build -trimpath -tags osusergo,grpcnotrace -ldflags "$LDF" -o "$out.tmp/pulumi" ./cmd/pulumi)
if [ -n "$LH" ]; then
  cp -r "$LH" "$work/lh"; chmod -R u+w "$work/lh"
  (cd "$work/lh" && go mod edit -dropreplace=github.com/pulumi/pulumi/pkg/v3 -dropreplace=github.com/pulumi/pulumi/sdk/v3 \
       -require=github.com/pulumi/pulumi/pkg/v3@$V -require=github.com/pulumi/pulumi/sdk/v3@$V \
     && go build -trimpath -tags osusergo,grpcnotrace -ldflags "$LDF" -o "$out.tmp/pulumi-language-nodejs" .)
else
  log "language host module not served; inline Automation API programs do not need it"
fi
rm -rf "$out"; mv "$out.tmp" "$out"
have_version "$out/pulumi" || { log "built binary does not report $V"; exit 1; }
echo "$out"
