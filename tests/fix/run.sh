#!/bin/sh
# --fix safety (issue 7), on a generated draft with thousands of fixable
# tbm-link findings (about 0.9 MB, 1.3 MB once fixed, so writing it takes
# a measurable moment):
#   - killed with SIGKILL at random moments, 200 times, the draft is always
#     wholly the old content or wholly the new (checksums of the two known
#     versions), keeps its mode, and the one temporary file a killed run
#     can leave (.NAME.draftlint-tmp beside the draft) is taken over by the
#     next --fix, ignored by a plain run, and gone after a run that ends;
#   - a leftover temporary file is removed by the next --fix; one that
#     another draftlint holds (its lock) is left alone, with an error;
#   - a full disk, as a file size limit (ulimit -f) and as a small tmpfs
#     (mounted in a private mount namespace; skipped with a message where
#     that is not allowed), leaves the draft intact, no temporary file, and
#     reports the error with exit status 2.
# Nothing here is timed: a run's length only spreads the kill moments.
#
# usage: tests/fix/run.sh BUILD/draftlint     (FIX_KILLS=N: runs to kill)
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
kills=${FIX_KILLS:-200}
sum() { cksum <"$1"; }

# The draft: a heading, then paragraphs that each cite a post with the
# wrong link; --fix rewrites every link (tbm-link's fix).
python3 - "$tmp/old.md" <<'EOF' || { echo "fix: cannot generate the draft"; exit 2; }
import sys
with open(sys.argv[1], "w") as f:
    f.write("# Links\n\n")
    for i in range(10000):
        f.write(f"Paragraph {i}: see [TBM 242: The Simplicity Fetish]"
                f"(https://substack.com/) again.\n\n")
EOF
cp "$tmp/old.md" "$tmp/new.md"
(cd "$tmp" && "$bin" -q --only tbm-link --fix new.md >/dev/null 2>&1)
old=$(sum "$tmp/old.md") new=$(sum "$tmp/new.md")
if [ "$old" != "$new" ] && grep -q 'cutlefish.substack.com/p/tbm-242' "$tmp/new.md" &&
   [ "$(cd "$tmp" && "$bin" -q --only tbm-link new.md 2>&1)" = "" ]; then
  ok
else
  bad "--fix does not fix the generated draft; nothing below can be checked"
  exit 1
fi

mkdir "$tmp/d"
draft=$tmp/d/draft.md leftover=$tmp/d/.draft.md.draftlint-tmp
cp "$tmp/old.md" "$draft"
chmod 640 "$draft"

# How long one whole --fix takes here, only to spread the kill moments
# over it (never compared with anything).
t0=$(date +%s%N)
(cd "$tmp/d" && "$bin" -q --only tbm-link --fix draft.md >/dev/null 2>&1)
t1=$(date +%s%N)
span=$(( (t1 - t0) / 1000 ))  # microseconds
[ "$span" -gt 0 ] 2>/dev/null || span=200000
[ "$(sum "$draft")" = "$new" ] && ok || bad "an uninterrupted --fix did not write the new version"

# The kill moments: half uniform over 1.2 times a whole run (before,
# during and after the write), half just after the temporary file appears
# (0 to 2 ms later), so that many kills land while it is being written.
moments=$(awk -v n="$kills" -v span="$span" -v seed="${FIX_SEED:-$$}" 'BEGIN {
  srand(seed)
  for (i = 0; i < n; i++)
    if (i % 2) printf "at %.6f\n", rand() * span * 1.2 / 1e6
    else printf "tmp %.6f\n", rand() * 0.002 }')
n_old=0 n_new=0 n_left=0 n_mixed=0 n_mode=0
echo "$moments" >"$tmp/moments"
while read -r how delay; do
  cp "$tmp/old.md" "$draft"
  (cd "$tmp/d" && exec "$bin" -q --only tbm-link --fix draft.md >/dev/null 2>&1) &
  pid=$!
  if [ "$how" = tmp ]; then
    # builtins only, so the poll sees the file within microseconds
    while [ ! -e "$leftover" ] && kill -0 "$pid" 2>/dev/null; do :; done
  fi
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  now=$(sum "$draft")
  if [ "$now" = "$old" ]; then n_old=$((n_old + 1))
  elif [ "$now" = "$new" ]; then n_new=$((n_new + 1))
  else n_mixed=$((n_mixed + 1)); cp "$draft" "$tmp/mixed-$n_mixed.md"
  fi
  [ "$(stat -c %a "$draft")" = 640 ] || n_mode=$((n_mode + 1))
  [ -e "$leftover" ] && n_left=$((n_left + 1))
done <"$tmp/moments"
echo "fix: $kills runs killed: $n_old left the old draft, $n_new the new one, $n_mixed anything else; $n_left left $(basename "$leftover") behind"
[ $n_mixed = 0 ] && ok || bad "$n_mixed killed runs left a draft that is neither old nor new (kept in $tmp while the test runs)"
[ $n_mode = 0 ] && ok || bad "$n_mode killed runs changed the draft's mode"
[ $((n_old + n_new + n_mixed)) = "$kills" ] && ok || bad "lost count of the killed runs"
# The new version is written to an unnamed file (O_TMPFILE) that gets its
# name only just before it replaces the draft: at most one kill in 200 may
# land in that moment and leave the temporary file behind.
[ $((n_left * 200)) -le "$kills" ] && ok || bad "$n_left of $kills killed runs left $(basename "$leftover") behind (at most 1 in 200 may)"

