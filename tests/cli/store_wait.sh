#!/bin/sh
# A reader (or a build) that waits for another process's lock on a file
# store says so once, after about a second, unless -q: "waiting for the
# lock on STORE (a build is writing)...". The lock is held by flock(1)
# here; nothing is timed but the waits the commands are given.
set -u
: "${NEWSGRAPH:?}"
command -v flock >/dev/null 2>&1 ||
  { echo "FAIL flock(1) (util-linux) is needed"; exit 1; }
tmp=$(mktemp -d)
holder=
trap 'exec 9>&-; rm -rf "$tmp"' EXIT
S="$tmp/w.db"
printf 'Trade between Poland and Kenya was worth $5 billion in 2025.\n' \
  >"$tmp/a.txt"
"$NEWSGRAPH" -q build --now 1747267200 --store "$S" "$tmp/a.txt" || exit 1
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
msg="waiting for the lock on $S (a build is writing)..."

# hold MODE: holds the store's lock (-x or -s) until release(): flock(1)
# runs cat on a FIFO that this shell keeps open for writing; opening it
# returns once cat has started, that is once the lock is held. Closing it
# ends cat and the lock (also when this shell exits).
mkfifo "$tmp/fifo" || exit 1
hold() {
  flock "$1" "$S.lock" cat "$tmp/fifo" >/dev/null &
  holder=$!
  exec 9>"$tmp/fifo"
}
release() { exec 9>&-; wait "$holder"; holder=; }

hold -x
# a reader that gives up after 1.5 s has waited past the first second:
# the line once, then the error
"$NEWSGRAPH" query --store "$S" --wait 1.5 'ASK { ?s ?p ?o }' \
  >/dev/null 2>"$tmp/err" 9>&-
rc=$?
if [ "$rc" = 1 ] && [ "$(grep -cxF "newsgraph: $msg" "$tmp/err")" = 1 ] &&
   grep -q 'in use by another process' "$tmp/err"; then
  ok "reader told it waits: $(head -n 1 "$tmp/err")"
else
  bad "reader waiting: exit $rc:"; cat "$tmp/err"
fi
# with -q only the error
"$NEWSGRAPH" -q query --store "$S" --wait 1.5 'ASK { ?s ?p ?o }' \
  >/dev/null 2>"$tmp/err" 9>&-
if ! grep -q 'waiting for the lock' "$tmp/err"; then
  ok "-q: no waiting line"
else
  bad "-q printed:"; cat "$tmp/err"
fi
# a reader that gets the lock after the wait answers, having said it once
# (every command run while the lock is held closes the FIFO, 9>&-, or
# cat would not end)
"$NEWSGRAPH" query --store "$S" --wait 120 --format csv \
  'ASK { ?s ?p ?o }' >"$tmp/out" 2>"$tmp/err" 9>&- &
q=$!
i=0
while ! grep -q 'waiting for the lock' "$tmp/err" && [ $i -lt 600 ]; do
  i=$((i + 1))
  sleep 0.05
done
release
wait "$q"
rc=$?
if [ "$rc" = 0 ] && grep -q true "$tmp/out" &&
   [ "$(grep -cxF "newsgraph: $msg" "$tmp/err")" = 1 ] &&
   [ "$(wc -l <"$tmp/err")" = 1 ]; then
  ok "reader waited, then answered"
else
  bad "reader after the wait: exit $rc:"; cat "$tmp/out" "$tmp/err"
fi

# a build waiting for a reader's shared lock says another process uses it
hold -s
"$NEWSGRAPH" build --store "$S" --wait 1.5 "$tmp/a.txt" \
  >/dev/null 2>"$tmp/err" 9>&-
rc=$?
release
wmsg="newsgraph: waiting for the lock on $S (another process is using it)..."
if [ "$rc" != 0 ] && grep -qxF "$wmsg" "$tmp/err"; then
  ok "writer told it waits"
else
  bad "writer waiting: exit $rc:"; cat "$tmp/err"
fi
exit $fail
