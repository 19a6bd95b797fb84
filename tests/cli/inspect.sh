#!/bin/sh
# graphs, stats and entity through the CLI, and the export's named graphs
# and prefixes (issue 5 "Store", "Export"), on a store of the sample
# articles. Counts are checked against an independent count of the N-Quads
# export with awk, not against the code's own numbers.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ng() { "$NEWSGRAPH" -q --now 1767225600 "$@"; }
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
a="$top_srcdir/fixtures/articles"
ng build --store "$tmp/s.db" "$a"/* 2>/dev/null || bad "build"
ng export --store "$tmp/s.db" --format nquads >"$tmp/all.nq" || bad "export"
NG_NS='https://w3id.org/newsgraph/ns#'
T=$(printf '\t')

# graphs: header, one sorted line per graph, triple counts as in the export.
ng graphs --store "$tmp/s.db" >"$tmp/g.tsv" || bad "graphs"
[ "$(head -1 "$tmp/g.tsv")" = "$(printf 'graph\tdate\ttriples\theadline')" ] && ok "graphs: header" || bad "graphs header: $(head -1 "$tmp/g.tsv")"
tail -n +2 "$tmp/g.tsv" | cut -f1 >"$tmp/names"
sort -c "$tmp/names" 2>/dev/null && ok "graphs: sorted" || bad "graphs: not sorted"
# the graph is the last term before " ."
awk '{ line = $0; sub(/ \.$/, "", line); g = line; sub(/.* </, "", g); sub(/>$/, "", g); n[g]++ }
     END { for (g in n) print g "\t" n[g] }' "$tmp/all.nq" | sort >"$tmp/want"
tail -n +2 "$tmp/g.tsv" | cut -f1,3 | sort >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" && ok "graphs: $(wc -l <"$tmp/got") graphs, triple counts match the export" ||
  { bad "graphs: counts differ"; diff "$tmp/want" "$tmp/got" | head -5; }
grep -q "${T}2025-09-10T18:40:00+07:00${T}[0-9]*${T}Indonesia, Japan sign maritime pact" "$tmp/g.tsv" && ok "graphs: date and headline" || bad "graphs: date/headline"
ng graphs --store "$tmp/s.db" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all(set(g) == {"graph", "date", "triples", "headline"} for g in d), d[0]
print(len(d))' >"$tmp/n" && [ "$(cat "$tmp/n")" = "$(wc -l <"$tmp/got")" ] && ok "graphs --format json" || bad "graphs json"
ng graphs --store "$tmp/s.db" --format csv | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0] == ["graph", "date", "triples", "headline"] and all(len(r) == 4 for r in rows)' && ok "graphs --format csv" || bad "graphs csv"

# stats: totals and per-class / per-relation counts, checked with awk on
# the export (distinct subjects per class; distinct and all statements per
# relation, symmetric relations counted once per pair).
ng stats --store "$tmp/s.db" >"$tmp/stats" || bad "stats"
quads=$(wc -l <"$tmp/all.nq")
grep -q "^quads	$quads\$" "$tmp/stats" && grep -q "^graphs	$(wc -l <"$tmp/got")\$" "$tmp/stats" &&
  ok "stats: $quads quads" || bad "stats totals: $(head -2 "$tmp/stats" | tr '\n' ' ')"
for c in Person Country City InternationalOrganization Visit Meeting Quotation TradeFigure; do
  want=$(grep " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <$NG_NS$c> " "$tmp/all.nq" | cut -d' ' -f1 | sort -u | wc -l)
  got=$(awk -F'\t' -v c="ng:$c" '$2 == c { print $3 }' "$tmp/stats")
  [ "$want" = "$got" ] && [ "$want" -gt 0 ] || bad "stats ng:$c: $got, want $want"
done
ok "stats: classes and event types match the export"
for r in meets visits memberOf tradingPartnerOf; do
  awk -v p="<$NG_NS$r>" '$2 == p && $3 ~ /^</ { print $1, $3 }' "$tmp/all.nq" >"$tmp/r"
  all=$(wc -l <"$tmp/r")
  case $r in
    meets|tradingPartnerOf) distinct=$(awk '{ print ($1 < $2) ? $1 " " $2 : $2 " " $1 }' "$tmp/r" | sort -u | wc -l) ;;
    *) distinct=$(sort -u "$tmp/r" | wc -l) ;;
  esac
  line=$(awk -F'\t' -v r="ng:$r" '$2 == r { print $3 " " $4 }' "$tmp/stats")
  [ "$line" = "$distinct $all" ] && ok "stats ng:$r: $line" || bad "stats ng:$r: '$line', want '$distinct $all'"
done
ng stats --store "$tmp/s.db" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["graphs"] > 0 and "ng:Person" in d["entities"] and "ng:meets" in d["relations"]' && ok "stats --format json" || bad "stats json"

# entity: by name (any case), by altLabel, by IRI; support across articles.
ng entity --store "$tmp/s.db" "INDONESIA" >"$tmp/e" && ok "entity by name" || bad "entity INDONESIA"
grep -q "^entity	https://w3id.org/newsgraph/id/country/indonesia\$" "$tmp/e" && grep -q "^class	ng:Country\$" "$tmp/e" &&
  grep -q "^sameAs	wd:Q252\$" "$tmp/e" || bad "entity header: $(head -5 "$tmp/e")"
# BRICS membership is stated by 3 articles (fixtures/queries/organization.csv)
line=$(grep "^ng:memberOf	BRICS	" "$tmp/e")
arts=$(echo "$line" | cut -f4)
want=$(grep "<https://w3id.org/newsgraph/id/country/indonesia> <${NG_NS}memberOf> <https://w3id.org/newsgraph/id/organization/brics>" "$tmp/all.nq" | wc -l)
n_iris=$(echo "$line" | cut -f7 | wc -w)
[ "$arts" = "$want" ] && [ "$n_iris" = "$want" ] && [ "$want" -ge 2 ] &&
  ok "entity support: memberOf BRICS in $arts articles, $(echo "$line" | cut -f5-6 | tr '\t' ' ')" || bad "entity support: '$line', want $want"
ng entity --store "$tmp/s.db" https://w3id.org/newsgraph/id/country/indonesia | cmp -s - "$tmp/e" && ok "entity by IRI" || bad "entity by IRI differs"
ng entity --store "$tmp/s.db" rahmawati | grep -q "^label	Sari Rahmawati\$" && ok "entity by altLabel" || bad "entity by altLabel"
# Names that would break out of a SPARQL string: not found, exit 1, no
# crash, and a message naming the entity.
for name in 'x" } ?s ?p ?o . FILTER(true) #' '\' '}' "$(printf 'a\nb')" '"' '<https://x> ?p ?o }' "Indonesia\" || \"1\" = \"1"; do
  ng entity --store "$tmp/s.db" "$name" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" = 1 ] && [ ! -s "$tmp/out" ] && grep -q "no entity named" "$tmp/err" || bad "entity '$name': rc $rc, $(cat "$tmp/err")"
done
ok "entity: names with quotes, braces, backslashes, newlines find nothing"

# export: TriG keeps every graph name and statement; Turtle is pretty, with
# the project's prefixes, and parses.
ng export --store "$tmp/s.db" --format trig -o "$tmp/all.trig" || bad "export trig"
serdi -i trig -o nquads "$tmp/all.trig" 2>/dev/null | sort >"$tmp/trig.nq"
sort "$tmp/all.nq" | cmp -s - "$tmp/trig.nq" && ok "export trig: graph names and quads as in N-Quads ($(wc -l <"$tmp/trig.nq"))" || bad "export trig differs from nquads"
ng export --store "$tmp/s.db" --format turtle -o "$tmp/all.ttl" || bad "export turtle"
for p in ng schema rdf rdfs owl xsd skos prov wd person country; do
  grep -q "^@prefix $p: <" "$tmp/all.ttl" || bad "turtle: no prefix $p"
done
grep -q "^${T}schema:headline " "$tmp/all.ttl" && grep -q ' ;$' "$tmp/all.ttl" && grep -q 'country:indonesia' "$tmp/all.ttl" &&
  ok "export turtle: prefixes, grouped by subject" || bad "export turtle not pretty"
want=$(serdi -i nquads -o ntriples "$tmp/all.nq" 2>/dev/null | sort -u | wc -l)
got=$(serdi -i turtle -o ntriples "$tmp/all.ttl" 2>/dev/null | sort -u | wc -l)
[ "$want" = "$got" ] && ok "export turtle: $got distinct triples, parses with serdi" || bad "turtle: $got triples, want $want"

# Modality (VOCABULARY.md ng:modality): entity marks a fact an article
# only plans, reports or denies beside its relation; a denied fact, never
# a plain triple, comes from its rdf:Statement. The fixture (invented
# people) also has a nickname in quotes and trade forecasts.
M=$top_srcdir/fixtures/modality/lagos-london-trade-talks.txt
ng build --store "$tmp/m.db" "$M" 2>/dev/null || bad "build $M"
ng entity --store "$tmp/m.db" 'Colin Harwick' >"$tmp/m1.tsv" || bad "entity Colin Harwick"
ng entity --store "$tmp/m.db" 'Dazzy' >"$tmp/m2.tsv" || bad "entity Dazzy (a nickname)"
mhas() { grep -q "$2" "$1" && ok "$3" || { bad "$3: no '$2' in:"; cat "$1"; }; }
mhas "$tmp/m1.tsv" "^ng:visits (planned)${T}Ghana${T}" "entity: 'will visit Ghana' marked (planned)"
mhas "$tmp/m1.tsv" "^ng:visits${T}Lagos${T}" "entity: an asserted visit unmarked"
mhas "$tmp/m1.tsv" "^ng:meets (denied)${T}Mamadou Diallo${T}" "entity: 'did not meet' shown, marked (denied)"
mhas "$tmp/m2.tsv" "^label${T}Adaeze Nwosu\$" "entity: 'Adaeze \"Dazzy\" Nwosu' is one person, found by the nickname"
mhas "$tmp/m2.tsv" "^ng:meets (reported)${T}Koffi Yao${T}" "entity: 'reportedly met' marked (reported)"
mhas "$tmp/m2.tsv" "^ng:meets${T}Colin Harwick${T}" "entity: an asserted meeting unmarked"
[ "$(grep -c '^entity' "$tmp/m2.tsv")" = 1 ] && ! grep -q "person/nwosu$T\|person/adaeze$T" "$tmp/m2.tsv" &&
  ok "entity: no second person for a part of the name" || bad "entity: name parts: $(cat "$tmp/m2.tsv")"
ng query --store "$tmp/m.db" --format tsv 'PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?v WHERE { GRAPH ?g { ?f a ng:TradeFigure ; schema:value ?v ; ng:modality ng:Planned } }' >"$tmp/mq.tsv" ||
  bad "query planned trade figures"
grep -q '9000000000' "$tmp/mq.tsv" && grep -q '14000000000' "$tmp/mq.tsv" && ! grep -q '7200000000' "$tmp/mq.tsv" &&
  ok "trade forecasts ('expect ... to reach', 'aim to double') are ng:Planned, the measured figure not" ||
  { bad "planned trade figures:"; cat "$tmp/mq.tsv"; }

# Usage errors exit 2; help describes the new command and options.
for argv in "entity --store $tmp/s.db" "entity --store $tmp/s.db a b" \
    "graphs --store $tmp/s.db --format xml" "stats --store $tmp/s.db --format nquads" \
    "stats --store $tmp/s.db --wait x" "graphs --store $tmp/s.db --wait -1" \
    "export --store $tmp/s.db --timeout 5" "query --store $tmp/s.db --timeout -1 ASK{}"; do
  # shellcheck disable=SC2086
  "$NEWSGRAPH" $argv >/dev/null 2>"$tmp/err"
  rc=$?
  [ "$rc" = 2 ] && grep -q '^newsgraph: ' "$tmp/err" || bad "usage error expected ($rc): newsgraph $argv"
done
ok "usage errors exit 2"
"$NEWSGRAPH" entity --help | grep -q 'usage: newsgraph entity' && "$NEWSGRAPH" --help | grep -q '^  entity ' &&
  "$NEWSGRAPH" query --help | grep -q -- '--timeout SECONDS' && "$NEWSGRAPH" build --help | grep -q -- '--wait SECONDS' &&
  ok "help: entity, --timeout, --wait" || bad "help text"
exit "$fail"
