"""Generators for duplicate-heading and unclosed-emphasis defects, and the
correct look-alikes that must stay quiet."""
import re

import draftgen as g


def _literal_count(text, ch):
    return g.render_text(text).count(ch)


def _emphasis(text, rng, container, marker, where, inside_link=False,
              heading=False):
    """Puts `marker` before (where='open') or after (where='close') a word
    in a block of the given container kind; keeps the draft only if the
    reader then sees the marker (cmark's HTML shows it literally)."""
    root = g.parse(text)
    lines = text.split("\n")
    kinds = ("heading",) if heading else ("paragraph",)
    places = []
    for block, cont in g.blocks(root, kinds):
        if heading or cont == container:
            places += g.words_in(block, lines, inside_link)
    rng.shuffle(places)
    base = _literal_count(text, marker[0])
    for line, col, word in places[:12]:
        new = list(lines)
        if where == "open":
            g.insert(new, line, col, marker)
        else:
            after = col + len(word.encode())
            nxt = new[line - 1].encode()[after:after + 1]
            if nxt not in (b" ", b""):
                continue
            g.insert(new, line, after, marker)
        draft = "\n".join(new)
        if _literal_count(draft, marker[0]) == base + len(marker):
            return draft, [(line, "unclosed-emphasis", where)]
    return None


def open_bold_paragraph(text, rng):
    return _emphasis(text, rng, None, "**", "open")


def open_italic_paragraph(text, rng):
    return _emphasis(text, rng, None, "_", "open")


def open_bold_list_item(text, rng):
    return _emphasis(text, rng, "item", "**", "open")


def open_italic_block_quote(text, rng):
    return _emphasis(text, rng, "block_quote", "*", "open")


def open_bold_link_text(text, rng):
    return _emphasis(text, rng, None, "**", "open", inside_link=True)


def open_bold_heading(text, rng):
    return _emphasis(text, rng, None, "**", "open", heading=True)


def close_italic_paragraph(text, rng):
    return _emphasis(text, rng, None, "_", "close")


def close_bold_paragraph(text, rng):
    return _emphasis(text, rng, None, "__", "close")


SPAN = re.compile(r"(?<![*\\\w])\*\*(?=\w)([^*\n]{3,60}?)(?<=[\w.!?])\*\*(?![*\w])")


def _existing_span(text, rng, drop):
    """Drops the closer (drop='close') or opener of an existing **bold**
    span; the other end is the finding."""
    lines = text.split("\n")
    found = []
    for i, line in enumerate(lines):
        for m in SPAN.finditer(line):
            found.append((i + 1, m))
    rng.shuffle(found)
    base = _literal_count(text, "*")
    for line, m in found[:12]:
        new = list(lines)
        s = new[line - 1]
        if drop == "close":
            new[line - 1] = s[:m.end() - 2] + s[m.end():]
            col = len(s[:m.start()].encode())
            kind = "open"
        else:
            new[line - 1] = s[:m.start()] + s[m.start() + 2:]
            kind = "close"
        draft = "\n".join(new)
        if _literal_count(draft, "*") == base + 2:
            return draft, [(line, "unclosed-emphasis", kind)]
    return None


def bold_loses_closer(text, rng):
    return _existing_span(text, rng, "close")


def bold_loses_opener(text, rng):
    return _existing_span(text, rng, "open")


def bold_across_paragraphs(text, rng):
    """Opens bold in one paragraph and closes it in the next: two findings."""
    root = g.parse(text)
    lines = text.split("\n")
    paras = [b for b, c in g.blocks(root, ("paragraph",)) if c is None]
    pairs = [(a, b) for a, b in zip(paras, paras[1:])]
    rng.shuffle(pairs)
    base = _literal_count(text, "*")
    for a, b in pairs[:12]:
        wa = g.words_in(a, lines)
        wb = [w for w in g.words_in(b, lines)
              if lines[w[0] - 1].encode()[w[1] + len(w[2].encode()):][:1] in (b" ", b"")]
        if not wa or not wb:
            continue
        la, ca, _ = rng.choice(wa)
        lb, cb, word = rng.choice(wb)
        new = list(lines)
        g.insert(new, lb, cb + len(word.encode()), "**")
        g.insert(new, la, ca, "**")
        draft = "\n".join(new)
        if _literal_count(draft, "*") == base + 4:
            return draft, [(la, "unclosed-emphasis", "open"),
                           (lb, "unclosed-emphasis", "close")]
    return None


