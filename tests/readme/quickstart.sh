#!/bin/sh
# The README, followed as a new user would: on a copy of the checkout (what
# git tracks, plus new files not ignored: no build/), in a temporary HOME,
# run the README's first code block (the set-up: make run, make test), then
# every command of its Quickstart, as written, in one shell, with the
# Quickstart's .draftlint.ini at the top of a drafts repository
# (~/newsletter, made here as the writer would have it).  Then check what
# the quickstart promises: draftlint on the PATH, its man page and rule
# pages installed, the findings' links pointing at those pages, the hook
# refusing a broken draft with a hint and passing a commit without
# Markdown in silence, and the README's CI workflow: its packages cover
# what the build needs, and its lint step runs.
#
# The inner `make test` runs this script too: there it says so and stops
# (DRAFTLINT_QUICKSTART_INNER), so the suite runs twice, not forever.  The
# set-up installs nothing where the packages are present (make deps).
#
# usage: tests/readme/quickstart.sh        (from the top of the source tree)
set -u
if [ -n "${DRAFTLINT_QUICKSTART_INNER:-}" ]; then
  echo "quickstart: skipped inside the quickstart's own make test"
  exit 0
fi
root=$(pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# a checkout is readable by others, as in a home folder (the suite runs
# draftlint as nobody on it), not private as mktemp makes it
chmod 755 "$tmp"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf "FAIL %s\n" "$*"; }

# A copy of the checkout, as a fresh clone of this working tree would be.
copy=$tmp/draftlint
mkdir -p "$copy"
git -C "$root" ls-files -z --cached --others --exclude-standard |
  (cd "$root" && xargs -0 sh -c 'for f; do [ -e "$f" ] && cp --parents -P "$f" "$0"; done' "$copy")
[ -f "$copy/README.md" ] && [ ! -e "$copy/build" ] && ok || bad "could not copy the checkout"

# The code blocks of the README: the first one, and those of the Quickstart
# (```sh lines to run, the ```ini file to write).
blocks() { # blocks WHAT: "setup", "sh" or "ini"
  awk -v want="$1" '
    /^## / { section = $0 }
    /^```/ && !inside { inside = 1; lang = substr($0, 4); n++; next }
    /^```/ && inside { inside = 0; next }
    inside && want == "setup" && n == 1 { print }
    inside && want != "setup" && section == "## Quickstart" && lang == want { print }
  ' "$copy/README.md"
}
blocks setup >"$tmp/setup"
blocks sh >"$tmp/quickstart"
blocks ini >"$tmp/draftlint.ini"
grep -q '^make run' "$tmp/setup" && grep -q '^make test' "$tmp/setup" && ok ||
  bad "the README's first block is not the set-up (make run, make test):" "$(cat "$tmp/setup")"
grep -q 'make install PREFIX=\$HOME/.local' "$tmp/quickstart" && grep -q '^draftlint install-hook' "$tmp/quickstart" && ok ||
  bad "the Quickstart lacks install or install-hook:" "$(cat "$tmp/quickstart")"

# A clean environment: a new HOME, no make of ours around it, the standard
# PATH, no ../shared corpus (its tests skip, as on a fresh machine); the
# npm cache is the machine's, as it would be for this user.
home=$tmp/home
mkdir -p "$home"
clean_env() {
  env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS -u NO_COLOR HOME="$home" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    npm_config_cache="${npm_config_cache:-${HOME:-/root}/.npm}" \
    DRAFTLINT_QUICKSTART_INNER=1 "$@"
}

# The writer's drafts: a git repository with a draft, and the Quickstart's
# .draftlint.ini at its top.
news=$home/newsletter
mkdir -p "$news/drafts" && cd "$news" && git init -q . &&
  git config user.email w@example.com && git config user.name W && git config commit.gpgsign false
printf '# Issue 1\n\nThis week we ship.\n' >drafts/issue-1.md
cp "$tmp/draftlint.ini" .draftlint.ini
git add . && git commit -q -m 'first draft' || bad "cannot make the drafts repository"

# Each line as written, in one shell (so `export` and `cd` carry on), from
# the top of the copy.  A draftlint line may exit 1: that is findings.
run_lines() { # run_lines FILE LOG
  clean_env sh -c '
    cd "$1" || exit 99
    while IFS= read -r line; do
      case "$line" in ""|"#"*) continue ;; esac
      echo "+ $line"
      eval "$line"
      rc=$?
      case "$rc:$line" in
        0:*|1:draftlint\ *) ;;
        *) echo "quickstart: exit $rc from: $line"; exit 1 ;;
      esac
    done <"$2"
    echo "PATH-DRAFTLINT: $(command -v draftlint)"
  ' sh "$copy" "$1" >"$2" 2>&1
}
if run_lines "$tmp/setup" "$tmp/setup.log"; then ok
else bad "the set-up, as the README writes it, failed:"; tail -40 "$tmp/setup.log"; fi
if run_lines "$tmp/quickstart" "$tmp/quickstart.log"; then ok
else bad "the Quickstart, as the README writes it, failed:"; tail -40 "$tmp/quickstart.log"; fi

