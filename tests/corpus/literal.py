#!/usr/bin/env python3
"""CommonMark's rendering as the oracle of unclosed-emphasis (issue 15).

For every post of ../shared/corpus/clean and ../shared/corpus/others, the
`cmark` binary renders the post to XML with source positions; every `*` or
`_` that stays in a text node (literal, as the reader sees it) and is not
backslash-escaped is part of a delimiter run that cmark could not pair.
Each such run must be either reported by draftlint's unclosed-emphasis or
in one of the deliberate classes the README lists; a run that is both is a
false alarm, one that is neither is a miss.  The classes are decided here,
from the source and cmark's tree, independently of the rule's C code.

Prints the count of runs per class and fails on any miss or false alarm.

usage: literal.py BUILD/draftlint [FILE.md ...]   (skips without the corpus)
"""
import collections
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for lib.py
from lib import shared_dir  # noqa: E402
NS = "{http://commonmark.org/xml/1.0}"

CENSORED = {
    "fuck", "fucks", "fucked", "fucker", "fuckers", "fucking", "fuckin",
    "unfucking", "motherfucker", "shit", "shits", "shitty", "bullshit",
    "damn", "damned", "crap", "hell", "ass", "asshole", "bitch", "bastard",
    "piss", "pissed", "dick", "cock", "cunt", "sucker", "suck", "sucks"}
# Words that end a censored word and are words of their own ("*hit").
PLAIN_TAILS = {"it", "its", "hit", "hits", "in", "kin", "king", "rap", "hole",
               "itch"}
# Python's conventional names for packed arguments.
SPLATS = {"args", "kwargs"}



def front_matter_lines(lines):
    """How many leading lines are front matter (YAML ---, TOML +++, JSON)."""
    if not lines:
        return 0
    first = lines[0].lstrip("\ufeff").rstrip()
    closers = {"---": ("---", "..."), "+++": ("+++",), "{": ("}",)}
    if first not in closers:
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers[first]:
            return i + 1
    return 0


# Template tags are not prose (src/doc/templates.c): longest opener first.
TAGS = [("{{<", ">}}"), ("{{%", "%}}"), ("{{", "}}"), ("{%", "%}"),
        ("{#", "#}")]


def mask_templates(text):
    """Each template tag becomes spaces, its line breaks kept."""
    out, i = [], 0
    while i < len(text):
        for op, cl in TAGS:
            if text.startswith(op, i):
                end = text.find(cl, i + len(op), i + (1 << 16))
                if end >= 0:
                    end += len(cl)
                    # as many spaces as bytes: byte positions stay
                    out.append(re.sub(r"[^\n\r]", lambda m: " " * len(
                        m.group().encode("utf-8")), text[i:end]))
                    i = end
                    break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class Post:
    def __init__(self, path, raw=None):
        self.path = path
        if raw is None:
            with open(path, "rb") as f:
                raw = f.read()
        self.raw = raw
        text = raw.decode("utf-8")
        lines = text.split("\n")
        skip = front_matter_lines(lines)
        # Front matter becomes blank lines: positions stay the same.
        self.lines = [""] * skip + lines[skip:]
        self.blines = [ln.encode("utf-8") for ln in self.lines]
        self.shown = self.blines  # columns are counted in the file's text
        body = mask_templates("\n".join(self.lines))
        self.lines = body.split("\n")
        self.blines = [ln.encode("utf-8") for ln in self.lines]
        xml = subprocess.run(["cmark", "--to", "xml", "--sourcepos"],
                             input=body.encode("utf-8"), capture_output=True,
                             check=True).stdout
        self.tree = ET.fromstring(xml)
        self.unmapped = 0  # text nodes whose source was not found


def unescape(src):
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", src))


def align(src, text):
    """Byte offsets in src of the text's literal `*` and `_`, reading src
    as the text's source: escapes and entities stand for one character,
    and `*` or `_` of src that the text lacks were used by emphasis.
    None when src is not the text's source."""
    out = []
    i = k = 0
    while k < len(text.rstrip()):
        if i >= len(src):
            return None
        m = re.match(rb"\\[!-/:-@\[-`{-~]|&#?\w+;", src[i:])
        piece = m.group() if m else src[i:i + 1]
        char = unescape(piece.decode("utf-8", "replace")) if m else None
        if char is None:
            n = 1
            while n <= 4 and i + n <= len(src):
                try:
                    char = src[i:i + n].decode("utf-8")
                    break
                except UnicodeDecodeError:
                    n += 1
            piece = src[i:i + n]
        if char is not None and text.startswith(char, k):
            if not m and char in "*_":
                out.append(i)
            i += len(piece)
            k += len(char)
        elif src[i:i + 1] in (b"*", b"_"):
            i += 1  # used by emphasis
        else:
            return None
    if src[i:].strip(b" *_"):
        return None
    return out


