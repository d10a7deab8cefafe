"""A small LSP client over a pipe, for the tests and the benchmark.

Stdlib only.  A reader thread splits the server's output into messages
(Content-Length framing) and queues them, so the client never blocks the
server by not reading; tests wait for a message that matches.
"""
import json
import os
import queue
import subprocess
import threading
import time


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, binary, args=(), cwd=None, taskset=None):
        cmd = [binary, "lsp"] + list(args)
        if taskset is not None:
            cmd = ["taskset", "-c", str(taskset)] + cmd
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.backlog = []
        self.next_id = 1
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = out.read(length)
            msg = json.loads(body)
            msg["_at"] = time.monotonic()
            self.messages.put(msg)

    # ---- sending ----
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.send_raw(frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def request(self, method, params=None, timeout=10):
        rid = self.request_async(method, params)
        return self.wait(lambda m: m.get("id") == rid and "method" not in m,
                         timeout)

    # ---- receiving ----
    def wait(self, pred, timeout=10):
        """The first message (queued or to come) that matches; the others
        stay queued for later waits."""
        for i, m in enumerate(self.backlog):
            if pred(m):
                return self.backlog.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message from the server")
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                self.messages.put(None)
                raise EOFError("the server closed its output")
            if pred(m):
                return m
            self.backlog.append(m)

    def diagnostics(self, uri, timeout=10, version=None):
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or
                                        p.get("version") == version)
        return self.wait(match, timeout)["params"]["diagnostics"]

    def drain(self):
        while True:
            try:
                m = self.messages.get_nowait()
            except queue.Empty:
                return
            if m is None:
                self.messages.put(None)
                return
            self.backlog.append(m)

    def initialize(self, encodings=None, options=None, root=None):
        caps = {"textDocument": {"codeAction": {}}}
        if encodings is not None:
            caps["general"] = {"positionEncodings": encodings}
        params = {"processId": os.getpid(), "capabilities": caps,
                  "rootUri": root}
        if options is not None:
            params["initializationOptions"] = options
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def close(self, timeout=10):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        return self.proc.wait(timeout)

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0
