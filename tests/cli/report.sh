#!/bin/sh
# SPDX-License-Identifier: MIT
# newsgraph report (issue 8): one static HTML page about a store. On a
# store of three sample articles plus hostile pages written here, the page
# parses (python3 html.parser, and xmllint --html when installed), has no
# script, no event handler, no external resource and only http(s) or
# in-page links; its numbers match `newsgraph stats` (another module's
# count); it shows the meeting, visit and trade figure that the README's
# queries find, every evidence sentence of fixtures/queries/evidence.rq
# and a link to every article; markup in headlines and sentences appears
# as text. Headless Chromium renders it (--dump-dom and --screenshot): a
# crash, a timeout or an empty render fails, and so does a missing
# chromium (tests/packages.txt installs it; NG_SKIP_CHROMIUM=1 skips that
# part on a machine without it, and the test then exits 77). Also: an
# empty store gives a valid page saying so, the same store gives the same
# bytes, and a file that cannot be written exits 1 naming it and leaves
# no file, partial or temporary.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ng() { "$NEWSGRAPH" -q --now 1767225600 "$@"; }
fail=0
skipped=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
check="$top_srcdir/tests/cli/report_check.py"
a="$top_srcdir/fixtures/articles"
command -v python3 >/dev/null || { echo "python3 not found"; exit 1; }

# ------------------------------------------------------------- the store
# Hostile pages (our own words): markup, quotes and ampersands in the
# headline, the sentences and the URL, which the page must show as text.
cat >"$tmp/hostile.txt" <<'EOF'
url: https://news.example/talks?a=1&b="2"><script>alert(1)</script>
title: <script>alert("headline")</script> Talks & "deals" <b>end</b>
date: 2025-03-04
---
Orlan's Foreign Minister Ana Kova met Velmar's Foreign Minister Omar Diallo in Geneva on Monday <script>alert("evidence")</script> & more.

Trade between Kenya and Ethiopia reached $2.5 billion in 2024 <img src=x onerror=alert(2)>, the ministry said.
EOF
cat >"$tmp/hostile.html" <<'EOF'
<html lang="en"><head><title>Port &lt;script&gt;alert(3)&lt;/script&gt; deal</title></head>
<body><article><h1>Port &lt;script&gt;alert(3)&lt;/script&gt; deal</h1>
<p>Union leader Mira Osei met Kenyan President William Odhiambo in Nairobi on Tuesday.</p>
<p>&lt;script&gt;alert(6)&lt;/script&gt; Kenya's Foreign Minister Grace Wanjiru visited Ethiopia on Wednesday &amp; "signed" a pact.</p>
</article></body></html>
EOF
hostile=
[ -d "$top_srcdir/fixtures/hostile" ] && hostile=$(find "$top_srcdir/fixtures/hostile" -type f | sort)
# shellcheck disable=SC2086
ng build --store "$tmp/s.db" "$a/jakarta-tokyo-visit.html" \
  "$a/gulf-asean-summit.html" "$a/nairobi-brussels-trade.txt" \
  "$tmp/hostile.txt" "$tmp/hostile.html" $hostile 2>"$tmp/build.err" ||
  { bad "build"; cat "$tmp/build.err"; }

# ------------------------------------------------------------- the page
if ng report --store "$tmp/s.db" -o "$tmp/r.html" 2>"$tmp/err"; then
  ok "report: exit 0, $(wc -c <"$tmp/r.html") bytes"
else
  bad "report: exit $?"; cat "$tmp/err"
fi
[ -s "$tmp/err" ] && { bad "report wrote to stderr:"; cat "$tmp/err"; }
# shellcheck disable=SC2012
left=$(ls -A "$tmp" | grep '^r\.html\.' || true)
[ -z "$left" ] && ok "no temporary file left" || bad "left behind: $left"
mode=$(umask 022 && ng report --store "$tmp/s.db" -o "$tmp/mode.html" &&
       stat -c %a "$tmp/mode.html")
