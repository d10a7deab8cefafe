#!/usr/bin/env python3
"""english: general English prose from Debian packages, as plain text for
tools/mklm (the language model of incoherent-sentence).

The author's 250,000 words teach the splice scorer their voice but few of
the ways English words follow one another.  Debian ships tens of millions
of words of edited English in its documentation and text packages; this
script downloads those packages by name (apt-get download, nothing is
installed), unpacks them into a scratch folder and keeps the paragraphs
that read as prose: markup stripped, code, tables, lists, other languages
and repeats dropped.  The text itself never enters the project: only the
n-gram statistics that tools/mklm.c counts from it are shipped
(rules/data/ENGLISH-SOURCES lists the packages and their licences).

usage: english.py SCRATCH_DIR OUTPUT_DIR     (writes OUTPUT_DIR/*.txt)
"""
import glob
import gzip
import hashlib
import html
import os
import re
import subprocess
import sys

# Package, what of it is prose, and its licence (for ENGLISH-SOURCES).
PACKAGES = [
    ("linux-doc-6.1", "the Linux kernel's documentation", "GPL-2"),
    ("perl-doc", "Perl's manual pages (pod)", "Artistic or GPL-1+"),
    ("postgresql-doc-15", "PostgreSQL's manual", "PostgreSQL"),
    ("debian-reference-en", "Debian Reference", "GPL-2+"),
    ("debian-handbook", "The Debian Administrator's Handbook",
     "CC-BY-SA-3.0 or GPL-2+"),
    ("gnu-standards", "GNU Coding Standards, Maintainers' Guide",
     "GFDL (no invariant sections)"),
    ("rust-doc", "The Rust book, reference and guides", "MIT or Apache-2.0"),
    ("git-doc", "Git's manual and user guide", "GPL-2"),
    ("vim-runtime", "Vim's help files", "Vim"),
    ("gnome-user-docs", "GNOME's user and administrator help", "CC-BY-3.0"),
    ("libreoffice-help-en-us", "LibreOffice's help", "MPL-2.0"),
    ("gimp-help-en", "The GIMP user manual", "GFDL-1.2+"),
    ("gnucash-docs", "The GnuCash guide and help", "GFDL-1.1+"),
    ("lilypond-doc", "LilyPond's learning manual, notation and essay",
     "GFDL-1.3+"),
    ("octave-doc", "GNU Octave's manual", "GPL-3+"),
    ("manpages", "Linux man pages, overview sections", "various free"),
    ("python3.11-doc", "Python's tutorial, how-tos and reference", "PSF-2"),
    ("fortunes", "fortune cookies: quotations and literature", "BSD-4-clause and public domain"),
    ("jargon-text", "The Jargon File", "public domain"),
    ("wordnet-base", "WordNet 3.0's example sentences", "WordNet"),
    ("debian-policy", "Debian Policy Manual", "GPL-2+"),
    ("developers-reference", "Debian Developer's Reference", "GPL-2+"),
    ("debian-faq", "The Debian GNU/Linux FAQ", "GPL-2+"),
    ("maint-guide", "Debian New Maintainers' Guide", "MIT"),
    ("apache2-doc", "The Apache HTTP Server's manual", "Apache-2.0"),
    ("ghc-doc", "The GHC user's guide", "BSD-3-clause"),
    ("python-django-doc", "Django's documentation", "BSD-3-clause"),
    ("sphinx-doc", "Sphinx's documentation", "BSD-2-clause"),
    ("python-scipy-doc", "SciPy's tutorials and reference", "BSD-3-clause"),
    ("python-pandas-doc", "pandas' user guide", "BSD-3-clause"),
    ("gnome-devel-docs", "GNOME's developer guides", "CC-BY-SA-3.0"),
    ("freeciv-data", "Freeciv's help and nations' legends", "GPL-2+"),
    ("sqlite3-doc", "SQLite's documentation", "public domain"),
    ("guile-3.0-doc", "The Guile reference manual", "GFDL-1.3+"),
    ("kicad-doc-en", "KiCad's manuals", "GPL-3+ or CC-BY-3.0+"),
    ("wesnoth-1.16-data", "The Battle for Wesnoth's tutorial", "GPL-2+"),
] + [("wesnoth-1.16-" + c, "a Battle for Wesnoth campaign's story and dialogue",
      "GPL-2+")
     for c in ("did", "dm", "dw", "ei", "httt", "l", "low", "nr", "sof", "sota",
               "sotbe", "thot", "trow", "tsg", "ttb", "utbs")]

