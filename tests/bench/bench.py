#!/usr/bin/env python3
"""make bench: draftlint beside the floor (Debian's libcmark, parse only)
and beside markdownlint-cli2, in one run.  Prints figures; asserts nothing.

usage: bench.py BUILD/draftlint BUILD/bench/cmark_parse [--runs N] [--full]

Workloads: the published posts in ../shared/corpus/clean (the examples
when it is absent), one 1, 10 and 100 MB draft made of those posts, one
2 KB draft for start-up, and one paragraph of quotes and brackets that
never close at five sizes (issue 19).  The drafts are written to a temporary folder
and removed at the end; nothing of the corpus is copied into the project.

For each command: wall time (the best of --runs), MB/s from it, peak
memory (the child's maximum resident set), and instructions counted by
valgrind's callgrind (one run; the machine may be shared, so instructions
are the steady figure to compare, wall times are not).  markdownlint-cli2
is installed with npm into build/bench/ on first use; its instructions are
not counted (node under valgrind takes minutes and its JIT makes the count
meaningless).  --full also counts instructions on the 100 MB draft and
runs markdownlint-cli2 on it (minutes).
"""
import argparse
import collections
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for lib.py
from lib import shared_dir  # noqa: E402
BENCH_DIR = os.path.join(ROOT, "build", "bench")
MDL_VERSION = "0.24.1"  # markdownlint-cli2, pinned so figures compare
STRUCTURAL = ["duplicate-heading", "unclosed-emphasis", "tbm-link"]
MB = 1 << 20
LOAD = 0.0
Run = collections.namedtuple("Run", "wall peak rc cpu")



def run_once(cmd, cwd=None, peak=False):
    """Runs cmd with no input and output thrown away; returns a Run: wall
    seconds, peak resident KB (None unless asked), exit status, CPU
    seconds (user + system, all threads).  The peak comes from
    GNU time run in between: a child of this Python process would count
    Python's own pages (they are its memory until exec)."""
    timer = shutil.which("time") or "/usr/bin/time"
    report = None
    if peak and os.path.exists(timer):
        fd, report = tempfile.mkstemp(prefix="draftlint-bench-peak-")
        os.close(fd)
        cmd = [timer, "-f", "%M", "-o", report, *cmd]
    with open(os.devnull, "rb") as null_in, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=null_in, stdout=null, stderr=null,
                                cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc
    cpu = usage.ru_utime + usage.ru_stime
    kb = None
    if report:
        try:
            with open(report) as f:
                kb = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(report)
    return Run(wall, kb, rc, cpu)


def best_of(cmd, runs, cwd=None):
    """Best wall time of `runs` runs, after a warm-up run that also
    measures the peak memory (a single run measures both)."""
    first = run_once(cmd, cwd, peak=True)
    if runs <= 1:
        return first.wall, first.peak, first.rc
    done = [run_once(cmd, cwd) for _ in range(runs)]
    return min(r.wall for r in done), first.peak, done[-1].rc


def instructions(cmd, cwd=None):
    """Instructions executed, counted by callgrind (None without valgrind)."""
    if not shutil.which("valgrind"):
        return None
    out = subprocess.run(["valgrind", "--tool=callgrind",
                          "--callgrind-out-file=/dev/null", *cmd],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, cwd=cwd)
    found = re.search(r"Collected : (\d+)", out.stderr)
    return int(found.group(1)) if found else None


