#!/bin/sh
# The compiled image against the peers an analyst would pick, each ratio from one run on one machine.
# Usage: bench/image.sh [BUILD_DIR] [SCALE_BODIES]
#   BUILD_DIR     a build with -DORGLINEAGE_BUILD_BENCH=ON (default: build-bench): orglineage,
#                 orglineage_bench, orglineage_bench_image
#   SCALE_BODIES  bodies of the larger generated dataset to compile (default 100000; events are 3x;
#                 a dataset of 10000 is compiled too), beside libyaml's event parser over the same
#                 files (orglineage_bench_libyaml); BEFORE=an older orglineage times its compiles too
# Everything generated goes to $BENCH_TMP (default /tmp/orglineage-bench-image).
# Needs /usr/bin/python3 with python3-networkx, and GNU /usr/bin/time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-bench}
scale=${2:-100000}
data=$root/data/nhs-england
tmp=${BENCH_TMP:-/tmp/orglineage-bench-image}
py=/usr/bin/python3
runs=${RUNS:-21}
mkdir -p "$tmp"
cli=$build/orglineage
img=$tmp/nhs-england.olimg

# The median wall time (ms) of RUNS whole-process runs of a command (one warm-up first).
median_ms() {
  "$@" >/dev/null 2>&1 || true
  i=0
  : >"$tmp/times"
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e" -o "$tmp/t1" "$@" >/dev/null 2>&1 || true
    cat "$tmp/t1" >>"$tmp/times"
    i=$((i + 1))
  done
  sort -n "$tmp/times" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] * 1000}'
}
ratio() { $py -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 1e-9):.2f}')" "$1" "$2"; }

echo "== machine: $(nproc) cores, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
$cli compile "$data" -o "$img"
"$build/orglineage_bench" queries "$data" 1000 "$tmp/t" >/dev/null 2>&1 # codes, edges, holds for networkx
"$build/orglineage_bench_image" export "$data" "$tmp/t"

echo "== 1. one query, whole process (median of $runs runs; the CLI opens the image)"
for q in "who|who --area E06000052 --on 2010-06-01|who-nx $tmp/t E06000052 2010-06-01" \
         "who (dict+bisect peer)|who --area E06000052 --on 2010-06-01|who $tmp/t E06000052 2010-06-01" \
         "successors|successors pct/5QP --on 2023-01-01|successors $tmp/t pct/5QP 2023-01-01" \
         "lsoa who|who --area E01019727 --on 2022-07-01|lsoa $tmp/t E01019727 2022-07-01"; do
  name=${q%%|*}; rest=${q#*|}; args=${rest%%|*}; peer=${rest#*|}
  # shellcheck disable=SC2086
  c=$(median_ms "$cli" --data "$img" $args)
  # shellcheck disable=SC2086
  y=$(median_ms "$cli" --data "$data" $args) # the YAML, for comparison
  # shellcheck disable=SC2086
  p=$(median_ms $py "$here/py_peers.py" $peer)
  echo "$name: orglineage (image) ${c} ms, orglineage (YAML) ${y} ms, Python ${p} ms"
  echo "RATIO orglineage / Python, $name: $(ratio "$c" "$p") (goal <= 0.33)"
done

echo "== 2. load of the shipped data"
"$build/orglineage_bench_image" load "$img" 50
"$build/orglineage_bench_image" load-lsoa "$img" 20
"$build/orglineage_bench_image" load "$data" 3

echo "== 3. holders, 1000000 random queries (commissioning, a local authority, a date)"
"$build/orglineage_bench_image" holders "$img" 1000000 "$tmp/t" | tee "$tmp/holders.txt"
$py "$here/py_peers.py" holders "$tmp/t" | tee "$tmp/py_holders.txt"
c=$(sed 's/.* mean_ns=\([0-9]*\).*/\1/' "$tmp/holders.txt")
p=$(sed 's/.* mean_ns=\([0-9]*\).*/\1/' "$tmp/py_holders.txt")
cm=$(sed 's/.*median_mean_ns=\([0-9]*\).*/\1/' "$tmp/holders.txt")
pm=$(sed 's/.*median_mean_ns=\([0-9]*\).*/\1/' "$tmp/py_holders.txt")
echo "RATIO Python dict+bisect / orglineage holders (best round): $(ratio "$p" "$c") (goal >= 5)"
echo "RATIO Python dict+bisect / orglineage holders (median round): $(ratio "$pm" "$cm") (goal >= 5)"

echo "== 4. compile: the shipped data, then generated datasets of 10000 and $scale bodies"
# One line per run: wall seconds, CPU seconds (user + sys), peak RSS in MiB, from GNU time.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/m" "$@" >"$tmp/m.out" 2>"$tmp/m.err" || { cat "$tmp/m.err"; exit 1; }
  awk '{printf "%.2f s wall, %.2f s CPU, %.0f MiB peak", $1, $2 + $3, $4 / 1024}' "$tmp/m"
}
# BEFORE=path/to/an/older/orglineage times the same compiles with it, in the same run.
before=${BEFORE:-}
echo "shipped data: compile $(measure "$cli" compile "$data" -o "$tmp/shipped.olimg")"
if [ -n "$before" ]; then
  echo "shipped data: compile (before) $(measure "$before" compile "$data" -o "$tmp/shipped-before.olimg")"
fi
for n in 10000 "$scale"; do
  [ -d "$tmp/gen_$n" ] || $py "$here/gen_dataset.py" "$n" "$tmp/gen_$n" >/dev/null 2>&1
  echo "$n bodies ($(du -sm "$tmp/gen_$n" | cut -f1) MiB of YAML):"
  echo "  libyaml events (peer): $(measure "$build/orglineage_bench_libyaml" "$tmp/gen_$n")"
  echo "  orglineage compile:    $(measure "$cli" compile "$tmp/gen_$n" -o "$tmp/gen_$n.olimg")"
  if [ -n "$before" ]; then
    echo "  compile (before):      $(measure "$before" compile "$tmp/gen_$n" -o "$tmp/gen_$n-before.olimg")"
  fi
done
"$build/orglineage_bench_image" load "$tmp/gen_$scale.olimg" 5
