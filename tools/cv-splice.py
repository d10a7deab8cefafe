#!/usr/bin/env python3
"""cv-splice: chooses the splice scorer's thresholds by cross-validation.

Every post of ../shared/corpus/clean is scored by a model that never
trained on it: the posts fall into five folds by a hash of their file name,
and for each fold `draftlint learn` trains on the other four (plus any
general-English .txt files given with --extra).  Each fold's posts, as
published and with splices injected (tests/recall/sentence.py, 40-60% of
both sentences), are then linted at strict and at proofread by their
fold's model with its thresholds lowered, so that every sentence the model
might flag shows its score (a finding's confidence is
1 / (1 + exp(-(z - proofread)))).  Findings at lines listed in
tests/corpus/reviewed.tsv are real defects of the posts, not false alarms.

Printed: the thresholds at which the splice kind (grammar checks and model
together) makes at most 0.5 and 5 false alarms per 10,000 words over all
322 posts, and the recall of injected splices at 0.5, 1, 2, 5 and 10 false
alarms per 10,000 words.  The other writers'
posts are never read here: check the chosen thresholds on them afterwards.

With --set MODEL, the chosen thresholds are written into MODEL (the
model `draftlint learn` made from the same recipe; tools/train-model.sh).
Deterministic: the same posts and recipe give the same thresholds.

usage: cv-splice.py BUILD/draftlint WORKDIR [--extra FILE.txt ...]
       [--per-post N] [--data-dir DIR] [--set MODEL]
       (DIR: english.ngram and wordnet.lex)
"""
import argparse
import json
import math
import os
import random
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "recall"))

import split  # noqa: E402
import sentence  # noqa: E402

FOLDS = 5
GRAMMAR = 0.8125  # the confidence of a grammar check's finding
BUDGETS = (0.5, 1, 2, 5, 10)


def set_thresholds(src, dst, strict, proofread):
    """Copies a model, its thresholds (floats at bytes 28 and 32) set."""
    with open(src, "rb") as f:
        b = bytearray(f.read())
    b[28:36] = struct.pack("<ff", strict, proofread)
    with open(dst, "wb") as f:
        f.write(b)


def thresholds(path):
    with open(path, "rb") as f:
        b = f.read(36)
    return struct.unpack("<ff", b[28:36])


def lint(args, env, paths, sens, model):
    cmd = [args.binary, "--format", "json", "--only", sentence.RULE,
           "--sensitivity", sens, "--model", model]
    out = []
    for k in range(0, len(paths), 400):
        run = subprocess.run(cmd + paths[k:k + 400], capture_output=True,
                             text=True, env=env)
        if run.returncode not in (0, 1):
            raise SystemExit("draftlint failed: " + run.stderr)
        out += json.loads(run.stdout)["diagnostics"]
    return [d for d in out if d["kind"] == "splice"]