def machine():
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = ", %.0f GiB memory" % (kb / (1 << 20))
    except (OSError, ValueError, IndexError):
        pass
    return "%s, %d cores%s, %s %s" % (cpu, os.cpu_count() or 0, mem,
                                      platform.system(), platform.release())


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def markdownlint():
    """The markdownlint-cli2 command, installed into build/bench/ with npm
    on first use; None when npm cannot install it."""
    exe = os.path.join(BENCH_DIR, "node_modules", ".bin", "markdownlint-cli2")
    if os.path.exists(exe):
        return exe
    if not shutil.which("npm"):
        print("(markdownlint-cli2: npm not found; column (e) skipped)")
        return None
    os.makedirs(BENCH_DIR, exist_ok=True)
    print("installing markdownlint-cli2@%s into build/bench/ ..." % MDL_VERSION,
          flush=True)
    done = subprocess.run(["npm", "install", "--prefix", BENCH_DIR,
                           "--no-audit", "--no-fund", "--loglevel=error",
                           "markdownlint-cli2@" + MDL_VERSION],
                          stdin=subprocess.DEVNULL, capture_output=True,
                          text=True)
    if done.returncode != 0 or not os.path.exists(exe):
        print("(markdownlint-cli2: npm install failed; column (e) skipped)\n"
              + done.stderr.strip()[-500:])
        return None
    return exe


def posts():
    corpus = os.path.join(shared_dir(), "corpus", "clean")
    if os.path.isdir(corpus):
        files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                       if f.endswith(".md"))
        if files:
            return corpus, files
    examples = os.path.join(ROOT, "examples")
    return examples, sorted(os.path.join(examples, f)
                            for f in os.listdir(examples) if f.endswith(".md"))


def make_draft(path, sources, size):
    """One draft of at least `size` bytes: the posts one after another,
    round and round, each closed by a blank line."""
    chunks = []
    for src in sources:
        with open(src, "rb") as f:
            chunks.append(f.read().rstrip(b"\n") + b"\n\n")
    written = 0
    with open(path, "wb") as out:
        while written < size:
            for c in chunks:
                out.write(c)
                written += len(c)
                if written >= size:
                    break
    return written


def small_draft(path, source, size=2048):
    """The first `size` bytes of a post, cut at a line end."""
    with open(source, "rb") as f:
        data = f.read(size)
    cut = data.rfind(b"\n")
    with open(path, "wb") as out:
        out.write(data[:cut + 1] if cut > 0 else data)
    return os.path.getsize(path)


def fmt_ms(s):
    return "%.1f" % (s * 1000) if s < 10 else "%.0f" % (s * 1000)


def fmt_mb(kb):
    return "%.1f" % (kb / 1024) if kb is not None else "n/a"


def fmt_ins(n):
    return "%.1fM" % (n / 1e6) if n is not None else "n/a"


class Table:
    def __init__(self, title, size):
        self.title, self.size, self.rows = title, size, []

    def add(self, label, cmd, runs, count=True, cwd=None):
        wall, peak, rc = best_of(cmd, runs, cwd)
        ins = instructions(cmd, cwd) if count else None
        row = {"label": label, "wall": wall, "peak": peak, "ins": ins,
               "rc": rc}
        self.rows.append(row)
        return row

    def show(self):
        print("\n### %s (%.2f MB)\n" % (self.title, self.size / MB))
        print("| command | wall ms (best) | MB/s | instructions | peak MB |")
        print("|---|---:|---:|---:|---:|")
        for r in self.rows:
            print("| %s | %s | %.1f | %s | %s |" % (
                r["label"], fmt_ms(r["wall"]), self.size / MB / r["wall"],
                fmt_ins(r["ins"]), fmt_mb(r["peak"])))


