#!/usr/bin/env bash
# CI: builds the libFuzzer targets (fuzz/, clang, with ASan+UBSan) and runs each for a bounded time
# ($ORGLINEAGE_FUZZ_SECONDS, default 60) from the seed corpora in fuzz/corpus/ (copied: the run's
# own finds stay in the build dir). A crash, leak, timeout or escaped exception fails the run; its
# input is left in <build>/artifacts/: fix it, then keep it in tests/fuzz_regressions/<target>/.
# Build dir: $ORGLINEAGE_FUZZ_DIR (default build-fuzz); jobs: $ORGLINEAGE_JOBS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORGLINEAGE_FUZZ_DIR:-$root/build-fuzz}"
jobs="${ORGLINEAGE_JOBS:-$(nproc)}"
seconds="${ORGLINEAGE_FUZZ_SECONDS:-60}"
cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" -j "$jobs"
mkdir -p "$build/artifacts"
# ASan keeps freed memory in a quarantine (256 MB by default) and a stack per allocation, so the
# RSS of a long run measured ASan, not the library (the loader target reached the limit in ~17
# minutes). A small quarantine and short stacks leave the RSS limit to catch the library's growth;
# -malloc_limit_mb catches one allocation far beyond what an 8 KiB input can need.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:quarantine_size_mb=16:thread_local_quarantine_size_kb=64:malloc_context_size=8"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
# The image target's seeds: images compiled from the toy datasets (one with small-area tables).
mkdir -p "$build/corpus-image"
"$build/fuzz_image_seed" "$build/corpus-image" "$root/tests/data/valid/toy" "$root/tests/small_areas/data/toy"
for spec in loader:loader:yaml manifest:manifest:yaml csv:csv:csv image:image: api:api:none; do
  IFS=: read -r target corpus dict <<<"$spec"
  work="$build/corpus-$target"
  mkdir -p "$work"
  cp -n "$root/fuzz/corpus/$corpus/"* "$work/" 2>/dev/null || true # (image: none kept, seeded above)
  # Saved regressions are seeds too: the fuzzer starts from what once went wrong.
  cp -n "$root/tests/fuzz_regressions/$corpus/"* "$work/" 2>/dev/null || true
  echo "fuzz_$target: ${seconds}s"
  dict_arg=()
  max_len=8192
  if [ -z "$dict" ]; then max_len=262144; elif [ "$dict" != none ]; then dict_arg=(-dict="$root/fuzz/$dict.dict"); fi
  if ! "$build/fuzz_$target" "$work" "${dict_arg[@]}" -max_total_time="$seconds" \
      -max_len="$max_len" -timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=512 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" 2>"$build/fuzz_$target.log"; then
    status=1
    tail -n 60 "$build/fuzz_$target.log" >&2
    echo "fuzz_$target found a problem; input(s): $(ls "$build/artifacts/" | grep "^$target-" | tr '\n' ' ')" >&2
  fi
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" \
    "$build/fuzz_$target.log" | sed "s/^/  fuzz_$target /" || true
done
exit "$status"
