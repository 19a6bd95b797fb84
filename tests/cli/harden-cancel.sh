#!/bin/sh
# SPDX-License-Identifier: MIT
# SIGTERM and SIGINT during a stalled fetch (issue 7): a loopback server of
# our own accepts connections and never answers; build must stop within a
# few seconds (not after its timeouts and retries), exit 128 + the signal
# and leave a store that opens. Never touches the internet.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 1; }
tmp=$(mktemp -d)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail=0

# The stalling server: writes its port, then accepts and holds every
# connection, logging "accept" per connection, and never sends a byte.
cat >"$tmp/stall.py" <<'EOF'
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
while True:
    c, _ = s.accept()
    held.append(c)
    with open(sys.argv[2], "a") as f:
        f.write("accept\n")
EOF
python3 "$tmp/stall.py" "$tmp/port" "$tmp/log" &
srv_pid=$!
i=0
while [ ! -s "$tmp/port" ]; do
  i=$((i + 1))
  [ $i -gt 100 ] && { echo "server did not start" >&2; exit 99; }
  sleep 0.1
done
port=$(cat "$tmp/port")

# stall SIG NAME: build from the stalling server, send SIG once it is
# connected, and check the exit status, the time taken and the store.
stall() {
  sig=$1 name=$2 want=$3
  : >"$tmp/log"
  rm -f "$tmp/$name.db"
  # a background job of a script starts with SIGINT ignored (POSIX), and
  # newsgraph keeps an ignored signal ignored: restore the default first
  env --default-signal=INT "$NEWSGRAPH" build --store "$tmp/$name.db" \
    --allow-private --delay 0 \
    --ignore-robots "http://127.0.0.1:$port/a.html" \
    "http://127.0.0.1:$port/b.html" 2>"$tmp/$name.err" &
  pid=$!
  i=0
  while [ ! -s "$tmp/log" ] && [ $i -lt 100 ]; do
    i=$((i + 1))
    sleep 0.1
  done
  sleep 0.5
  t0=$(date +%s)
  kill -"$sig" "$pid"
  # wait at most 6 s (the timeouts and retries would take ~90 s)
  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do
    i=$((i + 1))
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "FAIL $name: still running 6 s after SIG$sig"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    fail=1
    return
  fi
  wait "$pid"
  rc=$?
  t1=$(date +%s)
  if [ "$rc" != "$want" ]; then
    echo "FAIL $name: exit $rc, want $want"; sed 's/^/  /' "$tmp/$name.err"
    fail=1
  elif ! grep -q "interrupted" "$tmp/$name.err"; then
    echo "FAIL $name: no 'interrupted' message"; sed 's/^/  /' "$tmp/$name.err"
    fail=1
  elif ! grep -q "interrupt again to stop at once" "$tmp/$name.err"; then
    # a second signal abandons the open batch: the user is told at once
    echo "FAIL $name: no word on what a second signal does"
    sed 's/^/  /' "$tmp/$name.err"
    fail=1
  elif ! "$NEWSGRAPH" stats --store "$tmp/$name.db" >/dev/null 2>&1; then
    echo "FAIL $name: the store does not open afterwards"; fail=1
  else
    echo "ok $name (exit $rc after $((t1 - t0)) s)"
  fi
}

stall TERM sigterm 143
stall INT sigint 130
exit $fail