[ "$mode" = 644 ] && ok "mode 644 under umask 022" || bad "mode $mode"

# What the page must show, found independently: the README's queries and
# `newsgraph stats` over the same store.
ng query --store "$tmp/s.db" --format csv \
  -f "$top_srcdir/fixtures/queries/evidence.rq" >"$tmp/evidence.csv" ||
  bad "evidence.rq"
ng stats --store "$tmp/s.db" >"$tmp/stats" || bad "stats"
stat_of() {
  awk -F'\t' -v k="$1" -v c="$2" '$1 == k && $2 == c { print $3 }' \
    "$tmp/stats"
}
set --
for c in Person:Person Country:Country City:City Place:Place \
         Organization:Organization \
         "International organization:InternationalOrganization" \
         "Government body:GovernmentBody" Company:Company \
         "News agency:NewsAgency"; do
  n=$(stat_of entity "ng:${c#*:}")
  set -- "$@" --count "${c%%:*}" "${n:-0}"
done
facts=$(awk -F'\t' '$1 == "relation" { n += $3 } END { print n + 0 }' \
  "$tmp/stats")
graphs=$(awk -F'\t' '$1 == "graphs" { print $2 }' "$tmp/stats")
meetings=$(stat_of event ng:Meeting)
visits=$(stat_of event ng:Visit)
trade=$(stat_of event ng:TradeFigure)
ng graphs --store "$tmp/s.db" | tail -n +2 | cut -f1 >"$tmp/graphs"
for g in $(grep '^http' "$tmp/graphs"); do
  set -- "$@" --href "$g"
done
[ "$graphs" -ge 5 ] || bad "store has $graphs graphs"
if python3 "$check" page "$tmp/r.html" "$@" \
     --expect "$graphs articles" --expect "$facts facts" \
     --expect "${meetings:-0} meetings" --expect "${visits:-0} visits" \
     --expect "${trade:-0} trade figures" \
     --row entities Japan Country \
     --row meetings 2025-09 Meeting "Haruki Tanabe" "Sari Rahmawati" \
       "Indonesia, Japan sign maritime pact" \
     --row meetings "2025-09-09 to 2025-09-11" Visit "Sari Rahmawati" Japan \
     --row trade "Indonesia" "Japan" "38.6 billion" USD 2024 \
     --row trade "European Union" "Kenya" "3.3 billion" EUR 2024 \
     --row trade "Ethiopia" "Kenya" "2.5 billion" USD 2024 \
     --row roles "Gulf Cooperation Council" "cooperates with" ASEAN \
     --evidence-csv "$tmp/evidence.csv" \
     --expect '<script>alert("headline")</script> Talks & "deals" <b>end</b>' \
     --expect 'Monday <script>alert("evidence")</script> & more.' \
     --expect '<img src=x onerror=alert(2)>' \
     --expect 'Port <script>alert(3)</script> deal' \
     --expect '<script>alert(6)</script> Kenya' \
     >"$tmp/check" 2>&1; then
  ok "html.parser: $(cat "$tmp/check")"
else
  bad "html.parser:"; sed 's/^/  /' "$tmp/check"
fi
set --
n_ev=$(grep -c . "$tmp/evidence.csv")
ok "($((n_ev - 1)) evidence sentences, $facts facts, $graphs articles" \
  "from stats and query)"
if grep -qi '<script\|<img\|javascript:' "$tmp/r.html"; then
  bad "raw markup from the store in the page:"
  grep -i '<script\|<img\|javascript:' "$tmp/r.html" | head -3
else
  ok "no <script, <img or javascript: in the bytes of the page"
fi
# An event the article gives no date for (the Kenya-EU visit) is listed
# as undated, with its article's date marked as such, not as its own.
if grep -q 'undated (article 2025-03-03)' "$tmp/r.html"; then
  ok "an undated visit is marked undated, with its article's date"
else
  bad "the undated Kenya-EU visit is not marked 'undated (article ...)'"
