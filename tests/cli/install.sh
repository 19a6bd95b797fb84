#!/bin/sh
# SPDX-License-Identifier: MIT
# The library as a user gets it: `make install DESTDIR=TMP` of this build,
# then the README's example (examples/extract.c) compiled with
# `cc extract.c $(pkg-config --cflags --libs newsgraph)` against the
# installed header, library and newsgraph.pc alone, and run on a bundled
# article: its N-Quads must be those of `newsgraph extract`. Also checks
# that the installed newsgraph.h compiles on its own, that the library's
# SONAME is libnewsgraph.so.N and its dynamic symbols are exactly the ng_
# functions newsgraph.h declares (no internal ng__ one), that cmd/ calls
# only those, and that the data files and the man page are installed, the
# page rendering with `man -l` without warnings.
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${NEWSGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fail=1; }

# The compiler and flags of this build: a sanitizer build's library needs
# them in the program that links it too.
makevar() { sed -n "s/^$1 = //p" "$top_builddir/Makefile" | head -1; }
CC=$(makevar CC)
CFLAGS=$(makevar CFLAGS)
LDFLAGS=$(makevar LDFLAGS)

# A make of its own (not a child of the test harness's jobserver).
dest=$tmp/root
if ! (unset MAKEFLAGS MFLAGS MAKELEVEL
      make -C "$top_builddir" install DESTDIR="$dest") >"$tmp/install.log" 2>&1
then
  bad "make install DESTDIR=$dest"
  tail -20 "$tmp/install.log"
  exit 1
fi
echo "installed:"
(cd "$dest" && find . ! -type d | sort | sed 's/^\./  /')

# one FILE-NAME [FIND-ARGS]: the one installed file of that name
one() {
  name=$1
  shift
  found=$(find "$dest" -name "$name" "$@")
  if [ -z "$found" ] || [ "$(printf '%s\n' "$found" | wc -l)" -ne 1 ]; then
    bad "installed $name: ${found:-none}"
    return 1
  fi
  printf '%s\n' "$found"
}
header=$(one newsgraph.h) || exit 1
pc=$(one newsgraph.pc -path '*/pkgconfig/*') || exit 1
vocab=$(one newsgraph.ttl) || exit 1
page=$(one newsgraph.1 -path '*/man1/*') || exit 1
libdir=$(dirname "$pc")
libdir=$(dirname "$libdir")
datadir=$(dirname "$vocab")

# The header: only standard headers, compiles alone with the strictest flags.
if grep '^#include' "$header" | grep -qv '<std[a-z]*\.h>'; then
  bad "newsgraph.h includes a non-standard header"
fi
printf '#include <newsgraph.h>\nint main(void) { return ng_strerror(NG_OK) == 0; }\n' \
  >"$tmp/alone.c"
if $CC -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only \
     -I"$(dirname "$header")" "$tmp/alone.c" 2>"$tmp/alone.err"; then
  ok "installed newsgraph.h compiles on its own (-std=c11 -pedantic -Werror)"
else
  bad "installed newsgraph.h does not compile on its own"
  cat "$tmp/alone.err"
fi

# The shared library: SONAME, symlinks, exports.
so=$(find "$libdir" -name 'libnewsgraph.so.*' -type f | head -1)
if [ -z "$so" ]; then
  echo "SKIP no shared library installed (configured with --disable-shared?)"
  exit 77
fi
soname=$(objdump -p "$so" | sed -n 's/^ *SONAME *//p')
if printf '%s\n' "$soname" | grep -Eqx 'libnewsgraph\.so\.[0-9]+' &&
   [ -e "$libdir/$soname" ] && [ -e "$libdir/libnewsgraph.so" ]; then
  ok "SONAME $soname ($(basename "$so"), with the $soname and libnewsgraph.so links)"
else
  bad "SONAME '$soname' of $so, or its links in $libdir"
fi
nm -D --defined-only "$so" | awk '$2 ~ /^[A-Za-z]$/ && $2 != "U" { print $3 }' |
  sed 's/@.*//' | sort -u >"$tmp/exported"
grep '^NG_API' "$header" | grep -o 'ng_[a-z_0-9]*(' | sed 's/($//' |
  sort -u >"$tmp/declared"
n_exported=$(wc -l <"$tmp/exported")
if grep -q '^ng__' "$tmp/exported"; then
  bad "internal symbols exported: $(grep '^ng__' "$tmp/exported" | head -5 | tr '\n' ' ')"
elif grep -qv '^ng_[a-z]' "$tmp/exported"; then
  bad "non-ng_ symbols exported: $(grep -v '^ng_[a-z]' "$tmp/exported" | head -5 | tr '\n' ' ')"
else
  ok "$n_exported dynamic symbols, all ng_, none ng__"
fi
if cmp -s "$tmp/exported" "$tmp/declared"; then
  ok "exports = the $(wc -l <"$tmp/declared") NG_API functions of newsgraph.h"
else
  bad "exports differ from newsgraph.h's NG_API functions (< exported only, > declared only):"
  diff "$tmp/exported" "$tmp/declared" | grep '^[<>]'
