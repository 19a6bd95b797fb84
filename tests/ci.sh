#!/bin/sh
# The whole test suite from a clean clone on a fresh Debian 12 machine:
# installs the build and test dependencies (as root), builds out of tree in
# build-ci/, runs `make check`, and ends with "N passed, N failed".
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2046
  apt-get install -y -qq --no-install-recommends \
    $(grep -v '^#' "$top/tests/packages.txt") >/dev/null
fi
cd "$top"
[ -x configure ] || ./autogen.sh >/dev/null 2>&1
rm -rf build-ci
mkdir build-ci
cd build-ci
../configure --enable-werror >configure.out 2>&1 || { tail -20 configure.out; exit 1; }
make -j2 >make.out 2>&1 || { grep -E 'error|Error' make.out | head -40; exit 1; }
status=0
make -j2 check >check.out 2>&1 || status=$?
grep -E '^(PASS|FAIL|XPASS|ERROR|SKIP):' check.out || true
if [ "$status" -ne 0 ]; then
  for log in $(grep -lE '^:test-result: (FAIL|ERROR)' $(find . -name '*.trs') 2>/dev/null); do
    echo "---- ${log%.trs}.log"
    tail -40 "${log%.trs}.log"
  done
fi
pass=$(grep -c '^PASS:' check.out || true)
fail=$(grep -cE '^(FAIL|ERROR|XPASS):' check.out || true)
skip=$(grep -c '^SKIP:' check.out || true)
echo "$pass passed, $fail failed, $skip skipped"
exit "$status"