fi
# A right-to-left override (U+202E) in a headline must not reverse the
# dates and links after it: the elements holding page text are isolated.
if grep -q 'td,th,a,span,li,h3,p{unicode-bidi:isolate}' "$tmp/r.html"; then
  ok "page text isolated for bidi (unicode-bidi:isolate)"
else
  bad "no unicode-bidi:isolate on the elements holding page text"
fi
if command -v xmllint >/dev/null; then
  if xmllint --html --noout "$tmp/r.html" 2>"$tmp/xmllint" &&
     [ ! -s "$tmp/xmllint" ]; then
    ok "xmllint --html: no error"
  else
    bad "xmllint --html:"; head -5 "$tmp/xmllint"
  fi
fi
ng report --store "$tmp/s.db" -o "$tmp/r2.html" &&
  cmp -s "$tmp/r.html" "$tmp/r2.html" && ok "same store, same bytes" ||
  bad "two reports of one store differ"

# ------------------------------------------------------------- failures
rm -f "$tmp/r2.html"
out="$tmp/no/such/dir/r.html"
ng report --store "$tmp/s.db" -o "$out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "^newsgraph: cannot write $out: " "$tmp/err" &&
   [ "$(grep -c . "$tmp/err")" -eq 1 ]; then
  ok "missing folder: exit 1, $(cat "$tmp/err")"
else
  bad "missing folder: exit $rc"; cat "$tmp/err"
fi
mkdir "$tmp/adir"
if ng report --store "$tmp/s.db" -o "$tmp/adir" 2>"$tmp/err"; then
  bad "report onto a folder: exit 0"
elif grep -q "^newsgraph: cannot write $tmp/adir: " "$tmp/err" &&
     [ -z "$(ls -A "$tmp/adir")" ] &&
     [ -z "$(ls -A "$tmp" | grep '^adir\.')" ]; then
  ok "onto a folder: exit 1, $(cat "$tmp/err"), no temporary file left"
else
  bad "onto a folder:"; cat "$tmp/err"; ls -A "$tmp"
fi
printf 'old\n' >"$tmp/keep.html"
ng report --store "$tmp/nonexistent.db" -o "$tmp/keep.html" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && [ "$(cat "$tmp/keep.html")" = old ] &&
  ok "missing store: exit 1, the old file kept ($(cat "$tmp/err"))" ||
  bad "missing store: exit $rc, file now $(head -c 40 "$tmp/keep.html")"

# ------------------------------------------------------------ empty store
cp "$tmp/s.db" "$tmp/e.db"
for g in $(cat "$tmp/graphs"); do
  ng remove --store "$tmp/e.db" "$g" || bad "remove $g"
done
if ng report --store "$tmp/e.db" -o "$tmp/empty.html" 2>"$tmp/err" &&
   python3 "$check" page "$tmp/empty.html" \
     --expect "The store has no articles" \
     >"$tmp/check" 2>&1; then
  ok "empty store: $(cat "$tmp/check")"
else
  bad "empty store:"; cat "$tmp/err" "$tmp/check"
fi

# ------------------------------------------------------------- Chromium
chromium=
for c in chromium chromium-browser; do
  command -v "$c" >/dev/null && { chromium=$c; break; }
done
if [ -z "$chromium" ] && [ "${NG_SKIP_CHROMIUM:-}" = 1 ]; then
  echo "SKIP chromium not installed (NG_SKIP_CHROMIUM=1)"
  skipped=1
elif [ -z "$chromium" ]; then
  bad "chromium not found: apt-get install chromium (tests/packages.txt)"