def ratio(a, b, key):
    if a is None or b is None or a[key] is None or b[key] is None:
        return "n/a"
    return "%.2f" % (a[key] / b[key])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("draftlint")
    ap.add_argument("cmark_parse")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--full", action="store_true")
    args = ap.parse_args()
    dl = os.path.abspath(args.draftlint)
    floor = os.path.abspath(args.cmark_parse)
    runs = args.runs

    listed = subprocess.run([dl, "--list-rules"], capture_output=True,
                            text=True, check=True).stdout
    rules = [line.split()[0] for line in listed.splitlines() if line.strip()]
    structural = [r for r in STRUCTURAL if r in rules]
    every = ["--enable", ",".join(rules)]
    mdl = markdownlint()
    corpus, files = posts()

    print("## draftlint benchmark\n")
    print("- machine: %s" % machine())
    print("- date: %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    print("- draftlint %s; rules: %s" % (
        version([dl, "--version"]).split()[-1], ", ".join(rules)))
    print("- structural rules: %s" % ", ".join(structural))
    print("- %s; markdownlint-cli2 %s on node %s" % (
        version(["cmark", "--version"]),
        MDL_VERSION if mdl else "(not installed)", version(["node", "--version"])))
    print("- wall: best of %d runs after a warm-up; instructions: callgrind, "
          "one run; peak: maximum resident set" % runs)
    print("- draftlint runs with -j 1 except in the -j table; (a) is libcmark "
          "parsing each file (source positions on) and freeing the tree, "
          "no rendering")

    global LOAD
    LOAD = os.getloadavg()[0]
    print("- load average when the run began: %.2f" % LOAD)
    tmp = tempfile.mkdtemp(prefix="draftlint-bench-")
    try:
        size_corpus = sum(os.path.getsize(f) for f in files)
        small = os.path.join(tmp, "small.md")
        size_small = small_draft(small, files[0])
        drafts = {}
        for mb in (1, 10, 100):
            path = os.path.join(tmp, "draft-%dmb.md" % mb)
            drafts[mb] = (path, make_draft(path, files, mb * MB))

        # ---- the corpus: (a) to (e) ----
        t = Table("Corpus: %d posts in %s" % (len(files), corpus), size_corpus)
        a = t.add("(a) cmark parse only (the floor)", [floor, *files], runs)
        t.add("cmark CLI, parse and render HTML (one concatenated document)",
              ["cmark", *files], runs)
        b = t.add("(b) draftlint, structural rules", [dl, "-j", "1", "-q",
                  "--only", ",".join(structural), corpus], runs)
        c = t.add("(c) draftlint, every rule", [dl, "-j", "1", "-q", *every,
                                                corpus], runs)
        for r in rules:
            t.add("(d) draftlint --only %s" % r, [dl, "-j", "1", "-q", "--only",
                                                  r, corpus], runs)
        e = None
        if mdl:
            e = t.add("(e) markdownlint-cli2, default rules", [mdl, "*.md"],
                      max(1, min(runs, 3)), count=False, cwd=corpus)
        t.show()
        print("\nratios on the corpus (wall; instructions):")
        print("- (b)/(a) structural / cmark parse: %s; %s" % (
            ratio(b, a, "wall"), ratio(b, a, "ins")))
        print("- (c)/(a) every rule / cmark parse: %s; %s" % (
            ratio(c, a, "wall"), ratio(c, a, "ins")))
        if e:
            print("- (e)/(b) markdownlint-cli2 / structural: %s (wall)" %
                  ratio(e, b, "wall"))
            print("- (e)/(c) markdownlint-cli2 / every rule: %s (wall)" %
                  ratio(e, c, "wall"))

        # ---- start-up ----
        t = Table("Start-up: one small draft", size_small)
        t.add("/bin/true (the cost of starting any process here)",
              ["/bin/true"], runs * 4, count=False)
        t.add("(a) cmark parse only", [floor, small], runs * 4)
        t.add("(c) draftlint, every rule", [dl, "-q", *every, small], runs * 4)
        t.show()

        # ---- -j scaling ----
        print("\n### -j scaling on the corpus (every rule)\n")
        print("| jobs | wall ms (best) | speed-up | CPU ms (best) | "
              "instructions |")
        print("|---:|---:|---:|---:|---:|")
        base = None
        for jobs in (1, 2):
            cmd = [dl, "-j", str(jobs), "-q", *every, corpus]
            run_once(cmd)
            done = [run_once(cmd) for _ in range(runs * 2)]
            walls = [r.wall for r in done]
            cpus = [r.cpu for r in done]
            base = base or min(walls)
            print("| %d | %s | %.2fx | %s | %s |" % (
                jobs, fmt_ms(min(walls)), base / min(walls), fmt_ms(min(cpus)),
                fmt_ins(instructions(cmd))))
        print("\n(on %d cores, load average %.1f when the run began: on a "
              "shared machine the other processes take their share, and the "
              "instructions show the work -j 2 adds)" % (
                  os.cpu_count() or 0, LOAD))

        # ---- 10 and 100 MB: (a) to (e) ----
        for mb in (10, 100):
            path, size = drafts[mb]
            count = mb < 100 or args.full
            n = max(1, runs // (2 if mb == 10 else 5))
            t = Table("One %d MB draft made of the posts" % mb, size)
            a = t.add("(a) cmark parse only", [floor, path], n, count)
            b = t.add("(b) draftlint, structural rules", [dl, "-j", "1", "-q",
                      "--only", ",".join(structural), path], n, count)
            c = t.add("(c) draftlint, every rule", [dl, "-j", "1", "-q",
                                                    *every, path], n, count)
            e = None
            if mdl and (mb < 100 or args.full):
                e = t.add("(e) markdownlint-cli2, default rules",
                          [mdl, os.path.basename(path)], 1, count=False,
                          cwd=tmp)
            t.show()
            print("\nratios: (b)/(a) %s; (c)/(a) %s (wall)%s" % (
                ratio(b, a, "wall"), ratio(c, a, "wall"),
                "; (e)/(c) %s" % ratio(e, c, "wall") if e else ""))

        # ---- linear growth ----
        print("\n### Growth: draftlint, every rule, -j 1\n")
        print("| draft | wall ms (best) | MB/s | ms per MB | instructions "
              "per MB | peak MB | peak / size |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for mb in (1, 10, 100):
            path, size = drafts[mb]
            cmd = [dl, "-j", "1", "-q", *every, path]
            wall, peak, _ = best_of(cmd, max(1, runs // (1 if mb < 100 else 5)))
            ins = instructions(cmd) if mb < 100 or args.full else None
            print("| %d MB | %s | %.1f | %.2f | %s | %s | %.1f |" % (
                mb, fmt_ms(wall), size / MB / wall, wall * 1000 / (size / MB),
                fmt_ins(ins / (size / MB)) if ins else "n/a", fmt_mb(peak),
                (peak or 0) * 1024 / size))
        unbalanced(dl, tmp, runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # ---- the language server: latency and memory (tests/bench/lsp.py) ----
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(HERE, "lsp.py"), dl])


def unbalanced(dl, tmp, runs):
    """Issue 19's table: one paragraph of the unit '"a (b [c d ' (quotes
    and brackets that never close) repeated N times, incoherent-sentence
    alone.  Linear: each doubling of N doubles the time."""
    print("\n### Unbalanced marks: one paragraph of '\"a (b [c d ' x N, "
          "--only incoherent-sentence, -j 1\n")
    print("| N | size KB | wall ms (best) | CPU ms (best) | instructions | "
          "growth (instructions) |")
    print("|---:|---:|---:|---:|---:|---:|")
    path = os.path.join(tmp, "unbalanced.md")
    last = None
    for n in (10000, 20000, 40000, 80000, 160000):
        with open(path, "w", encoding="utf-8") as f:
            f.write('"a (b [c d ' * n + "\n")
        cmd = [dl, "-j", "1", "-q", "--only", "incoherent-sentence", path]
        done = [run_once(cmd) for _ in range(max(1, runs))]
        ins = instructions(cmd)
        print("| {:,} | {:.0f} | {} | {} | {} | {} |".format(
            n, os.path.getsize(path) / 1024,
            fmt_ms(min(r.wall for r in done)),
            fmt_ms(min(r.cpu for r in done)), fmt_ins(ins),
            "%.2fx" % (ins / last) if ins and last else ""))
        last = ins
    os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
