#!/bin/sh
# SPDX-License-Identifier: MIT
# One store back-end against the SQLite default, through the CLI:
#   backend.sh memory|bdb|postgresql|virtuoso
# builds three fixture articles, compares the sorted N-Quads export and the
# rows of fixtures/queries/meetings.rq with those of a SQLite store of the
# same build, re-ingests one article (its graph is replaced: the quad count
# is unchanged) and removes one graph. PostgreSQL and Virtuoso run on
# loopback, started by tests/servers/*.sh: a server that does not start is
# a failure (exit 1); skipped (77) only when the packages are missing and
# cannot be installed. A memory: store lives for one command, so only its
# build is checked.
set -u
# Under the sanitizer build, no leak detection here: librdf's PostgreSQL
# and Virtuoso storage modules leak and are unloaded before LeakSanitizer
# reports, so their leaks cannot be told from ours by a suppression
# (memory errors are still caught).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
backend=$1
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
NEWSGRAPH=${NEWSGRAPH:-$top_srcdir/cmd/newsgraph}
NEWSGRAPH_DATA=${NEWSGRAPH_DATA:-$top_srcdir/ontology}
export NEWSGRAPH_DATA
arts="$top_srcdir/fixtures/articles/evt-addis-nairobi-talks.txt
$top_srcdir/fixtures/articles/jakarta-tokyo-visit.html
$top_srcdir/fixtures/articles/rel-summit-bangkok.txt"
one=$top_srcdir/fixtures/articles/jakarta-tokyo-visit.html
rq=$top_srcdir/fixtures/queries/meetings.rq
tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && "$top_srcdir/tests/servers/$server.sh" stop "$tmp/srv"
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
  echo "FAIL ($backend): $*" >&2
  exit 1
}
ng() {
  "$NEWSGRAPH" --now 1700000000 "$@"
}

# Installs the Debian packages "$@" when missing (as root, with apt-get);
# false when they are still missing.
have_packages() {
  missing=
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends $missing >"$tmp/apt.log" 2>&1 && return 0
  fi
  echo "SKIP ($backend): packages missing and not installable:$missing" >&2
  return 1
}

start_server() {
  server=$1
  mkdir "$tmp/srv"
  "$top_srcdir/tests/servers/$server.sh" start "$tmp/srv" >"$tmp/srv.env"
  rc=$?
  # The packages are installed (have_packages), so even "not found" (77)
  # is a failure here.
  [ $rc -eq 0 ] || { server=; fail "the $1 server did not start"; }
  . "$tmp/srv.env"
}

case $backend in
memory) store=memory: ;;
bdb) store=bdb:$tmp/bdb ;;
postgresql)
  have_packages postgresql librdf-storage-postgresql || exit 77
  start_server postgresql
  store=$NG_STORE
  ;;
virtuoso)
  have_packages virtuoso-opensource librdf-storage-virtuoso || exit 77
  start_server virtuoso
  export ODBCINI
  store=$NG_STORE
  ;;
*) echo "usage: $0 memory|bdb|postgresql|virtuoso" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086
ng build --store "$tmp/ref.db" $arts 2>"$tmp/ref.err" ||
  fail "sqlite build: $(cat "$tmp/ref.err")"
# shellcheck disable=SC2086
ng build --store "$store" $arts 2>"$tmp/build.err" ||
  fail "build: $(cat "$tmp/build.err")"
grep -q '3 articles added' "$tmp/build.err" || fail "build: $(cat "$tmp/build.err")"
# A first build on a fresh database is quiet (PostgreSQL: no "relation
# models does not exist" from the try before the tables are made).
grep -q 'warning' "$tmp/build.err" &&
  fail "first build warns: $(cat "$tmp/build.err")"
# The summary names the store without its password.
if grep -q "password='[^*]" "$tmp/build.err"; then
  fail "the build summary shows the password: $(cat "$tmp/build.err")"
fi
if [ "$backend" = memory ]; then
  echo "ok: memory: build of 3 articles"
  exit 0
fi

# Virtuoso keeps numbers, not their lexical forms ("0.800" comes back as
# "0.8"): decimals are compared in canonical form.
canon() {
  LC_ALL=C sed -E \
    -e 's/"([0-9-]*\.[0-9]*[1-9])0+"(\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#decimal>)/"\1"\2/g' \
    -e 's/"([0-9-]*)\.0+"(\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#decimal>)/"\1"\2/g' |
    LC_ALL=C sort
}
ng export --store "$tmp/ref.db" --format nquads | canon >"$tmp/ref.nq"
ng export --store "$store" --format nquads >"$tmp/raw.nq" ||
  fail "export failed"
canon <"$tmp/raw.nq" >"$tmp/got.nq"
n_ref=$(wc -l <"$tmp/ref.nq")
[ "$n_ref" -gt 100 ] || fail "reference export has only $n_ref quads"
diff "$tmp/ref.nq" "$tmp/got.nq" >"$tmp/diff" ||
  fail "N-Quads differ from SQLite's: $(head -c 2000 "$tmp/diff")"
echo "ok: export of $n_ref quads equals SQLite's"

ng query --store "$tmp/ref.db" -f "$rq" --format csv | LC_ALL=C sort >"$tmp/ref.csv"
ng query --store "$store" -f "$rq" --format csv | LC_ALL=C sort >"$tmp/got.csv" ||
  fail "query failed"