def reviewed():
    out = set()
    with open(os.path.join(ROOT, "tests", "corpus", "reviewed.tsv"),
              encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, lineno = line.split("\t")[:2]
                out.add((name, int(lineno)))
    return out


def score(d, low):
    """The model's score of a finding, or None for a grammar check's."""
    c = d["confidence"]
    if c == GRAMMAR:
        return None
    return low + math.log(c / (1 - c))


def fold_run(args, env, k, posts, tmp):
    """Real and injected findings of fold k's posts, by its own model."""
    train = [p for p in posts if split.fnv1a32(os.path.basename(p)) % FOLDS != k]
    test = [p for p in posts if p not in train]
    model = os.path.join(args.workdir, f"fold{k}.model")
    if not os.path.exists(model):
        run = subprocess.run([args.binary, "learn", "--model", model] + train +
                             args.extra, capture_output=True, text=True, env=env)
        if run.returncode != 0:
            raise SystemExit(run.stderr)
    strict, proofread = thresholds(model)
    low = proofread - 3
    lowmodel = os.path.join(args.workdir, f"fold{k}.low.model")
    set_thresholds(model, lowmodel, low, low)
    cases = []
    rng = random.Random(f"cv/{k}")
    for p in test:
        with open(p, encoding="utf-8") as f:
            text = f.read()
        for j in range(args.per_post):
            made = sentence.splice(text, rng)
            if made:
                path = os.path.join(tmp, f"{k}-{j}-{os.path.basename(p)}")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(made[0])
                cases.append((path, made[1][0][0]))
    out = {}
    for sens in ("strict", "proofread"):
        real = lint(args, env, test, sens, lowmodel)
        inj = {}
        for d in lint(args, env, [c[0] for c in cases], sens, lowmodel):
            inj.setdefault((d["file"], d["line"]), []).append(score(d, low))
        out[sens] = (real, [inj.get((c[0], c[1]), []) for c in cases])
    return test, out, low


def budget_threshold(fa_scores, grammar_fa, words, rate):
    """The lowest threshold at which model and grammar false alarms
    together stay within `rate` per 10,000 words."""
    allowed = math.floor(rate * words / 10000) - grammar_fa
    s = sorted(fa_scores, reverse=True)
    if allowed < 0:
        return math.inf
    return s[allowed] if allowed < len(s) else -math.inf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("workdir")
    ap.add_argument("--extra", nargs="*", default=[])
    ap.add_argument("--per-post", type=int, default=6)
    ap.add_argument("--data-dir")
    ap.add_argument("--set", metavar="MODEL")
    args = ap.parse_args()
    args.binary = os.path.abspath(args.binary)
    os.makedirs(args.workdir, exist_ok=True)
    env = dict(os.environ)
    if args.data_dir:
        env["DRAFTLINT_DATA_DIR"] = os.path.abspath(args.data_dir)
    posts = split.files("train") + split.files("test")
    posts.sort()
    words = 0
    for p in posts:
        with open(p, encoding="utf-8") as f:
            words += len(f.read().split())
    known = reviewed()
    tmp = os.path.join(args.workdir, "injected")
    os.makedirs(tmp, exist_ok=True)
    result = {}
    for sens in ("strict", "proofread"):
        result[sens] = {"fa": [], "gfa": 0, "inj": [], "greal": 0}
    fa_lines = {"strict": [], "proofread": []}
    for k in range(FOLDS):
        test, out, low = fold_run(args, env, k, posts, tmp)
        for sens, (real, inj) in out.items():
            r = result[sens]
            for d in real:
                if (os.path.basename(d["file"]), d["line"]) in known:
                    continue
                z = score(d, low)
                if z is None:
                    r["gfa"] += 1
                else:
                    r["fa"].append(z)
                    fa_lines[sens].append((z, d["file"], d["line"], d["message"]))
            r["inj"] += inj
        for name in os.listdir(tmp):
            os.remove(os.path.join(tmp, name))
    print(f"cv-splice: {len(posts)} posts, {words} words, {FOLDS} folds; "
          f"{len(result['strict']['inj'])} injected splices")
    chosen = {}
    for sens, rate in (("strict", 0.5), ("proofread", 5.0)):
        r = result[sens]
        thr = budget_threshold(r["fa"], r["gfa"], words, rate)
        chosen[sens] = thr
        print(f"  {sens}: grammar checks' false alarms {r['gfa']}; threshold "
              f"for {rate} per 10k: {thr:.4f}")
        line = []
        for b in BUDGETS:
            t = budget_threshold(r["fa"], r["gfa"], words, b)
            hit = sum(1 for s in r["inj"]
                      if any(z is None or z > t for z in s))
            line.append(f"{b}: {100 * hit / len(r['inj']):.1f}%")
        print(f"    recall at false alarms per 10k  " + "  ".join(line))
    with open(os.path.join(args.workdir, "false-alarms.tsv"), "w") as f:
        for sens in ("strict", "proofread"):
            for z, p, l, m in sorted(fa_lines[sens], reverse=True):
                if z > chosen[sens]:
                    f.write(f"{sens}\t{z:.4f}\t{p}\t{l}\t{m}\n")
    print(f"  strict {chosen['strict']:.6f} proofread {chosen['proofread']:.6f}")
    if args.set:
        set_thresholds(args.set, args.set, chosen["strict"], chosen["proofread"])
        print(f"  wrote them into {args.set}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
