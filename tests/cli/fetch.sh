#!/bin/sh
# SPDX-License-Identifier: MIT
# Fetch tests over a loopback HTTP server of our own (tests/http/server.py):
# redirects (F02), refused schemes, content encodings (F04, F05), HTTP
# errors, stalls (F06), raw bytes in Location (F07), walls (F08), meta
# refresh (F09), size caps, header-vs-meta charsets (C02), retries, cookies,
# robots.txt, the User-Agent, the SSRF guard and conditional requests.
# Never touches the internet.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
drv="$top_builddir/tests/api/test_fetch"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: install python3"; exit 1; }
[ -x "$drv" ] || { echo "missing $drv" >&2; exit 99; }

. "$top_srcdir/tests/http/start-server.sh"
base="http://127.0.0.1:$port"
fail=0

# run NAME EXPECTED_STATUS PATTERN [OPTIONS...] -- URL
# Runs the driver and checks the status line and that PATTERN (a fixed
# string, may be empty) appears in its output.
run() {
  name=$1 want=$2 pat=$3
  shift 3
  opts=
  while [ "$1" != "--" ]; do opts="$opts -o $1"; shift; done
  shift
  # shellcheck disable=SC2086
  "$drv" -o timeout=5 -o connect-timeout=2 -o allow-private=1 -o delay=0 \
    $opts "$1" >"$tmp/out" 2>&1
  got=$(sed -n 's/^status //p' "$tmp/out")
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: status $got, want $want"; sed 's/^/  /' "$tmp/out"
    fail=1
  elif [ -n "$pat" ] && ! grep -qF -- "$pat" "$tmp/out"; then
    echo "FAIL $name: output lacks '$pat'"; sed 's/^/  /' "$tmp/out"
    fail=1
  else
    echo "ok $name"
  fi
}

# requests N PATTERN: the server log has N request lines matching PATTERN
# (a grep -E pattern on "req HOST PATH ...").
requests() {
  got=$(grep -cE "^req $2" "$tmp/log")
  if [ "$got" != "$1" ]; then
    echo "FAIL requests '$2': $got, want $1"; fail=1
  else
    echo "ok requests '$2': $1"
  fi
}

run page OK "Harbour workers in Orlan ended" -- \
  "$base/page/orlan-harbour-strike.html"
run page-canonical OK "iri $base/news/2025/05/15/orlan-harbour-strike" -- \
  "$base/page/orlan-harbour-strike.html"
run F02-redirect-chain OK "iri $base/news/2025/05/15/orlan-harbour-strike" -- \
  "$base/r1"
run F02-redirect-loop ERR_FETCH "cannot fetch" max-redirs=5 -- "$base/loop/a"
start=$(date +%s)
run F02-redirect-loop-default ERR_FETCH "more than 10 redirects" delay=1000 -- \
  "$base/loop/a"
end=$(date +%s)
if [ $((end - start)) -gt 2 ]; then
  echo "FAIL F02-redirect-loop-default: took $((end - start)) s"; fail=1
fi
run redirect-file ERR_FETCH "refused" -- "$base/to-file"
run redirect-ftp ERR_FETCH "refused" -- "$base/to-ftp"
run gzip OK "Harbour workers in Orlan ended" -- "$base/gzip"
run F04-gzip-lie OK "Harbour workers in Orlan ended" -- "$base/gzip-lie"
run F04-double-gzip ERR_PARSE "body is compressed data" -- "$base/double-gzip"
run gz-file OK "Harbour workers in Orlan ended" -- "$base/file.html.gz"
run http-404 ERR_HTTP "HTTP 404 from $base/404" -- "$base/404"
run missing-page ERR_HTTP "HTTP 404" -- "$base/page/no-such.html"
start=$(date +%s)
run F06-stall ERR_FETCH "cannot fetch" timeout=2 retries=0 -- "$base/stall"
end=$(date +%s)
if [ $((end - start)) -gt 6 ]; then
  echo "FAIL F06-stall: took $((end - start)) s"; fail=1
fi
run too-large ERR_TOO_LARGE "larger than 100000 bytes" max-bytes=100000 -- \
  "$base/big"
