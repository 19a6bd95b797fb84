#!/bin/sh
# SPDX-License-Identifier: MIT
# Every case of FAULT-CASES.md (../shared/design beside the checkout, or
# $NEWSGRAPH_SHARED/design) is a test named by its ID: each ID of its index
# has one row in tests/faults/fault-cases.tsv, the row's check name
# contains the ID, the row's test file holds the ID and the check, and
# make check runs that file (Makefile.am lists it in TESTS). A row for an ID
# the document does not have fails too. Nothing is skipped: without the
# document the test fails.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
shared="${NEWSGRAPH_SHARED:-$top_srcdir/../shared}"
doc="$shared/design/FAULT-CASES.md"
table="$top_srcdir/tests/faults/fault-cases.tsv"
[ -f "$doc" ] || {
  echo "FAIL fault-ids: $doc not found (shared/ must sit beside the checkout)"
  exit 1
}
[ -f "$table" ] || { echo "FAIL fault-ids: $table not found"; exit 1; }
fail=0 n=0
tab=$(printf '\t')

# IDs of the index table ("| F02 | fetch | ...") and of the sections
# ("### F02 ..."); both lists must agree.
ids=$(sed -n 's/^| \([A-Z][0-9][0-9]\) |.*/\1/p' "$doc" | sort -u)
heads=$(sed -n 's/^### \([A-Z][0-9][0-9]\) .*/\1/p' "$doc" | sort -u)
if [ -z "$ids" ]; then
  echo "FAIL fault-ids: no IDs in the index of $doc"
  exit 1
fi
if [ "$ids" != "$heads" ]; then
  echo "FAIL fault-ids: the index and the sections of $doc list other IDs"
  fail=1
fi

for id in $ids; do
  n=$((n + 1))
  rows=$(grep -c "^$id$tab" "$table")
  if [ "$rows" != 1 ]; then
    echo "FAIL $id: $rows rows in tests/faults/fault-cases.tsv, want 1"
    fail=1
    continue
  fi
  row=$(grep "^$id$tab" "$table")
  file=$(printf '%s\n' "$row" | cut -f2)
  check=$(printf '%s\n' "$row" | cut -f3-)
  path="$top_srcdir/$file"
  rest=${check#"$id "}
  stem=${file%.c}
  if [ -z "$file" ] || [ -z "$check" ]; then
    echo "FAIL $id: the row lacks a test file or a check name"
    fail=1
  elif [ "${check#*"$id"}" = "$check" ]; then
    echo "FAIL $id: check name '$check' does not contain the ID"
    fail=1
  elif [ ! -f "$path" ]; then
    echo "FAIL $id: test file $file does not exist"
    fail=1
  elif ! grep -qw -- "$id" "$path"; then
    echo "FAIL $id: $file does not contain the ID"
    fail=1
  elif ! grep -qF -- "$check" "$path" &&
       { [ "$rest" = "$check" ] || ! grep -qF -- "$rest" "$path"; }; then
    echo "FAIL $id: $file has no check '$check'"
    fail=1
  elif ! grep -v -e '_SOURCES' -e 'EXTRA_DIST' "$top_srcdir/Makefile.am" |
         grep -qE "(^|[ =])$stem( |\\\\|\$)"; then
    echo "FAIL $id: $file is not run by make check (not in Makefile.am)"
    fail=1
  else
    echo "ok $id $file: $check"
  fi
done

# Rows for IDs the document does not have (renamed or mistyped).
for id in $(grep -v '^#' "$table" | cut -f1 | sort -u); do
  if ! printf '%s\n' "$ids" | grep -qx -- "$id"; then
    echo "FAIL $id: row in tests/faults/fault-cases.tsv, not in $doc"
    fail=1
  fi
done
echo "$n fault cases checked"
exit "$fail"
