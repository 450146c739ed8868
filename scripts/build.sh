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
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${python[@]}" "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
