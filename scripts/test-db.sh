#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests and the benchmarks, from Debian's packages, on loopback only.
#
#   bash scripts/test-db.sh start     # install if missing (root + apt), initdb once, start, create role and database
#   bash scripts/test-db.sh env       # start, then print: export BANANA_TEST_DATABASE_URL=postgres://…
#   bash scripts/test-db.sh url       # start, then print the URL alone
#   bash scripts/test-db.sh restart   # stop and start the cluster (fast shutdown)
#   bash scripts/test-db.sh stop
#
# BANANA_PG_DIR (default /tmp/banana-pg) holds the cluster, its socket and its log; BANANA_PG_PORT (default
# 54329) is the loopback port. The cluster is its own (initdb into that folder, pg_ctl), never the machine's
# `main` cluster, so nothing else on the machine is touched. Tuned for tests: fsync off (a crash loses the test
# data, which is the point of a throw-away cluster). As root, the server runs as the `postgres` user, since
# PostgreSQL refuses to run as root.
set -euo pipefail

DIR="${BANANA_PG_DIR:-/tmp/banana-pg}"
PORT="${BANANA_PG_PORT:-54329}"
ROLE=banana
PASSWORD=banana
DB=banana_test
URL="postgres://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/${DB}"

log() { echo "test-db: $*" >&2; }

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then
    echo "$found"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_if_missing() {
  if [ -n "$(bin_dir)" ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    log "PostgreSQL is not installed. On Debian: sudo apt-get install postgresql (then run this again)."
    exit 1
  fi
}

# Runs a command as the user that owns the cluster: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pgctl() { as_owner "$(bin_dir)/pg_ctl" -D "$DIR/data" "$@"; }

running() { pgctl status >/dev/null 2>&1; }

psql_admin() {
  as_owner "$(bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres "$@"
}

start() {
  install_if_missing
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "initdb into $DIR/data"
    # Local (socket) connections trust the OS user; TCP connections need the role's password.
    as_owner "$(bin_dir)/initdb" -D "$DIR/data" -U postgres -A trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 -N >"$DIR/initdb.log" 2>&1 || {
      cat "$DIR/initdb.log" >&2
      exit 1
    }
  fi
  if ! running; then
    log "starting on 127.0.0.1:$PORT"
    pgctl -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null || {
      tail -n 30 "$DIR/server.log" >&2
      exit 1
    }
  fi
  psql_admin <<SQL
SELECT 'CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD ''${PASSWORD}'''
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') \gexec
SELECT 'CREATE DATABASE ${DB} OWNER ${ROLE}'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DB}') \gexec
SQL
}

case "${1:-start}" in
  start) start ;;
  env)
    start
    echo "export BANANA_TEST_DATABASE_URL=${URL}"
    ;;
  url)
    start
    echo "$URL"
    ;;
  restart)
    pgctl -m fast -w -t 60 restart >/dev/null
    ;;
  stop)
    if [ -f "$DIR/data/PG_VERSION" ] && running; then pgctl -m fast -w stop >/dev/null; fi
    ;;
  *)
    echo "usage: $0 start|env|url|restart|stop" >&2
    exit 2
    ;;
esac
