#!/usr/bin/env bash
set -euo pipefail

name=$1
shift
started=$(date +%s)
echo "==> ${name}: $*"
"$@"
echo "<== ${name}: passed in $(($(date +%s) - started))s"
