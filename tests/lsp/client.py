#!/usr/bin/env python3
"""The language server driven by a scripted client, one case per protocol
rule: lifecycle, position encodings, full and incremental sync, diagnostics
against the command line's JSON report, code actions, configuration, and
every malformed input the specification names.

usage: client.py BUILD/draftlint
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, frame  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "examples", "the-product-is-the-process.md")
BIN = None
FAILS = []
TMP = tempfile.mkdtemp(prefix="draftlint-lsp-")


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(path)


def open_doc(s, uri, text, version=1, language="markdown"):
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": version,
        "text": text}})


def cli_json(path, *args):
    out = subprocess.run([BIN, "--format", "json", *args, path],
                         capture_output=True, text=True).stdout
    return json.loads(out)["diagnostics"]


def key(d):
    return (d["range"]["start"]["line"], d["code"])


def cli_key(d):
    return (d["line"] - 1, d["rule"])


def units(ch, enc):
    if enc == "utf-8":
        return len(ch.encode())
    return 2 if ord(ch) > 0xFFFF else 1


def py_offset(text, line, character, enc):
    """Index into `text` of an LSP position (LF, CRLF and CR end lines)."""
    i, n = 0, len(text)
    for _ in range(line):
        while i < n and text[i] not in "\r\n":
            i += 1
        if i >= n:
            return n
        i += 2 if text[i] == "\r" and i + 1 < n and text[i + 1] == "\n" else 1
    u = 0
    while i < n and text[i] not in "\r\n" and u < character:
        u += units(text[i], enc)
        i += 1
    return i


def py_position(text, index, enc):
    line, start, i = 0, 0, 0
    while i < index:
        if text[i] in "\r\n":
            if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
            line, start = line + 1, i + 1
        i += 1
    return line, sum(units(c, enc) for c in text[start:index])


def apply_edit(text, edit, enc):
    r = edit["range"]
    a = py_offset(text, r["start"]["line"], r["start"]["character"], enc)
    b = py_offset(text, r["end"]["line"], r["end"]["character"], enc)
    return text[:a] + edit["newText"] + text[b:]


# ---- the cases ---------------------------------------------------------

def case_lifecycle():
    s = Server(BIN)
    r = s.request("textDocument/codeAction", {})
    check(r.get("error", {}).get("code") == -32002,
          "a request before initialize gets ServerNotInitialized (-32002)")
    open_doc(s, "file:///early.md", "# A\n\n# A\n")
    r = s.request("shutdown")
    check(r["error"]["code"] == -32002, "shutdown before initialize: -32002")
    r = s.initialize()
    caps = r["result"]["capabilities"]
    check(caps["positionEncoding"] == "utf-16",
          "no positionEncodings offered: utf-16")
    check(caps["textDocumentSync"]["change"] == 2 and
          caps["textDocumentSync"]["openClose"],
          "incremental sync and open/close announced")
    check(caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"],
          "quick fixes announced")
    r = s.request("initialize", {"capabilities": {}})
    check(r.get("error", {}).get("code") == -32600,
          "a second initialize is an InvalidRequest (-32600)")
    r = s.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///early.md"},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 0, "character": 0}}})
    check(r.get("error", {}).get("code") == -32602,
          "the didOpen sent before initialize was dropped (unknown document)")
    r = s.request("shutdown")
    check("result" in r and r["result"] is None, "shutdown answers null")
    r = s.request("textDocument/codeAction", {})
    check(r.get("error", {}).get("code") == -32600,
          "a request after shutdown is an InvalidRequest (-32600)")
    s.notify("exit")
    check(s.proc.wait(10) == 0, "exit after shutdown: exit code 0")

    s = Server(BIN)
    s.initialize()
    s.notify("exit")
    check(s.proc.wait(10) == 1, "exit without shutdown: exit code 1")

    s = Server(BIN)
    s.initialize()
    check(s.close() == 1, "input closed without shutdown: exit code 1")
    s = Server(BIN)
    s.initialize()
    s.request("shutdown")
    check(s.close() == 0, "input closed after shutdown: exit code 0")


def case_command_line():
    r = subprocess.run([BIN, "lsp", "draft.md"], capture_output=True,
                       text=True)
    check(r.returncode == 2 and "lsp takes no path" in r.stderr,
          "draftlint lsp PATH: a usage error (exit 2)")
    r = subprocess.run([BIN, "lsp", "--bogus"], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL)
    check(r.returncode == 2 and "'--bogus'" in r.stderr,
          "draftlint lsp --bogus: a usage error (exit 2)")
    s = Server(BIN, ["--stdio", "--disable", "unclosed-emphasis"])
    s.initialize()
    open_doc(s, "file:///cl.md", "# A\n\nA *b\n\n# A\n")
    d = s.diagnostics("file:///cl.md")
    check([x["code"] for x in d] == ["duplicate-heading"],
          "draftlint lsp --stdio --disable RULE: the option applies to every "
          "draft")
    s.request("shutdown")
    s.notify("exit")
    s.proc.wait(10)


def case_encodings():
    text = "# Caf\u00e9 \U0001F600 x\n\nA \U0001F600 *unclosed emphasis here.\n"
    for offered, want, col in ((["utf-8", "utf-16"], "utf-8", 7),
                               (["utf-16"], "utf-16", 5),
                               (["utf-32"], "utf-16", 5)):
        s = Server(BIN)
        r = s.initialize(offered)
        got = r["result"]["capabilities"]["positionEncoding"]
        check(got == want, "offered %s: negotiated %s" % (offered, got))
        open_doc(s, "file:///enc.md", text)
        d = [x for x in s.diagnostics("file:///enc.md")
             if x["code"] == "unclosed-emphasis"]
        check(len(d) == 1 and d[0]["range"]["start"] ==
              {"line": 2, "character": col},
              "%s: the '*' after an emoji is at character %d" % (want, col))
        s.request("shutdown")
        s.notify("exit")
        s.proc.wait(10)


def case_seed_against_cli():
    s = Server(BIN)
    s.initialize(["utf-16"])
    with open(SEED, encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(TMP, "seed.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    uri = uri_of(path)
    open_doc(s, uri, text)
    diags = s.diagnostics(uri)
    want = cli_json(path)
    check(sorted(map(key, diags)) == sorted(map(cli_key, want)),
          "the seed: %d diagnostics on the lines and rules of --format json"
          % len(diags))
    sev = {"error": 1, "warning": 2, "info": 3}
    ok = all(d["severity"] == sev[w["severity"]] and d["message"] ==
             w["message"] and d["data"]["kind"] == w["kind"] and
             d["data"]["confidence"] == w["confidence"] and
             d["source"] == "draftlint" and
             d["codeDescription"]["href"] == w["url"]  # the CLI's link
             and w["url"].endswith("/rules/%s.md" % w["rule"])
             for d, w in zip(sorted(diags, key=lambda d: (key(d), d["message"])),
                             sorted(want, key=lambda w: (cli_key(w), w["message"]))))
    check(ok, "severity, message, kind, confidence, source and rule link "
          "match the CLI")
    # columns: the CLI counts code points from 1, UTF-16 from 0 (the seed
    # has no character outside the BMP)
    cols = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["character"]) for d in diags)
    wcols = sorted((w["line"] - 1, w["column"] - 1, w["end_column"] - 1)
                   for w in want)
    check(cols == wcols, "ranges match the CLI's columns")
    return s, uri, text, path


def case_sync(s, uri, text):
    # full sync to a clean text, then back
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": "# Clean\n\nNothing to see.\n"}]})
    check(s.diagnostics(uri, version=2) == [],
          "full sync to a clean text: no diagnostics")
    # random incremental edits, mirrored here, must leave the server's text
    # equal to ours: a fresh document with our text lints the same
    rnd = random.Random(16)
    cur = "# T\n\nCaf\u00e9 \U0001F600 line\r\nsecond\rthird\n"
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"text": cur}]})
    pieces = ["x", "\U0001F600", "\u00e9", "\n", "\r\n", "# T\n\n", "*a ",
              " _b", "[TBM 12/53: x](https://substack.com/)", ""]
    version = 3
    for _ in range(60):
        a = rnd.randrange(len(cur) + 1)
        b = min(len(cur), a + rnd.randrange(4))
        # never split a CRLF: an editor would not
        if 0 < a < len(cur) and cur[a - 1] == "\r" and cur[a] == "\n":
            a += 1
            b = max(a, b)
        if 0 < b < len(cur) and cur[b - 1] == "\r" and cur[b] == "\n":
            b += 1
        sl, sc = py_position(cur, a, "utf-16")
        el, ec = py_position(cur, b, "utf-16")
        new = rnd.choice(pieces)
        version += 1
        s.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {
                "start": {"line": sl, "character": sc},
                "end": {"line": el, "character": ec}}, "text": new}]})
        cur = cur[:a] + new + cur[b:]
    got = s.diagnostics(uri, version=version)
    other = "file:///mirror.md"
    open_doc(s, other, cur)
    want = s.diagnostics(other)
    check(json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True)
          and len(got) > 0,
          "60 random incremental UTF-16 edits (emoji, CRLF, CR) leave the "
          "text a full open gives (%d diagnostics)" % len(got))
    s.notify("textDocument/didClose", {"textDocument": {"uri": other}})
    check(s.diagnostics(other) == [], "didClose clears the diagnostics")
    s.drain()
    # debounce: a burst of changes is linted far fewer times than it has
    before = len([m for m in s.backlog
                  if m.get("method") == "textDocument/publishDiagnostics"])
    for i in range(40):
        version += 1
        s.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {
                "start": {"line": 0, "character": 0},
                "end": {"line": 0, "character": 0}}, "text": "y"}]})
    s.diagnostics(uri, version=version)
    time.sleep(0.2)
    s.drain()
    n = len([m for m in s.backlog
             if m.get("method") == "textDocument/publishDiagnostics"]) - before
    check(n < 20, "40 changes in a burst: %d publications (debounced), the "
          "last for the last version" % (n + 1))
    s.backlog.clear()
    return version


def case_code_actions(s, uri, text, path, version):
    version += 1
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"text": text}]})
    diags = s.diagnostics(uri, version=version)
    fixable = [d for d in diags if d["code"] == "tbm-link"]
    want_fixes = [w for w in cli_json(path) if "fix" in w]
    d = fixable[0]
    r = s.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d["range"],
        "context": {"diagnostics": [d]}})
    acts = r["result"]
    fixes = [a for a in acts if a.get("isPreferred")]
    disables = [a for a in acts if a["title"].startswith("Disable ")]
    check(len(fixes) >= 1 and all(a["kind"] == "quickfix" for a in acts),
          "a fixable finding offers its fix as a preferred quick fix")
    edit = fixes[0]["edit"]["changes"][uri][0]
    w = [w for w in want_fixes if w["line"] - 1 == d["range"]["start"]["line"]
         and w["fix"]["replacement"] == edit["newText"]]
    check(len(w) == 1 and edit["range"]["start"] ==
          {"line": w[0]["fix"]["line"] - 1,
           "character": w[0]["fix"]["column"] - 1},
          "the quick fix is the CLI's fix, at the same place")
    check(len(disables) == 1 and "draftlint-disable-next-line tbm-link" in
          disables[0]["edit"]["changes"][uri][0]["newText"],
          "and 'Disable tbm-link on this line' inserts the comment")
    # apply the fix: that finding goes, the others stay
    fixed = apply_edit(text, edit, "utf-16")
    version += 1
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": edit["range"],
                            "text": edit["newText"]}]})
    after = s.diagnostics(uri, version=version)
    check(len(after) == len(diags) - 1 and
          not any(a["code"] == "tbm-link" and a["range"]["start"]["line"] ==
                  d["range"]["start"]["line"] for a in after),
          "after the quick fix the finding is gone (%d -> %d)"
          % (len(diags), len(after)))
    # apply every disable action in turn: each silences its own finding
    cur, count = fixed, len(after)
    for target in ("unclosed-emphasis", "incoherent-sentence"):
        # the first and the last (on other lines, of other paragraphs)
        for pick in (0, -1):
            dd = [a for a in after if a["code"] == target][pick]
            r = s.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": dd["range"],
                "context": {"diagnostics": [dd]}})
            act = [a for a in r["result"]
                   if a["title"] == "Disable %s on this line" % target][0]
            e = act["edit"]["changes"][uri][0]
            cur = apply_edit(cur, e, "utf-16")
            version += 1
            s.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": cur}]})
            after = s.diagnostics(uri, version=version)
            with open(path + ".tmp.md", "w", encoding="utf-8") as f:
                f.write(cur)
            cli = cli_json(path + ".tmp.md")
            check(len(after) < count and len(after) == len(cli),
                  "disabling %s on line %d removes it (%d -> %d) and the CLI "
                  "agrees" % (target, dd["range"]["start"]["line"] + 1, count,
                              len(after)))
            count = len(after)
    r = s.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": after[0]["range"], "context": {"diagnostics": [],
                                                "only": ["refactor"]}})
    check(r["result"] == [], "context.only without quickfix: no actions")
    r = s.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///never-opened.md"},
        "range": after[0]["range"], "context": {"diagnostics": []}})
    check(r.get("error", {}).get("code") == -32602,
          "code actions for an unknown document: InvalidParams (-32602)")
    return version


def render(text):
    """cmark's HTML without comments or spaces: what a reader sees."""
    import re
    html = subprocess.run(["cmark", "--unsafe"], input=text, text=True,
                          capture_output=True).stdout
    return re.sub(r"\s+", "", re.sub(r"<!--.*?-->", "", html, flags=re.S))


