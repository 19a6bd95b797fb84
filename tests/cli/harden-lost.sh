#!/bin/sh
# SPDX-License-Identifier: MIT
# A full disk during build rolls back the open batch; the error names the
# inputs whose articles were lost (issue 7), so the user knows what to
# build again. The full disk is made as in fault-store.sh: RLIMIT_FSIZE
# with SIGXFSZ ignored.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ng() { "$NEWSGRAPH" -q --now 1747267200 "$@"; }

# fsize BYTES CMD...: runs CMD with files capped at BYTES, SIGXFSZ ignored
fsize() {
  python3 -c '
import os, resource, signal, sys
n = int(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
os.execvp(sys.argv[2], sys.argv[2:])' "$@"
}

python3 "$top_srcdir/tests/cli/gen_corpus.py" "$tmp/c" 9 5 >/dev/null
ls "$tmp"/c/*.txt >"$tmp/all"
head -3 "$tmp/all" >"$tmp/first"
tail -6 "$tmp/all" >"$tmp/more"
ng build --store "$tmp/s.db" @"$tmp/first" 2>/dev/null || exit 99
size=$(stat -c %s "$tmp/s.db")
a=$(head -1 "$tmp/more")
z=$(tail -1 "$tmp/more")
fsize "$size" "$NEWSGRAPH" -q --now 1747267200 build --store "$tmp/s.db" \
  @"$tmp/more" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] &&
   grep -qF "newsgraph: not in the store (rolled back): 6 articles, of \
the inputs from $a to $z" "$tmp/err"; then
  echo "ok   full disk: the lost inputs named"
else
  echo "FAIL full disk: exit $rc, no message naming $a to $z"
  sed 's/^/  /' "$tmp/err"; fail=1
fi
# the same as JSON lines
fsize "$size" "$NEWSGRAPH" -q --now 1747267200 --log-format json build \
  --store "$tmp/s.db" @"$tmp/more" 2>"$tmp/err"
if grep -q '"level":"error".*not in the store (rolled back): 6 articles' \
     "$tmp/err"; then
  echo "ok   full disk, JSON log: the lost inputs named"
else
  echo "FAIL full disk, JSON log"; sed 's/^/  /' "$tmp/err"; fail=1
fi
# one article lost: named alone
tail -1 "$tmp/more" >"$tmp/one"
fsize "$size" "$NEWSGRAPH" -q --now 1747267200 build --store "$tmp/s.db" \
  @"$tmp/one" 2>"$tmp/err"
if grep -qF "newsgraph: not in the store (rolled back): the article of $z" \
     "$tmp/err"; then
  echo "ok   full disk, one article: its input named"
else
  echo "FAIL full disk, one article"; sed 's/^/  /' "$tmp/err"; fail=1
fi
exit $fail
