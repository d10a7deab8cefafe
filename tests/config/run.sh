#!/bin/sh
# Configuration files, pattern rules and draftlint comments, on real files
# in a temporary repository: discovery in nested folders (nearest wins, key
# by key, stopping at the repository root), --config, --no-config,
# --print-config, ignore globs, the command line over the files, every
# comment form, and every bad input: a clear message with file and line,
# exit 2, and every other file still linted.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
run_dir=$tmp/repo


# A config above the repository must never count: discovery stops at .git.
printf 'fail-on = never\n[unclosed-emphasis]\nseverity = off\n' >"$tmp/.draftlint.ini"
mkdir -p "$tmp/repo/posts/2026/drafts" "$tmp/repo/posts/archive" && cd "$tmp/repo" && git init -q .
printf 'A **open one.\n\nWe grew 50 percent.\n' >top.md
printf '# Dup\n\n# Dup\n\nA **open two.\n\nA very big deal.\n' >posts/p.md
printf '# Dup\n\n# Dup\n\nA **open three.\n\nA very big deal.\n' >posts/2026/drafts/d.md
printf 'A **archived.\n' >posts/archive/old.md
printf 'A **tmp.\n' >posts/scratch.tmp.md

check no-config-yet 1 '^top.md:1:3: error: .*unclosed-emphasis' -- top.md
cat >.draftlint.ini <<'INI'
; the repository's settings
ignore = archive, *.tmp.md
[pattern percent]
description = Write 50% rather than 50 percent.
pattern = \b(\d+) percent\b
message = '$0' reads better as '$1%'
replace = $1%
severity = info
INI
cat >posts/.draftlint.ini <<'INI'
fail-on = error
[unclosed-emphasis]
severity = warning
[pattern very]
pattern = (?i)\bvery (\w+)
message = 'very $1' is weak; find a stronger word than '$1'
scope = sentence
INI
cat >posts/2026/drafts/.draftlint.ini <<'INI'
disable = duplicate-heading
[very]
severity = error
INI
check discovery-top 1 '^top.md:1:3: error: .*unclosed-emphasis
^top.md:3:9: info: .50 percent. reads better as .50%. \[percent\]' -- top.md
check discovery-nested 1 '^posts/p.md:3:3: error: .*duplicate-heading
^posts/p.md:5:3: warning: .*unclosed-emphasis
^posts/p.md:7:3: warning: .very big. is weak' -- posts/p.md
check discovery-nearest-wins 1 '^posts/2026/drafts/d.md:5:3: warning: .*unclosed-emphasis
^posts/2026/drafts/d.md:7:3: error: .very big. is weak' -- posts/2026/drafts/d.md
refute nearest-disables 'duplicate-heading' -- posts/2026/drafts/d.md
check ignore-globs 1 'in 3 files' -- .
refute ignore-walked 'archive|tmp' -- .
# A file named on the command line that a configuration ignores is skipped
# with a notice that says which line ignores it, never silently.
check ignore-named 0 "^draftlint: posts/archive/old.md: skipped: ignored by .*/repo/.draftlint.ini:2 \\(ignore = archive\\); lint it with --no-config" -- posts/archive/old.md
refute ignore-named-not-linted 'archived|unclosed' -- posts/archive/old.md
refute ignore-named-quiet 'skipped' -- -q posts/archive/old.md
refute ignore-walked-no-notice 'skipped' -- .
check ignore-named-no-config 1 '^posts/archive/old.md:1:3: error' -- --no-config posts/archive/old.md
check jobs-same-output 1 '' -- -j 3 .
one=$(cd "$tmp/repo" && "$bin" -j 1 . 2>&1); many=$(cd "$tmp/repo" && "$bin" -j 4 . 2>&1)
if [ "$one" = "$many" ]; then ok; else bad "-j changes output"; fi

