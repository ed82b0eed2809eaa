#!/usr/bin/env bash
# A private PostgreSQL server for Pulumi's postgres:// state backend (tests, the bench, trying
# shared state locally). Installs PostgreSQL from the distribution's packages when it is missing
# (as root: apt-get), initialises a cluster in a directory of its own, starts it on a free port
# of 127.0.0.1 and prints the backend URL (the only line on stdout):
#   postgres://trusthub:<generated password>@127.0.0.1:<port>/<db>?sslmode=disable
#
# Usage: scripts/postgres.sh [start|stop|status] [--dir DIR] [--db NAME]
#   start   (default) start the cluster in DIR (initialising it first) unless it runs already,
#           create database NAME (default trusthub) if missing, print the URL
#   stop    stop the cluster in DIR
#   status  exit 0 and print the URL when the cluster in DIR runs, else exit 3
# DIR defaults to $TRUSTHUB_PG_DIR, else ${TMPDIR:-/tmp}/trusthub-postgres-<uid>. The password
# is generated once per cluster and kept in DIR (mode 0600); the URL carries it, so treat the
# printed line as a credential (it is a throwaway local server). PostgreSQL refuses to run as
# root: as root the cluster belongs to the `postgres` user that the package creates.
set -euo pipefail

cmd=start
dir="${TRUSTHUB_PG_DIR:-${TMPDIR:-/tmp}/trusthub-postgres-$(id -u)}"
db=trusthub
while [ $# -gt 0 ]; do
  case "$1" in
    start | stop | status) cmd="$1" ;;
    --dir) dir="$2"; shift ;;
    --db) db="$2"; shift ;;
    *) echo "postgres.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres.sh: --db must match [a-z_][a-z0-9_]*" >&2; exit 2; }

say() { echo "postgres.sh: $*" >&2; }

# The server binaries: $PG_BIN, else pg_ctl on PATH, else the newest /usr/lib/postgresql/*/bin.
find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then echo "$PG_BIN"; return; fi
  local p
  if p="$(command -v pg_ctl 2>/dev/null)" && [ -x "$(dirname "$(readlink -f "$p")")/initdb" ]; then
    dirname "$(readlink -f "$p")"; return
  fi
  for p in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    [ -x "$p/pg_ctl" ] && [ -x "$p/initdb" ] && { echo "$p"; return; }
  done
  return 1
}

if ! bin="$(find_bin)"; then
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL is not installed (no pg_ctl/initdb on PATH or in /usr/lib/postgresql/*/bin);"
    say "install it (Debian/Ubuntu: sudo apt-get install -y postgresql) or set PG_BIN"
    exit 1
  fi
  say "installing PostgreSQL: apt-get update && apt-get install -y postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2
  bin="$(find_bin)" || { say "PostgreSQL installed, but no server binaries were found"; exit 1; }
fi

# As root, run the server tools as the `postgres` user (initdb and postgres refuse root).
owner=""
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { say "running as root needs a 'postgres' user (the postgresql package makes it)"; exit 1; }
  owner=postgres
fi
as_owner() { if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }

data="$dir/data"
url_of() {
  printf 'postgres://trusthub:%s@127.0.0.1:%s/%s?sslmode=disable\n' \
    "$(cat "$dir/password")" "$(cat "$dir/port")" "$1"
}
running() { [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9

case "$cmd" in
  stop)
    if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2; fi
    exit 0
    ;;
  status)
    running || exit 3
    url_of "$db"
    exit 0
    ;;
esac

if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  umask 077
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$dir/password"
  [ -z "$owner" ] || chown "$owner" "$dir" "$dir/password"
  as_owner test -w "$dir" -a -x "$dir" ||
    { say "$dir is not writable by ${owner:-$(id -un)} (a parent directory without o+x?)"; exit 1; }
  say "initialising a cluster in $data ($("$bin/postgres" --version))"
  as_owner "$bin/initdb" -D "$data" -U trusthub --pwfile="$dir/password" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  return 1
}

if ! running; then
  started=""
  for _ in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data" start >/dev/null 2>&1 9>&-; then
      started=1
      break
    fi
  done
  [ -n "$started" ] || { say "the server did not start; its log:"; tail -n 20 "$data/server.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  say "started on 127.0.0.1:$port (data $data; stop with: bash scripts/postgres.sh stop --dir $dir)"
fi

port="$(cat "$dir/port")"
psql_local() { as_owner "$bin/psql" -h "$data" -p "$port" -U trusthub -d postgres -XtAq "$@"; }
psql_bin="$bin/psql"
[ -x "$psql_bin" ] || { say "no psql next to pg_ctl in $bin"; exit 1; }
if [ "$(psql_local -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  psql_local -c "CREATE DATABASE $db" >&2
fi
url_of "$db"
