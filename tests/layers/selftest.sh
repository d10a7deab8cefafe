#!/bin/sh
# The layer check must fail on each kind of violation: a copy of the tree
# gets one at a time, and check.py must name it.
set -u
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
try() { # name, file, text to append, what the report must say
  rm -rf "$tmp/t"; mkdir "$tmp/t"
  cp -r "$root/src" "$root/rules" "$root/include" "$tmp/t/"
  printf '%s\n' "$3" >>"$tmp/t/$2"
  out=$(DRAFTLINT_LAYERS_ROOT="$tmp/t" python3 "$here/check.py"); rc=$?
  if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "$4"; then pass=$((pass+1))
  else fail=$((fail+1)); echo "layers self-test $1: not caught (rc $rc)"; printf '%s\n' "$out" | tail -3; fi
}
try rule-includes-engine rules/inline_config.c '#include "engine/engine.h"' 'a rule may include'
try rule-includes-other-rule rules/duplicate_heading.c '#include "tbm_link/catalog.h"' 'a rule may include'
try doc-includes-registry src/doc/doc.c '#include "registry.h"' 'src/doc/ may include'
try lang-includes-config src/lang/tokens.c '#include "config/settings.h"' 'src/lang/ may include'
try report-includes-registry src/report/text.c '#include "registry.h"' 'a reporter knows diagnostics'
try public-includes-src include/draftlint/doc.h '#include "doc/lines.h"' 'the public API'
try open-outside-input src/doc/doc.c 'static void S_x(void) { fopen("x", "r"); }' 'only src/input/ reads files'
body=$(i=0; while [ $i -lt 125 ]; do echo "  (void)0;"; i=$((i+1)); done)
try long-function src/util/buf.c "void dl_long(void) {
$body
}" 'a function of'
echo "layers self-test: $pass passed, $fail failed"
[ $fail -eq 0 ]
