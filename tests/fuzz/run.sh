#!/bin/sh
# The fuzz harnesses' driver.  Every tests/fuzz/fuzz_NAME.c is a harness;
# tests/fuzz/NAME.seeds lists its seed files (one glob a line, relative to
# the project; $SHARED is ../shared or $DRAFTLINT_SHARED; globs that match
# nothing are skipped), tests/fuzz/NAME.dict is an optional libFuzzer
# dictionary, and tests/fuzz/regress/NAME/ holds the inputs that once
# crashed or hung, each kept as a regression test.
#
#   run.sh replay BUILD        replay every harness's regression inputs and
#                              seeds through BUILD/tests/replay_fuzz_NAME
#                              (no libFuzzer; part of `make check`;
#                              $REPLAY_WRAP, when set, is put before each
#                              replay command: valgrind, say)
#   run.sh seeds NAME          print a harness's seed files
#   run.sh fuzz NAME SECONDS BINARY
#                              fuzz for SECONDS with the libFuzzer binary,
#                              corpus in build/fuzz/corpus/NAME
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
SHARED=${DRAFTLINT_SHARED:-$(dirname "$root")/shared}

# seeds NAME: prints the seed files of a harness, one a line.
seeds() {
  [ -f "tests/fuzz/$1.seeds" ] || return 0
  grep -v '^[[:space:]]*\(#\|$\)' "tests/fuzz/$1.seeds" | while read -r glob; do
    glob=$(printf '%s' "$glob" | sed "s|\\\$SHARED|$SHARED|g")
    for f in $glob; do [ -f "$f" ] && printf '%s\n' "$f"; done
  done
}

case ${1:-} in
seeds)
  seeds "$2"
  ;;
replay)
  build=$2 fail=0
  for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c); name=${name#fuzz_}
    bin=$build/tests/replay_fuzz_$name
    list=$(mktemp) || exit 2
    seeds "$name" >"$list"
    [ -d "tests/fuzz/regress/$name" ] && echo "tests/fuzz/regress/$name" >>"$list"
    # shellcheck disable=SC2086
    if out=$(xargs ${REPLAY_WRAP:-} "$bin" <"$list" 2>&1); then
      n=$(printf '%s\n' "$out" | sed -n 's/^replay .*: \([0-9]*\) input.*/\1/p' |
          awk '{s += $1} END {print s + 0}')
      echo "fuzz replay $name: $n inputs, no crash"
    else
      echo "FAIL fuzz replay $name:"; printf '%s\n' "$out" | tail -30
      fail=1
    fi
    rm -f "$list"
  done
  exit $fail
  ;;
fuzz)
  name=$2 seconds=$3 bin=$4
  corpus=build/fuzz/corpus/$name artifacts=build/fuzz/artifacts/$name
  mkdir -p "$corpus" "$artifacts"
  seeddir=$(mktemp -d) || exit 2
  trap 'rm -rf "$seeddir"' EXIT
  i=0
  { seeds "$name"; [ -d "tests/fuzz/regress/$name" ] &&
      find "tests/fuzz/regress/$name" -type f; } | while read -r f; do
    i=$((i + 1)); cp "$f" "$seeddir/seed$i-$(basename "$f")"
  done
  dict=""
  [ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
  echo "fuzzing $name for ${seconds}s (corpus $corpus, crashes in $artifacts/)"
  # -timeout: an input that takes 10 s is a hang; -close_fd_mask=3 keeps
  # the linter's own messages out of the log (crash reports still show).
  # shellcheck disable=SC2086
  "$bin" -max_total_time="$seconds" -timeout=10 -close_fd_mask=3 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" $dict \
    ${FUZZ_FLAGS:-} "$corpus" "$seeddir"
  rc=$?
  if [ $rc != 0 ]; then
    echo "fuzz $name: found a problem (exit $rc); the input is in $artifacts/."
    echo "Copy it to tests/fuzz/regress/$name/ (a regression test) before fixing."
  fi
  exit $rc
  ;;
*)
  echo "usage: run.sh replay BUILD | run.sh fuzz NAME SECONDS BINARY" >&2
  exit 2
  ;;
esac
