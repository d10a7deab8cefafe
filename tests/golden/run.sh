#!/bin/sh
# Golden CLI tests.  Each case NAME has NAME.args (the command line after
# "draftlint", run from this folder), NAME.out (expected standard output),
# and optionally NAME.err (expected standard error; empty when absent) and
# NAME.rc (expected exit status; 0 when absent).  Inputs are the .md files
# here.  UPDATE=1 rewrites the expectations from what the binary prints.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" || exit 2
fail=0 count=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for args in *.args; do
  name=${args%.args}
  count=$((count + 1))
  # shellcheck disable=SC2046
  eval "set -- $(cat "$args")"
  NO_COLOR=1 "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$tmp/out" "$name.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$name.err"; else rm -f "$name.err"; fi
    if [ "$rc" != 0 ]; then echo "$rc" >"$name.rc"; else rm -f "$name.rc"; fi
    continue
  fi
  want_rc=0
  [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
  [ -f "$name.err" ] || : >"$tmp/empty" 
  ok=1
  cmp -s "$tmp/out" "$name.out" || { echo "FAIL $name: stdout differs"; diff -u "$name.out" "$tmp/out" | head -20; ok=0; }
  if [ -f "$name.err" ]; then
    cmp -s "$tmp/err" "$name.err" || { echo "FAIL $name: stderr differs"; diff -u "$name.err" "$tmp/err" | head -20; ok=0; }
  elif [ -s "$tmp/err" ]; then
    echo "FAIL $name: unexpected stderr"; head -5 "$tmp/err"; ok=0
  fi
  [ "$rc" = "$want_rc" ] || { echo "FAIL $name: exit $rc, expected $want_rc"; ok=0; }
  [ $ok = 1 ] || fail=$((fail + 1))
done
if [ "${UPDATE:-0}" = 1 ]; then echo "golden: $count expectations rewritten"; exit 0; fi
echo "golden: $((count - fail))/$count cases pass"
[ $fail = 0 ]
