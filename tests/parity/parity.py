#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The parity suite: the same questions through every front door, answers compared field by field.

  parity.py plain QUESTIONS...                     the questions as `orglineage query -` lines
  parity.py cli --cli BIN --data DIR QUESTIONS...  raw answers of the command-line door
  parity.py query --cli BIN --data DIR QUESTIONS... raw answers of `orglineage query -`
  parity.py canonical RAW.jsonl                    raw answers -> canonical answers
  parity.py compare QUESTIONS... NAME=RAW.jsonl... every door against the first; exit 1 on a difference

README.md describes the question files, the raw and canonical answers, and how to add a door.
Standard library only (runs with any python3).
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

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
    "remap": ["input"],
}
FLAGS = {"legal", "population", "connected", "all_dates", "nearest"}
# Arguments whose CLI option is not --NAME; remap's flags that are "false" in the question.
OPTIONS = {"bodies_only": "--bodies", "areas_only": "--areas"}
NEGATED = {"aggregate": "--no-aggregate", "estimates": "--no-estimates", "populations": "--no-populations"}
# A remap question's arguments (the fields of RemapQuestion); `input` is the CSV file, relative to
# the question file, and `value_columns` the value columns separated by commas.
REMAP_ARGUMENTS = {"input", "code_column", "date_column", "value_columns", "to", "function", "to_kind",
                   "date_format", "max_rejects", "aggregate", "nearest", "estimates", "populations"}


def read_questions(paths):
    """The questions of the files, in order; a remap question's `input` made absolute."""
    out, seen = [], set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                q = json.loads(line)
                if "id" not in q or "query" not in q:
                    sys.exit(f"{path}:{n}: a question needs \"id\" and \"query\"")
                if q["id"] in seen:
                    sys.exit(f"{path}:{n}: the id {q['id']!r} is used twice")
                seen.add(q["id"])
                if q["query"] == "remap":
                    unknown = set(q) - REMAP_ARGUMENTS - {"id", "query", "expect"}
                    if unknown:
                        sys.exit(f"{path}:{n}: unknown remap arguments {sorted(unknown)}")
                    q["input"] = os.path.join(os.path.dirname(os.path.abspath(path)), q["input"])
                out.append(q)
    return out


def arguments(q):
    """A question's arguments: every field but id, query and expect."""
    return {k: v for k, v in q.items() if k not in ("id", "query", "expect")}


def plain(q):
    """The question as an `orglineage query -` line reads it (no `expect`)."""
    return {"id": q["id"], "query": q["query"], **arguments(q)}


def cli_argv(q):
    kind = q["query"]
    argv = ["--format", "json", kind] if kind != "remap" else [kind]
    args = arguments(q)
    for name in POSITIONAL.get(kind, []):
        if name in args:
            argv.append(args.pop(name))
    for name, value in args.items():
        if name == "value_columns":
            for column in value.split(","):
                argv += ["--value-column", column]
        elif name in NEGATED:
            if value == "false":
                argv.append(NEGATED[name])
        elif name in FLAGS or name in OPTIONS:
            if value == "true":
                argv.append(OPTIONS.get(name, "--" + name.replace("_", "-")))
        else:
            argv += ["--" + name.replace("_", "-"), value]
    return argv


def read_csv(text):
    """CSV text as a list of records of text (an empty cell: None)."""
    return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]


def cli_error(stderr):
    lines = [line for line in stderr.splitlines() if line.startswith("orglineage: ")]
    return lines[-1][len("orglineage: "):] if lines else stderr.strip()


def cli_remap(cli, data, q):
    """A remap question through `orglineage remap`: the output CSV and the --rejects file."""
    with tempfile.TemporaryDirectory() as tmp:
        rejects = os.path.join(tmp, "rejects.csv")
        p = subprocess.run([cli, "--data", data] + cli_argv(q) + ["--rejects", rejects, "-q"], capture_output=True,
                           text=True, timeout=120)
        raw = {"id": q["id"], "exit": p.returncode, "error": None, "answer": None}
        if p.returncode != 0:
            raw["error"] = cli_error(p.stderr)
            return raw
        with open(rejects, encoding="utf-8") as f:
            rejected = [{"line": int(r["line"]), "reason": r["reason"]} for r in csv.DictReader(f)]
        raw["answer"] = {"results": read_csv(p.stdout), "rejects": rejected}
        return raw


