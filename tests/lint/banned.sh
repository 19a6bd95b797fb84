#!/bin/sh
# Banned functions (STYLE.md 2.9 rule 10, curl checksrc): none of strcpy,
# strcat, strncpy, sprintf, vsprintf, strtok, atoi, atol, gets may be called
# in graph/ or cmd/. Use snprintf, the bounded ng__buf, strtol/strtoul.
set -u
: "${top_srcdir:?}"
hits=$(grep -nE '(^|[^A-Za-z0-9_])(strcpy|strcat|strncpy|sprintf|vsprintf|strtok|atoi|atol|gets)[[:space:]]*\(' \
  "$top_srcdir"/graph/*.[ch] "$top_srcdir"/cmd/*.[ch] 2>/dev/null)
if [ -n "$hits" ]; then
  echo "FAIL banned functions:"
  echo "$hits"
  exit 1
fi
echo "ok   no banned functions in graph/ and cmd/"
