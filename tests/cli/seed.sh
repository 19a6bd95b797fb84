#!/bin/sh
# The seed article (the one newsgraph was built for), as HTML and as raw
# agency text with --date, must yield its key facts and events.
set -eu
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
dev="${NEWSGRAPH_SHARED:-$top_srcdir/../shared}/eval/dev"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
"$NEWSGRAPH" extract --format nquads "$dev/seed-bernama-putin-anwar.html" >"$out/html.nq"
"$NEWSGRAPH" extract --format nquads --date 2025-05-15 "$dev/seed-bernama-putin-anwar.txt" >"$out/txt.nq"
for f in html txt; do
  rapper -q -i nquads -c "$out/$f.nq" || { echo "FAIL $f: invalid N-Quads"; fail=1; }
  if python3 "$top_srcdir/tests/cli/seed.py" "$out/$f.nq"; then
    echo "ok   seed $f"
  else
    echo "FAIL seed $f"
    fail=1
  fi
done
exit "$fail"
