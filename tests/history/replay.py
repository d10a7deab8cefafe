#!/usr/bin/env python3
"""broken-edit over a real history of prose: every commit that changed FILE
in REPO (git log --follow, oldest first) is replayed in a scratch
repository, one commit after the other, and `draftlint --since HEAD` lints
each new version against the one before.  Prints every finding with the
commit that made it, for a person to read; the repository is only read.

usage: replay.py BUILD/draftlint REPO FILE [--max N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def git(repo, *args, text=True):
    return subprocess.run(["git", "-C", repo] + list(args), check=True,
                          capture_output=True, text=text).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("repo")
    ap.add_argument("file")
    ap.add_argument("--max", type=int, default=0)
    o = ap.parse_args()
    binary = os.path.abspath(o.bin)
    log = git(o.repo, "log", "--follow", "--reverse", "--format=%H",
              "--name-only", "--", o.file).split("\n")
    commits, path = [], None
    for line in log:  # "HASH", "", "PATH" (its name at that commit)
        if len(line) == 40 and all(c in "0123456789abcdef" for c in line):
            path = line
        elif line and path:
            commits.append((path, line))
            path = None
    if o.max:
        commits = commits[-o.max:]
    findings = versions = 0
    with tempfile.TemporaryDirectory() as scratch:
        git(scratch, "init", "-q", ".")
        for n, (commit, name) in enumerate(commits):
            try:
                blob = git(o.repo, "show", "%s:%s" % (commit, name), text=False)
            except subprocess.CalledProcessError:
                continue  # deleted in that commit
            with open(os.path.join(scratch, "draft.md"), "wb") as f:
                f.write(blob)
            if n:
                run = subprocess.run(
                    [binary, "--since", "HEAD", "--only", "broken-edit",
                     "--no-config", "-f", "json", "draft.md"],
                    cwd=scratch, capture_output=True, text=True)
                if run.returncode not in (0, 1):
                    print("replay: draftlint exited %d on %s: %s" % (
                        run.returncode, commit[:10], run.stderr))
                    return 1
                versions += 1
                for d in json.loads(run.stdout)["diagnostics"]:
                    findings += 1
                    print("%s %s:%d: [%s] %s" % (commit[:10], o.file, d["line"],
                                                 d["kind"], d["message"]))
            git(scratch, "add", "-A")
            git(scratch, "-c", "user.name=T", "-c", "user.email=t@example.com",
                "commit", "-q", "--allow-empty", "-m", commit)
    print("replay: %d findings over %d consecutive versions of %s" % (
        findings, versions, o.file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
