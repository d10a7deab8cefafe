#!/usr/bin/env python3
"""broken-edit on real edit sessions in a real git repository.

Posts of ../shared/corpus/clean are committed to a fresh repository in a
temporary folder; then, session after session, every post gets one edit in
its working tree, `draftlint --since HEAD` lints them all, and the session
is committed, so the next one compares with it.  An edit is one of:

  whole    edits that leave every sentence whole: a sentence deleted,
           added, moved or replaced by another, a word changed, two
           sentences joined with a typed ", and", one split in two at a
           comma, a paragraph deleted or added.  broken-edit must stay
           quiet: zero findings in that file.
  broken   a selection across a sentence boundary deleted (in a paragraph
           or across paragraphs), or a passage across a boundary pasted
           into a sentence or over such a selection.  broken-edit must
           find it: an edit-splice on the edited sentence's line, naming
           the old lines of the two sentences it joins and quoting them.
  repeat   a sentence or a paragraph pasted twice: an edit-repeat there.
  fragment a sentence that opens with a subordinate clause cut back to it
           ("When X, Y." to "When X."): an edit-fragment there.

A leftover of fewer than three words proves nothing (the rule says so), so
deletions keep at least three words of the two sentences together.

usage: edits.py BUILD/draftlint [--split train|test|all] [--posts N]
       [--sessions N] [--seed N]    (skips when the corpus is absent)
Exits 1 when a whole edit is reported or fewer than 95% of the broken
ones are found as they should be.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import split  # noqa: E402  (tools/split.py: the held-out posts)

PLAIN = re.compile(r"^[A-Za-z0-9\"“‘'(][^\[\]*_`<>|#\\{}~]*$")
ABBREV = re.compile(r"\b(?:[A-Z]|e\.g|i\.e|vs|etc|Mr|Mrs|Ms|Dr|St|No|al)\.|"
                    r"\.\.\.|…|\d\.\d|https?:|www\.")
BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
ELLIPSIS = "…"


class Sentence:
    def __init__(self, start, end, text):
        self.start, self.end, self.text = start, end, text
        self.words = [(m.start() + start, m.end() + start)
                      for m in re.finditer(r"\S+", text)]


def prose_paragraphs(text):
    """Plain prose paragraphs: (start, end, [Sentence]), two sentences or
    more, each of five words or more ending in . ! or ?"""
    out = []
    for m in re.finditer(r"(?:^|\n\n)((?:[^\n]+\n?)+?)(?=\n\n|\n?$)", text):
        start, body = m.start(1), m.group(1).rstrip("\n")
        if not PLAIN.match(body.replace("\n", " ")) or ABBREV.search(body) \
                or re.match(r"^(\d+[.)]|[-+*>]) ", body):
            continue
        sents, at = [], 0
        for piece in BOUNDARY.split(body):
            at = body.index(piece, at)
            sents.append(Sentence(start + at, start + at + len(piece), piece))
            at += len(piece)
        if len(sents) >= 2 and all(len(s.words) >= 5 and s.text[-1] in ".!?"
                                   for s in sents):
            out.append((start, start + len(body), sents))
    return out


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def norm(s):
    return " ".join(s.split())


class Post:
    def __init__(self, path, text):
        self.path, self.text, self.original = path, text, text


# ---- edits that leave sentences whole -------------------------------------

def pick_sentence(rng, paras):
    p = rng.choice(paras)
    return p, rng.randrange(len(p[2]))


def whole_edit(rng, text, paras, donor):
    kind = rng.choice(["delete", "add", "move", "reword", "word", "join",
                       "split", "delete-paragraph", "add-paragraph"])
    p, i = pick_sentence(rng, paras)
    s = p[2][i]
    if kind == "delete":
        if len(p[2]) < 2:
            return None
        if i + 1 < len(p[2]):
            return kind, text[:s.start] + text[p[2][i + 1].start:]
        return kind, text[:p[2][i - 1].end] + text[s.end:]
    if kind in ("add", "reword"):
        other = donor()
        if any(norm(other) == norm(t.text) for t in p[2]):
            return None  # that would be a repeat, which must be found
        if kind == "add":
            return kind, text[:s.end] + " " + other + text[s.end:]
        return kind, text[:s.start] + other + text[s.end:]
    if kind == "move":
        q, k = pick_sentence(rng, paras)
        t = q[2][k]
        if t is s or len(p[2]) < 2 or q is p:
            return None
        cut = text[:s.start] + text[(p[2][i + 1].start if i + 1 < len(p[2])
                                     else s.end):]
        if i + 1 == len(p[2]):
            cut = text[:p[2][i - 1].end] + text[s.end:]
        removed = len(text) - len(cut)
        at = t.end if t.end < s.start else t.end - removed
        return kind, cut[:at] + " " + s.text + cut[at:]
    if kind == "word":
        choices = [w for w in s.words[1:-1]
                   if re.fullmatch(r"[a-z]{4,}", text[w[0]:w[1]])]
        if not choices:
            return None
        w = rng.choice(choices)
        new = rng.choice(["really", "simply", "certain", "better", "useful",
                          "several", "different", "common"])
        if new == text[w[0]:w[1]]:
            return None
        return kind, text[:w[0]] + new + text[w[1]:]
    if kind == "join":
        if i + 1 >= len(p[2]):
            return None
        t = p[2][i + 1]
        first = t.text.split()[0]
        if not re.fullmatch(r"[A-Z][a-z]+", first) or first == "I":
            return None
        joined = s.text[:-1] + ", and " + t.text[0].lower() + t.text[1:]
        return kind, text[:s.start] + joined + text[t.end:]
    if kind == "split":
        commas = [m.start() for m in re.finditer(r", (?=[a-z])", s.text)
                  if len(s.text[:m.start()].split()) >= 3
                  and len(s.text[m.start():].split()) >= 4]
        if not commas:
            return None
        c = rng.choice(commas)
        new = s.text[:c] + ". " + s.text[c + 2].upper() + s.text[c + 3:]
        return kind, text[:s.start] + new + text[s.end:]
    if kind == "delete-paragraph":
        return kind, text[:p[0]] + text[p[1]:].lstrip("\n")
    other = " ".join(dict.fromkeys(donor() for _ in range(3)))
    return kind, text[:p[1]] + "\n\n" + other + text[p[1]:]


# ---- edits that break a sentence ------------------------------------------

def cut_points(rng, a, b):
    """Words of a kept at its start and of b kept at its end: each at
    least one, each sentence losing at least one, three in all."""
    for _ in range(20):
        ka = rng.randrange(1, len(a.words))
        kb = rng.randrange(1, len(b.words))
        if ka + kb >= 3:
            return ka, kb
    return None


def broken_edit(rng, text, paras):
    kind = rng.choice(["delete", "delete", "delete-across", "paste",
                       "paste-over"])
    pi = rng.randrange(len(paras))
    p = paras[pi]
    if kind == "delete-across":
        later = [q for q in paras[pi + 1:pi + 3]]
        if not later:
            return None
        a, b = p[2][-1 - rng.randrange(min(2, len(p[2])))], \
            rng.choice(later)[2][0]
    elif kind in ("delete", "paste-over"):
        i = rng.randrange(len(p[2]) - 1)
        k = min(len(p[2]) - 1, i + 1 + (rng.random() < 0.25))
        a, b = p[2][i], p[2][k]
    else:
        a = b = rng.choice(p[2])
    expect = {"line": line_of(text, a.start), "a": a}
    if kind.startswith("delete"):
        cut = cut_points(rng, a, b)
        if not cut:
            return None
        ka, kb = cut
        new = (text[:a.words[ka - 1][1]] + " " +
               text[b.words[len(b.words) - kb][0]:])
        expect["pairs"] = [(a, b)]
        return kind, new, expect
    # a passage across some boundary C|D elsewhere, pasted into a (or over
    # a's end and b's start)
    q = rng.choice(paras)
    j = rng.randrange(len(q[2]) - 1)
    c, d = q[2][j], q[2][j + 1]
    if c is a or d is a or c is b or d is b or len(c.words) < 4:
        return None
    kc = rng.randrange(3, len(c.words))       # words of c pasted (its end)
    kd = rng.randrange(3, len(d.words))       # words of d pasted (its start)
    passage = text[c.words[len(c.words) - kc][0]:d.words[kd - 1][1]]
    if kind == "paste":
        ka = rng.randrange(1, len(a.words))
        at = a.words[ka - 1][1]
        new = text[:at] + " " + passage + text[at:]
    else:
        cut = cut_points(rng, a, b)
        if not cut:
            return None
        ka, kb = cut
        new = (text[:a.words[ka - 1][1]] + " " + passage + " " +
               text[b.words[len(b.words) - kb][0]:])
    expect["pairs"] = [(a, c), (d, b)]
    return kind, new, expect


SUBORDINATE = re.compile(r"(?:When|If|Because|Although|While|Since|Unless|"
                         r"Once|Whenever|Though) [^,]+, ")


def fragment_edit(rng, text, paras):
    """A sentence that opens with a subordinate clause, cut back to that
    clause: "When X, Y." becomes "When X." and Y is gone."""
    found = [s for p in paras for s in p[2] if SUBORDINATE.match(s.text)
             and len(s.text[SUBORDINATE.match(s.text).end():].split()) >= 2]
    if not found:
        return None
    s = rng.choice(found)
    comma = s.start + SUBORDINATE.match(s.text).end() - 2
    return "fragment", text[:comma] + "." + text[s.end:], \
        {"line": line_of(text, s.start)}


def repeat_edit(rng, text, paras):
    p = rng.choice(paras)
    if rng.random() < 0.5:
        s = rng.choice(p[2])
        return "repeat", text[:s.end] + " " + s.text + text[s.end:], \
            {"line": line_of(text, s.end)}
    body = text[p[0]:p[1]]
    new = text[:p[1]] + "\n\n" + body + text[p[1]:]
    return "repeat-paragraph", new, {"line": line_of(new, p[1] + 2)}


# ---- judging ---------------------------------------------------------------

QUOTES = re.compile(r"joins the start of '(.*?)' \(line (\d+) before\) to "
                    r"the end of '(.*?)' \(line (\d+) before\)")


def names_pair(d, old, a, b):
    m = QUOTES.search(d["message"])
    if not m or d.get("before_lines") != [line_of(old, a.start),
                                          line_of(old, b.start)]:
        return False
    start, end = m.group(1).rstrip(ELLIPSIS), m.group(3).lstrip(ELLIPSIS)
    return (norm(a.text).startswith(norm(start)) and
            norm(b.text).rstrip(".!?\"”’')").endswith(norm(end)))


def found(diags, old, expect, kind):
    for d in diags:
        if d["line"] != expect["line"]:
            continue
        if kind.startswith("repeat") and d["kind"] == "edit-repeat":
            return True
        if kind == "fragment" and d["kind"] == "edit-fragment":
            return True
        if d["kind"] == "edit-splice" and any(
                names_pair(d, old, a, b) for a, b in expect.get("pairs", [])):
            return True
    return False


def donor(rng, donors, path):
    while True:
        where, text = rng.choice(donors)
        if where != path:
            return text


def restart(repo, posts):
    """A post that edits have left with no prose to edit starts again from
    the published text, committed apart from the sessions."""
    again = [p for p in posts if len(prose_paragraphs(p.text)) < 2]
    for p in again:
        p.text = p.original
        with open(os.path.join(repo, p.path), "w", encoding="utf-8") as f:
            f.write(p.text)
    if again:
        git(repo, "add", "-A")
        git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com",
            "commit", "-q", "-m", "start again")


def git(repo, *args):
    subprocess.run(["git", "-C", repo] + list(args), check=True,
                   stdout=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--split", default="test")
    ap.add_argument("--posts", type=int, default=60)
    ap.add_argument("--sessions", type=int, default=44)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--corpus", help="posts of another folder (searched "
                    "below), e.g. ../shared/corpus/others for false alarms "
                    "on other writers' prose")
    ap.add_argument("--show", action="store_true", help="print every miss")
    ap.add_argument("--keep", help="a folder to keep each miss's versions in")
    o = ap.parse_args()
    corpus = split.corpus_dir()
    if not os.path.isdir(o.corpus or corpus):
        print("history: skipped, %s is not here" % (o.corpus or corpus))
        return 0
    if o.corpus:
        o.split = os.path.basename(os.path.normpath(o.corpus))
        paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(o.corpus)
                       for f in fs if f.endswith(".md") and f[0] != ".")
    else:
        paths = (split.files("train") + split.files("test")
                 if o.split == "all" else split.files(o.split))
    binary = os.path.abspath(o.bin)
    rng = random.Random(o.seed)
    posts = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if len(prose_paragraphs(text)) >= 2:
            posts.append(Post(os.path.relpath(path, o.corpus).replace(
                "/", "--") if o.corpus else os.path.basename(path), text))
    posts = posts[:o.posts]
    # sentences a writer adds come from other posts
    donors = [(p.path, s.text) for p in posts
              for q in prose_paragraphs(p.text) for s in q[2]]
    tally = {"whole": [0, 0], "broken": [0, 0], "repeat": [0, 0],
             "fragment": [0, 0]}
    misses = []
    with tempfile.TemporaryDirectory() as repo:
        git(repo, "init", "-q", ".")
        for p in posts:
            with open(os.path.join(repo, p.path), "w", encoding="utf-8") as f:
                f.write(p.text)
        git(repo, "add", "-A")
        git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com",
            "commit", "-q", "-m", "posts")
        for session in range(o.sessions):
            restart(repo, posts)
            edits = {}
            for p in posts:
                paras = prose_paragraphs(p.text)
                if len(paras) < 2:
                    continue
                roll = rng.random()
                for _ in range(10):
                    if roll < 0.47:
                        r = whole_edit(rng, p.text, paras,
                                       lambda: donor(rng, donors, p.path))
                        r = r and (r[0], r[1], None)
                        group = "whole"
                    elif roll < 0.94:
                        r = broken_edit(rng, p.text, paras)
                        group = "broken"
                    elif roll < 0.96:
                        r = fragment_edit(rng, p.text, paras)
                        group = "fragment"
                    else:
                        r = repeat_edit(rng, p.text, paras)
                        group = "repeat"
                    if r and r[1] != p.text:
                        break
                else:
                    continue
                edits[p.path] = (group, r[0], p.text, r[2])
                p.text = r[1]
                with open(os.path.join(repo, p.path), "w",
                          encoding="utf-8") as f:
                    f.write(p.text)
            run = subprocess.run(
                [binary, "--since", "HEAD", "--only", "broken-edit",
                 "--no-config", "-f", "json"] + sorted(edits),
                cwd=repo, capture_output=True, text=True)
            if run.returncode not in (0, 1):
                print("history: draftlint exited %d: %s" %
                      (run.returncode, run.stderr))
                return 1
            by_file = {}
            for d in json.loads(run.stdout)["diagnostics"]:
                by_file.setdefault(d["file"], []).append(d)
            for path, (group, kind, old, expect) in sorted(edits.items()):
                diags = by_file.get(path, [])
                tally[group][1] += 1
                ok = not diags if group == "whole" else \
                    found(diags, old, expect, kind)
                tally[group][0] += ok
                if not ok:
                    misses.append((session, path, group, kind, diags))
                    if o.keep:
                        base = os.path.join(o.keep, "%d-%s" % (session, path))
                        with open(base + ".old", "w") as f:
                            f.write(old)
                        with open(os.path.join(repo, path)) as f, \
                                open(base + ".new", "w") as g:
                            g.write(f.read())
                        with open(base + ".want", "w") as f:
                            f.write("line %s pairs %s\n" % (
                                expect and expect["line"],
                                [(line_of(old, a.start), a.text,
                                  line_of(old, b.start), b.text)
                                 for a, b in (expect or {}).get("pairs", [])]))
            git(repo, "add", "-A")
            git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com",
                "commit", "-q", "-m", "session %d" % session)
    if o.show:
        for session, path, group, kind, diags in misses:
            print("MISS session %d %s %s/%s: %s" % (
                session, path, group, kind,
                [(d["line"], d["kind"], d["message"]) for d in diags]))
    quiet, nwhole = tally["whole"][1] - tally["whole"][0], tally["whole"][1]
    hit, nbroken = tally["broken"]
    rhit, nrepeat = tally["repeat"]
    fhit, nfrag = tally["fragment"]
    print("history (%s split, %d posts, %d sessions): %d edits that leave "
          "sentences whole, %d reported; %d/%d deletions and pastes across "
          "a sentence boundary found on the right line naming the right old "
          "lines (%.1f%%); %d/%d pasted-twice repeats found; %d/%d "
          "sentences cut back to their opening subordinate clause found" % (
              o.split, len(posts), o.sessions, nwhole, quiet, hit, nbroken,
              100.0 * hit / max(nbroken, 1), rhit, nrepeat, fhit, nfrag))
    bad = quiet > 0 or nwhole < 500 or nbroken < 500 or hit < 0.95 * nbroken
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
