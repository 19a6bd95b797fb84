#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Loopback HTTP server for the fetch tests (Python 3 standard library only).

usage: server.py FIXTURE_DIR PORT_FILE

Binds 127.0.0.1 on a free port, writes the port number to PORT_FILE, and
serves the pages and faults tests/cli/fetch.sh checks: fixture pages, a
3-hop redirect chain, a redirect loop, redirects to file:// and ftp://, gzip
encodings (honest, lying, doubled, a .gz file), 404, a stalled body, pages
over the size cap, and a charset header that disagrees with <meta>.
"""
import gzip
import http.server
import os
import sys
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fixtures = "."

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def page(self, name):
        with open(os.path.join(self.fixtures, name), "rb") as f:
            return f.read()

    def send(self, code, body, ctype="text/html", headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location, code=302):
        self.send(code, b"moved", headers=[("Location", location)])

    def do_GET(self):
        p = self.path
        article = "orlan-harbour-strike.html"
        if p.startswith("/page/"):
            name = os.path.basename(p[len("/page/"):])
            try:
                self.send(200, self.page(name))
            except OSError:
                self.send(404, b"<html><p>no such page</p></html>")
        elif p in ("/r1", "/r2", "/r3"):
            nxt = {"/r1": "/r2", "/r2": "/r3", "/r3": "/page/" + article}[p]
            self.redirect(nxt, 301 if p == "/r1" else 302)
        elif p == "/loop/a":
            self.redirect("/loop/b")
        elif p == "/loop/b":
            self.redirect("/loop/a")
        elif p == "/to-file":
            self.redirect("file:///etc/passwd")
        elif p == "/to-ftp":
            self.redirect("ftp://127.0.0.1/article.html")
        elif p == "/gzip":
            self.send(200, gzip.compress(self.page(article)),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/gzip-lie":
            self.send(200, self.page(article),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/double-gzip":
            self.send(200, gzip.compress(gzip.compress(self.page(article))),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/file.html.gz":
            self.send(200, gzip.compress(self.page(article)),
                      ctype="application/gzip")
        elif p == "/404":
            self.send(404, b"<html><body><p>Not found</p></body></html>")
        elif p == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><p>Start")
            self.wfile.flush()
            time.sleep(30)
        elif p == "/big":
            body = self.page(article) + b"<!-- " + b"x" * 300000 + b" -->"
            self.send(200, body)
        elif p == "/big-unsized":
            # no Content-Length: only the write callback can stop it
            body = self.page(article) + b"<!-- " + b"x" * 300000 + b" -->"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for i in range(0, len(body), 8192):
                    self.wfile.write(body[i:i + 8192])
            except OSError:
                pass
            self.close_connection = True
        elif p == "/charset":
            self.send(200, self.page("velmar-charset-conflict.html"),
                      ctype="text/html; charset=windows-1252")
        else:
            self.send(404, b"<html><p>unknown test path</p></html>")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that stop early (size caps, timeouts) are expected


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    Handler.fixtures = sys.argv[1]
    srv = Server(("127.0.0.1", 0), Handler)
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, sys.argv[2])
    srv.serve_forever()


if __name__ == "__main__":
    main()
