#!/bin/sh
# SPDX-License-Identifier: MIT
# Crawl tests over the loopback server (tests/http/server.py) through the
# command line: 200 URLs on two hosts with --jobs 8, from a list and from
# an RSS feed (--feed), finish without a hang,
# at most 2 connections and requests per host at once, robots.txt read once
# per host, the per-host delay, cookies never shared between fetches, walls
# reported as failed inputs with no triples, conditional requests (ng_crawl
# API), and the libcurl features in --version. Never touches the internet.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
drv="$top_builddir/tests/api/test_fetch"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: install python3"; exit 1; }
[ -x "$drv" ] || { echo "missing $drv" >&2; exit 99; }
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }

. "$top_srcdir/tests/http/start-server.sh"
a="http://127.0.0.1:$port"
b="http://127.0.0.2:$port"
if grep -q "bind 127.0.0.2 failed" "$tmp/log"; then
  echo "cannot bind 127.0.0.2: the per-host tests need it" >&2; exit 99
fi
fail=0
ng() {
  "$NEWSGRAPH" --quiet "$@"
}
check() {
  if [ "$1" = 0 ]; then echo "ok $2"; else echo "FAIL $2"; fail=1; fi
}

# --- the crawl: 200 URLs, two hosts, --jobs 8 ---
i=1
while [ $i -le 100 ]; do
  echo "$a/crawl/$i"
  echo "$b/crawl/$i"
  i=$((i + 1))
done >"$tmp/list"
start=$(date +%s)
timeout 300 "$NEWSGRAPH" build --store "$tmp/crawl.db" --jobs 8 \
  --allow-private --delay 0 "@$tmp/list" >"$tmp/out" 2>"$tmp/err"
rc=$?
end=$(date +%s)
check $rc "crawl of 200 URLs exits 0 in $((end - start)) s"
grep -q "200 articles added to $tmp/crawl.db, 0 failed" "$tmp/err"
check $? "crawl: 200 articles added, 0 failed"
n=$(grep -c "^req 127.0.0.[12] /crawl/" "$tmp/log")
[ "$n" = 200 ]; check $? "crawl: 200 article requests ($n)"
for h in 127.0.0.1 127.0.0.2; do
  inflight=$(awk -v h=$h '$1 == "req" && $2 == h && $3 ~ /^\/crawl\// {
      split($4, f, "="); if (f[2] > m) m = f[2] } END { print m + 0 }' \
    "$tmp/log")
  conns=$(awk -v h=$h '$1 == "conn" && $2 == h && $3 == "open" {
      if ($4 > m) m = $4 } END { print m + 0 }' "$tmp/log")
  robots=$(grep -c "^req $h /robots.txt " "$tmp/log")
  echo "   $h: at most $inflight requests and $conns connections at once," \
    "robots.txt read $robots time(s)"
  [ "$inflight" = 2 ]; check $? "crawl: $h had 2 requests at once, never more"
  [ "$conns" -le 2 ]; check $? "crawl: $h had at most 2 connections at once"
  [ "$robots" = 1 ]; check $? "crawl: $h robots.txt read once"
done
n=$(ng stats --store "$tmp/crawl.db" | awk '$1 == "graphs" { print $2 }')
[ "$n" = 200 ]; check $? "crawl: 200 graphs in the store ($n)"

# --- the acceptance crawl: a feed of 200 items on two hosts, --jobs 8 ---
before=$(grep -c "^req 127.0.0.[12] /crawl/feed-" "$tmp/log")
start=$(date +%s)
timeout 300 "$NEWSGRAPH" build --store "$tmp/feed.db" --jobs 8 \
  --allow-private --delay 0 --feed "$a/feed.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
end=$(date +%s)
check $rc "feed crawl of 200 items exits 0 in $((end - start)) s"
grep -q "200 articles added to $tmp/feed.db, 0 failed" "$tmp/err"
check $? "feed crawl: 200 articles added, 0 failed"
n=$(grep -c "^req 127.0.0.[12] /crawl/feed-" "$tmp/log")
[ $((n - before)) = 200 ]; check $? "feed crawl: 200 article requests"
for h in 127.0.0.1 127.0.0.2; do
  inflight=$(awk -v h=$h '$1 == "req" && $2 == h && $3 ~ /^\/crawl\/feed-/ {
      split($4, f, "="); if (f[2] > m) m = f[2] } END { print m + 0 }' \
    "$tmp/log")
  echo "   feed crawl $h: at most $inflight requests at once"
  [ "$inflight" = 2 ]; check $? "feed crawl: $h had 2 requests at once, never more"
