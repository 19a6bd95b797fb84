#!/bin/sh
# Every ontology/*.ttl parses with raptor, and every IRI spelled in
# graph/vocab.h is declared there (curl test1119's source analysis; serd
# parses its own serd.ttl): terms in the project's namespaces (ng:, ngl:)
# must be the subject of an rdf:type triple; terms of other vocabularies
# must at least be mentioned (aligned, documented or used by a shape).
set -u
: "${top_srcdir:?}"
command -v rapper >/dev/null || { echo "rapper not found: install raptor2-utils"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
: >"$tmp/all.nt"
for f in "$top_srcdir"/ontology/*.ttl; do
  if rapper -q -i turtle -o ntriples "$f" >>"$tmp/all.nt" 2>"$tmp/err"; then
    echo "ok   parses: ${f#"$top_srcdir"/}"
  else
    echo "FAIL does not parse: ${f#"$top_srcdir"/}: $(head -c 300 "$tmp/err")"
    fail=1
  fi
done
vocab="$top_srcdir/graph/vocab.h"
# Namespace macros: #define X_NS "iri"
sed -n 's/^#define \([A-Z_]*_NS\) "\([^"]*\)".*/\1 \2/p' "$vocab" >"$tmp/ns"
# Term macros: #define NAME X_NS "local"
sed -n 's/^#define \([A-Z0-9_]*\) \([A-Z_]*_NS\) "\([^"]*\)".*/\1 \2 \3/p' \
  "$vocab" >"$tmp/terms"
[ -s "$tmp/terms" ] || { echo "FAIL no terms found in graph/vocab.h"; exit 1; }
TYPE='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
n=0
while read -r name ns local; do
  base=$(awk -v k="$ns" '$1 == k { print $2 }' "$tmp/ns")
  if [ -z "$base" ]; then
    echo "FAIL $name: unknown namespace $ns"
    fail=1
    continue
  fi
  iri="$base$local"
  n=$((n + 1))
  case $ns in
  NG_NS | NGL_NS)
    grep -qF "<$iri> $TYPE " "$tmp/all.nt" ||
      { echo "FAIL $name <$iri> is not declared (no rdf:type)"; fail=1; } ;;
  *)
    grep -qF "<$iri>" "$tmp/all.nt" ||
      { echo "FAIL $name <$iri> is not mentioned in ontology/"; fail=1; } ;;
  esac
done <"$tmp/terms"
echo "$n terms checked"
exit "$fail"
