#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes small test WARC files built from the fixture articles
(Python 3 standard library only).

usage: warc_make.py ARTICLE_DIR MODE OUT

MODE is one of:
  plain           WARC/1.0 records one after another
  gz              one gzip member per record (as Common Crawl's CC-NEWS)
  gz-one          the whole file as one gzip stream
  gz-truncated    as gz, but the varna record's member ends 300 bytes
                  before its Content-Length says
  plain-truncated as plain, with the same record cut short
  gz-corrupt      as gz, with the varna record's deflate data damaged

Every file holds, in order: warcinfo; a request and the response for
kelso-bridge (retrieved 2024-11-03T10:20:30Z); a metadata record; a PNG
response; a revisit record; a chunked response for varna-ferry; a
windows-1252 response for tamsin-library whose HTTP header names the
charset while its <meta> says utf-8; a 404 HTML response; a response for
ostrava-tram (WARC/1.1 with a fractional WARC-Date).
"""
import gzip
import os
import sys
import zlib

SITE = "https://news.example.org/"


def record(kind, uri, date, ctype, block, version="1.0", extra=()):
    head = ["WARC/" + version, "WARC-Type: " + kind,
            "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>"
            % (zlib.crc32((kind + str(uri) + date).encode())),
            "WARC-Date: " + date]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += list(extra)
    head += ["Content-Type: " + ctype, "Content-Length: %d" % len(block)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, headers, body):
    lines = ["HTTP/1.1 " + status] + ["%s: %s" % h for h in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body, size=700):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def build(articles):
    def page(name):
        with open(os.path.join(articles, name), "rb") as f:
            return f.read()

    recs = []
    recs.append(record("warcinfo", None, "2024-11-03T10:00:00Z",
                       "application/warc-fields",
                       b"software: warc_make.py\r\nformat: WARC 1.0\r\n"))
    url = SITE + "2024/11/kelso-bridge"
    recs.append(record("request", url, "2024-11-03T10:20:30Z",
                       "application/http; msgtype=request",
                       b"GET /2024/11/kelso-bridge HTTP/1.1\r\n"
                       b"Host: news.example.org\r\n\r\n"))
    recs.append(record("response", url, "2024-11-03T10:20:30Z",
                       "application/http; msgtype=response",
                       http("200 OK", [("Content-Type",
                                        "text/html; charset=utf-8")],
                            page("kelso-bridge.html"))))
    recs.append(record("metadata", url, "2024-11-03T10:20:30Z",
                       "application/warc-fields",
                       b"fetchTimeMs: 120\r\n"))
    recs.append(record("response", SITE + "logo.png", "2024-11-03T10:20:31Z",
                       "application/http; msgtype=response",
                       http("200 OK", [("Content-Type", "image/png")],
                            b"\x89PNG\r\n\x1a\n" + b"\0" * 64)))
    recs.append(record("revisit", url, "2024-11-03T11:00:00Z",
                       "application/http; msgtype=response",
                       http("200 OK", [("Content-Type", "text/html")], b""),
                       extra=["WARC-Profile: http://netpreserve.org/warc/1.0/"
                              "revisit/identical-payload-digest"]))
    varna = record("response", SITE + "2024/11/varna-ferry",
                   "2024-11-03T10:21:00Z",
                   "application/http; msgtype=response",
                   http("200 OK", [("Content-Type", "text/html"),
                                   ("Transfer-Encoding", "chunked")],
                        chunked(page("varna-ferry.html"))))
    recs.append(varna)
    tamsin = page("tamsin-library.html").decode("utf-8").replace(
        "gets a new reading room", "gets a new reading room and caf\u00e9")
    recs.append(record("response", SITE + "2024/11/tamsin-library",
                       "2024-11-03T10:22:00Z",
                       "application/http; msgtype=response",
                       http("200 OK", [("Content-Type",
                                        "text/html; charset=windows-1252")],
                            tamsin.encode("cp1252"))))
    recs.append(record("response", SITE + "no-such-page",
                       "2024-11-03T10:23:00Z",
                       "application/http; msgtype=response",
                       http("404 Not Found", [("Content-Type", "text/html")],
                            b"<html><body><p>Not found</p></body></html>")))
    recs.append(record("response", SITE + "2024/11/ostrava-tram",
                       "2024-11-03T10:24:00.123456Z",
                       "application/http;msgtype=response",
                       http("200 OK", [("Content-Type", "text/html")],
                            page("ostrava-tram.html")), version="1.1"))
    return recs, recs.index(varna)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    articles, mode, out = sys.argv[1:]
    recs, bad = build(articles)
    if mode.endswith("truncated"):
        recs[bad] = recs[bad][:-300]
    if mode.startswith("plain"):
        data = b"".join(recs)
    elif mode == "gz-one":
        data = gzip.compress(b"".join(recs), mtime=0)
    elif mode in ("gz", "gz-truncated", "gz-corrupt"):
        members = [gzip.compress(r, mtime=0) for r in recs]
        if mode == "gz-corrupt":
            m = bytearray(members[bad])
            for i in range(40, 60):
                m[i] ^= 0x5A
            members[bad] = bytes(m)
        data = b"".join(members)
    else:
        sys.exit("unknown mode " + mode)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
