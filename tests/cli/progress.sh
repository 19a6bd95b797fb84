#!/bin/sh
# Issue 8 and 6: the progress line (only when stderr is a terminal), -q,
# -v lines, --log-format json, the summary with failures by reason, and
# @LIST files read as the run goes (same output as the inputs given one by
# one, from a file or a pipe, with --jobs; memory flat in the list length).
set -u
: "${top_srcdir:?}" "${NEWSGRAPH:?}"
export SOURCE_DATE_EPOCH=1747267200
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
check() { if [ "$1" = 0 ]; then ok "$2"; else bad "$2"; fi; }

A="$top_srcdir/fixtures/articles"
good1="$A/afp-georgia-port.html"
good2="$A/delhi-odisha-rail.txt"
warn="$top_srcdir/fixtures/html/fault/M03-jsonld-broken-block.html"
missing="$tmp/no-such-article.html"
for f in "$good1" "$good2" "$warn"; do
  [ -f "$f" ] || { echo "FAIL fixture $f missing"; exit 1; }
done

# Runs NEWSGRAPH ARGS... with stderr on a pseudo-terminal; what it wrote
# there goes to $tmp/tty (bytes as written), stdout to $tmp/tty.out.
on_tty() {
  python3 - "$tmp/tty" "$tmp/tty.out" "$NEWSGRAPH" "$@" <<'EOF'
import os, pty, subprocess, sys
log, out, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
m, s = pty.openpty()
with open(out, "wb") as o:
    p = subprocess.Popen(argv, stdout=o, stderr=s, stdin=subprocess.DEVNULL)
os.close(s)
data = b""
while True:
    try:
        d = os.read(m, 65536)
    except OSError:
        break
    if not d:
        break
    data += d
rc = p.wait()
open(log, "wb").write(data)
sys.exit(rc)
EOF
}

