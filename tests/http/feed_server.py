#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Loopback HTTP server for the feed tests (Python 3 standard library only).

usage: feed_server.py FEED_DIR PORT_FILE

Binds 127.0.0.1 on a free port, writes the port number to PORT_FILE, and
serves FEED_DIR under /feeds/: every file with "@BASE@" replaced by
http://127.0.0.1:PORT, with a Content-Type from its extension (.xml and
.rdf as feeds, .html as HTML). /feeds/moved.xml redirects to rss2.xml, so
relative item links must resolve against the URL after redirects, and
/feeds/many-N.xml is a feed of N distinct article URLs. Each request is
logged, one path a line, to PORT_FILE.log.
"""
import http.server
import os
import sys

TYPES = {".xml": "application/xml", ".rdf": "application/rdf+xml",
         ".html": "text/html; charset=utf-8"}


ARTICLES = ["kelso-bridge.html", "varna-ferry.html", "tamsin-library.html",
            "ostrava-tram.html"]


def many(base, n):
    """An RSS 2.0 feed of N distinct article URLs (the fixture articles
    with ?n=I)."""
    items = "".join(
        "<item><title>Story %d</title><link>%s/feeds/articles/%s?n=%d</link>"
        "</item>" % (i, base, ARTICLES[i % 4], i) for i in range(n))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Many'
            '</title><link>%s/</link>%s</channel></rss>' % (base, items)
            ).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root = "."
    log = None

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def send(self, code, body, ctype="text/html", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        p = self.path.split("?", 1)[0]
        if Handler.log:
            with open(Handler.log, "a") as f:
                f.write(p + "\n")
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        if p.startswith("/feeds/many-") and p.endswith(".xml"):
            self.send(200, many(base, int(p[len("/feeds/many-"):-4])),
                      ctype="application/rss+xml")
            return
        if p == "/feeds/moved.xml":
            self.send(301, b"moved",
                      headers=[("Location", base + "/feeds/rss2.xml")])
            return
        if not p.startswith("/feeds/") or ".." in p:
            self.send(404, b"<html><p>unknown test path</p></html>")
            return
        path = os.path.join(self.root, p[len("/feeds/"):])
        try:
            with open(path, "rb") as f:
                body = f.read()
        except OSError:
            self.send(404, b"<html><p>no such file</p></html>")
            return
        body = body.replace(b"@BASE@", base.encode())
        ctype = TYPES.get(os.path.splitext(path)[1], "text/plain")
        if p.endswith("rss2.xml"):
            ctype = "application/rss+xml"
        elif p.endswith("atom.xml"):
            ctype = "application/atom+xml"
        self.send(200, body, ctype=ctype)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    Handler.root = sys.argv[1]
    Handler.log = sys.argv[2] + ".log"
    srv = Server(("127.0.0.1", 0), Handler)
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, sys.argv[2])
    srv.serve_forever()


if __name__ == "__main__":
    main()
