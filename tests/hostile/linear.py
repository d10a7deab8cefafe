#!/usr/bin/env python3
"""Linear on every draft (issue 19): one paragraph of quotation marks and
brackets that never close, at 20,000 and at 160,000 repeats of its unit,
must cost at most 10 times as much at the larger size (linear is 8; a
search for the closing mark from every opening one makes it about 64).
The same holds for two shapes of tbm-link: a line of citations whose
"(url" never closes, and a draft of 2,000 and 16,000 references that each
have a definition.

usage: linear.py BUILD/draftlint [--repeats SMALL LARGE]

The cost of a run is the instructions it executes, counted by `perf stat`
where the machine lets it count them, else its CPU time (user + system,
the kernel's accounting of the child): the best of three runs of each
size, taken in turn so that a busy machine slows both alike.  CPU time
still varies on a loaded machine, so a case over the bound by CPU time is
measured again by instructions under valgrind's callgrind (one run of
each size: the count does not vary), and that count decides.  Wall time
only guards against a hang: a run over the guard fails the case at once.
Exits 1 when a case grows faster than the bound.
"""
import argparse
import csv
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

BOUND = 10.0
RUNS = 3
HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "..", "..", "rules", "data", "tbm-posts.csv")


def paragraph(unit):
    """A draft of one paragraph: `unit` n times."""
    return lambda n: unit * n + "\n"


def references(n):
    """n paragraphs, each citing a post by a reference whose definition,
    its own, holds the page of the next post: n findings whose fix may move
    onto their definitions, each of which the rule must weigh."""
    with open(CATALOG, encoding="utf-8") as f:
        posts = [r for r in csv.DictReader(f) if r["title"].startswith("TBM")]
    posts = posts[:50]
    text, defs = [], []
    for i in range(n):
        cited, linked = posts[i % len(posts)], posts[(i + 1) % len(posts)]
        text.append("See [%s][d%d].\n\n" % (cited["title"], i))
        defs.append("[d%d]: https://cutlefish.substack.com/p/%s\n" % (
            i, linked["post_id"].split(".", 1)[1]))
    return "".join(text) + "".join(defs)


# (name, the rule it runs, the draft for n, the two n; None: --repeats)
CASES = [
    ("quotes and brackets", "incoherent-sentence",
     paragraph('"a (b [c d '), None),
    ("brackets only", "incoherent-sentence", paragraph("(a [b c d "), None),
    ("quotes only", "incoherent-sentence", paragraph('"a b c d '), None),
    ("curly quotes", "incoherent-sentence",
     paragraph("\u201ca (b [c d "), None),
    # the same shape in tbm-link: many citations on one line, each with a
    # "(url" that never closes; many references, each weighed against the
    # whole document
    ("citations, open (url", "tbm-link", paragraph("[TBM 1](a "), None),
    ("references", "tbm-link", references, (2000, 16000)),
]


def perf_counts():
    """Does `perf stat` count instructions on this machine?"""
    if not shutil.which("perf"):
        return False
    out = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u",
                          "true"], capture_output=True, text=True)
    return bool(re.search(r"^\d+,", out.stderr, re.M))


COUNTERS = {
    "perf": (["perf", "stat", "-x,", "-e", "instructions:u", "--"],
             r"^(\d+),"),
    "callgrind": (["valgrind", "--tool=callgrind",
                   "--callgrind-out-file=/dev/null"], r"Collected : (\d+)"),
}


def run(cmd, counter, guard):
    """(cost, exit status) of one run: the instructions `counter` counts,
    or CPU seconds without one; (None, None) past the guard."""
    by_perf = counter is not None
    if by_perf:
        cmd = COUNTERS[counter][0] + cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE if by_perf
                            else subprocess.DEVNULL)
    try:
        _, err = proc.communicate(timeout=guard)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, None
    if by_perf:  # perf and valgrind exit with the command's status
        found = re.search(COUNTERS[counter][1], err.decode(errors="replace"),
                          re.M)
        return (int(found.group(1)) if found else None), proc.returncode
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime +
            after.ru_stime - before.ru_stime), proc.returncode


def measure(binary, rule, paths, counter, runs, guard):
    """The best cost of `runs` runs of each draft, taken in turn, and each
    draft's exit status; or a message saying why there is none."""
    best, status = [None] * len(paths), [None] * len(paths)
    for _ in range(runs):
        for k, path in enumerate(paths):
            c, rc = run([binary, "--no-config", "--only", rule, path],
                        counter, guard)
            if rc is None:
                return "%s ran past the %d s guard" % (
                    os.path.basename(path), guard)
            if rc not in (0, 1) or c is None:
                return "%s: exit %s, no cost measured" % (
                    os.path.basename(path), rc)
            best[k] = c if best[k] is None else min(best[k], c)
            status[k] = rc
    return best, status


def show(counter, best):
    if counter:
        return "{:,} / {:,} instructions ({})".format(best[0], best[1],
                                                       counter)
    return "%.3f / %.3f s CPU (best of %d)" % (best[0], best[1], RUNS)


def case(binary, folder, name, rule, draft, sizes, counter, guard):
    """Prints one case's line; returns whether it is within the bound."""
    paths = []
    for n in sizes:
        path = os.path.join(folder, "linear-%d.md" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write(draft(n))
        paths.append(path)
    got = measure(binary, rule, paths, counter, 1 if counter else RUNS, guard)
    if isinstance(got, str):
        print("FAIL linear %s: %s" % (name, got))
        return False
    best, status = got
    seen = show(counter, best)
    ratio = best[1] / max(best[0], 1 if counter else 1e-3)
    if ratio > BOUND and not counter and shutil.which("valgrind"):
        got = measure(binary, rule, paths, "callgrind", 1, guard * 20)
        if isinstance(got, str):
            print("FAIL linear %s: %s; under callgrind %s" % (name, seen, got))
            return False
        best, status = got
        seen += "; again: " + show("callgrind", best)
        ratio = best[1] / max(best[0], 1)
    ok = ratio <= BOUND and status[0] == status[1]
    print("%s linear %s, n = %s and %s: %s; ratio %.1f (at most %.0f)%s"
          % ("ok  " if ok else "FAIL", name, "{:,}".format(sizes[0]),
             "{:,}".format(sizes[1]), seen, ratio, BOUND,
             "" if status[0] == status[1]
             else "; exit %d and %d differ" % tuple(status)))
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("draftlint")
    ap.add_argument("--repeats", type=int, nargs=2, default=[20000, 160000])
    ap.add_argument("--guard", type=int, default=30,
                    help="wall seconds one run may take (a hang guard)")
    args = ap.parse_args()
    binary = os.path.abspath(args.draftlint)
    counter = "perf" if perf_counts() else None
    folder = tempfile.mkdtemp(prefix="draftlint-linear-")
    try:
        results = [case(binary, folder, name, rule, draft,
                        sizes or args.repeats, counter, args.guard)
                   for name, rule, draft, sizes in CASES]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    failed = results.count(False)
    print("linear: %d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
