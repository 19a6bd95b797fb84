#!/bin/sh
# SPDX-License-Identifier: MIT
# Fault-case fixture pages: every main-text (E*) and metadata (M*) class of
# FAULT-CASES.md has whole news pages in fixtures/html/fault/, named by
# their ID; this script runs `newsgraph text` and `newsgraph extract
# --format nquads` on them and checks the class's expected behaviour. Each
# check prints "ok" or "not ok" with the class ID; the exit status is 1 if
# any check failed. M14 (a) fetches its page from the loopback test server
# (tests/http/server.py) to have a real final URL. Never touches the
# internet.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }
command -v python3 >/dev/null 2>&1 ||
  { echo "python3 not found: install python3"; exit 1; }

pages="$top_srcdir/fixtures/html/fault"
NOW=1747267200 # 2025-05-15T00:00:00Z
S='https://schema.org/'
ID='https://w3id.org/newsgraph/id/'
NG='https://w3id.org/newsgraph/ns#'
RDF='http://www.w3.org/1999/02/22-rdf-syntax-ns#'
LABEL='<http://www.w3.org/2000/01/rdf-schema#label>'
XSD='http://www.w3.org/2001/XMLSchema#'

tmp=$(mktemp -d)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
fail=0 n=0

# ---------------------------------------------------------------- helpers

