#!/usr/bin/env bash
# CI: installs the build ($ORGLINEAGE_BUILD_DIR, default build/, as scripts/test.sh left it) to a
# temporary prefix, then: builds tests/consumer/ against it with find_package(orglineage CONFIG) and
# runs it on the installed dataset; builds it against the build tree (orglineage_DIR=<build>);
# compiles it with the pkg-config file (with and without --static); asks the installed CLI a question
# without --data (it must find share/orglineage/nhs-england itself); then builds the library shared
# (BUILD_SHARED_LIBS=ON), checks its SONAME and that only the API is exported, and links the consumer
# against it with find_package and with pkg-config (shared, and --static).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${ORGLINEAGE_BUILD_DIR:-$root/build}" && pwd)"
jobs="${ORGLINEAGE_JOBS:-$(nproc)}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
test -f "$prefix/share/orglineage/nhs-england/dataset.yaml"
test -f "$prefix/lib/cmake/orglineage/orglineageConfig.cmake" || test -f "$prefix"/lib*/cmake/orglineage/orglineageConfigVersion.cmake

echo "consumer: find_package from the install prefix"
cmake -S "$root/tests/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/consumer" -j "$jobs" >/dev/null
"$tmp/consumer/consumer" | tee "$tmp/answer.txt"
grep -q "^pct/5QP " "$tmp/answer.txt"
# The installed dataset, not the source tree's.
grep -q "$prefix/share/orglineage/nhs-england" "$tmp/consumer/build.ninja"

echo "consumer: find_package from the build tree"
cmake -S "$root/tests/consumer" -B "$tmp/consumer-build-tree" -G Ninja -Dorglineage_DIR="$build" >/dev/null
cmake --build "$tmp/consumer-build-tree" -j "$jobs" >/dev/null
"$tmp/consumer-build-tree/consumer" | grep -q "^pct/5QP "

# pkg_config_consumer PREFIX NAME [--static]: compiles tests/consumer/main.cpp with the .pc file of
# PREFIX alone (no CMake) and runs it.
pkg_config_consumer() {
  local pcdir dataset
  pcdir="$(dirname "$(find "$1" -name orglineage.pc | head -n 1)")"
  dataset="$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=datasetdir orglineage)"
  test "$(realpath "$dataset")" = "$(realpath "$1/share/orglineage/nhs-england")"
  # shellcheck disable=SC2046
  c++ -std=c++17 -o "$tmp/$2" "$root/tests/consumer/main.cpp" -DORGLINEAGE_CONSUMER_DATASET="\"$dataset\"" \
    $(PKG_CONFIG_PATH="$pcdir" pkg-config ${3:-} --cflags --libs orglineage)
  LD_LIBRARY_PATH="$(dirname "$(find "$1" -name 'liborglineage.*' | head -n 1)")" "$tmp/$2" | grep -q "^pct/5QP "
}
echo "consumer: pkg-config, static library, with and without --static"
pkg_config_consumer "$prefix" consumer-pc-static --static
pkg_config_consumer "$prefix" consumer-pc

if [ -x "$prefix/bin/orglineage" ]; then
  echo "consumer: the installed CLI finds the installed dataset"
  (cd "$tmp" && env -u ORGLINEAGE_DATA "$prefix/bin/orglineage" --version | tee "$tmp/version.txt")
  grep -q "($prefix/.*share/orglineage/nhs-england)" "$tmp/version.txt"
  (cd "$tmp" && env -u ORGLINEAGE_DATA "$prefix/bin/orglineage" who --area Cornwall --on 2007-06-01)
fi
# The shared library: a build of the library alone, installed to a prefix of its own.
echo "consumer: shared library (BUILD_SHARED_LIBS=ON)"
shared="$tmp/shared-build"
cmake -S "$root" -B "$shared" -G Ninja -DBUILD_SHARED_LIBS=ON -DORGLINEAGE_BUILD_TESTS=OFF \
  -DORGLINEAGE_BUILD_EXAMPLES=OFF -DORGLINEAGE_BUILD_CLI=OFF >/dev/null
cmake --build "$shared" -j "$jobs" >/dev/null
cmake --install "$shared" --prefix "$tmp/prefix-shared" >/dev/null
so="$(find "$tmp/prefix-shared" -name 'liborglineage.so.*.*.*' | head -n 1)"
# The SONAME carries major.minor (below 1.0 a minor release may change the ABI).
readelf -d "$so" | grep -q "SONAME.*liborglineage.so.0.1"
# Only the API is exported: nothing of orglineage::detail or yaml-cpp's templates.
if nm -DC --defined-only "$so" | grep -E " orglineage::detail::| YAML::" | head -n 3 | grep -q .; then
  echo "consumer: the shared library exports internals:" >&2
  nm -DC --defined-only "$so" | grep -E " orglineage::detail::| YAML::" | head -n 5 >&2
  exit 1
fi
cmake -S "$root/tests/consumer" -B "$tmp/consumer-shared" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix-shared" >/dev/null
cmake --build "$tmp/consumer-shared" -j "$jobs" >/dev/null
"$tmp/consumer-shared/consumer" | grep -q "^pct/5QP "
ldd "$tmp/consumer-shared/consumer" | grep -q "liborglineage.so.0.1"
echo "consumer: pkg-config, shared library, with and without --static"
pkg_config_consumer "$tmp/prefix-shared" consumer-pc-shared
pkg_config_consumer "$tmp/prefix-shared" consumer-pc-shared-static --static
# No build-only flags reach consumers: neither warnings nor a sanitizer in the exported targets.
if grep -rqE "orglineage_warnings|fsanitize|Werror" "$prefix"/lib*/cmake/orglineage/ "$tmp/prefix-shared"/lib*/cmake/orglineage/; then
  echo "consumer: build-only targets or flags in the exported package" >&2
  exit 1
fi
echo "consumer: ok"
