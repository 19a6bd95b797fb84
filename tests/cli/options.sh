#!/bin/sh
# Command-line contract (ARCHITECTURE.md "Command line", STYLE.md 2.3):
# bad argv exits 2 with "newsgraph:" on stderr; good argv exits 0;
# --help goes to stdout with exit 0. One argv per line, words split on
# spaces; @PAGE is a fixture page, @STORE a store built here, @DATA the
# ontology folder.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PAGE="$top_srcdir/fixtures/html/nordwire-2025-03-02-port-talks.html"
STORE="$tmp/s.db"
"$NEWSGRAPH" -q build --now 0 --store "$STORE" "$PAGE" 2>/dev/null
fail=0

run() { # expected-status argv...
  want=$1
  shift
  args=$(printf '%s\n' "$*" | sed "s|@PAGE|$PAGE|g; s|@STORE|$STORE|g; s|@DATA|$top_srcdir/ontology|g")
  # shellcheck disable=SC2086
  "$NEWSGRAPH" $args >"$tmp/out" 2>"$tmp/err"
  got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL ($got, want $want): newsgraph $*"
    head -c 300 "$tmp/err"
    fail=1
    return
  fi
  if [ "$want" = 2 ] && ! grep -q '^newsgraph: ' "$tmp/err"; then
    echo "FAIL no 'newsgraph:' message: newsgraph $*"
    fail=1
    return
  fi
  echo "ok   ($got) newsgraph $*"
}

while read -r want argv; do
  case $want in ''|'#'*) continue ;; esac
  run "$want" $argv
done <<'TABLE'
# usage errors
2
2 frobnicate
2 --frobnicate
2 extract
2 extract --format xml @PAGE
2 extract --format
2 extract --date 2025-13-01 @PAGE
2 extract --date 2023-02-29 @PAGE
2 extract --date yesterday @PAGE
2 extract --url not-an-iri @PAGE
2 extract --base relative/path @PAGE
2 extract --now -5 @PAGE
2 extract --now soon @PAGE
2 extract --nif=yes @PAGE
2 extract --store x.db @PAGE
2 extract --url https://a.example/x @PAGE @PAGE
2 text
0 text @PAGE @PAGE
2 text --format turtle @PAGE
2 build
2 build --jobs 0 @PAGE
2 build --store
2 export --format table --store @STORE
2 export --store @STORE extra
2 query --store @STORE
2 query --store @STORE -f x.rq 'SELECT * {}'
2 query --format png --store @STORE ASK{}
2 graphs --store @STORE extra
2 remove --store @STORE
2 remove --store @STORE not-an-iri
2 -x extract @PAGE
# good
0 --help
0 -h
0 --version
0 extract --help
0 text --help
0 build --help
0 export --help
0 query --help
0 graphs --help
0 stats --help
0 remove --help
0 extract @PAGE
0 extract --format=nquads @PAGE
0 extract --format trig --nif --base https://data.example/kg/ @PAGE
0 extract --format ntriples --url https://nordwire.example/a --date 2025-03-02 @PAGE
0 extract --format rdfxml @PAGE @PAGE
0 --now 1747267200 extract @PAGE
0 extract --now 1747267200 --data @DATA -- @PAGE
0 text @PAGE
0 text --json @PAGE
0 build --store @STORE --jobs 2 @PAGE
0 export --store @STORE
0 export --store=@STORE --format nquads
0 graphs --store @STORE
0 stats --store @STORE
0 query --store @STORE ASK{?s?p?o}
0 query --store @STORE --format json ASK{?s?p?o}
TABLE

# The help lists every option, the defaults and an example.
"$NEWSGRAPH" extract --help >"$tmp/help"
for opt in --format --base --url --date --nif --now --data default Example; do
  grep -q -- "$opt" "$tmp/help" || { echo "FAIL extract --help lacks $opt"; fail=1; }
done
[ -s "$tmp/help" ] || fail=1
# Binary data (NUL bytes, control bytes) is refused naming the input;
# UTF-16 with a BOM is still text.
printf 'ELF\001\002\000\000\000\003\004\005\006\016\017 binary' >"$tmp/prog.txt"
if "$NEWSGRAPH" text "$tmp/prog.txt" >/dev/null 2>"$tmp/err"; then
  echo "FAIL binary input accepted"; fail=1
elif ! grep -q "prog.txt: not a text or HTML document (binary data)" "$tmp/err"; then
  echo "FAIL binary input message: $(head -c 200 "$tmp/err")"; fail=1
else
  echo "ok   binary input refused"
fi
printf '\377\376H\000i\000.\000' >"$tmp/u16.txt"
"$NEWSGRAPH" text "$tmp/u16.txt" >"$tmp/out" 2>/dev/null &&
  grep -q '^Hi\.' "$tmp/out" || { echo "FAIL UTF-16 BOM input"; fail=1; }

exit "$fail"
