#!/usr/bin/env bash
# CI: a clang build with AddressSanitizer and UndefinedBehaviorSanitizer (-fno-sanitize-recover=all,
# applied by cmake/Warnings.cmake to the project's own targets) running the whole test suite; any
# report fails the run. Build dir: $ORGLINEAGE_ASAN_DIR (default build-asan); jobs: $ORGLINEAGE_JOBS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORGLINEAGE_ASAN_DIR:-$root/build-asan}"
jobs="${ORGLINEAGE_JOBS:-$(nproc)}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DORGLINEAGE_SANITIZE=address,undefined >/dev/null
cmake --build "$build" -j "$jobs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build" --output-on-failure -j "$jobs"
