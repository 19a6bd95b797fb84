#!/bin/sh
# SPDX-License-Identifier: MIT
# newsgraph push against a real Virtuoso on loopback (tests/servers/
# virtuoso.sh): pushes a SQLite store of three fixture articles with the
# Graph Store Protocol (/sparql-graph-crud-auth, digest auth as dba), then
# checks on Virtuoso's /sparql that the triple count equals the store's and
# that fixtures/queries/meetings.rq gives the rows `newsgraph query` gives;
# pushes again (same count: idempotent); clears the graphs and pushes with
# --update (/sparql-auth): same count and rows. Fails (1) when the server
# does not start; skips (77) only when Virtuoso is missing and cannot be
# installed.
set -u
# Under the sanitizer build, no leak detection here: librdf's PostgreSQL
# and Virtuoso storage modules leak and are unloaded before LeakSanitizer
# reports, so their leaks cannot be told from ours by a suppression
# (memory errors are still caught).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
NEWSGRAPH=${NEWSGRAPH:-$top_srcdir/cmd/newsgraph}
NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$top_srcdir/ontology}
export NEWSGRAPH_DATA
a=$top_srcdir/fixtures/articles
rq=$top_srcdir/fixtures/queries/meetings.rq
tmp=$(mktemp -d)
started=
cleanup() {
  [ -n "$started" ] && "$top_srcdir/tests/servers/virtuoso.sh" stop "$tmp/srv"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
  echo "FAIL (push): $*" >&2
  exit 1
}

for p in virtuoso-opensource librdf-storage-virtuoso; do
  dpkg -s "$p" >/dev/null 2>&1 && continue
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends "$p" >/dev/null 2>&1 && continue
  fi
  echo "SKIP (push): $p missing and not installable" >&2
  exit 77
done
mkdir "$tmp/srv"
"$top_srcdir/tests/servers/virtuoso.sh" start "$tmp/srv" >"$tmp/env"
rc=$?
# The packages are installed, so even "not found" (77) is a failure here.
[ $rc -eq 0 ] || fail "the Virtuoso server did not start"
started=1
. "$tmp/env"
base=http://127.0.0.1:$VIRT_HTTP

"$NEWSGRAPH" --now 1700000000 build --store "$tmp/s.db" \
  "$a/evt-addis-nairobi-talks.txt" "$a/jakarta-tokyo-visit.html" \
  "$a/rel-summit-bangkok.txt" 2>"$tmp/err" || fail "build: $(cat "$tmp/err")"
quads=$("$NEWSGRAPH" stats --store "$tmp/s.db" | awk '$1 == "quads" { print $2 }')
[ "${quads:-0}" -gt 100 ] || fail "store has ${quads:-no} quads"
values=$("$NEWSGRAPH" graphs --store "$tmp/s.db" | grep -o '^[a-z]*:[^	]*' |
  sed 's/.*/<&>/' | tr '\n' ' ')

# The number of triples in the store's graphs on Virtuoso.
remote_count() {
  curl -sf "$base/sparql" -H 'Accept: text/csv' --data-urlencode \
    "query=SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { $values } GRAPH ?g { ?s ?p ?o } }" |
    tail -1 | tr -d '\r'
}
# meetings.rq rows, unquoted and sorted.
remote_rows() {
  curl -sf "$base/sparql" -H 'Accept: text/csv' --data-urlencode "query@$rq" |
    tr -d '"\r' | LC_ALL=C sort
}
"$NEWSGRAPH" query --store "$tmp/s.db" -f "$rq" --format csv | tr -d '"\r' |
  LC_ALL=C sort >"$tmp/local.csv"
[ "$(wc -l <"$tmp/local.csv")" -gt 2 ] || fail "no meetings in the store"

check() {
  n=$(remote_count)
  [ "$n" = "$quads" ] || fail "$1: Virtuoso has $n triples, the store $quads"
  remote_rows >"$tmp/remote.csv"
  diff "$tmp/local.csv" "$tmp/remote.csv" >"$tmp/diff" ||
    fail "$1: meetings.rq rows differ: $(cat "$tmp/diff")"
  echo "ok: $1: $n triples, $(($(wc -l <"$tmp/remote.csv") - 1)) meetings"
}

"$NEWSGRAPH" push --store "$tmp/s.db" --user "dba:$VIRT_PASSWORD" \
  --endpoint "$base/sparql-graph-crud-auth" 2>"$tmp/err" ||
  fail "push: $(cat "$tmp/err")"
check "Graph Store push"
"$NEWSGRAPH" push --store "$tmp/s.db" --user "dba:$VIRT_PASSWORD" \
  --endpoint "$base/sparql-graph-crud-auth" 2>"$tmp/err" ||
  fail "second push: $(cat "$tmp/err")"
check "second push"

# Wrong credentials: an HTTP error, exit 1.
"$NEWSGRAPH" push --store "$tmp/s.db" --user "dba:wrong" \
  --endpoint "$base/sparql-graph-crud-auth" 2>"$tmp/err" &&
  fail "push with a wrong password succeeded"
grep -q 'HTTP 401' "$tmp/err" || fail "wrong password: $(cat "$tmp/err")"

# A SPARQL Update sent to the Graph Store endpoint: Virtuoso answers 200
# with its HTML query form and stores nothing; push must fail, naming the
# endpoint and where the Update endpoint is.
"$NEWSGRAPH" push --update --store "$tmp/s.db" --user "dba:$VIRT_PASSWORD" \
  --endpoint "$base/sparql-graph-crud-auth" 2>"$tmp/err" &&
  fail "push --update to the Graph Store endpoint succeeded"
grep -q "sparql-graph-crud-auth: it answered the SPARQL Update with an HTML" \
  "$tmp/err" && grep -q "/sparql-auth" "$tmp/err" ||
  fail "push --update to the Graph Store endpoint: $(cat "$tmp/err")"
echo "ok: push --update to the Graph Store endpoint refused"

for g in $values; do
  curl -sf --anyauth -u "dba:$VIRT_PASSWORD" "$base/sparql-auth" \
    -H 'Content-Type: application/sparql-update' \
    --data-binary "DROP SILENT GRAPH $g" >/dev/null || fail "cannot drop $g"
done
[ "$(remote_count)" = 0 ] || fail "graphs not dropped"
"$NEWSGRAPH" push --update --store "$tmp/s.db" --user "dba:$VIRT_PASSWORD" \
  --endpoint "$base/sparql-auth" 2>"$tmp/err" ||
  fail "push --update: $(cat "$tmp/err")"
check "SPARQL Update push"
"$NEWSGRAPH" push --update --store "$tmp/s.db" --user "dba:$VIRT_PASSWORD" \
  --endpoint "$base/sparql-auth" 2>"$tmp/err" ||
  fail "second push --update: $(cat "$tmp/err")"
check "second SPARQL Update push"
exit 0