run too-large-unsized ERR_TOO_LARGE "larger than 100000 bytes" \
  max-bytes=100000 -- "$base/big-unsized"
run charset-header-wins OK "Mayor Lena Müller opened" -- "$base/charset"
run charset-c1 OK "“a link our grandparents asked for”" -- "$base/charset"
# C01-C05 over HTTP (the pages are the classes' inputs; see server.py).
run C01-meta-only OK "Quoted: Привет, мир (end)" -- "$base/c01"
run C02-a-meta-latin1 OK "Quoted: Müller (end)" -- "$base/c02a"
run C02-b-header-wins OK "Quoted: Zürich (end)" -- "$base/c02b"
run C04-a-latin1-is-1252 OK "Quoted: “Hi” €5 (end)" -- "$base/c04a"
run C04-b-gb2312-is-gbk OK "Quoted: € (end)" -- "$base/c04b"
run C05-a-attribute-order OK "Quoted: Привет (end)" -- "$base/c05a"
run C05-b-prescan-window OK "Quoted: Zürich (end)" -- "$base/c05b"
run C05-c-x-charset OK "Quoted: Zürich (end)" -- "$base/c05c"
for c in c01 c02a c02b c04a c04b c05a c05b c05c; do
  "$drv" -o allow-private=1 -o delay=0 "$base/$c" >"$tmp/out" 2>&1
  # no C1 control (U+0080-U+009F, UTF-8 C2 80-C2 9F) and no U+FFFD
  if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$tmp/out" ||
     grep -q "$(printf '\357\277\275')" "$tmp/out"; then
    echo "FAIL $c: C1 control or U+FFFD in the text"; fail=1
  else
    echo "ok $c-no-c1"
  fi
done
run refused-port ERR_FETCH "cannot fetch" connect-timeout=1 retries=0 -- \
  "http://127.0.0.1:1/"

# F04 (b): two gzip members: all of the text, never only the first part.
run F04-gzip-multi OK "The first container ships" -- "$base/gzip-multi"
# F05: the server answers br only when asked; either way the text is right,
# and Accept-Encoding lists what this libcurl decodes (never set by hand).
run F05-br-if-asked OK "Harbour workers in Orlan ended" -- "$base/br-if-asked"
requests 1 "127.0.0.1 /br-if-asked .* ae=[a-z, ]*gzip"
# F07: raw UTF-8 and a space in Location are percent-encoded.
run F07-location-raw OK "final $base/caf%C3%A9%20menu" -- "$base/to-cafe"
requests 1 "127.0.0.1 /caf%C3%A9%20menu "
# F08: walls, with the reason, whatever the status.
run F08-bot-wall-307 ERR_PARSE "bot wall (HTTP 200 from $base/tosv2.html" -- \
  "$base/robot-check"
run F08-forbidden-403 ERR_HTTP "HTTP 403 from $base/forbidden (bot wall)" -- \
  "$base/forbidden"
run consent-wall ERR_PARSE "consent wall (HTTP 200" -- "$base/consent"
run paywall-stub ERR_PARSE "paywall stub (HTTP 200" -- "$base/paywall"
run soft-404 ERR_PARSE "error page (HTTP 200" -- "$base/soft404"
run proxy-407 ERR_HTTP "HTTP 407" -- "$base/proxy-auth"
start=$(date +%s)
run retry-after-too-long ERR_HTTP "Retry-After 3600 s" -- "$base/too-many"
end=$(date +%s)
if [ $((end - start)) -gt 3 ]; then
  echo "FAIL retry-after-too-long: waited $((end - start)) s"; fail=1
fi
# F09: follow a stub's noscript refresh; not an article's, nor a reload.
run F09-refresh-stub OK "final $base/real" -- "$base/js-redirect"
run F09-refresh-article OK "final $base/nojs-article" -- "$base/nojs-article"
run refresh-short-article OK "final $base/nojs-short" -- "$base/nojs-short"
# Random bytes served as text/html are refused as for a file; a feed given
# as an article is refused with a pointer to --feed; a page cannot claim
# another site's article as its canonical URL.
run binary-as-html ERR_PARSE "not a text or HTML document (binary data)" \
  -- "$base/binary-as-html"