fi
# The data folder the library looks in by default is where the files went.
if strings "$so" | grep -qx "${datadir#"$dest"}"; then
  ok "the library's default data folder ${datadir#"$dest"} is installed"
else
  bad "the library does not look in ${datadir#"$dest"} by default"
fi
for f in "$top_srcdir"/ontology/*.ttl; do
  cmp -s "$f" "$datadir/$(basename "$f")" ||
    bad "ontology/$(basename "$f") not installed in ${datadir#"$dest"}"
done

# cmd/ uses the public API only, so it could link the installed library.
find "$top_builddir/cmd" -name '*.o' -exec nm {} + >"$tmp/cli-nm"
awk '$1 == "U" { print $2 }' "$tmp/cli-nm" | grep '^ng_' | sort -u \
  >"$tmp/cli-undef"
awk 'NF == 3 && $2 != "U" { print $3 }' "$tmp/cli-nm" | sort -u \
  >"$tmp/cli-def"
comm -23 "$tmp/cli-undef" "$tmp/cli-def" >"$tmp/cli-uses"
if [ ! -s "$tmp/cli-uses" ]; then
  bad "no cmd/ objects with ng_ references in $top_builddir/cmd"
elif comm -23 "$tmp/cli-uses" "$tmp/exported" | grep -q .; then
  bad "cmd/ calls unexported functions: $(comm -23 "$tmp/cli-uses" "$tmp/exported" | tr '\n' ' ')"
else
  ok "cmd/ calls $(wc -l <"$tmp/cli-uses") library functions, all exported"
fi

# The example, built as the README says against the installed files only.
# The sysroot makes pkg-config's -I and -L point into DESTDIR.
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
flags=$(pkg-config --cflags --libs newsgraph) || bad "pkg-config newsgraph"
echo "pkg-config --cflags --libs newsgraph: $flags"
# shellcheck disable=SC2086
if $CC $CFLAGS -std=c11 -Wall -Wextra -Werror -o "$tmp/extract" \
     "$top_srcdir/examples/extract.c" $flags $LDFLAGS 2>"$tmp/cc.err"; then
  ok "examples/extract.c built with pkg-config"
else
  bad "examples/extract.c does not build against the installed library"
  cat "$tmp/cc.err"
  exit 1
fi
lib=$(LD_LIBRARY_PATH=$libdir ldd "$tmp/extract" | awk '/libnewsgraph/ { print $3 }')
case $lib in
  "$dest"/*) ok "the example loads ${lib#"$dest"} from DESTDIR" ;;
  *) bad "the example loads libnewsgraph from '$lib', not from DESTDIR" ;;
esac
art=$top_srcdir/fixtures/articles/jakarta-tokyo-visit.html
LD_LIBRARY_PATH=$libdir NEWSGRAPH_DATA=$datadir SOURCE_DATE_EPOCH=1700000000 \
  "$tmp/extract" "$art" >"$tmp/lib.nq" 2>"$tmp/lib.err"
rc=$?
"$NEWSGRAPH" --now 1700000000 extract --format nquads "$art" \
  >"$tmp/cli.nq" 2>/dev/null
n=$(grep -c . "$tmp/lib.nq")
if [ "$rc" -ne 0 ] || [ "$n" -lt 10 ]; then
  bad "the example exits $rc with $n quads"
  cat "$tmp/lib.err"
elif sort "$tmp/lib.nq" >"$tmp/lib.sorted" &&
     sort "$tmp/cli.nq" >"$tmp/cli.sorted" &&
     ! cmp -s "$tmp/lib.sorted" "$tmp/cli.sorted"; then
  bad "the example's N-Quads differ from newsgraph extract's"
  diff "$tmp/lib.sorted" "$tmp/cli.sorted" | head -10
elif ! grep -q "^$n quads in 1 graph: " "$tmp/lib.err"; then
  bad "the example's count: $(cat "$tmp/lib.err")"
else
  ok "the example writes the $n quads newsgraph extract writes ($(cat "$tmp/lib.err"))"
fi
if command -v rapper >/dev/null; then
  rapper -q -i nquads -c "$tmp/lib.nq" 2>/dev/null ||
    bad "the example's output does not parse as N-Quads"
fi

# The man page: installed, and rendered by man-db without groff warnings.
if ! command -v man >/dev/null; then
  bad "man is not installed (apt-get install man-db)"
else
  MANWIDTH=80 man -l "$page" >"$tmp/page.txt" 2>"$tmp/page.err"
  LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
    man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>"$tmp/warn" >/dev/null
  if grep -q '^NAME' "$tmp/page.txt" && grep -q 'newsgraph' "$tmp/page.txt" &&
     grep -q '^EXIT STATUS' "$tmp/page.txt" && [ ! -s "$tmp/warn" ]; then
    ok "man -l renders ${page#"$dest"} ($(wc -l <"$tmp/page.txt") lines, no warnings)"
  else
    bad "man -l ${page#"$dest"}:"
    head -5 "$tmp/page.txt" "$tmp/page.err" "$tmp/warn"
  fi
fi
exit "$fail"
