#!/usr/bin/env python3
"""Recall on generated drafts: inject each kind of defect into copies of
posts from ../shared/corpus/clean (deterministically), lint them, and count
a hit when the right rule reports the right line (and the right kind, for a
module with CHECK_KIND = True).  An expected finding whose kind is None is
a correct look-alike placed in the draft: a finding of that rule on that
line is a false alarm.  Also lints drafts with correct look-alikes
appended: any finding on their lines is a false alarm.

usage: recall.py BUILD/draftlint [--drafts N] [--keep DIR]
Exits 1 when a rule's recall is under its target or a look-alike is flagged.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import draftgen as g
import sentence
import structural
import tbm

GENERATORS = [structural, tbm, sentence]
TARGETS = {"unclosed-emphasis": 1.0, "duplicate-heading": 1.0, "tbm-link": 1.0,
           "incoherent-sentence": 0.35}


def lint(binary, paths, rules):
    run = subprocess.run([binary, "--format", "json", "--only", rules, *paths],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit("draftlint failed: " + run.stderr)
    found = {}
    for d in json.loads(run.stdout)["diagnostics"]:
        found.setdefault(d["file"], []).append(d)
    return found


def check_fixes(binary, cases, rules, kinds, out_dir):
    """Applies --fix to copies of the drafts of the given kinds; a draft
    passes when its defect's line is clean afterwards and no other line
    changed.  Returns (passed, total)."""
    fix_dir = os.path.join(out_dir, "fixed")
    os.makedirs(fix_dir, exist_ok=True)
    copies = []
    for path, expected, rule, kind in cases:
        if kind not in kinds:
            continue
        copy = os.path.join(fix_dir, os.path.basename(path))
        with open(path, encoding="utf-8") as f:
            before = f.read()
        with open(copy, "w", encoding="utf-8") as f:
            f.write(before)
        copies.append((copy, before, expected))
    if not copies:
        return 0, 0
    run = subprocess.run([binary, "-q", "--fail-on", "never", "--only", rules,
                          "--fix", *[c[0] for c in copies]],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("draftlint --fix failed: " + run.stderr)
    found = lint(binary, [c[0] for c in copies], rules)
    passed = 0
    for copy, before, expected in copies:
        with open(copy, encoding="utf-8") as f:
            after = f.read()
        lines = {line for line, _, want in expected if want}
        editable = lines | {line for line, _, want in expected if want is False}
        old, new = before.split("\n"), after.split("\n")
        same_elsewhere = len(old) == len(new) and all(
            a == b for i, (a, b) in enumerate(zip(old, new)) if i + 1 not in editable)
        clean = not any(d["line"] in lines for d in found.get(copy, []))
        if same_elsewhere and clean and before != after:
            passed += 1
        elif os.environ.get("RECALL_VERBOSE"):
            print(f"  fix did not mend {copy}: changed elsewhere="
                  f"{not same_elsewhere}, still reported={not clean}")
    for copy, _, _ in copies:
        os.remove(copy)
    os.rmdir(fix_dir)
    return passed, len(copies)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--drafts", type=int, default=30, help="drafts per kind")
    ap.add_argument("--keep", help="write the drafts to this folder")
    args = ap.parse_args()
    posts = g.posts()
    if posts is None:
        print("recall: skipped, the corpus is not here (a fresh clone)")
        return 0
    binary = os.path.abspath(args.binary)
    out_dir = args.keep or tempfile.mkdtemp(prefix="draftlint-recall-")
    os.makedirs(out_dir, exist_ok=True)
    ok = True
    for module in GENERATORS:
        rules = ",".join(module.KINDS)
        cases = []  # (path, expected, rule, kind)
        for rule, kinds in module.KINDS.items():
            for k, (kind, make) in enumerate(kinds.items()):
                rng = random.Random(f"{rule}/{kind}")
                order = list(range(len(posts)))
                rng.shuffle(order)
                made = 0
                for i in order:
                    if made == args.drafts:
                        break
                    name, text = posts[i]
                    result = make(text, rng)
                    if not result:
                        continue
                    draft, expected = result
                    path = os.path.join(out_dir, f"{rule}-{k:02d}-{made:03d}-{name}")
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(draft)
                    cases.append((path, expected, rule, kind))
                    made += 1
        quiet = []
        for kind, make in module.QUIET.items():
            rng = random.Random(kind)
            for n, (name, text) in enumerate(posts[: args.drafts]):
                draft, _ = make(text, rng)
                path = os.path.join(out_dir, f"quiet-{n:03d}-{name}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(draft)
                quiet.append((path, len(text.rstrip("\n").split("\n")) + 1,
                              name, text))
        found = lint(binary, [c[0] for c in cases] + [q[0] for q in quiet], rules)
        stats = {}
        check_kind = getattr(module, "CHECK_KIND", False)
        placed_quiet = placed_false = 0
        for path, expected, rule, kind in cases:
            got = {(d["line"], d["rule"]) for d in found.get(path, [])}
            kinds = {(d["line"], d["rule"], d["kind"]) for d in found.get(path, [])}
            s = stats.setdefault((rule, kind), [0, 0])
            for line, r, want in expected:
                if want is False:  # a line only a fix may change
                    continue
                if want is None:  # a correct look-alike in the draft
                    placed_quiet += 1
                    if (line, r) in got:
                        placed_false += 1
                        print(f"  false alarm on a correct link: {path}:{line} [{r}]")
                    continue
                s[1] += 1
                if (line, r, want) in kinds if check_kind else (line, r) in got:
                    s[0] += 1
                elif os.environ.get("RECALL_VERBOSE"):
                    print(f"  missed {path}:{line} [{r}:{want}]")
        print(f"recall on generated drafts ({args.drafts} per kind, "
              f"posts from {g.shared_dir()}/corpus/clean)")
        per_rule = {}
        for (rule, kind), (hit, total) in stats.items():
            print(f"  {rule:20} {kind:34} {hit:4}/{total:<4} {100 * hit / max(total, 1):6.1f}%")
            pr = per_rule.setdefault(rule, [0, 0])
            pr[0] += hit
            pr[1] += total
        for rule, (hit, total) in per_rule.items():
            rate = hit / max(total, 1)
            target = TARGETS.get(rule, 0)
            status = "ok" if rate >= target else f"UNDER TARGET {target:.0%}"
            print(f"  {rule:20} {'all kinds':34} {hit:4}/{total:<4} {100 * rate:6.1f}%  {status}")
            ok &= rate >= target
        false = 0
        for path, first_line, name, text in quiet:
            for d in found.get(path, []):
                if d["line"] >= first_line:
                    false += 1
                    print(f"  false alarm on a look-alike: {path}:{d['line']}: {d['message']}")
        print(f"  look-alikes: {len(quiet)} drafts, {false} false alarms")
        ok &= false == 0
        fixable = getattr(module, "FIXABLE", ())
        if fixable:
            passed, total = check_fixes(binary, cases, rules, fixable, out_dir)
            print(f"  --fix on {total} drafts ({', '.join(sorted(fixable))}): "
                  f"{passed} mended on their line and unchanged elsewhere")
            ok &= passed == total
        if placed_quiet:
            print(f"  correct links in the drafts: {placed_quiet}, "
                  f"{placed_false} false alarms")
            ok &= placed_false == 0
    if not args.keep:
        for name in os.listdir(out_dir):
            os.remove(os.path.join(out_dir, name))
        os.rmdir(out_dir)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
