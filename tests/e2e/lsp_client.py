"""A small Language Server Protocol client over a subprocess's pipes, for
tests/e2e/test_lsp.py and bench/lsp_latency.py: frames and unframes
messages, keeps the notifications it reads while waiting for a response,
and waits for the diagnostics of a document (optionally of a version).
Not a test itself (its name does not start with test_)."""
import json
import os
import select
import subprocess
import time


def uri_of(path):
    return "file://" + os.path.abspath(path)


class LspClient:
    def __init__(self, command, cwd=None, stderr=None, env=None):
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=stderr, env=env)
        self.next_id = 1
        self.buffer = b""
        self.notifications = []

    # ---- framing ----
    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _read_some(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no message from the server in time")
        ready, _, _ = select.select([self.process.stdout], [], [], remaining)
        if not ready:
            raise TimeoutError("no message from the server in time")
        chunk = os.read(self.process.stdout.fileno(), 65536)
        if not chunk:
            raise EOFError("the server closed its output")
        self.buffer += chunk

    def read_message(self, timeout=60):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buffer:
            self._read_some(deadline)
        header, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = None
        for line in header.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            raise ValueError("a header without Content-Length: %r" % header)
        self.buffer = rest
        while len(self.buffer) < length:
            self._read_some(deadline)
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return json.loads(body)

    # ---- requests and notifications ----
    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request_async(self, method, params=None):
        request_id = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return request_id

    def response(self, request_id, timeout=60):
        deadline = time.monotonic() + timeout
        for index, message in enumerate(self.notifications):
            if message.get("id") == request_id and "method" not in message:
                return self.notifications.pop(index)
        while True:
            message = self.read_message(max(0.01, deadline - time.monotonic()))
            if message.get("id") == request_id and "method" not in message:
                return message
            self.notifications.append(message)

    def request(self, method, params=None, timeout=60):
        return self.response(self.request_async(method, params), timeout)

    def wait_for(self, predicate, timeout=60):
        """The first message (kept or new) for which predicate is true."""
        deadline = time.monotonic() + timeout
        for index, message in enumerate(self.notifications):
            if predicate(message):
                return self.notifications.pop(index)
        while True:
            message = self.read_message(max(0.01, deadline - time.monotonic()))
            if predicate(message):
                return message
            self.notifications.append(message)

    def diagnostics(self, uri, version=None, timeout=60):
        def matches(message):
            if message.get("method") != "textDocument/publishDiagnostics":
                return False
            params = message["params"]
            return params["uri"] == uri and (version is None or params.get("version") == version)
        return self.wait_for(matches, timeout)["params"]

    # ---- session helpers ----
    def initialize(self, root, options=None):
        params = {"processId": os.getpid(), "rootUri": uri_of(root), "capabilities": {}}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, path, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri_of(path), "languageId": "c", "version": version, "text": text}})

    def change(self, path, version, text=None, range_=None):
        change = {"text": text}
        if range_ is not None:
            change["range"] = range_
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri_of(path), "version": version},
            "contentChanges": [change]})

    def shutdown_and_exit(self, timeout=60):
        response = self.request("shutdown")
        self.notify("exit")
        self.process.stdin.close()
        status = self.process.wait(timeout)
        return response, status

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream and not stream.closed:
                stream.close()


def rss_kib(pid):
    """The resident set size of process `pid` in KiB (Linux)."""
    with open("/proc/%d/status" % pid) as stream:
        for line in stream:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0
