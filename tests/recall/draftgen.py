"""draftgen: shared helpers for the deterministic defect generators.

A generator takes a real post and returns a draft with one injected defect
and the findings it must produce: (line, rule, kind).  Places are found with
the real CommonMark parser (`cmark --sourcepos -t xml`), and a generator may
check its ground truth with cmark's own HTML rendering.
"""
import html
import os
import sys
import re
import subprocess
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for lib.py
from lib import shared_dir  # noqa: E402



def posts():
    corpus = os.path.join(shared_dir(), "corpus", "clean")
    if not os.path.isdir(corpus):
        return None
    out = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".md"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                out.append((name, f.read()))
    return out


def blank_front_matter(text):
    """The text with its YAML front matter lines emptied (lines kept)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join([""] * (i + 1) + lines[i + 1:])
    return text


def parse(text):
    out = subprocess.run(["cmark", "--sourcepos", "-t", "xml"],
                         input=blank_front_matter(text), capture_output=True,
                         text=True, check=True).stdout
    return ET.fromstring(out)


def render_text(text):
    """What a reader sees: cmark's HTML with tags removed, entities decoded."""
    out = subprocess.run(["cmark"], input=blank_front_matter(text),
                         capture_output=True, text=True, check=True).stdout
    return html.unescape(re.sub(r"<[^>]*>", "", out))


def pos(node):
    """(start_line, start_col, end_line, end_col) of a node, 1-based."""
    a, b = node.get("sourcepos").split("-")
    sl, sc = map(int, a.split(":"))
    el, ec = map(int, b.split(":"))
    return sl, sc, el, ec


def walk(node, ancestors=()):
    yield node, ancestors
    for child in node:
        yield from walk(child, ancestors + (node,))


def tag(node):
    return node.tag.replace(NS, "")


def blocks(root, kinds=("paragraph", "heading")):
    """Leaf text blocks with their container: 'item', 'block_quote' or None."""
    for node, anc in walk(root):
        if tag(node) in kinds:
            container = None
            for a in reversed(anc):
                if tag(a) in ("item", "block_quote"):
                    container = tag(a)
                    break
            yield node, container


WORD = re.compile(r"[A-Za-z][a-z]{2,}")


def words_in(block, lines, inside_link=False):
    """Places of plain words in one-line text nodes of a block: (line,
    byte column 0-based, word).  Skips code, HTML, autolinks, URLs; keeps
    link text only when asked."""
    out = []
    for node, anc in walk(block):
        if tag(node) != "text" or node.get("sourcepos") is None:
            continue
        in_link = any(tag(a) in ("link", "image") for a in anc)
        if in_link != inside_link or any(tag(a) == "image" for a in anc):
            continue
        sl, sc, el, ec = pos(node)
        if sl != el:
            continue
        line = lines[sl - 1].encode("utf-8")
        literal = (node.text or "").encode("utf-8")
        start = sc - 1
        if line[start:start + len(literal)] != literal:
            continue  # escapes or entities: positions would be guesses
        for m in WORD.finditer(node.text or ""):
            prefix = (node.text or "")[:m.start()].encode("utf-8")
            col = start + len(prefix)
            before = line[col - 1:col] if col else b" "
            tail = line[col + len(m.group(0).encode()):]
            if before not in (b" ", b"\t") or b"://" in tail[:1]:
                continue
            out.append((sl, col, m.group(0)))
    return out


def insert(lines, line, col, s):
    b = lines[line - 1].encode("utf-8")
    lines[line - 1] = (b[:col] + s.encode("utf-8") + b[col:]).decode("utf-8")
