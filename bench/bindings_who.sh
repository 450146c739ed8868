#!/usr/bin/env bash
# 10,000 `who` questions asked at once through three doors on the same questions, in the same run:
# the CLI's `orglineage query -` (JSON lines in, one answer a line out: the whole process, loading
# the image included), Python's lin.who(DataFrame) and R's ol_who(lin, data.frame) (one vectorised
# call each, the dataset already loaded); and one call's overhead in each package (300 single `who`
# calls, beside the package's compiled call alone: the library's answer laid out as columns).
# Goal: each package within 3x the CLI. Usage: bench/bindings_who.sh [BUILD_DIR] [N]
#   BUILD_DIR  a build with the CLI, the image and the Python package (default build/)
#   R          the R package installed in $R_LIBS (skipped, saying so, when it is not)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
n="${2:-10000}"
data="$build/nhs-england.olimg"
tmp="${BENCH_TMP:-/tmp/orglineage-bench}/who"
mkdir -p "$tmp"
py=/usr/bin/python3
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# The questions: every area code the shipped areas name, on dates from 2003 to 2024, N in all.
"$py" - "$root/data/nhs-england/areas/area-changes.csv" "$n" "$tmp" <<'PY'
import csv, json, random, sys
codes = set()
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        codes.update(c for c in (row["from"], row["to"]) if c.startswith("E0"))
codes = sorted(codes)
rng = random.Random(2026)
n = int(sys.argv[2])
rows = [(rng.choice(codes), f"{rng.randint(2003, 2024)}-{rng.randint(1, 12):02d}-01") for _ in range(n)]
with open(sys.argv[3] + "/questions.jsonl", "w") as q, open(sys.argv[3] + "/questions.csv", "w") as c:
    c.write("area,on\n")
    for area, on in rows:
        q.write(json.dumps({"query": "who", "area": area, "on": on}) + "\n")
        c.write(f"{area},{on}\n")
PY

cli=$("$py" - "$build/orglineage" "$data" "$tmp" <<'PY'
import os, subprocess, sys, time
cli, data, tmp = sys.argv[1:4]
runs = []
for _ in range(3):
    with open(tmp + "/questions.jsonl") as q, open(tmp + "/cli.jsonl", "w") as out:
        t = time.perf_counter()
        subprocess.run([cli, "--data", data, "query", "-"], stdin=q, stdout=out, check=False,
                       env=dict(os.environ, ORGLINEAGE_DATA=""))
        runs.append(time.perf_counter() - t)
print(f"{min(runs):.3f}")
PY
)
echo "cli: query - of $n questions: best of 3 ${cli} s ($(grep -c '"results"' "$tmp/cli.jsonl") answered)"

PYTHONPATH="$build/python" ORGLINEAGE_DATA="$data" "$py" - "$tmp/questions.csv" "$cli" <<'PY'
import statistics, sys, time, warnings
import pandas as pd
import orglineage
warnings.simplefilter("ignore", orglineage.AnswerWarning)
lin = orglineage.load()
questions = pd.read_csv(sys.argv[1], dtype=str)
runs = []
for _ in range(3):
    t = time.perf_counter(); df = lin.who(questions); runs.append(time.perf_counter() - t)
best = min(runs)
one, raw = [], []
for _ in range(300):
    t = time.perf_counter(); lin.who("E06000052", "2007-06-01"); one.append(time.perf_counter() - t)
for _ in range(300):  # the compiled call alone (the library's answer laid out as columns)
    t = time.perf_counter(); lin._lin.ask("who", [("area", "E06000052"), ("on", "2007-06-01")])
    raw.append(time.perf_counter() - t)
per_question = best / len(questions)
print(f"python: lin.who(DataFrame of {len(questions)}): best of 3 {best:.3f} s, {len(df)} rows, "
      f"{len(df.attrs['errors'])} unanswered; {best / float(sys.argv[2]):.2f}x the CLI")
print(f"python: one who call: median {statistics.median(one) * 1e6:.0f} us, of which the compiled call "
      f"{statistics.median(raw) * 1e6:.0f} us; "
      f"per question in the vectorised call {per_question * 1e6:.0f} us")
PY

if env R_LIBS="${R_LIBS:-}" Rscript -e 'library(orglineage)' >/dev/null 2>&1; then
  ORGLINEAGE_DATA="$data" Rscript - "$tmp/questions.csv" "$cli" <<'R'
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(orglineage))
lin <- ol_load()
q <- read.csv(args[1], colClasses = "character")
runs <- numeric()
for (i in 1:3) runs[i] <- system.time(df <- suppressWarnings(ol_who(lin, q)))[["elapsed"]] # df: this scope's
# One call's cost: 300 calls timed together (system.time resolves 1 ms), and the library's own part
# (the compiled call, before the answer is laid out as a data.frame).
one <- system.time(for (i in 1:300) ol_who(lin, "E06000052", "2007-06-01"))[["elapsed"]] / 300
ptr <- lin$ptr
raw <- system.time(for (i in 1:300) orglineage:::.ol_ask(ptr, "who", c("area", "on"), c("E06000052", "2007-06-01")))[["elapsed"]] / 300
cat(sprintf("r: ol_who(data.frame of %d): best of 3 %.3f s, %d rows; %.2fx the CLI\n", nrow(q), min(runs), nrow(df),
            min(runs) / as.numeric(args[2])))
cat(sprintf("r: one who call: %.0f us (mean of 300), of which the compiled call %.0f us\n", one * 1e6, raw * 1e6))
R
else
  echo "r: SKIPPED: the orglineage R package is not installed (R_LIBS)"
fi
