#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks a page written by `newsgraph report` (tests/cli/report.sh).

report_check.py page PAGE.html [--expect TEXT]... [--row SECTION TEXT...]...
    [--href URL]... [--count CLASS N]... [--evidence-csv FILE]
  Parses PAGE with html.parser (the standard library's HTML5-style
  tokenizer) and fails (exit 1, a line per problem) unless: the page has
  a doctype, <html lang>, a <title>, a charset, and no <script>, <iframe>,
  <object>, <embed>, <img>, <link> or <base> element, no on* or src
  attribute, every href is http(s) or a #fragment with a matching id;
  every --expect TEXT is in the page's text; for each --row the section
  with that id has a table row holding every TEXT; every --href URL is
  linked; the entity-class table says N for CLASS; every sentence of the
  evidence CSV (fixtures/queries/evidence.rq's columns) is in the facts
  section.
report_check.py png SHOT.png
  Fails unless SHOT.png decodes (8-bit RGB/RGBA, zlib) and over 1 % of its
  pixels are not the background: an empty render fails.
"""
import csv
import html.parser
import struct
import sys
import zlib

BANNED = {"script", "iframe", "object", "embed", "img", "link", "base",
          "frame", "applet", "form"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.decl = []
        self.tags = []
        self.ids = set()
        self.hrefs = []
        self.text = []
        self.section = None        # id of the last <h2>
        self.sections = {}         # h2 or table id -> rows (lists of cells)
        self.section_text = {}     # id -> list of text pieces
        self.table = None          # id of the enclosing <table id>
        self.row = None
        self.cell = None
        self.title = ""
        self.in_title = False
        self.html_lang = None
        self.charset = False

    def handle_decl(self, decl):
        self.decl.append(decl)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag in BANNED:
            self.problems.append("element <%s>" % tag)
        for k, v in attrs:
            if k.startswith("on") or k in ("src", "srcset", "formaction"):
                self.problems.append("attribute %s=%r on <%s>" % (k, v, tag))
            if k == "style":
                self.problems.append("inline style attribute on <%s>" % tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "meta" and ("charset" in a or
                              "charset=utf-8" in a.get("content", "").lower()):
            self.charset = True
        if tag == "title":
            self.in_title = True
        if tag == "h2":
            self.section = a.get("id")
            self.sections.setdefault(self.section, [])
            self.section_text.setdefault(self.section, [])
        if tag == "table" and "id" in a:
            self.table = a["id"]
            self.sections.setdefault(self.table, [])
        if tag == "tr":
            self.row = []
            for key in {self.section, self.table} - {None}:
                self.sections[key].append(self.row)
        if tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.row.append(self.cell)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in ("td", "th"):
            self.cell = None
        if tag == "table":
            self.table = None

    def handle_data(self, data):
        self.text.append(data)
        if self.in_title:
            self.title += data
        if self.cell is not None:
            self.cell.append(data)
        if self.section is not None:
            self.section_text[self.section].append(data)

    def rows(self, section):
        for row in self.sections.get(section, []):
            yield [" ".join("".join(c).split()) for c in row]


def norm(s):
    return " ".join(s.split())


def check_page(argv):
    path = argv[0]
    with open(path, "rb") as f:
        raw = f.read()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("FAIL not UTF-8: %s" % e)
        return 1
    p = Page()
    p.feed(src)
    p.close()
    bad = list(p.problems)
    if not any(d.lower().startswith("doctype html") for d in p.decl):
        bad.append("no <!DOCTYPE html>")
    if not p.html_lang:
        bad.append("no <html lang>")
    if not p.title.strip():
        bad.append("no <title>")
    if not p.charset:
        bad.append("no charset declaration")
    for h in p.hrefs:
        if h.startswith("#"):
            if h[1:] not in p.ids:
                bad.append("link to missing id %s" % h)
        elif not (h.startswith("http://") or h.startswith("https://")):
            bad.append("href %r is neither http(s) nor #fragment" % h)
    text = norm(" ".join(p.text))
    i = 1
    n_checks = 0
    while i < len(argv):
        opt = argv[i]
        if opt == "--expect":
            n_checks += 1
            if norm(argv[i + 1]) not in text:
                bad.append("text %r not in the page" % argv[i + 1])
            i += 2
        elif opt == "--href":
            n_checks += 1
            if argv[i + 1] not in p.hrefs:
                bad.append("no link to %s" % argv[i + 1])
            i += 2
        elif opt == "--row":
            section = argv[i + 1]
            want = []
            i += 2
            while i < len(argv) and not argv[i].startswith("--"):
                want.append(norm(argv[i]))
                i += 1
            n_checks += 1
            if not any(all(any(w in c for c in row) for w in want)
                       for row in p.rows(section)):
                bad.append("no row in #%s with %r" % (section, want))
        elif opt == "--count":
            cls, n = argv[i + 1], argv[i + 2]
            i += 3
            n_checks += 1
            got = [r[1] for r in p.rows("classes") if r and r[0] == cls]
            if got != [n]:
                bad.append("%s: %r entities, want %s" % (cls, got, n))
        elif opt == "--evidence-csv":
            facts = norm(" ".join(p.section_text.get("facts", [])))
            with open(argv[i + 1], newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            if not rows:
                bad.append("no rows in %s" % argv[i + 1])
            for r in rows:
                n_checks += 1
                if norm(r["sentence"]) not in facts:
                    bad.append("evidence %r not in #facts" % r["sentence"])
            i += 2
        else:
            print("usage: unknown option %s" % opt)
            return 2
    if p.tags.count("html") != 1 or p.tags.count("body") != 1:
        bad.append("not one <html> and one <body>")
    for b in bad:
        print("FAIL %s" % b)
    if not bad:
        print("ok %d checks, %d links, %d sections, %d bytes" %
              (n_checks, len(p.hrefs), len(p.sections), len(raw)))
    return 1 if bad else 0


def check_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        print("FAIL %s is not a PNG" % path)
        return 1
    pos, idat, hdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = hdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        print("FAIL unsupported PNG (depth %d, colour type %d)" %
              (depth, ctype))
        return 1
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    counts = {}
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pr) & 255
        for x in range(0, stride, bpp * 4):   # every 4th pixel
            px = bytes(line[x:x + 3])
            counts[px] = counts.get(px, 0) + 1
        prev = line
    total = sum(counts.values())
    background = max(counts.values())
    ink = 1 - background / total
    if ink < 0.01 or len(counts) < 3:
        print("FAIL empty render: %dx%d, %d colours, %.2f %% not background"
              % (w, h, len(counts), 100 * ink))
        return 1
    print("ok %dx%d, %d colours, %.1f %% not background" %
          (w, h, len(counts), 100 * ink))
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "page":
        sys.exit(check_page(sys.argv[2:]))
    if len(sys.argv) == 3 and sys.argv[1] == "png":
        sys.exit(check_png(sys.argv[2]))
    print(__doc__)
    sys.exit(2)
