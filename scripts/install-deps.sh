#!/usr/bin/env bash
# Installs, from Debian's packages, whatever of orglineage's build and test dependencies is missing.
set -euo pipefail
packages=(cmake ninja-build g++ libboost-graph-dev libboost-date-time-dev libyaml-cpp-dev doctest-dev
          libcli11-dev nlohmann-json3-dev graphviz)
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
