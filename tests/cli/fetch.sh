#!/bin/sh
# SPDX-License-Identifier: MIT
# Fetch tests over a loopback HTTP server of our own (tests/http/server.py):
# redirects (F02), refused schemes, content encodings (F04), HTTP errors,
# stalls (F06), size caps, and header-vs-meta charsets (C02). Never touches
# the internet. Skips (77) without python3.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
drv="$top_builddir/tests/api/test_fetch"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: install python3"; exit 1; }
[ -x "$drv" ] || { echo "missing $drv" >&2; exit 99; }

tmp=$(mktemp -d)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

python3 "$top_srcdir/tests/http/server.py" "$top_srcdir/fixtures/html" \
  "$tmp/port" &
srv_pid=$!
i=0
while [ ! -s "$tmp/port" ]; do
  i=$((i + 1))
  [ $i -gt 100 ] && { echo "server did not start" >&2; exit 99; }
  sleep 0.1
done
base="http://127.0.0.1:$(cat "$tmp/port")"
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
  "$drv" -o timeout=5 -o connect-timeout=2 $opts "$1" >"$tmp/out" 2>&1
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

run page OK "Harbour workers in Orlan ended" -- \
  "$base/page/orlan-harbour-strike.html"
run page-canonical OK "iri $base/news/2025/05/15/orlan-harbour-strike" -- \
  "$base/page/orlan-harbour-strike.html"
run redirect-chain OK "iri $base/news/2025/05/15/orlan-harbour-strike" -- \
  "$base/r1"
run redirect-loop ERR_FETCH "cannot fetch" max-redirs=5 -- "$base/loop/a"
run redirect-file ERR_FETCH "refused" -- "$base/to-file"
run redirect-ftp ERR_FETCH "refused" -- "$base/to-ftp"
run gzip OK "Harbour workers in Orlan ended" -- "$base/gzip"
run gzip-lie OK "Harbour workers in Orlan ended" -- "$base/gzip-lie"
run double-gzip ERR_PARSE "body is compressed data" -- "$base/double-gzip"
run gz-file OK "Harbour workers in Orlan ended" -- "$base/file.html.gz"
run http-404 ERR_HTTP "HTTP 404 from $base/404" -- "$base/404"
run missing-page ERR_HTTP "HTTP 404" -- "$base/page/no-such.html"
start=$(date +%s)
run stall ERR_FETCH "cannot fetch" timeout=2 -- "$base/stall"
end=$(date +%s)
if [ $((end - start)) -gt 6 ]; then
  echo "FAIL stall: took $((end - start)) s"; fail=1
fi
run too-large ERR_TOO_LARGE "larger than 100000 bytes" max-bytes=100000 -- \
  "$base/big"
run too-large-unsized ERR_TOO_LARGE "larger than 100000 bytes" \
  max-bytes=100000 -- "$base/big-unsized"
run charset-header-wins OK "Mayor Lena Müller opened" -- "$base/charset"
run charset-c1 OK "“a link our grandparents asked for”" -- "$base/charset"
run refused-port ERR_FETCH "cannot fetch" connect-timeout=1 -- \
  "http://127.0.0.1:1/"
exit $fail
