#!/usr/bin/env python3
"""tests/qa/run.py: adversarial precision and recall snippets at strict.

    python3 tests/qa/run.py BIN [--list]

lookalikes.md holds correct prose a linter could mistake; defects.md holds
real defects of the same kinds in the same places.  Blocks are separated by
a line '%%'.  A block's first line may be a directive:
    expect: RULE[:KIND]   (defects.md) a finding the block must produce
    known: WHY            a failure we measured and have not fixed yet; it is
                          counted and printed but does not fail the test
Each block is linted as its own draft (headings and front matter need a
whole document), all in one run of BIN over a temporary folder.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from lib import Tally  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def blocks(name):
    """(directives, text) for each block of tests/qa/NAME."""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        raw = f.read().split("\n%%\n")
    out = []
    for b in raw:
        lines = b.strip("\n").split("\n")
        heads = {}
        while lines and lines[0].split(":", 1)[0] in ("expect", "known"):
            key, val = lines.pop(0).split(":", 1)
            heads[key] = val.strip()
        text = "\n".join(lines).strip("\n")
        if text:
            out.append((heads, text + "\n"))
    return out


def lint(bin_, cases):
    """The findings for each case, linted at the default settings."""
    with tempfile.TemporaryDirectory() as d:
        names = []
        for i, (_, text) in enumerate(cases):
            names.append(os.path.join(d, "c%04d.md" % i))
            with open(names[-1], "w", encoding="utf-8") as f:
                f.write(text)
        r = subprocess.run([bin_, "--no-config", "--format", "json", d],
                           capture_output=True, text=True, check=False)
        # inline-config's findings exit 2 (a broken configuration), with
        # the report still written; anything else at 2 is a real failure.
        try:
            report = json.loads(r.stdout)
        except ValueError:
            report = None
        if r.returncode not in (0, 1, 2) or not report or report["failures"]:
            sys.exit("draftlint failed (%d): %s" % (r.returncode, r.stderr))
        found = {n: [] for n in names}
        for g in report["diagnostics"]:
            found[g["file"]].append(g)
        return [found[n] for n in names]


def matches(want, g):
    rule, _, kind = want.partition(":")
    return g["rule"] == rule and (not kind or g["kind"] == kind)


def show(tag, text, gs):
    first = text.strip().split("\n")
    print("%s %s" % (tag, " | ".join(first)[:160]))
    for g in gs:
        print("     %d:%d %s:%s %s" % (g["line"], g["column"], g["rule"],
                                      g["kind"], g["message"][:90]))


def main():
    bin_ = sys.argv[1]
    verbose = "--list" in sys.argv
    t = Tally("qa")
    looks, defects = blocks("lookalikes.md"), blocks("defects.md")
    counts = {"fa": {}, "miss": {}}
    known = 0
    for (heads, text), gs in zip(looks, lint(bin_, looks)):
        for g in gs:
            k = g["rule"] + ":" + g["kind"]
            counts["fa"][k] = counts["fa"].get(k, 0) + 1
        if "known" in heads:
            known += 1
            if verbose:
                show("KNOWN-FA", text, gs)
            continue
        if gs:
            show("FALSE-ALARM", text, gs)
        t.check(not gs, "a look-alike draws a finding")
    for (heads, text), gs in zip(defects, lint(bin_, defects)):
        want = heads.get("expect", "")
        hit = any(matches(want, g) for g in gs)
        if not hit:
            counts["miss"][want] = counts["miss"].get(want, 0) + 1
        if "known" in heads:
            known += 1
            if verbose:
                show("KNOWN-MISS(%s)" % want, text, gs)
            continue
        if not hit:
            show("MISS(%s)" % want, text, gs)
        t.check(bool(want) and hit, "a defect is not found")
    print("qa: %d look-alikes, %d defects; false alarms %s; misses %s; "
          "%d known" % (len(looks), len(defects), counts["fa"] or "none",
                        counts["miss"] or "none", known))
    t.done()


if __name__ == "__main__":
    main()
