#!/bin/sh
# The store through the CLI (FAULT-CASES.md X05): building the same inputs
# twice gives a byte-identical export, re-ingest replaces an article's graph
# and nothing else, a second run adds to (never wipes) the store, the
# indexes the stock sqlite schema lacks exist, remove drops one graph, and
# reading commands never create a store.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
A="$top_srcdir/fixtures/html/nordwire-2025-03-02-port-talks.html"
B="$top_srcdir/fixtures/html/orlan-harbour-strike.html"
ng() { "$NEWSGRAPH" -q --now 1747267200 "$@"; }
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

# Same inputs, two fresh stores, and the same store built twice.
ng build --store "$tmp/1.db" "$A" "$B" 2>/dev/null || bad "build 1"
ng build --store "sqlite:$tmp/2.db" "$A" "$B" 2>/dev/null || bad "build 2"
ng export --store "$tmp/1.db" --format trig -o "$tmp/1.trig" || bad "export 1"
ng export --store "$tmp/2.db" --format trig -o "$tmp/2.trig" || bad "export 2"
cmp -s "$tmp/1.trig" "$tmp/2.trig" && ok "two builds: identical export" ||
  bad "two builds differ"
ng build --store "$tmp/1.db" "$B" "$A" 2>/dev/null || bad "rebuild"
ng export --store "$tmp/1.db" --format trig -o "$tmp/1b.trig" || bad "export 1b"
cmp -s "$tmp/1.trig" "$tmp/1b.trig" && ok "re-ingest: identical export" ||
  bad "re-ingest changed the export"
rapper -q -i trig -c "$tmp/1.trig" 2>/dev/null && ok "TriG export parses" ||
  bad "TriG export does not parse"

# X05(1): a second run on another article adds to the store.
ng build --store "$tmp/3.db" "$A" 2>/dev/null || bad "build A"
na=$(ng export --store "$tmp/3.db" --format nquads | wc -l)
ng build --store "$tmp/3.db" "$B" 2>/dev/null || bad "build B"
nab=$(ng export --store "$tmp/3.db" --format nquads | wc -l)
nall=$(ng export --store "$tmp/1.db" --format nquads | wc -l)
[ "$nab" = "$nall" ] && [ "$nab" -gt "$na" ] &&
  ok "second run adds: $na then $nab quads" || bad "second run: $na, $nab, want $nall"

# Re-ingest with another date replaces the article's graph.
ng build --store "$tmp/3.db" --date 2020-01-02 "$A" 2>/dev/null || bad "re-ingest"
ng export --store "$tmp/3.db" --format nquads >"$tmp/3.nq"
n=$(wc -l <"$tmp/3.nq")
if grep -q '"2020-01-02"' "$tmp/3.nq" && ! grep -q '2025-03-02T10:15:00' "$tmp/3.nq" &&
   [ "$n" = "$nab" ]; then
  ok "re-ingest replaces the graph"
else
  bad "re-ingest: $n quads, want $nab, and only the new date"
fi

# graphs, stats, remove.
[ "$(ng graphs --store "$tmp/3.db" | tail -n +2 | wc -l)" = 2 ] && ok "graphs: 2" || bad "graphs"
ng stats --store "$tmp/3.db" | grep -q "^quads	$nab\$" && ok "stats" || bad "stats"
g=$(ng graphs --store "$tmp/3.db" | grep nordwire | cut -f1)
ng remove --store "$tmp/3.db" "$g" && ok "remove" || bad "remove"
[ "$(ng graphs --store "$tmp/3.db" | tail -n +2 | wc -l)" = 1 ] || bad "remove left 2 graphs"
ng remove --store "$tmp/3.db" "$g" 2>/dev/null && bad "removing twice succeeded"
ng export --store "$tmp/3.db" --graph "$g" >/dev/null 2>&1 && bad "export of a removed graph"

