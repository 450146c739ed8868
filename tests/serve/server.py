# SPDX-License-Identifier: MIT
"""Starts `orglineage serve` on a free port of 127.0.0.1 for a test, and stops it (bounded in time)."""
import http.client
import json
import os
import signal
import subprocess
import threading
import time
import urllib.parse


class Server:
    """`orglineage [--data DATA] serve --port 0 ARGS...`: the port is the one the server prints."""

    def __init__(self, program, data=None, args=(), start_timeout=120):
        command = [program] + (["--data", data] if data else []) + ["serve", "--host", "127.0.0.1", "--port", "0"]
        command += list(args)
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.stderr_lines = []
        line = self._first_line(start_timeout)
        marker = "listening on "
        if marker not in line:
            self.process.kill()
            raise RuntimeError("the server did not start: %r %s" % (line, self.process.stderr.read()))
        self.url = line.split(marker, 1)[1].strip()
        parsed = urllib.parse.urlparse(self.url)
        self.host, self.port = parsed.hostname, parsed.port
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _first_line(self, timeout):
        result = []
        reader = threading.Thread(target=lambda: result.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        return result[0] if result else ""

    def _drain_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line)

    def request(self, method, target, body=None, headers=None, timeout=30):
        """(status, headers dict with lower-case names, body bytes)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, target, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def get_json(self, target):
        status, headers, body = self.request("GET", target)
        return status, json.loads(body.decode("utf-8"))

    def alive(self):
        return self.process.poll() is None

    def stop(self, timeout=10):
        """SIGTERM, then the exit code (killed and -9 past `timeout` seconds)."""
        code = self.process.returncode
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                code = self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                code = -9
        self.process.stdout.close()
        return code if code is not None else self.process.returncode
