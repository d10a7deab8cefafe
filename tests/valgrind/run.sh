#!/bin/sh
# The test suite under valgrind's memcheck: the unit tests, the fuzz
# harnesses' replays, and the golden, CLI, hostile, corpus and recall tests
# with every draftlint they start running under memcheck (through a
# wrapper script).  Each process logs to its own file; the run fails when
# any test fails or any log shows an error or a definitely lost byte.
#
# usage: tests/valgrind/run.sh BUILD   (after make BUILD/draftlint etc.)
# HOSTILE_BIG=0 is set for the hostile tests: the 100 MB draft would take
# many minutes under memcheck; the sanitizer build and the plain build run it.
# HOSTILE_LINEAR=0 too: linear.py compares the costs of runs, not memory.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
build=$1
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed (apt-get install valgrind)"; exit 2; }
logs=$(mktemp -d) || exit 2
chmod 1777 "$logs" # the CLI test runs one case as nobody
trap 'rm -rf "$logs"' EXIT
vg="valgrind -q --tool=memcheck --leak-check=full --show-leak-kinds=definite \
--errors-for-leak-kinds=definite --track-fds=no --log-file=$logs/%p.log"

wrap=$root/$build/valgrind/draftlint
mkdir -p "$(dirname "$wrap")"
printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$root/$build/draftlint" >"$wrap"
chmod 755 "$wrap"

fail=0
step() { # step NAME COMMAND...: runs a test step, notes a failure
  name=$1; shift
  echo "== $name (under memcheck)"
  "$@" || { echo "FAIL $name"; fail=1; }
}
for t in "$build"/tests/test_*; do
  [ -x "$t" ] && step "unit $(basename "$t")" $vg "$t"
done
step "fuzz replay" env REPLAY_WRAP="$vg" tests/fuzz/run.sh replay "$build"
step golden tests/golden/run.sh "$wrap"
step cli tests/cli/run.sh "$wrap"
step hostile env HOSTILE_BIG=0 HOSTILE_LINEAR=0 tests/hostile/run.sh "$wrap"
step corpus python3 tests/corpus/precision.py "$wrap"
step recall python3 tests/recall/recall.py "$wrap"

processes=$(find "$logs" -name '*.log' | wc -l)
errors=$(cat "$logs"/*.log 2>/dev/null | grep -c 'ERROR SUMMARY: [1-9]\|definitely lost: [1-9]\|Invalid \|uninitialised\|Conditional jump')
if [ -n "$(find "$logs" -name '*.log' -size +0)" ]; then
  echo "memcheck reported problems:"
  for f in "$logs"/*.log; do [ -s "$f" ] && { echo "--- $f"; head -40 "$f"; }; done
  fail=1
fi
echo "valgrind: $processes processes under memcheck, $errors error lines; " \
     "$( [ $fail = 0 ] && echo 'zero errors, zero definitely lost bytes' || echo FAILED)"
exit $fail
