#!/bin/sh
# SPDX-License-Identifier: MIT
# --feed through the command line, over a loopback server of our own
# (tests/http/feed_server.py serving fixtures/feeds): RSS 2.0, RSS 1.0,
# Atom, news sitemaps, a sitemap index, autodiscovery in an HTML page, a
# redirected feed, relative item links, duplicates, the feed date as the
# fallback publication date, a local feed file, and build. Never touches
# the internet.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NEWSGRAPH:=./cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 99; }
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }

tmp=$(mktemp -d)
srv_pid=
cleanup() {
  [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
python3 "$top_srcdir/tests/http/feed_server.py" "$top_srcdir/fixtures/feeds" \
  "$tmp/port" &
srv_pid=$!
i=0
while [ ! -s "$tmp/port" ]; do
  i=$((i + 1))
  [ $i -gt 100 ] && { echo "server did not start" >&2; exit 99; }
  sleep 0.1
done
base="http://127.0.0.1:$(cat "$tmp/port")"
a="$base/feeds/articles"
# The SSRF guard refuses loopback unless told otherwise.
# No per-host politeness delay on our own server.
private=
if "$NEWSGRAPH" extract --help | grep -q -- --allow-private; then
  private=--allow-private
fi
if "$NEWSGRAPH" extract --help | grep -q -- --delay; then
  private="$private --delay 0"
fi
fail=0

# graphs FILE: the graph names of an N-Quads file, sorted, on one line.
graphs() {
  awk '{print $(NF-1)}' "$1" | tr -d '<>' | sort -u | tr '\n' ' ' |
    sed 's/ $//'
}

# date FILE ARTICLE: the schema:datePublished of ARTICLE, or "none".
date_of() {
  d=$(grep "^<$2> <https://schema.org/datePublished> " "$1" |
      sed 's/^[^"]*"\([^"]*\)".*/\1/')
  echo "${d:-none}"
}

# run NAME WANT_RC WANT_GRAPHS OPTIONS...: extract --format nquads.
run() {
  name=$1 want_rc=$2 want=$3
  shift 3
  # shellcheck disable=SC2086
  "$NEWSGRAPH" extract $private --format nquads "$@" >"$tmp/out.nq" \
    2>"$tmp/err"
  rc=$?
  got=$(graphs "$tmp/out.nq")
  if [ $rc != "$want_rc" ]; then
    echo "FAIL $name: exit $rc, want $want_rc"; sed 's/^/  /' "$tmp/err"
    fail=1
  elif [ "$got" != "$want" ]; then
    echo "FAIL $name: graphs '$got'"; echo "  want '$want'"
    sed 's/^/  /' "$tmp/err"; fail=1
  else
    echo "ok   $name"
  fi
}

# want_date NAME ARTICLE DATE: checks the last run's date of ARTICLE.
want_date() {
  got=$(date_of "$tmp/out.nq" "$2")
  if [ "$got" = "$3" ]; then
    echo "ok   $1"
  else
    echo "FAIL $1: datePublished $got, want $3"; fail=1
  fi
}

# RSS 2.0: an absolute link, a relative one (resolved against the feed's
# URL: against the channel link it would be a 404), the first one again
# with a #fragment (a duplicate), and a permalink guid.
run "RSS 2.0" 0 "$a/kelso-bridge.html $a/tamsin-library.html $a/varna-ferry.html" \
  --feed "$base/feeds/rss2.xml"
n=$(grep -c 'schema.org/NewsArticle>' "$tmp/out.nq")
[ "$n" = 3 ] && echo "ok   RSS 2.0: duplicate item read once" ||
  { echo "FAIL duplicates: $n articles"; fail=1; }
want_date "feed date used when the page has none (pubDate)" \
  "$a/varna-ferry.html" 2025-04-03
want_date "feed date used when the page has none (dc:date)" \
  "$a/tamsin-library.html" 2025-04-04
want_date "the page's own date wins over the feed's" \
  "$a/kelso-bridge.html" 2025-04-02T08:00:00Z
# --date still wins over both.
run "RSS 2.0 with --date" 0 "$a/kelso-bridge.html $a/tamsin-library.html $a/varna-ferry.html" \
  --date 2025-01-01 --feed "$base/feeds/rss2.xml"
want_date "--date wins over the feed date" "$a/varna-ferry.html" 2025-01-01

run "RSS 1.0 (RDF)" 0 "$a/ostrava-tram.html $a/varna-ferry.html" \
  --feed "$base/feeds/rss1.rdf"
want_date "RSS 1.0 dc:date" "$a/ostrava-tram.html" 2025-04-06

# Atom: xml:base-relative links; <updated> is never a publication date.
run "Atom" 0 "$a/ostrava-tram.html $a/tamsin-library.html" \
  --feed "$base/feeds/atom.xml"
want_date "Atom published" "$a/tamsin-library.html" 2025-04-04
want_date "Atom updated is not published" "$a/ostrava-tram.html" none

run "news sitemap" 0 "$a/tamsin-library.html $a/varna-ferry.html" \
  --feed "$base/feeds/sitemap-news.xml"
want_date "news:publication_date" "$a/varna-ferry.html" 2025-04-03
want_date "sitemap lastmod is not published" "$a/tamsin-library.html" none

# A sitemap index: both sitemaps read, the missing one skipped (warning).
run "sitemap index" 0 "$a/kelso-bridge.html $a/ostrava-tram.html $a/tamsin-library.html $a/varna-ferry.html" \
  --feed "$base/feeds/sitemap-index.xml"
grep -q "no-such-sitemap.xml" "$tmp/err" &&
  echo "ok   sitemap index: the missing sitemap is named" ||
  { echo "FAIL sitemap index warning"; sed 's/^/  /' "$tmp/err"; fail=1; }

# Autodiscovery: an HTML page's first <link rel=alternate> feed (Atom).
run "autodiscovery" 0 "$a/ostrava-tram.html $a/tamsin-library.html" \
  --feed "$base/feeds/home.html"

# A redirected feed: relative links resolve against the final URL.
run "redirected feed" 0 "$a/kelso-bridge.html $a/tamsin-library.html $a/varna-ferry.html" \
  --feed "$base/feeds/moved.xml"

# Repeated --feed, and a plain INPUT beside them, each article once.
run "two feeds and an input" 0 "$a/kelso-bridge.html $a/ostrava-tram.html $a/tamsin-library.html $a/varna-ferry.html" \
  --feed "$base/feeds/rss1.rdf" --feed "$base/feeds/atom.xml" \
  "$a/kelso-bridge.html"
n=$(grep -c 'schema.org/NewsArticle>' "$tmp/out.nq")
[ "$n" = 4 ] && echo "ok   an article in two feeds and the INPUTs is read once" ||
  { echo "FAIL duplicates across feeds: $n articles, want 4"; fail=1; }

# A local feed file.
sed "s|@BASE@|$base|g" "$top_srcdir/fixtures/feeds/sitemap-news.xml" \
  >"$tmp/local.xml"
run "local feed file" 0 "$a/tamsin-library.html $a/varna-ferry.html" \
  --feed "$tmp/local.xml"
want_date "local feed file date" "$a/varna-ferry.html" 2025-04-03

# Not a feed: an article page that links none.
run "page without a feed" 1 "" --feed "$a/kelso-bridge.html"
grep -q "cannot read the feed $a/kelso-bridge.html: .*links no RSS or Atom feed" "$tmp/err" &&
  echo "ok   page without a feed: clear error" ||
  { echo "FAIL page without a feed message"; sed 's/^/  /' "$tmp/err"
    fail=1; }

# build: the summary line counts the feed's articles.
# shellcheck disable=SC2086
"$NEWSGRAPH" build $private --store "$tmp/s.db" \
  --feed "$base/feeds/rss2.xml" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -q "^newsgraph: 3 articles added to $tmp/s.db, 0 failed" "$tmp/err"; then
  echo "ok   build --feed"
else
  echo "FAIL build --feed (exit $rc)"; sed 's/^/  /' "$tmp/err"; fail=1
fi
# A feed of 200 articles fetched 8 at a time finishes, without a hang.
start=$(date +%s)
# shellcheck disable=SC2086
timeout 300 "$NEWSGRAPH" build $private --jobs 8 --store "$tmp/many.db" \
  --feed "$base/feeds/many-200.xml" 2>"$tmp/err"
rc=$?
end=$(date +%s)
if [ $rc = 0 ] && grep -q "^newsgraph: 200 articles added to $tmp/many.db, 0 failed" "$tmp/err"; then
  echo "ok   a feed of 200 articles with --jobs 8 ($((end - start)) s)"
else
  echo "FAIL feed of 200 articles (exit $rc)"; sed 's/^/  /' "$tmp/err"
  fail=1
fi
exit $fail
