#!/usr/bin/env python3
"""make bench (broken-edit): what comparing a draft with its version before
costs.  Prints figures; asserts nothing.

usage: history.py BUILD/draftlint BUILD/bench/history [--runs N]

  - a 2,000-word draft of the author's posts (training split) with five
    edits that break a sentence: the comparison inside the process (the
    old version parsed, both aligned, broken-edit run; bench/history.c),
    and the whole command `draftlint --since HEAD` beside a plain run in
    a scratch git repository (which adds git's start and one cat-file);
  - drafts of 1, 2.5, 5 and 10 MB, each with 1,000 edits per MB (half of
    them deletions across a sentence boundary, half edits that leave
    sentences whole): the comparison's milliseconds per MB, which stay
    flat when it is linear.
The drafts live in a temporary folder; nothing of the corpus is copied
into the project.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests", "history"))
import edits  # noqa: E402
import split  # noqa: E402

MB = 1 << 20


def paragraphs():
    """Prose paragraphs of the training posts, each alone, in order."""
    out = []
    for path in split.files("train"):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        out += [text[p[0]:p[1]] for p in edits.prose_paragraphs(text)]
    return out


def draft(paras, size, unique=True):
    """Paragraphs of the posts again and again up to `size` bytes; with
    `unique`, each copy's last sentence is told apart by a number (a real
    draft does not repeat itself a hundred times), else the worst case."""
    out, n, i = [], 0, 0
    while n < size:
        p = paras[i % len(paras)]
        if unique and i >= len(paras):
            p = p[:-1] + " (%d)" % i + p[-1]
        out.append(p)
        n += len(out[-1]) + 2
        i += 1
    return out


def edit(rng, paras, count):
    """`count` edits, each in its own paragraph: half deletions across a
    boundary, half whole edits."""
    new = list(paras)
    for k in rng.sample(range(len(paras)), min(count, len(paras))):
        body = paras[k]
        found = edits.prose_paragraphs(body)
        if not found:
            continue
        for _ in range(10):
            if k % 2:
                r = edits.broken_edit(rng, body, found)
            else:
                r = edits.whole_edit(rng, body, found, lambda: "A new one.")
            if r and not r[0].startswith(("paste", "delete-across", "move",
                                          "delete-paragraph",
                                          "add-paragraph")):
                new[k] = r[1]
                break
    return new


def best(cmd, cwd, runs):
    t = 1e9
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        t = min(t, time.perf_counter() - start)
    return t * 1e3


def inside(harness, old, new, runs):
    out = subprocess.run([harness, old, new, str(runs)], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), float(out[1]), float(out[2]), int(out[3])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("draftlint")
    ap.add_argument("harness")
    ap.add_argument("--runs", type=int, default=10)
    o = ap.parse_args()
    if not os.path.isdir(split.corpus_dir()):
        print("history bench: skipped, %s is not here" % split.corpus_dir())
        return 0
    rng = random.Random(14)
    paras = paragraphs()
    binary, harness = os.path.abspath(o.draftlint), os.path.abspath(o.harness)
    with tempfile.TemporaryDirectory() as tmp:
        small, words = [], 0
        for p in paras:
            small.append(p)
            words += len(p.split())
            if words >= 2000:
                break
        old_path, new_path = os.path.join(tmp, "old.md"), os.path.join(tmp, "draft.md")
        with open(old_path, "w") as f:
            f.write("\n\n".join(small) + "\n")
        with open(new_path, "w") as f:
            f.write("\n\n".join(edit(rng, small, 10)) + "\n")
        w, plain, comp, found = inside(harness, old_path, new_path, o.runs * 5)
        print("broken-edit, a %d-word draft with 10 edits (%d findings): "
              "lint alone %.2f ms, compared with its version before %.2f ms: "
              "the comparison adds %.2f ms (CPU time in the process, best of %d)" % (
                  w, found, plain, comp, comp - plain, o.runs * 5))
        subprocess.run(["git", "init", "-q", tmp], check=True)
        subprocess.run(["cp", old_path, os.path.join(tmp, "draft.md")])
        subprocess.run(["git", "-C", tmp, "add", "draft.md"], check=True)
        subprocess.run(["git", "-C", tmp, "-c", "user.name=T", "-c",
                        "user.email=t@example.com", "commit", "-q", "-m",
                        "old"], check=True)
        with open(new_path, "w") as f:
            f.write("\n\n".join(edit(random.Random(14), small, 10)) + "\n")
        cmd = [binary, "--only", "broken-edit", "--no-config", "draft.md"]
        a = best(cmd, tmp, o.runs * 3)
        b = best(cmd[:1] + ["--since", "HEAD"] + cmd[1:], tmp, o.runs * 3)
        c = best(["git", "cat-file", "blob", "HEAD:./draft.md"], tmp,
                 o.runs * 3)
        print("  the whole command (wall time, best of %d): draftlint %.1f "
              "ms, with --since HEAD %.1f ms (+%.1f ms, most of it running "
              "git twice: one git cat-file alone takes %.1f ms)" % (
                  o.runs * 3, a, b, b - a, c))
        print("broken-edit on large drafts, 1,000 edits per MB (CPU time):")
        for size, unique in ((1, True), (2.5, True), (5, True), (10, True),
                             (10, False)):
            base = draft(paras, int(size * MB), unique)
            with open(old_path, "w") as f:
                f.write("\n\n".join(base) + "\n")
            with open(new_path, "w") as f:
                f.write("\n\n".join(edit(rng, base, int(1000 * size))) + "\n")
            w, plain, comp, found = inside(harness, old_path, new_path, 3)
            print("  %5.1f MB, %7d words, %5d edits (%4d findings): lint "
                  "alone %7.1f ms, compared %7.1f ms: +%6.1f ms, %5.1f ms "
                  "per MB%s" % (size, w, int(1000 * size), found, plain, comp,
                                comp - plain, (comp - plain) / size,
                                "" if unique else " (every paragraph written "
                                "about 100 times: the diff finds few anchors)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
