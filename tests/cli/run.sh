#!/bin/sh
# CLI tests on real files: every kind of bad input gets a clear message
# naming the file (and line where there is one), the right exit status,
# every other file is still linted, and no file is changed.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"

good="$tmp/good.md"
printf '# Good\n\nA clean paragraph.\n' >"$good"
printf '# Bad\n\nA **dangling marker.\n' >"$tmp/bad.md"

check missing-path 2 '^missing\.md: error: cannot read: No such file' -- missing.md
check missing-path-others-linted 2 'bad\.md:3:3: error' -- missing.md bad.md
mkdir -p "$tmp/empty-dir/sub"
printf 'x' >"$tmp/empty-dir/sub/notes.txt"
check dir-without-markdown 2 'empty-dir: error: is a folder with no Markdown files' -- empty-dir
printf 'caf\303\251 \377\376 ok\n' >"$tmp/latin.md"
check invalid-utf8 2 '^latin\.md:1:6: error: is not valid UTF-8 \(byte 0xFF\)' -- latin.md good.md
printf 'ok\n\300\257 overlong\n' >"$tmp/overlong.md"
check overlong-utf8 2 '^overlong\.md:2:1: error: is not valid UTF-8 \(byte 0xC0\)' -- overlong.md
printf 'two\nlines\000 nul\n' >"$tmp/nul.md"
check nul-byte 2 '^nul\.md:2:6: error: contains a NUL byte' -- nul.md
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$tmp/image.md"
check binary-file 2 '^image\.md:1:1: error: is not valid UTF-8|^image\.md:.*NUL' -- image.md bad.md
: >"$tmp/empty.md"
check empty-file 0 'no problems in 1 file' -- empty.md
printf '\357\273\277# T\r\n\r\nSome **bold\r\n' >"$tmp/crlf.md"
check crlf-bom-positions 1 '^crlf\.md:3:6: error' -- crlf.md
printf -- '---\ntitle: x\n---\n' >"$tmp/only-fm.md"
check only-front-matter 0 'no problems' -- only-fm.md
printf -- '---\ntitle: x\n\nText **x\n' >"$tmp/open-fm.md"
check unterminated-front-matter 1 'open-fm\.md:1:1: warning: front matter opened on line 1 is never closed' -- open-fm.md
mkfifo "$tmp/pipe.md"
check fifo 2 '^pipe\.md: error: is a FIFO \(named pipe\), not a Markdown file' -- pipe.md good.md
mkdir -p "$tmp/loop/inner"
ln -s .. "$tmp/loop/inner/up"
cp "$tmp/bad.md" "$tmp/loop/inner/bad.md"
check symlink-loop 2 'loop/inner/up: error: is a symbolic link loop' -- loop
ln -s self.md "$tmp/self.md" 2>/dev/null
check self-symlink 2 '^self\.md: error: cannot read' -- self.md
check unreadable-proc 2 '/proc/self/mem: error: cannot read: Input/output error' -- /proc/self/mem good.md

# Permission denied needs a user the file is closed to: as root, drop to
# nobody with setpriv when it is there.
printf 'secret\n' >"$tmp/closed.md"
chmod 000 "$tmp/closed.md"
if [ "$(id -u)" != 0 ]; then
  check permission-denied 2 '^closed\.md: error: cannot read: Permission denied' -- closed.md good.md
elif command -v setpriv >/dev/null 2>&1; then
  chmod 755 "$tmp"
  out=$(cd "$tmp" && setpriv --reuid=nobody --regid=nogroup --clear-groups \
        "$bin" closed.md good.md 2>&1)
  rc=$?
  if [ $rc = 2 ] && printf '%s' "$out" | grep -q '^closed\.md: error: cannot read: Permission denied'; then
    ok
  else
    bad "permission-denied (as nobody): exit $rc: $out"
  fi
else
  echo "skip permission-denied: running as root without setpriv"
fi
chmod 644 "$tmp/closed.md"

# Standard input, with a name for messages.
out=$(printf 'A **b\n' | NO_COLOR=1 "$bin" --stdin-filename draft.md - 2>&1)
if [ $? = 1 ] && printf '%s' "$out" | grep -q '^draft\.md:1:3: error'; then
  ok
else
  bad "stdin: $out"
fi

# Usage errors.
check unknown-option 2 "unknown option '--frobnicate'" -- --frobnicate good.md
check missing-value 2 "option '--format' needs a value" -- good.md --format
check bad-jobs 2 "invalid value '0' for --jobs" -- -j 0 good.md
check bad-set 2 "unknown setting 'colour' for duplicate-heading; valid: severity, scope" -- --set duplicate-heading.colour=red good.md
check bad-kind 2 "unknown kind 'sideways' of unclosed-emphasis; valid: unclosed-emphasis:open, unclosed-emphasis:close" -- --disable unclosed-emphasis:sideways good.md
check version 0 '^draftlint [0-9]+\.[0-9]+\.[0-9]+' -- --version
check help 0 'usage: draftlint' -- --help

# Folders: walked recursively, hidden folders skipped, sorted; the same
# output for any number of jobs.
mkdir -p "$tmp/drafts/b" "$tmp/drafts/.git" "$tmp/drafts/.hidden"
for i in 1 2 3 4 5 6 7 8 9; do
  printf '# Post %s\n\nA **bold %s\n' "$i" "$i" >"$tmp/drafts/b/p$i.md"
done
cp "$tmp/bad.md" "$tmp/drafts/a.markdown"
cp "$tmp/bad.md" "$tmp/drafts/.git/x.md"
cp "$tmp/bad.md" "$tmp/drafts/.hidden/y.md"
printf 'not markdown **\n' >"$tmp/drafts/notes.txt"
one=$(cd "$tmp" && "$bin" -j 1 drafts 2>&1)
many=$(cd "$tmp" && "$bin" -j 4 drafts 2>&1)
if [ "$one" = "$many" ] && [ "$(printf '%s\n' "$one" | grep -c 'error:')" = 10 ] &&
   printf '%s\n' "$one" | head -1 | grep -q '^drafts/a\.markdown:3:3' &&
   ! printf '%s\n' "$one" | grep -q 'hidden\|\.git\|notes'; then
  ok
else
  bad "folders/jobs:"; printf '%s\n---\n%s\n' "$one" "$many" | head -30
fi

# Exit codes follow --fail-on.
check fail-on-error 1 'error' -- --fail-on error bad.md
check fail-on-never 0 'error' -- --fail-on never bad.md
check fail-on-never-io 2 'cannot read' -- --fail-on never missing.md

# Nothing the linter reads is ever changed.
after=$(cd "$tmp" && find . -type f ! -name closed.md -exec cksum {} + | sort)
before_file="$here/.cksum.$$"
(cd "$tmp" && "$bin" -q . >/dev/null 2>&1)
now=$(cd "$tmp" && find . -type f ! -name closed.md -exec cksum {} + | sort)
if [ "$after" = "$now" ]; then ok; else bad "files changed"; fi
rm -f "$before_file"

dl_test_done cli
