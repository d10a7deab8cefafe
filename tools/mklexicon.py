#!/usr/bin/env python3
"""mklexicon: converts WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet)
into the open-class lexicon draftlint maps at run time (rules/data/wordnet.lex).

For every single-word lemma it records which open classes the word
commonly belongs to (a part of speech SemCor rarely tagged is dropped), and it spells out the regular inflections (plural nouns, verbs in
-s, -ed, -ing) plus WordNet's exception lists (went, children, better), so
that a lookup at run time is one probe of a hash table.

usage: mklexicon.py WORDNET_DIR OUTPUT

The file (all integers little-endian):
  "DLLEX\\0\\0\\1"   8 bytes
  uint32 nslots     a power of two
  uint32 checksum   FNV-1a of the slots; a model records the lexicon it
                    was trained with
  uint32 slot[nslots]  (fingerprint << 8) | flags, 0 for an empty slot;
                    a word's slot is found by linear probing from
                    fnv1a64(word) & (nslots - 1), and its fingerprint is
                    bits 40..63 of that hash (never 0).
The flags are the DL_LEX_* bits of include/draftlint/lexicon.h.
"""
import os
import re
import struct
import sys

N, V, A, R, NPL, VZ, VD, VG = 1, 2, 4, 8, 16, 32, 64, 128
WORD = re.compile(r"^[a-z][a-z'-]*$")


def fnv1a64(b):
    h = 0xCBF29CE484222325
    for c in b:
        h ^= c
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def lemmas(path):
    """{lemma: tagsense_cnt}: how often the lemma was seen in this part of
    speech in the tagged SemCor texts (index.* field 6 + p_cnt)."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            if WORD.match(parts[0]):
                p = int(parts[3])
                out[parts[0]] = int(parts[5 + p])
    return out


def prune(pos):
    """Drops the rare parts of speech of a word: "see" is a noun (the Holy
    See) and "go" an adjective in WordNet, but in text they are verbs.  A
    part of speech that SemCor never tagged, or tagged under a tenth as
    often as the word's commonest one, goes when the commonest was seen at
    least eight times (SemCor is small: "update" has 2 verb tags and no
    noun tag, yet "the updates" is common).  Returns {lemma: set of parts
    kept}."""
    words = {}
    for part, table in pos.items():
        for w, n in table.items():
            words.setdefault(w, {})[part] = n
    out = {}
    for w, counts in words.items():
        top = max(counts.values())
        keep = {p for p, n in counts.items()
                if top < 8 or (n > 0 and 10 * n >= top)}
        out[w] = keep
    return out


def exceptions(path):
    out = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and WORD.match(parts[0]):
                out.append((parts[0], parts[1]))
    return out


def plural(w):
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def past(w):
    if w.endswith("e"):
        return w + "d"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ied"
    return w + "ed"


def gerund(w):
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if re.search(r"[^aeioy]e$", w):
        return w[:-1] + "ing"
    return w + "ing"


def main():
    wn, out_path = sys.argv[1], sys.argv[2]
    flags = {}

    def add(w, f):
        flags[w] = flags.get(w, 0) | f

    pos = {p: lemmas(os.path.join(wn, "index." + p))
           for p in ("noun", "verb", "adj", "adv")}
    for w, keep in sorted(prune(pos).items()):
        if "noun" in keep:
            add(w, N)
            add(plural(w), NPL)
        if "verb" in keep:
            add(w, V)
            add(plural(w), VZ)
            add(past(w), VD)
            add(gerund(w), VG)
        if "adj" in keep:
            add(w, A)
        if "adv" in keep:
            add(w, R)
    for form, _ in exceptions(os.path.join(wn, "noun.exc")):
        add(form, NPL)
    for form, _ in exceptions(os.path.join(wn, "verb.exc")):
        add(form, VG if form.endswith("ing") else VD)
    for form, _ in exceptions(os.path.join(wn, "adj.exc")):
        add(form, A)
    n = 1
    while n < 2 * len(flags):
        n *= 2
    slots = [0] * n
    for w in sorted(flags):
        h = fnv1a64(w.encode())
        fp = (h >> 40) & 0xFFFFFF or 1
        i = h & (n - 1)
        while slots[i]:
            i = (i + 1) & (n - 1)
        slots[i] = (fp << 8) | flags[w]
    body = struct.pack(f"<{n}I", *slots)
    check = fnv1a64(body) & 0xFFFFFFFF
    tmp = out_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"DLLEX\0\0\1" + struct.pack("<II", n, check) + body)
    os.replace(tmp, out_path)
    print(f"mklexicon: {len(flags)} word forms, {n} slots -> {out_path}")


if __name__ == "__main__":
    main()