# The command line has the last word.
check cli-over-config 1 '^posts/p.md:5:3: error: .*unclosed-emphasis' -- --set unclosed-emphasis.severity=error posts/p.md
check cli-fail-on 0 'warning' -- --fail-on never top.md posts/p.md
refute cli-disable-pattern 'very' -- --disable very posts/p.md
check cli-only-pattern 0 'very big' -- --only very posts/p.md
check cli-unknown-everywhere 2 "unknown rule 'nope'; valid rules: .*tbm-spelling.*percent" -- --disable nope top.md
check cli-pattern-bad-value 2 "'loud' is not a severity for percent" -- --set percent.severity=loud top.md
check no-config 1 '^posts/p.md:5:3: error' -- --no-config posts/p.md
refute no-config-patterns 'very|percent' -- --no-config posts/p.md top.md
printf '[pattern shout]\npattern = !!+\nmessage = one ! is enough\n' >"$tmp/other.ini"
check config-file 1 "^top.md:1:3: error
^posts/p.md:3:3: error: .*duplicate-heading" -- --config "$tmp/other.ini" top.md posts/p.md
refute config-file-only 'very|percent' -- --config "$tmp/other.ini" top.md posts/p.md

# --print-config: every setting and where it came from.
check print-config 0 "^; draftlint settings for posts/2026/drafts/d.md
/repo/posts/2026/drafts/.draftlint.ini$
^fail-on = error +; .*/repo/posts/.draftlint.ini:1
^ignore = archive +; .*/repo/.draftlint.ini:2
^severity = off +; .*/repo/posts/2026/drafts/.draftlint.ini:1
^severity = warning +; .*/repo/posts/.draftlint.ini:3
^\[pattern very\] +; .*/repo/posts/.draftlint.ini:4
^severity = error +; .*/repo/posts/2026/drafts/.draftlint.ini:3
^scope = document +; command line
^inline-config = false +; command line" -- --print-config posts/2026/drafts/d.md --set duplicate-heading.scope=document --no-inline-config
check print-config-ignored 0 "is ignored: 'archive' of .*/repo/.draftlint.ini:2" -- --print-config posts/archive/old.md
check print-config-fail-on-given 0 '^fail-on = warning +; command line$' -- --no-config --print-config top.md --fail-on warning
check print-config-folder 0 '^; draftlint settings for posts$' -- --print-config posts

# Draftlint comments, every form.
cat >comments.md <<'MD'
# Comments

<!-- draftlint-disable unclosed-emphasis -->
A **off by disable.
<!-- draftlint-enable unclosed-emphasis -->

A **on again.

<!-- draftlint-disable -->
A **off by disable-all. We grew 5 percent.
<!-- draftlint-enable -->

<!-- draftlint-disable-next-line -->
A **off on the next line.
The rest of the same paragraph.

A **on, two lines below.

Text <!-- draftlint-disable-next-line unclosed-emphasis --> inline.
A **off by an inline comment.

<!-- draftlint-disable-file percent -->
We grew 7 percent.

```
<!-- draftlint-disable-file -->
```

A **on: a comment in code is an example.
MD
check comments 1 '^comments.md:7:3: error
^comments.md:17:3: error
^comments.md:29:3: error
^3 problems' -- comments.md
refute comments-off 'comments.md:(4|10|14|15|20|23):' -- comments.md
refute comments-file 'percent' -- comments.md
check no-inline-config 1 'comments.md:4:3: error
comments.md:10:3: error
comments.md:14:3: error
comments.md:20:3: error
comments.md:23:9: info' -- --no-inline-config comments.md
printf 'inline-config = false\n' >"$tmp/noinline.ini"
check inline-config-false 1 'comments.md:4:3: error' -- --config "$tmp/noinline.ini" comments.md

