#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Re-parses newsgraph output with rapper and serdi and compares terms.

Usage: roundtrip.py NQUADS TURTLE [--expect VALUE]... [--expect-file FILE]
                    [--no-iri SUBSTRING]... [--no-blank]

NQUADS and TURTLE are newsgraph's N-Quads and Turtle output of the same
input. Each is parsed by rapper (raptor2-utils) and serdi, both writing
N-Triples/N-Quads that this script reads with its own small N-Triples
term reader (escapes undone, so rapper's \\u escapes and serdi's raw UTF-8
compare equal). Fails (exit 1) unless:
  - rapper and serdi accept both files, with no error output;
  - all four parses give the same set of (subject, predicate, object)
    terms, and N-Quads has as many lines as rapper reads statements;
  - every --expect VALUE is the exact value of some literal (byte for
    byte after unescaping), so quotes, backslashes, tabs, newlines, RTL
    marks, emoji and characters outside the BMP come back unchanged
    (--expect-file: one VALUE a line, UTF-8);
  - no IRI term contains a --no-iri SUBSTRING (no triple injected by text
    that looks like N-Triples or SPARQL), and every IRI term matches the
    IRIREF rule;
  - with --no-blank, no term is a blank node.
Prints one line per failed rule, and a summary.
"""
import re
import subprocess
import sys

ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"',
         "'": "'", "\\": "\\"}


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n == "u":
            out.append(chr(int(s[i + 2:i + 6], 16)))
            i += 6
        elif n == "U":
            out.append(chr(int(s[i + 2:i + 10], 16)))
            i += 10
        else:
            out.append(ECHAR[n])
            i += 2
    return "".join(out)


TERM = re.compile(r'\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)')


def terms(line):
    """The terms of one N-Triples/N-Quads line, unescaped, as tuples."""
    out, pos = [], 0
    while True:
        m = TERM.match(line, pos)
        if not m:
            break
        t = m.group(1)
        pos = m.end()
        if t[0] == "<":
            out.append(("I", unescape(t[1:-1])))
        elif t[0] == "_":
            out.append(("B", t))
        else:
            end = t.rindex('"')
            suffix = t[end + 1:]
            out.append(("L", unescape(t[1:end]), suffix))
    rest = line[pos:].strip()
    if rest != ".":
        raise ValueError("cannot read line: %r" % line[:200])
    return out


def parse(cmd):
    p = subprocess.run(cmd, capture_output=True)
    if p.returncode != 0 or p.stderr.strip():
        return None, p.stderr.decode("utf-8", "replace")[:500] or "exit %d" % p.returncode
    triples = set()
    n = 0
    for line in p.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        t = terms(line)
        triples.add(tuple(t[:3]))
        n += 1
    return (triples, n), None


IRIREF_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def main(argv):
    nq, ttl = argv[1], argv[2]
    expect, no_iri, no_blank = [], [], False
    i = 3
    while i < len(argv):
        if argv[i] == "--no-blank":
            no_blank = True
            i += 1
            continue
        if argv[i] == "--expect":
            expect.append(argv[i + 1])
        elif argv[i] == "--expect-file":
            with open(argv[i + 1], encoding="utf-8") as f:
                expect.extend(l.rstrip("\n") for l in f if l.strip())
        elif argv[i] == "--no-iri":
            no_iri.append(argv[i + 1])
        else:
            print("usage: roundtrip.py NQUADS TURTLE [--expect V] "
                  "[--expect-file F] [--no-iri S] [--no-blank]")
            return 2
        i += 2
    base = "http://base.invalid/"
    parses = {
        "rapper nquads": ["rapper", "-q", "-i", "nquads", "-o", "nquads", nq, base],
        "serdi nquads": ["serdi", "-i", "nquads", "-o", "nquads", nq],
        "rapper turtle": ["rapper", "-q", "-i", "turtle", "-o", "ntriples", ttl, base],
        "serdi turtle": ["serdi", "-i", "turtle", "-o", "ntriples", ttl],
    }
    fail = 0
    sets = {}
    for name, cmd in parses.items():
        r, err = parse(cmd)
        if r is None:
            print("FAIL %s: %s" % (name, err.strip()))
            fail = 1
        else:
            sets[name] = r
    with open(nq, encoding="utf-8") as f:
        own = [terms(l) for l in f if l.strip()]
    if "rapper nquads" in sets and sets["rapper nquads"][1] != len(own):
        print("FAIL rapper reads %d statements from %d N-Quads lines"
              % (sets["rapper nquads"][1], len(own)))
        fail = 1
    ref = set(tuple(t[:3]) for t in own)
    for name, (s, _) in sets.items():
        if s != ref:
            print("FAIL %s: %d terms differ from newsgraph's N-Quads, e.g. %r"
                  % (name, len(s ^ ref), sorted(s ^ ref)[:2]))
            fail = 1
    values = set(t[1] for tr in ref for t in tr if t[0] == "L")
    for v in expect:
        if v not in values:
            near = [x for x in values if x[:8] == v[:8]]
            print("FAIL value not written unchanged: %r (near: %r)"
                  % (v, near[:2]))
            fail = 1
    iris = set(t[1] for tr in ref for t in tr if t[0] == "I")
    for iri in iris:
        if IRIREF_BAD.search(iri):
            print("FAIL IRI breaks the IRIREF rule: %r" % iri)
            fail = 1
        for bad in no_iri:
            if bad in iri:
                print("FAIL injected IRI: %r" % iri)
                fail = 1
    blanks = set(t[1] for tr in ref for t in tr if t[0] == "B")
    if no_blank and blanks:
        print("FAIL blank nodes written: %r" % sorted(blanks)[:3])
        fail = 1
    print("%s %d statements, %d literals, %d expected values, 4 parses"
          % ("FAIL" if fail else "ok", len(own), len(values), len(expect)))
    return fail


if __name__ == "__main__":
    sys.exit(main(sys.argv))
