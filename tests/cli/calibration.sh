#!/bin/sh
# Confidence that means something, as a regression test: extracts the
# development articles (../shared/eval/dev) and the project's sample articles
# (fixtures/articles with fixtures/gold), and fails unless the binary facts
# with ng:confidence >= 0.8 are right (per the shared scorer) at least 90 %
# of the time, or if there are none. The table is tests/bench/calibration's.
# CALIBRATION_CHECK=T:P overrides the threshold and floor (default 0.8:0.90).
set -eu
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
shared="${NEWSGRAPH_SHARED:-$top_srcdir/../shared}"
if [ ! -x "$shared/eval/score-graph" ]; then
  echo "calibration.sh: $shared/eval/score-graph not found (shared/ must sit beside the checkout)"
  exit 1
fi
NEWSGRAPH_SHARED=$shared
export NEWSGRAPH_SHARED
exec python3 "$top_srcdir/tests/bench/calibration" \
  --check "${CALIBRATION_CHECK:-0.8:0.90}" "$NEWSGRAPH" \
  "$shared/eval/dev" "$shared/eval/dev" \
  "$top_srcdir/fixtures/gold" "$top_srcdir/fixtures/articles"
