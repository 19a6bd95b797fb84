#!/bin/sh
# `build` on well-formed sample articles prints nothing but its summary:
# libxml2 errors routed through raptor's global handler ("raptor error -
# HTML parser error: Tag nav invalid") must never reach stderr.
set -eu
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$NEWSGRAPH" build --store "$tmp/s.db" "$top_srcdir"/fixtures/articles/* 2>"$tmp/err"
cat "$tmp/err"
if grep -v '^newsgraph: [0-9]* articles' "$tmp/err" | grep -q .; then
  echo "FAIL: unexpected messages on stderr"
  exit 1
fi
echo "ok: stderr holds only the summary"
