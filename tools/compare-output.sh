#!/bin/sh
# compare-output.sh OLD NEW: runs two draftlint binaries over the seed draft,
# ../shared/corpus/clean and ../shared/corpus/others in every machine format
# and says whether their output is byte-identical.  For changes that must
# not change behaviour (a restructure, a speed-up): build the old commit in a
# git worktree, then run this with both binaries.
set -u
old=$1 new=$2
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${DRAFTLINT_SHARED:-$here/../shared}" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# SARIF names the bundled rule files by path: the two checkouts' roots
# (the folder above each binary's build folder) are written as ROOT.
root_of() { cd "$(dirname "$1")/.." && pwd; }
oldroot=$(root_of "$old") newroot=$(root_of "$new")
status=0
run() { # name, then the arguments
  name=$1; shift
  "$old" "$@" >"$tmp/old.out" 2>"$tmp/old.err"; echo "rc $?" >>"$tmp/old.out"
  "$new" "$@" >"$tmp/new.out" 2>"$tmp/new.err"; echo "rc $?" >>"$tmp/new.out"
  sed -i "s#$oldroot/rules/#ROOT/rules/#g" "$tmp/old.out"; sed -i "s#$newroot/rules/#ROOT/rules/#g" "$tmp/new.out"
  if cmp -s "$tmp/old.out" "$tmp/new.out" && cmp -s "$tmp/old.err" "$tmp/new.err"; then
    printf 'same       %s (%s bytes)\n' "$name" "$(wc -c <"$tmp/new.out")"
  else
    printf 'DIFFERENT  %s\n' "$name"; status=1
    diff "$tmp/old.out" "$tmp/new.out" | head -20
    diff "$tmp/old.err" "$tmp/new.err" | head -5
  fi
}
for fmt in json text sarif github html; do
  run "seed --format $fmt" --format "$fmt" "$shared/seed/the-product-is-the-process.md"
  run "clean --format $fmt" --format "$fmt" "$shared/corpus/clean"
  run "others --format $fmt" --format "$fmt" --no-config "$shared"/corpus/others/*/
done
run "clean proofread json" --format json --sensitivity proofread "$shared/corpus/clean"
run "others proofread json" --format json --sensitivity proofread --no-config "$shared"/corpus/others/*/
exit $status
