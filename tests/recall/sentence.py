"""Generators for incoherent-sentence defects, and the correct look-alikes
that must stay quiet.  tests/quality/bench.py uses the same generators on
the held-out posts.

Each generator picks a plain sentence from a plain paragraph line of a
post (no markup, no quotes, no brackets, so the ground truth is certain),
breaks it the way an edit breaks drafts, and expects a finding of
incoherent-sentence on that line.
"""
import re

import draftgen as g

RULE = "incoherent-sentence"
PLAIN_LINE = re.compile(r"^[A-Z][^*_\[\]()`\"“”<>|#\\~]+$")
SENTENCE = re.compile(r"[A-Z][^.!?]*[.!?](?=\s|$)")
SUBORDINATORS = ["When", "While", "Although", "Whereas", "Unless", "Once",
                 "Whenever"]
NOT_STATEMENT = {"what", "who", "whom", "whose", "which", "where", "why",
                 "how", "is", "are", "was", "were", "do", "does", "did",
                 "can", "could", "will", "would", "should", "shall", "may",
                 "might", "must", "have", "has", "had", "am", "if", "or"}


def _sentences(text, min_words=8, max_words=40):
    """(line index, start, end, sentence) of plain sentences in plain
    paragraph lines, outside front matter, lists, quotes and code."""
    lines = g.blank_front_matter(text).split("\n")
    out = []
    fence = False
    for i, line in enumerate(lines):
        if line.startswith("```") or line.startswith("~~~"):
            fence = not fence
        if fence or not PLAIN_LINE.match(line):
            continue
        prev = lines[i - 1] if i else ""
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if prev.strip() or (nxt.strip() and not nxt.startswith("#")):
            continue  # one-line paragraphs only: no lazy continuations
        for m in SENTENCE.finditer(line):
            words = m.group(0).split()
            if min_words <= len(words) <= max_words and ":" not in m.group(0):
                out.append((i, m.start(), m.end(), m.group(0)))
    return lines, out


def _replace(lines, at, new):
    i, start, end, _ = at
    lines = list(lines)
    lines[i] = lines[i][:start] + new + lines[i][end:]
    return "\n".join(lines), [(i + 1, RULE, None)]


def splice(text, rng):
    """The first 40-60% of one sentence's words, then the last part of
    another sentence of the post, cut at 40-60% of its words."""
    lines, sents = _sentences(text)
    if len(sents) < 2:
        return None
    a, b = rng.sample(sents, 2)
    wa, wb = a[3].split(), b[3].split()
    ka = round(rng.uniform(0.4, 0.6) * len(wa))
    kb = round(rng.uniform(0.4, 0.6) * len(wb))
    new = " ".join(wa[:ka] + wb[kb:])
    draft, expected = _replace(lines, a, new)
    return draft, [(line, rule, "splice") for line, rule, _ in expected]


def fragment(text, rng):
    """A subordinator before a sentence without a comma: a subordinate
    clause with no main clause."""
    lines, sents = _sentences(text, 6, 20)
    sents = [s for s in sents if "," not in s[3] and s[3].endswith(".")
             and s[3].split()[0].lower() not in NOT_STATEMENT
             and s[3].split()[0] not in ("I",)]
    if not sents:
        return None
    s = rng.choice(sents)
    first = s[3].split()[0]
    keep = first == "I" or first.startswith(("I'", "I’"))
    new = (rng.choice(SUBORDINATORS) + " " +
           (s[3] if keep else s[3][0].lower() + s[3][1:]))
    draft, expected = _replace(lines, s, new)
    return draft, [(line, rule, "fragment") for line, rule, _ in expected]


def false_question(text, rng):
    """A statement with its full stop turned into a question mark."""
    lines, sents = _sentences(text, 6, 30)
    sents = [s for s in sents if s[3].endswith(".") and not
             (set(w.lower().strip(",") for w in s[3].split()) & NOT_STATEMENT)]
    if not sents:
        return None
    s = rng.choice(sents)
    draft, expected = _replace(lines, s, s[3][:-1] + "?")
    return draft, [(line, rule, "false-question") for line, rule, _ in expected]


def unbalanced_quote(text, rng):
    """A double quotation mark before a word, never closed."""
    lines, sents = _sentences(text)
    if not sents:
        return None
    s = rng.choice(sents)
    words = s[3].split(" ")
    k = rng.randrange(1, len(words) - 1)
    words[k] = rng.choice(['"', "“"]) + words[k]
    draft, expected = _replace(lines, s, " ".join(words))
    return draft, [(line, rule, "unbalanced-quote") for line, rule, _ in expected]


def repeated_word(text, rng):
    """A short word written twice ("the the")."""
    lines, sents = _sentences(text)
    if not sents:
        return None
    s = rng.choice(sents)
    words = s[3].split(" ")
    places = [k for k in range(1, len(words) - 1)
              if words[k] in ("the", "a", "to", "of", "in", "and", "is",
                              "we", "it", "for", "on", "with")]
    if not places:
        return None
    k = rng.choice(places)
    words[k] = words[k] + " " + words[k]
    draft, expected = _replace(lines, s, " ".join(words))
    return draft, [(line, rule, "repeated-word") for line, rule, _ in expected]


LOOK_ALIKES = """
Ask Dr. Smith, e.g. about the 3.5 release at 9 a.m. tomorrow. He said, “Ship it.” She wrote "stop" twice.

When in doubt, ask the team. While the build runs, we review the plan. If it works, we keep it.

Is this the right plan? What would you change? Why not try it, right? Could we ship it sooner? Helping our teams grow?

It was the product(s) and the team(s) (see #2) that mattered, and a) speed and b) focus. I had had enough. I knew that that was true.

“This paragraph opens a quotation that the next one continues.

“And this one closes it,” she said.
"""


def look_alikes(text, rng):
    return text.rstrip("\n") + "\n" + LOOK_ALIKES, []


KINDS = {
    RULE: {
        "splice (40-60% + 40-60%)": splice,
        "fragment (subordinator, no main clause)": fragment,
        "false question (statement with '?')": false_question,
        "unbalanced quotation mark": unbalanced_quote,
        "repeated word": repeated_word,
    },
}
QUIET = {"sentence look-alikes": look_alikes}
