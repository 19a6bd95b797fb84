#!/bin/sh
# SPDX-License-Identifier: MIT
# Conditional requests through the command line (issue 4): build keeps each
# fetched article's ETag and Last-Modified in its graph, sends them back on
# the next build of the same URL and counts a 304 as "unchanged" (the
# store keeps the article); --refetch fetches in full. Also: robots.txt is
# read once per host and run, even when a feed and its articles are fetched
# by separate crawls; `text` takes several inputs. Loopback server only.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NEWSGRAPH:=./cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 99; }
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }

. "$top_srcdir/tests/http/start-server.sh"
base="http://127.0.0.1:$port"
fail=0
ng() { "$NEWSGRAPH" "$@"; }
fetchopts="--allow-private --delay 0 --retries 0"

# check NAME COMMAND...: COMMAND must succeed.
check() {
  name=$1
  shift
  if "$@"; then echo "ok $name"; else echo "FAIL $name"; fail=1; fi
}
# has FILE FIXED-STRING
has() { grep -qF -- "$2" "$1"; }
# reqs PATTERN: number of server requests matching the grep -E PATTERN.
reqs() { grep -cE "^req $1" "$tmp/log"; }

db="$tmp/news.db"
build() {
  # shellcheck disable=SC2086
  ng build --store "$db" $fetchopts "$@" >"$tmp/out" 2>"$tmp/err"
}

# 1. First build: both URLs fetched in full, validators kept in the graph.
build "$base/etag" "$base/lm"
check first-build-rc [ $? -eq 0 ]
check first-build-added has "$tmp/err" "2 articles added"
ng export --store "$db" --format nquads >"$tmp/q1"
check etag-stored has "$tmp/q1" '<https://w3id.org/newsgraph/ns#httpETag> "\"v1\""'
check lm-stored has "$tmp/q1" '<https://w3id.org/newsgraph/ns#httpLastModified> "Thu, 15 May 2025 01:10:00 GMT"'
check requested-url-stored has "$tmp/q1" "<https://w3id.org/newsgraph/ns#requestedUrl> <$base/lm>"
n_quads=$(wc -l <"$tmp/q1")

# 2. Second build: conditional requests, both unchanged, store intact.
build "$base/etag" "$base/lm"
check second-build-rc [ $? -eq 0 ]
check second-build-unchanged has "$tmp/err" "0 articles added to $db, 2 unchanged (HTTP 304), 0 failed"
check if-none-match-sent [ "$(reqs '127.0.0.1 /etag .*inm="v1"')" -eq 1 ]
check if-modified-since-sent [ "$(reqs '127.0.0.1 /lm .*ims=Thu,_15_May_2025_01:10:00_GMT')" -eq 1 ]
ng export --store "$db" --format nquads >"$tmp/q2"
check store-unchanged [ "$(wc -l <"$tmp/q2")" -eq "$n_quads" ]

# 3. --refetch: unconditional, the articles are added again.
build --refetch "$base/etag" "$base/lm"
check refetch-added has "$tmp/err" "2 articles added"
check refetch-no-validators [ "$(reqs '127.0.0.1 /etag .*inm="v1"')" -eq 1 ]

# 4. A page whose ETag changes is fetched again in full each time.
build "$base/etag-changes"
build "$base/etag-changes"
check changed-etag-added has "$tmp/err" "1 article added"
check changed-etag-sent [ "$(reqs '127.0.0.1 /etag-changes .*inm="v1"')" -eq 1 ]

# 5. extract never sends validators (no store) and prints them as facts.
ng extract $fetchopts --format nquads "$base/etag" >"$tmp/x" 2>"$tmp/err"
check extract-etag has "$tmp/x" 'httpETag> "\"v1\""'

# 6. robots.txt once per host and run: the feed and its two articles
#    come from 127.0.0.2, in two crawls (the feed, then the articles).
before=$(reqs '127.0.0.2 /robots.txt ')
ng extract $fetchopts --format nquads \
  --feed "http://127.0.0.2:$port/feed-small.xml" >"$tmp/x" 2>"$tmp/err"
check robots-feed-rc [ $? -eq 0 ]
check robots-once [ "$(reqs '127.0.0.2 /robots.txt ')" -eq $((before + 1)) ]
check robots-feed-articles [ "$(reqs '127.0.0.2 /crawl/small-')" -eq 2 ]

# 7. text with several inputs: a header per input; JSON Lines with --json.
ng text $fetchopts "$base/etag" "$top_srcdir/fixtures/html/orlan-harbour-strike.html" \
  >"$tmp/t" 2>"$tmp/err"
check text-several-rc [ $? -eq 0 ]
check text-header-1 has "$tmp/t" "==> $base/etag <=="
check text-header-2 has "$tmp/t" "==> $top_srcdir/fixtures/html/orlan-harbour-strike.html <=="
ng text --json $fetchopts "$base/lm" "$top_srcdir/fixtures/html/orlan-harbour-strike.html" \
  >"$tmp/t" 2>"$tmp/err"
check text-jsonl-lines [ "$(wc -l <"$tmp/t")" -eq 2 ]
check text-jsonl-valid python3 -c '
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1])]
assert "Norway" in lines[0]["headline"] and len(lines[0]["text"]) > 200
assert "Harbour workers" in lines[1]["text"]
assert lines[1]["input"].endswith("orlan-harbour-strike.html")
' "$tmp/t"
ng text "$tmp/missing.html" "$top_srcdir/fixtures/html/orlan-harbour-strike.html" \
  >"$tmp/t" 2>"$tmp/err"
check text-missing-rc [ $? -eq 1 ]
check text-missing-goes-on has "$tmp/t" "Harbour workers"
# The error names the input once.
check error-names-input-once [ "$(grep -o 'missing.html' "$tmp/err" | wc -l)" -eq 1 ]
exit $fail
