#!/usr/bin/env python3
"""The rule pages (docs/rules/RULE.md) run as tests.

Each page's examples are fenced blocks whose info string says what they
are (GitHub shows only the first word, `markdown`):

    ```markdown bad KIND [ARGS...]    draftlint must find RULE:KIND in it
    ```markdown bad - [ARGS...]       ... RULE, a rule without kinds
    ```markdown good [ARGS...]        RULE must be quiet
    ```markdown silenced [ARGS...]    a bad example silenced as the page says:
                                      quiet as it stands, found without its
                                      ARGS (or, with none, its comments)

ARGS are extra command-line options (`--set duplicate-heading.scope=document`).
A ```markdown before block is the committed version of the example that
follows it (broken-edit): the test commits it in a fresh git repository,
writes the example over it and lints with `--since HEAD`.
Each block is written to a file of its own and linted by the real binary
with no configuration file, in JSON.  Besides, every rule the binary lists
has a page, every kind rules/rules.def declares has a bad example on its
rule's page, every page has the sections a writer looks for, and every
finding's `url` names its rule's page.

usage: tests/docs/rules.py BUILD/draftlint
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = os.path.join(ROOT, "docs", "rules")
SECTIONS = ["## What it finds", "## Examples", "## Settings", "## Silencing it"]
FENCE = re.compile(r"^(`{3,})markdown[ \t]+(before|bad|good|silenced)\b(.*)$")

failures = []
passed = 0


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def ok():
    global passed
    passed += 1


def kinds_by_rule():
    """RULE -> set of kinds, from rules/rules.def's DL_RULE and DL_MSG."""
    text = open(os.path.join(ROOT, "rules", "rules.def")).read()
    ids = dict(re.findall(r'DL_RULE\((\w+),\s*"([a-z-]+)"', text))
    kinds = {name: set() for name in ids.values()}
    for rule_id, kind in re.findall(r'DL_MSG\(\w+,\s*(\w+),\s*"([a-z-]*)"', text):
        if kind:
            kinds[ids[rule_id]].add(kind)
    return kinds


def blocks(path):
    """(line, what, kind, args, text, before) for each example block of a
    page; `before` is the text of a before block right ahead of it."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i, before = [], 0, None
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, what, rest = m.group(1), m.group(2), shlex.split(m.group(3))
        kind = None
        if what == "bad":
            kind = rest.pop(0) if rest else "?"
            kind = None if kind == "-" else kind
        body, j = [], i + 1
        while j < len(lines) and not lines[j].startswith(fence):
            body.append(lines[j])
            j += 1
        text = "\n".join(body) + "\n"
        if what == "before":
            before = text
        else:
            out.append((i + 1, what, kind, rest, text, before))
            before = None
        i = j + 1
    return out


def git(tmp, *args):
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.com",
                    "-c", "commit.gpgsign=false", *args], cwd=tmp, check=True,
                   capture_output=True)


def lint(binary, text, args, tmp, before=None):
    if before is not None:  # the committed version, in a repository of its own
        tmp = tempfile.mkdtemp(dir=tmp)
        git(tmp, "init", "-q", ".")
        with open(os.path.join(tmp, "example.md"), "w", encoding="utf-8") as f:
            f.write(before)
        git(tmp, "add", "example.md")
        git(tmp, "commit", "-q", "-m", "before")
        args = ["--since", "HEAD", *args]
    with open(os.path.join(tmp, "example.md"), "w", encoding="utf-8") as f:
        f.write(text)
    run = subprocess.run([binary, "--no-config", "--format", "json", *args, "example.md"],
                         cwd=tmp, capture_output=True, text=True, timeout=120)
    return run.returncode, json.loads(run.stdout), run.stderr


def check_page(binary, rule, kinds, tmp):
    page = os.path.join(PAGES, rule + ".md")
    text = open(page, encoding="utf-8").read()
    for s in SECTIONS + (["## Kinds"] if kinds else []):
        if s not in text.split("\n"):
            fail(f"{rule}.md has no '{s}' section")
        else:
            ok()
    found_kinds = set()
    examples = blocks(page)
    if not any(w == "good" for _, w, _, _, _, _ in examples):
        fail(f"{rule}.md has no good example")
    for line, what, kind, args, body, before in examples:
        where = f"docs/rules/{rule}.md:{line}"
        rc, out, err = lint(binary, body, args, tmp, before)
        mine = [d for d in out["diagnostics"] if d["rule"] == rule]
        if what == "bad":
            hit = [d for d in mine if d["kind"] == kind]
            if hit:
                ok()
                found_kinds.add(kind)
                url = hit[0].get("url", "")
                if os.path.basename(url) == rule + ".md":
                    ok()
                else:
                    fail(f"{where}: the finding's url '{url}' is not {rule}'s page")
            else:
                got = [(d["rule"], d["kind"], d["line"]) for d in out["diagnostics"]]
                fail(f"{where}: bad example not found as {rule}:{kind}; got {got} {err.strip()}")
        else:
            if mine:
                got = [(d["kind"], d["line"], d["message"]) for d in mine]
                fail(f"{where}: {what} example is not quiet: {got}")
            else:
                ok()
        if what == "silenced":  # and without what silences it, it is found
            bare = body if args else re.sub(r"(?m)^<!-- draftlint-.*-->\n", "", body)
            rc, out, err = lint(binary, bare, [], tmp, before)
            if any(d["rule"] == rule for d in out["diagnostics"]):
                ok()
            else:
                fail(f"{where}: silenced example has nothing to silence")
    for k in sorted(kinds - found_kinds):
        fail(f"{rule}.md: kind '{k}' (rules/rules.def) has no bad example")


def main():
    binary = os.path.abspath(sys.argv[1])
    kinds = kinds_by_rule()
    listed = subprocess.run([binary, "--no-config", "--list-rules"], cwd=ROOT,
                            capture_output=True, text=True).stdout.split("\n")
    rules = [l.split()[0] for l in listed if l.strip()]
    pages = sorted(p[:-3] for p in os.listdir(PAGES) if p.endswith(".md"))
    for r in rules:
        if r in pages:
            ok()
        else:
            fail(f"rule {r} (--list-rules) has no page docs/rules/{r}.md")
    for p in pages:
        if p not in rules:
            fail(f"docs/rules/{p}.md names no rule draftlint has")
    with tempfile.TemporaryDirectory() as tmp:
        for p in pages:
            if p in rules:
                check_page(binary, p, kinds.get(p, set()), tmp)
    print(f"rule pages: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
