#!/usr/bin/env python3
"""draftlint lsp under an editor's load (part of make bench; figures, not a
test).

usage: lsp.py BUILD/draftlint [--changes N] [--samples N]

A 2,000-word draft (the author's posts one after another, cut at a
paragraph) is opened in the server, pinned to one core with taskset.
- Latency: a one-character incremental didChange, then the time until the
  publishDiagnostics for that version arrives; median, 90th percentile and
  maximum over --samples changes, with the default debounce and with
  debounce 0 (which leaves the lint and the pipe).
- Memory: the server's resident set after a warm-up, then after every
  2,000 of --changes changes (each one linted and published: debounce 0
  and the next change sent when the last diagnostics arrived).
"""
import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for lib.py
from lib import shared_dir  # noqa: E402
sys.path.insert(0, os.path.join(ROOT, "tests", "lsp"))
from lspclient import Server  # noqa: E402



def draft(words=2000):
    corpus = os.path.join(shared_dir(), "corpus", "clean")
    if not os.path.isdir(corpus):
        corpus = os.path.join(ROOT, "examples")
    paras, n = [], 0
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            for p in f.read().split("\n\n"):
                paras.append(p.strip("\n"))
                n += len(p.split())
                if n >= words:
                    return "\n\n".join(paras) + "\n", n
    return "\n\n".join(paras) + "\n", n


class Session:
    def __init__(self, binary, text):
        self.s = Server(binary, taskset=0)
        self.s.initialize()
        self.uri = "file:///bench/draft.md"
        self.version = 1
        self.s.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": "markdown", "version": 1,
            "text": text}})
        self.s.diagnostics(self.uri, timeout=60)
        self.typed = False

    def debounce(self, ms):
        self.s.notify("workspace/didChangeConfiguration",
                      {"settings": {"draftlint": {"debounce": ms}}})
        self.s.diagnostics(self.uri, timeout=60)

    def change(self):
        """Types or deletes one character on line 1; returns the seconds
        until its diagnostics arrive."""
        self.version += 1
        end = 1 if self.typed else 0
        edit = {"range": {"start": {"line": 0, "character": 0},
                          "end": {"line": 0, "character": end}},
                "text": "" if self.typed else "x"}
        self.typed = not self.typed
        sent = time.monotonic()
        self.s.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [edit]})
        v = self.version
        m = self.s.wait(lambda m: m.get("method") ==
                        "textDocument/publishDiagnostics" and
                        m["params"].get("version") == v, timeout=60)
        self.s.backlog.clear()
        return m["_at"] - sent

    def close(self):
        self.s.request("shutdown")
        self.s.notify("exit")
        return self.s.proc.wait(30)


def latency_row(label, times):
    ms = sorted(t * 1000 for t in times)
    p90 = ms[int(len(ms) * 0.9) - 1]
    print("| %s | %d | %.1f | %.1f | %.1f |" % (
        label, len(ms), statistics.median(ms), p90, ms[-1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("draftlint")
    ap.add_argument("--changes", type=int, default=10000)
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    text, words = draft()
    print("\n### draftlint lsp: didChange to publishDiagnostics, one core\n")
    print("- draft: %d words, %d bytes (the author's posts, cut at a "
          "paragraph); server pinned with taskset -c 0" % (words, len(text)))
    print("- load average when this part began: %.2f\n" % os.getloadavg()[0])
    sess = Session(args.draftlint, text)
    for _ in range(10):  # warm-up
        sess.change()
    print("| debounce | changes | median ms | p90 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    latency_row("default (20 ms)", [sess.change() for _ in range(args.samples)])
    sess.debounce(0)
    latency_row("0 ms", [sess.change() for _ in range(args.samples)])

    print("\n### draftlint lsp: memory over %d changes, each linted\n"
          % args.changes)
    print("| changes | resident MB |")
    print("|---:|---:|")
    print("| 0 (after warm-up) | %.1f |" % (sess.s.rss_kib() / 1024))
    start = time.monotonic()
    for i in range(1, args.changes + 1):
        sess.change()
        if i % 2000 == 0 or i == args.changes:
            print("| %d | %.1f |" % (i, sess.s.rss_kib() / 1024))
            sys.stdout.flush()
    took = time.monotonic() - start
    rc = sess.close()
    print("\n%d changes in %.0f s (%.1f ms each, round trip); server exit "
          "code %d" % (args.changes, took, took * 1000 / args.changes, rc))


if __name__ == "__main__":
    main()
