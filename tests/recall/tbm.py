"""Generators for tbm-link defects, and the correct TBM links that must
stay quiet.

Each generator injects one broken citation of a post from the shipped
catalog (rules/data/tbm-posts.csv, read here with Python's csv module, not
with the linter's parser) into a real post: as a paragraph, a list item, a
block quote, a reference-style link with its definition at the end, or a
heading with markup.  Every draft also gets a correct link to another
post, in one of the forms Substack serves (canonical, http, www., a
trailing slash, a ?utm query, a fragment, the 2020 page's anchor, title
spelt with other case, quotes or '&'): a finding on its line is a false
alarm.  Everything is drawn from the random generator the harness seeds.
"""
import csv
import os
import re

import draftgen as g

CATALOG = os.path.join(g.ROOT, "rules", "data", "tbm-posts.csv")
CHECK_KIND = True  # a hit must also have the expected kind

PREFIX = re.compile(r"^(?:(?:TBM|TMB|TBD|TBT|BM)\s*#?\s*(?=\d)|(?=\d+[A-Za-z]?/\d))"
                    r"(\d+(?:\.\d+)?[A-Za-z]?(?:/\d+)?)(?![\w/])\s*[:\-–—]?\s*(.*)$")


def _key(name):
    """Words, folded, without 'and' and '&': the same idea as the rule's
    key, written independently and only used to avoid look-alike posts."""
    words = re.findall(r"\w+", name.lower().replace("’", "").replace("'", ""))
    return "".join(w for w in words if w != "and")


def _load():
    posts = []
    with open(CATALOG, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            post_id = row["post_id"]
            pid, _, slug = post_id.partition(".")
            title = " ".join(row["title"].split())
            m = PREFIX.match(title)
            if not m or not slug or not m.group(2):
                continue
            posts.append({"id": pid, "slug": slug, "title": title,
                          "number": m.group(1), "name": m.group(2),
                          "year": row["post_date"][:4]})
    by_key = {}
    by_num = {}
    for p in posts:
        by_key.setdefault(_key(p["name"]), []).append(p)
        by_num.setdefault(p["number"].lower(), []).append(p)
        by_num.setdefault(p["number"].lower().split("/")[0], []).append(p)
    # posts a writer can cite without ambiguity: a unique name, and no other
    # post named like it without its (parts)
    short = {}
    for p in posts:
        short.setdefault(_key(re.sub(r"\([^)]*\)", "", p["name"])), []).append(p)
    good = [p for p in posts if len(by_key[_key(p["name"])]) == 1
            and len(short[_key(re.sub(r"\([^)]*\)", "", p["name"]))]) == 1
            and len(_key(p["name"])) > 4]
    return posts, good, by_num


POSTS, GOOD, BY_NUM = _load()
Y2020 = [p for p in GOOD if p["year"] == "2020"]


def url(p):
    return f"https://cutlefish.substack.com/p/{p['slug']}"


def cite(p):
    return f"TBM {p['number']}: {p['name']}"


def slugify(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "")).strip("-")


def anchor(p, number=None):
    n = (number or p["number"]).lower().replace("/", "-")
    return f"https://johnpcutler.github.io/tbm2020/#tbm-{n}-{slugify(p['name'])}"


def _other(rng, p, pool=None):
    """A post with another number and another name than p."""
    pool = pool or GOOD
    while True:
        q = rng.choice(pool)
        if (q["number"].split("/")[0].lower() != p["number"].split("/")[0].lower()
                and _key(q["name"]) != _key(p["name"])):
            return q


# ---- correct links: must stay quiet ---------------------------------------

def _title_variant(rng, p):
    name = p["name"]
    v = rng.randrange(5)
    if v == 1:
        name = name.lower()
    elif v == 2 and "&" in name:
        name = name.replace("&", "and")
    elif v == 2 and " and " in name:
        name = name.replace(" and ", " & ")
    elif v == 3:
        name = name.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’")
    elif v == 4:
        name = name + " "
    return f"TBM {p['number']}: {name}".rstrip()


