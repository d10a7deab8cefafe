#!/bin/sh
# The pre-commit hook for real: a temporary git repository, the hook
# written by `draftlint install-hook`, a commit with a broken draft refused
# and the fixed one let through; --staged reading git's index, not the
# working tree, and reporting working-tree paths and lines.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
repo=$tmp/repo
dl_test_repo "$repo"
mkdir -p drafts/2026
commits() { git rev-list --count HEAD 2>/dev/null || echo 0; }

# install-hook writes an executable hook that runs this draftlint.
out=$(NO_COLOR=1 "$bin" install-hook 2>&1); rc=$?
[ $rc = 0 ] && [ -x .git/hooks/pre-commit ] && grep -q -- '--staged' .git/hooks/pre-commit &&
  grep -qF "$bin" .git/hooks/pre-commit && ok || bad "install-hook: exit $rc: $out"

# A broken draft: the commit is refused, with the finding on the screen.
printf '# Issue 12\n\nThis week **we ship.\n' >drafts/2026/issue-12.md
git add drafts/2026/issue-12.md
out=$(NO_COLOR=1 git commit -q -m 'broken draft' 2>&1); rc=$?
[ $rc != 0 ] && [ "$(commits)" = 0 ] &&
  printf '%s\n' "$out" | grep -q '^drafts/2026/issue-12.md:3:11: error: .*\[unclosed-emphasis\]' &&
  printf '%s\n' "$out" | grep -q "^draftlint: commit refused: fix what is listed above and 'git add' it, or commit anyway with 'git commit --no-verify'$" &&
  ok || bad "broken commit went through or said the wrong thing (exit $rc): $out"

# Fixed: the commit goes through.
printf '# Issue 12\n\nThis week **we ship**.\n' >drafts/2026/issue-12.md
git add drafts/2026/issue-12.md
out=$(git commit -q -m 'fixed draft' 2>&1); rc=$?
[ $rc = 0 ] && [ "$(commits)" = 1 ] && ok || bad "fixed commit refused (exit $rc): $out"

# A commit without Markdown: the hook says nothing at all.
printf 'notes\n' >notes.txt && git add notes.txt
out=$(NO_COLOR=1 git commit -q -m 'no drafts' 2>&1); rc=$?
[ $rc = 0 ] && [ "$(commits)" = 2 ] && [ -z "$out" ] && ok ||
  bad "a commit without Markdown: exit $rc, said: $out"
git reset -q --soft HEAD~1 && git rm -q --cached notes.txt && rm notes.txt

# Findings below fail-on do not stop a commit: a warning with fail-on = error.
printf 'fail-on = error\n[unclosed-emphasis]\nseverity = warning\n' >.draftlint.ini
printf 'A **loose marker.\n' >drafts/note.md
git add .draftlint.ini drafts/note.md
out=$(NO_COLOR=1 git commit -q -m 'warning only' 2>&1); rc=$?
[ $rc = 0 ] && [ "$(commits)" = 2 ] && printf '%s\n' "$out" | grep -q 'note.md:1:3: warning' &&
  ok || bad "warning below fail-on stopped the commit (exit $rc): $out"
git rm -q .draftlint.ini drafts/note.md && git commit -q -m 'tidy' --no-verify

