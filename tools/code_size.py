#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The largest files and the longest functions of a C++ tree, for reviews of the code's shape.

    tools/code_size.py [--top N] [DIR ...]      (default: src)

A function is a brace block at namespace or class level whose opening line carries a parameter list
(`name(...) ... {`); its length is the number of lines from that line to its closing brace. Comments,
string and character literals are blanked first, so braces inside them do not count. Lambdas and
blocks inside a function count towards the function. Good enough to rank, not a parser.
"""
import argparse
import os
import re
import sys

def strip(text):
    """Blanks comments and literals, keeping line breaks so that line numbers stay right."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c); i += 1; continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif c in "\"'":
            # a digit separator (1'000) is not a literal
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(c); i += 1; continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)

HEAD = re.compile(r"([A-Za-z_~][\w:<>,~ ]*(?:operator\s*\S+)?)\s*\([^;{}]*\)[^;{}]*$", re.S)

def functions(path):
    text = strip(open(path, encoding="utf-8", errors="replace").read())
    # Preprocessor lines are no code: blank them, keeping the line breaks.
    text = re.sub(r"^[ \t]*#[^\n]*", "", text, flags=re.M)
    found = []
    stack = []  # (kind, start_line, name)
    line = 1
    last = 0  # where the text before the next brace starts
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            before = text[last:i]
            inside_function = any(k == "fn" for k, _, _ in stack)
            m = None if inside_function else HEAD.search(before)
            if m and not re.search(r"\b(if|for|while|switch|catch|namespace|struct|class|enum)\b\s*$",
                                   m.group(1).split("(")[0]):
                name = m.group(1).strip().split()[-1] if m.group(1).strip() else "?"
                start = line - before[m.start():].count("\n")
                stack.append(("fn", start, name))
            else:
                stack.append(("block", line, ""))
            last = i + 1
        elif c == "}":
            if stack:
                kind, start, name = stack.pop()
                if kind == "fn":
                    found.append((line - start + 1, name, path, start))
            last = i + 1
        elif c == ";":
            last = i + 1
    return found

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("dirs", nargs="*", default=["src"])
    a = ap.parse_args()
    files, fns = [], []
    for d in a.dirs:
        for root, _, names in os.walk(d):
            for nm in names:
                if nm.endswith((".cpp", ".hpp", ".h", ".cc")):
                    p = os.path.join(root, nm)
                    with open(p, encoding="utf-8", errors="replace") as f:
                        files.append((sum(1 for _ in f), p))
                    fns.extend(functions(p))
    files.sort(key=lambda x: (-x[0], x[1]))
    fns.sort(key=lambda x: (-x[0], x[2], x[3]))
    print(f"{len(files)} files, {sum(n for n, _ in files)} lines")
    print(f"\nlargest {a.top} files (lines)")
    for n, p in files[: a.top]:
        print(f"{n:6d}  {p}")
    print(f"\nlongest {a.top} functions (lines)")
    for n, name, p, start in fns[: a.top]:
        print(f"{n:6d}  {p}:{start}  {name}")
    over = [f for f in fns if f[0] > 80]
    print(f"\nfunctions over 80 lines: {len(over)}")
    for n, name, p, start in over:
        print(f"{n:6d}  {p}:{start}  {name}")

if __name__ == "__main__":
    sys.exit(main())