def correct_link(rng):
    p = rng.choice(GOOD)
    form = rng.randrange(8)
    u = url(p)
    if form == 1:
        u = u.replace("https://", "http://")
    elif form == 2:
        u = u.replace("https://", "https://www.")
    elif form == 3:
        u += "/"
    elif form == 4:
        u += "?utm_source=%s&utm_medium=email" % rng.choice(["substack", "newsletter"])
    elif form == 5:
        u += "#" + rng.choice(["footnote-1", "comments", "top"])
    elif form == 6:
        u = f"https://open.substack.com/pub/cutlefish/p/{p['slug']}?r=2x&utm_medium=ios"
    elif form == 7 and Y2020:
        p = rng.choice(Y2020)
        u = anchor(p)
    text = _title_variant(rng, p) if rng.random() < 0.8 else rng.choice(
        ["this post", "my earlier piece", "the 2020 post"])
    return f"For background, see [{text}]({u}) from the archive."


# ---- placing blocks in a post -----------------------------------------------

def _slots(text):
    """Lines after which a new block can go: the end of a top-level block
    that a blank line (or the end of the file) follows."""
    root = g.parse(text)
    lines = text.split("\n")
    out = []
    for node in root:
        if g.tag(node) not in ("paragraph", "heading", "list", "block_quote",
                               "thematic_break"):
            continue
        end = g.pos(node)[2]
        if end >= len(lines) or lines[end].strip() == "":
            out.append(end)
    return out


def _place(text, rng, blocks):
    """Inserts each block (a list of lines) after its own slot, in order
    through the post; returns the draft and each block's first line."""
    slots = _slots(text)
    if len(slots) < len(blocks):
        return None
    chosen = sorted(rng.sample(slots, len(blocks)))
    lines = text.split("\n")
    firsts = []
    shift = 0
    out = []
    at = 0
    for slot, block in zip(chosen, blocks):
        out += lines[at:slot]
        out += [""] + block + [""]
        firsts.append(slot + shift + 2)
        shift += len(block) + 2
        at = slot
    out += lines[at:]
    return "\n".join(out), firsts


CONTAINERS = ("paragraph", "list item", "block quote", "reference", "heading")


def _heading(link, rng):
    style = rng.randrange(3)
    if style == 0:
        return ["## Read **" + link + "**"]
    if style == 1:
        return ["### *Revisit* " + link]
    return ["## More in _" + link + "_ today"]


def _draft(text, rng, make_link, kind, containers=CONTAINERS):
    """Builds a draft: the broken link (make_link(container) returns
    (markdown, definitions)) in a container, a correct link elsewhere."""
    container = rng.choice(containers)
    link, defs = make_link(container)
    if container == "list item":
        block = ["- Also relevant: " + link + " still.", "- Another point."]
    elif container == "block quote":
        block = ["> As I put it in " + link + " the mess is the point."]
    elif container == "heading":
        block = _heading(link, rng)
    else:
        block = ["As I wrote in " + link + " this keeps coming up."]
    good = [correct_link(rng)]
    pair = [block, good] if rng.random() < 0.5 else [good, block]
    placed = _place(text, rng, pair)
    if not placed:
        return None
    draft, firsts = placed
    bad_line, good_line = (firsts[0], firsts[1]) if pair[0] is block else (firsts[1], firsts[0])
    expected = [(bad_line, "tbm-link", kind), (good_line, "tbm-link", None)]
    if defs:
        draft = draft.rstrip("\n") + "\n\n"
        # a definition is where a wrong URL is mended (want False: a line
        # the fix may change, no finding expected on it)
        first = draft.count("\n") + 1
        expected += [(first + i, "tbm-link", False) for i in range(len(defs))]
        draft += "\n".join(defs) + "\n"
    return draft, expected


def _linked(text, rng, kind, pick, link_text, link_url, image=False,
            containers=CONTAINERS):
    """A link [link_text(p)](link_url(p)) to a post from pick(rng), inline
    or (in the reference container) as a reference with its definition."""
    p = pick(rng)
    t = link_text(p, rng)
    u = link_url(p, rng)
    bang = "!" if image else ""

    def make(container):
        if container == "reference":
            ref = f"ref-{rng.randrange(10**6)}"
            return f"{bang}[{t}][{ref}]", [f"[{ref}]: {u}"]
        return f"{bang}[{t}]({u})", []
    return _draft(text, rng, make, kind, containers)