# A bad comment is reported where it is, exit 2, other findings kept.
printf 'A **kept.\n\n<!-- draftlint-disable unclosed-emphasiss -->\n<!-- draftlint-disabel -->\n<!-- draftlint-enable percent, nope -->\n' >badcomment.md
check bad-comments 2 "^badcomment.md:1:3: error: .*unclosed-emphasis
^badcomment.md:3:24: error: 'unclosed-emphasiss' in this draftlint comment is not a rule.*valid rules: duplicate-heading, unclosed-emphasis, inline-config, tbm-link, incoherent-sentence, broken-edit, tbm-spelling, percent \[inline-config\]
^badcomment.md:4:6: error: 'draftlint-disabel' is not a draftlint comment.*draftlint-disable-next-line.*\[inline-config\]
^badcomment.md:5:32: error: 'nope' in this draftlint comment
^top.md:1:3: error" -- badcomment.md top.md
refute bad-comment-percent-known "'percent' in this" -- badcomment.md
check bad-comment-ignored 1 '' -- --no-inline-config badcomment.md

# Every bad configuration: file, line, the valid choices, exit 2, and the
# other files still linted.
bad_config() {
  name=$1 ini=$2 pattern=$3
  printf '%b' "$ini" >"$tmp/bad.ini"
  check "bad-config-$name" 2 "$pattern
^top.md:1:3: error: .*unclosed-emphasis
^posts/p.md:3:3: error: .*duplicate-heading" -- --config "$tmp/bad.ini" top.md posts/p.md
}
bad_config top-key 'fail_on = error\n' "bad.ini:1: error: unknown key 'fail_on' in the top section; valid keys: fail-on, ignore, enable, disable, inline-config"
bad_config fail-on '\n\nfail-on = sometimes\n' "bad.ini:3: error: 'sometimes' is not a level for fail-on; valid: error, warning, info, never"
bad_config inline 'inline-config = maybe\n' "bad.ini:1: error: 'maybe' is not a value for inline-config; valid: true, false"
bad_config rule-section '[duplicate-headings]\nseverity = off\n' "bad.ini:1: error: unknown rule 'duplicate-headings' in section \[duplicate-headings\]; valid rules: duplicate-heading, unclosed-emphasis, inline-config, tbm-link, incoherent-sentence, broken-edit, tbm-spelling"
bad_config empty-rule-section '[nosuch]\n' "bad.ini:1: error: unknown rule 'nosuch' in section"
bad_config rule-key '[duplicate-heading]\ncolour = red\n' "bad.ini:2: error: unknown setting 'colour' for duplicate-heading; valid: severity, scope"
bad_config rule-value '[duplicate-heading]\nscope = chapter\n' "bad.ini:2: error: 'chapter' is not a valid duplicate-heading.scope; valid: siblings, document"
bad_config severity '[unclosed-emphasis]\nseverity = fatal\n' "bad.ini:2: error: 'fatal' is not a severity for unclosed-emphasis; valid: error, warning, info, off"
bad_config enable-name 'enable = unclosed-emphasis, dup-heading\n' "bad.ini:1: error: unknown rule 'dup-heading' in enable; valid rules: "
bad_config disable-kind 'disable = unclosed-emphasis:sideways\n' "bad.ini:1: error: unknown kind 'sideways' of unclosed-emphasis; valid: unclosed-emphasis:open, unclosed-emphasis:close"
bad_config syntax '[pattern x]\npattern = a\nmessage = b\nthis line has no equals sign\n' "bad.ini:4: error: expected 'key = value', '\[section\]' or a comment"
bad_config pattern-compile '[pattern broken]\npattern = (unclosed group\nmessage = m\n' "bad.ini:2:26: error: the pattern of \[pattern broken\] does not compile: missing closing parenthesis \(at offset 15\)"
bad_config pattern-compile-utf8 '[pattern bad-class]\npattern = caf\303\251 [z-a]\nmessage = m\n' "bad.ini:2:19: error: the pattern of \[pattern bad-class\] does not compile: range out of order in character class \(at offset 9\)"
bad_config pattern-template '[pattern t]\npattern = (a)(b)\nmessage = saw $3 here\n' "bad.ini:3:15: error: the message of \[pattern t\]: '\\\$3' names a group the pattern does not have \(it has 2\)"
bad_config pattern-name-template '[pattern t]\npattern = (?<word>a)\nmessage = m\nreplace = ${wrod}\n' "bad.ini:4:11: error: the replace of \[pattern t\]: '\\\$\{wrod\}' names a group the pattern does not have"
bad_config pattern-dollar '[pattern t]\npattern = a\nmessage = costs $x\n' "bad.ini:3:17: error: the message of \[pattern t\]: '\\$' must be followed by a group number"
bad_config pattern-key '[pattern t]\npattern = a\nmessage = m\nlevel = error\n' "bad.ini:4: error: unknown key 'level' in \[pattern t\]; valid keys: pattern, message, severity, scope, replace, description"
bad_config pattern-scope '[pattern t]\npattern = a\nmessage = m\nscope = page\n' "bad.ini:4: error: 'page' is not a scope; valid: text, sentence, paragraph, heading, link-text"
bad_config pattern-missing '[pattern t]\npattern = a\n' "bad.ini:1: error: \[pattern t\] needs a 'message' key"
bad_config pattern-empty '[pattern t]\n' "bad.ini:1: error: \[pattern t\] has no 'pattern' key"
bad_config pattern-name '[pattern House_Style]\npattern = a\nmessage = m\n' "bad.ini:2: error: pattern name 'House_Style' must be kebab-case"
bad_config pattern-builtin '[pattern duplicate-heading]\npattern = a\nmessage = m\n' "bad.ini:2: error: pattern name 'duplicate-heading' is the name of a built-in rule"
bad_config not-utf8 'ignore = caf\351\n' "bad.ini:1: error: is not a UTF-8 text file \(byte 0xE9\)"
check bad-config-missing 2 "/nowhere.ini: error: cannot read: No such file or directory
^top.md:1:3: error" -- --config "$tmp/nowhere.ini" top.md
# Hostile configuration files (issue 7), given with --config: each defect
# is exit 2 with the file (and line) named, every draft still linted, no
# file changed.  An empty file, CRLF, lone CRs, a BOM and a 1 MB comment
# are no defects: such a file must read as its plain twin does.
# hostile NAME FILE PATTERNS: like bad_config, for a file made elsewhere.
hostile() {
  name=$1 file=$2 patterns=$3
  sums=$(cd "$tmp" && find . -path ./repo/.git -prune -o -type f -exec cksum {} + | sort)
  check "hostile-config-$name" 2 "$patterns
^top.md:1:3: error: .*unclosed-emphasis
^posts/p.md:3:3: error: .*duplicate-heading" -- --config "$file" top.md posts/p.md
  if [ "$(cd "$tmp" && find . -path ./repo/.git -prune -o -type f -exec cksum {} + | sort)" = "$sums" ]; then
    ok
  else
    bad "hostile-config-$name: a file changed"
  fi
}
bad_config overlong '[pattern p]\npattern = \300\257\nmessage = m\n' "bad.ini:2: error: is not a UTF-8 text file \(byte 0xC0\); save it as UTF-8"
printf 'fail-on = error\n[pattern p]\npattern = a\000b\nmessage = m\n' >"$tmp/nul.ini"
hostile nul "$tmp/nul.ini" "nul.ini:3: error: is not a UTF-8 text file \(byte 0x00\)"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' >"$tmp/image.ini"
hostile binary "$tmp/image.ini" "image.ini:1: error: is not a UTF-8 text file \(byte 0x89\)"
python3 -c 'import sys; sys.stdout.write("[pattern long]\npattern = " + "a" * 1048576 + "\nmessage = m\n")' >"$tmp/long-pattern.ini"
hostile 1mb-pattern "$tmp/long-pattern.ini" "long-pattern.ini:2:1048587: error: the pattern of \[pattern long\] does not compile: regular expression is too large"
refute hostile-config-1mb-pattern-one-error "long-pattern.ini:[13]:" -- --config "$tmp/long-pattern.ini" top.md
mkfifo "$tmp/fifo.ini"
# (a reader that waited for a writer would hang here: check's timeout)
hostile fifo "$tmp/fifo.ini" "fifo.ini: error: cannot read: it is a FIFO \(named pipe\), not a regular file"
rm -f "$tmp/fifo.ini"
mkdir "$tmp/folder.ini"
hostile folder "$tmp/folder.ini" "folder.ini: error: cannot read: Is a directory"
rmdir "$tmp/folder.ini"
hostile missing "$tmp/nowhere.ini" "nowhere.ini: error: cannot read: No such file or directory"
# Permission denied needs a user the file is closed to: as root, drop to
# nobody with setpriv (as tests/cli/run.sh does).
printf 'fail-on = never\n' >"$tmp/closed.ini"
chmod 000 "$tmp/closed.ini"
if [ "$(id -u)" != 0 ]; then
  hostile permission "$tmp/closed.ini" "closed.ini: error: cannot read: Permission denied"
