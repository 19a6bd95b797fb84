#!/bin/sh
# The whole test suite, from a clean clone or after the README's first
# command, on a Debian 12 machine: installs the build and test dependencies
# (as root), configures with -Werror, builds in the source tree (so
# ./cmd/newsgraph is the binary the README uses), runs `make check`, and
# ends with "N passed, N failed". The tests read ../shared beside the
# checkout (the development articles and scorers).
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
exit "$status"
