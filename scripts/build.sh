#!/usr/bin/env bash
# Configures and builds orglineage into build/ (or $ORGLINEAGE_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ORGLINEAGE_BUILD_DIR:-$root/build}"
# The Python package is built where Debian's python3 has pybind11 (scripts/install-deps.sh installs it).
python=()
if /usr/bin/python3 -c "import pybind11" 2>/dev/null; then
  python=(-DORGLINEAGE_BUILD_PYTHON=ON -DPython3_EXECUTABLE=/usr/bin/python3)
fi
# Warnings are errors in every build, so that scripts/run.sh and scripts/test.sh configure the same
# build and the second command reuses what the first compiled (ORGLINEAGE_WERROR=OFF to relax it).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORGLINEAGE_WERROR="${ORGLINEAGE_WERROR:-ON}" \
  "${python[@]}" "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
