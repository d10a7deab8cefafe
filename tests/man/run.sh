#!/bin/sh
# The man page as a reader sees it: mandoc finds nothing to warn about, the
# SYNOPSIS has one command per line, and every file FILES names under
# share/draftlint is there after `make install` (into a temporary DESTDIR).
# usage: tests/man/run.sh        (from the top of the source tree)
set -u
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

mandoc -T lint -W warning man/draftlint.1 && ok || bad "mandoc -T lint -W warning"
MANWIDTH=200 mandoc -T ascii -O width=200 man/draftlint.1 | col -b >"$tmp/page"

# SYNOPSIS: each line is one command, starting with the program's name.
sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' "$tmp/page" | sed '1d;$d' | sed '/^ *$/d' >"$tmp/synopsis"
n=$(wc -l <"$tmp/synopsis")
if [ "$n" -ge 5 ] && ! grep -qv '^ *draftlint ' "$tmp/synopsis" &&
   grep -qx ' *draftlint install-hook \[--force\]' "$tmp/synopsis" &&
   grep -qx ' *draftlint learn \[--model file\] path \.\.\.' "$tmp/synopsis"; then ok
else bad "SYNOPSIS runs commands together:"; cat "$tmp/synopsis"; fi

# FILES: every share/draftlint path it names is installed.
make --no-print-directory -s install DESTDIR="$tmp/root" PREFIX=/usr/local >/dev/null 2>&1 ||
  bad "make install DESTDIR=$tmp/root"
sed -n '/^FILES/,/^EXIT STATUS/p' "$tmp/page" | grep -Eo 'share/(doc/)?draftlint/[A-Za-z0-9_.*/-]*' |
  sed 's/[.,]$//' | sort -u >"$tmp/files"
[ -s "$tmp/files" ] || bad "FILES names no installed file"
while IFS= read -r f; do
  # shellcheck disable=SC2086 # a glob such as rules/*.ini is meant
  set -- "$tmp"/root/usr/local/$f
  [ -e "$1" ] && ok || bad "FILES names $f, which make install does not install"
done <"$tmp/files"
# and says what each is in a sentence (no word run into the next entry)
if sed -n '/^FILES/,/^EXIT STATUS/p' "$tmp/page" | tr -s ' \n' '  ' | grep -q 'DRAFTLINT_DATA_DIR\. A folder'; then
  bad "FILES: the catalog's entry runs into the next sentence"; else ok; fi

echo "man: $pass passed, $fail failed"
[ $fail = 0 ]
