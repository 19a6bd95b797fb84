#!/bin/sh
# Every SPARQL query the README documents (fixtures/queries/*.rq) gives its
# golden result (fixtures/queries/*.csv) over a store built from three sample
# articles (or, for a query with the line "# store: all fixture articles",
# over all of fixtures/articles): rasqal answers some query shapes silently
# wrong, so each shipped query is pinned.
set -eu
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
a="$top_srcdir/fixtures/articles"
"$NEWSGRAPH" build --store "$tmp/s.db" "$a/jakarta-tokyo-visit.html" \
  "$a/gulf-asean-summit.html" "$a/nairobi-brussels-trade.txt" 2>/dev/null
"$NEWSGRAPH" build --store "$tmp/all.db" "$a"/* 2>/dev/null
fail=0
n=0
for rq in "$top_srcdir"/fixtures/queries/*.rq; do
  name=$(basename "$rq" .rq)
  n=$((n + 1))
  store="$tmp/s.db"
  grep -q '^# store: all fixture articles' "$rq" && store="$tmp/all.db"
  "$NEWSGRAPH" -q query --store "$store" --format csv -f "$rq" | tr -d '\r' >"$tmp/$name.csv"
  if diff -u "$top_srcdir/fixtures/queries/$name.csv" "$tmp/$name.csv"; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    fail=1
  fi
done
[ "$n" -gt 0 ] || { echo "FAIL no queries"; exit 1; }
for rq in "$top_srcdir"/fixtures/queries/*.rq; do
  grep -q "fixtures/queries/$(basename "$rq")" "$top_srcdir/README.md" ||
    { echo "FAIL README does not document $(basename "$rq")"; fail=1; }
done
exit "$fail"
