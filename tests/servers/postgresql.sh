#!/bin/sh
# SPDX-License-Identifier: MIT
# A throw-away PostgreSQL 15 server for the tests: `start DIR` creates a
# cluster in DIR (which must exist and be empty), runs it on 127.0.0.1 on a
# free port with its socket in DIR, waits until it accepts connections and
# prints shell assignments (PG_PORT, PG_USER, PG_PASSWORD, PG_DATABASE,
# NG_STORE: the newsgraph --store spec). `stop DIR` stops it. As root the
# server runs as the "postgres" user (initdb refuses root) through runuser.
# Exit status: 0 ready or stopped, 1 the server did not start (its log on
# stderr), 77 PostgreSQL is not installed, 2 usage.
set -u
bin=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "postgresql: $bin/initdb not found (apt-get install postgresql)" >&2
  exit 77
fi

# Runs "$@" as the server's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case $cmd in
start)
  dir=$(cd "$dir" && pwd) || exit 1
  if [ "$(id -u)" = 0 ]; then
    # The postgres user must reach DIR: open the path, own DIR.
    d=$dir
    while [ "$d" != / ]; do
      chmod o+x "$d" 2>/dev/null
      d=$(dirname "$d")
    done
    chown postgres "$dir" || exit 1
  fi
  port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])') || exit 1
  password=ng-test-$$
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
  if ! as_owner "$bin/initdb" -D "$dir/data" -U newsgraph \
      --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "postgresql: initdb failed:" >&2
    tail -20 "$dir/initdb.log" >&2
    exit 1
  fi
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" \
      start >"$dir/pg_ctl.log" 2>&1; then
    echo "postgresql: server did not start:" >&2
    tail -20 "$dir/server.log" "$dir/pg_ctl.log" >&2
    exit 1
  fi
  if ! as_owner "$bin/createdb" -h "$dir" -p "$port" -U newsgraph \
      newsgraph >"$dir/createdb.log" 2>&1; then
    echo "postgresql: createdb failed:" >&2
    cat "$dir/createdb.log" >&2
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
    exit 1
  fi
  echo "PG_PORT=$port"
  echo "PG_USER=newsgraph"
  echo "PG_PASSWORD=$password"
  echo "PG_DATABASE=newsgraph"
  echo "NG_STORE=\"postgresql:host='127.0.0.1',port='$port',database='newsgraph',user='newsgraph',password='$password'\""
  ;;
stop)
  [ -d "$dir/data" ] || exit 0
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  exit 0
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2
  exit 2
  ;;
esac
