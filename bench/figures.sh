# Sourced by bench/run.sh and bench/remap.sh (POSIX sh): the paths, the timing helpers, and the
# generated figures both remap benchmarks read. The caller sets `build` and `rows` first.
# Everything generated goes to $BENCH_TMP (default /tmp/orglineage-bench), never into the repository.
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
data=$root/data/nhs-england
tmp=${BENCH_TMP:-/tmp/orglineage-bench}
py=/usr/bin/python3
cli=$build/orglineage
bench=$build/orglineage_bench
to=2024-07-01
remap_args="--code-column org_code --date-column period --value-column activity --value-column spend --to $to"
mkdir -p "$tmp"

# elapsed seconds and peak RSS (MiB) from a `/usr/bin/time -v` log
measure() { # LOG -> "seconds mib"
  $py - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
w = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
s = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
m = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
print(f"{s:.3f} {m:.1f}")
PY
}
timed() { # LOG CMD... : runs CMD under /usr/bin/time -v, output kept in LOG.out
  log=$1; shift
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log" >&2; exit 1; }
}
ratio() { $py -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

# $tmp/figures.csv (ROWS monthly rows from the dataset's real ODS codes, about 1 % bad; kept when it
# already has ROWS rows), $tmp/figures_small.csv (a tenth of it) and $tmp/lookup.csv (the code ->
# target lookup table the pandas and DuckDB peers join on), then the big file read once so that
# every contender finds it in the page cache.
make_figures() { # ROWS
  [ -s "$tmp/figures.csv" ] && [ "$(wc -l <"$tmp/figures.csv")" -eq $(($1 + 1)) ] ||
    $bench gencsv "$data" "$1" "$tmp/figures.csv" 2>/dev/null
  $bench gencsv "$data" $(($1 / 10)) "$tmp/figures_small.csv" 2>/dev/null
  $bench lookup "$data" $to "$tmp/lookup.csv" 2>/dev/null
  echo "input: $(du -m "$tmp/figures.csv" | cut -f1) MiB, $1 rows; lookup table: $(wc -l <"$tmp/lookup.csv") lines"
  cat "$tmp/figures.csv" >/dev/null
}