elif command -v setpriv >/dev/null 2>&1; then
  chmod 755 "$tmp"
  out=$(cd "$tmp/repo" && setpriv --reuid=nobody --regid=nogroup --clear-groups \
        env NO_COLOR=1 "$bin" --config "$tmp/closed.ini" top.md posts/p.md 2>&1)
  rc=$?
  if [ $rc = 2 ] && printf '%s\n' "$out" | grep -q 'closed\.ini: error: cannot read: Permission denied' &&
     printf '%s\n' "$out" | grep -q '^posts/p\.md:3:3: error'; then
    ok
  else
    bad "hostile-config-permission (as nobody): exit $rc: $out"
  fi
  chmod 700 "$tmp"
else
  echo "skip hostile-config-permission: running as root without setpriv"
fi
rm -f "$tmp/closed.ini"
# The encodings that are no defects.
printf '[unclosed-emphasis]\nseverity = warning\n[pattern found]\npattern = open (\\w+)\nmessage = found $1\n' >"$tmp/plain.ini"
printf '\357\273\277[unclosed-emphasis]\r\nseverity = warning\r\n[pattern found]\r\npattern = open (\\w+)\r\nmessage = found $1\r\n' >"$tmp/crlf-bom.ini"
printf '[unclosed-emphasis]\rseverity = warning\r[pattern found]\rpattern = open (\\w+)\rmessage = found $1\r' >"$tmp/lone-cr.ini"
python3 -c 'import sys; sys.stdout.write("; " + "a" * 1048576 + "\n" + open(sys.argv[1]).read())' "$tmp/plain.ini" >"$tmp/long-comment.ini"
check encoding-plain 1 '^top.md:1:3: warning: .*unclosed-emphasis
^top.md:1:5: warning: found one \[found\]' -- --config "$tmp/plain.ini" top.md
plain=$out
for f in crlf-bom lone-cr long-comment; do
  check "encoding-$f" 1 '^top.md:1:5: warning: found one \[found\]' -- --config "$tmp/$f.ini" top.md
  if [ "$out" = "$plain" ]; then ok; else
    bad "encoding-$f: not read as the plain file:"; printf '%s\n' "$out" | cut -c1-200 | head -5
  fi
