#!/bin/sh
# A query that does not parse is reported once (not also as a librdf
# warning), naming where it came from: "the query in FILE" for -f FILE,
# "the query in standard input" for -f -, "the query" for the argument;
# also through --timeout's child process and with --log-format json.
set -u
: "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S="$tmp/q.db"
printf 'Trade between Poland and Kenya was worth $5 billion in 2025.\n' \
  >"$tmp/a.txt"
"$NEWSGRAPH" -q build --now 1747267200 --store "$S" "$tmp/a.txt" || exit 1
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
printf 'SELECT ?s\nWHERE { ?s ?p }\n' >"$tmp/broken.rq"

# check NAME EXPECTED-TEXT ARGS...: exit 1, one line on standard error,
# holding EXPECTED-TEXT and the line of the error, nothing on stdout
check() {
  name=$1 want=$2
  shift 2
  "$NEWSGRAPH" query --store "$S" "$@" <"$tmp/broken.rq" >"$tmp/out" \
    2>"$tmp/err"
  rc=$?
  n=$(wc -l <"$tmp/err")
  if [ "$rc" = 1 ] && [ "$n" = 1 ] && grep -qF "$want" "$tmp/err" &&
     grep -q 'line 2: syntax error' "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "$name: $(cat "$tmp/err")"
  else
    bad "$name: exit $rc, $n lines:"; cat "$tmp/err"
  fi
}
check "-f FILE" "the query in $tmp/broken.rq does not parse" \
  -f "$tmp/broken.rq"
check "-f -" "the query in standard input does not parse" -f -
check "argument" "newsgraph: the query does not parse" \
  "$(cat "$tmp/broken.rq")"
check "--timeout" "the query in $tmp/broken.rq does not parse" \
  --timeout 30 -f "$tmp/broken.rq"

# with --log-format json: one object, its input the file
"$NEWSGRAPH" --log-format json query --store "$S" -f "$tmp/broken.rq" \
  >/dev/null 2>"$tmp/err"
if [ "$(wc -l <"$tmp/err")" = 1 ] &&
   grep -qF "\"input\":\"$tmp/broken.rq\"" "$tmp/err" &&
   grep -q '"level":"error"' "$tmp/err"; then
  ok "json: $(cat "$tmp/err")"
else
  bad "json:"; cat "$tmp/err"
fi

# the cause rasqal gives first is kept (an undeclared prefix)
"$NEWSGRAPH" query --store "$S" 'SELECT ?s WHERE { ?s zz:p ?o }' \
  >/dev/null 2>"$tmp/err"
if [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q 'zz:p' "$tmp/err"; then
  ok "undeclared prefix: $(cat "$tmp/err")"
else
  bad "undeclared prefix:"; cat "$tmp/err"
fi

# a query that parses still runs, and says nothing on standard error
"$NEWSGRAPH" query --store "$S" --format csv \
  'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' >"$tmp/out" 2>"$tmp/err"
if [ ! -s "$tmp/err" ] && [ "$(sed -n 2p "$tmp/out" | tr -d '\r')" -gt 0 ]
then
  ok "a good query runs quietly"
else
  bad "good query:"; cat "$tmp/out" "$tmp/err"
fi
exit $fail
