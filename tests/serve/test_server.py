# SPDX-License-Identifier: MIT
"""orglineage serve as a server: its own endpoints, its limits, malformed requests and shutdown.

Run: python3 test_server.py ORGLINEAGE_PROGRAM DATA_DIR (ctest does, as serve.server)."""
import json
import os
import socket
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import Server  # noqa: E402

PROGRAM, DATA = sys.argv[1], sys.argv[2]
# Short limits, so that the slow-client and full-server cases end in a second.
ARGS = ["--timeout", "1000", "--max-connections", "8", "--max-body", "65536", "--threads", "2"]


def raw_exchange(server, payload, timeout=5.0):
    """Sends bytes on a fresh connection and returns what comes back until the server closes."""
    with socket.create_connection((server.host, server.port), timeout=timeout) as s:
        s.sendall(payload)
        chunks = []
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    break
                chunks.append(data)
        except (socket.timeout, ConnectionResetError):
            pass
    return b"".join(chunks)


def status_of(reply):
    first = reply.split(b"\r\n", 1)[0].split(b" ")
    return int(first[1]) if len(first) > 1 and first[1].isdigit() else None


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(PROGRAM, DATA, ARGS)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def assert_error(self, status, body, expected_status, message_part):
        self.assertEqual(status, expected_status, body)
        doc = json.loads(body)
        self.assertIn(message_part, doc["error"]["message"])
        self.assertEqual(doc["error"]["status"], expected_status)

    def test_health_answers_ok(self):
        status, doc = self.server.get_json("/health")
        self.assertEqual((status, doc), (200, {"status": "ok"}))

    def test_version_names_library_data_and_horizon(self):
        status, doc = self.server.get_json("/version")
        self.assertEqual(status, 200)
        self.assertRegex(doc["library"], r"^\d+\.\d+\.\d+")
        self.assertEqual(doc["data"]["name"], "nhs-england")
        self.assertRegex(doc["data"]["version"], r"^\d{4}\.\d+")
        self.assertRegex(doc["data"]["horizon"], r"^\d{4}-\d\d-\d\d$")

    def test_openapi_describes_every_endpoint(self):
        status, doc = self.server.get_json("/openapi.json")
        self.assertEqual(status, 200)
        self.assertTrue(doc["openapi"].startswith("3."))
        for path in ["/health", "/version", "/openapi.json", "/"]:
            self.assertIn(path, doc["paths"])
        # Every path it lists is served: a GET without parameters is never a 404 "no such endpoint"
        # nor a 5xx (a question without its parameters is a 400).
        for path, item in doc["paths"].items():
            method = "GET" if "get" in item else "POST"
            status, _, body = self.server.request(method, path, body=b"" if method == "POST" else None)
            self.assertLess(status, 500, path)
            if status == 404:
                self.assertNotIn(b"no such endpoint", body, path)

    def test_page_is_served_from_the_binary(self):
        status, headers, body = self.server.request("GET", "/")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/html"))
        self.assertIn(b"<title>orglineage", body)
        self.assertIn("default-src 'none'", headers["content-security-policy"])
        for asset, kind in [("/app.js", "text/javascript"), ("/style.css", "text/css")]:
            status, headers, body = self.server.request("GET", asset)
            self.assertEqual(status, 200, asset)
            self.assertTrue(headers["content-type"].startswith(kind), asset)

    def test_head_gives_the_length_without_the_body(self):
        status, headers, body = self.server.request("HEAD", "/health")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertEqual(int(headers["content-length"]), len(b'{\n  "status": "ok"\n}\n'))

    def test_no_request_reads_a_file(self):
        for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "//etc/passwd",
                       "/app.js/../../../etc/passwd"]:
            status, _, body = self.server.request("GET", target)
            self.assertEqual(status, 404, target)
            self.assertNotIn(b"root:", body)

    def test_unknown_endpoint_is_404_with_a_json_error(self):
        status, _, body = self.server.request("GET", "/nowhere")
        self.assert_error(status, body, 404, "no such endpoint '/nowhere'")

    def test_wrong_method_is_405_with_allow(self):
        status, headers, body = self.server.request("DELETE", "/health")
        self.assert_error(status, body, 405, "method DELETE is not allowed for /health")
        self.assertEqual(headers["allow"], "GET, HEAD")

    def test_bad_query_strings_are_400(self):
        cases = [
            ("/health?x=1", "unknown parameter 'x' for /health (it takes none)"),
            ("/health?%zz=1", "not followed by two hexadecimal digits"),
            ("/health?a=%ff%fe", "not UTF-8"),
            ("/health?a=%00", "control character"),
            ("/health?=1", "has no name"),
            ("/health?a=1&a=2", "'a' is given twice"),
            ("/health?" + "&".join("p%d=1" % i for i in range(40)), "more than 32 parameters"),
        ]
        for target, message in cases:
            status, _, body = self.server.request("GET", target)
            self.assert_error(status, body, 400, message)

    def test_long_target_is_414(self):
        status, _, body = self.server.request("GET", "/health?x=" + "a" * 5000)
        self.assert_error(status, body, 414, "longer than 4096 bytes")

    def test_huge_headers_are_431_and_closed(self):
        reply = raw_exchange(self.server, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
        self.assertEqual(status_of(reply), 431)

    def test_large_body_is_413(self):
        head = b"POST /remap HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n"
        reply = raw_exchange(self.server, head + b"a" * 100000)
        self.assertEqual(status_of(reply), 413)

    def test_garbage_is_400_and_the_server_goes_on(self):
        for payload in [b"HELLO\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /health HTTP/1.1\r\nBad Header\r\n\r\n",
                        b"\x00\x01\x02\r\n\r\n", b"GET /health HTTP/1.1\r\nContent-Length: -5\r\n\r\n"]:
            reply = raw_exchange(self.server, payload)
            self.assertEqual(status_of(reply), 400, payload)
        self.assertEqual(self.server.get_json("/health")[0], 200)

    def test_a_slow_client_is_cut_off(self):
        # --timeout 1000: a request not complete within a second is closed, however the bytes trickle.
        start = time.monotonic()
        with socket.create_connection((self.server.host, self.server.port), timeout=10) as s:
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
            closed = False
            while time.monotonic() - start < 8 and not closed:
                try:
                    s.settimeout(0.25)
                    closed = s.recv(65536) == b""
                except socket.timeout:
                    s.sendall(b"X-Slow: a\r\n")
                except ConnectionResetError:
                    closed = True
            self.assertTrue(closed)
        self.assertLess(time.monotonic() - start, 3)

    def test_connections_past_the_limit_get_503(self):
        idle = [socket.create_connection((self.server.host, self.server.port), timeout=5) for _ in range(8)]
        try:
            time.sleep(0.2)
            reply = raw_exchange(self.server, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            self.assertEqual(status_of(reply), 503)
        finally:
            for s in idle:
                s.close()
        # Once they are closed the server answers again.
        for _ in range(50):
            time.sleep(0.1)
            if self.server.get_json("/health")[0] == 200:
                break
        self.assertEqual(self.server.get_json("/health")[0], 200)

    def test_keep_alive_serves_several_requests_on_one_connection(self):
        import http.client
        conn = http.client.HTTPConnection(self.server.host, self.server.port, timeout=5)
        for _ in range(3):
            conn.request("GET", "/health")
            response = conn.getresponse()
            self.assertEqual(response.status, 200)
            response.read()
        conn.close()


def cli(*args):
    """The CLI's exit code, stdout and stderr for the same question."""
    import subprocess
    p = subprocess.run([PROGRAM, "--data", DATA] + list(args), capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


REMAP_CSV = ("ccg_code,month,items\n"
             "11N,2020-04,100\n"   # NHS Kernow CCG
             "11N,2020-05,120\n"
             "ZZ9,2020-04,7\n"     # no such code
             "11N,2020-06,n/a\n")  # not a number


class QuestionTest(unittest.TestCase):
    """The questions over HTTP give the CLI's answers, errors and exit codes (the parity suite,
    serve.parity, compares every question of tests/parity field by field)."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(PROGRAM, DATA, ARGS)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_who_gives_the_cli_json_with_its_remarks(self):
        status, headers, body = self.server.request("GET", "/who?area=E06000052&on=2007-06-01")
        self.assertEqual(status, 200)
        self.assertEqual(headers["x-orglineage-exit"], "0")
        doc = json.loads(body)
        rc, out, err = cli("--format", "json", "who", "--area", "E06000052", "--on", "2007-06-01")
        remarks = doc.pop("remarks")
        self.assertEqual(doc, json.loads(out))
        self.assertEqual([r["id"] for r in doc["results"]], ["pct/5QP"])
        self.assertIn("derived", [n["kind"] for n in doc["results"][0]["notes"]])
        # The remarks are the lines the CLI prints on standard error.
        self.assertTrue(remarks)
        for r in remarks:
            self.assertIn(r["text"], err)

    def test_csv_is_the_cli_csv(self):
        rc, out, _ = cli("--format", "csv", "successors", "pct/5QP", "--on", "2023-01-01")
        for headers in [{}, {"Accept": "text/csv"}]:
            target = "/successors?body=pct/5QP&on=2023-01-01" + ("" if headers else "&format=csv")
            status, got, body = self.server.request("GET", target, headers=headers)
            self.assertEqual(status, 200)
            self.assertTrue(got["content-type"].startswith("text/csv"))
            self.assertEqual(body.decode("utf-8"), out)

    def test_nothing_found_is_404_with_the_cli_message(self):
        rc, _, err = cli("who", "--area", "Atlantis", "--on", "2010-01-01")
        status, headers, body = self.server.request("GET", "/who?area=Atlantis&on=2010-01-01")
        self.assertEqual((status, headers["x-orglineage-exit"]), (404, str(rc)))
        self.assertEqual("orglineage: " + json.loads(body)["error"]["message"], err.strip().splitlines()[-1])

    def test_a_bad_date_is_400_with_the_cli_message(self):
        rc, _, err = cli("successors", "pct/5QP", "--on", "2010-13-01")
        status, headers, body = self.server.request("GET", "/successors?body=pct/5QP&on=2010-13-01")
        self.assertEqual((status, headers["x-orglineage-exit"], rc), (400, "2", 2))
        self.assertIn(json.loads(body)["error"]["message"], err)

    def test_a_postcode_needs_the_servers_postcode_file(self):
        status, _, body = self.server.request("GET", "/who?postcode=TR1%201AA&on=2010-01-01")
        self.assertEqual(status, 400)
        self.assertIn("start it with --postcode-file", json.loads(body)["error"]["message"])

    def test_lineage_is_drawn_as_svg(self):
        status, headers, body = self.server.request("GET", "/lineage?body=pct/5QP&format=svg")
        self.assertEqual((status, headers["content-type"]), (200, "image/svg+xml"))
        self.assertTrue(body.lstrip().startswith(b"<?xml") or b"<svg" in body[:400])
        self.assertIn(b"NHS Kernow CCG", body)

    def test_remap_answers_the_cli_output_and_its_rejects(self):
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            f.write(REMAP_CSV)
        try:
            rc, out, _ = cli("remap", f.name, "--code-column", "ccg_code", "--date-column", "month",
                             "--value-column", "items", "--to", "2023-06-01", "--quiet")
        finally:
            os.unlink(f.name)
        target = "/remap?code-column=ccg_code&date-column=month&value-column=items&to=2023-06-01"
        status, headers, body = self.server.request("POST", target, body=REMAP_CSV.encode(),
                                                    headers={"Content-Type": "text/csv"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body.decode("utf-8"), out)
        self.assertEqual((headers["x-orglineage-rows"], headers["x-orglineage-rejected"]), ("4", "2"))
        status, _, body = self.server.request("POST", target + "&format=json", body=REMAP_CSV.encode())
        doc = json.loads(body)
        self.assertEqual(doc["output"], out)
        self.assertEqual([(r["line"], r["reason"]) for r in doc["rejects"]], [(4, "unknown-code"), (5, "bad-value")])

    def test_remap_with_a_misspelt_column_is_400(self):
        target = "/remap?code-column=ccg&date-column=month&value-column=items&to=2023-06-01"
        status, _, body = self.server.request("POST", target, body=REMAP_CSV.encode())
        self.assertEqual(status, 400)
        self.assertIn("ccg", json.loads(body)["error"]["message"])


class ShutdownTest(unittest.TestCase):
    def test_sigterm_stops_the_server_cleanly(self):
        server = Server(PROGRAM, DATA, ARGS)
        self.assertEqual(server.get_json("/health")[0], 200)
        start = time.monotonic()
        self.assertEqual(server.stop(timeout=10), 0)
        self.assertLess(time.monotonic() - start, 5)

    def test_loopback_is_the_default_host(self):
        import subprocess
        out = subprocess.run([PROGRAM, "serve", "--help"], capture_output=True, text=True, timeout=30).stdout
        self.assertRegex(out, r"--host TEXT=127\.0\.0\.1\s")

    def test_an_address_in_use_is_a_usage_error(self):
        import subprocess
        server = Server(PROGRAM, DATA, ARGS)
        try:
            r = subprocess.run([PROGRAM, "--data", DATA, "serve", "--port", str(server.port)],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(r.returncode, 2)
            self.assertIn("cannot listen on http://127.0.0.1:%d" % server.port, r.stderr)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