# pass ID WHAT / miss ID WHAT DETAIL: one result line.
pass() {
  n=$((n + 1))
  echo "ok $n - $1 $2"
}
miss() {
  n=$((n + 1))
  fail=1
  echo "not ok $n - $1 $2"
  [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
  return 0
}

# text PAGE: `newsgraph text` of fixtures/html/fault/PAGE.html into
# $tmp/text (stderr in $tmp/err, exit status in $rc).
text() {
  "$NEWSGRAPH" --now "$NOW" text "$pages/$1.html" >"$tmp/text" 2>"$tmp/err"
  rc=$?
}

# json PAGE: `newsgraph text --json` into $tmp/json.
json() {
  "$NEWSGRAPH" --now "$NOW" text --json "$pages/$1.html" >"$tmp/json" \
    2>"$tmp/err"
  rc=$?
}

# nq PAGE [OPTIONS]: `newsgraph extract --format nquads` into $tmp/nq.
nq() {
  p=$1
  shift
  "$NEWSGRAPH" --now "$NOW" extract --format nquads "$@" "$pages/$p.html" \
    >"$tmp/nq" 2>"$tmp/err"
  rc=$?
}

# has ID WHAT FILE STRING / lacks ID WHAT FILE STRING: fixed-string test.
has() {
  if grep -qF -- "$4" "$3"; then
    pass "$1" "$2"
  else
    miss "$1" "$2" "$(basename "$3") lacks: $4"
  fi
}
lacks() {
  if grep -qF -- "$4" "$3"; then
    miss "$1" "$2" "$(basename "$3") has: $(grep -F -- "$4" "$3" | head -n 3)"
  else
    pass "$1" "$2"
  fi
}

# count ID WHAT FILE STRING N: exactly N lines of FILE contain STRING.
count() {
  got=$(grep -cF -- "$4" "$3")
  if [ "$got" = "$5" ]; then
    pass "$1" "$2"
  else
    miss "$1" "$2" "$got lines with '$4', want $5"
  fi
}

# starts ID WHAT STRING: the text begins with STRING.
starts() {
  got=$(head -c "$(printf '%s' "$3" | wc -c)" "$tmp/text")
  if [ "$got" = "$3" ]; then
    pass "$1" "$2"
  else
    miss "$1" "$2" "text starts: $(head -c 120 "$tmp/text")"
  fi
}

# order ID WHAT A B C...: the strings occur in the text in this order.
order() {
  id=$1 what=$2
  shift 2
  if awk -v n="$#" '
      BEGIN { for (i = 1; i <= n; i++) want[i] = ARGV[i]; ARGC = 1 }
      { all = all $0 "\n" }
      END {
        pos = 0
        for (i = 1; i <= n; i++) {
          k = index(substr(all, pos + 1), want[i])
          if (k == 0) { print "missing or out of order: " want[i]; exit 1 }
          pos += k
        }
      }' "$@" <"$tmp/text" >"$tmp/order"; then
    pass "$id" "$what"
  else
    miss "$id" "$what" "$(cat "$tmp/order")"
  fi
}

# status ID WHAT WANT: the last command's exit status is WANT (or, with
# WANT "nonzero", anything but 0).
status() {
  if [ "$3" = nonzero ] && [ "$rc" -ne 0 ]; then
    pass "$1" "$2"
  elif [ "$3" = "$rc" ]; then
    pass "$1" "$2"
  else
    miss "$1" "$2" "exit status $rc, want $3; stderr: $(head -c 300 "$tmp/err")"
  fi
}

# dt PROPERTY VALUE TYPE: predicate and object of an xsd-typed literal.
dt() {
  echo "<$S$1> \"$2\"^^<$XSD$3>"
}

# -------------------------------------------------- E: main-text extraction

# E01: the body sits in an <aside>; the consent banner is not the text.
text E01-cookie-banner-aside
status E01 "article page extracts" 0
nq E01-cookie-banner-aside
has E01 "an article node is written" "$tmp/nq" \
  "<${RDF}type> <${S}NewsArticle>"
lacks E01 "no entity from the banner (no 'partners' organisation)" \
  "$tmp/nq" "partners"
starts E01 "text starts with the aside's first paragraph" \
  "Dockworkers in Valparaíso, Chile, ended a six-day strike"
order E01 "all three aside paragraphs, in order" \
  "Dockworkers in Valparaíso" "The stoppage had left" \
  "Union spokesman Teodoro Ancalaf"
lacks E01 "no cookie banner text" "$tmp/text" "cookies"
lacks E01 "no consent buttons" "$tmp/text" "Accept all"
lacks E01 "no readers' comments" "$tmp/text" "Finally some good news"
lacks E01 "no related links" "$tmp/text" "Rubber prices"

# E02: a paragraph that is all link (and bold) is body text; on a short
# article the cookie banner and comments still stay out.
text E02-linked-paragraph
order E02 "three paragraphs in order, the linked one kept" \
  "Prosecutors in Kenya told a court" \
  "On Friday the three men denied the charge and were remanded" \
  "The Kenya Wildlife Service said"
lacks E02 "no read-more link line" "$tmp/text" "Read more"
lacks E02 "no cookie banner on a short article" "$tmp/text" "cookies"
lacks E02 "no readers' comments on a short article" "$tmp/text" \
  "Finally some good news"
lacks E02 "no comment author handles" "$tmp/text" "k_lindqvist"
nq E02-linked-paragraph --nif
has E02 "the linked sentence is in the NIF context the relations read" \
  "$tmp/nq" '\n\nOn Friday the three men denied the charge and were remanded'

# E03: a section front of teasers is refused, with a reason, as a failed
# input; it never becomes an invented article.
text E03-section-index
status E03 "text: index page fails" 1
has E03 "text: the reason is given" "$tmp/err" \
  "no article text in $pages/E03-section-index.html"
if [ -s "$tmp/text" ]; then
  miss E03 "text: nothing on standard output" "$(head -c 200 "$tmp/text")"
else
  pass E03 "text: nothing on standard output"
fi
nq E03-section-index
status E03 "extract: index page fails" 1
has E03 "extract: the reason is given" "$tmp/err" \
  "no article text in $pages/E03-section-index.html"
count E03 "extract: no triples at all (no schema:NewsArticle)" "$tmp/nq" \
  "<" 0

# E04: caption and photo credit are not body text; the photographer is
# not a person of the story nor an author.
text E04-photo-caption-credit
order E04 "body paragraphs around the figure kept, in order" \
  "Negotiators from the European Union and Mercosur" \
  "Portugal's economy minister said" "A final round is planned"
lacks E04 "no figcaption/cutline in the body" "$tmp/text" "Delegates arrive"
lacks E04 "no photo credit in the body" "$tmp/text" "Odile Varga"
lacks E04 "no agency credit in the body" "$tmp/text" "Wirepix"
nq E04-photo-caption-credit
lacks E04 "photographer is no ng:Person" "$tmp/nq" "person/odile-varga"
lacks E04 "photographer is no label anywhere" "$tmp/nq" "Odile Varga"
count E04 "one schema:author, the byline's" "$tmp/nq" "<${S}author>" 1
has E04 "the author is the reporter, not the photographer" "$tmp/nq" \
  "<${S}author> <${ID}person/henrik-solberg>"
has E04 "the reporter is an ng:Person" "$tmp/nq" \
  "<${ID}person/henrik-solberg> <${RDF}type> <${NG}Person>"

# E05: a short lead and a body split around adverts: all parts, in order.
text E05-split-body-lead
starts E05 "the short lead opens the text" "Buses get their own lane."
order E05 "lead and the three body containers in order" \
  "Buses get their own lane." "The county assembly in Nairobi" \
  "Work on the 14-kilometre corridor" "Taxi drivers said they would"
lacks E05 "no advert slots" "$tmp/text" "Advertisement"

# -------------------------------------------------------- M: metadata

# M01: site suffix after an en dash goes, the colon part stays; JSON-LD
# "name" (the site) is not the headline.
nq M01-title-site-suffix
count M01 "exactly one schema:headline" "$tmp/nq" "<${S}headline>" 1
has M01 "headline exact, colon part kept (en dash suffix)" "$tmp/nq" \
  "<${S}headline> \"Drought: What Farmers in Kenya Face\"@en"
has M01 "publisher is the site" "$tmp/nq" \
  "<${ID}organization/the-lakeside-courier> $LABEL \"The Lakeside Courier\""
has M01 "article's publisher" "$tmp/nq" \
  "<${S}publisher> <${ID}organization/the-lakeside-courier>"
nq M01-title-og-suffix
has M01 "og:title ' - Site' suffix stripped, colon part kept" "$tmp/nq" \
  "<${S}headline> \"Port Fees: Why Rotterdam Is Raising Them Again\"@en"

# M02: entities decoded exactly once.
nq M02-entities-og-title
has M02 "&#039; and &amp; decoded once" "$tmp/nq" \
  "<${S}headline> \"Kenya's tea growers & buyers agree on prices\"@en"
lacks M02 "no undecoded entity left" "$tmp/nq" "&#039;"
nq M02-entities-double-escaped-h1
has M02 "&amp;lt; decoded once to the text &lt;" "$tmp/nq" \
  "<${S}headline> \"Browser makers retire the &lt;marquee&gt; tag\"@en"
lacks M02 "not decoded twice into markup" "$tmp/nq" "<marquee>"

# M03: the only date is in author-written JSON-LD.
for v in trailing-semicolon cdata raw-newline several-blocks graph \
    broken-block; do
  nq "M03-jsonld-$v"
  status M03 "$v: extracts" 0
  has M03 "$v: datePublished from JSON-LD" "$tmp/nq" \
    "$(dt datePublished 2021-03-04T10:00:00+01:00 dateTime)"
done
nq M03-jsonld-raw-newline
has M03 "raw newline in a JSON-LD string folded to a space" "$tmp/nq" \
  "<${S}headline> \"Reservoir levels fall across southern Spain\"@en"
nq M03-jsonld-broken-block
has M03 "an unparseable block is skipped with a warning" "$tmp/err" \
  "skipping malformed JSON-LD block"

# M05: byline noise: only the person in the byline is an author.
nq M05-byline-noise
count M05 "exactly one schema:author" "$tmp/nq" "<${S}author>" 1
has M05 "the author is the byline's person" "$tmp/nq" \
  "<${S}author> <${ID}person/irene-castell>"
has M05 "publisher is the site named in meta author" "$tmp/nq" \
  "<${S}publisher> <${ID}organization/the-straits-ledger>"
lacks M05 "publisher is not a person" "$tmp/nq" "person/the-straits-ledger"
lacks M05 "no 'Email the author' person" "$tmp/nq" "person/email"
lacks M05 "no handle as a person" "$tmp/nq" "icastell>"
lacks M05 "name from the related-stories widget appears nowhere" "$tmp/nq" \
  "Tobias Mwangi"
has M05 "date from the wire dateline" "$tmp/nq" \
  "$(dt datePublished 2024-03-03 date)"
has M05 "dateline place found" "$tmp/nq" \
  "<${S}mentions> <${ID}city/kuala-lumpur>"
text M05-byline-noise
starts M05 "body starts with the dateline, not removed as a byline" \
  "KUALA LUMPUR/LEDGER WIRE/March 3, 2024/ Ministers from Malaysia"
lacks M05 "no byline line in the body" "$tmp/text" "Email the author"

# M07: several authors, a suffix kept with its name.
nq M07-two-meta-authors
count M07 "two schema:author from two meta tags" "$tmp/nq" "<${S}author>" 2
has M07 "first author with 'Jr.' kept" "$tmp/nq" \
  "$LABEL \"Rafael Mendes, Jr.\""
has M07 "second author" "$tmp/nq" "<${S}author> <${ID}person/ama-boateng>"
lacks M07 "'Jr.' is never its own person" "$tmp/nq" "person/jr"
nq M07-jsonld-three-authors
count M07 "three schema:author from a JSON-LD list" "$tmp/nq" \
  "<${S}author>" 3
for a in linh-tran oskar-berg priya-nair; do
  has M07 "JSON-LD author $a" "$tmp/nq" "<${S}author> <${ID}person/$a>"
done
nq M07-printed-byline
count M07 "printed byline: three schema:author" "$tmp/nq" "<${S}author>" 3
has M07 "printed byline: 'Jr.' stays with its name" "$tmp/nq" \
  "$LABEL \"Tomás Ferreira, Jr.\""
for a in leila-haddad kofi-mensah; do
  has M07 "printed byline: author $a" "$tmp/nq" \
    "<${S}author> <${ID}person/$a>"
done
lacks M07 "printed byline: 'Jr.' is never its own person" "$tmp/nq" \
  "person/jr>"
lacks M07 "byline of a most-read teaser is nobody's" "$tmp/nq" \
  "Tobias Mwangi"

# M09: 12-hour clock.
nq M09-pm-time
has M09 "3:05 PM is 15:05, zone from the page's other date" "$tmp/nq" \
  "$(dt datePublished 2024-03-12T15:05:00+08:00 dateTime)"
nq M09-midnight
has M09 "12:30 a.m. is 00:30" "$tmp/nq" \
  "$(dt datePublished 2024-03-12T00:30:00 dateTime)"
nq M09-noon
has M09 "12:10 PM is 12:10" "$tmp/nq" \
  "$(dt datePublished 2024-03-12T12:10:00 dateTime)"
text M09-noon
starts M09 "the printed time line is not body text" \
  "The city council of Lisbon approved"

# M10: time zones.
nq M10-ist-en-in
has M10 "IST on an en-IN page is +05:30" "$tmp/nq" \
  "$(dt datePublished 2018-02-17T16:15:00+05:30 dateTime)"
nq M10-ist-no-locale
has M10 "IST with no locale clue: no offset guessed" "$tmp/nq" \
  "$(dt datePublished 2018-02-17T16:15:00 dateTime)"
has M10 "... and a warning says so" "$tmp/err" \
  "ambiguous time-zone abbreviation"
nq M10-jsonld-naive
has M10 "naive JSON-LD time: seconds added, no Z invented" "$tmp/nq" \
  "$(dt datePublished 2018-04-05T06:00:00 dateTime)"

# M11: date order per locale, ISO, compact.
nq M11-dmy-en-gb
has M11 "15/4/2019 on en-GB" "$tmp/nq" "$(dt datePublished 2019-04-15 date)"
text M11-dmy-en-gb
lacks M11 "the printed date line is not body text" "$tmp/text" "15/4/2019"
nq M11-dmy-en-gb-small-day
has M11 "2/5/2019 on en-GB is 2 May" "$tmp/nq" \
  "$(dt datePublished 2019-05-02 date)"
nq M11-mdy-en-us
has M11 "2/5/2019 on en-US is 5 February" "$tmp/nq" \
  "$(dt datePublished 2019-02-05 date)"
nq M11-iso-en-gb
has M11 "ISO 2023-11-08 on en-GB stays YMD" "$tmp/nq" \
  "$(dt datePublished 2023-11-08 date)"
nq M11-compact
has M11 "compact 20110101" "$tmp/nq" "$(dt datePublished 2011-01-01 date)"

# M12: published and modified kept apart (the RDF has datePublished
# only, VOCABULARY.md "Article"; the JSON metadata has both).
nq M12-published-modified
has M12 "published from article:published_time" "$tmp/nq" \
  "$(dt datePublished 2024-03-01T09:00:00Z dateTime)"
count M12 "one datePublished, not the 'Updated' line" "$tmp/nq" \
  "<${S}datePublished>" 1
json M12-published-modified
has M12 "JSON: published and modified apart" "$tmp/json" \
  '"datePublished":"2024-03-01T09:00:00Z","dateModified":"2024-03-02T17:30:00Z"'
nq M12-modified-before-published
has M12 "modified earlier than published: published kept" "$tmp/nq" \
  "$(dt datePublished 2024-03-02T17:30:00Z dateTime)"
json M12-modified-before-published
has M12 "JSON: both kept, not swapped" "$tmp/json" \
  '"datePublished":"2024-03-02T17:30:00Z","dateModified":"2024-03-01T09:00:00Z"'

# M13: old dates are plausible; the copyright year never is a date.
nq M13-old-date-footer
has M13 "1991 machine date kept" "$tmp/nq" \
  "$(dt datePublished 1991-01-02T01:01:00+01:00 dateTime)"
count M13 "one datePublished (no sidebar date)" "$tmp/nq" \
  "<${S}datePublished>" 1
nq M13-copyright-only
lacks M13 "no datePublished from the copyright year" "$tmp/nq" \
  "<${S}datePublished>"
nq M13-future-date
has M13 "future machine date rejected for the printed one" "$tmp/nq" \
  "$(dt datePublished 2025-05-14 date)"
lacks M13 "no 2999 date" "$tmp/nq" "2999-"

# M14: canonical URL resolved, checked, or ignored. (a) over loopback.
python3 "$top_srcdir/tests/http/server.py" "$pages" "$tmp/port" "$tmp/log" &
srv_pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -le 100 ]; do
  i=$((i + 1))
  sleep 0.1
