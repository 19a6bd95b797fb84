#!/bin/sh
# SPDX-License-Identifier: MIT
# newsgraph draw (issue 8) over a store built from fixtures/articles: an
# entity's neighbourhood and an article's graph as SVG (parsed as XML by
# python3: labels and relation names present, no IRI drawn as a label,
# classes as fill colours, a legend), PNG (the signature) and DOT; a
# dense neighbourhood capped at 40 facts with what was left out said; a
# name shared by two entities; unknown entities and graphs (exit 1, a
# message naming them, no output file, an existing one untouched); and an
# article made here with quotes, <, >, backslash escapes, a control
# character, RTL marks and emoji in names and headline, still valid XML.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }
NOW=1747267200
S=$tmp/news.db
"$NEWSGRAPH" -q build --now $NOW --store "$S" "$top_srcdir"/fixtures/articles/* \
  2>"$tmp/build.err" || { echo "FAIL build"; cat "$tmp/build.err"; exit 1; }
draw() { "$NEWSGRAPH" draw --store "$S" "$@"; }

# svgtab FILE: the SVG parsed as XML, one line per node and edge ("node" or
# "edge", its texts joined by " / ", the first filled shape's colour),
# then "text" lines with every <text>; exit 1 if it does not parse.
svgtab() {
  python3 - "$1" <<'EOF'
import signal, sys, xml.etree.ElementTree as ET
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
ns = "{http://www.w3.org/2000/svg}"
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception as e:
    print("parse error: %s" % e, file=sys.stderr)
    sys.exit(1)
if root.tag != ns + "svg":
    sys.exit(1)
text = lambda el: "".join(el.itertext()).strip()
for g in root.iter(ns + "g"):
    kind = g.get("class")
    if kind in ("node", "edge"):
        fill = ""
        for sh in g.iter():
            if sh.tag in (ns + "ellipse", ns + "polygon", ns + "path") and \
               sh.get("fill") not in (None, "none", "white", "#ffffff"):
                fill = sh.get("fill")
                break
        texts = [text(t) for t in g.iter(ns + "text")]
        print("%s\t%s\t%s" % (kind, " / ".join(texts), fill))
for t in root.iter(ns + "text"):
    print("text\t" + text(t))
EOF
}
# has FILE PATTERN WHAT: a fixed-string line check
has() {
  if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3: no '$2' in:"; cat "$1"; fi
}

# ---------------------------------------------- an entity, by its name
draw --entity 'valdivieso' -o "$tmp/p.svg" 2>"$tmp/p.err"
rc=$?
if [ $rc -eq 0 ] && svgtab "$tmp/p.svg" >"$tmp/p.tab"; then
  ok "draw --entity valdivieso: exit 0, the SVG parses as XML"
  has "$tmp/p.tab" "node	Andrés Valdivieso	#cfe2f3" "the person, by altLabel ignoring case, filled as a person"
  has "$tmp/p.tab" "node	Chile	#d9ead3" "a country he heads, filled as a country"
  has "$tmp/p.tab" "node	Buenos Aires	" "the city he visits, by its label"
  # "Valdivieso will travel to Buenos Aires": a planned visit says so
  has "$tmp/p.tab" "edge	visits (planned)	" "the relation 'visits' on an edge, marked planned"
  has "$tmp/p.tab" "edge	head of state of	" "the relation 'head of state of' on an edge"
  has "$tmp/p.tab" "text	legend" "a legend"
  if grep -E '^(node|text).*(https?:|w3id\.org|urn:)' "$tmp/p.tab"; then
    bad "an IRI is drawn as a label (above)"
  else
    ok "no IRI drawn as a label"
  fi
else
  bad "draw --entity valdivieso: exit $rc, or the SVG does not parse"
  cat "$tmp/p.err"
fi

# PNG and DOT, chosen by -o's extension; SVG on standard output by default
draw --entity 'Andrés Valdivieso' -o "$tmp/p.png" 2>"$tmp/png.err"
if [ "$(head -c 8 "$tmp/p.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = \
     89504e470d0a1a0a ] && [ "$(wc -c <"$tmp/p.png")" -gt 2000 ]; then
  ok "-o p.png: a PNG of $(wc -c <"$tmp/p.png") bytes"
else
  bad "-o p.png is not a PNG"; cat "$tmp/png.err"
fi
draw --entity 'Andrés Valdivieso' -o "$tmp/p.dot" 2>/dev/null
if head -1 "$tmp/p.dot" | grep -q '^digraph' &&
   grep -q 'label="head of state of"' "$tmp/p.dot"; then
  ok "-o p.dot: DOT with the relation names"
else
  bad "-o p.dot:"; head -5 "$tmp/p.dot"
fi
draw --entity 'Andrés Valdivieso' >"$tmp/out.svg" 2>/dev/null
if svgtab "$tmp/out.svg" | grep -q '^node	Andrés Valdivieso'; then
  ok "without -o: SVG on standard output"
else
  bad "without -o: no SVG on standard output"
fi

# ------------------------------------------------------ an article graph
G=https://andeswire.example/economia/2025/03/chile-argentina-litio-tren
draw --graph "$G" -o "$tmp/g.svg" 2>"$tmp/g.err"
rc=$?
if [ $rc -eq 0 ] && svgtab "$tmp/g.svg" >"$tmp/g.tab"; then
  ok "draw --graph: exit 0, the SVG parses as XML"
  has "$tmp/g.tab" "Chile and Argentina agree to share lithium data" "the headline as the title"
  has "$tmp/g.tab" "node	Mercosur	" "an organization of the article"
  has "$tmp/g.tab" "edge	member of	" "the relation 'member of' on an edge"
  has "$tmp/g.tab" "edge	minister of	" "the relation 'minister of' on an edge"
  has "$tmp/g.tab" "also mentioned:" "entities without facts in one box"
  if grep -E '^(node|text).*(https?:|w3id\.org)' "$tmp/g.tab"; then
    bad "an IRI is drawn as a label (above)"
  else
    ok "no IRI drawn as a label"
  fi
else
  bad "draw --graph: exit $rc, or the SVG does not parse"; cat "$tmp/g.err"
fi
draw --graph "$G" --format png >"$tmp/g.png" 2>/dev/null
if [ "$(head -c 4 "$tmp/g.png" | od -An -tx1 | tr -d ' \n')" = 89504e47 ]; then
  ok "draw --graph --format png"
else
  bad "draw --graph --format png is not a PNG"
fi

# --------------------------------------------------------------- errors
echo keep >"$tmp/keep.svg"
for what in "--entity Zyxwvutnobody" "--graph https://nowhere.example/no-such-article"; do
  name=${what#* }
  # shellcheck disable=SC2086
  draw $what -o "$tmp/keep.svg" >"$tmp/e.out" 2>"$tmp/e.err"
  rc=$?
  if [ $rc -eq 1 ] && grep -q "^newsgraph: .*$name" "$tmp/e.err" &&
     [ ! -s "$tmp/e.out" ] && [ "$(cat "$tmp/keep.svg")" = keep ] &&
     [ "$(ls "$tmp" | grep -c 'keep\.svg')" -eq 1 ]; then
    ok "draw $what: exit 1, $(head -1 "$tmp/e.err")"
  else
    bad "draw $what: exit $rc, stderr '$(cat "$tmp/e.err")', or -o touched"
  fi
done
# -o x.jpg must not get SVG bytes under a JPEG name.
draw --entity Chile -o "$tmp/x.jpg" 2>"$tmp/e.err"
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/x.jpg" ] &&
   grep -q '^newsgraph: cannot write .*x.jpg: draw writes svg' "$tmp/e.err" &&
   [ "$(wc -l <"$tmp/e.err")" -eq 1 ]; then
  ok "-o x.jpg refused: $(cat "$tmp/e.err")"
else
  bad "-o x.jpg: exit $rc, stderr '$(cat "$tmp/e.err")'"
fi
draw --entity Chile -o "$tmp/no/such/dir/x.svg" 2>"$tmp/e.err"
rc=$?
if [ $rc -eq 1 ] && grep -q '^newsgraph: cannot write .*x.svg' "$tmp/e.err"; then
  ok "unwritable -o: exit 1, $(cat "$tmp/e.err")"
else
  bad "unwritable -o: exit $rc, $(cat "$tmp/e.err")"
fi
# -o through a symbolic link writes its target and keeps the link
ln -s target.svg "$tmp/link.svg"
draw --entity Chile -o "$tmp/link.svg" 2>/dev/null
if [ -L "$tmp/link.svg" ] && svgtab "$tmp/target.svg" | grep -q '^node	Chile'; then
  ok "-o a symbolic link: its target written, the link kept"
else
  bad "-o a symbolic link replaced it or did not write its target"
fi

# -------------------------------------- a name two entities share
draw --entity zhou -o "$tmp/z.svg" 2>"$tmp/z.err"
if grep -q '^newsgraph: 2 entities are named zhou; drawing the most connected' \
     "$tmp/z.err" && svgtab "$tmp/z.svg" | grep -q 'other entity of that name'; then
  ok "a shared name: the most connected drawn, said on stderr and in the picture"
else
  bad "a shared name:"; cat "$tmp/z.err"
fi

# ------------------------------------------------ a dense neighbourhood
# One article where Kenya signs with 46 countries (our own words).
D=$tmp/dense.db
python3 - "$tmp/dense.txt" <<'EOF'
import sys
cs = ("France Germany Italy Spain Portugal Japan China India Brazil Chile "
      "Peru Mexico Canada Egypt Morocco Nigeria Ghana Ethiopia Tanzania "
      "Uganda Rwanda Angola Zambia Malawi Botswana Namibia Senegal Mali "
      "Niger Chad Sudan Somalia Djibouti Eritrea Oman Qatar Kuwait Jordan "
      "Turkey Greece Poland Austria Sweden Norway Finland Denmark").split()
with open(sys.argv[1], "w") as f:
    f.write("title: Kenya signs many agreements\ndate: 2025-06-02\n---\n")
    for c in cs:
        f.write("Kenya and %s signed an agreement in Nairobi on Monday.\n\n" % c)
EOF
"$NEWSGRAPH" -q build --now $NOW --store "$D" --url https://dense.example/a \
  "$tmp/dense.txt" 2>"$tmp/build.err" || { bad "build dense"; cat "$tmp/build.err"; }
"$NEWSGRAPH" draw --store "$D" --entity Kenya -o "$tmp/d.svg" 2>"$tmp/d.err"
n_facts=$("$NEWSGRAPH" entity --store "$D" Kenya | sed '1,/^relation	/d' |
  grep -c .)
n_edges=$(svgtab "$tmp/d.svg" | grep -c '^edge')
left=$((n_facts - 40))
if [ "$n_facts" -gt 40 ] && [ "$n_edges" -eq 40 ] &&
   grep -q "leaving out $left\$" "$tmp/d.err" &&
   svgtab "$tmp/d.svg" | grep -q "are drawn, $left left out"; then
  ok "dense: $n_edges of $n_facts facts drawn, '$left left out' in the picture and on stderr"
else
  bad "dense: $n_edges edges for $n_facts facts; stderr: $(cat "$tmp/d.err")"
fi

# ------------------------------------------------------- hostile names
H=$tmp/hostile.db
python3 - "$tmp/hostile.html" <<'EOF'
import json, sys
RLM, LRM, EMO, CLEF = "\u200f", "\u200e", "\U0001F600", "\U0001D11E"
ld = {"@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "Port \"deal\" > talks \\N \\G end &amp;#1; \x01 " + RLM +
                  "\u0645\u0631\u062d\u0628\u0627 " + EMO + CLEF,
      "author": [{"@type": "Person", "name": "Ana \"Slim\" Kova"},
                 {"@type": "Person", "name": "Dana " + RLM + "Kwe " + EMO},
                 {"@type": "Person", "name": "Lev <b>Marr</b> & \\N"}],
      "datePublished": "2025-03-04"}
P = ("<p>Harbour workers in Orlan ended a five-day strike on Monday after "
     "talks with the port authority. Union leader Mira Osei said the deal "
     "protects jobs.</p>")
body = ("<h1>Port deal</h1>" + P * 3 +
        "<p>Kenyan President William Ruto met Ana &quot;Slim&quot; Kova in "
        "Geneva on Monday. Ruto later visited France.</p>")
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("<html lang=\"en\"><head><title>Port deal</title>"
            "<link rel=\"canonical\" href=\"https://hostile.example/port?a=1&amp;b=%3C\">"
            "<script type=\"application/ld+json\">" + json.dumps(ld) +
            "</script></head><body><article>" + body +
            "</article></body></html>")
EOF
"$NEWSGRAPH" -q build --now $NOW --store "$H" "$tmp/hostile.html" \
  2>"$tmp/build.err" || { bad "build hostile"; cat "$tmp/build.err"; }
HG='https://hostile.example/port?a=1&b=%3C'
"$NEWSGRAPH" draw --store "$H" --graph "$HG" -o "$tmp/h.svg" 2>"$tmp/h.err"
rc=$?
if [ $rc -eq 0 ] && svgtab "$tmp/h.svg" >"$tmp/h.tab"; then
  ok "hostile names: exit 0, the SVG parses as XML"
  has "$tmp/h.tab" 'Ana "Slim" Kova' "a name with quotes kept"
  has "$tmp/h.tab" "$(printf 'Kwe \360\237\230\200')" "a name with an RTL mark and an emoji kept"
  has "$tmp/h.tab" 'Port "deal" > talks \N \G end &#1;' "the headline's quotes, >, backslash escapes and '&#1;' drawn as text"
  if grep -q "$(printf '\001')" "$tmp/h.svg"; then
    bad "a control character reached the SVG"
  else
    ok "no control character in the SVG"
  fi
else
  bad "hostile names: exit $rc, or the SVG does not parse"; cat "$tmp/h.err"
fi
for f in png dot; do
  "$NEWSGRAPH" draw --store "$H" --graph "$HG" --format $f -o "$tmp/h.$f" \
    2>"$tmp/h.err" || bad "hostile names as $f: $(cat "$tmp/h.err")"
done
grep -q 'Port \\"deal\\" > talks \\\\N' "$tmp/h.dot" &&
  ok "hostile names in DOT: quotes and backslashes escaped" ||
  { bad "hostile names in DOT:"; grep label "$tmp/h.dot" | head -3; }
"$NEWSGRAPH" draw --store "$H" --entity 'Ana "Slim" Kova' -o "$tmp/a.svg" \
  2>"$tmp/a.err"
if svgtab "$tmp/a.svg" | grep -qF 'node	Ana "Slim" Kova'; then
  ok "draw --entity 'Ana \"Slim\" Kova': valid SVG with the name"
else
  bad "draw --entity 'Ana \"Slim\" Kova': $(cat "$tmp/a.err")"
fi

# ------------------------------------------- modality (VOCABULARY.md)
# A fact an article only plans, reports or denies is drawn dashed, its
# relation marked; an asserted one solid and unmarked; a denied fact
# (never a plain triple) from its statement. DOT keeps the attributes.
M=$tmp/modality.db
"$NEWSGRAPH" -q build --now $NOW --store "$M" \
  "$top_srcdir/fixtures/modality/lagos-london-trade-talks.txt" 2>/dev/null ||
  bad "build the modality fixture"
# dotedges FILE: one line per DOT edge, its attributes joined
dotedges() { tr -d '\n\t' <"$1" | sed 's/;/;\n/g' | grep -e '->'; }
"$NEWSGRAPH" draw --store "$M" --entity 'Colin Harwick' -o "$tmp/m.dot" 2>/dev/null ||
  bad "draw --entity 'Colin Harwick'"
dotedges "$tmp/m.dot" >"$tmp/m.edges"
grep 'label="visits (planned)"' "$tmp/m.edges" | grep -q 'style=dashed' &&
  ok "entity: a planned visit drawn dashed, marked (planned)" || { bad "planned visit:"; cat "$tmp/m.edges"; }
grep 'label="meets (denied)"' "$tmp/m.edges" | grep -q 'style=dashed' &&
  ok "entity: a denied meeting drawn dashed, marked (denied)" || { bad "denied meeting:"; cat "$tmp/m.edges"; }
grep 'label=visits,' "$tmp/m.edges" | grep -q -v 'dashed' &&
  ok "entity: an asserted visit solid, unmarked" || { bad "asserted visit:"; cat "$tmp/m.edges"; }
"$NEWSGRAPH" draw --store "$M" --graph https://example.org/news/2026/03/lagos-london-trade-talks \
  -o "$tmp/mg.dot" 2>/dev/null || bad "draw --graph of the modality fixture"
dotedges "$tmp/mg.dot" >"$tmp/mg.edges"
grep 'label="meets (reported)"' "$tmp/mg.edges" | grep -q 'style=dashed' &&
  grep 'label="meets (denied)"' "$tmp/mg.edges" | grep -q 'style=dashed' &&
  grep 'label="visits (planned)"' "$tmp/mg.edges" | grep -q 'style=dashed' &&
  grep 'label=meets,' "$tmp/mg.edges" | grep -q -v 'dashed' &&
  ok "graph: reported, denied and planned facts dashed and marked, asserted solid" ||
  { bad "graph modality:"; cat "$tmp/mg.edges"; }
exit $fail