def locate(b, i, j, text):
    """The literal delimiters of a text node that cmark puts at bytes
    [i, j) of line b: cmark's columns of a lazy continuation line count
    the indentation the line lacks, and a text node left from a delimiter
    run that emphasis took part of starts where the run did."""
    for shift in sorted(range(-8, 9), key=abs):
        if i + shift < 0 or j + shift > len(b):
            continue
        out = align(b[i + shift:j + shift], text)
        if out is not None:
            return [i + shift + o for o in out]
    return None


def escaped(b, i):
    n = 0
    while i - n > 0 and b[i - n - 1:i - n] == b"\\":
        n += 1
    return n % 2 == 1


class Run:
    """One literal delimiter run: bytes [i, j) of line `line` are literal,
    [s, e) is the whole run in the source."""
    def __init__(self, post, line, i, j, s, e, image, block, block_start):
        self.line, self.i, self.j, self.s, self.e = line, i, j, s, e
        self.image, self.block, self.block_start = image, block, block_start
        b = post.blines[line - 1]
        self.ch = b[i:i + 1].decode()
        self.n, self.lit = e - s, j - i
        self.before, self.after = cp_before(b, s), cp_after(b, e)
        self.cls = None
        self.paired = False


def literal_runs(post):
    """The literal delimiter runs of the post, in order, each with the
    index of its paragraph or heading."""
    blocks = (NS + "paragraph", NS + "heading")
    out = []
    state = {"block": -1, "first": False}

    def walk(node, image):
        image = image or node.tag == NS + "image"
        if node.tag in blocks:
            state["block"] += 1
            state["first"] = True
        if node.tag == NS + "text" and node.get("sourcepos"):
            text_runs(node, image)
        elif node.tag not in blocks and node.tag.startswith(NS) and \
                node.tag[len(NS):] in INLINES:
            state["first"] = False
        for child in node:
            walk(child, image)

    def text_runs(node, image):
        (l1, c1), (l2, c2) = [map(int, p.split(":"))
                              for p in node.get("sourcepos").split("-")]
        first, state["first"] = state["first"], False
        if l1 != l2:
            return
        b = post.blines[l1 - 1]
        where = locate(b, c1 - 1, c2, node.text or "")
        if where is None:
            post.unmapped += any(c in (node.text or "") for c in "*_")
            return
        k = 0
        while k < len(where):
            i, ch = where[k], b[where[k]:where[k] + 1]
            starts = first and k == 0 and \
                (node.text or "").startswith(ch.decode())
            j = i + 1
            while k + 1 < len(where) and where[k + 1] == j and \
                    b[j:j + 1] == ch:
                k += 1
                j += 1
            k += 1
            s, e = i, j  # the whole delimiter run in the source
            while s > 0 and b[s - 1:s] == ch and not escaped(b, s - 1):
                s -= 1
            while e < len(b) and b[e:e + 1] == ch:
                e += 1
            out.append(Run(post, l1, i, j, s, e, image, state["block"],
                           starts))

    walk(post.tree, False)
    return out


INLINES = {"code", "html_inline", "emph", "strong", "link", "image",
           "softbreak", "linebreak"}


def cp_before(b, i):
    return b[:i].decode("utf-8", "replace")[-1:] or " "


def cp_after(b, j):
    return b[j:].decode("utf-8", "replace")[:1] or " "


def token_at(line, i, j):
    """The whitespace-delimited token around bytes [i, j) of the line."""
    s = i
    while s > 0 and not line[s - 1:s].isspace():
        s -= 1
    e = j
    while e < len(line) and not line[e:e + 1].isspace():
        e += 1
    return line[s:e].decode("utf-8", "replace"), i - s


def code_word(b, s, e, before):
    """Python's packed arguments, a dunder name, or a file name."""
    if unicodedata.category(before).startswith("P") and \
            before not in "([{<\"'“‘«":
        return False
    word = re.match(rb"[\w*.-]*", b[e:]).group()
    head = re.search(rb"[\w*.]*$", b[:s]).group()
    w = (head + b[s:e] + word).rstrip(b".").decode()
    return bool(w in ("*args", "**kwargs") or
                re.fullmatch(r"__\w+__", w) or
                re.search(r"\w\w\.[A-Za-z0-9]{2}", w))


def code_like(b, s, e, ch, before, after):
    if code_word(b, s, e, before):
        return True
    if ch == "_":
        return before in ".@#$/\\:=~" and after.isalnum()
    if e - s <= 2 and "/" in (before, after):
        return True
    return re.match(rb"\.[A-Za-z0-9]", b[e:e + 2]) is not None


