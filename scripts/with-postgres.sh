#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 on a loopback port; stop it whatever happens.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PG_PORT:-54329}
if [ ! -x "$PG_BIN/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15
  else
    echo "PostgreSQL 15 tidak ada: pasang paket postgresql-15." >&2; exit 1
  fi
fi
DATA_DIR=$(mktemp -d /tmp/kudapanmas-pg.XXXXXX)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA_DIR"; fi
stop() {
  run_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap stop EXIT
run_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres -A trust -E UTF8 >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -w -l "$DATA_DIR/log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_DIR -c fsync=off -c full_page_writes=off" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
