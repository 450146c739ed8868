#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, and run every test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${ORGLINEAGE_BUILD_DIR:-$root/build}"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
"$root/scripts/check-devices.sh"
# The R package: installed library -> R CMD build, R CMD check (its testthat tests) and the R example.
"$root/scripts/test-r.sh"
"$root/scripts/check-devices.sh"
