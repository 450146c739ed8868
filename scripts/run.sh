#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, check the shipped dataset and
# answer a real question with it ("who commissioned Cornwall on 1 June 2007?").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${ORGLINEAGE_BUILD_DIR:-$root/build}"
"$build/orglineage-validate" "$root/data/nhs-england"
if [ -x "$build/orglineage" ]; then
  "$build/orglineage" who --area Cornwall --on 2007-06-01
  "$build/orglineage" successors pct/5QP --on 2023-01-01
fi
