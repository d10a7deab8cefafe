#!/usr/bin/env python3
"""split: the deterministic split of the corpus of published posts.

A post is held out (never trained or tuned on) when the FNV-1a hash of its
file name is 0 or 1 modulo 10: one post in five.  Everything else is the
training split, from which `draftlint learn` keeps its own calibration posts
(a different hash) for the thresholds.

usage: split.py train|test [CORPUS_DIR]   prints the paths, one a line
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def fnv1a32(s):
    h = 2166136261
    for c in s.encode("utf-8"):
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def held_out(name):
    return fnv1a32(os.path.basename(name)) % 10 < 2


def corpus_dir():
    shared = os.environ.get("DRAFTLINT_SHARED",
                            os.path.join(os.path.dirname(ROOT), "shared"))
    return os.path.join(shared, "corpus", "clean")


def files(which, corpus=None):
    corpus = corpus or corpus_dir()
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".md"))
    return [os.path.join(corpus, n) for n in names
            if held_out(n) == (which == "test")]


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("train", "test"):
        sys.exit(__doc__)
    for p in files(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None):
        print(p)
