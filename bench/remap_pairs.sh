#!/bin/sh
# Remap of ROWS generated rows against DuckDB, whole process, in A B A B ... pairs (issue 23): each
# pair runs `orglineage remap` (2 threads) and then DuckDB (`@duckdb/node-api`, 2 threads, joining
# the crosswalk table and grouping: bench/duckdb_lookup_remap.mjs) on the same file, so both sides
# see the same machine; the medians of each side and the median of the per-pair ratios are printed.
# Usage: bench/remap_pairs.sh [BUILD_DIR] [ROWS] [PAIRS]   (defaults: build-remap 10000000 7)
# BUILD_DIR holds `orglineage` and `orglineage_bench` (bench/remap.sh says how to build them).
# DuckDB is installed by npm into $BENCH_TMP/node, never into the repository, never at test time.
set -eu
build=${1:-$(cd "$(dirname "$0")/.." && pwd)/build-remap}
rows=${2:-10000000}
pairs=${3:-7}
. "$(dirname "$0")/figures.sh"
mkdir -p "$tmp/node"
if [ ! -d "$tmp/node/node_modules/@duckdb/node-api" ]; then
  (cd "$tmp/node" && npm install --no-audit --no-fund --silent @duckdb/node-api >/dev/null)
fi
cp "$here/duckdb_lookup_remap.mjs" "$tmp/node/duckdb_lookup_remap.mjs"
echo "== machine: $(nproc) cores, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
make_figures "$rows"
a=""; b=""; r=""; rc=""
cpu() { # LOG -> user + system seconds: on a loaded machine the wall time measures the others too
  $py - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
u = float(re.search(r"User time \(seconds\): (\S+)", t).group(1))
s = float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
print(f"{u + s:.2f}")
PY
}
for i in $(seq "$pairs"); do
  timed "$tmp/pair_ol.log" $cli --data "$data" remap "$tmp/figures.csv" $remap_args --threads 2 \
    -o "$tmp/pair_out.csv" --rejects "$tmp/pair_rejects.csv"
  timed "$tmp/pair_dk.log" node "$tmp/node/duckdb_lookup_remap.mjs" "$tmp/figures.csv" "$tmp/lookup.csv" \
    "$tmp/pair_out_duckdb.csv" 2
  set -- $(measure "$tmp/pair_ol.log"); sa=$1; ma=$2
  set -- $(measure "$tmp/pair_dk.log"); sb=$1; mb=$2
  ca=$(cpu "$tmp/pair_ol.log"); cb=$(cpu "$tmp/pair_dk.log")
  echo "pair $i: orglineage ${sa}s (cpu ${ca}s) ${ma} MiB, duckdb ${sb}s (cpu ${cb}s) ${mb} MiB, load $(cut -d' ' -f1 /proc/loadavg)"
  a="$a $sa"; b="$b $sb"; r="$r $(ratio "$sa" "$sb")"; rc="$rc $(ratio "$ca" "$cb")"
done
grep "remap: [0-9]* rows read" "$tmp/pair_ol.log" || true
median() { $py -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
echo "median seconds: orglineage $(median $a), duckdb $(median $b)"
echo "RATIO orglineage / duckdb (time), median of the pairs' ratios: $(median $r)"
echo "RATIO orglineage / duckdb (CPU time), median of the pairs' ratios: $(median $rc)"
