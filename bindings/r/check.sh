#!/usr/bin/env bash
# Builds and checks the R package against an installed orglineage C++ library:
#   bindings/r/check.sh PREFIX [WORKDIR]
# Stages the package (its sources plus bindings/common, shared with the Python package), then runs
# R CMD build and R CMD check; fails on any ERROR or WARNING.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(cd "$1" && pwd)"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
rm -rf "$work/orglineage"
cp -r "$here/orglineage" "$work/orglineage"
cp "$here/../common/tables.hpp" "$here/../common/tables.cpp" "$work/orglineage/src/"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib64/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
unset ORGLINEAGE_DATA # the package must find the installed dataset by itself
export _R_CHECK_FORCE_SUGGESTS_=false
cd "$work"
R CMD build --no-manual orglineage >build.log 2>&1 || { cat build.log; exit 1; }
tarball=$(ls orglineage_*.tar.gz)
R CMD check --no-manual --no-build-vignettes "$tarball" >check.log 2>&1 || true
cat check.log
if grep -qE '^Status: .*(ERROR|WARNING)' orglineage.Rcheck/00check.log 2>/dev/null ||
   ! grep -q '^Status:' orglineage.Rcheck/00check.log 2>/dev/null; then
  echo "R CMD check: errors or warnings (see above)" >&2
  exit 1
fi
