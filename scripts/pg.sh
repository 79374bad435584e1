#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback, as the unprivileged `postgres` user,
# with its data in a temporary folder. Prints the URL; `scripts/pg.sh stop DIR` stops it.
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
  dir=$2
  bin=$(cat "$dir/.bin")
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres

dir=$(mktemp -d /tmp/rekey-pg.XXXXXX)
chown postgres "$dir"
echo "$bin" > "$dir/.bin"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres rekey_test
echo "$dir postgres://postgres@127.0.0.1:$port/rekey_test"
