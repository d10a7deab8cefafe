#!/bin/sh
# tests/lib.sh must count a failing check as failed: a script with one
# check that passes and three that must fail is run, and its closing line
# and exit status are read.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
script=$(mktemp) || exit 2
trap 'rm -f "$script"' EXIT
cat >"$script" <<EOS
. "$here/../lib.sh"
dl_test_init "$bin"
printf 'A **open.\n' >"\$tmp/a.md"
check passes 1 'error' -- a.md
check wrong-status 0 'error' -- a.md
check wrong-pattern 1 'nothing like this' -- a.md
refute present 'error' -- a.md
dl_test_done inner
EOS
out=$(sh "$script" 2>&1); rc=$?
if [ $rc = 1 ] && printf '%s\n' "$out" | grep -q '^inner: 1 passed, 3 failed$'; then
  echo "lib.sh self-test: 1 passed, 0 failed"
else
  echo "lib.sh self-test: FAIL (exit $rc):"; printf '%s\n' "$out" | tail -5
  echo "lib.sh self-test: 0 passed, 1 failed"; exit 1
fi
