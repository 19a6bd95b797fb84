#!/bin/sh
# The graphs newsgraph writes conform to ontology/shapes.ttl according to an
# independent SHACL validator, the npm package rdf-validate-shacl (version
# pinned in tests/shacl/package-lock.json, installed with `npm ci` into
# tests/shacl-cache of the build tree on first use; the only step that
# needs the network, skipped (exit 77) when node or the registry is not
# there). Validates the TriG export of a store of all the sample articles,
# graph by graph; fails on any result not in tests/shacl/known-violations.txt,
# and shows that the check can fail by validating a deliberately broken
# article graph.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
builddir=${top_builddir:-.}
cache="$builddir/tests/shacl-cache"
command -v node >/dev/null && command -v npm >/dev/null ||
  { echo "SKIP node and npm are not installed (apt-get install nodejs npm)"; exit 77; }
if ! cmp -s "$top_srcdir/tests/shacl/package-lock.json" "$cache/package-lock.json" ||
   [ ! -d "$cache/node_modules/rdf-validate-shacl" ]; then
  mkdir -p "$cache"
  cp "$top_srcdir/tests/shacl/package.json" "$top_srcdir/tests/shacl/package-lock.json" "$cache/"
  (cd "$cache" && npm ci --no-audit --no-fund --silent >npm.log 2>&1) ||
    { echo "SKIP cannot install rdf-validate-shacl (see $cache/npm.log)"; exit 77; }
fi
cp "$top_srcdir/tests/shacl/validate.mjs" "$cache/validate.mjs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ng() { "$NEWSGRAPH" -q --now 1767225600 "$@"; }
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
validate() { node "$cache/validate.mjs" "$top_srcdir/ontology/shapes.ttl" "$top_srcdir/ontology/newsgraph.ttl" "$@"; }

ng build --store "$tmp/s.db" "$top_srcdir"/fixtures/articles/* 2>/dev/null || bad "build"
ng export --store "$tmp/s.db" --format trig -o "$tmp/all.trig" || bad "export"
validate "$tmp/all.trig" >"$tmp/report"
rc=$?
[ "$rc" -le 1 ] || { bad "validator error (exit $rc)"; cat "$tmp/report"; exit 1; }
tail -1 "$tmp/report"
grep '^violation ' "$tmp/report" | sed 's/^violation //; s/: .*//' | sort -u >"$tmp/got"
grep -v '^#' "$top_srcdir/tests/shacl/known-violations.txt" | grep . | sort -u >"$tmp/known"
new=$(comm -23 "$tmp/got" "$tmp/known")
gone=$(comm -13 "$tmp/got" "$tmp/known")
if [ -n "$new" ]; then
  bad "sample articles: SHACL violations:"
  echo "$new" | while read -r line; do grep -F "violation $line" "$tmp/report" | head -1; done
else
  ok "sample articles: no SHACL results beyond the $(wc -l <"$tmp/known") known ones"
fi
[ -z "$gone" ] || echo "note: known violations no longer reported (remove them from tests/shacl/known-violations.txt):
$gone"

# A broken article graph must fail, for each broken rule.
g=$(ng graphs --store "$tmp/s.db" | sed -n 2p | cut -f1)
ng export --store "$tmp/s.db" --graph "$g" --format nquads >"$tmp/one.nq"
validate "$tmp/one.nq" >/dev/null && ok "one clean article graph conforms" || bad "clean graph $g does not conform"
NG='https://w3id.org/newsgraph/ns#'
XSD='http://www.w3.org/2001/XMLSchema#'
break_it() { # name, sed|add, sed script or extra line, expected result
  name=$1
  cp "$tmp/one.nq" "$tmp/broken.nq"
  if [ "$2" = sed ]; then
    sed -i "$3" "$tmp/broken.nq"
  else
    printf '%s\n' "$3" >>"$tmp/broken.nq"
  fi
  shift
  cmp -s "$tmp/one.nq" "$tmp/broken.nq" && { bad "$name: could not break the graph"; return; }
  validate "$tmp/broken.nq" >"$tmp/r"
  rc=$?
  if [ "$rc" = 1 ] && grep -q "^violation .*$3" "$tmp/r"; then
    ok "broken ($name) fails: $(grep -m1 '^violation' "$tmp/r" | cut -c1-160)"
  else
    bad "broken ($name): exit $rc, $(tail -1 "$tmp/r")"
  fi
}
break_it "no ng:retrievedAt" sed "\\|<${NG}retrievedAt>|d" "retrievedAt sh:MinCount"
break_it "a confidence of 1.5" sed "\\|<${NG}confidence>|s|\"[0-9.]*\"^^<${XSD}decimal>|\"1.5\"^^<${XSD}decimal>|" "Evidence"
break_it "date as a plain string" add "<$g> <https://schema.org/datePublished> \"15 May\" <$g> ." "datePublished"
break_it "a person meets a country" add "<https://w3id.org/newsgraph/id/person/x> <${NG}meets> <https://w3id.org/newsgraph/id/country/kenya> <$g> ." "sh:ClassConstraint"
break_it "a person as a trading partner" add "<https://w3id.org/newsgraph/id/person/x> <${NG}tradingPartnerOf> <https://w3id.org/newsgraph/id/country/kenya> <$g> ." "sh:OrConstraint"
break_it "a dateline naming a person" sed "\\|<${NG}dateline>|d;\\|<https://schema.org/datePublished>|s|^<\\([^>]*\\)>.*|&\\n<\\1> <${NG}dateline> <https://w3id.org/newsgraph/id/person/x> <$g> .|" "dateline sh:OrConstraint"
exit "$fail"
