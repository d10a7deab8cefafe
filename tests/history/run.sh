#!/bin/sh
# broken-edit in real git repositories: --since REV, --staged against HEAD,
# history = head; untracked drafts and standard input linted as before; a
# bad revision, no repository and no git are clear errors (exit 2); the old
# lines in every format.  Then the edit sessions on the author's posts
# (edits.py) and this project's own README history (replay.py).
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
repo=$tmp/repo
dl_test_repo "$repo"
mkdir -p posts

cat >posts/d.md <<'EOF'
# Notes

I frequently find myself thinking about how teams decide. Most of it comes back to ivory tower design.

A second paragraph stays as it is.
EOF
git add posts/d.md && git commit -q -m one
head=$(git rev-parse HEAD)
cat >posts/d.md <<'EOF'
# Notes

I frequently find myself ivory tower design.

A second paragraph stays as it is.
EOF
splice="posts/d.md:3:1: warning: this sentence joins the start of 'I frequently find myself…' (line 3 before) to the end of '…ivory tower design' (line 3 before); the words between were deleted, so restore them or end the first sentence [broken-edit]"

# --since REV: the working tree against REV; without it, nothing to compare.
out=$(NO_COLOR=1 "$bin" -q --since HEAD posts 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "$splice" ] && ok || bad "--since HEAD (exit $rc): $out"
out=$(cd posts && NO_COLOR=1 "$bin" -q --since "$head" d.md 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "${splice#posts/}" ] && ok || bad "--since HASH from a subfolder (exit $rc): $out"
out=$(NO_COLOR=1 "$bin" -q "$repo/posts/d.md" --since HEAD 2>&1); rc=$?
[ $rc = 1 ] && printf '%s\n' "$out" | grep -q "^$repo/posts/d.md:3:1: warning: this sentence joins" &&
  ok || bad "--since with an absolute path (exit $rc): $out"
out=$(NO_COLOR=1 "$bin" -q posts 2>&1); rc=$?
[ $rc = 0 ] && [ -z "$out" ] && ok || bad "a plain run compares nothing (exit $rc): $out"

# Every format carries the finding and the old lines.
out=$("$bin" --since HEAD -f json posts/d.md); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)["diagnostics"]
assert [(x["rule"], x["kind"], x["line"], x["before_lines"], x["confidence"])
        for x in d] == [("broken-edit", "edit-splice", 3, [3, 3], 1.0)], d' &&
  ok || bad "json (exit $rc): $out"
out=$("$bin" --since HEAD -f sarif posts/d.md); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)["runs"][0]["results"]
assert [(x["ruleId"], x["properties"]["beforeLines"]) for x in r] == \
    [("broken-edit", [3, 3])], r' && ok || bad "sarif (exit $rc): $out"
printf '%s' "$out" >"$tmp/log.sarif"
/usr/bin/python3 "$here/../sarif/validate.py" "$here/../sarif/sarif-schema-2.1.0.json" \
  "$tmp/log.sarif" >/dev/null && ok || bad "the SARIF log with beforeLines is not valid SARIF 2.1.0"
out=$("$bin" --since HEAD -f github posts/d.md); rc=$?
[ $rc = 1 ] && printf '%s\n' "$out" | grep -q "^::warning file=posts/d.md,line=3,col=1,.*title=broken-edit::this sentence joins the start of 'I frequently find myself…' (line 3 before)" &&
  ok || bad "github (exit $rc): $out"
out=$("$bin" --since HEAD -f html -o "$tmp/r.html" posts/d.md 2>&1); rc=$?
[ $rc = 1 ] && grep -q "broken-edit" "$tmp/r.html" && grep -q "line 3 before" "$tmp/r.html" &&
  ok || bad "html (exit $rc): $out"

# A repository with no commit yet: --staged lints the staged drafts as new.
mkdir "$tmp/fresh" && (cd "$tmp/fresh" && git init -q . &&
  printf 'A short draft that is whole.\n' >a.md && git add a.md)
out=$(cd "$tmp/fresh" && NO_COLOR=1 "$bin" -q --staged 2>&1); rc=$?
[ $rc = 0 ] && [ -z "$out" ] && ok || bad "--staged before the first commit (exit $rc): $out"

# Bad input: a revision that is not there, no repository, no git.
out=$("$bin" --since no-such-rev posts 2>&1); rc=$?
[ $rc = 2 ] && [ "$out" = "draftlint: --since: 'no-such-rev' is not a commit of the repository at $repo" ] &&
  ok || bad "bad revision (exit $rc): $out"