def censored(b, s, e, before, after):
    """Letters and stars around the run spell a censored word, each star
    standing for a letter ("Sh*t", "****ing"); not stars before a capital
    or before a plain word ("**It", "*hit")."""
    if not (before.isalnum() or after.isalnum()):
        return False
    head = re.search(rb"[A-Za-z*]*$", b[:s]).group()
    tail = re.match(rb"[A-Za-z*]*", b[e:]).group()
    if re.search(rb"[A-Z]", tail):
        return False
    word = (head + b[s:e] + tail).decode()
    plain = word.lstrip("*")
    if plain != word and "*" not in plain and plain.lower() in PLAIN_TAILS:
        return False
    return any(len(w) == len(word) and
               all(a == "*" or a == c for a, c in zip(word.lower(), w))
               for w in CENSORED)


def classify(post, r):
    """The deliberate class of a literal run, or None."""
    b = post.blines[r.line - 1]
    ch, n, s, e, i, j, image = r.ch, r.n, r.s, r.e, r.i, r.j, r.image
    before, after = r.before, r.after
    tok, at = token_at(b, s, e)
    tok = re.sub(r"\]\(.*", "]", tok)  # a link's target is no prose
    core = tok.strip("\"'“”‘’()[]{}<>,;:!?")
    if image:
        return "image alt text"
    if "://" in tok or tok.lstrip("(<\"'").startswith("www.") or \
            re.search(r"[\w.%+-]@[\w-]+\.\w", tok):
        return "URL or email"
    if ch == "*" and censored(b, s, e, before, after):
        return "censored word"
    if ch == "*" and n == 1 and (
            (before.isalnum() and (after.isalnum() or after == "(")) or
            (before == ")" and (after in "(" or after.isdigit() or
                                after.islower()))):
        return "arithmetic"
    if ch == "*" and n == 1 and before.isspace() and after.isspace() and \
            re.search(r"[\w)]\s+\*\s+[\w(]", b.decode("utf-8", "replace")):
        return "arithmetic"
    if before.isalnum() and after.isalnum():
        return "inside a word"
    if code_like(b, s, e, ch, before, after):
        return "code-like name or glob"
    if not before.isalnum() and not after.isalnum():
        if ch == "_" and n >= 3:
            return "blank"
        if ch == "*" and n >= 4 and j - i == n:
            return "rating"
    return None


def flanking(r):
    """CommonMark's can-open and can-close of the run (spec 6.2)."""
    def punct(c):
        return unicodedata.category(c)[0] in "PS"
    bs, as_ = r.before.isspace(), r.after.isspace()
    left = not as_ and (not punct(r.after) or bs or punct(r.before))
    right = not bs and (not punct(r.before) or as_ or punct(r.after))
    if r.ch == "*":
        return left, right
    return (left and (not right or punct(r.before)),
            right and (not left or punct(r.after)))


def mark_pairs(runs):
    """Two whole literal runs of one marker and length in one block pair
    (spaced wrongly or stray): neither is a footnote's mark or note."""
    seen = collections.Counter((r.block, r.ch, r.n) for r in runs
                               if r.lit == r.n and r.cls is None)
    for r in runs:
        r.paired = seen[(r.block, r.ch, r.n)] > 1


def footnote_mark(post, r, n):
    b = post.blines[r.line - 1]
    if r.ch != "*" or r.lit != n or r.n != n or r.paired:
        return False
    if not (r.after.isspace() or unicodedata.category(r.after)[0] in "PS"):
        return False
    after_image = r.before == ")" and re.search(
        rb"!\[[^\[\]\n]*\]\([^()\n]*\)$", b[:r.s]) is not None
    return r.before.isalnum() or r.before in "”’" or \
        (r.before in '.!?)"\'%' and not after_image)


def footnote_text(r, n):
    return r.ch == "*" and r.lit == n and r.n == n and r.block_start and \
        flanking(r)[0] and not r.paired


def footnotes(post, runs):
    """Marks a footnote mark quiet when the post has its note (one each,
    in the closing stretch of notes or the paragraph after the mark), and
    the note quiet when it answers a mark."""
    left = [r for r in runs if r.cls is None]
    mark_pairs(left)
    nblocks = max((r.block for r in runs), default=-1) + 1
    notes_from = nblocks
    for r in reversed(left):
        if r.block + 1 < notes_from:
            break
        if r.block + 1 == notes_from and (footnote_text(r, 1) or
                                          footnote_text(r, 2)):
            notes_from = r.block
    pending = {1: [], 2: []}
    owed = {1: 0, 2: 0}
    is_open = {1: -1, 2: -1}  # the block of a `*` or `**` left open
    nxt = 0
    for r in left:
        n = r.lit
        if n <= 2 and footnote_mark(post, r, n) and \
                is_open[n] + 1 != r.block:
            pending[n].append(r)
            owed[n] += 1
            nxt = r.block + 2
            continue
        if n <= 2 and footnote_text(r, n) and owed[n] > 0 and \
                (r.block >= notes_from or r.block + 1 == nxt):
            owed[n] -= 1
            r.cls = "footnote with its mark"
            continue
        if r.ch == "*" and n <= 2:
            is_open[n] = r.block if flanking(r)[0] and not r.paired else -1
    for n in (1, 2):
        for r in pending[n][:len(pending[n]) - owed[n]]:
            r.cls = "footnote mark with its note"