else
  # No network: every host name resolves to nothing; a profile of its own.
  run_chromium() {
    HOME="$tmp/home" timeout "${CHROMIUM_TIME_LIMIT:-240}" "$chromium" \
      --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
      --no-first-run --user-data-dir="$tmp/profile" \
      --host-resolver-rules='MAP * ~NOTFOUND' "$@" 2>>"$tmp/chromium.err"
  }
  mkdir -p "$tmp/home"
  run_chromium --dump-dom "file://$tmp/r.html" >"$tmp/dom.html"
  rc=$?
  if [ $rc -ne 0 ]; then
    bad "chromium --dump-dom: exit $rc (crash or timeout)"
    tail -5 "$tmp/chromium.err"
  elif python3 "$check" page "$tmp/dom.html" \
         --expect "Most-connected entities" --expect "Sari Rahmawati" \
         --expect '<script>alert("headline")</script>' \
         --row trade "Indonesia" "Japan" "38.6 billion" USD 2024 \
         >"$tmp/check" 2>&1; then
    ok "chromium --dump-dom: $(cat "$tmp/check")"
  else
    bad "chromium --dump-dom:"; sed 's/^/  /' "$tmp/check"
  fi
  run_chromium --screenshot="$tmp/shot.png" --window-size=1024,1400 \
    --hide-scrollbars "file://$tmp/r.html" >/dev/null
  rc=$?
  if [ $rc -ne 0 ] || [ ! -s "$tmp/shot.png" ]; then
    bad "chromium --screenshot: exit $rc"; tail -5 "$tmp/chromium.err"
  elif python3 "$check" png "$tmp/shot.png" >"$tmp/check" 2>&1; then
    ok "chromium --screenshot: $(cat "$tmp/check")"
  else
    bad "chromium --screenshot: $(cat "$tmp/check")"
  fi
  [ -n "${REPORT_SHOT:-}" ] && cp "$tmp/shot.png" "$REPORT_SHOT"
fi
# Modality: a trade forecast ("expect ... to reach", "aim to double") is
# ng:Planned and its row in the trade table says so beside the figure; a
# planned membership says so in the roles table; measured figures and
# asserted facts carry no marker.
cat >"$tmp/dili.txt" <<'EOF'
url: https://example.org/news/2025/03/dili-asean
title: Timor-Leste set to join ASEAN
date: 2025-03-05
publisher: Example Wire
---
DILI, March 5 (Example Wire) -- Timor-Leste will become a member of ASEAN later this year, officials said.
EOF
ng build --store "$tmp/mod.db" "$top_srcdir/fixtures/modality/lagos-london-trade-talks.txt" \
  "$tmp/dili.txt" 2>/dev/null || bad "build the modality fixtures"
ng report --store "$tmp/mod.db" -o "$tmp/mod.html" || bad "report of the modality store"
python3 - "$tmp/mod.html" >"$tmp/mod.rows" <<'EOF'
import sys
from html.parser import HTMLParser
class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.row = None
        self.badge = False
    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        cls = dict(attrs).get("class") or ""
        if tag == "span" and "badge" in cls.split():
            self.badge = True
    def handle_endtag(self, tag):
        if tag == "tr" and self.row is not None:
            print(" ".join(" ".join(self.row).split()))
            self.row = None
        if tag == "span":
            self.badge = False
    def handle_data(self, data):
        if self.row is not None:
            self.row.append("[%s]" % data if self.badge else data)
Rows().feed(open(sys.argv[1], encoding="utf-8").read())
EOF
mrow() { grep -qF -- "$2" "$tmp/mod.rows" && ok "$1" || { bad "$1: no row with '$2' in:"; cat "$tmp/mod.rows"; }; }
mrow "report: a trade forecast marked planned" "9 billion [planned] GBP 2028"
mrow "report: a trade target marked planned" "14 billion [planned] GBP 2030"
mrow "report: a measured trade figure unmarked" "7.2 billion GBP 2025"
mrow "report: a planned membership marked in the roles table" "Timor-Leste member of [planned] ASEAN"
mrow "report: a planned visit marked in the events table" "Visit [planned] Colin Harwick Ghana"
[ $fail -eq 0 ] && [ $skipped -eq 1 ] && exit 77
exit $fail
