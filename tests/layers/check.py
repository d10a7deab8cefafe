#!/usr/bin/env python3
"""make check-layers: the house rules of the source tree (docs/ARCHITECTURE.md).

Fails when an arrow points the wrong way:
  - a rule includes anything but draftlint/*.h, registry.h, lang/ and its own
    folder (rules/NAME.c and rules/NAME/ share NAME/);
  - doc/, lang/, input/ or util/ include a rule, the registry, the engine,
    the configuration, a reporter or the fixer; a reporter includes the
    registry or a rule's header;
  - code outside src/input/ opens a file (the writers are named below);
and when a .c or .h file passes 900 lines or a function 120.
"""
import os
import re
import sys

ROOT = os.environ.get('DRAFTLINT_LAYERS_ROOT') or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
OPENS = re.compile(r'\b(fopen|fdopen|open|openat|opendir|mmap)\s*\(')
# Code that writes, and so must open: the fixer (drafts, atomically), the
# report's -o file, and `learn`'s model file.
WRITERS = ('src/fix/', 'src/report/output.c', 'src/learn.c')
MAX_FILE, MAX_FUNCTION = 900, 120

# What each lower layer may include (a prefix of the quoted path).
LOWER = {
    'src/util/': ('draftlint/', 'util/'),
    'src/input/': ('draftlint/', 'util/', 'input/'),
    'src/lang/': ('draftlint/', 'util/', 'lang/', 'input/'),
    'src/doc/': ('draftlint/', 'util/', 'doc/', 'lang/'),
}


def sources():
    for top in ('src', 'rules', 'include'):
        for d, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if f.endswith(('.c', '.h')):
                    yield os.path.relpath(os.path.join(d, f), ROOT)


def rule_folders():
    rules = os.path.join(ROOT, 'rules')
    return {n for n in os.listdir(rules) if os.path.isdir(os.path.join(rules, n))
            and n != 'data'}


def code_lines(text):
    """The lines with comments and string literals blanked out."""
    text = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group()), text,
                  flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"'(\\.|[^'\\\n])*'", "''", text).split('\n')


def long_functions(lines):
    depth, start = 0, None
    for i, line in enumerate(lines):
        for ch in line:
            if ch == '{':
                if depth == 0 and ')' in line:
                    start = i
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0 and start is not None:
                    if i - start + 1 > MAX_FUNCTION:
                        yield start + 1, i - start + 1
                    start = None


def include_problem(path, inc, folders):
    if path.startswith('rules/'):
        parts = path.split('/')
        own = parts[1] if len(parts) > 2 else os.path.splitext(parts[1])[0]
        if inc in ('registry.h', 'rules.def') or inc.startswith(('draftlint/', 'lang/', own + '/')):
            return None
        return 'a rule may include draftlint/*.h, registry.h, lang/ and %s/ only' % own
    for layer, allowed in LOWER.items():
        if path.startswith(layer):
            if inc.startswith(allowed):
                return None
            return '%s may include %s only' % (layer, ', '.join(allowed))
    if path.startswith('src/report/'):
        if inc in ('registry.h', 'rules.def') or inc.split('/')[0] in folders:
            return 'a reporter knows diagnostics, not rules'
    if path.startswith('include/') and not inc.startswith('draftlint/'):
        return 'the public API includes only draftlint/*.h'
    return None


def main():
    folders = rule_folders()
    problems, files = [], 0
    for path in sources():
        files += 1
        text = open(os.path.join(ROOT, path), encoding='utf-8').read()
        raw = text.split('\n')
        if len(raw) > MAX_FILE:
            problems.append('%s: %d lines (at most %d)' % (path, len(raw), MAX_FILE))
        for n, line in enumerate(raw, 1):
            m = INCLUDE.match(line)
            why = m and include_problem(path, m.group(1), folders)
            if why:
                problems.append('%s:%d: includes "%s": %s' % (path, n, m.group(1), why))
        lines = code_lines(text)
        if path.endswith('.c') and not path.startswith(('src/input/',) + WRITERS):
            for n, line in enumerate(lines, 1):
                m = OPENS.search(line)
                if m:
                    problems.append('%s:%d: calls %s(): only src/input/ reads files'
                                    % (path, n, m.group(1)))
        for start, length in long_functions(lines):
            problems.append('%s:%d: a function of %d lines (at most %d)'
                            % (path, start, length, MAX_FUNCTION))
    for p in problems:
        print('layers: ' + p)
    print('layers: %d files, %d problems' % (files, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
