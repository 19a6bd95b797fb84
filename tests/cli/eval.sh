#!/bin/sh
# Extraction quality as a regression test: runs `newsgraph extract --format
# nquads` on the development articles (../shared/eval/dev) and on the
# project's own sample articles (fixtures/articles with fixtures/gold), scores
# both with the shared scorer, and fails if a score drops below its floor.
# The dev floors are the acceptance numbers of the extraction-accuracy issue;
# the sample floors sit just under the measured values of the project's own
# articles, so accuracy cannot silently regress.
set -eu
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
shared="${NEWSGRAPH_SHARED:-$top_srcdir/../shared}"
if [ ! -x "$shared/eval/score-graph" ]; then
  echo "eval.sh: $shared/eval/score-graph not found (shared/ must sit beside the checkout)"
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0

# check NAME SUMMARY-LINE CATEGORY FLOOR
check() {
  value=$(printf '%s\n' "$2" | sed -n "s/.*$3=\([0-9.]*\).*/\1/p")
  if [ -z "$value" ] || awk -v v="$value" -v f="$4" 'BEGIN { exit !(v < f) }'; then
    echo "FAIL $1: $3=$value below $4"
    fail=1
  else
    echo "ok   $1: $3=$value (floor $4)"
  fi
}

# score NAME GOLD_DIR INPUT_DIR: extract each gold's article into $out/NAME.
score() {
  mkdir -p "$out/$1"
  for gold in "$2"/*.gold.tsv; do
    stem=$(basename "$gold" .gold.tsv)
    input=
    for ext in txt html; do
      if [ -f "$3/$stem.$ext" ]; then input="$3/$stem.$ext"; fi
    done
    if [ -z "$input" ]; then
      echo "FAIL $1: no input for $stem"
      fail=1
      continue
    fi
    if ! "$NEWSGRAPH" extract --format nquads "$input" >"$out/$1/$stem.nq" 2>"$out/$1/$stem.err"; then
      echo "FAIL $1: extract failed on $stem: $(head -c 300 "$out/$1/$stem.err")"
      fail=1
    elif ! rapper -q -i nquads -c "$out/$1/$stem.nq" 2>/dev/null; then
      echo "FAIL $1: invalid N-Quads for $stem"
      fail=1
    fi
  done
  python3 "$shared/eval/score-graph" "$2" "$out/$1" >"$out/$1.score"
  dates=$(sed -n 's/^event dates *[0-9.]* *[0-9.]* *\([0-9.]*\) .*/\1/p' "$out/$1.score")
  printf '%s event-dates F1=%s\n' "$(tail -1 "$out/$1.score")" "$dates"
}

dev=$(score dev "$shared/eval/dev" "$shared/eval/dev")
echo "dev: $dev"
check dev "$dev" "entities F1" 0.95
check dev "$dev" "facts F1" 0.85
check dev "$dev" "events F1" 0.85
check dev "$dev" "event-dates F1" 0.90
check dev "$dev" "metadata acc" 0.97

own=$(score samples "$top_srcdir/fixtures/gold" "$top_srcdir/fixtures/articles")
echo "samples: $own"
check samples "$own" "entities F1" 0.97
check samples "$own" "facts F1" 0.95
check samples "$own" "events F1" 0.95
check samples "$own" "event-dates F1" 0.95
check samples "$own" "metadata acc" 0.97
exit "$fail"
