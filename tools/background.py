#!/usr/bin/env python3
"""background: general English prose from Debian's documentation packages,
as plain-text files for `draftlint learn` to make extra synthetic splices
from (learn trains on *.txt files but never sets thresholds with them).

The writer's 250,000 words teach the scorer their voice but few of the
ways English words follow one another; the Python documentation
(python3.11-doc: the tutorial, the how-tos, the library reference) and
The Debian Administrator's Handbook (debian-handbook) add a few million
words of edited prose.  Only paragraphs that read as prose are kept:
markup is stripped, and code, tables and lists are dropped.  Nothing from
here is ever put in the project.

usage: background.py OUTPUT_DIR      (writes OUTPUT_DIR/*.txt)
"""
import glob
import html
import os
import re
import sys

PY_DOCS = "/usr/share/doc/python3.11/html/_sources"
HANDBOOK = "/usr/share/doc/debian-handbook/html/en-US"

ROLE = re.compile(r":[a-z:]+:`~?!?([^`<]*?)(?:\s*<[^>]*>)?`")
LINK = re.compile(r"`([^`<]+?)\s*<[^>]*>`_+")
LITERAL = re.compile(r"``([^`]+)``")
EMPH = re.compile(r"\*\*?([^*]+)\*\*?")
REF = re.compile(r"`([^`]+)`_*")
PROSE = re.compile(r"^[A-Z][^|{}<>=#$@\\]*[.!?]$")


def clean_rst(par):
    s = " ".join(line.strip() for line in par)
    s = ROLE.sub(r"\1", s)
    s = LINK.sub(r"\1", s)
    s = LITERAL.sub(r"\1", s)
    s = EMPH.sub(r"\1", s)
    s = REF.sub(r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def rst_paragraphs(path):
    par, out, skip = [], [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if par and not skip:
                    out.append(clean_rst(par))
                par, skip = [], False
                continue
            if not par:
                # a paragraph must start flush left with a letter
                skip = not re.match(r"^[A-Z]", line)
            if line.startswith((" ", "\t", "..", ">>>", "*", "-", "+", "|")):
                skip = skip or not par
            par.append(line)
    if par and not skip:
        out.append(clean_rst(par))
    return out


def html_paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    out = []
    for m in re.finditer(r"<div class=\"para\"[^>]*>(.*?)</div>", text,
                         re.S):
        inner = m.group(1)
        if "<pre" in inner or "<div" in inner:
            continue
        s = html.unescape(re.sub(r"<[^>]+>", "", inner))
        out.append(re.sub(r"\s+", " ", s).strip())
    return out


def keep(par):
    words = par.split()
    if len(words) < 8 or not PROSE.match(par) or "::" in par or ">>>" in par:
        return False
    letters = sum(c.isalpha() or c.isspace() for c in par)
    return letters / len(par) > 0.85


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    sources = []
    for p in sorted(glob.glob(os.path.join(PY_DOCS, "**", "*.rst.txt"),
                              recursive=True)):
        sources.append((p, rst_paragraphs))
    for p in sorted(glob.glob(os.path.join(HANDBOOK, "*.html"))):
        sources.append((p, html_paragraphs))
    if not sources:
        sys.exit("background: neither python3.11-doc nor debian-handbook is "
                 "installed (apt-get install python3.11-doc debian-handbook)")
    words = 0
    chunk, n = [], 0
    for path, read in sources:
        for par in read(path):
            if keep(par):
                chunk.append(par)
                words += len(par.split())
        if len(chunk) > 2000:
            with open(os.path.join(out, f"background-{n:03d}.txt"), "w",
                      encoding="utf-8") as f:
                f.write("\n\n".join(chunk) + "\n")
            chunk, n = [], n + 1
    if chunk:
        with open(os.path.join(out, f"background-{n:03d}.txt"), "w",
                  encoding="utf-8") as f:
            f.write("\n\n".join(chunk) + "\n")
        n += 1
    print(f"background: {words} words in {n} files -> {out}")


if __name__ == "__main__":
    main()
