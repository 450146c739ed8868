#!/usr/bin/env bash
# Builds and checks the R package against an installed orglineage C++ library:
#   bindings/r/check.sh PREFIX [WORKDIR]
# Runs R CMD build on bindings/r/orglineage (the tarball carries the library's sources and the
# dataset: the package's symbolic links are followed) and R CMD check on the tarball, built against
# the installed library (ORGLINEAGE_R_USE_INSTALLED=1: the library is not compiled a second time);
# fails on any ERROR or WARNING. Leaves the tarball in WORKDIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(cd "$1" && pwd)"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
rm -rf "$work/orglineage.Rcheck" "$work"/orglineage_*.tar.gz
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib64/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export ORGLINEAGE_R_USE_INSTALLED=1
unset ORGLINEAGE_DATA # the package must find its dataset by itself
export _R_CHECK_FORCE_SUGGESTS_=false
cd "$work"
R CMD build --no-manual "$here/orglineage" >build.log 2>&1 || { cat build.log; exit 1; }
tarball=$(ls orglineage_*.tar.gz)
R CMD check --no-manual --no-build-vignettes "$tarball" >check.log 2>&1 || true
cat check.log
if grep -qE '^Status: .*(ERROR|WARNING)' orglineage.Rcheck/00check.log 2>/dev/null ||
   ! grep -q '^Status:' orglineage.Rcheck/00check.log 2>/dev/null; then
  echo "R CMD check: errors or warnings (see above)" >&2
  exit 1
fi
