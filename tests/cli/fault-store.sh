#!/bin/sh
# SPDX-License-Identifier: MIT
# Crash safety of the store when the disk fills or the store is read-only
# (issue 7): `newsgraph build` fails with exit 1 and a message on stderr,
# reports the articles that did not reach the store as failed, and the
# store keeps every complete article it had (each graph equal to a
# reference build, counted with `newsgraph graphs`). A full disk is made
# with RLIMIT_FSIZE (SIGXFSZ ignored, so writes fail with EFBIG), no mount
# needed; a read-only store by permissions, run as nobody when the test
# runs as root (root ignores them). A build killed at random points is
# tests/cli/store_crash.sh.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=.}"
: "${NEWSGRAPH:=$top_builddir/cmd/newsgraph}"
: "${NEWSGRAPH_DATA:=$top_srcdir/ontology}"
export NEWSGRAPH_DATA
[ -x "$NEWSGRAPH" ] || { echo "missing $NEWSGRAPH" >&2; exit 99; }
command -v python3 >/dev/null 2>&1 || { echo "python3 not found"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
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

# graphs STORE: "graph<TAB>triples" lines, sorted
graphs() { ng graphs --store "$1" | tail -n +2 | cut -f1,3 | sort; }

# complete NAME STORE WANT: STORE opens, has WANT graphs, each equal to
# the reference build's.
complete() {
  if ! graphs "$2" >"$tmp/got"; then
    bad "$1: the store does not open"
    return
  fi
  n=$(wc -l <"$tmp/got")
  extra=$(comm -23 "$tmp/got" "$tmp/ref.counts" | wc -l)
  if [ "$n" = "$3" ] && [ "$extra" = 0 ]; then
    ok "$1: $n complete graphs"
  else
    bad "$1: $n graphs (want $3), $extra differ from the reference"
  fi
}

# A corpus of 115 articles: 10 in the store first, then 105 more, which
# is one full batch of 100 (committed) and 5 more (in the last commit).
python3 "$top_srcdir/tests/cli/gen_corpus.py" "$tmp/c" 115 11 >/dev/null
ls "$tmp"/c/*.txt >"$tmp/all"
head -10 "$tmp/all" >"$tmp/first"
tail -105 "$tmp/all" >"$tmp/more"
head -100 "$tmp/more" >"$tmp/more100"
ng build --store "$tmp/ref.db" @"$tmp/all" 2>/dev/null || bad "reference build"
graphs "$tmp/ref.db" >"$tmp/ref.counts"
ng build --store "$tmp/base.db" @"$tmp/first" 2>/dev/null || bad "base build"
base_size=$(stat -c %s "$tmp/base.db")
# the size of the store once the first batch of 100 more is in
cp "$tmp/base.db" "$tmp/m.db"
ng build --store "$tmp/m.db" @"$tmp/more100" 2>/dev/null || bad "batch build"
batch_size=$(stat -c %s "$tmp/m.db")

# ---- the disk fills before anything new fits: the first batch (100)
# fails and the build stops there
cp "$tmp/base.db" "$tmp/s.db"
fsize "$base_size" "$NEWSGRAPH" -q --now 1747267200 build --store "$tmp/s.db" \
  @"$tmp/more" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && grep -q '^newsgraph: cannot commit' "$tmp/err" &&
   grep -q ' 0 articles added .*100 failed' "$tmp/err"; then
  ok "full-disk-first-batch: exit 1, $(head -1 "$tmp/err")"
else
  bad "full-disk-first-batch: exit $rc"; sed 's/^/  /' "$tmp/err"
fi
complete full-disk-first-batch-keeps-the-store "$tmp/s.db" 10

# ---- the disk fills after the first batch of 100 was committed: those
# stay, whole; the last 5 are reported failed
cp "$tmp/base.db" "$tmp/s.db"
fsize $((batch_size + 20000)) "$NEWSGRAPH" -q --now 1747267200 build \
  --store "$tmp/s.db" @"$tmp/more" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && grep -q '^newsgraph: cannot commit' "$tmp/err" &&
   grep -q ' 100 articles added .*5 failed' "$tmp/err"; then
  ok "full-disk-later-batch: exit 1, $(tail -1 "$tmp/err")"
else
  bad "full-disk-later-batch: exit $rc"; sed 's/^/  /' "$tmp/err"
fi
complete full-disk-later-batch-keeps-committed "$tmp/s.db" 110
# with room again, the same build completes the store
ng build --store "$tmp/s.db" @"$tmp/more" 2>/dev/null
complete full-disk-then-room "$tmp/s.db" 115

# ---- read-only store file, and a read-only folder (no lock file)
as_other=
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null 2>&1 ||
    { echo "setpriv not found (util-linux)"; exit 1; }
  chmod 755 "$tmp"
  # nobody may not reach the checkout (under /root, say): a copy of the
  # binary and the data it can read.
  mkdir "$tmp/nb" && cp "$NEWSGRAPH" "$tmp/nb/newsgraph" &&
    cp -r "${NEWSGRAPH_DATA:-$top_srcdir/ontology}" "$tmp/nb/data" &&
    chmod -R a+rX "$tmp/nb"
  as_other="env NEWSGRAPH_DATA=$tmp/nb/data ASAN_OPTIONS=detect_leaks=0 LSAN_OPTIONS= setpriv --reuid=65534 --regid=65534 --clear-groups"
  NB=$tmp/nb/newsgraph
fi
mkdir "$tmp/ro" "$tmp/rodir"
cp "$tmp/base.db" "$tmp/ro/s.db"
cp "$tmp/base.db" "$tmp/rodir/s.db"
if [ -n "$as_other" ]; then
  chmod 777 "$tmp/ro" # the lock file can be made, the store not written
  chmod 644 "$tmp/ro/s.db"
  chmod 755 "$tmp/rodir"
  chmod 666 "$tmp/rodir/s.db"
else
  chmod 444 "$tmp/ro/s.db"
  chmod 555 "$tmp/rodir"
fi
for d in ro rodir; do
  $as_other "${NB:-$NEWSGRAPH}" --now 1747267200 build --store "$tmp/$d/s.db" \
    @"$tmp/more" >/dev/null 2>"$tmp/err"
  rc=$?
  # a read-only file fails at the first add; a read-only folder at the
  # lock file, before any input is read
  if [ "$rc" = 1 ] && grep -q '^newsgraph: cannot' "$tmp/err" &&
     { [ $d = rodir ] || grep -q ' 0 articles added' "$tmp/err"; }; then
    ok "read-only-$d: exit 1, $(grep -m1 -e readonly -e 'lock file' "$tmp/err" || head -1 "$tmp/err")"
  else
    bad "read-only-$d: exit $rc"; sed 's/^/  /' "$tmp/err"
  fi
  complete "read-only-$d-keeps-the-store" "$tmp/$d/s.db" 10
  # reading still works for that user
  if $as_other "${NB:-$NEWSGRAPH}" graphs --store "$tmp/$d/s.db" >/dev/null \
       2>"$tmp/err" || [ "$d" = rodir ]; then
    ok "read-only-$d-can-be-read"
  else
    bad "read-only-$d-can-be-read"; sed 's/^/  /' "$tmp/err"
  fi
done
[ -n "$as_other" ] || chmod 755 "$tmp/rodir"

exit "$fail"