PROSE = re.compile(r"^[\"“A-Z][^|{}<>=#$@\\]*[.!?][\"”]?$")
COMMON = {"the", "of", "and", "to", "a", "in", "is", "that", "it", "for",
          "you", "with", "as", "are", "be", "this", "on", "or", "not", "by",
          "can", "an", "if", "your", "we", "will", "from", "at", "which",
          "have", "was", "but", "they", "when", "all", "has", "i", "he"}
LANG_DIR = re.compile(r"/(?:help|gimp/2\.0/help)/([A-Za-z_@]+)/")


def unpack(scratch):
    debs = os.path.join(scratch, "debs")
    root = os.path.join(scratch, "root")
    os.makedirs(debs, exist_ok=True)
    os.makedirs(root, exist_ok=True)
    names = [p for p, _, _ in PACKAGES]
    have = {f.split("_")[0] for f in os.listdir(debs) if f.endswith(".deb")}
    need = [n for n in names if n not in have]
    if need:
        subprocess.run(["apt-get", "download"] + need, cwd=debs, check=True)
    for deb in sorted(glob.glob(os.path.join(debs, "*.deb"))):
        stamp = os.path.join(root, ".done-" + os.path.basename(deb))
        if not os.path.exists(stamp):
            subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
            open(stamp, "w").close()
    return root