mkdir "$tmp/plain" && printf 'A draft.\n' >"$tmp/plain/p.md"
out=$(cd "$tmp/plain" && GIT_CEILING_DIRECTORIES=$tmp "$bin" --since HEAD p.md 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q "not in a git working tree" &&
  ok || bad "no repository (exit $rc): $out"
mkdir "$tmp/nogit"
out=$(PATH=$tmp/nogit "$bin" --since HEAD posts 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q "git could not be run" &&
  ok || bad "no git (exit $rc): $out"
out=$("$bin" --since HEAD --staged 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q "cannot be used together" &&
  ok || bad "--since with --staged (exit $rc): $out"

# An untracked draft is linted as before: the same report as a plain run.
printf '# New\n\nThis week **we ship.\n' >posts/new.md
a=$(NO_COLOR=1 "$bin" --since HEAD posts/new.md 2>&1); ra=$?
b=$(NO_COLOR=1 "$bin" posts/new.md 2>&1); rb=$?
[ $ra = $rb ] && [ "$a" = "$b" ] && ok || bad "untracked draft: '$a' ($ra) vs '$b' ($rb)"
rm posts/new.md

# history = head: plain runs compare tracked drafts with HEAD; standard
# input has no history; a wrong value is a configuration error.
printf 'history = head\n' >.draftlint.ini
out=$(NO_COLOR=1 "$bin" -q posts 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "$splice" ] && ok || bad "history = head (exit $rc): $out"
out=$(NO_COLOR=1 "$bin" -q --stdin-filename posts/d.md - <posts/d.md 2>&1); rc=$?
[ $rc = 0 ] && [ -z "$out" ] && ok || bad "history = head on standard input (exit $rc): $out"
out=$("$bin" --print-config posts/d.md 2>&1)
printf '%s\n' "$out" | grep -q "^history = head .*; $repo/.draftlint.ini:1" && ok ||
  bad "--print-config shows history: $out"
printf 'history = yesterday\n' >.draftlint.ini
out=$("$bin" posts 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q "draftlint.ini:1: error: 'yesterday' is not a value for history; valid: head" &&
  ok || bad "history = yesterday (exit $rc): $out"
rm .draftlint.ini

# --staged compares what is staged with HEAD, and shows working-tree lines:
# the working tree has two lines more above the edit.
git add posts/d.md
{ printf 'Intro.\n\n'; cat posts/d.md; } >"$tmp/d.md" && cp "$tmp/d.md" posts/d.md
out=$(NO_COLOR=1 "$bin" -q --staged 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "posts/d.md:5:1: warning: this sentence joins the start of 'I frequently find myself…' (line 3 before) to the end of '…ivory tower design' (line 3 before); the words between were deleted, so restore them or end the first sentence [broken-edit]" ] &&
  ok || bad "--staged against HEAD (exit $rc): $out"
# ... and the pre-commit hook stops that commit.
"$bin" install-hook >/dev/null 2>&1
out=$(NO_COLOR=1 git commit -q -m 'broken' 2>&1); rc=$?
[ $rc != 0 ] && printf '%s\n' "$out" | grep -q "broken-edit" && ok ||
  bad "the hook let a broken edit through (exit $rc): $out"
# Edits that leave sentences whole pass: a sentence added, one reworded.
git reset -q && git checkout -q -- posts/d.md
cat >posts/d.md <<'EOF'
# Notes

I often find myself thinking about how teams decide. A new sentence came in here. Most of it comes back to ivory tower design.

A second paragraph stays as it is.
EOF
git add posts/d.md
out=$(NO_COLOR=1 git commit -q -m 'whole edits' 2>&1); rc=$?
[ $rc = 0 ] && ok || bad "whole edits refused (exit $rc): $out"
# Nothing here ever changed the repository but git itself.
[ -z "$(git status --porcelain)" ] && ok || bad "the repository changed: $(git status --porcelain)"

echo "history (cli): $pass passed, $fail failed"
status=0
[ $fail = 0 ] || status=1
cd "$here" || exit 2
python3 "$here/edits.py" "$bin" || status=1
# A real history of prose: this project's README, when the history is here.
if git -C "$here" rev-parse --git-dir >/dev/null 2>&1; then
  python3 "$here/replay.py" "$bin" "$here/../.." README.md | tail -n 1 || status=1
fi
exit $status
