#!/bin/sh
# The orglineage benchmarks, each reporting ratios measured in the same run on the same machine.
# Usage: bench/run.sh [BUILD_DIR] [ROWS] [SCALE_SIZES]
#   BUILD_DIR    a build with -DORGLINEAGE_BUILD_BENCH=ON (default: build-remap); needs orglineage and orglineage_bench
#   ROWS         rows of the generated remap CSV (default 10000000)
#   SCALE_SIZES  bodies of the generated datasets (default "10000 25000 50000 100000"; events are 3x)
# Everything generated goes to $BENCH_TMP (default /tmp/orglineage-bench), never into the repository.
# Needs /usr/bin/python3 with python3-pandas and python3-networkx, and GNU /usr/bin/time.
set -eu
build=${1:-$(cd "$(dirname "$0")/.." && pwd)/build-remap}
rows=${2:-10000000}
sizes=${3:-"10000 25000 50000 100000"}
. "$(dirname "$0")/figures.sh"

echo "== machine: $(nproc) cores, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== dataset: $($cli --data "$data" validate 2>&1 | tail -1)"

echo "== 1. remap of $rows generated rows"
make_figures "$rows"
timed "$tmp/cat.log" sh -c "cat '$tmp/figures.csv' >/dev/null"
timed "$tmp/wc.log" wc -l "$tmp/figures.csv"
timed "$tmp/remap.log" $cli --data "$data" remap "$tmp/figures.csv" $remap_args -o "$tmp/out.csv" --rejects "$tmp/rejects.csv"
timed "$tmp/remap_rows.log" $cli --data "$data" remap "$tmp/figures.csv" $remap_args --no-aggregate -q -o "$tmp/out_rows.csv"
timed "$tmp/remap_small.log" $cli --data "$data" remap "$tmp/figures_small.csv" $remap_args -q -o "$tmp/out_small.csv"
timed "$tmp/load.log" $cli --data "$data" snapshot --on $to --kind icb
timed "$tmp/pandas.log" $py "$here/pandas_remap.py" "$tmp/figures.csv" "$tmp/lookup.csv" "$tmp/out_pandas.csv"
set -- $(measure "$tmp/cat.log"); cat_s=$1
set -- $(measure "$tmp/wc.log"); wc_s=$1
set -- $(measure "$tmp/remap.log"); remap_s=$1; remap_m=$2
set -- $(measure "$tmp/remap_rows.log"); rows_s=$1; rows_m=$2
set -- $(measure "$tmp/remap_small.log"); small_s=$1; small_m=$2
set -- $(measure "$tmp/load.log"); load_s=$1; load_m=$2
set -- $(measure "$tmp/pandas.log"); pandas_s=$1; pandas_m=$2
grep "remap: [0-9]* rows read" "$tmp/remap.log" || true
grep "remap: activity" "$tmp/remap.log" || true
cat "$tmp/pandas.log.out"
echo "seconds: cat $cat_s, wc -l $wc_s, orglineage remap $remap_s (row by row $rows_s; of which loading the dataset ~$load_s), pandas $pandas_s"
echo "peak MiB: orglineage remap $remap_m ($((rows / 10)) rows: $small_m; row by row: $rows_m; load alone: $load_m), pandas $pandas_m"
echo "RATIO pandas / orglineage remap (time): $(ratio "$pandas_s" "$remap_s")"
echo "RATIO orglineage remap / wc -l (time): $(ratio "$remap_s" "$wc_s")"
echo "RATIO orglineage remap / cat (time): $(ratio "$remap_s" "$cat_s")"
echo "RATIO pandas / orglineage remap (peak memory): $(ratio "$pandas_m" "$remap_m")"
echo "RATIO orglineage remap peak memory, $rows rows / $((rows / 10)) rows: $(ratio "$remap_m" "$small_m")"

echo "== 2. query latency, 1000000 random queries each"
$bench queries "$data" 1000000 "$tmp/q" 2>/dev/null | tee "$tmp/queries.txt"
$py "$here/networkx_queries.py" "$tmp/q" 2>/dev/null | tee "$tmp/networkx.txt"
c_res=$(grep "^resolve " "$tmp/queries.txt" | sed 's/.*median_ns=\([0-9]*\).*/\1/')
c_suc=$(grep "^successors " "$tmp/queries.txt" | sed 's/.*median_ns=\([0-9]*\).*/\1/')
c_suc99=$(grep "^successors " "$tmp/queries.txt" | sed 's/.*p99_ns=\([0-9]*\).*/\1/')
n_res=$(grep "networkx resolve" "$tmp/networkx.txt" | sed 's/.*median_ns=\([0-9]*\).*/\1/')
n_suc=$(grep "networkx successors" "$tmp/networkx.txt" | sed 's/.*median_ns=\([0-9]*\).*/\1/')
n_suc99=$(grep "networkx successors" "$tmp/networkx.txt" | sed 's/.*p99_ns=\([0-9]*\).*/\1/')
echo "RATIO networkx / orglineage resolve (median): $(ratio "$n_res" "$(echo "$c_res" | sed 's/^0$/1/')")"
echo "RATIO networkx / orglineage successors (median): $(ratio "$n_suc" "$c_suc")"
echo "RATIO networkx / orglineage successors (p99): $(ratio "$n_suc99" "$c_suc99")"
$bench load "$data" 5

echo "== 3. load and build of generated datasets"
first_ms=""; first_n=""
for n in $sizes; do
  $py "$here/gen_dataset.py" "$n" "$tmp/gen_$n" 2>/dev/null
  timed "$tmp/gen_$n.log" $bench load "$tmp/gen_$n"
  set -- $(measure "$tmp/gen_$n.log")
  ms=$(sed 's/.*load_build_ms_min=\([0-9.]*\).*/\1/' "$tmp/gen_$n.log.out")
  echo "bodies=$n events=$((3 * n)) yaml_mib=$(du -sm "$tmp/gen_$n" | cut -f1) load_build_s=$(ratio "$ms" 1000) peak_mib=$2"
  if [ -z "$first_ms" ]; then first_ms=$ms; first_n=$n; fi
  echo "RATIO time($n) / time($first_n): $(ratio "$ms" "$first_ms") (size ratio $(ratio "$n" "$first_n"))"
done