done
port=$(cat "$tmp/port" 2>/dev/null)
[ -n "$port" ] || { echo "server did not start" >&2; exit 99; }
base="http://127.0.0.1:$port"
fetch() {
  "$NEWSGRAPH" --now "$NOW" extract --format nquads --allow-private \
    --delay 0 --retries 0 "$base/page/$1.html" >"$tmp/nq" 2>"$tmp/err"
  rc=$?
}
# article IRI = schema:url = graph name
self() {
  echo "<$1> <${S}url> <$1> <$1> ."
}
fetch M14-relative-canonical
status M14 "relative canonical: fetched" 0
has M14 "relative canonical resolved against the final URL" "$tmp/nq" \
  "$(self "$base/world/2024/lisbon-talks")"
lacks M14 "no relative IRI written" "$tmp/nq" "</world/"
fetch M14-malformed-canonical
has M14 "host-less canonical rejected, og:url used" "$tmp/nq" \
  "$(self "$base/world/2024/lisbon-talks")"
lacks M14 "no host-less IRI written" "$tmp/nq" "https:///"
fetch M14-home-canonical
has M14 "home-page canonical rejected, final URL used" "$tmp/nq" \
  "$(self "$base/page/M14-home-canonical.html")"
lacks M14 "the home page is never the article" "$tmp/nq" \
  "<https://courier.example/>"
# and from a file, with no base: relative and home canonicals ignored
nq M14-relative-canonical
has M14 "file: relative canonical ignored, content IRI" "$tmp/nq" \
  "<urn:sha256:"
lacks M14 "file: no schema:url from a relative canonical" "$tmp/nq" \
  "<${S}url>"

# M15: the content's language, not <html lang>.
nq M15-malay-lang-en
has M15 "inLanguage detected from the Malay text" "$tmp/nq" \
  "<${S}inLanguage> \"ms\""
lacks M15 "declared en not used" "$tmp/nq" "<${S}inLanguage> \"en\""
has M15 "headline tagged @ms" "$tmp/nq" \
  "<${S}headline> \"Menteri luar bertemu di Putrajaya\"@ms"
lacks M15 "no @en literal" "$tmp/nq" "\"@en "

echo "1..$n"
exit "$fail"
