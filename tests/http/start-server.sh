# SPDX-License-Identifier: MIT
# Sourced by the fetch tests: makes $tmp (removed on exit), starts the
# loopback server (tests/http/server.py) on fixtures/html with its port file
# and request log in $tmp, and sets $port and $srv_pid. Exits 99 when the
# server does not start within 10 s.
tmp=$(mktemp -d)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

python3 "$top_srcdir/tests/http/server.py" "$top_srcdir/fixtures/html" \
  "$tmp/port" "$tmp/log" &
srv_pid=$!
i=0
while [ ! -s "$tmp/port" ]; do
  i=$((i + 1))
  [ $i -gt 100 ] && { echo "server did not start" >&2; exit 99; }
  sleep 0.1
done
port=$(cat "$tmp/port")