# Whatever the last kill left: a plain run lints the folder and never
# mentions it, and the next --fix takes it over and leaves nothing.
out=$(cd "$tmp/d" && NO_COLOR=1 "$bin" --only tbm-link . 2>&1)
if ! printf '%s\n' "$out" | grep -q 'draftlint-tmp' &&
   printf '%s\n' "$out" | grep -q 'in 1 file'; then ok; else bad "a plain run after the kills: $out"; fi
cp "$tmp/old.md" "$draft"
(cd "$tmp/d" && "$bin" -q --only tbm-link --fix draft.md >/dev/null 2>&1)
left=$(ls -A "$tmp/d" | grep -v '^draft\.md$')
if [ "$(sum "$draft")" = "$new" ] && [ -z "$left" ]; then ok; else
  bad "the run after the kills: draft $( [ "$(sum "$draft")" = "$new" ] && echo new || echo not new), left: $left"
fi

# A leftover from an interrupted run is removed by the next --fix ...
cp "$tmp/old.md" "$draft"
printf 'half a draft' >"$leftover"
out=$(cd "$tmp/d" && "$bin" -q --only tbm-link --fix draft.md 2>&1)
if [ "$(sum "$draft")" = "$new" ] && [ ! -e "$leftover" ]; then ok; else bad "a leftover temporary file was not taken over: $out"; fi
# ... but one that a running draftlint holds is not: an error, no change.
if command -v flock >/dev/null 2>&1; then
  cp "$tmp/old.md" "$draft"
  printf 'being written' >"$leftover"
  out=$(cd "$tmp/d" && flock -x "$leftover" "$bin" --only tbm-link --fix draft.md 2>&1)
  rc=$?
  if [ $rc = 2 ] && [ "$(sum "$draft")" = "$old" ] && [ -e "$leftover" ] &&
     printf '%s\n' "$out" | grep -q '^draft\.md: error: not fixed: another draftlint is fixing it now'; then
    ok
  else
    bad "a temporary file in use: exit $rc (expected 2): $(printf '%s\n' "$out" | grep -v '^draft.md:[0-9]' | head -3)"
  fi
  rm -f "$leftover"
else
  echo "skip temporary file in use: no flock program"
fi

# full WHAT DRAFT LEFT WANT RC OUT: after a --fix that could not write the
# new draft (a full disk), DRAFT must be the old one, LEFT (what else is in
# its folder) empty, and the run (exit status RC, output OUT) must say why,
# error WANT, with exit status 2.
full() {
  what=$1 file=$2 left=$3 want=$4 rc=$5 out=$6
  if [ "$rc" = 2 ] && [ "$(sum "$file")" = "$old" ] && [ -z "$left" ] &&
     printf '%s\n' "$out" | grep -q "^draft\\.md: error: not fixed: cannot write .*/\\.draft\\.md\\.draftlint-tmp: $want"; then
    ok
  else
    bad "$what: exit $rc (expected 2), draft $( [ "$(sum "$file")" = "$old" ] && echo intact || echo CHANGED), left: '$left', output:"
    printf '%s\n' "$out" | grep -v '^draft.md:[0-9]' | head -5
  fi
}

# A file size limit far below the new draft (64 blocks: 32 or 64 KB, as
# the shell counts them): the write fails with EFBIG (draftlint ignores
# SIGXFSZ, which would otherwise kill it half way).
cp "$tmp/old.md" "$draft"
out=$(cd "$tmp/d" && ulimit -f 64 && exec "$bin" --only tbm-link --fix draft.md 2>&1)
rc=$?
full "ulimit -f" "$draft" "$(ls -A "$tmp/d" | grep -v '^draft\.md$')" "File too large" $rc "$out"

# A small tmpfs, mounted in a private mount namespace (unshare -m) so that
# it goes away with the test: room for the draft, not for the new one
# beside it.
mnt=$tmp/mnt
mkdir "$mnt"
size=$(( $(wc -c <"$tmp/old.md") / 1024 + 256 ))k
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
   unshare -m sh -c "mount -t tmpfs -o size=$size tmpfs '$mnt'" 2>/dev/null; then
  out=$(unshare -m sh -c '
    mount -t tmpfs -o size="$1" tmpfs "$2" || exit 99
    cp "$3" "$2/draft.md" || exit 98
    (cd "$2" && exec "$4" --only tbm-link --fix draft.md 2>&1); rc=$?
    cp "$2/draft.md" "$5/after.md"; ls -A "$2" | grep -v "^draft\.md$" >"$5/left"
    exit $rc' sh "$size" "$mnt" "$tmp/old.md" "$bin" "$tmp")
  rc=$?
  full "a full tmpfs of $size" "$tmp/after.md" "$(cat "$tmp/left")" "No space left on device" $rc "$out"
else
  echo "skip tmpfs: cannot mount one here (needs root and unshare -m); the ulimit -f case stands for a full disk"
fi

dl_test_done "fix"
