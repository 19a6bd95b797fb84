#!/bin/sh
# Output write errors (STYLE.md 2.3 rule 10, serdi's fclose check): writing
# to /dev/full must exit 1 with a "newsgraph:" message, for every command
# that writes, never 0.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
[ -w /dev/full ] || { echo "no /dev/full: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PAGE="$top_srcdir/fixtures/html/nordwire-2025-03-02-port-talks.html"
STORE="$tmp/s.db"
"$NEWSGRAPH" -q build --store "$STORE" "$PAGE" 2>/dev/null || exit 1
fail=0
check() { # description, then the command (stdout goes to /dev/full)
  what=$1
  shift
  "$@" >/dev/full 2>"$tmp/err"
  rc=$?
  if [ "$rc" != 1 ] || ! grep -q '^newsgraph: ' "$tmp/err"; then
    echo "FAIL $what: exit $rc, stderr: $(head -c 200 "$tmp/err")"
    fail=1
  else
    echo "ok   $what: $(head -n 1 "$tmp/err")"
  fi
}
for fmt in turtle trig ntriples nquads rdfxml; do
  check "extract --format $fmt" "$NEWSGRAPH" -q extract --format "$fmt" "$PAGE"
  check "export --format $fmt" "$NEWSGRAPH" -q export --store "$STORE" --format "$fmt"
done
check "export -o /dev/full" sh -c "'$NEWSGRAPH' -q export --store '$STORE' -o /dev/full >/dev/null"
check "text" "$NEWSGRAPH" -q text "$PAGE"
check "text --json" "$NEWSGRAPH" -q text --json "$PAGE"
check "--help" "$NEWSGRAPH" --help
check "--version" "$NEWSGRAPH" --version
check "graphs" "$NEWSGRAPH" graphs --store "$STORE"
check "stats" "$NEWSGRAPH" stats --store "$STORE"
for fmt in table csv tsv json xml; do
  check "query --format $fmt" "$NEWSGRAPH" query --store "$STORE" --format "$fmt" 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }'
done
check "query CONSTRUCT" "$NEWSGRAPH" query --store "$STORE" 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
exit "$fail"
