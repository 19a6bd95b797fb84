#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Loopback HTTP server for the fetch tests (Python 3 standard library only).

usage: server.py FIXTURE_DIR PORT_FILE [LOG_FILE]

Binds 127.0.0.1 on a free port, and 127.0.0.2 and 127.0.0.3 on the same
port (three "hosts" for per-host limits and robots.txt), writes the port
number to PORT_FILE, and scripts raw responses for every fetch fault class
of FAULT-CASES.md (F02 redirects, F04 content encodings, F05 br, F06
stalls, F07 raw Location bytes, F08 walls, F09 meta refresh) and for the
crawler's behaviours: retries with Retry-After, cookies, robots.txt, the
User-Agent, conditional requests, SSRF via redirects (the server also acts
as an HTTP proxy for absolute request targets), and a crawl of generated
articles. LOG_FILE gets one line per event:

  conn HOST open N       a connection opened; N open to HOST now
  conn HOST close N
  req HOST PATH inflight=N ua=.. ae=.. cookie=.. inm=.. ims=..
                         a request started; N requests in progress on HOST

robots.txt: 127.0.0.1 has none (404); 127.0.0.2 disallows /private/ for
everyone and everything for the agent "testbot"; 127.0.0.3 answers 503.
"""
import gzip
import http.server
import os
import sys
import threading
import time

LOCK = threading.Lock()
LOG = None
INFLIGHT = {}   # host -> requests in progress
OPEN = {}       # host -> open connections
SEEN = {}       # path -> requests so far (flaky endpoints)
PORT = 0


def log(line):
    if LOG:
        with LOCK:
            LOG.write(line + "\n")
            LOG.flush()


def count(path):
    with LOCK:
        SEEN[path] = SEEN.get(path, 0) + 1
        return SEEN[path]


def brotli_stored(data):
    """A valid brotli stream holding DATA in uncompressed meta-blocks
    (RFC 7932 9.2), so no brotli module is needed."""
    out = bytearray()
    bits = [0]  # WBITS: a single 0 bit means 16
    nbits = [1]

    def put(value, n):
        for i in range(n):
            if (value >> i) & 1:
                bits[0] |= 1 << nbits[0]
            nbits[0] += 1

    def flush():
        while nbits[0] > 0:
            out.append(bits[0] & 0xFF)
            bits[0] >>= 8
            nbits[0] = max(0, nbits[0] - 8)
        bits[0] = 0
        nbits[0] = 0

    for i in range(0, len(data), 65536):
        chunk = data[i:i + 65536]
        put(0, 1)                # ISLAST = 0
        put(0, 2)                # MNIBBLES = 4
        put(len(chunk) - 1, 16)  # MLEN - 1
        put(1, 1)                # ISUNCOMPRESSED
        flush()                  # pad to a byte boundary
        out.extend(chunk)
    put(1, 1)  # ISLAST
    put(1, 1)  # ISLASTEMPTY
    flush()
    return bytes(out)


def article(title, n_paras, extra=b""):
    """A generated article (invented text) with N_PARAS long paragraphs."""
    paras = "".join(
        "<p>Paragraph %d of the report on %s: the harbour council of the "
        "invented town of Brelde met again on Tuesday, and members said the "
        "new ferry timetable would take effect after the summer holidays, "
        "when the crews return.</p>\n" % (i + 1, title)
        for i in range(n_paras))
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>%s</title></head><body><article><h1>%s</h1>\n%s"
            "</article>" % (title, title, paras)).encode() + extra + \
        b"</body></html>"


def coded(meta, special, pad=b""):
    """A generated article (invented text) in a legacy charset: META goes
    in <head> (raw bytes), SPECIAL (raw bytes) is the first paragraph, PAD
    (raw bytes) comes after the article. ASCII apart from META/SPECIAL."""
    paras = b"".join(
        b"<p>Paragraph %d: the harbour council of the invented town of "
        b"Brelde met again on Tuesday, and members said the new ferry "
        b"timetable would take effect after the summer holidays.</p>\n" %
        (i + 1) for i in range(4))
    return (b"<!DOCTYPE html><html><head>" + meta +
            b"<title>Brelde ferry timetable</title></head><body><article>"
            b"<h1>Brelde ferry timetable</h1>\n<p>Quoted: " + special +
            b" (end).</p>\n" + paras + b"</article>" + pad +
            b"</body></html>")


# FAULT-CASES C01-C05: path -> (Content-Type, body), the inputs of the
# classes' "Input" lines inside a page.
CHARSET_CASES = {
    "/c01": ("text/html", coded(
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; "
        b"charset=windows-1251\">",
        b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0")),
    "/c02a": ("text/html", coded(b"<meta charset=\"iso-8859-1\">",
                                 b"M\xfcller")),
    "/c02b": ("text/html; charset=utf-8",
              coded(b"<meta charset=\"iso-8859-1\">", b"Z\xc3\xbcrich")),
    "/c04a": ("text/html; charset=ISO-8859-1",
              coded(b"", b"\x93Hi\x94 \x805")),
    "/c04b": ("text/html", coded(b"<meta charset=\"gb2312\">", b"\x80")),
    "/c05a": ("text/html", coded(
        b"<meta content='text/html;charset=windows-1251' "
        b"http-equiv='Content-Type'>",
        b"\xcf\xf0\xe8\xe2\xe5\xf2")),
    "/c05b": ("text/html", coded(
        b"<meta name=\"generator\" content=\"Brelde CMS\">",
        "Zürich".encode(),
        b"<div>" + b"<span class=\"pad\"></span>" * 80 + b"</div>"
        b"<script>var s=\"charset=iso-8859-1\"</script>")),
    "/c05c": ("text/html; x-charset=Shift_JIS", coded(b"",
                                                     "Zürich".encode())),
}


def thin(title, text, head=b""):
    return (b"<!DOCTYPE html><html><head><title>" + title.encode() +
            b"</title>" + head + b"</head><body><h1>" + title.encode() +
            b"</h1><p>" + text.encode() + b"</p></body></html>")


ROBOTS = {
    "127.0.0.2": b"# test rules\nUser-agent: *\nDisallow: /private/\n"
                 b"Allow: /private/open\n\nUser-agent: testbot\n"
                 b"Disallow: /\n",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fixtures = "."

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def host(self):
        return self.connection.getsockname()[0]

    def setup(self):
        super().setup()
        h = self.host()
        with LOCK:
            OPEN[h] = OPEN.get(h, 0) + 1
            n = OPEN[h]
        log("conn %s open %d" % (h, n))

    def finish(self):
        try:
            super().finish()
        finally:
            h = self.host()
            with LOCK:
                OPEN[h] -= 1
                n = OPEN[h]
            log("conn %s close %d" % (h, n))

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

    def raw(self, data):
        """Sends DATA as the whole response and closes the connection."""
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True

    def redirect(self, location, code=302):
        self.send(code, b"moved", headers=[("Location", location)])

    def do_GET(self):
        h = self.host()
        with LOCK:
            INFLIGHT[h] = INFLIGHT.get(h, 0) + 1
            n = INFLIGHT[h]
        log("req %s %s inflight=%d ua=%s ae=%s cookie=%s inm=%s ims=%s" % (
            h, self.path, n, self.headers.get("User-Agent", "-"),
            self.headers.get("Accept-Encoding", "-"),
            self.headers.get("Cookie", "-"),
            self.headers.get("If-None-Match", "-"),
            self.headers.get("If-Modified-Since", "-").replace(" ", "_")))
        try:
            self.dispatch(h)
        except OSError:
            self.close_connection = True
        finally:
            with LOCK:
                INFLIGHT[h] -= 1

    def dispatch(self, h):
        p = self.path
        if p.startswith("http://"):
            # a proxy request: the absolute target names another host
            rest = p[len("http://"):]
            p = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        base = "http://127.0.0.1:%d" % PORT
        art = "orlan-harbour-strike.html"
        if p == "/robots.txt":
            if h == "127.0.0.3":
                self.send(503, b"busy", ctype="text/plain")
            elif h in ROBOTS:
                self.send(200, ROBOTS[h], ctype="text/plain")
            else:
                self.send(404, b"no robots.txt", ctype="text/plain")
        elif p.startswith("/page/"):
            name = os.path.basename(p[len("/page/"):])
            try:
                self.send(200, self.page(name))
            except OSError:
                self.send(404, b"<html><p>no such page</p></html>")
        # F02 redirects
        elif p in ("/r1", "/r2", "/r3"):
            nxt = {"/r1": "/r2", "/r2": "/r3", "/r3": "/page/" + art}[p]
            self.redirect(nxt, 301 if p == "/r1" else 302)
        elif p == "/loop/a":
            self.redirect("/loop/b")
        elif p == "/loop/b":
            self.redirect("/loop/a")
        elif p == "/to-file":
            self.redirect("file:///etc/passwd")
        elif p == "/to-ftp":
            self.redirect("ftp://127.0.0.1/article.html")
        # F04 content encodings
        elif p == "/gzip":
            self.send(200, gzip.compress(self.page(art)),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/gzip-lie":
            self.send(200, self.page(art),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/double-gzip":
            self.send(200, gzip.compress(gzip.compress(self.page(art))),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/gzip-multi":
            body = self.page(art)
            cut = body.index(b"<p>The first container")
            self.send(200, gzip.compress(body[:cut]) +
                      gzip.compress(body[cut:]),
                      headers=[("Content-Encoding", "gzip")])
        elif p == "/file.html.gz":
            self.send(200, gzip.compress(self.page(art)),
                      ctype="application/gzip")
        # F05: br only when the request lists it
        elif p == "/br-if-asked":
            ae = self.headers.get("Accept-Encoding", "")
            if "br" in [e.strip().split(";")[0] for e in ae.split(",")]:
                self.send(200, brotli_stored(self.page(art)),
                          headers=[("Content-Encoding", "br")])
            else:
                self.send(200, gzip.compress(self.page(art)),
                          headers=[("Content-Encoding", "gzip")])
        elif p == "/404":
            self.send(404, b"<html><body><p>Not found</p></body></html>")
        # F06 stalls
        elif p == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><p>Start")
            self.wfile.flush()
            time.sleep(30)
        elif p.startswith("/stall-once/"):
            if count(p) == 1:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                self.wfile.write(b"<html><p>Start")
                self.wfile.flush()
                time.sleep(8)
                self.close_connection = True
            else:
                self.send(200, self.page(art))
        elif p == "/big":
            body = self.page(art) + b"<!-- " + b"x" * 300000 + b" -->"
            self.send(200, body)
        elif p == "/big-unsized":
            # no Content-Length: only the write callback can stop it
            body = self.page(art) + b"<!-- " + b"x" * 300000 + b" -->"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for i in range(0, len(body), 8192):
                self.wfile.write(body[i:i + 8192])
            self.close_connection = True
        elif p in CHARSET_CASES:
            ctype, body = CHARSET_CASES[p]
            self.send(200, body, ctype=ctype)
        elif p == "/charset":
            self.send(200, self.page("velmar-charset-conflict.html"),
                      ctype="text/html; charset=windows-1252")
        # F07 raw bytes in Location
        elif p == "/to-cafe":
            self.raw(b"HTTP/1.1 302 Found\r\nLocation: /caf\xc3\xa9 menu\r\n"
                     b"Content-Length: 0\r\nConnection: close\r\n\r\n")
        elif p == "/caf%C3%A9%20menu":
            self.send(200, article("Cafe menu prices", 5))
        # F08 walls
        elif p == "/robot-check":
            self.redirect("/tosv2.html?vid=7f3a9c", 307)
        elif p.startswith("/tosv2.html"):
            self.send(200, thin("Are you a robot?",
                                "Please complete the check to continue."))
        elif p == "/forbidden":
            self.send(403, thin("Access denied",
                                "Your request was blocked."))
        elif p == "/consent":
            self.send(200, thin("Before you continue",
                                "We and our partners use cookies. Accept "
                                "all cookies or manage cookies in the "
                                "privacy settings."))
        elif p == "/paywall":
            self.send(200, article("Budget talks stall in Brelde", 1,
                                   b"<div class=\"gate\"><p>Subscribe to "
                                   b"continue reading.</p><p>Already a "
                                   b"subscriber? Sign in.</p></div>"))
        elif p == "/soft404":
            self.send(200, thin("Page not found",
                                "The page you asked for does not exist."))
        elif p == "/too-many":
            self.send(429, thin("Too many requests", "Slow down."),
                      headers=[("Retry-After", "3600")])
        elif p == "/proxy-auth":
            self.send(407, b"<html><p>proxy login</p></html>",
                      headers=[("Proxy-Authenticate", "Basic")])
        # F09 meta refresh
        elif p == "/js-redirect":
            self.send(200, b"<html><head><script>location.replace(\"/real\")"
                      b"</script><noscript><meta http-equiv=\"refresh\" "
                      b"content=\"0;URL='/real'\"></noscript></head>"
                      b"<body></body></html>")
        elif p == "/real":
            self.send(200, self.page(art))
        elif p == "/nojs-article":
            self.send(200, article("Ferry timetable agreed", 6,
                                   b"<noscript><meta http-equiv=\"refresh\" "
                                   b"content=\"0;url=/?nojs=1\"></noscript>"))
        elif p == "/nojs-short":
            # F09 (b) with short wire paragraphs (under 150 bytes each)
            paras = b"".join(
                b"<p>Short wire paragraph %d on the Brelde ferry timetable, "
                b"agreed on Tuesday by the harbour council.</p>" % i
                for i in range(5))
            self.send(200, b"<!DOCTYPE html><html><head><title>Brelde "
                      b"ferry timetable</title><noscript><meta http-equiv="
                      b"\"refresh\" content=\"0;url=/?nojs=1\"></noscript>"
                      b"</head><body><article><h1>Brelde ferry timetable</h1>"
                      + paras + b"</article></body></html>")
        elif p == "/binary-as-html":
            self.send(200, bytes((i * 7919 + 13) % 256 for i in range(20000)))
        elif p == "/feed-as-page":
            self.send(200, b"<?xml version=\"1.0\"?><rss version=\"2.0\">"
                      b"<channel><title>Brelde notices</title><item><title>"
                      b"Notice</title><link>http://127.0.0.1/x</link></item>"
                      b"</channel></rss>", ctype="application/rss+xml")
        elif p == "/other-site-canonical":
            # a page that claims to be another site's article (provenance)
            self.send(200, article("Brelde council notice", 5).replace(
                b"<title>", b"<link rel=\"canonical\" href=\"https://"
                b"news.example.org/world/2025/real-story\"><title>", 1))
        elif p == "/?nojs=1":
            self.send(200, thin("Home", "This is the home page."))
        elif p == "/reload-self":
            self.send(200, thin("Live scores", "Scores update every minute.",
                                b"<meta http-equiv=\"refresh\" content=\"0; "
                                b"url=/reload-self\">"))
        elif p == "/reload":
            self.send(200, thin("Live scores", "Scores update every minute.",
                                b"<meta http-equiv=\"refresh\" "
                                b"content=\"30\">"))
        # retries
        elif p.startswith("/flaky/"):
            if count(p) == 1:
                self.send(503, thin("Service unavailable", "Try later."),
                          headers=[("Retry-After", "1")])
            else:
                self.send(200, self.page(art))
        elif p.startswith("/flaky429/"):
            if count(p) == 1:
                self.send(429, thin("Too many requests", "Slow down."),
                          headers=[("Retry-After", "1")])
            else:
                self.send(200, self.page(art))
        # cookies
        elif p == "/cookie-set":
            self.send(302, b"moved", headers=[
                ("Location", "/cookie-check"),
                ("Set-Cookie", "consent=yes; Path=/")])
        elif p == "/cookie-check":
            if "consent=yes" in self.headers.get("Cookie", ""):
                self.send(200, self.page(art))
            else:
                self.send(200, thin("Before you continue",
                                    "Accept all cookies to read on."))
        elif p == "/cookie-probe":
            self.send(200, self.page(art))
        # conditional requests
        elif p == "/etag":
            if self.headers.get("If-None-Match") == "\"v1\"":
                self.send_response(304)
                self.send_header("ETag", "\"v1\"")
                self.end_headers()
            else:
                self.send(200, self.page(art), headers=[
                    ("ETag", "\"v1\""),
                    ("Last-Modified", "Thu, 15 May 2025 01:10:00 GMT")])
        elif p == "/lm":
            # Last-Modified only (If-Modified-Since, RFC 9110 13.1.3)
            lm = "Thu, 15 May 2025 01:10:00 GMT"
            if self.headers.get("If-Modified-Since") == lm:
                self.send_response(304)
                self.end_headers()
            else:
                self.send(200, self.page(
                    "nordwire-2025-03-02-port-talks.html"),
                          headers=[("Last-Modified", lm)])
        elif p == "/etag-changes":
            # a page whose ETag changes on every fetch: never a 304
            self.send(200, self.page("meridian-split-body.html"), headers=[
                ("ETag", "\"v%d\"" % count(p))])
        elif p == "/feed-small.xml":
            # two articles on the host the feed was asked from
            items = "".join(
                "<item><title>Notice %d</title><link>http://%s:%d"
                "/crawl/small-%d</link></item>" % (i, h, PORT, i)
                for i in range(2))
            self.send(200, ("<?xml version=\"1.0\"?><rss version=\"2.0\">"
                            "<channel><title>Brelde notices</title>"
                            "<link>http://%s:%d/</link>%s</channel>"
                            "</rss>" % (h, PORT, items)).encode(),
                      ctype="application/rss+xml")
        # SSRF: a public-looking URL (through the proxy) redirecting home
        elif p == "/ssrf-redirect":
            self.redirect(base + "/page/" + art)
        # the crawl: small generated articles, a little slow
        elif p.startswith("/crawl/"):
            time.sleep(0.05)
            self.send(200, article("Brelde council notice %s" %
                                   p[len("/crawl/"):], 5))
        elif p == "/feed.xml":
            # RSS 2.0 with 200 items over two hosts (the crawl acceptance)
            items = "".join(
                "<item><title>Notice %d</title><link>http://127.0.0.%d:%d"
                "/crawl/feed-%d</link><pubDate>Thu, 15 May 2025 09:10:00 "
                "GMT</pubDate></item>" % (i, 1 + i % 2, PORT, i)
                for i in range(200))
            self.send(200, ("<?xml version=\"1.0\"?><rss version=\"2.0\">"
                            "<channel><title>Brelde notices</title>"
                            "<link>http://127.0.0.1:%d/</link>%s</channel>"
                            "</rss>" % (PORT, items)).encode(),
                      ctype="application/rss+xml")
        elif p == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                      ctype="image/png")
        elif p.startswith("/private/") or p == "/ua":
            self.send(200, self.page(art))
        else:
            self.send(404, b"<html><p>unknown test path</p></html>")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def handle_error(self, request, client_address):
        pass  # clients that stop early (size caps, timeouts) are expected


def main():
    global LOG, PORT
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    Handler.fixtures = sys.argv[1]
    if len(sys.argv) == 4:
        LOG = open(sys.argv[3], "w")
    servers = [Server(("127.0.0.1", 0), Handler)]
    PORT = servers[0].server_address[1]
    for addr in ("127.0.0.2", "127.0.0.3"):
        try:
            servers.append(Server((addr, PORT), Handler))
        except OSError as e:
            log("bind %s failed: %s" % (addr, e))
    for s in servers[1:]:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = sys.argv[2] + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(PORT))
    os.rename(tmp, sys.argv[2])
    servers[0].serve_forever()


if __name__ == "__main__":
    main()
