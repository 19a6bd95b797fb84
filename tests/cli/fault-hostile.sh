#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile inputs (issue 7): invalid UTF-8, NUL bytes, binary data served as
# text/html, empty bodies, 100,000-deep nesting, a 1 MB line, a page over
# the size cap, names and quotes holding '"', '>', '\', tabs, newlines,
# carriage returns, RTL marks, emoji and characters outside the BMP, and
# text made to look like N-Triples or SPARQL. Each input, from a file and
# over HTTP (the loopback server tests/http/server.py on a folder of pages
# made here), gives either output that rapper and serdi read back term for
# term (tests/faults/roundtrip.py), or exit 1 with "newsgraph:" and the
# input's name on stderr; never another exit status, never a crash, never
# a hang (every run has a time bound). Also: `entity NAME` with quotes,
# backslashes, braces and newlines in NAME, and no shell or exec anywhere
# in graph/ or cmd/. Large pages are made at test time. Never touches the
# internet.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }
for t in python3 rapper serdi timeout; do
  command -v $t >/dev/null 2>&1 ||
    { echo "$t not found (packages: python3 raptor2-utils serdi coreutils)"; exit 1; }
done
tmp=$(mktemp -d)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
NOW=1747267200
LIMIT=${HOSTILE_TIME_LIMIT:-120} # seconds per run (sanitizer builds are slow)
www="$tmp/www"
mkdir "$www"