# --- the progress line ----------------------------------------------------
on_tty build --store "$tmp/tty.db" "$A"/*
python3 - "$tmp/tty" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read().decode()
lines = re.findall(r"\rnewsgraph: (\d+)/(\d+) inputs, (\d+) articles, "
                   r"(\d+) facts, (\d+) failed, [0-9.]+/s, ETA [0-9:?]+"
                   r"\x1b\[K", data)
assert lines, "no progress line in %r" % data[:300]
total = {int(t) for _, t, _, _, _ in lines}
assert len(total) == 1 and total.pop() > 1, lines
# erased before the summary, which is a line of its own
assert re.search(r"\r\x1b\[Knewsgraph: \d+ articles added to ", data), data[-300:]
EOF
check $? "progress line on a terminal (inputs/total, articles, facts, \
failed, rate, ETA), erased before the summary"

"$NEWSGRAPH" build --store "$tmp/file.db" "$A"/* 2>"$tmp/err"
if grep -q "$(printf '\r')" "$tmp/err" || grep -q ' inputs, ' "$tmp/err"; then
  bad "no progress line when stderr is a file: $(head -c 200 "$tmp/err")"
else
  ok "no progress line when stderr is a file"
fi

on_tty -q extract --format nquads "$warn" "$good1" "$good2"
if [ -s "$tmp/tty" ]; then
  bad "--quiet on a terminal wrote: $(head -c 200 "$tmp/tty" | od -c | head -3)"
else
  ok "--quiet on a terminal: no warning, no progress line"
fi
"$NEWSGRAPH" extract --format nquads "$warn" >/dev/null 2>"$tmp/err"
grep -q '^newsgraph: warning: ' "$tmp/err"
check $? "the warning fixture warns without --quiet"

on_tty --log-format json extract --format nquads "$good1" "$good2"
if grep -q ' inputs, ' "$tmp/tty"; then
  bad "progress line with --log-format json"
else
  ok "no progress line with --log-format json"
fi

# --- --verbose ---------------------------------------------------------------
"$NEWSGRAPH" -v extract --format nquads "$good1" >"$tmp/one.nq" 2>"$tmp/err"
quads=$(sed -n 's/^newsgraph: .*: [^ ]*, \([0-9]*\) quads, [0-9]* facts, [0-9.]* s$/\1/p' "$tmp/err")
n=$(grep -c . "$tmp/one.nq")
if [ -n "$quads" ] && [ "$quads" = "$n" ]; then
  ok "-v: one line with the input's quads ($quads, as written)"
else
  bad "-v: quads '$quads' vs $n lines written: $(cat "$tmp/err")"
fi
"$NEWSGRAPH" --verbose extract -j 2 --format nquads "$good1" "$missing" \
  "$good2" >"$tmp/v.nq" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] &&
   [ "$(grep -c ' quads, .* facts, .* s$' "$tmp/err")" = 2 ] &&
   grep -q "^newsgraph: $good1: https://[^ ]*, [0-9]* quads" "$tmp/err" &&
   grep -q "^newsgraph: cannot read $missing" "$tmp/err" &&
   grep -q '^newsgraph: 2 articles extracted, 1 failed (' "$tmp/err" &&
   grep -q '^newsgraph: failures by reason: 1 input/output error (load)$' "$tmp/err"; then
  ok "--verbose: a line per input done, the failure, the summary by reason"
else
  bad "--verbose (exit $rc): $(cat "$tmp/err")"
fi
"$NEWSGRAPH" extract --format nquads "$good1" "$missing" "$good2" \
  >"$tmp/plain.nq" 2>"$tmp/err"
if cmp -s "$tmp/plain.nq" "$tmp/v.nq" &&
   [ "$(cat "$tmp/err")" = "newsgraph: cannot read $missing: No such file or directory" ]; then
  ok "without -v: the same output, only the error on stderr"
else
  bad "without -v: $(cat "$tmp/err")"
fi

# --- --log-format json -------------------------------------------------------
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>\n' \
  >"$tmp/empty.rss"
for j in 1 2; do
  "$NEWSGRAPH" --log-format json -v extract -j $j --format nquads \
    --feed "$tmp/empty.rss" "$warn" "$missing" "$good1" \
    >"$tmp/json$j.nq" 2>"$tmp/json$j.err"
  echo $? >"$tmp/json$j.rc"
done
python3 - "$tmp/json1.err" "$warn" "$missing" "$good1" "$tmp/empty.rss" <<'EOF'
import json, sys
path, warn, missing, good, feed = sys.argv[1:]
objs = []
for line in open(path, encoding="utf-8"):
    o = json.loads(line)           # every line one JSON object
    assert isinstance(o, dict), line
    assert o["level"] in ("error", "warning", "info"), o
    assert isinstance(o["message"], str) and o["message"], o
    objs.append(o)
warns = [o for o in objs if o["level"] == "warning"]
assert any(o.get("input") == warn for o in warns), warns
assert any(o.get("input") == feed for o in warns), warns
errs = [o for o in objs if o["level"] == "error"]
assert len(errs) == 1 and errs[0]["input"] == missing, errs
assert "No such file" in errs[0]["message"], errs
done = [o for o in objs if o.get("event") == "input"]
assert {o["input"] for o in done} == {warn, good}, done
for o in done:
    assert o["quads"] > 0 and o["graph"].startswith(("http", "urn:")), o
    assert isinstance(o["seconds"], float), o
s = [o for o in objs if o.get("event") == "summary"]
assert len(s) == 1 and s[0] is objs[-1], objs[-1]
s = s[0]
assert (s["inputs"], s["articles"], s["failed"]) == (3, 2, 1), s
assert s["failures"] == {"input/output error (load)": 1}, s
assert s["facts"] >= 0 and s["entities"] > 0, s
EOF
check $? "--log-format json: every stderr line a JSON object (warnings \
and the error name their input, -v lines, summary with counts)"
for j in 1 2; do  # all but the times
  sed 's/"seconds":[0-9.]*//; s/, [0-9.]* s"/"/' "$tmp/json$j.err" >"$tmp/json$j.cmp"
done
if [ "$(cat "$tmp/json1.rc")" = 1 ] && cmp -s "$tmp/json1.cmp" "$tmp/json2.cmp" &&
   cmp -s "$tmp/json1.nq" "$tmp/json2.nq"; then
  ok "--log-format json: exit 1, the same messages and output with --jobs 2"
else
  bad "--log-format json: exit $(cat "$tmp/json1.rc"), -j 1 and -j 2 differ"
fi
"$NEWSGRAPH" --log-format json -q extract --format nquads "$warn" "$missing" \
  >/dev/null 2>"$tmp/err"
if [ "$(grep -c . "$tmp/err")" = 2 ] && grep -q '"level":"error"' "$tmp/err" &&
   ! grep -q '"level":"warning"' "$tmp/err" && grep -q '"event":"summary"' "$tmp/err"; then
  ok "--log-format json -q: the error and the summary, no warning"
else
  bad "--log-format json -q: $(cat "$tmp/err")"
fi
"$NEWSGRAPH" --log-format json build --store "$tmp/j.db" "$good1" "$missing" \
  2>"$tmp/err"
