#!/bin/sh
# Golden CLI test: every fixtures/html/X.html is extracted with a fixed
# clock; the sorted N-Quads must equal fixtures/expected/X.nq when that
# file exists, and every N-Quads, N-Triples, Turtle and TriG output must
# re-parse with the raptor newsgraph links against (FAULT-CASES.md X06).
# Pages with a X.url file are extracted with --url "$(cat X.url)".
# Regenerate the expected files after an intended change with:
#   NG_UPDATE_GOLDEN=1 make check TESTS=tests/cli/golden.sh
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
NOW=1747267200
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v rapper >/dev/null || { echo "rapper not found: install raptor2-utils"; exit 1; }
fail=0 n=0 compared=0
for page in "$top_srcdir"/fixtures/html/*.html; do
  [ -f "$page" ] || continue
  name=$(basename "$page" .html)
  set -- --now "$NOW"
  if [ -f "$top_srcdir/fixtures/html/$name.url" ]; then
    set -- "$@" --url "$(head -n 1 "$top_srcdir/fixtures/html/$name.url")"
  fi
  n=$((n + 1))
  for fmt in nquads ntriples turtle trig; do
    if ! "$NEWSGRAPH" -q extract "$@" --format "$fmt" "$page" \
        >"$out/$name.$fmt" 2>"$out/$name.err"; then
      echo "FAIL $name: extract --format $fmt exited $?: $(head -c 300 "$out/$name.err")"
      fail=1
      continue
    fi
    if ! rapper -q -i "$fmt" -c "$out/$name.$fmt" 2>"$out/$name.rapper"; then
      echo "FAIL $name: invalid $fmt: $(head -c 300 "$out/$name.rapper")"
      fail=1
    fi
  done
  # The same graph whatever the syntax.
  rapper -q -i turtle -o ntriples "$out/$name.turtle" 2>/dev/null | sort >"$out/$name.t.nt"
  rapper -q -i nquads -o ntriples "$out/$name.nquads" 2>/dev/null | sort >"$out/$name.q.nt"
  if ! cmp -s "$out/$name.t.nt" "$out/$name.q.nt"; then
    echo "FAIL $name: Turtle and N-Quads outputs differ"
    fail=1
  fi
  LC_ALL=C sort "$out/$name.nquads" >"$out/$name.nq"
  expected="$top_srcdir/fixtures/expected/$name.nq"
  if [ -n "${NG_UPDATE_GOLDEN:-}" ]; then
    cp "$out/$name.nq" "$expected"
    echo "updated $expected"
  elif [ -f "$expected" ]; then
    compared=$((compared + 1))
    if diff -u "$expected" "$out/$name.nq" >"$out/$name.diff"; then
      echo "ok   $name"
    else
      echo "FAIL $name: output differs from fixtures/expected/$name.nq"
      echo "     (intended? NG_UPDATE_GOLDEN=1 make check TESTS=tests/cli/golden.sh)"
      head -n 40 "$out/$name.diff"
      fail=1
    fi
  else
    echo "ok   $name (valid; no expected output to compare)"
  fi
done
[ "$n" -gt 0 ] || { echo "FAIL no fixtures/html/*.html"; exit 1; }
echo "$n pages, $compared compared with fixtures/expected"
exit "$fail"