# The indexes (REDLAND-NOTES.md §6.3).
if command -v python3 >/dev/null; then
  idx=$(python3 -c 'import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
print(" ".join(sorted(r[0] for r in c.execute("select name from sqlite_master where type=\"index\" and name like \"ng_%\""))))' "$tmp/1.db")
  [ "$idx" = "ng_blank ng_context ng_literal" ] && ok "indexes: $idx" || bad "indexes: '$idx'"
fi

# Reading commands never create a store; memory: and bdb: work.
ng export --store "$tmp/none.db" >/dev/null 2>&1 && bad "export of a missing store"
[ -e "$tmp/none.db" ] && bad "export created a store"
ng build --store memory: "$A" 2>/dev/null && ok "memory: store" || bad "memory: store"
ng build --store "bdb:$tmp/bdb" "$A" 2>/dev/null || bad "bdb build"
ng export --store "bdb:$tmp/bdb" --format nquads | grep -q nordwire && ok "bdb: store" || bad "bdb export"

# export -o never destroys data: the store's own file is refused, and a
# failed write (a full disk, here a file size limit) leaves the previous
# file whole.
cp "$tmp/1.db" "$tmp/self.db"
size=$(wc -c <"$tmp/self.db")
ng export --store "$tmp/self.db" --format nquads -o "$tmp/self.db" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] && [ "$(wc -c <"$tmp/self.db")" = "$size" ] &&
  ok "export -o the store refused: $(cat "$tmp/err")" ||
  bad "export -o the store: exit $rc, $(wc -c <"$tmp/self.db") of $size bytes left"
ng export --store "$tmp/1.db" --format trig -o "$tmp/good.trig" || bad "export -o"
n=$(wc -c <"$tmp/good.trig")
( trap '' XFSZ; ulimit -f 2; ng export --store "$tmp/1.db" --format trig \
    -o "$tmp/good.trig" ) 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && [ "$(wc -c <"$tmp/good.trig")" = "$n" ] &&
   [ -z "$(ls "$tmp"/good.trig.tmp* 2>/dev/null)" ]; then
  ok "failed export -o kept the previous file ($n bytes): $(head -1 "$tmp/err")"
else
  bad "failed export -o: exit $rc, $(wc -c <"$tmp/good.trig") of $n bytes"
fi
# A store in a read-only folder without a lock file can still be read
# (as nobody: root ignores permissions).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  ro=$(mktemp -d)
  cp "$tmp/1.db" "$ro/s.db"
  chmod 755 "$ro" && chmod 644 "$ro/s.db"
  # nobody may not reach the checkout (under /root, say): a copy of the
  # binary and the data it can read.
  mkdir "$ro/bin" && cp "$NEWSGRAPH" "$ro/bin/newsgraph" &&
    cp -r "$NEWSGRAPH_DATA" "$ro/bin/data" && chmod -R a+rX "$ro/bin"
  as_nobody() {
    # (no sanitizer suppression files, which nobody may not read either)
    NEWSGRAPH_DATA="$ro/bin/data" ASAN_OPTIONS=detect_leaks=0 LSAN_OPTIONS= \
      setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
  }
  chmod 555 "$ro"
  if as_nobody "$ro/bin/newsgraph" graphs --store "$ro/s.db" >"$tmp/ro.out" 2>"$tmp/err" &&
     [ "$(wc -l <"$tmp/ro.out")" -gt 1 ]; then
    ok "read-only folder without a lock file: graphs works"
  else
    bad "read-only folder without a lock file: $(cat "$tmp/err")"
  fi
  as_nobody "$ro/bin/newsgraph" build --store "$ro/s.db" "$A" 2>"$tmp/err" &&
    bad "build into a read-only folder succeeded" ||
    ok "build into a read-only folder refused: $(head -1 "$tmp/err")"
  chmod 755 "$ro"; rm -rf "$ro"
fi
# Reading commands refuse what is not a store instead of reading it as an
# empty one (and create nothing); a mistyped store type is named as such.
: >"$tmp/zero.db"
echo "not a database" >"$tmp/text.db"
for c in graphs stats export "query ASK{}" "entity Nobody"; do
  for s in zero.db:"not a newsgraph store" text.db:"not a newsgraph store" \
      "bdb-none:no such store" "bdb-empty:not a newsgraph store"; do
    f=${s%%:*} want=${s#*:}
    case $f in
    bdb-none) spec="bdb:$tmp/bdb-none" ;;
    bdb-empty) mkdir -p "$tmp/bdb-empty"; spec="bdb:$tmp/bdb-empty" ;;
    *) spec="$tmp/$f" ;;
    esac
    # shellcheck disable=SC2086 # $c is a command and its argument
    ng $c --store "$spec" >/dev/null 2>"$tmp/err" &&
      bad "$c on $f succeeded"
    grep -q "$want" "$tmp/err" || bad "$c on $f: $(cat "$tmp/err")"
  done
