#!/usr/bin/env bash
# CI: the concurrency tests (tests/unit/test_concurrency.cpp: many threads querying one Lineage, and
# the loader's parallel parsing) under ThreadSanitizer; any report fails the run.
# Build dir: $ORGLINEAGE_TSAN_DIR (default build-tsan); jobs: $ORGLINEAGE_JOBS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORGLINEAGE_TSAN_DIR:-$root/build-tsan}"
jobs="${ORGLINEAGE_JOBS:-$(nproc)}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DORGLINEAGE_SANITIZE=thread >/dev/null
cmake --build "$build" -j "$jobs" --target orglineage_tests
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
"$build/tests/orglineage_tests" --test-suite=concurrency
