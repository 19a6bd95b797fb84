#!/bin/sh
# SPDX-License-Identifier: MIT
# WARC input through the command line: plain, gzip with a member per
# record (CC-NEWS) and one gzip stream; skipped record kinds; WARC-Date as
# ng:retrievedAt; the HTTP header's charset; truncated and corrupt records
# reported by offset while the rest is read; build's summary counts
# articles. The WARC files are written at test time by warc_make.py from
# fixtures/feeds/articles.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NEWSGRAPH:=./cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 99; }
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
site=https://news.example.org/2024/11
all="$site/kelso-bridge $site/ostrava-tram $site/tamsin-library $site/varna-ferry"
no_varna="$site/kelso-bridge $site/ostrava-tram $site/tamsin-library"

for m in plain gz gz-one gz-truncated plain-truncated gz-corrupt; do
  case $m in gz*) ext=warc.gz ;; *) ext=warc ;; esac
  python3 "$top_srcdir/tests/cli/warc_make.py" \
    "$top_srcdir/fixtures/feeds/articles" $m "$tmp/$m.$ext" || exit 99
done

# graphs FILE: the graph names of an N-Quads file, sorted, on one line.
graphs() {
  awk '{print $NF == "." ? $(NF-1) : $NF}' "$1" | tr -d '<>' | sort -u |
    tr '\n' ' ' | sed 's/ $//'
}

# check NAME FILE RC WANT_RC WANT_GRAPHS
check() {
  got=$(graphs "$2")
  if [ "$3" != "$4" ]; then
    echo "FAIL $1: exit $3, want $4"; sed 's/^/  /' "$tmp/err"; fail=1
  elif [ "$got" != "$5" ]; then
    echo "FAIL $1: graphs '$got', want '$5'"; sed 's/^/  /' "$tmp/err"
    fail=1
  else
    echo "ok   $1"
  fi
}

for m in plain gz gz-one; do
  case $m in gz*) f=$tmp/$m.warc.gz ;; *) f=$tmp/$m.warc ;; esac
  "$NEWSGRAPH" --now 1700000000 extract --format nquads "$f" \
    >"$tmp/$m.nq" 2>"$tmp/err"
  check "extract $m: the 4 HTML 2xx responses, nothing else" "$tmp/$m.nq" \
    $? 0 "$all"
done

# Every line of each article is in its own named graph.
n=$(grep -c 'schema.org/NewsArticle>' "$tmp/gz.nq")
[ "$n" = 4 ] && echo "ok   4 NewsArticle nodes" ||
  { echo "FAIL NewsArticle nodes: $n, want 4"; fail=1; }

# WARC-Date is the retrieval time (not --now).
if grep -q "<$site/kelso-bridge> <https://w3id.org/newsgraph/ns#retrievedAt> \"2024-11-03T10:20:30Z\"" "$tmp/gz.nq" &&
   grep -q "<$site/ostrava-tram> <https://w3id.org/newsgraph/ns#retrievedAt> \"2024-11-03T10:24:00Z\"" "$tmp/gz.nq"; then
  echo "ok   WARC-Date as ng:retrievedAt"
else
  echo "FAIL WARC-Date as ng:retrievedAt"; grep retrievedAt "$tmp/gz.nq"
  fail=1
fi

# The HTTP header says windows-1252, the page's <meta> says utf-8: the
# header wins, so the headline has its é.
if grep -q 'reading room and café"@en' "$tmp/gz.nq"; then
  echo "ok   HTTP header charset reaches the charset decoder"
else
  echo "FAIL header charset"; grep headline "$tmp/gz.nq"; fail=1
fi

# Truncated and corrupt records: one clear error naming the file and the
# record's offset, exit 1, and every other article still written.
for m in gz-truncated plain-truncated gz-corrupt; do
  case $m in gz*) f=$tmp/$m.warc.gz ;; *) f=$tmp/$m.warc ;; esac
  "$NEWSGRAPH" extract --format nquads "$f" >"$tmp/$m.nq" 2>"$tmp/err"
  check "extract $m: the other records are read" "$tmp/$m.nq" $? 1 \
    "$no_varna"
  if grep -Eq "^newsgraph: .*$f: record at offset [0-9]+( is truncated|: bad or truncated gzip)" "$tmp/err"; then
    echo "ok   $m: error names the file and offset"
  else
    echo "FAIL $m: error message"; sed 's/^/  /' "$tmp/err"; fail=1
  fi
