#!/usr/bin/python3
"""Malformed requests against `orglineage serve` while good requests go on (bench/serve.sh, part 3).

  serve_faults.py HOST PORT COUNT GOOD_TARGET EXPECTED_BODY_FILE

COUNT malformed requests, each on a connection of its own: 200 slow clients that never finish their
headers (100 held open at once), and the rest from four threads, in kinds taken in turn: bad query
strings, unknown parameters, huge headers, a huge target, garbage bytes, a bad Content-Length. Each must
be answered 4xx or closed by the server; none may get 2xx, 5xx, or no end. Meanwhile one
keep-alive client asks GOOD_TARGET in a loop and checks each answer against the expected bytes.
Loopback only; bounded: each connection waits 15 s at most, the run 300 s.
"""
import http.client
import socket
import sys
import threading
import time

HOST, PORT, COUNT, GOOD, EXPECTED = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], open(sys.argv[5], "rb").read()
DEADLINE = time.monotonic() + 300
SLOW_AT_ONCE = 100
SLOW_TOTAL = 200

MALFORMED = [
    ("bad escape", b"GET /who?area=%zz&on=2014-06-01 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("not utf-8", b"GET /who?area=%ff%fe&on=2014-06-01 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("unknown parameter", b"GET /who?area=E06000045&on=2014-06-01&zzz=1 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("bad date", b"GET /who?area=E06000045&on=2014-13-45 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("repeated parameter", b"GET /who?area=a&area=b&on=2014-06-01 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("control byte", b"GET /who?area=%01&on=2014-06-01 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("huge header", b"GET /who?area=E06000045&on=2014-06-01 HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 65536 + b"\r\n\r\n"),
    ("many headers", b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(2000)) + b"\r\n"),
    ("huge target", b"GET /who?area=" + b"E" * 6000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("garbage", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n"),
    ("bad version", b"GET /health HTTP/7.0\r\n\r\n"),
    ("bad content-length", b"POST /remap HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n"),
    ("body too large", b"POST /remap HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n"),
    ("unknown method", b"BREW /who HTTP/1.1\r\nHost: x\r\n\r\n"),
]

lock = threading.Lock()
outcomes = {}  # kind -> {outcome: count}
bad = []
good = {"ok": 0, "wrong": 0, "failed": 0, "slowest_ms": 0.0}
done = threading.Event()


def record(kind, outcome, detail=""):
    with lock:
        outcomes.setdefault(kind, {}).setdefault(outcome, 0)
        outcomes[kind][outcome] += 1
        if outcome not in ("4xx", "closed") and len(bad) < 20:
            bad.append((kind, outcome, detail))


def read_reply(s):
    """The status of the reply, or 'closed' when the server closed without one."""
    data = b""
    while b"\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    if not data:
        return "closed", ""
    line = data.split(b"\r\n", 1)[0]
    parts = line.split(b" ")
    if len(parts) > 1 and parts[1].isdigit():
        code = int(parts[1])
        return ("4xx" if 400 <= code < 500 else "%dxx" % (code // 100)), line.decode("latin-1")
    return "unreadable", line.decode("latin-1")


def one(kind, payload):
    try:
        with socket.create_connection((HOST, PORT), timeout=15) as s:
            try:
                s.sendall(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server stopped reading (a limit) and may have answered already
            try:
                outcome, detail = read_reply(s)
            except ConnectionResetError:
                outcome, detail = "closed", "reset"
            record(kind, outcome, detail)
    except socket.timeout:
        record(kind, "no end", "15 s without an answer or a close")
    except OSError as e:
        record(kind, "connect failed", str(e))


slow_slots = threading.Semaphore(SLOW_AT_ONCE)


def slow(kind):
    """Sends part of the headers, a byte a second, and never the end; the server must cut it off."""
    with slow_slots:
        try:
            with socket.create_connection((HOST, PORT), timeout=15) as s:
                s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                start = time.monotonic()
                s.settimeout(1)
                while time.monotonic() - start < 15:
                    try:
                        data = s.recv(4096)
                        if not data:
                            return record(kind, "closed")
                        status = int(data.split(b" ")[1]) if data.startswith(b"HTTP/") else 0
                        return record(kind, "4xx" if 400 <= status < 500 else "%dxx" % (status // 100))
                    except socket.timeout:
                        try:
                            s.sendall(b"a")
                        except OSError:
                            return record(kind, "closed")
                    except ConnectionResetError:
                        return record(kind, "closed")
                record(kind, "no end", "held 15 s")
        except OSError as e:
            record(kind, "connect failed", str(e))


def worker(start, step, count):
    i = start
    while i < count and time.monotonic() < DEADLINE:
        kind, payload = MALFORMED[i % len(MALFORMED)]
        one(kind, payload)
        i += step


def good_client():
    conn = None
    while not done.is_set() and time.monotonic() < DEADLINE:
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, PORT, timeout=15)
            t = time.monotonic()
            conn.request("GET", GOOD)
            r = conn.getresponse()
            body = r.read()
            ms = (time.monotonic() - t) * 1000
            with lock:
                good["slowest_ms"] = max(good["slowest_ms"], ms)
                good["ok" if r.status == 200 and body == EXPECTED else "wrong"] += 1
        except (OSError, http.client.HTTPException):
            with lock:
                good["failed"] += 1
            conn = None
            time.sleep(0.01)


def main():
    start = time.monotonic()
    checker = threading.Thread(target=good_client)
    checker.start()
    slows = [threading.Thread(target=slow, args=("slow client",)) for _ in range(SLOW_TOTAL)]
    for t in slows:
        t.start()
    workers = [threading.Thread(target=worker, args=(k, 4, COUNT - SLOW_TOTAL)) for k in range(4)]
    for w in workers:
        w.start()
    for w in workers + slows:
        w.join()
    done.set()
    checker.join()
    took = time.monotonic() - start
    sent = sum(sum(v.values()) for v in outcomes.values())
    print(f"malformed: {sent} in {took:.1f} s")
    for kind, counts in outcomes.items():
        print(f"  {kind:20s} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    accepted = sum(n for counts in outcomes.values() for k, n in counts.items() if k in ("4xx", "closed"))
    print(f"answered 4xx or closed: {accepted} of {sent}")
    for b in bad:
        print("  not 4xx/closed:", b)
    print(f"good requests meanwhile: {good['ok']} right, {good['wrong']} wrong, {good['failed']} failed; "
          f"slowest {good['slowest_ms']:.1f} ms")
    return 0 if accepted == sent == COUNT and good["wrong"] == good["failed"] == 0 and good["ok"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
