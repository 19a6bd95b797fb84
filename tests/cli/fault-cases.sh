#!/bin/sh
# SPDX-License-Identifier: MIT
# FAULT-CASES.md cases that no other test covered, through the CLI:
# T07 (blank nodes across articles), R04 (one event reported by several
# articles has one key; re-processing is idempotent), X02 (a data file that
# does not parse gives a clear error, never a crash) and F05 (--version
# shows what this libcurl can decode). Each check is named by its ID.
# See tests/faults/fault-cases.tsv for the test of every other ID.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }
command -v rapper >/dev/null 2>&1 ||
  { echo "rapper not found: install raptor2-utils"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
ng() { "$NEWSGRAPH" -q --now 1747267200 "$@"; }
html="$top_srcdir/fixtures/html"

# ---- T07: the output never uses blank nodes, so two articles' output
# concatenated (or stored together) cannot share a label.
: >"$tmp/t07.nt"
for f in orlan-harbour-strike nordwire-2025-03-02-port-talks; do
  ng extract --format nquads "$html/$f.html" >>"$tmp/t07.nq" ||
    bad "T07-extract: $f.html"
  ng extract --format turtle "$html/$f.html" |
    rapper -q -i turtle -o ntriples - "http://base.invalid/" \
      >>"$tmp/t07.nt" 2>"$tmp/err" || bad "T07-turtle-parses: $f.html"
done
ng build --store "$tmp/t07.db" "$html/orlan-harbour-strike.html" \
  "$html/nordwire-2025-03-02-port-talks.html" 2>/dev/null || bad "T07-build"
ng export --store "$tmp/t07.db" --format nquads >"$tmp/t07-export.nq" ||
  bad "T07-export"
n=$(cat "$tmp/t07.nq" "$tmp/t07.nt" "$tmp/t07-export.nq" |
  grep -cE '^_:|> _:[^ ]+ (<|\.)')
total=$(cat "$tmp/t07.nq" | wc -l)
if [ "$n" = 0 ] && [ "$total" -gt 100 ]; then
  ok "T07-no-blank-node-shared-across-articles ($total quads, 0 blank nodes)"
else
  bad "T07-no-blank-node-shared-across-articles: $n blank-node terms in $total quads"
fi
# both articles' quads reparse as one document with the same count
m=$(rapper -q -i nquads -o nquads "$tmp/t07.nq" 2>/dev/null | wc -l)
[ "$m" = "$total" ] && ok "T07-concatenated-output-reparses ($m)" ||
  bad "T07-concatenated-output-reparses: $m of $total"

# ---- R04: three reports of one meeting (two outlets, one fetched twice)
# give the same event key (the content hash of type, participants, place
# and day in the event IRI); a meeting on another day gets another key;
# re-processing the same URL leaves the store unchanged.
art() { # art N URL SENTENCE
  printf 'url: %s\ntitle: Ministers meet\ndate: 2025-03-04\n---\n%s\n' \
    "$2" "$3" >"$tmp/r04-$1.txt"
}
art 1 https://outlet-one.example/news/geneva \
  "Orlan's Foreign Minister Ana Kova met Velmar's Foreign Minister Omar Diallo in Geneva on 3 March 2025."
art 2 https://outlet-two.example/world/talks \
  "Orlan's Foreign Minister Ana Kova held talks with Velmar's Foreign Minister Omar Diallo in Geneva on March 3, 2025."
art 3 https://outlet-three.example/a/1 \
  "Orlan's Foreign Minister Ana Kova met Velmar's Foreign Minister Omar Diallo in Geneva on 5 March 2025."
ng build --store "$tmp/r04.db" "$tmp/r04-1.txt" "$tmp/r04-2.txt" \
  "$tmp/r04-3.txt" 2>/dev/null || bad "R04-build"
q='PREFIX ng: <https://w3id.org/newsgraph/ns#>
SELECT ?e ?g WHERE { GRAPH ?g { ?e a ng:Meeting } }'
ng query --store "$tmp/r04.db" --format tsv "$q" | tail -n +2 |
  sed 's/.*#event-meeting-\([0-9a-f]*\)>.*outlet-\([a-z]*\).*/\2 \1/' |
  sort >"$tmp/keys"
k1=$(sed -n 's/^one //p' "$tmp/keys")
k2=$(sed -n 's/^two //p' "$tmp/keys")
k3=$(sed -n 's/^three //p' "$tmp/keys")
if [ "$(wc -l <"$tmp/keys")" = 3 ] && [ -n "$k1" ] && [ "$k1" = "$k2" ] &&
   [ -n "$k3" ] && [ "$k3" != "$k1" ]; then
  ok "R04-one-key-per-event-across-reports (3 reports, 2 meetings)"
else
  bad "R04-one-key-per-event-across-reports: keys:"; sed 's/^/  /' "$tmp/keys"
fi
before=$(ng stats --store "$tmp/r04.db" | grep -E '^(graphs|quads)')
ng build --store "$tmp/r04.db" "$tmp/r04-1.txt" 2>/dev/null ||
  bad "R04-rebuild"
after=$(ng stats --store "$tmp/r04.db" | grep -E '^(graphs|quads)')
[ "$before" = "$after" ] && ok "R04-reprocessing-is-idempotent" ||
  bad "R04-reprocessing-is-idempotent: '$before' then '$after'"

# ---- X02: a data file that ends too early fails with its name and line,
# exit 1, and no crash (the C side is tests/faults/test_parse_errors.c).
mkdir "$tmp/data"
cp "$NEWSGRAPH_DATA"/*.ttl "$tmp/data/"
head -c 2000 "$NEWSGRAPH_DATA/honorifics.ttl" >"$tmp/data/honorifics.ttl"
printf 'Ana Kova met Omar Diallo in Geneva.\n' >"$tmp/x02.txt"
NEWSGRAPH_DATA="$tmp/data" "$NEWSGRAPH" --now 1747267200 extract \
  "$tmp/x02.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && grep -q 'honorifics.ttl.*line [0-9]' "$tmp/err" &&
   [ ! -s "$tmp/out" ]; then
  ok "X02-truncated-data-file-names-file-and-line"
else
  bad "X02-truncated-data-file-names-file-and-line: exit $rc"
  sed 's/^/  /' "$tmp/err"
fi

# ---- F05: --version shows the content decodings of the linked libcurl,
# so a bug report says whether br is there.
v=$("$NEWSGRAPH" --version)
case $v in
  *"content decoding:"*gzip*) ok "F05-version-lists-decoders" ;;
  *) bad "F05-version-lists-decoders: $v" ;;
esac

exit "$fail"
