#!/bin/sh
# -o / --output: the report goes to a file in every format; problems with
# files still go to standard error; a bad destination is a clear error with
# status 2 before anything is linted; a draft is never overwritten.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"

cd "$tmp" || exit 2
printf '# Bad\n\nA **dangling marker.\n' >bad.md
printf '# Good\n\nFine.\n' >good.md

# text to a file: nothing on stdout, the findings in the file
"$bin" -o out.txt bad.md >stdout.txt 2>stderr.txt
rc=$?
if [ $rc = 1 ] && [ ! -s stdout.txt ] &&
   [ "$(cat stderr.txt)" = "draftlint: wrote the report to out.txt" ] &&
   grep -q '^bad\.md:3:3: error' out.txt && grep -q '^1 problem' out.txt; then ok
else bad "text -o: rc $rc"; cat stdout.txt stderr.txt out.txt; fi

# -q: not even where the report went
"$bin" -q -o quiet.txt bad.md >stdout.txt 2>stderr.txt
if [ ! -s stdout.txt ] && [ ! -s stderr.txt ] && grep -q '^bad\.md:3:3' quiet.txt; then ok
else bad "-q -o said something"; cat stderr.txt; fi

# NO_COLOR (no-color.org) takes away the colour alone: on a terminal the
# source line and caret stay; set but empty, it is ignored.  `script` gives
# draftlint a terminal.
tty_run() { TERM=xterm script -qec "$*" /dev/null 2>&1 | tr -d '\r'; }
esc=$(printf '\033')
plain=$(NO_COLOR=1 tty_run "'$bin' bad.md")
empty=$(NO_COLOR= tty_run "'$bin' bad.md")
unset_=$(env -u NO_COLOR TERM=xterm script -qec "'$bin' bad.md" /dev/null 2>&1 | tr -d '\r')
if printf '%s\n' "$plain" | grep -q '^     3 | A \*\*dangling marker\.$' &&
   printf '%s\n' "$plain" | grep -q '^       |   \^~$' &&
   ! printf '%s' "$plain" | grep -q "$esc"; then ok
else bad "NO_COLOR=1 on a terminal: $plain"; fi
if printf '%s' "$empty" | grep -q "$esc" && [ "$empty" = "$unset_" ]; then ok
else bad "NO_COLOR= (empty) on a terminal is not ignored: $empty"; fi

# no colour in a file, even when asked for on a terminal's behalf
"$bin" -o auto.txt bad.md >/dev/null 2>&1
if ! grep -q "$(printf '\033')" auto.txt; then ok; else bad "colour codes in -o file"; fi

# json, long option with '='
"$bin" --format json --output=out.json bad.md >stdout.txt 2>/dev/null
rc=$?
if [ $rc = 1 ] && [ ! -s stdout.txt ] &&
   python3 -c 'import json,sys; d=json.load(open("out.json")); sys.exit(d["summary"]["problems"]!=1)'; then ok
else bad "json --output=: rc $rc"; fi

# html
"$bin" --format html -o out.html bad.md good.md >stdout.txt 2>stderr.txt
rc=$?
if [ $rc = 1 ] && [ ! -s stdout.txt ] && grep -qx 'draftlint: wrote the report to out.html' stderr.txt && head -1 out.html | grep -q '^<!DOCTYPE html>' &&
   tail -1 out.html | grep -q '^</html>$' && grep -q 'id="dl-file-2"' out.html; then ok
else bad "html -o: rc $rc"; head -3 stdout.txt; fi

# "-o -" is standard output
out=$("$bin" -o - bad.md 2>&1)
if printf '%s\n' "$out" | grep -q '^bad\.md:3:3: error'; then ok; else bad "-o -: $out"; fi

# an existing file is replaced, not appended to
printf 'old contents\n' >again.txt
"$bin" -o again.txt good.md >/dev/null 2>&1
if [ "$(cat again.txt)" = "no problems in 1 file" ]; then ok; else bad "-o over a file: $(cat again.txt)"; fi

# failures still go to stderr, the report to the file
"$bin" -o mixed.txt missing.md bad.md >stdout.txt 2>stderr.txt
rc=$?
if [ $rc = 2 ] && grep -q '^missing\.md: error: cannot read' stderr.txt &&
   grep -q '^bad\.md:3:3' mixed.txt && [ ! -s stdout.txt ]; then ok
else bad "-o with a missing input: rc $rc"; fi

# never over a draft, named directly or found in a folder
cp bad.md keep.md
mkdir -p drafts && cp bad.md drafts/post.md
for args in "-o keep.md keep.md" "-o drafts/post.md drafts" "--format html -o keep.md good.md keep.md"; do
  # shellcheck disable=SC2086
  out=$("$bin" $args 2>&1)
  rc=$?
  if [ $rc = 2 ] && printf '%s' "$out" | grep -q "is also an input; draftlint never writes over a draft" &&
     cmp -s keep.md bad.md && cmp -s drafts/post.md bad.md; then ok
  else bad "$args: rc $rc: $out"; fi
done

# a destination that cannot be written
out=$("$bin" -o no/such/dir/report.html bad.md 2>&1)
rc=$?
if [ $rc = 2 ] && printf '%s' "$out" | grep -q "^draftlint: cannot write 'no/such/dir/report.html': No such file or directory"; then ok
else bad "unwritable -o: rc $rc: $out"; fi
if [ -w /dev/full ]; then
  out=$("$bin" --format html -o /dev/full bad.md 2>&1)
  rc=$?
  if [ $rc = 2 ] && printf '%s' "$out" | grep -q "cannot write '/dev/full': No space left on device"; then ok
  else bad "-o /dev/full: rc $rc: $out"; fi
fi
out=$("$bin" bad.md -o 2>&1)
if [ $? = 2 ] && printf '%s' "$out" | grep -q "option '-o' needs a value"; then ok; else bad "-o without value: $out"; fi

dl_test_done "output"
