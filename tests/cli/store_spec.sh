#!/bin/sh
# --store sqlite: with no path is refused, naming the option, instead of
# opening the default newsgraph.db; bdb: with no folder likewise; nothing
# is created.
set -u
: "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Trade between Poland and Kenya was worth $5 billion in 2025.\n' \
  >"$tmp/a.txt"
fail=0
for args in "build --store sqlite: $tmp/a.txt" "query --store sqlite: ASK{}" \
  "stats --store=sqlite:" "export --store sqlite:" "graphs --store sqlite:"; do
  # shellcheck disable=SC2086
  (cd "$tmp" && "$NEWSGRAPH" $args) >/dev/null 2>"$tmp/err"
  rc=$?
  if [ "$rc" = 2 ] && grep -q -- '--store sqlite: names no file' "$tmp/err" &&
     [ ! -e "$tmp/newsgraph.db" ] && [ ! -e "$tmp/newsgraph.db.lock" ]; then
    echo "ok   $args: $(head -n 1 "$tmp/err")"
  else
    echo "FAIL $args: exit $rc, $(ls "$tmp")"; cat "$tmp/err"; fail=1
  fi
done
# bdb: with no folder likewise (it used to fill the current folder)
for args in "build --store bdb: $tmp/a.txt" "stats --store bdb:"; do
  # shellcheck disable=SC2086
  (cd "$tmp" && "$NEWSGRAPH" $args) >/dev/null 2>"$tmp/err"
  rc=$?
  if [ "$rc" = 2 ] && grep -q -- '--store bdb: names no folder' "$tmp/err" &&
     [ ! -e "$tmp/newsgraph-sp2o.db" ] && [ ! -e "$tmp/newsgraph.lock" ]; then
    echo "ok   $args: $(head -n 1 "$tmp/err")"
  else
    echo "FAIL $args: exit $rc, $(ls "$tmp")"; cat "$tmp/err"; fail=1
  fi
done
# a file that is not SQLite, or a directory, is refused before the lock:
# no lock file is left beside it
mkdir "$tmp/sub"
for args in "graphs --store a.txt" "build --store a.txt a.txt" \
  "build --store sub a.txt" "stats --store sub"; do
  # shellcheck disable=SC2086
  (cd "$tmp" && "$NEWSGRAPH" $args) >/dev/null 2>"$tmp/err"
  rc=$?
  if [ "$rc" != 0 ] && grep -q 'not a newsgraph store' "$tmp/err" &&
     [ ! -e "$tmp/a.txt.lock" ] && [ ! -e "$tmp/sub.lock" ]; then
    echo "ok   $args: $(head -n 1 "$tmp/err")"
  else
    echo "FAIL $args: exit $rc, $(ls "$tmp")"; cat "$tmp/err"; fail=1
  fi
done
# sqlite:PATH still works
if (cd "$tmp" && "$NEWSGRAPH" -q build --store sqlite:s.db a.txt) &&
   [ -s "$tmp/s.db" ]; then
  echo "ok   sqlite:PATH"
else
  echo "FAIL sqlite:PATH"; fail=1
fi
exit $fail
