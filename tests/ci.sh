#!/bin/sh
# The whole test suite, from a clean clone or after the README's first
# command, on a Debian 12 machine: installs the build and test dependencies
# (as root), configures with -Werror, builds in the source tree (so
# ./cmd/newsgraph is the binary the README uses), runs `make check`, and
# ends with "N passed, N failed". The tests read ../shared beside the
# checkout (the development articles and scorers). Then the hardening
# stages, one summary line each: the suite again with ASan + UBSan
# (.ci-out/sanitizers), the libFuzzer targets (tests/fuzz/run-fuzzers,
# .ci-out/fuzz) and the CLI golden test under valgrind (tests/valgrind/run).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2046
  apt-get install -y -qq --no-install-recommends \
    $(grep -v '^#' "$top/tests/packages.txt") >/dev/null
  # The SHACL test runs an npm validator: Debian's nodejs and npm, unless
  # a Node.js with npm is there already (NodeSource's conflicts with
  # Debian's npm package).
  if ! command -v npm >/dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
fi
cd "$top"
[ -x configure ] || ./autogen.sh >/dev/null 2>&1
mkdir -p .ci-out
out="$top/.ci-out"
./configure --enable-werror >"$out/configure.out" 2>&1 || { tail -20 "$out/configure.out"; exit 1; }
make -j2 >"$out/make.out" 2>&1 || { grep -E 'error|Error' "$out/make.out" | head -40; exit 1; }
status=0
make -j2 check >"$out/check.out" 2>&1 || status=$?
grep -E '^(PASS|FAIL|XPASS|ERROR|SKIP):' "$out/check.out" || true
if [ "$status" -ne 0 ]; then
  for trs in $(grep -lE '^:test-result: (FAIL|ERROR)' $(find tests -name '*.trs') 2>/dev/null); do
    echo "---- ${trs%.trs}.log"
    tail -40 "${trs%.trs}.log"
  done
fi
pass=$(grep -c '^PASS:' "$out/check.out" || true)
fail=$(grep -cE '^(FAIL|ERROR|XPASS):' "$out/check.out" || true)
skip=$(grep -c '^SKIP:' "$out/check.out" || true)
echo "$pass passed, $fail failed, $skip skipped"

# Hardening stages (issue 7), each with its own summary line; any failure
# makes ci.sh fail. NG_CI_STAGES picks some ("sanitizers fuzz valgrind
# tsan"; empty: none).
stages=${NG_CI_STAGES-sanitizers fuzz valgrind tsan}
elapsed() { echo "$(($(date +%s) - $1)) s"; }
# The out-of-tree stages need a source tree that is not configured in
# place (this one is, for ./cmd/newsgraph): a clone of this checkout's
# HEAD, with ../shared named explicitly.
pristine=
case " $stages " in
*" sanitizers "* | *" fuzz "* | *" tsan "*)
  pristine="$out/src"
  rm -rf "$pristine"
  if git clone -q "$top" "$pristine" >"$out/clone.out" 2>&1 &&
    (cd "$pristine" && ./autogen.sh >/dev/null 2>&1); then
    NEWSGRAPH_SHARED=${NEWSGRAPH_SHARED:-$(cd "$top/.." && pwd)/shared}
    export NEWSGRAPH_SHARED
  else
    cat "$out/clone.out"
    echo "hardening stages: cannot make a clean source copy"
    exit 1
  fi
  ;;
esac
for stage in $stages; do
  t0=$(date +%s)
  case $stage in
  sanitizers)
    # (a) the whole suite again, built with ASan + UBSan out of tree. The
    # slow unwinder sees through Redland's frames, so that the
    # suppressions in tests/fuzz/lsan.supp (third-party leaks) match.
    san="$out/sanitizers"
    mkdir -p "$san"
    st=0
    (cd "$san" && "$pristine/configure" --enable-werror --enable-sanitizers \
        >configure.out 2>&1 && make -j2 >make.out 2>&1) || st=$?
    if [ "$st" -ne 0 ]; then
      tail -n 20 "$san/configure.out" "$san/make.out" 2>/dev/null
      echo "sanitizers: build failed ($(elapsed "$t0"))"
      status=1
      continue
    fi
    (cd "$san" &&
      ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:suppressions=$top/tests/fuzz/asan.supp" \
      LSAN_OPTIONS="suppressions=$top/tests/fuzz/lsan.supp:print_suppressions=0" \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      make -j2 check >check.out 2>&1) || st=$?
    for trs in $(grep -lE '^:test-result: (FAIL|ERROR)' $(find "$san/tests" -name '*.trs') 2>/dev/null); do
      echo "---- sanitizers: ${trs%.trs}.log"
      tail -n 40 "${trs%.trs}.log"
    done
    sp=$(grep -c '^PASS:' "$san/check.out" || true)
    sf=$(grep -cE '^(FAIL|ERROR|XPASS):' "$san/check.out" || true)
    ss=$(grep -c '^SKIP:' "$san/check.out" || true)
    echo "sanitizers: $sp passed, $sf failed, $ss skipped ($(elapsed "$t0"))"
    [ "$st" -eq 0 ] || status=1
    ;;
  fuzz)
    # (b) every libFuzzer target for FUZZ_SECONDS (default 60) each.
    st=0
    FUZZ_OUT="$out/fuzz" sh "$pristine/tests/fuzz/run-fuzzers" >"$out/fuzz.out" 2>&1 || st=$?
    if [ "$st" -eq 0 ]; then
      echo "fuzzing: ok, $(grep -c '^ok ' "$out/fuzz.out") targets ($(elapsed "$t0"))"
    else
      cat "$out/fuzz.out"
      echo "fuzzing: FAILED ($(elapsed "$t0"))"
      status=1
    fi
    ;;
  valgrind)
    # (c) the CLI golden test under valgrind memcheck (this build).
    st=0
    sh "$top/tests/valgrind/run" "$top" >"$out/valgrind.out" 2>&1 || st=$?
    if [ "$st" -eq 0 ]; then
      echo "valgrind: ok, $(sed -n 's/^valgrind: \([0-9]*\) newsgraph runs.*/\1/p' "$out/valgrind.out") runs without errors ($(elapsed "$t0"))"
    else
      cat "$out/valgrind.out"
      echo "valgrind: FAILED ($(elapsed "$t0"))"
      status=1
    fi
    ;;
  tsan)
    # (d) --jobs under ThreadSanitizer (its own build, tests/tsan/run).
    st=0
    sh "$pristine/tests/tsan/run" "$out/tsan" >"$out/tsan.out" 2>&1 || st=$?
    if [ "$st" -eq 0 ]; then
      echo "tsan: ok, no ThreadSanitizer report ($(elapsed "$t0"))"
    else
      tail -n 60 "$out/tsan.out"
      echo "tsan: FAILED ($(elapsed "$t0"))"
      status=1
    fi
    ;;
  *)
    echo "unknown stage $stage"
    status=1
    ;;
  esac
done
exit "$status"