# What the quickstart promised.
grep -qx "PATH-DRAFTLINT: $home/.local/bin/draftlint" "$tmp/quickstart.log" && ok ||
  bad "draftlint is not on the PATH from ~/.local/bin: $(grep PATH-DRAFTLINT "$tmp/quickstart.log")"
grep -q '^draftlint 0\.' "$tmp/quickstart.log" && grep -q 'problems (.*) in 1 file$' "$tmp/quickstart.log" && ok ||
  bad "the first run did not print a version and the example's findings"
dl=$home/.local/bin/draftlint
[ -f "$home/.local/share/man/man1/draftlint.1" ] && ok || bad "no man page in ~/.local/share/man"
url=$(cd "$copy" && "$dl" --format json examples/the-product-is-the-process.md |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["diagnostics"][0]["url"])')
case "$url" in
  "file://$home/.local/share/doc/draftlint/rules/"*.md) [ -f "${url#file://}" ] && ok || bad "the finding's page $url is not installed" ;;
  *) bad "the finding's url $url is not the installed page" ;;
esac
out=$(cd "$news" && "$dl" --print-config drafts/issue-1.md 2>&1); rc=$?
[ $rc = 0 ] && printf '%s\n' "$out" | grep -q "^fail-on = error .*$news/.draftlint.ini:" && ok ||
  bad "the Quickstart's .draftlint.ini does not apply cleanly (exit $rc): $out"

# The hook: a broken draft refused, with the hint; a commit without Markdown
# silent.  (The hook runs the installed draftlint, as the writer's would.)
cd "$news" || exit 2
[ -x .git/hooks/pre-commit ] && ok || bad "install-hook wrote no hook in ~/newsletter"
printf '# Issue 2\n\nThis week **we ship.\n' >drafts/issue-2.md && git add drafts/issue-2.md
out=$(clean_env git commit -q -m 'issue 2' 2>&1); rc=$?
[ $rc != 0 ] && printf '%s\n' "$out" | grep -q 'drafts/issue-2.md:3:11: error' &&
  printf '%s\n' "$out" | grep -q -- "--no-verify" && ok || bad "a broken draft was not refused with a hint (exit $rc): $out"
git reset -q drafts/issue-2.md && rm drafts/issue-2.md
printf 'notes\n' >notes.txt && git add notes.txt
out=$(clean_env git commit -q -m notes 2>&1); rc=$?
[ $rc = 0 ] && [ -z "$out" ] && ok || bad "a commit without Markdown was not silent (exit $rc): $out"

# The CI workflow of the README: its packages cover what `make deps` would
# install to build (not the test tools), and its lint step runs as written.
awk '/^```yaml/ { y = 1; next } /^```/ { y = 0 } y' "$copy/README.md" >"$tmp/workflow.yml"
for pkg in gcc make pkg-config python3 wordnet-base libcmark-dev libpcre2-dev \
           libutf8proc-dev libinih-dev libjansson-dev libcsv-dev; do
  grep -Eq "(^|[ ])$pkg( |$)" "$tmp/workflow.yml" && ok || bad "the CI workflow does not install $pkg, which the build needs"
done
grep -q 'make .*install' "$tmp/workflow.yml" && ok || bad "the CI workflow does not install draftlint"
step=$(sed -n 's/^ *run: \(draftlint .*\)$/\1/p' "$tmp/workflow.yml")
out=$(cd "$news" && clean_env sh -c "PATH=$home/.local/bin:\$PATH; $step" 2>&1); rc=$?
[ -n "$step" ] && [ $rc = 0 ] && ok || bad "the CI lint step '$step' (exit $rc): $out"

# No tag is named that does not exist (a pre-commit `rev:`).
for rev in $(cat "$copy/README.md" "$copy"/docs/*.md "$copy/.pre-commit-hooks.yaml" |
             sed -n 's/^[# ]*rev: *\([^ ]*\).*/\1/p' | sort -u); do
  git -C "$root" rev-parse -q --verify "$rev^{commit}" >/dev/null && ok ||
    bad "the docs name rev: $rev, which this repository does not have"
done

echo "quickstart: $pass passed, $fail failed"
[ $fail = 0 ]
