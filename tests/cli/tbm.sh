#!/bin/sh
# CLI tests of the TBM catalog and of --fix and --diff, on temporary copies:
# each catalog defect is exit status 2 with the file and line; --fix writes
# the unambiguous fixes atomically and keeps the mode; --diff writes
# nothing and prints what --fix would write; a file that changed on disk
# since it was read is not written.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
root=$(cd "$here/../.." && pwd)


# ---- the catalog -----------------------------------------------------------
printf '# A draft\n\nSee [TBM 1/53: One](https://substack.com/).\n' >"$tmp/d.md"
hdr='post_id,post_date,is_published,title'
: >"$tmp/empty.csv"
printf '%s\n' "$hdr" >"$tmp/header-only.csv"
printf 'post_id,post_date,name\n1.tbm-153-one,2020-01-01,TBM 1/53: One\n' >"$tmp/no-title.csv"
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One"\n2.tbm-253-two,2020-01-08,true,"TBM 2/53: "Two""\n' "$hdr" >"$tmp/quote.csv"
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One\n2.tbm-253-two,2020-01-08,true,x\n' "$hdr" >"$tmp/open-quote.csv"
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One"\n2.tbm-253-two,2020-01-08\n' "$hdr" >"$tmp/short-row.csv"
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: \377"\n' "$hdr" >"$tmp/latin1.csv"
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One, with a comma ""quoted"""\n' "$hdr" >"$tmp/good.csv"
check catalog-missing 2 "^draftlint: missing\.csv: cannot read the TBM catalog: No such file" -- --catalog missing.csv d.md
check catalog-empty 2 "^draftlint: empty\.csv:1: TBM catalog: the file is empty" -- --catalog empty.csv d.md
check catalog-header-only 2 "^draftlint: header-only\.csv:2: TBM catalog: there is a header but no posts" -- --catalog header-only.csv d.md
check catalog-missing-column 2 "^draftlint: no-title\.csv:1: TBM catalog: the header has no 'title' column" -- --catalog no-title.csv d.md
check catalog-broken-quote 2 "^draftlint: quote\.csv:3: TBM catalog: broken quoting" -- --catalog quote.csv d.md
check catalog-open-quote 2 "^draftlint: open-quote\.csv:2: TBM catalog: a quoted field in this record is never closed" -- --catalog open-quote.csv d.md
check catalog-short-row 2 "^draftlint: short-row\.csv:3: TBM catalog: the record has 2 fields where the header has 4" -- --catalog short-row.csv d.md
check catalog-not-utf8 2 "^draftlint: latin1\.csv:2: TBM catalog: not valid UTF-8" -- --catalog latin1.csv d.md
check catalog-a-folder 2 "^draftlint: \.: cannot read the TBM catalog: Is a directory" -- --catalog . d.md
check catalog-setting 2 "^draftlint: quote\.csv:3: TBM catalog: broken quoting" -- --set tbm-link.catalog=quote.csv d.md
check catalog-empty-setting 2 "'' is not a valid tbm-link\.catalog" -- --set tbm-link.catalog= d.md
check catalog-needs-value 2 "option '--catalog' needs a value" -- d.md --catalog
# a good catalog of one's own is used, quoted commas and all
check catalog-own 1 "d\.md:3:5: error: 'TBM 1/53: One' links to https://substack\.com/, not to the post; the right link is \[TBM 1/53: One, with a comma \"quoted\"\]\(https://cutlefish\.substack\.com/p/tbm-153-one\)" -- --catalog good.csv d.md
# a rule switched off loads nothing
check catalog-unused 0 "no problems" -- --disable tbm-link --catalog missing.csv d.md

# ---- hostile catalogs (issue 7) ---------------------------------------------
# Each defect: exit 2, the file (and line) named, every draft still reported
# (as not linted: a catalog that cannot be used stops the rule, never
# silently), and no file changed.  Encodings that are not defects (CRLF, a
# lone CR, a BOM, a 1 MB title) must read as the plain file does.
printf 'A second draft with a [TBM 2/53: Two](https://substack.com/) link.\n' >"$tmp/e.md"
# hostile NAME PATTERN -- ARGS: like check with status 2, plus both drafts
# reported and every file in $tmp unchanged.
hostile() {
  name=$1 pattern=$2
  shift 3
  sums=$(cd "$tmp" && find . -type f -exec cksum {} + | sort)
  check "$name" 2 "$pattern" -- "$@" d.md e.md
  if printf '%s\n' "$out" | grep -q "^d\\.md: error: not linted" &&
     printf '%s\n' "$out" | grep -q "^e\\.md: error: not linted" &&
     [ "$(cd "$tmp" && find . -type f -exec cksum {} + | sort)" = "$sums" ]; then
    ok
  else
    bad "$name: a draft is not reported, or a file changed"
  fi
}
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: \300\257 overlong"\n' "$hdr" >"$tmp/overlong.csv"
hostile catalog-overlong "^draftlint: overlong\.csv:2: TBM catalog: not valid UTF-8" -- --catalog overlong.csv
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One"\n2.tbm-253-two,2020\000-01-08,true,Two\n' "$hdr" >"$tmp/nul.csv"
hostile catalog-nul "^draftlint: nul\.csv:3: TBM catalog: a NUL byte; is it a CSV file\?" -- --catalog nul.csv
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' >"$tmp/image.csv"
hostile catalog-binary "^draftlint: image\.csv:1: TBM catalog: not valid UTF-8" -- --catalog image.csv
printf '%s\n1.tbm-153-one,2020-01-01,true,"  "\n' "$hdr" >"$tmp/no-name.csv"
hostile catalog-empty-title "^draftlint: no-name\.csv:2: TBM catalog: post '1\.tbm-153-one' has an empty title" -- --catalog no-name.csv
python3 -c 'import sys; sys.stdout.write(sys.argv[1] + "\n1.tbm-153-one,2020-01-01,true,TBM 1/53: One\n" + "x" * 1048576 + "\n")' "$hdr" >"$tmp/long-line.csv"
hostile catalog-1mb-line "^draftlint: long-line\.csv:3: TBM catalog: the record has 1 fields where the header has 4" -- --catalog long-line.csv
mkfifo "$tmp/fifo.csv"
hostile catalog-fifo "^draftlint: fifo\.csv: cannot read the TBM catalog: it is a FIFO \(named pipe\), not a regular file" -- --catalog fifo.csv
rm -f "$tmp/fifo.csv"
hostile catalog-folder "^draftlint: \.: cannot read the TBM catalog: Is a directory" -- --catalog .
hostile catalog-missing-file "^draftlint: missing\.csv: cannot read the TBM catalog: No such file" -- --catalog missing.csv
# Permission denied needs a user the file is closed to: as root, drop to
# nobody with setpriv (as tests/cli/run.sh does).
cp "$tmp/good.csv" "$tmp/closed.csv"
chmod 000 "$tmp/closed.csv"
if [ "$(id -u)" != 0 ]; then
  hostile catalog-permission "^draftlint: closed\.csv: cannot read the TBM catalog: Permission denied" -- --catalog closed.csv
elif command -v setpriv >/dev/null 2>&1; then
  chmod 755 "$tmp"
  out=$(cd "$tmp" && setpriv --reuid=nobody --regid=nogroup --clear-groups \
        "$bin" --catalog closed.csv d.md e.md 2>&1)
  rc=$?
  if [ $rc = 2 ] && printf '%s\n' "$out" | grep -q '^draftlint: closed\.csv: cannot read the TBM catalog: Permission denied' &&
     printf '%s\n' "$out" | grep -q '^e\.md: error: not linted'; then
    ok
  else
    bad "catalog-permission (as nobody): exit $rc: $out"
  fi
  chmod 700 "$tmp"
else
  echo "skip catalog-permission: running as root without setpriv"
fi
rm -f "$tmp/closed.csv"
# Not defects: the same two posts with CRLF and a BOM, and with lone CRs,
# give the same findings as the plain file; a 1 MB title is read.
printf '%s\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One"\n2.tbm-253-two,2020-01-08,true,"TBM 2/53: Two"\n' "$hdr" >"$tmp/plain.csv"
printf '\357\273\277%s\r\n1.tbm-153-one,2020-01-01,true,"TBM 1/53: One"\r\n2.tbm-253-two,2020-01-08,true,"TBM 2/53: Two"\r\n' "$hdr" >"$tmp/crlf-bom.csv"
printf '%s\r1.tbm-153-one,2020-01-01,true,"TBM 1/53: One"\r2.tbm-253-two,2020-01-08,true,"TBM 2/53: Two"\r' "$hdr" >"$tmp/lone-cr.csv"
plain=$(cd "$tmp" && "$bin" --catalog plain.csv d.md e.md 2>&1)
for f in crlf-bom lone-cr; do
  check "catalog-$f" 1 "^e\.md:1:23: error: 'TBM 2/53: Two' links to https://substack\.com/, not to the post; the right link is \[TBM 2/53: Two\]\(https://cutlefish\.substack\.com/p/tbm-253-two\)" -- --catalog "$f.csv" d.md e.md
  [ "$out" = "$plain" ] && ok || bad "catalog-$f: not read as the plain file: $out"
done
python3 -c 'import sys; sys.stdout.write(sys.argv[1] + "\n1.tbm-153-one,2020-01-01,true,TBM 1/53: One " + "x" * 1048576 + "\n2.tbm-253-two,2020-01-08,true,TBM 2/53: Two\n")' "$hdr" >"$tmp/long-title.csv"
# (e.md alone: d.md's finding would quote the 1 MB title)
check catalog-1mb-title 1 "^e\.md:1:23: error: 'TBM 2/53: Two' links to https://substack\.com/" -- --catalog long-title.csv e.md

# ---- --fix and --diff ------------------------------------------------------
seed="$root/examples/the-product-is-the-process.md"
cp "$seed" "$tmp/seed.md"
chmod 640 "$tmp/seed.md"
before=$(cksum <"$tmp/seed.md")
check diff-prints 1 "^\+\[Direct link to this post\]\(https://johnpcutler\.github\.io/tbm2020/#tbm-10-53-hammers-nails\)" -- --diff seed.md
[ "$(cksum <"$tmp/seed.md")" = "$before" ] && ok || bad "--diff changed the file"
(cd "$tmp" && "$bin" --diff seed.md >seed.diff 2>/dev/null)
check fix-writes 1 "seed\.md: applied 4 fixes" -- --fix seed.md
[ "$(stat -c %a "$tmp/seed.md")" = 640 ] && ok || bad "--fix did not keep the mode: $(stat -c %a "$tmp/seed.md")"
# what is left is reported at its place in the fixed file
check fix-leaves-the-rest 1 "^seed\.md:13:1: error: '\*\*' starts bold" -- --fix seed.md
check fix-then-clean 0 "no problems" -- --only tbm-link seed.md
ls -a "$tmp" | grep -q 'draftlint-' && bad "--fix left a temporary file" || ok
# --diff shows exactly what --fix writes
if command -v patch >/dev/null 2>&1; then
  cp "$seed" "$tmp/patched.md"
  sed 's/seed\.md/patched.md/g' "$tmp/seed.diff" >"$tmp/patched.diff"
  if (cd "$tmp" && patch -s -p0 <patched.diff) && cmp -s "$tmp/patched.md" "$tmp/seed.md"; then
    ok
  else
    bad "--diff and --fix differ"
  fi
else
  echo "skip diff-applies: no patch program"
fi
check fix-and-diff 2 "give one of the two" -- --fix --diff seed.md
# standard input is never written
out=$(printf 'A [TBM 242: The Simplicity Fetish](https://substack.com/).\n' |
      "$bin" --fix --stdin-filename in.md - 2>&1)
if [ $? = 1 ] && printf '%s' "$out" | grep -q 'in\.md: standard input is not written; use --diff'; then ok; else bad "stdin --fix: $out"; fi
out=$(printf 'A [TBM 242: The Simplicity Fetish](https://substack.com/).\n' |
      "$bin" --diff --stdin-filename in.md - 2>&1)
if printf '%s' "$out" | grep -q '^+A \[TBM 242: The Simplicity Fetish\](https://cutlefish'; then ok; else bad "stdin --diff: $out"; fi
# link text wrapped over lines (in a quote, its "> " kept), empty text
# that is a line break, a bare URL: found where they start, each with its
# fix in the JSON, and --diff shows exactly what --fix writes
P=https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish
printf '> Read [TBM 243: The\n> Simplicity Fetish](%s).\n\nAlso [\n](%s) and\nhttps://johnpcutler.github.io/tbm2020/#tbm-22-53-hammers-nails.\n' "$P" "$P" >"$tmp/wrap.md"
check wrap-position 1 "^wrap\.md:1:8: error: 'TBM 243: The Simplicity Fetish' has the wrong number" -- wrap.md
check wrap-empty-text 1 "^wrap\.md:4:6: error: the link to $P has no text" -- wrap.md
check wrap-bare-url 1 "^wrap\.md:6:1: error: the anchor #tbm-22-53-hammers-nails says TBM 22/53" -- wrap.md
check wrap-json-fixes 1 '"fix": \{' -- -f json wrap.md
[ "$(cd "$tmp" && "$bin" -f json wrap.md | grep -c '"fix": null')" = 0 ] && ok || bad "wrap.md: a finding without its fix"
(cd "$tmp" && "$bin" --diff wrap.md >wrap.diff 2>/dev/null)
cp "$tmp/wrap.md" "$tmp/wrap-patched.md"
check wrap-fix 0 "wrap\.md: applied 3 fixes" -- --fix wrap.md
printf '> Read [TBM 242: The\n> Simplicity Fetish](%s).\n\nAlso [TBM 242: The Simplicity Fetish](%s) and\nhttps://johnpcutler.github.io/tbm2020/#tbm-10-53-hammers-nails.\n' "$P" "$P" >"$tmp/wrap-want.md"
cmp -s "$tmp/wrap.md" "$tmp/wrap-want.md" && ok || bad "wrap.md: --fix wrote $(cat "$tmp/wrap.md")"
if command -v patch >/dev/null 2>&1; then
  sed 's/wrap\.md/wrap-patched.md/g' "$tmp/wrap.diff" >"$tmp/wrap-patched.diff"
  if (cd "$tmp" && patch -s -p0 <wrap-patched.diff) && cmp -s "$tmp/wrap-patched.md" "$tmp/wrap.md"; then
    ok
  else
    bad "wrap.md: --diff and --fix differ"
  fi
fi
# a link around an image is quiet and --fix leaves it; a lower-case
# prefix is read and fixed in place; a bare URL's message speaks of the
# address
Z=https://cutlefish.substack.com/p/tbm-309-zombie-practices-and-processes
printf '[![Zombie](https://substackcdn.com/x.png)](%s)\n\n[![](../images/x.png)](%s)\n' "$Z" "$Z" >"$tmp/image.md"
cp "$tmp/image.md" "$tmp/image-want.md"
check image-link-quiet 0 "no problems" -- --only tbm-link image.md
check image-link-no-fix 0 "no problems" -- --only tbm-link --fix image.md
cmp -s "$tmp/image.md" "$tmp/image-want.md" && ok || bad "image.md: --fix wrote $(cat "$tmp/image.md")"
printf 'See [tbm 310: zombie practices and processes](%s).\n\n[Tbm 309: Zombie Practices and Processes](https://substack.com/)\n\n(see https://cutlefish.substack.com/p/tbm-309-zombies)\n' "$Z" >"$tmp/case.md"
check case-number 1 "^case\.md:1:5: error: 'tbm 310: zombie practices and processes' has the wrong number" -- case.md
check case-generic 1 "^case\.md:3:1: error: 'Tbm 309: Zombie Practices and Processes' links to https://substack\.com/, not to the post" -- case.md
check bare-message 1 "^case\.md:5:6: error: the address https://cutlefish\.substack\.com/p/tbm-309-zombies is not a post of the newsletter" -- case.md
check case-fix 1 "case\.md: applied 2 fixes" -- --fix case.md
printf 'See [tbm 309: zombie practices and processes](%s).\n\n[Tbm 309: Zombie Practices and Processes](%s)\n\n(see https://cutlefish.substack.com/p/tbm-309-zombies)\n' "$Z" "$Z" >"$tmp/case-want.md"
cmp -s "$tmp/case.md" "$tmp/case-want.md" && ok || bad "case.md: --fix wrote $(cat "$tmp/case.md")"
# a reference whose URL alone is wrong: its definition is mended, once
# for both uses; uses that want two posts keep the definition and are
# made inline
printf 'See [TBM 242: The Simplicity Fetish][s]. And again [TBM 242: The Simplicity Fetish][s].\n\n[s]: https://substack.com/\n' >"$tmp/ref.md"
check ref-diff 1 "^\+\[s\]: $P\$" -- --diff ref.md
[ "$(cd "$tmp" && "$bin" --diff ref.md 2>/dev/null | grep -c '^[-+][^-+]')" = 2 ] && ok || bad "ref.md: --diff changes more than the definition"
check ref-fix 0 "ref\.md: applied 1 fix\$" -- --fix ref.md
printf 'See [TBM 242: The Simplicity Fetish][s]. And again [TBM 242: The Simplicity Fetish][s].\n\n[s]: %s\n' "$P" >"$tmp/ref-want.md"
cmp -s "$tmp/ref.md" "$tmp/ref-want.md" && ok || bad "ref.md: --fix wrote $(cat "$tmp/ref.md")"
printf 'See [TBM 242: The Simplicity Fetish][s]. And [TBM 309: Zombie Practices and Processes][s].\n\n[s]: https://substack.com/\n' >"$tmp/ref2.md"
check ref-disagree-diff 1 "^ \[s\]: https://substack\.com/\$" -- --diff ref2.md
check ref-disagree-fix 0 "ref2\.md: applied 2 fixes" -- --fix ref2.md
printf 'See [TBM 242: The Simplicity Fetish](%s). And [TBM 309: Zombie Practices and Processes](%s).\n\n[s]: https://substack.com/\n' "$P" "$Z" >"$tmp/ref2-want.md"
cmp -s "$tmp/ref2.md" "$tmp/ref2-want.md" && ok || bad "ref2.md: --fix wrote $(cat "$tmp/ref2.md")"
# a symbolic link stays a link
cp "$seed" "$tmp/target.md"
ln -s target.md "$tmp/link.md"
check fix-through-link 1 "link\.md: applied 4 fixes" -- --fix link.md
[ -L "$tmp/link.md" ] && grep -q 'tbm-10-53-hammers-nails' "$tmp/target.md" && ok || bad "--fix replaced the link"

# A file that changes on disk after it was read is not written.  The same
# file is given twice (x.md and ./x.md) after a slow draft, with two jobs:
# both copies are read while the slow one is linted; fixing the first
# writes the file, so the second finds it changed and must leave it.
python3 - "$tmp/+slow.md" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(30000):
        f.write(f"Paragraph {i} has a [link](https://example.com/{i}) and *emphasis*.\n\n")
EOF
printf 'See [TBM 242: The Simplicity Fetish](https://substack.com/).\n' >"$tmp/x.md"
check changed-on-disk 2 "^x\.md: error: not fixed: the file changed on disk since it was read" -- -j 2 --fix +slow.md ./x.md x.md
grep -q 'p/tbm-242-the-simplicity-fetish' "$tmp/x.md" && ok || bad "the first copy was not fixed"

# The rule page's example under Fixes: --fix turns its bad block into the
# good block after it.
awk '/^## / { on = ($0 == "## Fixes") }
     on && /^```markdown bad/ && !b { b = 1; next } on && /^```markdown good/ && !g { g = 1; next }
     /^```/ { if (b == 1) b = 2; if (g == 1) g = 2 }
     b == 1 { print > bad } g == 1 { print > good }' \
  bad="$tmp/readme-bad.md" good="$tmp/readme-good.md" "$root/docs/rules/tbm-link.md"
if [ -s "$tmp/readme-bad.md" ] && (cd "$tmp" && "$bin" -q --only tbm-link --fix readme-bad.md >/dev/null 2>&1;
   cmp -s readme-bad.md readme-good.md); then
  ok
else
  bad "docs/rules/tbm-link.md's Fixes example: --fix does not turn bad into good"
  diff "$tmp/readme-bad.md" "$tmp/readme-good.md" 2>&1 | head -5
fi

# ---- make install ships the catalog -----------------------------------------
build=$(dirname "$bin")
if make -s -C "$root" install BUILD="$build" DESTDIR="$tmp/inst" PREFIX=/usr >/dev/null 2>&1; then
  out=$(cd "$tmp" && env -u DRAFTLINT_DATA_DIR "$tmp/inst/usr/bin/draftlint" --only tbm-link seed.md 2>&1)
  if [ -f "$tmp/inst/usr/share/draftlint/tbm-posts.csv" ] && [ "$out" = "no problems in 1 file" ]; then
    ok
  else
    bad "installed draftlint does not find its catalog: $out"
  fi
else
  bad "make install failed"
fi

dl_test_done "cli (tbm-link, --fix, --diff)"
