#!/bin/sh
# Browser tests of the HTML report (tests/html/browser.mjs) in Debian's
# headless Chromium, driven by playwright-core, which is installed with npm
# into build/npm at the version pinned here (it never downloads a browser:
# it drives /usr/bin/chromium).  The reports, screenshots and PDF stay in
# build/html-test as artifacts.
#
# usage: tests/html/run.sh BUILD/draftlint
set -u
PLAYWRIGHT_VERSION=1.65.1
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/build/html-test
npmdir=$root/build/npm
chromium=${CHROMIUM:-/usr/bin/chromium}

[ -x "$chromium" ] || { echo "html: no Chromium at $chromium (make deps installs Debian's)"; exit 1; }
command -v node >/dev/null 2>&1 || { echo "html: node is missing (make deps installs it)"; exit 1; }
have=$(node -p "require('$npmdir/node_modules/playwright-core/package.json').version" 2>/dev/null)
if [ "$have" != "$PLAYWRIGHT_VERSION" ]; then
  mkdir -p "$npmdir"
  echo "html: installing playwright-core@$PLAYWRIGHT_VERSION into build/npm"
  (cd "$npmdir" && [ -f package.json ] || echo '{"private": true}' >package.json) &&
  npm install --prefix "$npmdir" --no-audit --no-fund --loglevel=error \
      --save-exact "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null ||
    { echo "html: npm could not install playwright-core@$PLAYWRIGHT_VERSION"; exit 1; }
fi

rm -rf "$out" && mkdir -p "$out" || exit 2
cd "$out" || exit 2

# The seed draft, and what the JSON report says about it (run from the
# project's root, so the page names the file as a user would).
seed=examples/the-product-is-the-process.md
cp "$root/$seed" seed.md
(cd "$root" || exit 2
 "$bin" --format json "$seed" >"$out/seed.json"
 "$bin" --format html -o "$out/seed.html" "$seed")

# Findings in links, quotes, lists and headings, two rules.
cp "$here/links.md" links.md
"$bin" --format json links.md >links.json
"$bin" --format html -o links.html links.md

# What a writer tripped on (issue 17): a doubled word in a highlighted
# sentence, a repeated heading far from the first, a code block, a
# finding at the very end of a long page.
cp "$here/writer.md" writer.md
"$bin" --format html -o writer.html writer.md 2>/dev/null

# A hostile draft under a hostile file name; and the same page without its
# Content-Security-Policy, so that the escaping is tested on its own.
mkdir -p hostile
cp "$here/hostile.md" "hostile/<img src=x onerror=window.__pwned=1>.md"
"$bin" --format html -o hostile.html hostile
grep -v 'http-equiv="Content-Security-Policy"' hostile.html >hostile-no-csp.html

# Several files: a folder with a draft, a clean post, a hostile one and a
# file that is not UTF-8.
mkdir -p folder
cp seed.md folder/a.md
printf '# Clean\n\nNothing wrong here.\n' >folder/b.md
printf 'caf\351\n' >folder/c.md
cp "$here/hostile.md" folder/d.md
"$bin" --format html -o folder.html folder 2>/dev/null

# One hundred findings: 95 unclosed markers and 5 repeated headings.
{
  printf '# One hundred findings\n\n'
  n=0
  for s in 1 2 3 4 5; do
    for rep in 10 9; do
      printf '## Section %s\n\n' "$s"
      i=0
      while [ $i -lt $rep ]; do
        i=$((i + 1)); n=$((n + 1))
        printf 'Paragraph %s says **this is bold that never closes, and then the sentence runs on for a while, as real newsletter prose does.\n\n' "$n"
      done
    done
  done
} >hundred.md
"$bin" --format html -o hundred.html hundred.md

PLAYWRIGHT_DIR=$npmdir/node_modules node "$here/browser.mjs" "$out" "$chromium"
