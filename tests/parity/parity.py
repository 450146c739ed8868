#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The parity suite: the same questions through every front door, answers compared field by field.

  parity.py cli --cli BIN --data DIR QUESTIONS      raw answers of the command-line door
  parity.py canonical RAW.jsonl                     raw answers -> canonical answers
  parity.py compare QUESTIONS NAME=RAW.jsonl ...    every door against the first; exit 1 on a difference

README.md describes the question file, the raw and canonical answers, and how to add a door.
Standard library only (runs with any python3).
"""
import json
import subprocess
import sys

# How each question becomes a command line: its positional arguments, in order; every other
# argument NAME becomes --NAME (underscores as dashes), "true" flags with no value.
POSITIONAL = {
    "resolve": ["code"],
    "successors": ["body"],
    "predecessors": ["body"],
    "groups": ["body"],
    "members": ["body"],
    "diff": ["date1", "date2"],
    "lineage": ["body"],
    "search": ["text"],
}
FLAGS = {"legal", "population", "connected", "all_dates"}
# Arguments whose CLI option is not --NAME.
OPTIONS = {"bodies_only": "--bodies", "areas_only": "--areas"}


def read_questions(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            q = json.loads(line)
            if "id" not in q or "query" not in q:
                sys.exit(f"{path}:{n}: a question needs \"id\" and \"query\"")
            out.append(q)
    return out


def cli_argv(q):
    kind = q["query"]
    argv = ["--format", "json", kind]
    args = {k: v for k, v in q.items() if k not in ("id", "query", "expect")}
    for name in POSITIONAL.get(kind, []):
        if name in args:
            argv.append(args.pop(name))
    for name, value in args.items():
        option = OPTIONS.get(name, "--" + name.replace("_", "-"))
        if name in FLAGS or name in OPTIONS:
            if value == "true":
                argv.append(option)
        else:
            argv += [option, value]
    return argv


def cli_door(cli, data, questions):
    """Runs the CLI once per question: its JSON on stdout, or its message on stderr and exit code."""
    for q in read_questions(questions):
        p = subprocess.run([cli, "--data", data] + cli_argv(q), capture_output=True, text=True, timeout=120)
        raw = {"id": q["id"], "exit": p.returncode, "error": None, "answer": None}
        if p.stdout.strip():
            raw["answer"] = json.loads(p.stdout)
        else:
            lines = [l for l in p.stderr.splitlines() if l.startswith("orglineage: ")]
            raw["error"] = lines[-1][len("orglineage: "):] if lines else p.stderr.strip()
        print(json.dumps(raw, ensure_ascii=False))


def rounded(x):
    return None if x is None else round(float(x), 6)


def canonical(raw):
    """The fields every door must agree on (README.md, "Canonical answers")."""
    out = {"id": raw["id"], "exit": raw["exit"], "error": raw.get("error"), "read_as": None, "rows": []}
    answer = raw.get("answer")
    if not answer:
        return out
    query = answer.get("query", {})
    for key in ("area", "lsoa", "body", "group", "code", "text"):
        v = query.get(key)
        if isinstance(v, dict):
            v = v.get("id")
        if v is not None:
            out["read_as"] = v
            break
    for r in answer.get("results", []):
        out["rows"].append({
            "id": r.get("id", r.get("to_id")),
            "share": rounded(r.get("share", r.get("weight"))),
            "basis": r.get("basis"),
            "notes": [n["kind"] for n in r.get("notes", [])],
        })
    return out


def load_raw(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in (json.loads(l) for l in f if l.strip())}


def compare(questions, doors):
    qs = read_questions(questions)
    answers = {name: load_raw(path) for name, path in doors}
    first = doors[0][0]
    failures = 0
    for q in qs:
        ref = answers[first].get(q["id"])
        if ref is None:
            print(f"{q['id']}: no answer from {first}")
            failures += 1
            continue
        want = canonical(ref)
        for name, _ in doors[1:]:
            got = answers[name].get(q["id"])
            if got is None:
                print(f"{q['id']}: no answer from {name}")
                failures += 1
                continue
            got = canonical(got)
            for field in want:
                if want[field] != got[field]:
                    print(f"{q['id']}: {field} differs: {first} {json.dumps(want[field])} / {name} {json.dumps(got[field])}")
                    failures += 1
        # What the question file says the answer is (checked against the first door).
        for field, value in q.get("expect", {}).items():
            if field == "first_id":
                have = want["rows"][0]["id"] if want["rows"] else None
            elif field == "rows":
                have = len(want["rows"])
            elif field == "error_contains":
                have, value = (value if value in (want["error"] or "") else want["error"]), value
            else:
                have = want.get(field)
            if have != value:
                print(f"{q['id']}: expected {field} {json.dumps(value)}, {first} gave {json.dumps(have)}")
                failures += 1
    print(f"parity: {len(qs)} questions, {len(doors)} doors ({', '.join(n for n, _ in doors)}), {failures} differences")
    return 1 if failures else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "cli":
        import argparse
        p = argparse.ArgumentParser(prog="parity.py cli")
        p.add_argument("--cli", required=True)
        p.add_argument("--data", required=True)
        p.add_argument("questions")
        a = p.parse_args(argv[2:])
        cli_door(a.cli, a.data, a.questions)
        return 0
    if len(argv) == 3 and argv[1] == "canonical":
        for raw in load_raw(argv[2]).values():
            print(json.dumps(canonical(raw), ensure_ascii=False))
        return 0
    if len(argv) >= 5 and argv[1] == "compare":
        return compare(argv[2], [tuple(d.split("=", 1)) for d in argv[3:]])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