def case_disable_everywhere():
    text = ("First line of a paragraph  \nsecond line with *unclosed.\n\n"
            "> quoted first line\n> quoted *second line.\n\n"
            "- item one\n- item *two\n\n# Title\nright after *a heading\n\n"
            "Setext\n======\nafter *setext\n\n    code\n\nafter *code\r\n"
            "para\\\nafter a *backslash break\n")
    s = Server(BIN)
    s.initialize()
    uri = "file:///everywhere.md"
    open_doc(s, uri, text)
    d = s.diagnostics(uri)
    n0, version, cur = len(d), 1, text
    while d and version < 20:
        r = s.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d[0]["range"],
            "context": {"diagnostics": [d[0]]}})
        e = [a for a in r["result"] if a["title"].startswith("Disable")]
        cur = apply_edit(cur, e[0]["edit"]["changes"][uri][0], "utf-16")
        version += 1
        s.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": cur}]})
        d = s.diagnostics(uri, version=version)
    check(n0 == 7 and d == [],
          "'disable on this line' silences each of %d findings: in a "
          "paragraph, a quote, a list, after headings, code, hard breaks" % n0)
    check(render(cur) == render(text),
          "and the draft renders as before (no list split, no code block)")
    s.request("shutdown")
    s.notify("exit")
    s.proc.wait(10)


