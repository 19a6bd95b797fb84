#!/bin/sh
# SPARQL through the CLI over a store built by the real pipeline from the
# seed article (../shared/eval/dev, read by tests only): who met whom,
# typed dates, GRAPH per article, and the refusals (FAULT-CASES.md X07).
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
seed="$top_srcdir/../shared/eval/dev/seed-bernama-putin-anwar.html"
[ -f "$seed" ] || { echo "no seed article at $seed (shared/ must sit beside the checkout)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S="$tmp/q.db"
PAGE="$top_srcdir/fixtures/html/nordwire-2025-03-02-port-talks.html"
"$NEWSGRAPH" -q build --now 1747267200 --store "$S" "$seed" "$PAGE" || exit 1
fail=0
P='PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>'

q() { "$NEWSGRAPH" -q query --store "$S" "$@"; }

# Who met whom: (Vladimir Putin, Anwar Ibrahim), in either direction.
q --format tsv "$P SELECT DISTINCT ?x ?y WHERE { ?a ng:meets ?b .
  ?a rdfs:label ?x . ?b rdfs:label ?y }" >"$tmp/meets" || fail=1
if grep -q '"Vladimir Putin"	"Anwar Ibrahim"' "$tmp/meets" ||
   grep -q '"Anwar Ibrahim"	"Vladimir Putin"' "$tmp/meets"; then
  echo "ok   meets: Vladimir Putin, Anwar Ibrahim"
else
  echo "FAIL meets: no (Vladimir Putin, Anwar Ibrahim) in:"
  cat "$tmp/meets"
  fail=1
fi

# Dates are typed: a date comparison selects the right article.
q --format csv "$P SELECT ?a WHERE { ?a schema:datePublished ?d
  FILTER(?d >= \"2025-05-01T00:00:00Z\"^^xsd:dateTime) }" >"$tmp/dates" || fail=1
if grep -q 'id=2421930' "$tmp/dates" && ! grep -q nordwire "$tmp/dates"; then
  echo "ok   typed dates compare"
else
  echo "FAIL typed dates:"; cat "$tmp/dates"; fail=1
fi

# X07: GRAPH ?g gives one row per article.
n=$(q --format csv 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g' | wc -l)
if [ "$n" = 3 ]; then echo "ok   GRAPH ?g: 2 articles"; else echo "FAIL GRAPH ?g: $n lines"; fail=1; fi

# JSON is valid even for an empty match with an aggregate (REDLAND-NOTES §3).
q --format json "$P SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ng:nothing ?o } GROUP BY ?s" >"$tmp/empty.json" || fail=1
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/empty.json"; then
  echo "ok   empty aggregate gives valid JSON"
else
  echo "FAIL invalid JSON:"; cat "$tmp/empty.json"; fail=1
fi

# CONSTRUCT → Turtle that raptor reads back.
q "$P CONSTRUCT { ?b ng:meets ?a } WHERE { ?a ng:meets ?b }" >"$tmp/c.ttl" || fail=1
if rapper -q -i turtle -c "$tmp/c.ttl" 2>/dev/null; then
  echo "ok   CONSTRUCT gives valid Turtle"
else
  echo "FAIL CONSTRUCT Turtle"; fail=1
fi

# X07: what rasqal cannot run is refused with exit 1 and a message.
for bad in \
  "$P SELECT ?a WHERE { ?a ng:meets+ ?b }" \
  "$P SELECT ?a WHERE { ?a ng:meets ?b FILTER NOT EXISTS { ?b ng:meets ?a } }" \
  "$P SELECT ?a WHERE { ?a ng:meets ?b MINUS { ?a ng:visits ?b } }" \
  "DESCRIBE <https://w3id.org/newsgraph/id/person/vladimir-putin>" \
  "INSERT DATA { <http://example.org/x> <http://example.org/p> \"v\" }"; do
  q "$bad" >/dev/null 2>"$tmp/err"
  rc=$?
  if [ "$rc" = 1 ] && grep -q 'cannot run' "$tmp/err"; then
    echo "ok   refused: $(head -n 1 "$tmp/err")"
  else
    echo "FAIL not refused (exit $rc): $bad"; fail=1
  fi
done
# The store is unchanged by the refused update.
n=$(q --format csv 'SELECT ?s WHERE { <http://example.org/x> ?p ?o }' | wc -l)
[ "$n" = 1 ] || { echo "FAIL update changed the store"; fail=1; }
exit "$fail"