python3 -c '
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1])]
s = objs[-1]
assert s["event"] == "summary" and s["articles"] == 1 and s["failed"] == 1, s
assert s["store"].endswith("j.db") and s["unchanged"] == 0, s
' "$tmp/err"
check $? "--log-format json build: the summary object (store, articles, failed)"
"$NEWSGRAPH" --log-format json extract --format nosuch x 2>"$tmp/err"
rc=$?
python3 -c '
import json, sys
for l in open(sys.argv[1]):
    assert json.loads(l)["level"] == "error"
' "$tmp/err" && [ $rc = 2 ]
check $? "--log-format json: usage errors as JSON too (exit 2)"
"$NEWSGRAPH" --log-format yaml stats 2>"$tmp/err"
[ $? = 2 ] && grep -q "log-format needs text or json" "$tmp/err"
check $? "--log-format yaml: usage error"

# --- @LIST read as the run goes ------------------------------------------
{
  echo "# articles"
  for f in "$A"/*; do echo "  $f"; done
  echo
  echo "$missing"
} >"$tmp/list"
"$NEWSGRAPH" extract --format nquads "$A"/* "$missing" >"$tmp/args.nq" 2>"$tmp/args.err"
rc1=$?
"$NEWSGRAPH" extract --format nquads @"$tmp/list" >"$tmp/list.nq" 2>"$tmp/list.err"
rc2=$?
"$NEWSGRAPH" extract -j 2 --format nquads @"$tmp/list" >"$tmp/list2.nq" 2>"$tmp/list2.err"
rc3=$?
mkfifo "$tmp/fifo"
cat "$tmp/list" >"$tmp/fifo" &
"$NEWSGRAPH" extract --format nquads @"$tmp/fifo" >"$tmp/fifo.nq" 2>"$tmp/fifo.err"
rc4=$?
wait
if [ -s "$tmp/args.nq" ] && [ "$rc1$rc2$rc3$rc4" = 1111 ] &&
   cmp -s "$tmp/args.nq" "$tmp/list.nq" && cmp -s "$tmp/args.nq" "$tmp/list2.nq" &&
   cmp -s "$tmp/args.nq" "$tmp/fifo.nq" && cmp -s "$tmp/args.err" "$tmp/list.err" &&
   cmp -s "$tmp/args.err" "$tmp/list2.err" && cmp -s "$tmp/args.err" "$tmp/fifo.err"; then
  ok "@LIST (file, -j 2, pipe): the same output and messages as the INPUTs"
else
  bad "@LIST: exit $rc1$rc2$rc3$rc4, outputs or messages differ"
fi
"$NEWSGRAPH" text @"$tmp/list" "$good1" >"$tmp/t1" 2>/dev/null
"$NEWSGRAPH" text "$A"/* "$missing" "$good1" >"$tmp/t2" 2>/dev/null
cmp -s "$tmp/t1" "$tmp/t2"
check $? "text @LIST: the same as the INPUTs"
"$NEWSGRAPH" extract --format nquads @"$tmp/none" "$good1" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -q "^newsgraph: cannot read input list $tmp/none: " "$tmp/err"
check $? "a missing @LIST is reported, exit 1"
"$NEWSGRAPH" extract --url https://example.org/a @"$tmp/list" 2>"$tmp/err"
[ $? = 2 ] && grep -q -- "--url applies to one INPUT only" "$tmp/err"
check $? "--url with an @LIST of several inputs: usage error"

# Memory does not grow with the list: 40,000 missing files (each fails
# fast) against 1,000; the inputs were once all held in memory (about 60
# bytes each: 2.3 MB more at 40,000). Not under AddressSanitizer, whose
# quarantine keeps freed memory resident (the normal build checks it).
if ldd "$NEWSGRAPH" 2>/dev/null | grep -q 'libasan'; then
  echo "skip @LIST memory check: AddressSanitizer build"
else
python3 - "$tmp" "$NEWSGRAPH" <<'EOF'
import os, resource, subprocess, sys
tmp, ng = sys.argv[1], sys.argv[2]
def peak(n):
    path = os.path.join(tmp, "big%d" % n)
    with open(path, "w") as f:
        for i in range(n):
            f.write("%s/missing/some-longer-folder-name/article-%07d.html\n" % (tmp, i))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([ng, "extract", "-q", "--format", "nquads", "@" + path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert r.returncode == 1, r.returncode
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return after  # KiB, the largest child so far (the runs grow in n)
small = peak(1000)
large = peak(40000)
print("peak RSS: %d KiB at 1,000 inputs, %d KiB at 40,000" % (small, large))
assert large - small < 1200, (small, large)
EOF
check $? "@LIST of 40,000 inputs: peak memory within 1.2 MB of 1,000"
fi

[ $fails = 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all progress checks passed"
