#!/usr/bin/env bash
# Builds and checks the R package against this build of the library, then runs the R example:
# installs the build ($ORGLINEAGE_BUILD_DIR, default build/) to a temporary prefix, runs
# bindings/r/check.sh (R CMD build + R CMD check, which runs the testthat tests) and
# examples/07_remap_ccg_figures.R with the checked package. Skipped, saying so, without R.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${ORGLINEAGE_BUILD_DIR:-$root/build}" && pwd)"
if ! command -v R >/dev/null || ! Rscript -e 'library(Rcpp); library(testthat)' >/dev/null 2>&1; then
  echo "test-r: SKIPPED: R with Rcpp and testthat is not installed (scripts/install-deps.sh installs them)" >&2
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
start=$SECONDS
"$root/bindings/r/check.sh" "$tmp/prefix" "$tmp/r" | tail -n 25
echo "test-r: R CMD check passed in $((SECONDS - start)) s"
# R CMD check left the package installed in orglineage.Rcheck: the example runs with that copy,
# finding the installed dataset by itself.
out="$(env -u ORGLINEAGE_DATA R_LIBS="$tmp/r/orglineage.Rcheck" Rscript "$root/examples/07_remap_ccg_figures.R")"
echo "$out"
echo "$out" | grep -qE "mapped onto [0-9]+ ICBs of 2023-06-01; 0 rows rejected"
before="$(echo "$out" | sed -n 's/^total before \([0-9.]*\), after .*/\1/p')"
after="$(echo "$out" | sed -n 's/^total before [0-9.]*, after \([0-9.]*\)$/\1/p')"
[ -n "$before" ] && [ "$before" = "$after" ] || { echo "test-r: the R example did not conserve its total" >&2; exit 1; }
echo "test-r: ok"