done
# In a member-per-record file the offset is the record's gzip member.
off=$(python3 - "$tmp/gz-truncated.warc.gz" <<'EOF'
import sys, zlib
data = open(sys.argv[1], "rb").read()
pos, n = 0, 0
while pos < len(data):
    d = zlib.decompressobj(31)
    d.decompress(data[pos:])
    if n == 6:  # varna is the 7th record
        print(pos)
        break
    pos = len(data) - len(d.unused_data)
    n += 1
EOF
)
"$NEWSGRAPH" extract --format nquads "$tmp/gz-truncated.warc.gz" \
  >/dev/null 2>"$tmp/err"
if grep -q "record at offset $off is truncated" "$tmp/err"; then
  echo "ok   truncated record reported at its member offset $off"
else
  echo "FAIL member offset, want $off"; sed 's/^/  /' "$tmp/err"; fail=1
fi

# build: every article of the archive, counted in the summary line.
"$NEWSGRAPH" build --store "$tmp/s.db" "$tmp/gz.warc.gz" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -q "^newsgraph: 4 articles added to $tmp/s.db, 0 failed" "$tmp/err"; then
  echo "ok   build counts the archive's articles"
else
  echo "FAIL build summary (exit $rc)"; sed 's/^/  /' "$tmp/err"; fail=1
fi
got=$("$NEWSGRAPH" graphs --store "$tmp/s.db" | tail -n +2 | cut -f1 | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$all" ] && echo "ok   build stored 4 graphs" ||
  { echo "FAIL build graphs: $got"; fail=1; }
"$NEWSGRAPH" build --store "$tmp/t.db" "$tmp/plain-truncated.warc" \
  "$tmp/gz-one.warc.gz" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q "^newsgraph: 7 articles added to $tmp/t.db, 1 failed" "$tmp/err"; then
  echo "ok   build with a truncated record: 7 added, 1 failed"
else
  echo "FAIL build with a truncated record (exit $rc)"
  sed 's/^/  /' "$tmp/err"; fail=1
fi

# RDF/XML of one archive is one document.
"$NEWSGRAPH" extract --format rdfxml "$tmp/plain.warc" >"$tmp/x.rdf" \
  2>"$tmp/err"
if command -v rapper >/dev/null 2>&1; then
  if rapper -q -i rdfxml -c "$tmp/x.rdf" 2>/dev/null; then
    echo "ok   one RDF/XML document"
  else
    echo "FAIL RDF/XML output does not parse"; fail=1
  fi
fi

# --url cannot name every article of an archive.
"$NEWSGRAPH" extract --url https://x.example/a "$tmp/plain.warc" \
  >/dev/null 2>"$tmp/err"
rc=$?
[ $rc = 2 ] && echo "ok   --url with a WARC is a usage error" ||
  { echo "FAIL --url with a WARC: exit $rc"; fail=1; }
# F08 in an archive: a consent wall served with 200 is a failed input with
# the reason, never an article (as when fetched).
python3 - "$tmp/wall.warc" "$top_srcdir/fixtures/html/orlan-harbour-strike.html" <<'PY'
import sys
def rec(uri, body):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-11-03T10:20:30Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, uri[-12:].rjust(12, "0"), len(http)))
    return head.encode() + http + b"\r\n\r\n"
wall = (b"<html><head><title>Before you continue</title></head><body><h1>"
        b"Before you continue</h1><p>We and our partners use cookies. Accept "
        b"all cookies or manage cookies in the privacy settings.</p></body>"
        b"</html>")
page = open(sys.argv[2], "rb").read()
open(sys.argv[1], "wb").write(rec("https://news.example/consent", wall) +
                              rec("https://news.example/orlan", page))
PY
"$NEWSGRAPH" build --store "$tmp/w.db" "$tmp/wall.warc" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q "consent wall" "$tmp/err" &&
   grep -q "^newsgraph: 1 article added to $tmp/w.db, 1 failed" "$tmp/err"; then
  echo "ok   consent wall in an archive: failed with the reason"
else
  echo "FAIL consent wall in an archive (exit $rc)"; sed 's/^/  /' "$tmp/err"
  fail=1
fi
exit $fail
