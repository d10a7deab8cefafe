#!/usr/bin/env python3
"""Precision on real published posts: every finding on ../shared/corpus/clean
is suspect.  Findings listed in reviewed.tsv were read and are real defects
of the post; all others are false alarms, and each rule's false alarms per
10,000 words must stay within its budget.

usage: precision.py BUILD/draftlint   (skips when the corpus is absent)
"""
import collections
import json
import os
import subprocess
import sys

# Rule -> false alarms allowed per 10,000 words of good prose.
BUDGETS = {
    "duplicate-heading": 0.3,
    "unclosed-emphasis": 0.3,
    "tbm-link": 0.0,
    "incoherent-sentence": 2.0,
}
# Rules whose budget is shared (issue 3: these two together).
SHARED = {("duplicate-heading", "unclosed-emphasis"): 0.3}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for lib.py
from lib import shared_dir  # noqa: E402



def reviewed():
    out = set()
    with open(os.path.join(HERE, "reviewed.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, lineno, rule = line.split("\t")[:3]
            out.add((name, int(lineno), rule))
    return out


def main():
    binary = os.path.abspath(sys.argv[1])
    corpus = os.path.join(shared_dir(), "corpus", "clean")
    if not os.path.isdir(corpus):
        print(f"corpus: skipped, {corpus} is not here (a fresh clone); "
              "set DRAFTLINT_SHARED to the shared folder to run it")
        return 0
    words = 0
    for name in os.listdir(corpus):
        if name.endswith(".md"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                words += len(f.read().split())
    rules = ",".join(BUDGETS)
    run = subprocess.run([binary, "--format", "json", "--only", rules, corpus],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print("corpus: draftlint failed:", run.stderr)
        return 1
    found = json.loads(run.stdout)["diagnostics"]
    known = reviewed()
    real = collections.Counter()
    false = collections.Counter()
    seen = set()
    for d in found:
        key = (os.path.basename(d["file"]), d["line"], d["rule"])
        seen.add(key)
        (real if key in known else false)[d["rule"]] += 1
    ok = True
    print(f"corpus: {len(os.listdir(corpus))} posts, {words} words")
    print(f"  {'rule':22} {'findings':>8} {'real':>5} {'false':>5} "
          f"{'false/10k':>9} {'budget':>6}")
    for rule, budget in BUDGETS.items():
        rate = 10000 * false[rule] / words
        print(f"  {rule:22} {real[rule] + false[rule]:8} {real[rule]:5} "
              f"{false[rule]:5} {rate:9.3f} {budget:6}")
    for group, budget in SHARED.items():
        rate = 10000 * sum(false[r] for r in group) / words
        status = "ok" if rate <= budget else "OVER BUDGET"
        print(f"  together {'+'.join(group)}: {rate:.3f} false alarms "
              f"per 10k words (budget {budget}): {status}")
        ok &= rate <= budget
    for rule, budget in BUDGETS.items():
        ok &= 10000 * false[rule] / words <= budget
    for d in found:
        key = (os.path.basename(d["file"]), d["line"], d["rule"])
        if key not in known:
            print(f"  false alarm? {d['file']}:{d['line']}:{d['column']}: "
                  f"{d['message']} [{d['rule']}]")
    for key in sorted(known - seen):
        print(f"  note: reviewed defect no longer reported: {key}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