def cli_door(cli, data, paths):
    """Runs the CLI once per question: its JSON on stdout, or its message on stderr and exit code."""
    for q in read_questions(paths):
        if q["query"] == "remap":
            raw = cli_remap(cli, data, q)
        else:
            p = subprocess.run([cli, "--data", data] + cli_argv(q), capture_output=True, text=True, timeout=120)
            raw = {"id": q["id"], "exit": p.returncode, "error": None, "answer": None}
            if p.stdout.strip():
                raw["answer"] = json.loads(p.stdout)
            else:
                raw["error"] = cli_error(p.stderr)
        print(json.dumps(raw, ensure_ascii=False))


def query_door(cli, data, paths):
    """Every question but remap in one `orglineage query -` run: one JSON answer a line, in order.
    A remap question is written as skipped (`query -` does not take remap: it streams files)."""
    qs = []
    for q in read_questions(paths):
        if q["query"] == "remap":
            print(json.dumps({"id": q["id"], "skipped": "query - does not take remap"}))
        else:
            qs.append(q)
    lines = "".join(json.dumps(plain(q), ensure_ascii=False) + "\n" for q in qs)
    p = subprocess.run([cli, "--data", data, "query", "-"], input=lines, capture_output=True, text=True, timeout=300)
    answers = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    if len(answers) != len(qs):
        sys.exit(f"query -: {len(answers)} answers to {len(qs)} questions (exit {p.returncode}): {p.stderr[-2000:]}")
    for q, a in zip(qs, answers):
        raw = {"id": q["id"], "exit": a.get("exit", 0), "error": None, "answer": None}
        if "error" in a:
            raw["exit"] = a["error"]["exit"]
            raw["error"] = a["error"]["message"]
        else:
            raw["answer"] = a
        print(json.dumps(raw, ensure_ascii=False))


# The fields of an answer's rows compared besides id, share, basis and the notes' kinds, where both
# doors give them (the JSON layout has fields the table layout leaves out).
COMPARED = ("name", "kind", "from", "to", "date", "event", "from_id", "to_name", "ods", "ons", "type")


ROW_FIELDS = ("id", "share", "basis", "notes")


def rounded(x):
    return None if x is None else round(float(x), 6)