done
[ -e "$tmp/bdb-none" ] && bad "a reading command created bdb:DIR"
[ -n "$(ls "$tmp/bdb-empty")" ] &&
  bad "a reading command wrote into an empty bdb:DIR: $(ls "$tmp/bdb-empty")"
[ -s "$tmp/zero.db" ] && bad "a reading command wrote into an empty file"
[ "$fail" = 0 ] && ok "reading commands refuse a missing or foreign store"
# build, too, refuses a file that is not a store (and leaves it as it
# was), and a directory; an empty file it takes as a new store.
mkdir "$tmp/dir.db"
for f in text.db dir.db; do
  ng build --store "$tmp/$f" "$A" 2>"$tmp/err" && bad "build into $f succeeded"
  grep -q "cannot open store .*$f: not a newsgraph store" "$tmp/err" &&
    ok "build into $f refused: $(cat "$tmp/err")" ||
    bad "build into $f: $(cat "$tmp/err")"
done
[ "$(cat "$tmp/text.db")" = "not a database" ] ||
  bad "build wrote into a file that is not a store"
: >"$tmp/empty-new.db"
ng build --store "$tmp/empty-new.db" "$A" 2>"$tmp/err" &&
  [ "$(ng stats --store "$tmp/empty-new.db" | sed -n 's/^graphs\t//p')" = 1 ] &&
  ok "build into an empty file makes a new store" ||
  bad "build into an empty file: $(cat "$tmp/err")"
for t in sqllite postgres; do
  ng build --store "$t:$tmp/x.db" "$A" 2>"$tmp/err" && bad "store type $t"
  grep -q "unknown store type '$t'; known: sqlite, bdb, memory" "$tmp/err" &&
    ok "store type $t: $(cat "$tmp/err")" || bad "store type $t: $(cat "$tmp/err")"
done

# A store reached through a symbolic link takes the same lock as its real
# path: a writer holding it keeps a second writer out by either name.
cp "$tmp/1.db" "$tmp/real.db"
ln -s real.db "$tmp/link.db"
mkdir "$tmp/links" && ln -s .. "$tmp/links/up"
if command -v flock >/dev/null; then
  (exec 9>"$tmp/real.db.lock" && flock -x 9 && touch "$tmp/held" &&
    exec sleep 8) &
  lpid=$!
  i=0
  while [ ! -e "$tmp/held" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  for spec in "$tmp/link.db" "sqlite:$tmp/links/up/real.db"; do
    ng build --wait 0 --store "$spec" "$A" 2>"$tmp/err" &&
      bad "build through $spec ignored the lock"
    grep -q "in use by another process" "$tmp/err" &&
      ok "lock through $spec" || bad "lock through $spec: $(cat "$tmp/err")"
  done
  kill "$lpid" 2>/dev/null
  wait "$lpid" 2>/dev/null
fi
[ -e "$tmp/link.db.lock" ] && bad "a lock file beside the symbolic link"

# A damaged store file (10 KB overwritten in its middle) fails reading
# commands, naming the store, instead of giving a short answer with exit
# 0: librdf's sqlite module only logs "database disk image is malformed"
# and ends the read early.
ng build --store "$tmp/dmg.db" "$top_srcdir"/fixtures/articles/* 2>/dev/null
/usr/bin/python3 - "$tmp/dmg.db" <<'PY'
import os, sys
n = os.path.getsize(sys.argv[1])
with open(sys.argv[1], "r+b") as f:
    f.seek(n // 2 // 4096 * 4096)
    f.write(b"\xaa" * 10240)
PY
for c in "export --format nquads" "stats" \
  "query SELECT(COUNT(*)AS?n)WHERE{?s?p?o}"; do
  # shellcheck disable=SC2086 # the command and its arguments
  if ng $c --store "$tmp/dmg.db" >/dev/null 2>"$tmp/dmg.err"; then
    bad "damaged store: '$c' exits 0"
  elif ! grep -q "could not be read in full" "$tmp/dmg.err" ||
    ! grep -q "dmg.db" "$tmp/dmg.err"; then
    bad "damaged store: '$c' says: $(head -c 300 "$tmp/dmg.err")"
  else
    ok "damaged store: '$c' fails, naming the store"
  fi
done

# A User-Agent with CR/LF would inject HTTP headers.
ng extract --user-agent "$(printf 'x\r\nX-Injected: 1')" "$A" >/dev/null 2>&1
[ $? = 2 ] && ok "--user-agent with CR LF refused" || bad "--user-agent with CR LF accepted"
exit "$fail"