def findings(binary, paths):
    run = subprocess.run([binary, "--format", "json", "--only",
                          "unclosed-emphasis"] + paths,
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit("literal: draftlint failed: " + run.stderr)
    out = collections.defaultdict(list)
    for d in json.loads(run.stdout)["diagnostics"]:
        out[(os.path.abspath(d["file"]), d["line"])].append(d)
        out[(os.path.abspath(d["file"]), "end", d["end_line"])].append(d)
    return out


def char_col(b, i):
    return len(b[:i].decode("utf-8", "replace")) + 1


def check_fixes(post, runs, diags, problems):
    """Each fix of a pair (spaced wrongly, or a closer glued to a word) is
    exact: in cmark's rendering of the mended post both of its markers are
    gone and no other marker turns literal.  Returns how many were tried."""
    tried = 0
    for d in diags:
        fix = d.get("fix")
        if not fix or d["kind"] not in ("spacing", "close"):
            continue
        tried += 1
        raw = post.raw[:fix["start"]] + fix["replacement"].encode() + \
            post.raw[fix["end"]:]
        after = len(literal_runs(Post(post.path, raw)))
        if after != len(runs) - 2:
            problems.append(f"inexact fix: {post.path}:{d['line']}:"
                            f"{d['column']}: {len(runs)} literal runs before"
                            f", {after} after {fix['replacement']!r}")
    return tried


def main():
    binary = os.path.abspath(sys.argv[1])
    paths = [os.path.abspath(p) for p in sys.argv[2:]]
    if not paths:
        corpus = os.path.join(shared_dir(), "corpus")
        if not os.path.isdir(corpus):
            print(f"literal: skipped, {corpus} is not here (a fresh clone)")
            return 0
        for sub in ("clean", "others"):
            for dirpath, _, names in os.walk(os.path.join(corpus, sub)):
                paths += [os.path.join(dirpath, n) for n in names
                          if n.endswith(".md")]
    paths.sort()
    found = findings(binary, paths)
    classes = collections.Counter()
    problems = []
    used = set()
    unmapped = fixes = 0
    for path in paths:
        post = Post(path)
        runs = literal_runs(post)
        for r in runs:
            r.cls = classify(post, r)
        footnotes(post, runs)
        unmapped += post.unmapped
        for r in runs:
            b = post.shown[r.line - 1]
            # The whole run: which of its markers cmark used is not known
            # from the text alone.
            lo, hi = char_col(b, r.s), char_col(b, r.e)
            hit = [d for d in found.get((path, r.line), [])
                   if lo <= d["column"] < hi]
            hit += [d for d in found.get((path, "end", r.line), [])
                    if lo < d["end_column"] <= hi]
            used.update(id(d) for d in hit)
            where = f"{path}:{r.line}:{lo}: {b[r.s:r.e].decode()!r} in " \
                    f"{token_at(b, r.s, r.e)[0]!r}"
            if hit and r.cls:
                problems.append(f"false alarm ({r.cls}): {where}")
            elif not hit and not r.cls:
                problems.append(f"missed: {where}")
            classes["reported" if hit else r.cls] += 1
        fixes += check_fixes(post, runs, [
            d for k in range(1, len(post.lines) + 1)
            for d in found.get((path, k), [])], problems)
    for key, ds in found.items():
        for d in ds if len(key) == 2 else []:
            if id(d) not in used:
                problems.append(f"reported, but cmark shows no literal marker"
                                f" there: {key[0]}:{key[1]}:{d['column']}")
    print(f"literal: {len(paths)} posts, "
          f"{sum(classes.values())} literal delimiter runs "
          f"({unmapped} text nodes whose source cmark misplaced)")
    for cls, count in classes.most_common():
        print(f"  {count:6}  {cls}")
    print(f"literal: {fixes} fixes of pairs applied and rendered again")
    for p in problems:
        print("  " + p)
    print(f"literal: {len(problems)} runs neither reported nor deliberate, "
          "or both" if problems else "literal: every run is accounted for")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