def cell(value):
    """A remap output cell as every door must give it: numbers rounded to 6 places, text as is."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return rounded(value)
    try:
        return rounded(float(value)) if any(c.isdigit() for c in value) and value.strip()[0] in "-+.0123456789" else value
    except ValueError:
        return value


def canonical(raw):
    """The fields every door must agree on (README.md, "Canonical answers")."""
    out = {"id": raw["id"], "exit": raw["exit"], "error": raw.get("error"), "read_as": None, "rows": []}
    answer = raw.get("answer")
    if not answer:
        return out
    if "rejects" in answer:  # a remap: every cell of the output, the rejects' lines and reasons
        out["rows"] = [{k: cell(v) for k, v in r.items()} for r in answer["results"]]
        out["rejects"] = [[r["line"], r["reason"]] for r in answer["rejects"]]
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
        row = {"id": r.get("id", r.get("to_id")), "share": rounded(r.get("share", r.get("weight"))),
               "basis": r.get("basis"), "notes": [n["kind"] for n in r.get("notes", [])]}
        # The other fields every layout has as one value (a body's name, kind and dates; a link's or
        # a change's ends, date and event); lists and records are laid out differently by each door.
        for key in (k for k in COMPARED if k in r):
            v = r[key]
            row[key] = rounded(v) if isinstance(v, float) else v if isinstance(v, (str, int, type(None))) else "<list>"
        out["rows"].append(row)
    return out


def same_row(a, b):
    """Rows agree on id, share, basis, note kinds and every other field both have (a remap's output
    rows, which have no id: on every cell)."""
    if "id" not in a and "id" not in b:
        return a == b
    return all(a[k] == b[k] for k in a.keys() & b.keys()) and all(k in a and k in b for k in ROW_FIELDS)


def same(field, a, b):
    if field != "rows" or not isinstance(a, list) or not isinstance(b, list):
        return a == b
    return len(a) == len(b) and all(same_row(x, y) for x, y in zip(a, b))


def load_raw(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in (json.loads(line) for line in f if line.strip())}


def check_expect(q, want, first):
    """What the question file says the answer is (checked against the first door): the failures."""
    failures = []
    for field, value in q.get("expect", {}).items():
        if field == "first_id":
            have = want["rows"][0]["id"] if want["rows"] else None
        elif field == "rows":
            have = len(want["rows"])
        elif field == "rejects":
            have = len(want.get("rejects", []))
        elif field == "error_contains":
            have = value if value in (want["error"] or "") else want["error"]
        else:
            have = want.get(field)
        if have != value:
            failures.append(f"{q['id']}: expected {field} {json.dumps(value)}, {first} gave {json.dumps(have)}")
    return failures


def compare(paths, doors):
    qs = read_questions(paths)
    answers = {name: load_raw(path) for name, path in doors}
    first = doors[0][0]
    failures = []
    answered = {name: 0 for name, _ in doors}
    skipped = {name: 0 for name, _ in doors}
    for q in qs:
        ref = answers[first].get(q["id"])
        if ref is None:
            failures.append(f"{q['id']}: no answer from {first}")
            continue
        want = canonical(ref)
        answered[first] += bool(want["rows"])
        for name, _ in doors[1:]:
            got = answers[name].get(q["id"])
            if got is None:
                failures.append(f"{q['id']}: no answer from {name}")
                continue
            if "skipped" in got:  # a question the door does not take, said by the door
                skipped[name] += 1
                continue
            got = canonical(got)
            answered[name] += bool(got["rows"])
            for field in want:
                if not same(field, want[field], got.get(field)):
                    failures.append(f"{q['id']}: {field} differs: {first} {json.dumps(want[field])} / "
                                    f"{name} {json.dumps(got.get(field))}")
        failures += check_expect(q, want, first)
    # An empty answer set proves nothing: every door must have answered most questions with rows.
    for name, n in answered.items():
        if n < (len(qs) - skipped[name]) // 2:
            failures.append(f"{name}: only {n} of {len(qs) - skipped[name]} questions answered with rows")
    for f in failures:
        print(f)
    print(f"parity: {len(qs)} questions, {len(doors)} doors ({', '.join(n for n, _ in doors)}), "
          f"answered with rows: {', '.join(f'{n} {c}' for n, c in answered.items())}; skipped: "
          f"{', '.join(f'{n} {c}' for n, c in skipped.items() if c) or 'none'}; {len(failures)} differences")
    return 1 if failures else 0


def door_options(argv, prog):
    import argparse
    p = argparse.ArgumentParser(prog=prog)
    p.add_argument("--cli", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("questions", nargs="+")
    return p.parse_args(argv)


def main(argv):
    if len(argv) >= 2 and argv[1] == "cli":
        a = door_options(argv[2:], "parity.py cli")
        cli_door(a.cli, a.data, a.questions)
        return 0
    if len(argv) >= 2 and argv[1] == "query":
        a = door_options(argv[2:], "parity.py query")
        query_door(a.cli, a.data, a.questions)
        return 0
    if len(argv) >= 3 and argv[1] == "plain":
        for q in read_questions(argv[2:]):
            print(json.dumps(plain(q), ensure_ascii=False))
        return 0
    if len(argv) == 3 and argv[1] == "canonical":
        for raw in load_raw(argv[2]).values():
            print(json.dumps(canonical(raw), ensure_ascii=False))
        return 0
    if len(argv) >= 4 and argv[1] == "compare":
        paths = [a for a in argv[2:] if "=" not in a]
        doors = [tuple(a.split("=", 1)) for a in argv[2:] if "=" in a]
        if paths and len(doors) >= 2:
            return compare(paths, doors)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
