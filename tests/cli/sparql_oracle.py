# SPDX-License-Identifier: MIT
# Compares `newsgraph query` with rdflib's SPARQL engine (an independent
# implementation) over the same store, exported as N-Quads: the answers of
# each query must be the same multiset of rows. Used by optional.sh.
#
# usage: sparql_oracle.py NEWSGRAPH STORE NQUADS QUERIES.rq
#   QUERIES.rq holds queries separated by lines "#--- NAME [set]".
# The store's default graph is the union of its graphs as a bag (a triple
# in two article graphs matches twice), rdflib's is their RDF merge (a
# set): a query with patterns outside GRAPH is marked "set" and its
# answers are compared as sets of distinct rows.
# Prints one line per query (same/DIFF, row counts) and exits 1 when a
# query's answers differ, 2 when the harness itself fails.
import collections
import json
import subprocess
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def load(nquads):
    ds = rdflib.ConjunctiveGraph()
    ds.parse(nquads, format="nquads")
    return ds


def split_queries(text):
    out, name, body = [], None, []
    for line in text.splitlines():
        if line.startswith("#--- "):
            if name:
                out.append((name, "\n".join(body)))
            name, body = line[5:].strip(), []
        else:
            body.append(line)
    if name:
        out.append((name, "\n".join(body)))
    return out


def rdflib_term(t):
    if t is None:
        return None
    if isinstance(t, rdflib.URIRef):
        return ("uri", str(t))
    if isinstance(t, rdflib.BNode):
        return ("bnode",)
    dt = str(t.datatype) if t.datatype else ""
    if dt == XSD_STRING:
        dt = ""
    return ("literal", str(t), dt, (t.language or "").lower())


def json_term(b):
    if b is None:
        return None
    if b["type"] == "uri":
        return ("uri", b["value"])
    if b["type"] == "bnode":
        return ("bnode",)
    dt = b.get("datatype", "")
    if dt == XSD_STRING:
        dt = ""
    return ("literal", b["value"], dt, b.get("xml:lang", "").lower())


def rdflib_rows(ds, q):
    res = ds.query(q)
    names = [str(v) for v in res.vars]
    rows = collections.Counter()
    for r in res:
        rows[tuple(sorted((n, rdflib_term(r[n]))
                          for n in names if r[n] is not None))] += 1
    return rows


def newsgraph_rows(binary, store, q):
    p = subprocess.run([binary, "-q", "query", "--store", store,
                        "--format", "json", q],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("newsgraph query failed: " + p.stderr.strip())
    doc = json.loads(p.stdout)
    rows = collections.Counter()
    for b in doc["results"]["bindings"]:
        rows[tuple(sorted((n, json_term(v)) for n, v in b.items()))] += 1
    return rows, p.stderr


def compare(binary, store, ds, queries, verbose=True):
    bad = 0
    for name, q in queries:
        as_set = name.endswith(" set")
        want = rdflib_rows(ds, q)
        got, _ = newsgraph_rows(binary, store, q)
        if as_set:
            want = collections.Counter(set(want))
            got = collections.Counter(set(got))
        same = want == got
        bad += not same
        if verbose or not same:
            print("%-4s %s: rdflib %d rows, newsgraph %d rows%s" % (
                "same" if same else "DIFF", name, sum(want.values()),
                sum(got.values()),
                "" if same else " (%d extra, %d missing)" % (
                    sum((got - want).values()), sum((want - got).values()))))
    return bad


def main(argv):
    if len(argv) != 5:
        sys.stderr.write(__doc__ or "usage: sparql_oracle.py NEWSGRAPH "
                         "STORE NQUADS QUERIES.rq\n")
        return 2
    binary, store, nquads, qfile = argv[1:]
    ds = load(nquads)
    with open(qfile, encoding="utf-8") as f:
        queries = split_queries(f.read())
    if not queries:
        sys.stderr.write("no queries in %s\n" % qfile)
        return 2
    bad = compare(binary, store, ds, queries)
    print("%d queries, %d differ" % (len(queries), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