run feed-as-page ERR_PARSE "is a feed or sitemap, not an article" -- \
  "$base/feed-as-page"
run other-site-canonical OK "iri $base/other-site-canonical" -- \
  "$base/other-site-canonical"
requests 0 "127.0.0.1 /\\?nojs=1 "
run refresh-self OK "final $base/reload-self" -- "$base/reload-self"
requests 1 "127.0.0.1 /reload-self "
# Retries honour Retry-After (503 and 429), and a stalled try is retried.
start=$(date +%s)
run retry-503 OK "Harbour workers in Orlan ended" -- "$base/flaky/one"
run retry-429 OK "Harbour workers in Orlan ended" -- "$base/flaky429/one"
end=$(date +%s)
requests 2 "127.0.0.1 /flaky/one "
requests 2 "127.0.0.1 /flaky429/one "
if [ $((end - start)) -lt 2 ]; then
  echo "FAIL retry: Retry-After not honoured ($((end - start)) s)"; fail=1
fi
run retry-stall OK "Harbour workers in Orlan ended" timeout=2 retries=1 -- \
  "$base/stall-once/one"
requests 2 "127.0.0.1 /stall-once/one "
run no-retry ERR_HTTP "HTTP 503" retries=0 -- "$base/flaky/two"
# Media that is never a page is refused before parsing.
run image ERR_PARSE "not a web page (Content-Type image/png)" -- \
  "$base/image"
# Cookies set on a redirect come back within the fetch.
run cookies OK "Harbour workers in Orlan ended" -- "$base/cookie-set"
requests 1 "127.0.0.1 /cookie-check .* cookie=consent=yes "
# robots.txt: obeyed by default, fetched once per host and run.
run robots-disallow ERR_FETCH "disallowed by http://127.0.0.2:$port/robots.txt" \
  -- "http://127.0.0.2:$port/private/x"
requests 0 "127.0.0.2 /private/x "
run robots-allow OK "Harbour workers" -- "http://127.0.0.2:$port/private/open"
run robots-ignored OK "Harbour workers" ignore-robots=1 -- \
  "http://127.0.0.2:$port/private/x"
run robots-agent ERR_FETCH "robots.txt for testbot" \
  "user-agent=testbot/1.0_(+mailto:ops@example.org)" -- \
  "http://127.0.0.2:$port/ua"
run robots-503 ERR_FETCH "robots.txt answered HTTP 503" -- \
  "http://127.0.0.3:$port/ua"
requests 0 "127.0.0.3 /ua "
run user-agent OK "Harbour workers" "user-agent=newsgraph-test/2_(+mailto:ops@example.org)" \
  -- "$base/ua"
requests 1 "127.0.0.1 /ua .* ua=newsgraph-test/2_\\(\\+mailto:ops@example.org\\)"
# SSRF guard (no allow-private): literal addresses and names are refused
# before any connection; names resolving to loopback at connect time; and
# a redirect from a public-looking URL (through a proxy) to loopback.
run ssrf-literal ERR_FETCH "names a private, loopback" allow-private=0 -- \
  "$base/page/ssrf-literal.html"
run ssrf-localhost ERR_FETCH "names a private, loopback" allow-private=0 -- \
  "http://localhost:$port/page/ssrf-localhost.html"
requests 0 "[^ ]* /page/ssrf-"
name=$(awk '$1 ~ /^127\./ { for (i = 2; i <= NF; i++) if ($i !~ /localhost/) { print $i; exit } }' /etc/hosts 2>/dev/null)
if [ -n "$name" ]; then
  run ssrf-dns ERR_FETCH "refused to connect to 127." allow-private=0 -- \
    "http://$name:$port/page/ssrf-dns.html"
  requests 0 "[^ ]* /page/ssrf-dns"
else
  echo "skip ssrf-dns: no loopback name in /etc/hosts"
fi
http_proxy=$base
export http_proxy
run ssrf-redirect ERR_FETCH "names a private, loopback" allow-private=0 -- \
  "http://news.example/ssrf-redirect"
unset http_proxy
requests 1 "127.0.0.1 http://news.example/ssrf-redirect "
exit $fail