[ "$(wc -l <"$tmp/ref.csv")" -gt 2 ] || fail "meetings.rq found no meetings"
diff "$tmp/ref.csv" "$tmp/got.csv" >"$tmp/diff" ||
  fail "meetings.rq rows differ: $(cat "$tmp/diff")"
echo "ok: meetings.rq gives $(($(wc -l <"$tmp/got.csv") - 1)) rows as SQLite"

# On Virtuoso a query without GRAPH would match nothing (librdf's module
# looks in its model_name graph only): refused with the way out, not an
# empty answer.
if [ "$backend" = virtuoso ]; then
  if ng query --store "$store" 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 1' \
    >"$tmp/nog.out" 2>"$tmp/nog.err"; then
    fail "a query without GRAPH ran on Virtuoso: $(cat "$tmp/nog.out")"
  fi
  grep -q 'inside GRAPH ?g' "$tmp/nog.err" ||
    fail "no word on GRAPH for a query without it: $(cat "$tmp/nog.err")"
  echo "ok: a query without GRAPH is refused on Virtuoso, naming GRAPH ?g"
fi

# graphs: the same list, dates in their lexical form (Virtuoso gives an
# xsd:dateTime back as "2025-09-10 18:40:00+07:00").
ng graphs --store "$tmp/ref.db" >"$tmp/ref.graphs"
ng graphs --store "$store" >"$tmp/got.graphs" || fail "graphs failed"
diff "$tmp/ref.graphs" "$tmp/got.graphs" >"$tmp/diff" ||
  fail "graphs differ from SQLite's: $(cat "$tmp/diff")"
echo "ok: graphs lists $(($(wc -l <"$tmp/got.graphs") - 1)) graphs as SQLite"

# entity: found by name and by IRI, with the same facts and support as on
# SQLite (on Virtuoso, librdf's own lookups see only its default graph).
for name in Japan 'https://w3id.org/newsgraph/id/country/kenya'; do
  ng entity --store "$tmp/ref.db" "$name" >"$tmp/ref.ent"
  ng entity --store "$store" "$name" >"$tmp/got.ent" 2>"$tmp/err" ||
    fail "entity $name: $(cat "$tmp/err")"
  diff "$tmp/ref.ent" "$tmp/got.ent" >"$tmp/diff" ||
    fail "entity $name differs from SQLite's: $(cat "$tmp/diff")"
  grep -q '^relation' "$tmp/got.ent" || fail "entity $name: no facts"
done
echo "ok: entity gives what SQLite gives, by name and by IRI"

before=$(ng stats --store "$store" | grep '^quads')
"$NEWSGRAPH" --now 1700000001 build --store "$store" "$one" 2>"$tmp/err" ||
  fail "re-ingest: $(cat "$tmp/err")"
after=$(ng stats --store "$store" | grep '^quads')
[ "$before" = "$after" ] ||
  fail "re-ingest changed the count: $before -> $after"
ng export --store "$store" --format nquads | grep -c 'retrievedAt.*"2023-11-14T22:13:21Z' \
  >"$tmp/n" || true
[ "$(cat "$tmp/n")" = 1 ] || fail "re-ingest did not replace the graph"
echo "ok: re-ingest replaced the graph ($after)"

# Re-ingest is one transaction: a build killed (SIGKILL) while it replaces
# a large article's graph leaves the old graph whole or the new one whole,
# never a part (PostgreSQL: works only with the rules store.c adds to the
# node tables; without them this fails).
if [ "$backend" = postgresql ] || [ "$backend" = virtuoso ]; then
  big=$tmp/big.txt
  python3 "$top_srcdir/tests/cli/gen_corpus.py" "$tmp/gen" 40 7 >/dev/null
  { printf 'url: https://big.example/2025/long-report\ntitle: A long report\n'
    printf 'date: 2025-09-04\npublisher: Corpus Wire\n---\n'
    for f in "$tmp"/gen/*.txt; do sed '1,/^---$/d' "$f"; echo; done; } >"$big"
  ng build --store "$store" "$big" 2>"$tmp/err" || fail "big: $(cat "$tmp/err")"
  bg=https://big.example/2025/long-report
  full=$(ng export --store "$store" --graph "$bg" --format nquads | wc -l)
  [ "$full" -gt 1000 ] || fail "the long article has only $full quads"
  killed=0
  for delay in 0.5 1 2 3; do
    "$NEWSGRAPH" --now 1700000002 build --store "$store" "$big" \
      2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
    n=$(ng export --store "$store" --graph "$bg" --format nquads | wc -l)
    [ "$n" = "$full" ] ||
      fail "kill -9 after ${delay}s of a re-ingest left $n of $full quads"
  done
  [ "$killed" -gt 0 ] || fail "every re-ingest ended before the kill"
  echo "ok: $killed re-ingests killed mid-way, the graph stayed whole ($full quads)"
  ng remove --store "$store" "$bg" || fail "remove $bg"
fi

g=$(ng graphs --store "$store" | grep indonesia-japan | cut -f1) ||
  fail "no indonesia-japan graph"
ng remove --store "$store" "$g" || fail "remove $g"
ng graphs --store "$store" | grep -q indonesia-japan && fail "graph $g still there"
n=$(ng graphs --store "$store" | grep -c "^[a-z]*:[^\t]*\t\|^[a-z]*:[^\t]*$")
[ "$n" = 2 ] || fail "$n graphs after remove, expected 2"
echo "ok: remove $g"
exit 0