def case_configuration(s, uri, version):
    s.drain()
    s.backlog.clear()
    s.notify("workspace/didChangeConfiguration", {"settings": {
        "draftlint": {"args": ["--disable", "incoherent-sentence"]}}})
    d = s.diagnostics(uri)
    check(d and not any(x["code"] == "incoherent-sentence" for x in d),
          "didChangeConfiguration --disable incoherent-sentence: relinted "
          "without it")
    s.notify("workspace/didChangeConfiguration", {"settings": {
        "draftlint": {"args": ["--disable", "no-such-rule"]}}})
    m = s.wait(lambda m: m.get("method") == "window/showMessage")
    check(m["params"]["type"] == 1 and "no-such-rule" in
          m["params"]["message"],
          "bad settings: an error message naming the bad rule")
    d = s.diagnostics(uri)
    check(not any(x["code"] == "incoherent-sentence" for x in d),
          "and the previous configuration stays in force")
    s.notify("workspace/didChangeConfiguration", {"settings": None})
    d = s.diagnostics(uri)
    check(any(x["code"] == "incoherent-sentence" for x in d),
          "settings null: back to the command line's configuration")
    # stale: with a long debounce, code actions right after a change get
    # ContentModified
    s.notify("workspace/didChangeConfiguration", {"settings": {
        "draftlint": {"debounce": 3000}}})
    s.diagnostics(uri)
    version += 1
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                      "end": {"line": 0, "character": 0}},
                            "text": " "}]})
    r = s.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": d[0]["range"],
        "context": {"diagnostics": []}})
    check(r.get("error", {}).get("code") == -32801,
          "code actions on a version not yet linted: ContentModified (-32801)")
    s.notify("workspace/didChangeConfiguration", {"settings": {
        "draftlint": {"debounce": 20}}})
    s.diagnostics(uri, version=version)


