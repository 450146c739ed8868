#!/bin/sh
# successors against networkx, same graph, same queries, same answers (the checksums must match).
# Usage: bench/succession.sh [BUILD_DIR] [N]   (BUILD_DIR built with -DORGLINEAGE_BUILD_BENCH=ON)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-remap}
n=${2:-200000}
tmp=${BENCH_TMP:-/tmp/orglineage-bench}
mkdir -p "$tmp"
c=$("$build/orglineage_bench_succession" "$root/data/nhs-england" "$n" "$tmp/succ")
p=$(/usr/bin/python3 "$here/networkx_successors.py" "$tmp/succ")
echo "$c"; echo "$p"
sum() { echo "$1" | sed 's/.*portions=\([0-9]*\) unknown=\([0-9]*\) share_sum=\([0-9.]*\).*/\1 \2 \3/'; }
[ "$(sum "$c")" = "$(sum "$p")" ] && echo "answers: same checksum" || echo "answers: CHECKSUMS DIFFER"
med() { echo "$1" | sed 's/.*median_ns=\([0-9]*\).*/\1/'; }
p99() { echo "$1" | sed 's/.*p99_ns=\([0-9]*\).*/\1/'; }
/usr/bin/python3 -c "import sys; a,b,c,d=map(float,sys.argv[1:]); print(f'RATIO networkx / orglineage successors: median {a/max(b,1):.1f}x, p99 {c/max(d,1):.1f}x')" \
  "$(med "$p")" "$(med "$c")" "$(p99 "$p")" "$(p99 "$c")"