# ---------------------------------------------------------------- inputs
# Written by python3 so that every byte is explicit; the big ones exist
# only while the test runs.
python3 - "$www" <<'EOF'
import json, os, sys
d = sys.argv[1]
def put(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
P = ("<p>Harbour workers in Orlan ended a five-day strike on Monday after "
     "talks with the port authority. Union leader Mira Osei said the deal "
     "protects jobs.</p>")
page = lambda body, head="": ("<html lang=\"en\"><head><title>Strike ends"
    "</title>" + head + "</head><body><article>" + body +
    "</article></body></html>")
# invalid UTF-8: stray continuation bytes, a lone surrogate, overlong forms
put("invalid-utf8.html", page(P * 3).encode().replace(
    b"five-day", b"five\xff\xfe-day \xc3\x28 \xed\xa0\x80 \xc0\xaf"))
# NUL bytes: in the first 4096 bytes the page sniffs as binary data and
# is refused (graph/input.c); after them, a NUL is dropped
put("nul-start.html", b"\x00\x00" + page(P * 3).encode())
put("nul-inside.html",
    page(P * 40 + "<p>Odd\x00byte here in Orlan.</p>" + P).encode())
# binary data with an .html name (over HTTP: /binary-as-html, text/html)
put("random.html", bytes((i * 7919 + 13) % 256 for i in range(20000)))
put("empty.html", b"")
put("blank.html", b" \n\t\r\n ")
# 100,000 nested elements around the article
put("deep.html", "<html><body>" + "<div>" * 100000 + P * 3 +
    "</div>" * 100000 + "</body></html>")
# one line of 1 MB: sentences, and words with no full stop at all
put("line.html", page("<p>" + "Harbour workers in Orlan met Mira Osei on "
    "Monday. " * 21000 + "</p>"))
put("words.html", page("<p>" + "word " * 210000 + "</p>"))
# 9 MB of letters with no space: the gazetteer scanned the rest of such a
# run from every position in it (3 MB took 15.6 s, 9 MB over 2 minutes)
put("letters.html", page("<p>" + "a" * (9 * 1024 * 1024) + "</p>"))
# over the 10 MB body cap
put("big.html", page(P * 3 + "<!-- " + "x" * (10 * 1024 * 1024) + " -->"))

# Names, quotes and titles with every character an RDF writer must escape
# (or keep raw); text that looks like N-Triples and SPARQL.
RLM, LRM, EMO, CLEF = "\u200f", "\u200e", "\U0001F600", "\U0001D11E"
ld = {"@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "Port \"deal\" > talks \\ end " + RLM + "\u0645\u0631\u062d"
                  "\u0628\u0627 " + EMO + CLEF,
      "author": [{"@type": "Person", "name": "Ana \"Slim\" Kova"},
                 {"@type": "Person", "name": "Dana " + RLM + "Kwe " + EMO}],
      "datePublished": "2025-03-04T10:00:00+01:00"}
put("special.html", page(
    "<h1>Port deal</h1>" + P * 3 +
    "<p>&quot;Fees &gt; costs \\ now " + EMO + CLEF + RLM +
    ",&quot; said Mira Osei.</p>"
    "<p>Union leader Mira Osei said: &quot;We want &lt;http://evil.example/s"
    "&gt; &lt;http://evil.example/p&gt; &quot;pwn&quot; . and } ; DROP ALL ; "
    "INSERT DATA { &lt;http://evil.example/s&gt; &lt;http://evil.example/p"
    "&gt; 1 } to stay text.&quot;</p>"
    "<p>Ana &quot;Slim&quot; Kova met Omar Diallo in Geneva on Monday.</p>",
    "<script type=\"application/ld+json\">" + json.dumps(ld) + "</script>"))
put("special.txt",
    "url: https://news.example/a b/\"x\"?q={1}|2^3\n"
    "title: Talks \"end\" > here \\ now " + RLM + "\u05e9\u05dc\u05d5\u05dd" +
    LRM + " " + EMO + " " + CLEF + " \t tab\r\n"
    "date: 2025-03-04\n---\n"
    "Orlan's Foreign Minister Ana Kova met Velmar's Foreign Minister Omar "
    "Diallo in Geneva on Monday.\r\n\r\n"
    "Omar Diallo said: \"The port\treopens \\n Monday } ; DROP ALL ; "
    "<http://evil.example/s> <http://evil.example/p> \"pwn\" .\"\r\n\r\n"
    "<http://evil.example/s> <http://evil.example/p> \"pwn\" <http://evil"
    ".example/g> .\n_:b0 <http://evil.example/p> _:b1 .\n"
    "} } ; DELETE WHERE { ?s ?p ?o } ; SELECT * WHERE { ?s ?p ?o }\n")
EOF

python3 "$top_srcdir/tests/http/server.py" "$www" "$tmp/port" "$tmp/log" &
srv_pid=$!
i=0
while [ ! -s "$tmp/port" ]; do
  i=$((i + 1))
  [ $i -gt 100 ] && { echo "server did not start" >&2; exit 99; }
  sleep 0.1
done
base="http://127.0.0.1:$(cat "$tmp/port")"

# run NAME INPUT [OPTION...]: `newsgraph extract` to each of $FORMATS
# (N-Quads, Turtle; "text" runs `newsgraph text`), each within $LIMIT s.
# Sets $rc to the first status, and fails the check NAME unless every
# status is 0 with output that rapper and serdi re-parse term for term
# (roundtrip.py: the values in $tmp/expect come back unchanged, no IRI
# from the page's text, no blank node), or 1 with a message naming INPUT
# and nothing on standard output. FORMATS and the expectations reset after
# each run, and so does NIF (--nif for extract: the main text as a
# literal, so its newlines are written and read back too).
FORMATS="nquads turtle text" NIF=
: >"$tmp/expect"
run() {
  name=$1 input=$2
  shift 2
  msg=$(basename "$input")
  statuses= rc=
  for f in $FORMATS; do
    if [ "$f" = text ]; then
      timeout "$LIMIT" "$NEWSGRAPH" --now "$NOW" text --allow-private "$@" \
        "$input" >"$tmp/out.$f" 2>"$tmp/err.$f"
    else
      timeout "$LIMIT" "$NEWSGRAPH" --now "$NOW" extract --allow-private \
        --format $f $NIF "$@" "$input" >"$tmp/out.$f" 2>"$tmp/err.$f"
    fi
    r=$?
    statuses="$statuses $f=$r"
    [ -n "$rc" ] || rc=$r
    [ "$r" = "$rc" ] || rc=mixed
  done
  if [ "$rc" = mixed ]; then
    bad "$name: exit statuses differ:$statuses"
  elif [ "$rc" = 0 ]; then
    if [ "${FORMATS#*turtle}" = "$FORMATS" ]; then
      # Turtle was not among the runs: write it now to compare
      "$NEWSGRAPH" --now "$NOW" extract --allow-private --format turtle \
        $NIF "$@" "$input" >"$tmp/out.turtle" 2>/dev/null
    fi
    if python3 "$top_srcdir/tests/faults/roundtrip.py" "$tmp/out.nquads" \
         "$tmp/out.turtle" --no-iri evil.example --no-blank \
         --expect-file "$tmp/expect" >"$tmp/rt" 2>&1; then
      ok "$name: exit 0, $(tail -1 "$tmp/rt" | sed 's/^ok //')"
    else
      bad "$name: output does not re-parse term for term"
      sed 's/^/  /' "$tmp/rt"
    fi
  elif [ "$rc" = 1 ]; then
    f=${FORMATS%% *}
    if grep -q "^newsgraph: .*$msg" "$tmp/err.$f" && [ ! -s "$tmp/out.$f" ]
    then
      ok "$name: exit 1, $(head -1 "$tmp/err.$f")"
    else
      bad "$name: exit 1 without a message naming $msg, or with output"
      sed 's/^/  /' "$tmp/err.$f"
    fi
  else
    bad "$name: exit $rc (crash, timeout or undocumented status):$statuses"
    sed 's/^/  /' "$tmp/err.${FORMATS%% *}" | head -5
  fi
  cp "$tmp/err.${FORMATS%% *}" "$tmp/err.last"
  FORMATS="nquads turtle text" NIF=
  : >"$tmp/expect"
}

# want_rc NAME STATUS PATTERN: the last run ended with STATUS and its
# stderr has the fixed string PATTERN (may be empty).
want_rc() {
  if [ "$rc" = "$2" ] && { [ -z "$3" ] || grep -qF -- "$3" "$tmp/err.last"; }; then
    ok "$1"
  else
    bad "$1: exit $rc, want $2 with '$3'"; sed 's/^/  /' "$tmp/err.last" | head -3
  fi
}

# ---------------------------------------------------------------- bytes
# Small pages in every format; the big ones (deep, 1 MB) as N-Quads and
# text from the file, and as N-Quads over HTTP, to keep the test short.
for src in file http; do
  if [ $src = file ]; then at="$www/" big="nquads text"; else
    at="$base/page/" big="nquads"; fi
  run "invalid-utf8-$src" "${at}invalid-utf8.html"
  want_rc "invalid-utf8-$src-is-read" 0 ""
  run "nul-start-$src" "${at}nul-start.html"
  want_rc "nul-start-$src-refused-as-binary" 1 "binary data"
  run "nul-inside-$src" "${at}nul-inside.html"
  want_rc "nul-inside-$src-is-read" 0 ""
  run "binary-$src" "${at}random.html"
  want_rc "binary-$src-refused" 1 "binary data"
  run "empty-body-$src" "${at}empty.html"
  want_rc "empty-body-$src-fails" 1 ""
  run "blank-body-$src" "${at}blank.html"
  want_rc "blank-body-$src-fails" 1 ""
  FORMATS=$big
  run "deep-nesting-$src" "${at}deep.html"
  FORMATS=$big
  run "one-mb-line-$src" "${at}line.html"
  want_rc "one-mb-line-$src-is-read" 0 ""
  FORMATS=$big
  run "one-mb-no-full-stop-$src" "${at}words.html"
  want_rc "one-mb-no-full-stop-$src-is-read" 0 ""
done
FORMATS=nquads
# a hang guard, not a benchmark: linear time is about 1 s here
limit_was=$LIMIT LIMIT=60
run nine-mb-without-spaces-file "$www/letters.html"
want_rc nine-mb-without-spaces-file-is-read 0 ""
LIMIT=$limit_was
run binary-served-as-text-html "$base/binary-as-html"
want_rc binary-served-as-text-html-refused 1 "binary data"
FORMATS=nquads
run over-size-cap-file "$www/big.html"
want_rc over-size-cap-file-refused 1 "larger than 10485760 bytes"
FORMATS=nquads
run over-size-cap-http "$base/page/big.html"
want_rc over-size-cap-http-refused 1 "larger than 10485760 bytes"
# the transfer stopped at the cap: the server's log shows one request and
# the process did not read 10 MB into memory more than once
[ "$(grep -c ' /page/big.html ' "$tmp/log")" -ge 1 ] ||
  bad "over-size-cap-http: no request logged"

# ---------------------------------------------------------------- text
RLM=$(printf '\342\200\217') LRM=$(printf '\342\200\216')
EMO=$(printf '\360\237\230\200') CLEF=$(printf '\360\235\204\236')
TAB=$(printf '\t')
for src in file http; do
  if [ $src = file ]; then at="$www/"; else at="$base/page/"; fi
  # a name loses its bidi marks (issue 7); quoted words keep them
  printf '%s\n' 'Ana "Slim" Kova' "Dana Kwe $EMO" \
    "Fees > costs \\ now $EMO$CLEF$RLM" \
    "Port \"deal\" > talks \\ end ${RLM}مرحبا $EMO$CLEF" >"$tmp/expect"
  NIF=--nif
  run "special-characters-html-$src" "${at}special.html"
  want_rc "special-characters-html-$src-is-read" 0 ""
done
# plain text with front matter (a file: over HTTP it would be HTML); the
# quotes hold text that looks like N-Triples and SPARQL (roundtrip.py
# fails on any IRI from it and on any blank node)
printf '%s\n' "Talks \"end\" > here \\ now ${RLM}שלום$LRM $EMO $CLEF $TAB tab" \
  >"$tmp/expect"
NIF=--nif
run special-characters-txt "$www/special.txt"
want_rc special-characters-txt-is-read 0 ""
# The article IRI minted from a URL with a space, quotes, braces, | and ^
# (T05 a) is percent-encoded.
FORMATS=nquads
run url-special "$www/special.txt"
if grep -qF '<https://news.example/a%20b/%22x%22?q=%7B1%7D%7C2%5E3>' \
     "$tmp/out.nquads"; then
  ok "url-special: article IRI percent-encoded"
else
  bad "url-special: article IRI not percent-encoded"
fi

# ---------------------------------------------------------------- store
# The same inputs through a store: build, export in both syntaxes, and
# re-parse; then `entity NAME` with hostile names.
ng() { timeout "$LIMIT" "$NEWSGRAPH" -q --now "$NOW" "$@"; }
ng build --store "$tmp/s.db" "$www/special.html" "$www/special.txt" \
  "$www/invalid-utf8.html" "$www/line.html" 2>"$tmp/err.build"
rc=$?
[ "$rc" = 0 ] && ok "store-build: exit 0" ||
  { bad "store-build: exit $rc"; sed 's/^/  /' "$tmp/err.build"; }
ng export --store "$tmp/s.db" --format nquads >"$tmp/s.nq" &&
  ng export --store "$tmp/s.db" --format turtle >"$tmp/s.ttl" ||
  bad "store-export"
# Turtle export flattens the graphs, so compare triples
if python3 "$top_srcdir/tests/faults/roundtrip.py" "$tmp/s.nq" "$tmp/s.ttl" \
     --no-iri evil.example --expect 'Ana "Slim" Kova' \
     --expect "Fees > costs \\ now $EMO$CLEF$RLM" >"$tmp/rt" 2>&1; then
  ok "store-export-reparses: $(tail -1 "$tmp/rt" | sed 's/^ok //')"
else
  bad "store-export-reparses"; sed 's/^/  /' "$tmp/rt"
fi
counts() { ng stats --store "$tmp/s.db" | grep -E '^(graphs|quads)' | tr '\n' ' '; }
before=$(counts)
out=$(ng entity --store "$tmp/s.db" 'Ana "Slim" Kova')
rc=$?
case $out in
  *"label${TAB}Ana \"Slim\" Kova"*) ok "entity-name-with-quotes-found" ;;
  *) bad "entity-name-with-quotes-found: exit $rc"; echo "$out" | head -5 ;;