def case_draftlint_ini():
    folder = os.path.join(TMP, "with ini")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "draft.md")
    text = "# Same\n\nText.\n\n# Same\n\nA *b\n"
    with open(path, "w") as f:
        f.write(text)
    ini = os.path.join(folder, ".draftlint.ini")
    with open(ini, "w") as f:
        f.write("disable = duplicate-heading\n")
    s = Server(BIN)
    s.initialize()
    uri = uri_of(path)
    open_doc(s, uri, text)
    d = s.diagnostics(uri)
    check(sorted(map(key, d)) == sorted(map(cli_key, cli_json(path))) and
          [x["code"] for x in d] == ["unclosed-emphasis"],
          "a .draftlint.ini beside the draft applies (path with a space, "
          "percent-encoded URI)")
    with open(ini, "w") as f:
        f.write("disable = unclosed-emphasis\n")
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(ini)}})
    d = s.diagnostics(uri)
    check([x["code"] for x in d] == ["duplicate-heading"],
          "saving the .draftlint.ini reads it again")
    with open(ini, "w") as f:
        f.write("[no-such-rule]\nseverity = error\n")
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(ini)}})
    m = s.wait(lambda m: m.get("method") == "window/showMessage")
    check(".draftlint.ini:" in m["params"]["message"],
          "a bad .draftlint.ini: a message naming the file and line (%s)"
          % m["params"]["message"][:70])
    s.request("shutdown")
    s.notify("exit")
    s.proc.wait(10)


