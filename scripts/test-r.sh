#!/usr/bin/env bash
# Builds and checks the R package against this build of the library, then runs the R example:
# installs the build ($ORGLINEAGE_BUILD_DIR, default build/) to a temporary prefix, runs
# bindings/r/check.sh (R CMD build + R CMD check, which runs the testthat tests, against the
# installed library) and examples/07_remap_ccg_figures.R with the checked package; then installs
# the same tarball as its users do, install.packages(path, repos = NULL) into a fresh library (the
# package compiles its own copy of the library with CMake), and asks that copy the README's first
# question. Skipped, saying so, without R.
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
ORGLINEAGE_CLI="$build/orglineage" "$root/bindings/r/check.sh" "$tmp/prefix" "$tmp/r" | tail -n 25
echo "test-r: R CMD check passed in $((SECONDS - start)) s"
# R CMD check left the package installed in orglineage.Rcheck: the example runs with that copy,
# finding the installed dataset by itself.
out="$(env -u ORGLINEAGE_DATA R_LIBS="$tmp/r/orglineage.Rcheck" Rscript "$root/examples/07_remap_ccg_figures.R")"
echo "$out"
echo "$out" | grep -qE "mapped onto [0-9]+ ICBs of 2023-06-01; 0 rows rejected"
before="$(echo "$out" | sed -n 's/^total before \([0-9.]*\), after .*/\1/p')"
after="$(echo "$out" | sed -n 's/^total before [0-9.]*, after \([0-9.]*\)$/\1/p')"
[ -n "$before" ] && [ "$before" = "$after" ] || { echo "test-r: the R example did not conserve its total" >&2; exit 1; }

echo "test-r: install.packages() of the tarball into a fresh library"
mkdir -p "$tmp/lib"
tarball="$(ls "$tmp"/r/orglineage_*.tar.gz)"
if command -v ccache >/dev/null; then
  # The package's CMake build of the library through ccache; paths relative to the build directory
  # (base /tmp), so that a second run's temporary directories hit the cache.
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=/tmp TMPDIR=/tmp
fi
start=$SECONDS
env -u ORGLINEAGE_DATA -u ORGLINEAGE_R_USE_INSTALLED -u PKG_CONFIG_PATH Rscript -e \
  "install.packages('$tarball', lib = '$tmp/lib', repos = NULL, type = 'source')" >"$tmp/install.log" 2>&1 || true
# install.packages() only warns when an installation fails: the installed package is the proof.
[ -f "$tmp/lib/orglineage/DESCRIPTION" ] || { tail -n 60 "$tmp/install.log" >&2; exit 1; }
echo "test-r: installed in $((SECONDS - start)) s"
answer="$(cd "$tmp" && env -u ORGLINEAGE_DATA R_LIBS="$tmp/lib" Rscript -e '
  library(orglineage)
  lin <- ol_load()
  stopifnot(startsWith(normalizePath(lin$path), normalizePath(file.path(Sys.getenv("R_LIBS"), "orglineage"))))
  print(as.data.frame(ol_who(lin, "E06000052", "2007-06-01")))
  cat("answered from", lin$path, "\n")')"
echo "$answer"
echo "$answer" | grep -q "pct/5QP" || { echo "test-r: the installed package did not answer pct/5QP" >&2; exit 1; }

# The parity suite's R door against the library door, on the same questions and data (the other
# doors are compared in ctest: tests/parity).
parity="$root/tests/parity"
if [ -x "$build/tests/parity/parity_library" ]; then
  echo "test-r: the parity suite through the R package"
  data="$build/nhs-england.olimg"
  [ -f "$data" ] || data="$root/data/nhs-england"
  questions=("$parity/questions.jsonl" "$parity/remap.jsonl")
  python3 "$parity/parity.py" plain "${questions[@]}" >"$tmp/plain.jsonl"
  "$build/tests/parity/parity_library" "$data" "$tmp/plain.jsonl" >"$tmp/library.jsonl"
  env -u ORGLINEAGE_DATA R_LIBS="$tmp/lib" Rscript "$parity/door_r.R" "$data" "$tmp/plain.jsonl" >"$tmp/r.jsonl"
  python3 "$parity/parity.py" compare "${questions[@]}" library="$tmp/library.jsonl" r="$tmp/r.jsonl"
fi
echo "test-r: ok"
