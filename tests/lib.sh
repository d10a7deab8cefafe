# tests/lib.sh: what every shell test script shares.  Source it, then:
#
#   dl_test_init "$1"        bin (the linter, absolute), here (the script's
#                            folder), root (the checkout), tmp (a scratch
#                            folder removed at exit), run_dir (where check
#                            runs the linter: $tmp unless changed)
#   ok / bad MESSAGE...      count a passed or failed check
#   check NAME RC PATTERNS -- ARGS...
#                            runs the linter in $run_dir with NO_COLOR and
#                            no input; passes when it exits RC and every
#                            line of PATTERNS (extended regexps) matches its
#                            standard output and error together
#   refute NAME PATTERN -- ARGS...
#                            passes when the output does not match PATTERN
#   dl_test_repo DIR         makes DIR a new git repository with a
#                            committer and no signing, and enters it
#   dl_shared                the shared data folder ($DRAFTLINT_SHARED, or
#                            ../shared beside the checkout)
#   dl_test_done LABEL       prints "LABEL: N passed, N failed" and exits 1
#                            when any check failed
#
# `timeout` in check only guards against a hang (a FIFO read as a file); no
# test is timed by it.

dl_test_init() {
  bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  here=$(cd "$(dirname "$0")" && pwd)
  root=$(cd "$here/../.." && pwd)
  tmp=$(mktemp -d) || exit 2
  run_dir=$tmp
  trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
  pass=0 fail=0
}

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

dl_test_repo() {
  mkdir -p "$1" && cd "$1" && git init -q . &&
    git config user.email t@example.com && git config user.name T &&
    git config commit.gpgsign false || exit 2
}

dl_shared() {
  (cd "${DRAFTLINT_SHARED:-$root/../shared}" 2>/dev/null && pwd)
}

check() {
  name=$1 want=$2 patterns=$3
  shift 4
  out=$(cd "$run_dir" && NO_COLOR=1 timeout 300 "$bin" "$@" 2>&1 </dev/null)
  rc=$?
  missing=$(printf '%s\n' "$patterns" | while IFS= read -r p; do
    [ -z "$p" ] || printf '%s\n' "$out" | grep -Eq -- "$p" || echo "$p"
  done)
  if [ "$rc" = "$want" ] && [ -z "$missing" ]; then
    ok
  else
    bad "$name: exit $rc (expected $want), output:"
    printf '%s\n' "$out" | head -15
    [ -z "$missing" ] || printf '  (expected to match: %s)\n' "$missing"
  fi
}

refute() {
  name=$1 pattern=$2
  shift 3
  out=$(cd "$run_dir" && NO_COLOR=1 timeout 300 "$bin" "$@" 2>&1 </dev/null)
  if printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
    bad "$name: the output has '$pattern':"
    printf '%s\n' "$out" | head -10
  else
    ok
  fi
}

dl_test_done() {
  echo "$1: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit $?
}
