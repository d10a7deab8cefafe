#!/usr/bin/env python3
"""bench-quality: how well incoherent-sentence does on posts it never saw.

The held-out split of ../shared/corpus/clean (tools/split.py: one post in
five, by a hash of the file name) is never trained or tuned on.  For each
sensitivity this prints
  - false alarms per 10,000 words: every finding on the held-out posts as
    published, per kind and for the whole rule (findings listed in
    tests/corpus/reviewed.tsv are real defects and shown apart);
  - recall per kind: defects injected into copies of the held-out posts by
    the generators of tests/recall/sentence.py (splices cut at 40-60% of
    both sentences' words), counted as found when the rule reports the
    injected line (and, separately, with the injected kind).
Then the findings per kind on ../shared/corpus/others (other writers,
never trained or tuned on; not read, so real defects count too), and, with
--rank BUILD/rank, the splice scorer alone (tests/quality/rank.c), the
shipped one beside a --candidate (a folder with a sentence.model and the
english.ngram it was trained with): recall of synthetic splices at 0.5, 1,
2, 5 and 10 real sentences flagged per 10,000 words, and the AUC, on the
held-out split and on the other writers.
A benchmark, not a test: it prints figures and fails only on errors.

usage: bench.py BUILD/draftlint [--per-post N] [--model FILE] [--rank BIN]
                [--candidate DIR]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests", "recall"))
sys.path.insert(0, os.path.join(ROOT, "tests", "corpus"))

import split  # noqa: E402
import sentence  # noqa: E402

RULE = sentence.RULE
KINDS = ("splice", "fragment", "false-question", "unbalanced-quote",
         "repeated-word")


def others_files():
    root = os.path.join(os.path.dirname(split.corpus_dir()), "others")
    out = []
    for d, _, names in os.walk(root):
        out += [os.path.join(d, n) for n in names if n.endswith(".md")]
    return sorted(out)


def count_words(paths):
    words = 0
    for p in paths:
        with open(p, encoding="utf-8") as f:
            words += len(f.read().split())
    return words


def scorer_table(rank, model, candidate):
    """The splice scorer alone on both corpora: the shipped one (or
    --model), and beside it a candidate: a folder holding its
    sentence.model and the english.ngram (and wordnet.lex) it needs."""
    sets = (("author held-out", split.files("test")),
            ("other writers", others_files()))
    runs = [("shipped", model or os.path.join(ROOT, "rules", "data",
                                               "sentence.model"), None)]
    if candidate:
        runs.append(("candidate", os.path.join(candidate, "sentence.model"),
                     candidate))
    print("\n  the splice scorer alone: recall of synthetic splices at N real "
          "sentences flagged per 10,000 words")
    print(f"    {'scorer':9} {'corpus':16} {'0.5':>6} {'1':>6} {'2':>6} "
          f"{'5':>6} {'10':>6} {'AUC':>6}")
    for label, path, data in runs:
        env = dict(os.environ)
        if data:
            env["DRAFTLINT_DATA_DIR"] = os.path.abspath(data)
        for name, paths in sets:
            run = subprocess.run([rank, "--row", label, path] + paths,
                                 capture_output=True, text=True, env=env)
            if run.returncode != 0:
                raise SystemExit("rank failed: " + run.stderr)
            f = run.stdout.split("\t")
            print(f"    {label:9} {name:16} " +
                  " ".join(f"{float(x):5.1f}%" for x in f[1:6]) +
                  f" {float(f[6]):6.3f}")


def lint(binary, paths, sensitivity, model):
    cmd = [binary, "--format", "json", "--only", RULE, "--sensitivity",
           sensitivity]
    if model:
        cmd += ["--model", model]
    run = subprocess.run(cmd + paths, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit("draftlint failed: " + run.stderr)
    return json.loads(run.stdout)["diagnostics"]


def reviewed():
    out = set()
    with open(os.path.join(ROOT, "tests", "corpus", "reviewed.tsv"),
              encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, lineno, rule = line.split("\t")[:3]
            out.add((name, int(lineno), rule))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--per-post", type=int, default=12,
                    help="injected drafts per post and kind")
    ap.add_argument("--model")
    ap.add_argument("--rank")
    ap.add_argument("--candidate")
    args = ap.parse_args()
    if not os.path.isdir(split.corpus_dir()):
        print("bench-quality: skipped, the corpus is not here")
        return 0
    binary = os.path.abspath(args.binary)
    test = split.files("test")
    words = 0
    posts = []
    for p in test:
        with open(p, encoding="utf-8") as f:
            text = f.read()
        words += len(text.split())
        posts.append((os.path.basename(p), text))
    known = reviewed()
    tmp = tempfile.mkdtemp(prefix="draftlint-bench-")
    cases = []
    for kind, make in sentence.KINDS[RULE].items():
        rng = random.Random("bench/" + kind)
        for name, text in posts:
            for k in range(args.per_post):
                made = make(text, rng)
                if not made:
                    continue
                draft, expected = made
                path = os.path.join(tmp, f"{len(cases):05d}-{name}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(draft)
                cases.append((path, expected[0][0], expected[0][2], kind))
    others = others_files()
    other_words = count_words(others)
    print(f"bench-quality: incoherent-sentence on the held-out split: "
          f"{len(test)} posts, {words} words; {len(cases)} injected drafts")
    for sens in ("strict", "proofread"):
        found = lint(binary, test, sens, args.model)
        per_kind = collections.Counter()
        real = 0
        for d in found:
            if (os.path.basename(d["file"]), d["line"], d["rule"]) in known:
                real += 1
            else:
                per_kind[d["kind"]] += 1
        total = sum(per_kind.values())
        print(f"\n  {sens}: false alarms per 10,000 words "
              f"(plus {real} reviewed real defects)")
        for kind in KINDS:
            print(f"    {kind:18} {per_kind[kind]:4}  "
                  f"{10000 * per_kind[kind] / words:6.2f}")
        print(f"    {'whole rule':18} {total:4}  {10000 * total / words:6.2f}")
        per_other = collections.Counter(
            d["kind"] for d in lint(binary, others, sens, args.model))
        print(f"  {sens}: on the other writers ({len(others)} posts, "
              f"{other_words} words), findings per 10,000 words (not read: "
              f"real defects count too)")
        for kind in KINDS:
            print(f"    {kind:18} {per_other[kind]:4}  "
                  f"{10000 * per_other[kind] / other_words:6.2f}")
        got = collections.defaultdict(set)
        for d in lint(binary, [c[0] for c in cases], sens, args.model):
            got[d["file"]].add((d["line"], d["kind"]))
        print(f"  {sens}: recall on injected defects "
              f"(any kind on the line / the injected kind)")
        stats = collections.OrderedDict()
        for path, line, kind, label in cases:
            s = stats.setdefault(label, [0, 0, 0])
            s[2] += 1
            kinds = {k for (l, k) in got[path] if l == line}
            s[0] += bool(kinds)
            s[1] += kind in kinds
        for label, (anyk, same, n) in stats.items():
            print(f"    {label:42} {100 * anyk / n:5.1f}%  "
                  f"{100 * same / n:5.1f}%  of {n}")
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    os.rmdir(tmp)
    if args.rank:
        scorer_table(os.path.abspath(args.rank), args.model, args.candidate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
