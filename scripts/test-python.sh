#!/usr/bin/env bash
# The Python package installed as its users install it, each copy answering the README's first
# question from the dataset it carries or was installed with (never the source tree's):
# 1. `cmake --install --prefix P` of the build ($ORGLINEAGE_BUILD_DIR, default build/) writes
#    nothing outside P, and P's package (PYTHONPATH=P/lib/python3.X/...) uses P's dataset and image;
# 2. `pip install --no-build-isolation ./bindings/python` into a fresh virtual environment
#    (--system-site-packages: Debian's pandas, setuptools, pybind11), with no package index;
# 3. `pip wheel` of the same: the wheel carries the module, the dataset and its image.
# The pip build runs the project's CMake in bindings/python/build (kept, so a second run is quick);
# ccache is used where installed. Skipped, saying so, without Debian's python3 with pybind11.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${ORGLINEAGE_BUILD_DIR:-$root/build}" && pwd)"
python=/usr/bin/python3
if ! "$python" -c "import pybind11, pandas, setuptools, venv" 2>/dev/null; then
  echo "test-python: SKIPPED: Debian's python3 with pybind11, pandas and setuptools is not installed" >&2
  exit 0
fi
if ! grep -q '^ORGLINEAGE_BUILD_PYTHON:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "test-python: the build in $build has no Python package (ORGLINEAGE_BUILD_PYTHON=ON)" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unset ORGLINEAGE_DATA PYTHONPATH # each copy must find its dataset by itself

# answer PYTHON DIR: asks the README's first question from DIR (not the source tree) and checks the
# answer, its notes' place in the table, and that the dataset used is under the expected directory.
answer() {
  (cd "$tmp" && "$1" - "$2" <<'PY'
import os, sys
import orglineage
lin = orglineage.load()
expected = os.path.realpath(sys.argv[1])
assert os.path.realpath(lin.path).startswith(expected + os.sep), (lin.path, expected)
assert os.path.realpath(orglineage.__file__).startswith(expected + os.sep), (orglineage.__file__, expected)
df = lin.who("E06000052", "2007-06-01")
print(df.to_string())
assert df["id"].tolist() == ["pct/5QP"], df
print("test-python: answered from", lin.path)
PY
  )
}

echo "test-python: cmake --install --prefix writes only under the prefix"
prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"
outside="$(sed -n 's/^-- \(Installing\|Up-to-date\): //p' "$tmp/install.log" | grep -v "^$prefix/" || true)"
if [ -n "$outside" ]; then
  echo "test-python: installed outside the prefix:" >&2
  echo "$outside" >&2
  exit 1
fi
site="$(find "$prefix" -path '*/orglineage/__init__.py' -printf '%h\n' | head -n 1)"
test -n "$site" || { echo "test-python: no Python package under $prefix" >&2; exit 1; }
PYTHONPATH="$(dirname "$site")" answer "$python" "$prefix"

echo "test-python: pip install ./bindings/python into a fresh virtual environment"
"$python" -m venv --system-site-packages "$tmp/venv"
if command -v ccache >/dev/null && [ -z "${CMAKE_ARGS:-}" ]; then
  export CMAKE_ARGS="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
fi
start=$SECONDS
"$tmp/venv/bin/pip" install --no-build-isolation --no-index -q "$root/bindings/python" >"$tmp/pip.log" 2>&1 ||
  { tail -n 40 "$tmp/pip.log" >&2; exit 1; }
echo "test-python: pip install took $((SECONDS - start)) s"
answer "$tmp/venv/bin/python" "$tmp/venv"

echo "test-python: pip wheel"
"$tmp/venv/bin/pip" wheel --no-build-isolation --no-index --no-deps -q -w "$tmp/wheels" "$root/bindings/python" \
  >"$tmp/wheel.log" 2>&1 || { tail -n 40 "$tmp/wheel.log" >&2; exit 1; }
wheel="$(ls "$tmp"/wheels/orglineage-*.whl)"
"$python" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for needed in ("orglineage/__init__.py", "orglineage/data/nhs-england/dataset.yaml", "orglineage/data/nhs-england.olimg"):
    assert needed in names, (needed, "not in the wheel")
assert any(n.startswith("orglineage/_orglineage") and n.endswith(".so") for n in names), "no module in the wheel"
print("test-python: the wheel carries the module, the dataset and its image:", sys.argv[1].rsplit("/", 1)[-1])
PY
echo "test-python: ok"
