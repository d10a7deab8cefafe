#!/usr/bin/env python3
"""Writes the hostile drafts of tests/hostile/run.sh into a folder.

usage: gen.py DIR [--big]    (--big also writes the 100 MB draft)

Each case is built so that what the linter must say is known exactly:
a dangling '**' at a computed place, or nothing at all.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples",
                       "the-product-is-the-process.md")


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8",
              newline="") as f:
        f.write(text)


def main():
    folder = sys.argv[1]
    big = "--big" in sys.argv[2:]
    # A 1 MB paragraph on one line, a dangling '**' at its end.
    words = ("lorem ipsum dolor sit amet " * 40000)[:1 << 20]
    write(folder, "one-line.md", words + " **dangling\n")
    # 10,000 nested block quotes and 10,000 nested lists, each on one line.
    write(folder, "nested-quotes.md", "> " * 10000 + "deep **text\n")
    write(folder, "nested-lists.md", "- " * 10000 + "deep **text\n")
    write(folder, "nested-ordered.md", "1. " * 10000 + "deep **text\n")
    # 100,000 sibling headings, the first repeated at the end.
    write(folder, "headings.md", "# Title\n\n" +
          "".join("## Heading %d\n\n" % i for i in range(100000)) +
          "## Heading 0\n")
    # 100,000 headings as 50,000 texts that each come back once, in the
    # same order (A B C ... A B C ...): every pair alternates with its
    # neighbours, so they are labels, not duplicates.
    write(folder, "heading-pairs.md",
          "".join("## H %d\n\n" % (i % 50000) for i in range(100000)))
    # 100,000 links in one paragraph, then a dangling '**'.
    write(folder, "links.md",
          "".join("[link %d](https://example.com/%d)\n" % (i, i)
                  for i in range(100000)) + "end **dangling\n")
    # Pathological emphasis, with and without spaces between the groups.
    write(folder, "emphasis-spaced.md", "*a **b _c " * 100000 + "\n")
    write(folder, "emphasis-glued.md", "*a **b _c" * 100000 + "\n")
    # One 1 MB word of intraword underscores (one stray closer at its end),
    # and of stars that cmark cannot pair (a**b*a**b*...).
    write(folder, "intraword.md", "a_" * 500000 + "\n")
    write(folder, "stars.md", "a**b*" * 200000 + "\n")
    # 100,000 leftover openers in one paragraph: '***a*' leaves '**'.
    write(folder, "leftovers.md", "***a* " * 100000 + "\n")
    # Lone CR line endings.
    write(folder, "lone-cr.md", "# T\r\rSome **bold\r")
    if big:
        with open(EXAMPLE, encoding="utf-8") as f:
            post = f.read().rstrip("\n") + "\n\n"
        copies = (100 << 20) // len(post.encode("utf-8")) + 1
        with open(os.path.join(folder, "big.md"), "w", encoding="utf-8") as f:
            for _ in range(copies):
                f.write(post)
        write(folder, "big.copies", "%d\n" % copies)


if __name__ == "__main__":
    main()
