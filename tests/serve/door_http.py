# SPDX-License-Identifier: MIT
"""The HTTP door of the parity suite (tests/parity/README.md): each question of questions.jsonl
asked of `orglineage serve` as a GET, its raw answer written as one JSON line.

  door_http.py ORGLINEAGE_PROGRAM DATA QUESTIONS > http.jsonl

A question's arguments become the endpoint's parameters under the CLI's option names
(`code_on` is `code-on`); the exit code is the server's X-Orglineage-Exit header, the error its
JSON error's message, the answer its JSON less `remarks` (the lines the CLI prints on stderr)."""
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import Server  # noqa: E402

# The endpoints name a few arguments as the CLI's positional arguments are named.
RENAMED = {("members", "body"): "group"}


def target(q):
    kind = q["query"]
    params = []
    for name, value in q.items():
        if name in ("id", "query", "expect"):
            continue
        name = RENAMED.get((kind, name), name)
        params.append((name.replace("_", "-"), value))
    return "/" + kind + "?" + urllib.parse.urlencode(params)


def main():
    program, data, questions = sys.argv[1:4]
    server = Server(program, data)
    try:
        with open(questions, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                q = json.loads(line)
                status, headers, body = server.request("GET", target(q))
                doc = json.loads(body.decode("utf-8"))
                raw = {"id": q["id"], "exit": int(headers.get("x-orglineage-exit", "-1")), "error": None,
                       "answer": None, "status": status}
                if "error" in doc:
                    raw["error"] = doc["error"]["message"]
                else:
                    doc.pop("remarks", None)
                    raw["answer"] = doc
                print(json.dumps(raw, ensure_ascii=False))
    finally:
        code = server.stop()
    if code != 0:
        sys.exit("the server exited %s on SIGTERM" % code)


if __name__ == "__main__":
    main()
