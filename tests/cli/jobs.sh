#!/bin/sh
# --jobs N (worker threads) gives what --jobs 1 gives, byte for byte:
# extract (N-Quads, Turtle, RDF/XML) over every fixtures/articles and
# fixtures/html page, bad pages, a missing file and a WARC file with bad
# records; text and text --json; build (the export as sorted N-Quads and
# the graph listing). Standard error (messages in input order, build's
# summary) and the exit status must be the same too.
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
SOURCE_DATE_EPOCH=1747267200
export SOURCE_DATE_EPOCH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

python3 "$top_srcdir/tests/cli/warc_make.py" \
  "$top_srcdir/fixtures/feeds/articles" gz-corrupt "$tmp/c.warc.gz" || exit 99
set -- "$top_srcdir"/fixtures/articles/* "$top_srcdir"/fixtures/bad/*.html \
  "$tmp/missing.html" "$tmp/c.warc.gz" "$top_srcdir"/fixtures/html/*.html
n_inputs=$#
[ "$n_inputs" -gt 50 ] || { echo "FAIL: fixtures missing"; exit 99; }

# same NAME CMD [OPTION...] -- runs `newsgraph CMD --jobs J OPTION...
# INPUT...` for J = 1, 2, 4 in $tmp/J (so relative store paths match) and
# compares standard output, standard error and exit status with J = 1.
same() {
  name=$1 cmd=$2
  shift 2
  opts=
  while [ "$1" != -- ]; do opts="$opts $1"; shift; done
  shift
  for j in 1 2 4; do
    mkdir -p "$tmp/$j"
    # shellcheck disable=SC2086 # opts holds separate words
    (cd "$tmp/$j" && "$NEWSGRAPH" "$cmd" --jobs $j $opts "$@" \
      >"$name.out" 2>"$name.err"; echo $? >"$name.rc")
  done
  for j in 2 4; do
    for part in out err rc; do
      if ! cmp -s "$tmp/1/$name.$part" "$tmp/$j/$name.$part"; then
        echo "FAIL $name: --jobs $j and --jobs 1 differ in $part"
        diff "$tmp/1/$name.$part" "$tmp/$j/$name.$part" | head -n 10
        fail=1
      fi
    done
  done
  echo "$name: $(wc -c <"$tmp/1/$name.out") bytes out, $(wc -l \
    <"$tmp/1/$name.err") lines on stderr, exit $(cat "$tmp/1/$name.rc")"
}

same nquads extract --format nquads -- "$@"
same turtle extract --format turtle --nif -- "$@"
same rdfxml extract --format rdfxml -- "$@"
same text text -- "$@"
same json text --json -- "$@"
same build build --store s.db -- "$@"
for j in 1 2 4; do
  (cd "$tmp/$j" && "$NEWSGRAPH" export --store s.db --format nquads |
    LC_ALL=C sort >export.nq && "$NEWSGRAPH" graphs --store s.db >graphs.txt)
done
for j in 2 4; do
  for f in export.nq graphs.txt; do
    if ! cmp -s "$tmp/1/$f" "$tmp/$j/$f"; then
      echo "FAIL build: $f differs between --jobs $j and --jobs 1"
      fail=1
    fi
  done
done

# A write error on standard output stops the run the same way.
if [ -w /dev/full ]; then
  for j in 1 2; do
    "$NEWSGRAPH" extract --jobs $j "$top_srcdir"/fixtures/articles/* \
      >/dev/full 2>"$tmp/full$j.err"
    echo $? >>"$tmp/full$j.err"
  done
  if ! cmp -s "$tmp/full1.err" "$tmp/full2.err"; then
    echo "FAIL /dev/full: --jobs 2 and --jobs 1 differ"
    diff "$tmp/full1.err" "$tmp/full2.err"
    fail=1
  fi
fi

# The runs can fail: a missing file and bad records are named, in input
# order (the missing file before the WARC's records), and exit 1.
for name in nquads text build; do
  if [ "$(cat "$tmp/1/$name.rc")" != 1 ]; then
    echo "FAIL $name: exit $(cat "$tmp/1/$name.rc"), want 1"
    fail=1
  fi
done
missing=$(grep -n 'missing\.html' "$tmp/1/nquads.err" | head -n 1 | cut -d: -f1)
record=$(grep -n 'c\.warc\.gz' "$tmp/1/nquads.err" | head -n 1 | cut -d: -f1)
if [ -z "$missing" ] || [ -z "$record" ] || [ "$missing" -ge "$record" ]; then
  echo "FAIL nquads: messages not in input order:"
  sed 's/^/  /' "$tmp/1/nquads.err"
  fail=1
fi
if [ "$(wc -l <"$tmp/1/export.nq")" -lt 1000 ]; then
  echo "FAIL build: the store holds too little"
  fail=1
fi
[ "$fail" = 0 ] &&
  echo "ok: --jobs 2 and 4 match --jobs 1 over $n_inputs inputs"
exit "$fail"
