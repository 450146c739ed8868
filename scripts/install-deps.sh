#!/usr/bin/env bash
# Installs, from Debian's packages, whatever of orglineage's build and test dependencies is missing.
# With --bench, also what bench/serve.sh runs against (wrk, nginx, the FastAPI peer).
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libboost-graph-dev libboost-date-time-dev libyaml-cpp-dev libyaml-dev doctest-dev
          libcli11-dev nlohmann-json3-dev graphviz
          # orglineage serve (Boost.Beast and Asio, header-only) and its tests in a real browser
          libboost-dev chromium chromium-driver python3-selenium
          # the Python package (pybind11) and its tests
          python3-dev python3-pybind11 pybind11-dev python3-pandas python3-pytest
          # the R package (Rcpp) and its tests
          r-base-dev r-cran-rcpp r-cran-testthat r-cran-tibble)
if [ "${1:-}" = "--bench" ]; then
  packages+=(wrk nginx-light python3-fastapi python3-uvicorn python3-networkx curl)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
