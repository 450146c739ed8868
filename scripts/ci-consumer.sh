#!/usr/bin/env bash
# CI: installs the build ($ORGLINEAGE_BUILD_DIR, default build/, as scripts/test.sh left it) to a
# temporary prefix, then: builds tests/consumer/ against it with find_package(orglineage CONFIG) and
# runs it on the installed dataset; builds it against the build tree (orglineage_DIR=<build>);
# compiles it with the pkg-config file; and asks the installed CLI a question without --data (it
# must find share/orglineage/nhs-england itself).
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

echo "consumer: pkg-config"
pcdir="$(dirname "$(find "$prefix" -name orglineage.pc | head -n 1)")"
dataset="$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=datasetdir orglineage)"
test "$(realpath "$dataset")" = "$(realpath "$prefix/share/orglineage/nhs-england")"
# shellcheck disable=SC2046
c++ -std=c++17 -o "$tmp/consumer-pc" "$root/tests/consumer/main.cpp" -DORGLINEAGE_CONSUMER_DATASET="\"$dataset\"" \
  $(PKG_CONFIG_PATH="$pcdir" pkg-config --static --cflags --libs orglineage)
"$tmp/consumer-pc" | grep -q "^pct/5QP "

if [ -x "$prefix/bin/orglineage" ]; then
  echo "consumer: the installed CLI finds the installed dataset"
  (cd "$tmp" && env -u ORGLINEAGE_DATA "$prefix/bin/orglineage" --version | tee "$tmp/version.txt")
  grep -q "($prefix/.*share/orglineage/nhs-england)" "$tmp/version.txt"
  (cd "$tmp" && env -u ORGLINEAGE_DATA "$prefix/bin/orglineage" who --area Cornwall --on 2007-06-01)
fi
echo "consumer: ok"
