#!/bin/sh
# Remap time per row of large and long values against plain integers, in one run (issue 26): the
# same generated rows (codes, dates) with the `activity` and `spend` columns rewritten as
#   int   plain integers (as generated),
#   1e30  every value 1e30 (totals of 31 digits and more: doubles leave a residual of many units),
#   f17   17-digit floats as Python writes them (0.30000000000000004 and the like; scale 17),
# each remapped A B C A B C ... RUNS times; the medians and their ratios to `int` are printed.
# Before the one-pass reconcile, one 1e27 row took over 30 s and 0.1 beside 5e9 over a minute.
# Usage: bench/remap_large_values.sh [BUILD_DIR] [ROWS] [RUNS]   (defaults: build-remap 1000000 5)
set -eu
build=${1:-$(cd "$(dirname "$0")/.." && pwd)/build-remap}
rows=${2:-1000000}
runs=${3:-5}
. "$(dirname "$0")/figures.sh"
echo "== machine: $(nproc) cores, $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -s "$tmp/large_int_$rows.csv" ] || $bench gencsv "$data" "$rows" "$tmp/large_int_$rows.csv" 2>/dev/null
$py - "$tmp/large_int_$rows.csv" "$tmp/large_1e30_$rows.csv" "$tmp/large_f17_$rows.csv" <<'PY'
import random, sys
src, e30, f17 = sys.argv[1:]
rng = random.Random(7)
with open(src) as i, open(e30, "w") as a, open(f17, "w") as b:
    head = next(i)
    a.write(head)
    b.write(head)
    for line in i:
        code, date, act, spend = line.rstrip("\n").split(",")
        a.write(f"{code},{date},1e30,1e30\n")
        # repr() of a double: the shortest round trip, up to 17 significant digits
        x = rng.random()
        b.write(f"{code},{date},{x!r},{rng.random() * 1e9!r}\n")
PY
median() { $py -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
t_int=""; t_e30=""; t_f17=""
for i in $(seq "$runs"); do
  for kind in int 1e30 f17; do
    timed "$tmp/large_$kind.log" $cli --data "$data" remap "$tmp/large_${kind}_$rows.csv" $remap_args --threads 1 \
      -o "$tmp/large_out_$kind.csv" --rejects "$tmp/large_rejects_$kind.csv"
    s=$(measure "$tmp/large_$kind.log" | cut -d' ' -f1)
    case $kind in int) t_int="$t_int $s" ;; 1e30) t_e30="$t_e30 $s" ;; f17) t_f17="$t_f17 $s" ;; esac
  done
done
timed "$tmp/large_load.log" $cli --data "$data" snapshot --on $to --kind icb
load=$(measure "$tmp/large_load.log" | cut -d' ' -f1)
mi=$(median $t_int); me=$(median $t_e30); mf=$(median $t_f17)
echo "rows $rows, runs $runs (A B C ...), one thread; dataset load alone ${load}s"
echo "seconds int:$t_int"
echo "seconds 1e30:$t_e30"
echo "seconds f17:$t_f17"
echo "output totals: $(grep -h 'activity:' "$tmp/large_1e30.log" | head -1)"
echo "RATIO time 1e30 / int (median): $(ratio "$me" "$mi")"
echo "RATIO time f17 / int (median): $(ratio "$mf" "$mi")"