# ---- the defects --------------------------------------------------------------

def number_title(text, rng):
    def t(p, rng):
        q = _other(rng, p)
        return f"TBM {q['number']}: {p['name']}"
    return _linked(text, rng, "number-title", lambda r: r.choice(GOOD), t,
                   lambda p, r: url(p))


def generic_host(text, rng):
    hosts = ["https://substack.com/", "https://cutlefish.substack.com/",
             "https://cutlefish.substack.com/archive", "https://www.substack.com/home",
             "http://substack.com"]
    return _linked(text, rng, "generic-host", lambda r: r.choice(GOOD),
                   lambda p, r: cite(p), lambda p, r: r.choice(hosts))


def lower_case_prefix(text, rng):
    """The prefix typed in a hurry ("tbm", "Tbm"): another post's number,
    or the right one on a generic host."""
    p = rng.choice(GOOD)
    wrong = rng.random() < 0.5
    number = _other(rng, p)["number"] if wrong else p["number"]
    name = p["name"].lower() if rng.random() < 0.5 else p["name"]
    t = f"{rng.choice(['tbm', 'Tbm', 'tBm'])} {number}: {name}"
    u = url(p) if wrong else "https://substack.com/"
    return _linked(text, rng, "number-title" if wrong else "generic-host",
                   lambda r: p, lambda q, r: t, lambda q, r: u)


def other_post(text, rng):
    return _linked(text, rng, "other-post", lambda r: r.choice(GOOD),
                   lambda p, r: cite(p), lambda p, r: url(_other(r, p)))


SLUGS = {p["slug"] for p in POSTS}


def _mangled(p, rng):
    for _ in range(20):
        words = p["slug"].split("-")
        how = rng.randrange(3)
        if how == 0 and len(words) > 2:
            del words[rng.randrange(1, len(words))]
        elif how == 1:
            words.append(rng.choice(["2", "part-2", "draft", "v2"]))
        else:
            w = rng.randrange(len(words))
            words[w] = words[w][::-1] if len(words[w]) > 2 else words[w] + "x"
        slug = "-".join(words)
        if slug not in SLUGS:
            return slug
    return p["slug"] + "-missing"


def unknown_slug(text, rng):
    return _linked(text, rng, "unknown-slug", lambda r: r.choice(GOOD),
                   lambda p, r: cite(p),
                   lambda p, r: "https://cutlefish.substack.com/p/" + _mangled(p, r))


def elsewhere(text, rng):
    sites = ["https://medium.com/@johnpcutler/{s}", "https://example.com/tbm/{s}",
             "https://www.linkedin.com/pulse/{s}-john-cutler",
             "https://cutle.fish/{s}", "mailto:john@example.com"]
    return _linked(text, rng, "elsewhere", lambda r: r.choice(GOOD),
                   lambda p, r: cite(p),
                   lambda p, r: r.choice(sites).format(s=p["slug"]))


def empty_text(text, rng):
    return _linked(text, rng, "empty-text", lambda r: r.choice(GOOD),
                   lambda p, r: "", lambda p, r: url(p))


def image_syntax(text, rng):
    def u(p, r):
        return anchor(p) if p["year"] == "2020" and r.random() < 0.3 else url(p)
    return _linked(text, rng, "image-syntax", lambda r: r.choice(GOOD),
                   lambda p, r: r.choice(["", cite(p)]), u, image=True)


def anchor_number(text, rng):
    def u(p, r):
        return anchor(p, _other(r, p, Y2020)["number"])
    return _linked(text, rng, "anchor-number", lambda r: r.choice(Y2020),
                   lambda p, r: r.choice([cite(p), "Direct link to this post",
                                          "the 2020 post"]), u)


def anchor_unknown(text, rng):
    def u(p, r):
        n = p["number"].lower().replace("/", "-")
        junk = r.choice(["-revisited", "-part-2", "-draft-title"])
        return f"https://johnpcutler.github.io/tbm2020/#tbm-{n}-{slugify(p['name'])}{junk}"
    return _linked(text, rng, "anchor-unknown", lambda r: r.choice(Y2020),
                   lambda p, r: r.choice(["Direct link to this post", "the 2020 post"]),
                   u)