# Staged versus working tree: the index has the broken text, the working
# tree has it fixed and four lines more above it.  --staged lints the
# index, and shows the working tree's path and line.
printf '# Issue 12\n\nThis week **we ship.\n' >drafts/2026/issue-12.md
git add drafts/2026/issue-12.md
printf '# Issue 12\n\nA new opening.\n\nAnother one.\n\nThis week **we ship**.\n' >drafts/2026/issue-12.md
out=$(cd drafts && NO_COLOR=1 "$bin" --staged 2>&1); rc=$?
[ $rc = 1 ] && [ "$out" = "2026/issue-12.md:7:11: error: '**' starts bold that is never closed in this paragraph, so readers see a literal '**'; close it or remove it [unclosed-emphasis]
1 problem (1 error) in 1 file" ] && ok || bad "staged broken, working tree fixed (exit $rc): $out"
out=$(NO_COLOR=1 "$bin" drafts/2026/issue-12.md 2>&1); rc=$?
[ $rc = 0 ] && ok || bad "the working tree itself is clean (exit $rc): $out"
# ... and the other way round: staged fixed, working tree broken.
git add drafts/2026/issue-12.md
printf '# Issue 12\n\nThis week **we ship.\n' >drafts/2026/issue-12.md
out=$(NO_COLOR=1 "$bin" --staged 2>&1); rc=$?
[ $rc = 0 ] && printf '%s\n' "$out" | grep -q 'no problems in 1 file' && ok ||
  bad "staged fixed, working tree broken (exit $rc): $out"
out=$(NO_COLOR=1 git commit -q -m 'staged is fine' 2>&1); rc=$?
[ $rc = 0 ] && ok || bad "commit of a fixed index refused (exit $rc): $out"
git checkout -q -- drafts/2026/issue-12.md

# --staged takes pathspecs, skips files that are not Markdown and deleted
# ones, and reads a file git has but the working tree lost.
printf 'A **x\n' >notes.txt; printf 'A **y\n' >drafts/gone.md; printf 'A **z\n' >other.md
git add notes.txt drafts/gone.md other.md && rm drafts/gone.md
out=$(NO_COLOR=1 "$bin" --staged drafts 2>&1); rc=$?
[ $rc = 1 ] && printf '%s\n' "$out" | grep -q '^drafts/gone.md:1:3: error' &&
  ! printf '%s\n' "$out" | grep -q 'other.md\|notes' && ok || bad "--staged drafts (exit $rc): $out"
git reset -q && rm -f notes.txt other.md

# A hook that draftlint did not write is never replaced without --force.
printf '#!/bin/sh\necho my own hook\n' >.git/hooks/pre-commit
out=$("$bin" install-hook 2>&1); rc=$?
[ $rc = 2 ] && grep -q 'my own hook' .git/hooks/pre-commit &&
  printf '%s\n' "$out" | grep -q 'exists and draftlint did not write it' && ok || bad "foreign hook (exit $rc): $out"
out=$("$bin" install-hook --force 2>&1); rc=$?
[ $rc = 0 ] && grep -q 'draftlint-hook' .git/hooks/pre-commit && ok || bad "--force (exit $rc): $out"
out=$("$bin" install-hook 2>&1); rc=$?
[ $rc = 0 ] && ok || bad "rewriting draftlint's own hook (exit $rc): $out"

# Outside a repository: a clear message and exit 2.
mkdir "$tmp/plain"
out=$(cd "$tmp/plain" && "$bin" --staged 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q 'not in a git working tree' && ok || bad "--staged outside git (exit $rc): $out"
out=$(cd "$tmp/plain" && "$bin" install-hook 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q 'not in a git working tree' && ok || bad "install-hook outside git (exit $rc): $out"
out=$("$bin" --force x.md 2>&1); rc=$?
[ $rc = 2 ] && printf '%s\n' "$out" | grep -q 'goes with install-hook' && ok || bad "--force alone (exit $rc): $out"

# Walking a folder in a git repository honours git's ignore rules:
# .gitignore (at the top and nested), .git/info/exclude; a tracked file
# stays linted even where a pattern would ignore it; a file or an ignored
# folder named on the command line is linted.
gi=$tmp/gi
mkdir -p "$gi/node_modules/pkg" "$gi/drafts/out" "$gi/kept" && cd "$gi" && git init -q .
bad_md='A **open.\n'
printf "$bad_md" >node_modules/pkg/README.md
printf "$bad_md" >drafts/out/gen.md
printf "$bad_md" >drafts/post.md
printf "$bad_md" >drafts/secret.md
printf "$bad_md" >kept/tracked.md
printf 'node_modules/\nkept/\n' >.gitignore
printf 'out/\n' >drafts/.gitignore
printf 'secret.md\n' >>.git/info/exclude
git add -f kept/tracked.md
out=$(NO_COLOR=1 "$bin" . 2>&1); rc=$?
[ $rc = 1 ] && printf '%s\n' "$out" | grep -q '^./drafts/post.md:1:3: error' &&
  printf '%s\n' "$out" | grep -q '^./kept/tracked.md:1:3: error' &&
  printf '%s\n' "$out" | grep -q 'in 2 files$' &&
  ! printf '%s\n' "$out" | grep -Eq 'node_modules|gen.md|secret.md' && ok ||
  bad ".gitignore not honoured walking . (exit $rc): $out"
out=$(cd drafts && NO_COLOR=1 "$bin" . 2>&1)
printf '%s\n' "$out" | grep -q 'in 1 file$' && ok || bad ".gitignore not honoured from a sub-folder: $out"
out=$(NO_COLOR=1 "$bin" node_modules/pkg/README.md drafts/out 2>&1); rc=$?
[ $rc = 1 ] && printf '%s\n' "$out" | grep -q 'in 2 files$' && ok ||
  bad "named ignored file or folder not linted (exit $rc): $out"
cd "$repo" || exit 2

# The pre-commit framework's manifest: a system hook on Markdown files.
manifest=$here/../../.pre-commit-hooks.yaml
[ -f "$manifest" ] && grep -q '^- id: draftlint' "$manifest" && grep -q 'language: system' "$manifest" &&
  grep -q 'types: \[markdown\]' "$manifest" && grep -q 'entry: draftlint' "$manifest" && ok ||
  bad ".pre-commit-hooks.yaml missing or incomplete"

dl_test_done "git"