done

# --- the per-host delay: 5 URLs on one host, 400 ms apart ---
start=$(date +%s%N)
ng extract --jobs 4 --allow-private --delay 400 "$a/crawl/d1" "$a/crawl/d2" \
  "$a/crawl/d3" "$a/crawl/d4" "$a/crawl/d5" >"$tmp/out" 2>"$tmp/err"
rc=$?
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
check $rc "delay: extract of 5 URLs exits 0"
[ $ms -ge 1600 ]; check $? "delay: 5 requests 400 ms apart took $ms ms"

# --- extract with several URLs keeps the input order ---
ng extract --jobs 3 --allow-private --delay 0 --format nquads \
  "$a/crawl/x3" "$b/crawl/x1" "$a/crawl/x2" >"$tmp/out" 2>"$tmp/err"
check $? "extract of 3 URLs exits 0"
order=$(grep -o 'Brelde council notice x[0-9]' "$tmp/out" | uniq | tr -d '\n')
[ "$order" = "Brelde council notice x3Brelde council notice x1Brelde council notice x2" ]
check $? "extract keeps the order of the inputs"

# --- cookies never travel between the fetches of a crawl ---
ng extract --jobs 2 --allow-private --delay 0 "$a/cookie-set" \
  "$a/cookie-probe" >/dev/null 2>"$tmp/err"
check $? "cookies: both fetches succeed"
grep -q "^req 127.0.0.1 /cookie-probe .* cookie=- " "$tmp/log"
check $? "cookies: the second fetch got no cookie from the first"

# --- walls are failed inputs, with the reason and no triples ---
ng extract --allow-private --delay 0 "$a/consent" "$a/page/orlan-harbour-strike.html" \
  "$a/forbidden" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 1 ]; check $? "walls: exit 1 when an input failed"
grep -q "cannot load $a/consent: consent wall (HTTP 200 from $a/consent)" \
  "$tmp/err"
check $? "walls: consent wall reported with the reason"
grep -q "cannot load $a/forbidden: HTTP 403 from $a/forbidden (bot wall)" \
  "$tmp/err"
check $? "walls: 403 bot wall reported with the reason"
grep -q "news/2025/05/15/orlan-harbour-strike" "$tmp/out"
check $? "walls: the article between them is extracted"
grep -qi "consent\|forbidden\|Before you continue\|Access denied" "$tmp/out"
[ $? = 1 ]; check $? "walls: no triples from the wall pages"

# --- without --allow-private, loopback is refused ---
ng text "$a/page/orlan-harbour-strike.html" >/dev/null 2>"$tmp/err"
[ $? = 1 ]; check $? "ssrf: text of a loopback URL fails by default"
grep -q "allow-private" "$tmp/err"; check $? "ssrf: the message names --allow-private"

# --- conditional requests (ng_crawl API) ---
"$drv" -o allow-private=1 -o delay=0 -c "$a/etag" >"$tmp/out" 2>&1
grep -q "^crawl $a/etag OK etag=\"v1\"" "$tmp/out"
check $? "conditional: the ETag of a fetch is kept"
"$drv" -o allow-private=1 -o delay=0 -c -e '"v1"' "$a/etag" >"$tmp/out" 2>&1
grep -q "^crawl $a/etag NOT_FOUND .*not modified since the last fetch (HTTP 304)" \
  "$tmp/out"
check $? "conditional: an unchanged page is not modified (304)"
grep -q "^req 127.0.0.1 /etag .* inm=\"v1\"" "$tmp/log"
check $? "conditional: If-None-Match sent"

# --- a crawl freed with transfers in flight returns at once ---
start=$(date +%s)
"$drv" -o allow-private=1 -o delay=0 -o jobs=4 -c -n 1 "$a/crawl/f1" \
  "$b/stall" "$a/stall" "$b/crawl/f2" >"$tmp/out" 2>&1
rc=$?
end=$(date +%s)
[ $rc = 0 ] && [ $((end - start)) -lt 5 ]
check $? "free: a crawl stopped early frees its transfers ($((end - start)) s)"

# --- --version names what libcurl decodes (FAULT-CASES F05) ---
"$NEWSGRAPH" --version | grep -q "^libcurl .*content decoding: .*gzip"
check $? "--version lists libcurl's content decoding"

exit $fail
