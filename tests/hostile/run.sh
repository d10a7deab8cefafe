#!/bin/sh
# Hostile and odd inputs (issue 7), generated in a temporary folder: huge,
# deep, many-of-a-kind and pathological drafts.  Each case checks that the
# linter says exactly what it should (a finding at a known place, or
# nothing), exits with the right status, still lints the other file given
# with it, and changes no file.  `timeout` only guards against a hang; the
# speed of these cases is measured by `make bench`, never asserted here.
# One property of speed is asserted, by linear.py: a paragraph of marks
# that never close costs at most 10 times as much at 8 times the size.
#
# usage: tests/hostile/run.sh BUILD/draftlint
#   HOSTILE_BIG=0        skip the 100 MB draft (valgrind runs do)
#   HOSTILE_TIMEOUT=N    the hang guard per run, in seconds (default 600)
#   HOSTILE_LINEAR=0     skip linear.py (memcheck runs do: it times runs)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
limit=${HOSTILE_TIMEOUT:-600}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

big=""
[ "${HOSTILE_BIG:-1}" = 0 ] || big=--big
python3 "$here/gen.py" "$tmp" $big || { echo "hostile: cannot generate the drafts"; exit 2; }
printf '# Bad\n\nA **dangling marker.\n' >"$tmp/bad.md"
before=$(cd "$tmp" && cksum ./* | sort)

# case NAME FINDINGS PATTERN: lints NAME.md with bad.md after it.  NAME.md
# must get FINDINGS findings (error lines naming it), the first error matching
# the extended regexp PATTERN ('' when FINDINGS is 0), and bad.md's
# finding must still be there (status 1).  Alone, NAME.md must exit 1 with
# findings, else 0 (not rerun for the 100 MB draft: its findings already
# decide that).
case_() {
  name=$1 want=$2 pattern=$3
  out=$(cd "$tmp" && NO_COLOR=1 timeout "$limit" "$bin" "$name.md" bad.md 2>&1 </dev/null)
  rc=$?
  got=$(printf '%s\n' "$out" | grep -c "^$name\\.md:[0-9]*:[0-9]*: error:")
  first=$(printf '%s\n' "$out" | grep -m1 "^$name\\.md:[0-9]*:[0-9]*: error:")
  ok=1
  [ "$rc" = 1 ] || ok=0
  [ "$got" = "$want" ] || ok=0
  printf '%s\n' "$out" | grep -q '^bad\.md:3:3: error' || ok=0
  if [ -n "$pattern" ]; then
    printf '%s\n' "$first" | grep -Eq -- "$pattern" || ok=0
  fi
  want_rc=0 rc1=-
  [ "$want" -gt 0 ] && want_rc=1
  if [ "$name" != big ]; then
    (cd "$tmp" && timeout "$limit" "$bin" -q "$name.md" >/dev/null 2>&1 </dev/null)
    rc1=$?
    [ "$rc1" = "$want_rc" ] || ok=0
  fi
  if [ $ok = 1 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: $got findings (expected $want); exit $rc with bad.md (expected 1), $rc1 alone (expected $want_rc)"
    printf '%s\n' "$out" | cut -c1-200 | head -5
    [ -n "$pattern" ] && echo "  (first finding expected to match: $pattern)"
  fi
}

E="error: '\\*\\*' starts bold that is never closed"
case_ one-line 1 "^one-line\\.md:1:1048578: $E"
case_ nested-quotes 1 "^nested-quotes\\.md:1:20006: $E"
case_ nested-lists 1 "^nested-lists\\.md:1:20006: $E"
case_ nested-ordered 1 "^nested-ordered\\.md:1:30006: $E"
case_ headings 1 "^headings\\.md:200003:4: error: heading 'Heading 0' repeats the heading on line 3"
case_ heading-pairs 0 ''
case_ links 1 "^links\\.md:100001:5: $E"
# Every marker there is literal and reported (issue 15: cmark is the
# oracle); no two are a pair spaced wrongly, for other markers lie between.
case_ emphasis-spaced 300000 "^emphasis-spaced\\.md:1:1: error: '\\*' starts italics that is never closed"
case_ emphasis-glued 200000 "^emphasis-glued\\.md:1:4: $E"
case_ intraword 1 "^intraword\\.md:1:1000000: error: '_' ends italics that was never opened"
# The last `*` has no note: no footnote mark.
case_ stars 1 "^stars\\.md:1:1000000: error: '\\*' ends italics that was never opened"
case_ leftovers 100000 "^leftovers\\.md:1:1: $E"
case_ lone-cr 1 "^lone-cr\\.md:3:6: $E"
if [ -n "$big" ]; then
  copies=$(cat "$tmp/big.copies")
  # big.md is the example post over and over: it must get each copy's
  # errors (every heading recurs in every copy, so headings are labels, not
  # duplicates), the first where one copy has its first.
  seed="$here/../../examples/the-product-is-the-process.md"
  one=$(NO_COLOR=1 "$bin" -q "$seed" 2>/dev/null | grep ': error:')
  per=$(printf '%s\n' "$one" | grep -c .)
  at=$(printf '%s\n' "$one" | head -1 | sed 's/^[^:]*:\([0-9]*:[0-9]*\):.*/\1/')
  case_ big $((copies * per)) "^big\\.md:$at: error:"
else
  echo "skip big: HOSTILE_BIG=0"
fi

if [ "${HOSTILE_LINEAR:-1}" = 0 ]; then
  echo "skip linear: HOSTILE_LINEAR=0"
elif python3 "$here/linear.py" "$bin"; then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
fi

after=$(cd "$tmp" && cksum ./* | sort)
if [ "$before" = "$after" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL files changed"; fi
echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