def case_malformed():
    s = Server(BIN)
    s.initialize()

    def alive(what):
        r = s.request("no/such/method")
        check(r.get("error", {}).get("code") == -32601, what)

    alive("an unknown request: MethodNotFound (-32601)")
    s.notify("no/such/notification", {})
    s.notify("$/cancelRequest", {"id": 1})
    s.notify("$/setTrace", {"value": "off"})
    r = s.request("$/unknownRequest")
    check(r.get("error", {}).get("code") == -32601,
          "unknown notifications are ignored ($/ ones too); a $/ request "
          "gets -32601")
    s.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    r = s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    check(r["id"] is None, "invalid JSON: ParseError (-32700) with id null")
    s.send_raw(b"Content-Length: 2\r\n\r\n[]")
    r = s.wait(lambda m: "error" in m and m["error"]["code"] == -32600)
    check(r["id"] is None, "a batch: InvalidRequest (-32600)")
    s.send(({"id": 7, "method": "shutdown"}))
    r = s.wait(lambda m: m.get("id") == 7)
    check(r["error"]["code"] == -32600, "no \"jsonrpc\": InvalidRequest")
    s.send({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})
    r = s.wait(lambda m: "error" in m and m["error"]["code"] == -32600)
    check(r["id"] is None, "an object as id: InvalidRequest with id null")
    s.send({"jsonrpc": "2.0", "id": 8, "method": "textDocument/codeAction",
            "params": 3})
    r = s.wait(lambda m: m.get("id") == 8)
    check(r["error"]["code"] == -32600, "params a number: InvalidRequest")
    s.send({"jsonrpc": "2.0", "id": 9, "result": None})
    alive("a response from the client is ignored")
    s.send_raw(b"Content-Type: application/json\r\n\r\n{}")
    r = s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    check("Content-Length" in r["error"]["message"],
          "a header without Content-Length: ParseError naming it")
    alive("the server skips to the next message")
    s.send_raw(b"Content-Length: abc\r\n\r\n")
    s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    alive("Content-Length not a number: ParseError, then the next message")
    s.send_raw(b"garbage without a colon\r\n\r\n")
    s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    alive("a header line that is not 'Name: value': ParseError, recovered")
    body = json.dumps({"jsonrpc": "2.0", "id": 50, "method": "x/y"}).encode()
    s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 5) + body)
    s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    alive("a Content-Length too short: ParseError, and the next message is "
          "found")
    body = json.dumps({"jsonrpc": "2.0", "id": 51, "method": "x/y"}).encode()
    s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) + 30) + body)
    s.notify("$/sacrificed", {"padding": "x" * 40})
    s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    alive("a Content-Length too long eats into the next message; the one "
          "after is answered")
    s.send_raw(b"Content-Length: 99999999999999999999999\r\n\r\n")
    s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    alive("an absurd Content-Length: ParseError, not an allocation")
    s.send_raw(b"X-Long: " + b"a" * 20000 + b"\r\n\r\n")
    s.wait(lambda m: "error" in m and m["error"]["code"] == -32700)
    alive("a header longer than 8 KiB: ParseError")
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": "file:///nope.md", "version": 2},
        "contentChanges": [{"text": "x"}]})
    m = s.wait(lambda m: m.get("method") == "window/logMessage")
    check("not open" in m["params"]["message"],
          "didChange for an unknown document: a log message, no crash")
    open_doc(s, "file:///bad-range.md", "abc\n")
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": "file:///bad-range.md", "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 3},
                                      "end": {"line": 0, "character": 1}},
                            "text": "x"}]})
    m = s.wait(lambda m: m.get("method") == "window/logMessage")
    check("before it starts" in m["params"]["message"],
          "a change whose range ends before it starts: logged, refused")
    open_doc(s, "file:///notes.txt", "# A\n\n# A\n", language="plaintext")
    r = s.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///notes.txt"},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 0, "character": 0}}})
    check(r.get("result") == [], "a plain-text document is not linted")
    rnd = random.Random(7)
    junk = bytes(rnd.randrange(256) for _ in range(20000))
    s.send_raw(junk + b"\r\n\r\n")
    s.send_raw(b"\r\n\r\n")
    alive("20 KB of random bytes: the server is still answering")
    s.request("shutdown")
    s.notify("exit")
    check(s.proc.wait(10) == 0 and b"AddressSanitizer" not in s.stderr,
          "and exits cleanly")