def read(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


# ---- formats --------------------------------------------------------------

TAG_PARA = re.compile(r"<(p\b|para\b|paragraph\b|div class=\"para\")[^>]*>(.*?)"
                      r"</(?:p|para|paragraph|div)>", re.S | re.I)


def markup_paragraphs(text):
    """<p> in HTML and Mallard, <para> in DocBook, <div class="para"> in
    Publican books; a paragraph holding a code block or a list is dropped
    (inline code stays: the sentence around it is prose)."""
    out = []
    for m in TAG_PARA.finditer(text):
        inner = m.group(2)
        if re.search(r"<(pre|screen|programlisting|ul|ol|table|div|"
                     r"itemizedlist|orderedlist)\b", inner, re.I):
            continue
        out.append(squash(html.unescape(re.sub(r"<[^>]+>", "", inner))))
    return out


def plain_paragraphs(text, flush_left=True):
    """Blank-line separated paragraphs whose lines start flush left (the
    indented ones are code or examples in reStructuredText, pod, Vim help
    and info files)."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        if flush_left and any(l[:1] in (" ", "\t") for l in lines):
            continue
        out.append(squash(" ".join(lines)))
    return out


RST = [(re.compile(r":[a-z:]+:`~?!?([^`<]*?)(?:\s*<[^>]*>)?`"), r"\1"),
       (re.compile(r"`([^`<]+?)\s*<[^>]*>`_+"), r"\1"),
       (re.compile(r"``([^`]+)``"), r"\1"),
       (re.compile(r"\*\*?([^*]+)\*\*?"), r"\1"),
       (re.compile(r"`([^`]+)`_*"), r"\1")]
POD = re.compile(r"[A-Z]<(?:<+\s)?([^<>]*?)(?:\s>+)?>")


def rst_paragraphs(text):
    out = []
    for p in plain_paragraphs(text):
        for pat, rep in RST:
            p = pat.sub(rep, p)
        out.append(p)
    return out


def pod_paragraphs(text):
    out = []
    for p in plain_paragraphs(text):
        if p.startswith("="):
            continue
        for _ in range(3):
            p = POD.sub(lambda m: m.group(1).split("|")[0], p)
        out.append(p)
    return out


def man_paragraphs(path):
    run = subprocess.run(["mandoc", "-T", "utf8", path], capture_output=True,
                         text=True, errors="replace")
    text = re.sub(r".\x08", "", run.stdout)
    out = []
    # man pages indent every body paragraph by seven spaces; deeper is code
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        if all(re.match(r"^ {7}\S", l) for l in lines if l.strip()):
            out.append(squash(block))
    return out


def fortune_paragraphs(text):
    out = []
    for cookie in text.split("\n%\n"):
        if re.search(r"^\s*--", cookie, re.M) and len(cookie) > 0:
            cookie = re.split(r"\n\s*--", cookie)[0]
        out.extend(plain_paragraphs(cookie, flush_left=False))
    return out


def quoted_strings(path):
    """Translatable strings, _ "..." in Wesnoth's markup and _("...") in
    Freeciv's: story text, dialogue, help and legends."""
    text = read(path)
    out = []
    for m in re.finditer(r'_\(?\s*"((?:[^"\\]|\\.|"")*)"', text, re.S):
        s = m.group(1).replace('""', '"').replace('\\"', '"').replace("\\n", "\n")
        out.extend(plain_paragraphs(s, flush_left=False))
    return out


def wordnet_paragraphs(folder):
    """The example sentences in WordNet's glosses ("; "...")."""
    out = []
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(folder, "data." + pos)
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                if "|" not in line:
                    continue
                for ex in re.findall(r'"([^"]+)"', line.split("|", 1)[1]):
                    ex = ex.strip()
                    if len(ex.split()) >= 4 and ex[:1].isalpha():
                        ex = ex[0].upper() + ex[1:]
                        out.append(ex if ex[-1] in ".!?" else ex + ".")
    return out


# ---- which files ------------------------------------------------------------

def sources(root):
    """(package, path, reader) for every file worth reading."""
    doc = os.path.join(root, "usr/share/doc")
    skip_rust = re.compile(r"/rust-doc/html/(core|std|alloc|proc_macro|test|"
                           r"src|implementors)/")
    for path in sorted(glob.glob(os.path.join(doc, "**/*"), recursive=True)):
        if not os.path.isfile(path):
            continue
        rel = path[len(doc) + 1:]
        pkg = rel.split("/")[0]
        if skip_rust.search(path):
            continue
        name = os.path.basename(path)
        # LilyPond's and others' translations: name.LL.html
        if re.search(r"\.(?:[a-z]{2}|zh_[A-Z]{2}|pt_BR)\.html$", name) and \
                not name.endswith(".en.html"):
            continue
        if name.endswith((".html", ".htm", ".html.gz", ".xhtml")):
            yield pkg, path, lambda p: markup_paragraphs(read(p))
        elif pkg.startswith("linux-doc") and name.endswith((".rst", ".rst.gz")):
            yield pkg, path, lambda p: rst_paragraphs(read(p))
        elif pkg == "python3.11" and name.endswith(".rst.txt"):
            yield pkg, path, lambda p: rst_paragraphs(read(p))
        elif pkg == "jargon-text" and not name.startswith(("changelog", "copyright")):
            yield pkg, path, lambda p: plain_paragraphs(read(p))
    for base in ("usr/share/help/C", "usr/share/gimp/2.0/help/en"):
        for path in sorted(glob.glob(os.path.join(root, base, "**/*"),
                                     recursive=True)):
            if path.endswith((".page", ".xml", ".html")):
                yield "help", path, lambda p: markup_paragraphs(read(p))
    for path in sorted(glob.glob(os.path.join(
            root, "usr/share/libreoffice/help/en-US/**/*.html"), recursive=True)):
        yield "libreoffice-help-en-us", path, lambda p: markup_paragraphs(read(p))
    for path in sorted(glob.glob(os.path.join(
            root, "usr/share/games/wesnoth/*/data/campaigns/**/*.cfg"),
            recursive=True)):
        yield "wesnoth-1.16-data", path, quoted_strings
    for path in sorted(glob.glob(os.path.join(
            root, "usr/share/games/freeciv/**/*.ruleset"), recursive=True)) + \
            sorted(glob.glob(os.path.join(root, "usr/share/games/freeciv/**/*.txt"),
                             recursive=True)):
        yield "freeciv-data", path, quoted_strings
    for path in sorted(glob.glob(os.path.join(root, "usr/share/perl/*/pod/*.pod"))):
        yield "perl-doc", path, lambda p: pod_paragraphs(read(p))
    for path in sorted(glob.glob(os.path.join(root, "usr/share/vim/*/doc/*.txt"))):
        yield "vim-runtime", path, lambda p: plain_paragraphs(read(p))
    for path in sorted(glob.glob(os.path.join(root, "usr/share/info/*.info*.gz"))):
        if "internals" in path or "snippets" in path:
            continue
        yield "info", path, lambda p: plain_paragraphs(read(p))
    for sec in ("1", "5", "7", "8"):
        for path in sorted(glob.glob(os.path.join(root, f"usr/share/man/man{sec}/*.gz"))):
            yield "manpages", path, man_paragraphs
    for path in sorted(glob.glob(os.path.join(root, "usr/share/games/fortunes/*"))):
        if "." not in os.path.basename(path) and "off" not in path:
            yield "fortunes", path, lambda p: fortune_paragraphs(read(p))
    yield "wordnet-base", "/usr/share/wordnet", wordnet_paragraphs
    for path in sorted(glob.glob("/usr/share/doc/python3.11/html/_sources/**/*.rst.txt",
                                 recursive=True)):
        yield "python3.11-doc", path, lambda p: rst_paragraphs(read(p))


def keep(par):
    words = par.split()
    if len(words) < 6 or not PROSE.match(par) or "::" in par or ">>>" in par:
        return False
    letters = sum(c.isalpha() or c.isspace() for c in par)
    if letters / len(par) < 0.88:
        return False
    common = sum(w.lower().strip(",.;:") in COMMON for w in words)
    return common / len(words) > 0.15


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    scratch, out = sys.argv[1], sys.argv[2]
    root = unpack(scratch)
    os.makedirs(out, exist_ok=True)
    seen = set()
    words, n, per, chunks = 0, 0, {}, {}

    def flush(pkg):
        nonlocal n
        name = re.sub(r"[^a-z0-9]+", "-", pkg.lower())
        with open(os.path.join(out, f"{name}-{n:04d}.txt"), "w",
                  encoding="utf-8") as f:
            f.write("\n\n".join(chunks.pop(pkg)) + "\n")
        n += 1

    for pkg, path, reader in sources(root):
        try:
            pars = reader(path)
        except (OSError, UnicodeError, subprocess.SubprocessError):
            continue
        chunk = chunks.setdefault(pkg, [])
        for par in pars:
            if not keep(par):
                continue
            key = hashlib.blake2b(par.lower().encode(), digest_size=8).digest()
            if key in seen:
                continue
            seen.add(key)
            chunk.append(par)
            w = len(par.split())
            words += w
            per[pkg] = per.get(pkg, 0) + w
        if len(chunk) > 5000:
            flush(pkg)
    for pkg in list(chunks):
        if chunks[pkg]:
            flush(pkg)
    for pkg, w in sorted(per.items(), key=lambda x: -x[1]):
        print(f"english: {pkg:28} {w:10}")
    print(f"english: {words} words in {n} files -> {out}")


if __name__ == "__main__":
    main()