def _bracket(text, rng, kind, tail):
    """A citation cmark leaves as text: '[' + cite + tail(p)."""
    p = rng.choice(GOOD)

    def make(container):
        return "[" + cite(p) + tail(p, rng), []
    # the reference container makes no sense for a citation without a link
    return _draft(text, rng, make, kind,
                  ("paragraph", "list item", "block quote", "heading"))


def unclosed_bracket(text, rng):
    return _bracket(text, rng, "unclosed-bracket",
                    lambda p, r: r.choice(["", " -", " and"]))


def no_url(text, rng):
    return _bracket(text, rng, "no-url", lambda p, r: "]")


def missing_definition(text, rng):
    return _bracket(text, rng, "missing-definition",
                    lambda p, r: f"][tbm-{p['id']}]")


def wrapped_text(text, rng):
    """A link whose text wraps onto the next line (each line with its
    container's prefix), with the wrong number: found on the '[' line."""
    p = rng.choice([q for q in GOOD if len(q["name"].split()) >= 2])
    q = _other(rng, p)
    words = f"TBM {q['number']}: {p['name']}".split(" ")
    cut = rng.randrange(2, len(words))
    first, rest = " ".join(words[:cut]), " ".join(words[cut:])
    prefix = rng.choice(["", "- ", "> "])
    indent = "  " if prefix == "- " else prefix
    block = [f"{prefix}As I wrote in [{first}",
             f"{indent}{rest}]({url(p)}) this keeps coming up."]
    placed = _place(text, rng, [block, [correct_link(rng)]])
    if not placed:
        return None
    draft, (bad, good) = placed
    return draft, [(bad, "tbm-link", "number-title"), (good, "tbm-link", None)]


def _words(name):
    return [w for w in re.findall(r"\w+", name) if w.lower() != "and"]


TITLED = [p for p in GOOD if len(_words(p["name"])) >= 3]


def title_only_reference(text, rng):
    """[Whole Title][ref] with no definition of ref: a title of three words
    or more that one post alone has."""
    p = rng.choice(TITLED)
    return _draft(text, rng, lambda c: (f"[{p['name']}][tbm-{p['id']}]", []),
                  "missing-definition",
                  ("paragraph", "list item", "block quote", "heading"))


def bare_url(text, rng):
    """A 2020 anchor with another post's number, bare in the prose."""
    p = rng.choice(Y2020)
    u = anchor(p, _other(rng, p, Y2020)["number"])
    return _draft(text, rng, lambda c: (u + rng.choice(["", ",", "."]), []),
                  "anchor-number",
                  ("paragraph", "list item", "block quote", "heading"))