done
: >"$tmp/empty.ini"
check encoding-empty 1 '^top.md:1:3: error: .*unclosed-emphasis' -- --config "$tmp/empty.ini" top.md
empty=$out
check encoding-empty-is-no-config 1 '' -- --no-config top.md
[ "$out" = "$empty" ] && ok || bad "an empty --config differs from --no-config"

# A bad pattern is left out; the good one beside it still runs.
printf '[pattern good]\npattern = open\nmessage = found $0\n[pattern bad]\npattern = [\nmessage = m\n' >"$tmp/mixed.ini"
check bad-pattern-others-run 2 "mixed.ini:5:12: error: the pattern of \[pattern bad\]
^top.md:1:5: warning: found open \[good\]" -- --config "$tmp/mixed.ini" top.md
# A broken file in a nested folder: reported once, the rest linted.
printf '[unclosed-emphasis]\nseverity = loud\n' >posts/2026/.draftlint.ini
check bad-nested-once 2 "posts/2026/.draftlint.ini:2: error: 'loud' is not a severity
^./posts/2026/drafts/d.md:5:3: warning" -- .
n=$(cd "$tmp/repo" && "$bin" . 2>&1 | grep -c "is not a severity")
[ "$n" = 1 ] && ok || bad "bad config reported $n times"
rm posts/2026/.draftlint.ini
# Several mistakes in one file come in line order, and the summary says
# why the exit status is 2.
printf '[pattern late]\npattern = (a\nmessage = m\n[duplicate-heading]\nscope = chapter\nfail_on = x\n' >"$tmp/order.ini"
out=$(cd "$tmp/repo" && NO_COLOR=1 "$bin" --config "$tmp/order.ini" top.md 2>&1 >/dev/null | grep -o 'order.ini:[0-9]*' | tr '\n' ' ')
[ "$out" = "order.ini:2 order.ini:5 order.ini:6 " ] && ok || bad "config errors out of line order: $out"
printf '[duplicate-heading]\nscope = chapter\n' >"$tmp/one.ini"
check summary-config-errors 2 'no problems in 1 file; 1 configuration error$' -- --config "$tmp/one.ini" --only duplicate-heading top.md
# --print-config: a [pattern ...] section's own severity is its provenance.
printf '[pattern loud]\npattern = LOUD\nmessage = m\nseverity = error\n' >"$tmp/pat.ini"
check print-config-pattern-severity 0 "^\\[pattern loud\\] +; .*pat.ini:1
^severity = error +; .*pat.ini:4$" -- --config "$tmp/pat.ini" --print-config top.md

