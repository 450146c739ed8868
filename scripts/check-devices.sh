#!/usr/bin/env bash
# Fails loudly when something has replaced /dev/stdout, /dev/stderr or /dev/stdin with a regular file:
# a program that renames over them breaks every later program on the machine, and makes a suite that
# writes to them pass for the wrong reason (the output goes into the file, not to the reader).
set -euo pipefail
bad=0
for f in stdin stdout stderr; do
  if [ ! -L "/dev/$f" ]; then
    echo "check-devices: /dev/$f is no longer a symbolic link ($(stat -c %F "/dev/$f" 2>&1)): a test replaced it" >&2
    bad=1
  fi
done
exit "$bad"
