#!/usr/bin/env python3
"""Checks the facts the seed article must yield (end-to-end issue, "Tests").

usage: seed.py FILE.nq   (N-Quads written by `newsgraph extract`)
Exit 1 with one line per missing fact."""
import re
import sys
from collections import defaultdict

NG = "https://w3id.org/newsgraph/ns#"
ID = "https://w3id.org/newsgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SCHEMA = "https://schema.org/"
TERM = re.compile(r'\s*(?:<([^>]*)>|(_:\S+)|"((?:[^"\\]|\\.)*)"(?:@[\w-]+|\^\^<[^>]*>)?)')

out = defaultdict(lambda: defaultdict(set))
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        terms, pos = [], 0
        while len(terms) < 3:
            m = TERM.match(line, pos)
            if not m or m.end() == pos:
                break
            pos = m.end()
            terms.append(m.group(1) or m.group(2) or m.group(3))
        if len(terms) == 3:
            out[terms[0]][terms[1]].add(terms[2])

putin, anwar = ID + "person/vladimir-putin", ID + "person/anwar-ibrahim"
russia, malaysia = ID + "country/russia", ID + "country/malaysia"
brics, asean = ID + "organization/brics", ID + "organization/asean"
missing = []


def has(s, p, o, sym=False):
    return o in out[s][NG + p] or (sym and s in out[o][NG + p])


def typed(cls):
    return [s for s in out if NG + cls in out[s][RDF_TYPE]]


if not has(putin, "meets", anwar, sym=True):
    missing.append("Putin meets Anwar")
if not any(anwar in out[v][NG + "agent"] and russia in out[v][NG + "destination"]
           and "2025-05-13" in out[v][NG + "startDate"]
           and "2025-05-16" in out[v][NG + "endDate"] for v in typed("Visit")):
    missing.append("Visit: Anwar to Russia 2025-05-13..2025-05-16")
if not has(anwar, "visits", russia):
    missing.append("Anwar visits Russia")
if not has(malaysia, "partnerOf", brics):
    missing.append("Malaysia partnerOf BRICS")
if not has(malaysia, "chairs", asean):
    missing.append("Malaysia chairs ASEAN")
for value, cur in (("11460000000", "MYR"), ("2480000000", "USD")):
    if not any(value in out[t][SCHEMA + "value"] and cur in out[t][SCHEMA + "currency"]
               and "2024" in out[t][NG + "year"]
               and {russia, malaysia} <= out[t][NG + "party"]
               for t in typed("TradeFigure")):
        missing.append(f"TradeFigure {value} {cur} 2024 Russia/Malaysia")
quotes = [q for q in typed("Quotation") if putin in out[q][NG + "speaker"]]
starts = ("Russia and Malaysia have a long tradition", "We spoke in detail",
          "We are glad that our Malaysian friends")
for start in starts:
    if not any(any(t.startswith(start) for t in out[q][SCHEMA + "text"]) for q in quotes):
        missing.append(f"Quotation by Putin: {start}")
for m in missing:
    print("missing:", m)
sys.exit(1 if missing else 0)
