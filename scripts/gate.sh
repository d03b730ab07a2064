#!/usr/bin/env bash
# Runs one quality gate: prints its name and command, runs it, and reports how long it took.
# A failing gate stops here with the command's own exit code.
set -euo pipefail

name=$1
shift
started=$(date +%s)
echo "==> ${name}: $*"
"$@"
echo "<== ${name}: passed in $(($(date +%s) - started))s"
