#!/bin/sh
# Source coverage of what the fuzzers reached: builds every harness with
# clang's source-based coverage (no libFuzzer: tests/fuzz/replay.c is the
# main), replays each one's corpus (build/fuzz/corpus/NAME, left by
# `make fuzz`), its seeds and regression inputs, and prints llvm-cov's
# per-file report of src/ and rules/.
#
# usage: tests/fuzz/coverage.sh [NAME...]   (after make fuzz; `make
#        fuzz-coverage`, `make fuzz-coverage FUZZ_ONLY=NAME`)
#   NAME...: only these harnesses (say catalog), to read one's reach apart
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
out=build/fuzz-cov
profdata=$(command -v llvm-profdata-14 || command -v llvm-profdata) || { echo "llvm-profdata not found"; exit 2; }
cov=$(command -v llvm-cov-14 || command -v llvm-cov) || { echo "llvm-cov not found"; exit 2; }
make --no-print-directory BUILD=$out CC=clang CFLAGS="-O1 -g" \
  SAN_FLAGS="-fprofile-instr-generate -fcoverage-mapping" \
  $(for src in tests/fuzz/fuzz_*.c; do n=$(basename "$src" .c); echo "$out/tests/replay_$n"; done) \
  >/dev/null || exit 2
rm -f "$out"/*.profraw
bins=""
for src in tests/fuzz/fuzz_*.c; do
  n=$(basename "$src" .c); name=${n#fuzz_}
  if [ $# -gt 0 ]; then
    case " $* " in *" $name "*) ;; *) continue ;; esac
  fi
  bin=$out/tests/replay_$n
  bins="$bins -object=$bin"
  dirs=""
  [ -d "build/fuzz/corpus/$name" ] && dirs="build/fuzz/corpus/$name"
  [ -d "tests/fuzz/regress/$name" ] && dirs="$dirs tests/fuzz/regress/$name"
  # shellcheck disable=SC2086
  LLVM_PROFILE_FILE="$out/$name-%p.profraw" "$bin" $dirs \
    $(tests/fuzz/run.sh seeds "$name") >/dev/null 2>&1
done
"$profdata" merge -sparse "$out"/*.profraw -o "$out/all.profdata" || exit 2
# llvm-cov takes the first binary bare, the others after -object=.
first=$(echo "$bins" | sed 's/^ -object=\([^ ]*\).*/\1/')
rest=$(echo "$bins" | sed 's/^ -object=[^ ]*//')
# shellcheck disable=SC2086
"$cov" report -instr-profile="$out/all.profdata" "$first" $rest src rules
