#!/bin/sh
# SPDX-License-Identifier: MIT
# WARC records newsgraph cannot use are reported, not dropped silently
# (issue 7): a response whose WARC-Target-URI is not an http(s) URL, or
# that has none, gets a warning naming the file, the record's offset and
# the URI; a .warc.gz cut short names the byte where reading stopped.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
page="$top_srcdir/fixtures/feeds/articles/kelso-bridge.html"

# Five responses with the same page: a good target, ftp:, no URL, none,
# and one with a space (escaped, kept). Writes the offsets of the bad
# ones to $tmp/offsets, then the same records gzipped as one stream and
# cut at two thirds.
python3 - "$page" "$tmp" <<'EOF' || exit 99
import gzip, sys
page = open(sys.argv[1], "rb").read()
tmp = sys.argv[2]
def record(n, uri):
    head = ["WARC/1.0", "WARC-Type: response",
            "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>" % n,
            "WARC-Date: 2024-11-03T10:20:30Z"]
    if uri is not None:
        head.append("WARC-Target-URI: " + uri)
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8"
             b"\r\n\r\n" + page)
    head += ["Content-Type: application/http; msgtype=response",
             "Content-Length: %d" % len(block)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
uris = ["https://news.example.org/2024/11/good", "ftp://news.example.org/x",
        "not a url", None, "http://news.example.org/sp ace"]
out = b""
with open(tmp + "/offsets", "w") as f:
    for n, uri in enumerate(uris):
        if n in (1, 2, 3):
            f.write("%d %s\n" % (len(out), uri if uri else "-"))
        out += record(n, uri)
open(tmp + "/t.warc", "wb").write(out)
z = gzip.compress(out)
open(tmp + "/cut.warc.gz", "wb").write(z[:len(z) * 2 // 3])
EOF

"$NEWSGRAPH" extract --format nquads "$tmp/t.warc" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && echo "ok   bad targets: exit 0" ||
  { echo "FAIL bad targets: exit $rc"; sed 's/^/  /' "$tmp/err"; fail=1; }
n=$(cut -d' ' -f4 "$tmp/out" | sort -u | grep -c '^<http')
[ "$n" = 2 ] && echo "ok   bad targets: the 2 http(s) records extracted" ||
  { echo "FAIL bad targets: $n graphs, want 2"; fail=1; }
while read -r off uri; do
  if [ "$uri" = - ]; then
    want="$tmp/t.warc: record at offset $off skipped: it has no \
WARC-Target-URI"
  else
    want="$tmp/t.warc: record at offset $off skipped: its WARC-Target-URI \
\"$uri\" is not an http(s) URL"
  fi
  if grep -qF -- "warning: $want" "$tmp/err"; then
    echo "ok   warned: record at $off ($uri)"
  else
    echo "FAIL no warning: $want"; sed 's/^/  /' "$tmp/err"; fail=1
  fi
done <"$tmp/offsets"
[ "$(grep -c warning "$tmp/err")" = 3 ] && echo "ok   3 warnings, no more" ||
  { echo "FAIL warnings:"; sed 's/^/  /' "$tmp/err"; fail=1; }

size=$(wc -c <"$tmp/cut.warc.gz" | tr -d ' ')
"$NEWSGRAPH" extract --format nquads "$tmp/cut.warc.gz" >/dev/null \
  2>"$tmp/err"
if grep -q "cut.warc.gz: record at offset [0-9]*: bad or truncated gzip \
data.*stopped at byte $size of the file" "$tmp/err"; then
  echo "ok   truncated .warc.gz: stopped at byte $size named"
else
  echo "FAIL truncated .warc.gz: no 'stopped at byte $size'"
  sed 's/^/  /' "$tmp/err"; fail=1
fi
exit $fail
