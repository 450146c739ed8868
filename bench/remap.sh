#!/bin/sh
# Remap of ROWS generated rows: orglineage against DuckDB and pandas on the same job, in one run.
# Usage: bench/remap.sh [BUILD_DIR] [ROWS]
#   BUILD_DIR  a build with -DORGLINEAGE_BUILD_BENCH=ON (default: build-remap)
#   ROWS       rows of the generated CSV (default 10000000)
# DuckDB comes from the npm package @duckdb/node-api, installed here into $BENCH_TMP/node (a scratch
# directory, never the repository, never at build or test time). Everything generated goes to
# $BENCH_TMP (default /tmp/orglineage-bench). Needs node/npm, /usr/bin/python3 with pandas, GNU time.
set -eu
build=${1:-$(cd "$(dirname "$0")/.." && pwd)/build-remap}
rows=${2:-10000000}
. "$(dirname "$0")/figures.sh"
mkdir -p "$tmp/node"

if [ ! -d "$tmp/node/node_modules/@duckdb/node-api" ]; then
  (cd "$tmp/node" && npm install --no-audit --no-fund --silent @duckdb/node-api >/dev/null)
fi
cp "$here/duckdb_lookup_remap.mjs" "$tmp/node/duckdb_lookup_remap.mjs" # resolves the package from its own directory

best() { # LOG CMD... : the fastest of three runs (the machine is shared), its log kept
  blog=$1; shift; b=""
  for i in 1 2 3; do
    timed "$blog.$i" "$@"
    s=$(measure "$blog.$i" | cut -d' ' -f1)
    if [ -z "$b" ] || [ "$($py -c "print(int($s < $b))")" = 1 ]; then b=$s; cp "$blog.$i" "$blog"; cp "$blog.$i.out" "$blog.out"; fi
  done
}

echo "== machine: $(nproc) cores, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
make_figures "$rows"
args=$remap_args
run_cli() { # LOG THREADS FILE
  log=$1; n=$2; f=$3; shift 3
  best "$log" $cli --data "$data" remap "$f" $args --threads "$n" -o "$tmp/out_$n.csv" --rejects "$tmp/rejects_$n.csv"
}
run_cli "$tmp/remap2.log" 2 "$tmp/figures.csv"
run_cli "$tmp/remap1.log" 1 "$tmp/figures.csv"
run_cli "$tmp/remap_small.log" 2 "$tmp/figures_small.csv"
best "$tmp/load.log" $cli --data "$data" snapshot --on $to --kind icb
best "$tmp/duckdb.log" node "$tmp/node/duckdb_lookup_remap.mjs" "$tmp/figures.csv" "$tmp/lookup.csv" "$tmp/out_duckdb.csv" 2
timed "$tmp/pandas.log" $py "$here/pandas_remap.py" "$tmp/figures.csv" "$tmp/lookup.csv" "$tmp/out_pandas.csv"
COUNT=1 node "$tmp/node/duckdb_lookup_remap.mjs" "$tmp/figures.csv" "$tmp/lookup.csv" "$tmp/out_duckdb_check.csv" 2
set -- $(measure "$tmp/remap2.log"); r2=$1; r2m=$2
set -- $(measure "$tmp/remap1.log"); r1=$1
set -- $(measure "$tmp/remap_small.log"); rsm=$2
set -- $(measure "$tmp/load.log"); load=$1
set -- $(measure "$tmp/duckdb.log"); dk=$1; dkm=$2
set -- $(measure "$tmp/pandas.log"); pd=$1; pdm=$2
grep "remap: [0-9]* rows read\|remap: activity" "$tmp/remap2.log" || true
cmp -s "$tmp/out_1.csv" "$tmp/out_2.csv" && echo "one thread and two threads: identical output" || echo "one thread and two threads: OUTPUTS DIFFER"
cat "$tmp/pandas.log.out"
echo "seconds (best of 3): orglineage 2 threads $r2, 1 thread $r1 (dataset load alone $load), duckdb 2 threads $dk; pandas $pd"
echo "peak MiB: orglineage $r2m ($((rows / 10)) rows: $rsm), duckdb $dkm, pandas $pdm"
echo "RATIO duckdb / orglineage (time): $(ratio "$dk" "$r2")"
echo "RATIO pandas / orglineage (time): $(ratio "$pd" "$r2")"
echo "RATIO orglineage 1 thread / 2 threads (time): $(ratio "$r1" "$r2")"
echo "RATIO orglineage peak memory, $rows rows / $((rows / 10)) rows: $(ratio "$r2m" "$rsm")"
