#!/bin/sh
# CI formats.  --format sarif is validated against the official SARIF
# 2.1.0 schema (vendored here, see SCHEMA-NOTICE.md) by a real validator,
# Debian's python3-jsonschema; a log broken on purpose must fail it, so the
# check cannot pass by accident.  --format github is checked for GitHub's
# workflow-command syntax and escaping.
set -u
. "$(dirname "$0")/../lib.sh"
dl_test_init "$1"
py=/usr/bin/python3

if ! $py -c 'import jsonschema' 2>/dev/null; then
  echo "sarif: FAIL: $py has no jsonschema module (apt-get install python3-jsonschema, or make deps)"
  exit 1
fi

cd "$tmp" && git init -q . || exit 2
cat >.draftlint.ini <<'INI'
[pattern percent]
pattern = \b(\d+) percent\b
message = '$0' reads better as '$1%' (100% of editors agree)
replace = $1%
INI
printf '# T\n\nA **open marker. TMB 40/53 and 50 percent.\n\n\360\237\230\200 A **x\n' >a.md
printf 'Plain and clean.\n' >clean.md
printf 'A **b\n' >'odd, name: x.md'
"$bin" --format sarif a.md clean.md 'odd, name: x.md' missing.md >log.sarif 2>err.txt
rc=$?
[ $rc = 2 ] && ok || bad "sarif exit $rc, expected 2 (a missing file)"
if $py "$here/validate.py" "$here/sarif-schema-2.1.0.json" log.sarif; then ok; else bad "log.sarif is not valid SARIF 2.1.0"; fi

# What the log says, beyond being valid.
$py - log.sarif <<'PY' && ok || bad "sarif content"
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
assert log["version"] == "2.1.0"
assert run["columnKind"] == "utf16CodeUnits", run["columnKind"]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
for want in ("duplicate-heading", "unclosed-emphasis", "inline-config",
             "tbm-spelling", "percent"):
    assert want in rules, (want, rules)
for r in run["tool"]["driver"]["rules"]:
    assert r["shortDescription"]["text"] and r["help"]["text"], r
res = run["results"]
for r in res:
    assert rules[r["ruleIndex"]] == r["ruleId"], r
by = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
       r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in res}
assert ("unclosed-emphasis", 3, 3) in by, by
assert ("tbm-spelling", 3, 18) in by, by
# the emoji is one code point but two UTF-16 code units: column 6, not 5
assert ("unclosed-emphasis", 5, 6) in by, by
fix = [r for r in res if r["ruleId"] == "percent"][0]["fixes"][0]
rep = fix["artifactChanges"][0]["replacements"][0]
assert rep["insertedContent"]["text"] == "50%", rep
reg = rep["deletedRegion"]
assert (reg["startLine"], reg["startColumn"], reg["endColumn"]) == (3, 32, 42), reg
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in res}
assert "odd%2C%20name%3A%20x.md" in uris, uris
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
assert "missing.md" in inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
PY

# The validator is real: a log without its version must be rejected.
$py -c 'import json,sys; d=json.load(open("log.sarif")); del d["version"]; d["runs"][0]["results"][0]["level"]="fatal"; json.dump(d, open("broken.sarif","w"))'
if $py "$here/validate.py" "$here/sarif-schema-2.1.0.json" broken.sarif >broken.txt; then
  bad "a broken SARIF log passed validation"
elif grep -q "'version' is a required property" broken.txt && grep -q "fatal" broken.txt; then ok
else bad "broken log rejected for the wrong reasons: $(cat broken.txt)"; fi

# A clean run is valid SARIF too, with no results and success.
"$bin" --format sarif clean.md >clean.sarif; rc=$?
[ $rc = 0 ] && $py "$here/validate.py" "$here/sarif-schema-2.1.0.json" clean.sarif &&
  $py -c 'import json; r=json.load(open("clean.sarif"))["runs"][0]; assert r["results"]==[] and r["invocations"][0]["executionSuccessful"]' && ok ||
  bad "clean sarif (exit $rc)"

# --format github: one workflow command per finding, escaped as GitHub reads them.
"$bin" --format github a.md 'odd, name: x.md' missing.md >gh.txt 2>gh.err
rc=$?
[ $rc = 2 ] && ok || bad "github exit $rc, expected 2"
grep -qx "::error file=a.md,line=3,col=3,endLine=3,endColumn=4,title=unclosed-emphasis::'\*\*' starts bold that is never closed in this paragraph, so readers see a literal '\*\*'; close it or remove it" gh.txt && ok || bad "github error line: $(head -3 gh.txt)"
grep -qx "::warning file=a.md,line=3,col=32,endLine=3,endColumn=41,title=percent::'50 percent' reads better as '50%25' (100%25 of editors agree)" gh.txt && ok || bad "github warning with % escaped: $(grep percent gh.txt)"
grep -q '^::error file=odd%2C name%3A x.md,line=1,col=3,' gh.txt && ok || bad "github property escaping: $(grep odd gh.txt)"
grep -q '^::error file=missing.md,title=draftlint::cannot read: No such file or directory$' gh.txt && ok || bad "github failure line: $(grep missing gh.txt)"
grep -q '^missing.md: error: cannot read' gh.err && ok || bad "github: failure not on stderr"
[ "$(grep -c '^::' gh.txt)" = 6 ] && ok || bad "github: $(grep -c '^::' gh.txt) commands, expected 6"

dl_test_done sarif/github
