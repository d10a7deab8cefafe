#!/usr/bin/env python3
"""The sample outputs in README.md and docs/*.md come from the real binary.

A sample is a fenced block whose first line is `$ draftlint ARGS`: the test
runs `draftlint ARGS` from the top of the source tree, on a terminal (a
pseudo-terminal, as a writer runs it, with NO_COLOR set so that the text
has no colour codes to compare), in an empty HOME, and the output must be
the rest of the block, line for line.  A line `...` stands for any number
of lines.  So a sample cannot drift from what draftlint prints.

Every ```ini block is a configuration file a writer may copy: each is
written as the .draftlint.ini of an empty folder (after the blocks before
it in the same file, so that a sub-folder's file may name a pattern rule
its parent's defines) and `draftlint --print-config` must take it without
an error.

usage: tests/readme/samples.py BUILD/draftlint
"""
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def samples(path):
    """(line, args, expected lines) for each sample block of a Markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = re.match(r"^(`{3,})\s*(\w*)\s*$", lines[i])
        if m and i + 1 < len(lines) and lines[i + 1].startswith("$ draftlint"):
            fence, j, body = m.group(1), i + 2, []
            while j < len(lines) and not lines[j].startswith(fence):
                body.append(lines[j])
                j += 1
            out.append((i + 2, shlex.split(lines[i + 1][2:])[1:], body))
            i = j
        i += 1
    return out


def ini_blocks(path):
    """(line, text) for each ```ini block of a Markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        if re.match(r"^```ini\s*$", lines[i]):
            j, body = i + 1, []
            while j < len(lines) and not lines[j].startswith("```"):
                body.append(lines[j])
                j += 1
            out.append((i + 1, "\n".join(body) + "\n"))
            i = j
        i += 1
    return out


def check_ini(binary, path, home):
    """Failures among the ini blocks of `path`, each on top of those before."""
    bad, before = [], ""
    for line, text in ini_blocks(path):
        with tempfile.TemporaryDirectory() as d:
            os.mkdir(os.path.join(d, ".git"))  # configuration stops here
            os.mkdir(os.path.join(d, "sub"))
            open(os.path.join(d, ".draftlint.ini"), "w").write(before)
            open(os.path.join(d, "sub", ".draftlint.ini"), "w").write(text)
            run = subprocess.run([binary, "--print-config", "sub/draft.md"], cwd=d,
                                 capture_output=True, text=True,
                                 env=dict(os.environ, HOME=home))
            if run.returncode != 0 or "error" in run.stderr:
                bad.append(f"{os.path.relpath(path, ROOT)}:{line}: this configuration "
                           f"is not taken as it stands: {run.stderr.strip()}")
        before += text
    return bad


def matches(want, got):
    """Does `got` match `want`, where a `...` line stands for any lines?"""
    if not want:
        return not got
    if want[0] == "...":
        return any(matches(want[1:], got[k:]) for k in range(len(got) + 1))
    return bool(got) and want[0] == got[0] and matches(want[1:], got[1:])


def run_on_tty(binary, args, home):
    """The output of draftlint ARGS on a pseudo-terminal (util-linux script)."""
    cmd = " ".join(shlex.quote(a) for a in [binary, *args])
    env = dict(os.environ, HOME=home, NO_COLOR="1", TERM="xterm", COLUMNS="200")
    run = subprocess.run(["script", "-qec", cmd, "/dev/null"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300,
                         stdin=subprocess.DEVNULL)
    return run.stdout.replace("\r\n", "\n").rstrip("\n").split("\n")


def main():
    binary = os.path.abspath(sys.argv[1])
    files = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory() as home:
        for f in files:
            for line, args, want in samples(f):
                got = run_on_tty(binary, args, home)
                where = f"{os.path.relpath(f, ROOT)}:{line}"
                if matches(want, got):
                    passed += 1
                else:
                    failed += 1
                    print(f"FAIL {where}: $ draftlint {' '.join(args)} prints:")
                    print("\n".join("  " + g for g in got[:40]))
        for f in files:
            msgs = check_ini(binary, f, home)
            for msg in msgs:
                print("FAIL " + msg)
            failed += len(msgs)
            passed += len(ini_blocks(f)) - len(msgs)
    if passed == 0:
        print("FAIL no sample found in README.md")
        failed += 1
    print(f"samples: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