# Template tags are not prose (issue 15): on by default, off by a setting,
# and a user's own delimiters; TOML and JSON front matter are skipped.
cat >tpl.md <<'MD'
+++
title = "Issue *draft"
+++

A figure {{< figure src="a_b.png" caption="*the *caption" >}} here.

Go: {{video "https://example.com/x"}}, Liquid: {% include "x_y.html" %},
Nunjucks: {{ "a*b" | url }} and {# a "comment #} end.

Ours: <% print "*x %> end.
MD
check templates-default 1 'tpl.md:10:17: error: .\*. starts italics' -- tpl.md
refute templates-default-quiet 'tpl.md:(2|5|7|8):' -- tpl.md
printf 'template-delimiters = <%% %%>, [[ ]]\n' >"$tmp/tpl.ini"
check templates-own 0 'no problems' -- --config "$tmp/tpl.ini" tpl.md
printf 'templates = off\n' >"$tmp/tploff.ini"
check templates-off 1 'tpl.md:5:[0-9]+: error: .*unclosed-emphasis' -- --config "$tmp/tploff.ini" tpl.md
check templates-print 0 '^templates = off +; .*tploff.ini:1' -- --config "$tmp/tploff.ini" --print-config tpl.md
bad_config templates 'templates = maybe\n' "bad.ini:1: error: 'maybe' is not a value for templates; valid: on, off"
bad_config template-delimiters 'template-delimiters = <%\n' "bad.ini:1: error: '<%' is not a list of template delimiters; write each pair as OPEN CLOSE"
printf '{\n  "title": "Issue *draft"\n}\nFine text.\n' >json.md
check json-front-matter 0 'no problems' -- json.md
rm tpl.md json.md

dl_test_done "config"