esac
for name in 'x" } ; DROP ALL ; #' 'a\\b\"c' "$(printf 'one\ntwo }')" \
            '} } UNION { ?s ?p ?o }' '<http://evil.example/s>' \
            'https://w3id.org/newsgraph/id/person/x> ?p ?o } #' \
            "$(printf 'tab\there \r cr')" "${RLM}${EMO}${CLEF}"; do
  ng entity --store "$tmp/s.db" "$name" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  label=$(printf '%s' "$name" | tr '\n\r\t' '   ' | cut -c1-30)
  if [ "$rc" = 1 ] && grep -q "^newsgraph: no entity named" "$tmp/err" &&
     [ ! -s "$tmp/out" ]; then
    ok "entity-hostile-name '$label': not found, exit 1"
  else
    bad "entity-hostile-name '$label': exit $rc"; sed 's/^/  /' "$tmp/err"
  fi
done
[ "$(counts)" = "$before" ] && ok "entity-hostile-names-change-nothing ($before)" ||
  bad "entity-hostile-names-change-nothing: $before then $(counts)"

# ---------------------------------------------------------------- shell
# No shell and no exec anywhere in the product: input never reaches one.
if grep -nE '\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|posix_spawnp?|wordexp)[[:space:]]*\(' \
     "$top_srcdir"/graph/*.c "$top_srcdir"/cmd/*.c >"$tmp/shell"; then
  bad "no-shell-or-exec:"; sed 's/^/  /' "$tmp/shell"
else
  ok "no-shell-or-exec in graph/ and cmd/"
fi

exit "$fail"
