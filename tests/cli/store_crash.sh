#!/bin/sh
# Crash safety and locking of the SQLite store (issue 5 "Batching and
# transactions"). A build of 300 generated articles is killed with SIGKILL
# at 5 random moments; after each kill the store must open, `stats` must
# work, and every graph in it must be complete: the same number of triples
# as in a reference build of that article, with its schema:NewsArticle node
# and ng:retrievedAt. Then two builds on one store: the second fails at
# once with --wait 0 and a clear message, or waits for the first with
# --wait; readers wait too; the result is the union, never a corrupt store.
# The same lock protects a bdb: store (Redland has no locking for BDB).
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'kill -9 $bg 2>/dev/null; rm -rf "$tmp"' EXIT
bg=
ng() { "$NEWSGRAPH" -q --now 1747267200 "$@"; }
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

python3 "$top_srcdir/tests/cli/gen_corpus.py" "$tmp/c" 300 11
ls "$tmp"/c/*.txt >"$tmp/list"
ng build --store "$tmp/ref.db" @"$tmp/list" 2>/dev/null || bad "reference build"
ng graphs --store "$tmp/ref.db" | tail -n +2 | cut -f1,3 | sort >"$tmp/ref.counts"
[ "$(wc -l <"$tmp/ref.counts")" = 300 ] || bad "reference: $(wc -l <"$tmp/ref.counts") graphs, want 300"

# Every graph of store $1 is one of the reference graphs, whole.
complete() {
  ng graphs --store "$1" >"$tmp/g.tsv" || return 1
  tail -n +2 "$tmp/g.tsv" | cut -f1,3 | sort >"$tmp/counts"
  extra=$(comm -23 "$tmp/counts" "$tmp/ref.counts" | wc -l)
  [ "$extra" = 0 ] || { echo "  $extra graphs differ from the reference:"; comm -23 "$tmp/counts" "$tmp/ref.counts" | head -3; return 1; }
  # each graph has its article node and retrievedAt
  n=$(ng query --store "$1" --format csv 'PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?g WHERE { GRAPH ?g { ?g a schema:NewsArticle ; ng:retrievedAt ?t } }' | tail -n +2 | wc -l)
  [ "$n" = "$(wc -l <"$tmp/counts")" ] || { echo "  $n graphs with an article node of $(wc -l <"$tmp/counts")"; return 1; }
  ng stats --store "$1" >/dev/null || return 1
  echo "$(wc -l <"$tmp/counts")"
}

seed=${CRASH_SEED:-$$}
for k in 1 2 3 4 5; do
  # kill after 0.3 to 6 s: inside the first batch, between batches, in
  # a commit, or after a restart on a store that already holds graphs
  ms=$(( (seed * 7919 + k * 104729) % 5700 + 300 ))
  "$NEWSGRAPH" -q --now 1747267200 build --store "$tmp/s.db" @"$tmp/list" 2>/dev/null &
  bg=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -9 "$bg" 2>/dev/null
  wait "$bg" 2>/dev/null
  bg=
  if [ ! -e "$tmp/s.db" ]; then
    ok "kill $k after ${ms} ms: no store yet"
  elif got=$(complete "$tmp/s.db"); then
    ok "kill $k after ${ms} ms: store opens, $got complete graphs"
  else
    bad "kill $k after ${ms} ms: $got"
  fi
done
# Finishing the build afterwards gives the reference store.
ng build --store "$tmp/s.db" @"$tmp/list" 2>/dev/null || bad "build after the kills"
ng export --store "$tmp/s.db" --format nquads | sort >"$tmp/s.nq"
ng export --store "$tmp/ref.db" --format nquads | sort >"$tmp/ref.nq"
cmp -s "$tmp/s.nq" "$tmp/ref.nq" && ok "build after the kills equals the reference ($(wc -l <"$tmp/ref.nq") quads)" ||
  bad "build after the kills differs from the reference"

# Two builds on one store.
head -150 "$tmp/list" >"$tmp/list1"
tail -150 "$tmp/list" >"$tmp/list2"
for spec in "$tmp/two.db" "bdb:$tmp/two-bdb"; do
  # The first build reads its list 8 times over (same 150 graphs), so it
  # runs for seconds however fast the machine; start when it holds the lock.
  "$NEWSGRAPH" -q --now 1747267200 build --store "$spec" @"$tmp/list1" \
    @"$tmp/list1" @"$tmp/list1" @"$tmp/list1" @"$tmp/list1" @"$tmp/list1" \
    @"$tmp/list1" @"$tmp/list1" 2>/dev/null &
  bg=$!
  i=0
  while [ $i -lt 50 ]; do
    ng stats --store "$spec" --wait 0 2>&1 | grep -q "in use by another" && break
    sleep 0.1
    i=$((i + 1))
  done
  if kill -0 "$bg" 2>/dev/null; then
    if ng build --store "$spec" --wait 0 @"$tmp/list2" 2>"$tmp/err"; then
      bad "$spec: second build did not wait"
    else
      grep -q "in use by another process" "$tmp/err" &&
        ok "$spec: second build fails at once: $(head -1 "$tmp/err")" ||
        bad "$spec: second build message: $(cat "$tmp/err")"
    fi
    ng stats --store "$spec" --wait 0 >/dev/null 2>&1 &&
      bad "$spec: a reader ran during the build" || ok "$spec: reader refused during the build"
    # this one waits for the first
    ng build --store "$spec" --wait 300 @"$tmp/list2" 2>/dev/null &&
      ok "$spec: second build waited" || bad "$spec: waiting build failed"
  else
    bad "$spec: first build ended too soon to test"
  fi
  wait "$bg" || bad "$spec: first build failed"
  bg=
  n=$(ng stats --store "$spec" | sed -n 's/^graphs\t//p')
  [ "$n" = 300 ] && ok "$spec: both builds stored: $n graphs" || bad "$spec: $n graphs, want 300"
  ng export --store "$spec" --format nquads | sort >"$tmp/two.nq"
  cmp -s "$tmp/two.nq" "$tmp/ref.nq" && ok "$spec: equals the reference" || bad "$spec: differs from the reference"
done

# SIGTERM, like Ctrl-C (SIGINT, which a background job of a script
# ignores), ends a build cleanly: what was extracted is committed, the
# summary is printed with the inputs not read, exit status 128 + 15.
interrupted=no
for delay in 0.2 0.4 0.8 1.5; do
  rm -f "$tmp/int.db"
  "$NEWSGRAPH" --now 1747267200 build --store "$tmp/int.db" @"$tmp/list" \
    2>"$tmp/int.err" &
  bg=$!
  # The store file appears after main() has set up its signal handlers;
  # on a loaded machine the process may take half a second to get there.
  i=0
  while [ ! -e "$tmp/int.db" ] && [ "$i" -lt 200 ]; do
    sleep 0.05
    i=$((i + 1))
  done
  sleep "$delay"
  kill -TERM "$bg" 2>/dev/null
  wait "$bg"
  rc=$?
  bg=
  [ "$rc" = 143 ] || continue
  interrupted=yes
  added=$(sed -n 's/^newsgraph: \([0-9]*\) articles\{0,1\} added.*/\1/p' "$tmp/int.err")
  left=$(sed -n 's/^newsgraph: interrupted: \([0-9]*\) inputs\{0,1\} not read$/\1/p' "$tmp/int.err")
  n=$(complete "$tmp/int.db") || bad "interrupted build left incomplete graphs"
  if [ -n "$added" ] && [ -n "$left" ] && [ "$n" = "$added" ] &&
     [ $((added + left)) -le 300 ] && [ "$left" -gt 0 ]; then
    ok "SIGTERM after ${delay}s: exit 143, $added articles committed and in the store, $left inputs not read"
  else
    bad "SIGTERM after ${delay}s: summary '$(tr '\n' '|' <"$tmp/int.err")', $n graphs"
  fi
  break
done
[ "$interrupted" = yes ] || bad "no build was still running when interrupted"
exit "$fail"