LOOK_ALIKES = """
Correct citations and look-alikes that must stay quiet: I wrote about this
in TBM 242 and in TBM 37/53 without linking, see [TBM] and [the archive](https://cutlefish.substack.com/archive)
and [my newsletter](https://cutlefish.substack.com/), [Lenny's post](https://www.lennysnewsletter.com/p/tbm-242),
[another Substack](https://lenny.substack.com/p/tbm-242-the-simplicity-fetish),
code `[TBM 242: The Simplicity Fetish` and an escaped \\[TBM 242: not a link,
![a chart](https://substackcdn.com/image/fetch/w_1456/tbm-242.png),
<https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish>, and
[The Beautiful Mess](https://cutlefish.substack.com/) itself.

- [TBM 242: The Simplicity Fetish](https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish)
- [TBM 28/53: Words Before Numbers (North Star Statement Exercise)](https://cutlefish.substack.com/p/tbm-2853-words-before-numbers-north)
- [TBM 28/53: Developer & Designer Collaboration (in the Real World)](http://www.cutlefish.substack.com/p/tbm-2853-developer-and-designer-collaboration/?utm_source=x#top)
- [TBM 10/53: Hammers and Nails](https://johnpcutler.github.io/tbm2020/#tbm-10-53-hammers-nails)
- [Hammers & Nails](https://johnpcutler.github.io/tbm2020/#tbm-10-53-hammers-nails)
- [TMB 40/53: 10 Tips for Sustainable Change Agency](https://cutlefish.substack.com/p/tmb-4053-10-tips-for-sustainable)
- [32/52: Telephone Game!](https://cutlefish.substack.com/p/3252-telephone-game)
- [TBM 45A/52: Simplicity Is a Tactic, Not a Goal](https://cutlefish.substack.com/p/45a52-simplicity-is-a-tactic-not)
- [TBM 21/53: “Vision” and Prescriptive Roadmaps](https://cutlefish.substack.com/p/tbm-2153-vision-and-prescriptive)
- [TBM 30/53: Healthy Forcing Functions](https://cutlefish.substack.com/p/tbm-3053-healthy-forcing-functions)
- [TBM 268: Going Deep](https://cutlefish.substack.com/p/tbm-268-going-deep) and [TBM 295: Going Deep](https://cutlefish.substack.com/p/tbm-295-going-deep)
- [TBM 43/53: The Product Outcomes Formula](https://substack.com/home/post/p-14113776)
- [this post](https://cutlefish.substack.com/p/tbm-3753-talk-to-your-manager-take) and [Going Deep](https://www.google.com/search?q=going+deep)
- [TBM 2020 in review](https://johnpcutler.github.io/tbm2020/)

## [TBM 242: The *Simplicity* Fetish](https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish)

> [TBM 9/53: Some MVP and Experiment Tips][tips] is a reference done right.

Wrapped the right way: [TBM 242: The
Simplicity Fetish](https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish), and
> [TBM 30/53: Healthy Forcing
> Functions](https://cutlefish.substack.com/p/tbm-3053-healthy-forcing-functions).

References: [going deep][nowhere], [Think Big, Work Small][nowhere] and
[Healthy Forcing Functions][nowhere] name no post alone, and [The
Simplicity Fetish][tsf] has its definition.

Pictures linked to posts: [![Zombie](https://substackcdn.com/x.png)](https://cutlefish.substack.com/p/tbm-309-zombie-practices-and-processes),
[![](../images/x.png)](https://cutlefish.substack.com/p/tbm-309-zombie-practices-and-processes) and
[![TBM 242: The Simplicity Fetish](a.png)](https://substack.com/). In lower case:
[tbm 309: zombie practices and processes](https://cutlefish.substack.com/p/tbm-309-zombie-practices-and-processes),
[Tbm 242](https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish), and
[tbm 5](https://example.com/tunnel), [tbm 12: the boring machine] and
[tbd 242: The Simplicity Fetish](https://substack.com/) name no post.

Bare and right: https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish,
(https://johnpcutler.github.io/tbm2020/#tbm-10-53-hammers-nails),
https://cutlefish.substack.com/ and `https://cutlefish.substack.com/p/not-a-post`
in code.

[tsf]: https://cutlefish.substack.com/p/tbm-242-the-simplicity-fetish

[tips]: https://cutlefish.substack.com/p/tbm-953-some-mvp-and-experiment-tips
"""


def look_alikes(text, rng):
    """Appends correct TBM links and look-alikes: nothing may be reported
    on them."""
    return text.rstrip("\n") + "\n" + LOOK_ALIKES, []


KINDS = {
    "tbm-link": {
        "number-title": number_title,
        "generic-host": generic_host,
        "other-post": other_post,
        "unknown-slug": unknown_slug,
        "elsewhere": elsewhere,
        "unclosed-bracket": unclosed_bracket,
        "no-url": no_url,
        "missing-definition": missing_definition,
        "empty-text": empty_text,
        "image-syntax": image_syntax,
        "anchor-number": anchor_number,
        "anchor-unknown": anchor_unknown,
        "wrapped-text": wrapped_text,
        "title-only-reference": title_only_reference,
        "bare-url": bare_url,
        "lower-case-prefix": lower_case_prefix,
    },
}
QUIET = {"tbm look-alikes": look_alikes}
# kinds whose right link the draft itself fixes, so --fix must mend them
# (an anchor whose slug names no post, under a text that names none, has
# no right form to apply)
FIXABLE = set(KINDS["tbm-link"]) - {"anchor-unknown"}