def case_huge():
    s = Server(BIN)
    s.initialize()
    with open(SEED, encoding="utf-8") as f:
        text = f.read()
    huge = text * 4000  # about 12 MB
    t0 = time.monotonic()
    open_doc(s, "file:///huge.md", huge)
    r = s.request("no/such/method", timeout=60)
    answered = time.monotonic() - t0
    s.drain()
    early = [m for m in s.backlog
             if m.get("method") == "textDocument/publishDiagnostics"]
    check(r["error"]["code"] == -32601 and not early,
          "a %d MB draft is being linted, yet a request is answered first "
          "(in %.2f s, the text's transfer included)"
          % (len(huge) >> 20, answered))
    open_doc(s, "file:///small.md", "# A\n\n# A\n")
    d = s.diagnostics("file:///small.md", timeout=120)
    check(len(d) == 1, "a small draft opened after it gets its diagnostics")
    s.request("shutdown")
    t0 = time.monotonic()
    s.notify("exit")
    rc = s.proc.wait(60)
    check(rc == 0, "exit while a huge draft is linted: code 0 in %.2f s"
          % (time.monotonic() - t0))


def main():
    global BIN
    BIN = os.path.abspath(sys.argv[1])
    case_lifecycle()
    case_command_line()
    case_encodings()
    s, uri, text, path = case_seed_against_cli()
    version = case_sync(s, uri, text)
    version = case_code_actions(s, uri, text, path, version)
    case_configuration(s, uri, version)
    s.request("shutdown")
    s.notify("exit")
    check(s.proc.wait(10) == 0, "the seed session ends with code 0")
    case_disable_everywhere()
    case_draftlint_ini()
    case_malformed()
    case_huge()
    if FAILS:
        print("lsp client: %d FAILED" % len(FAILS))
        sys.exit(1)
    print("lsp client: every case passed")


if __name__ == "__main__":
    main()
