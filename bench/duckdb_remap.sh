#!/bin/sh
# remap against the same job in DuckDB: the long crosswalk (crosswalk --all-dates) and one join.
# Usage: bench/duckdb_remap.sh [BUILD_DIR] [ROWS]   (BUILD_DIR with orglineage and orglineage_bench)
# @duckdb/node-api is installed here, into $BENCH_TMP/duckdb (never at build or test time).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-remap}
rows=${2:-1000000}
tmp=${BENCH_TMP:-/tmp/orglineage-bench}
data=$root/data/nhs-england
to=2024-07-01
mkdir -p "$tmp/duckdb"
[ -d "$tmp/duckdb/node_modules/@duckdb/node-api" ] || (cd "$tmp/duckdb" && npm install --no-audit --no-fund @duckdb/node-api >/dev/null)
cp "$here/duckdb_remap.mjs" "$tmp/duckdb/"
"$build/orglineage_bench" gencsv "$data" "$rows" "$tmp/figures_duckdb.csv" 2>/dev/null
t0=$(date +%s.%N)
"$build/orglineage" --data "$data" crosswalk --to $to --all-dates --format csv >"$tmp/crosswalk_long.csv"
t1=$(date +%s.%N)
"$build/orglineage" --data "$data" remap "$tmp/figures_duckdb.csv" --code-column org_code --date-column period \
  --value-column activity --value-column spend --to $to -o "$tmp/out_remap.csv" 2>"$tmp/remap_duckdb.log" || true
t2=$(date +%s.%N)
duck=$(cd "$tmp/duckdb" && node duckdb_remap.mjs "$tmp/figures_duckdb.csv" "$tmp/crosswalk_long.csv" "$tmp/out_duckdb.csv")
grep "remap: activity\|rows read" "$tmp/remap_duckdb.log" || true
echo "$duck"
/usr/bin/python3 - "$t0" "$t1" "$t2" "$duck" <<'PY'
import re, sys
t0, t1, t2 = map(float, sys.argv[1:4])
d = float(re.search(r"seconds=([0-9.]+)", sys.argv[4]).group(1))
print(f"seconds: long crosswalk {t1 - t0:.3f}, orglineage remap {t2 - t1:.3f}, duckdb join {d:.3f}")
print(f"RATIO duckdb / orglineage remap (time): {d / (t2 - t1):.2f}")
PY