def _headings(root):
    out = []
    for node, _ in g.walk(root):
        if g.tag(node) == "heading":
            text = "".join(t.text or "" for t in node.iter()
                           if g.tag(t) in ("text", "code")).strip()
            out.append((int(node.get("level")), g.pos(node)[0],
                        g.pos(node)[2], text))
    return out


def _repeat_heading(text, rng, style):
    """Repeats a heading as the last sibling of its section (a copy-pasted
    section), in the given style."""
    root = g.parse(text)
    heads = _headings(root)
    lines = text.split("\n")
    rng.shuffle(order := list(range(len(heads))))
    for i in order:
        level, start, end, title = heads[i]
        words = title.split()
        if not words or sum(h[3].lower() == title.lower() for h in heads) > 1:
            continue
        # the section ends before the next heading of this level or higher
        stop = len(lines)
        for lv, s, _, _ in heads[i + 1:]:
            if lv <= level:
                stop = s - 1
                break
        if style == "exact":
            new_heading = ["#" * level + " " + title]
        elif style == "markup":
            k = rng.randrange(len(words))
            words[k] = "*" + words[k] + "*"
            new_heading = ["#" * level + " " + " ".join(words) + ":"]
        elif style == "case":
            new_heading = ["#" * level + " " + title.upper() + "  "]
        else:  # setext, for levels 1 and 2
            if level > 2:
                continue
            new_heading = [title, ("=" if level == 1 else "-") * max(3, len(title))]
        block = ["", *new_heading, "", "A copied section repeats its heading.", ""]
        new = lines[:stop] + block + lines[stop:]
        return "\n".join(new), [(stop + 2, "duplicate-heading", "sibling")]
    return None


def heading_repeated(text, rng):
    return _repeat_heading(text, rng, "exact")


def heading_repeated_with_markup(text, rng):
    return _repeat_heading(text, rng, "markup")


def heading_repeated_other_case(text, rng):
    return _repeat_heading(text, rng, "case")


def heading_repeated_setext(text, rng):
    return _repeat_heading(text, rng, "setext")


LOOK_ALIKES = """
Look-alikes that must stay quiet: snake_case and file_name.md, 2 * 3 = 6,
the price* (terms apply), \\*escaped\\* and \\_escaped\\_, `**code**`,
<https://example.com/a_b_c>, https://example.com/x_y_z, a_b_c_d, and
**bold** with _italics_ and *more* and __strong__.

## Part A

#### Notes

First notes.

## Part B

#### Notes

Second notes.

*Terms: this note makes the price above a footnote mark.
"""


def look_alikes(text, rng):
    """Appends correct look-alikes: nothing may be reported on them."""
    return text.rstrip("\n") + "\n" + LOOK_ALIKES, []


KINDS = {
    "unclosed-emphasis": {
        "open ** in a paragraph": open_bold_paragraph,
        "open _ in a paragraph": open_italic_paragraph,
        "open ** in a list item": open_bold_list_item,
        "open * in a block quote": open_italic_block_quote,
        "open ** in link text": open_bold_link_text,
        "open ** in a heading": open_bold_heading,
        "stray closing _": close_italic_paragraph,
        "stray closing __": close_bold_paragraph,
        "**bold** loses its closer": bold_loses_closer,
        "**bold** loses its opener": bold_loses_opener,
        "bold across two paragraphs": bold_across_paragraphs,
    },
    "duplicate-heading": {
        "sibling heading repeated": heading_repeated,
        "repeated with markup and ':'": heading_repeated_with_markup,
        "repeated in other case": heading_repeated_other_case,
        "repeated as setext": heading_repeated_setext,
    },
}
QUIET = {"look-alikes": look_alikes}
