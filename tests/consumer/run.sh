#!/usr/bin/env bash
# Installs orgplan into a temporary prefix, builds the example plugin against the installed SDK only, and runs
# the installed binary with it on the demo org.
set -euo pipefail
build_dir=$1
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir/tests/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null

orgplan="$work/prefix/bin/orgplan"
"$orgplan" --db "$work/org.db" import "$source_dir/data/demo" >/dev/null
list=$("$orgplan" plugins list --plugin-dir "$work/build" --format csv)
grep -q '^big-team,diagnostic,1.0.0,' <<<"$list" || { echo "big-team not listed:"; echo "$list"; exit 1; }
grep -q '^by-product,principle,' <<<"$list" || { echo "installed built-ins not found:"; echo "$list"; exit 1; }
out=$("$orgplan" --db "$work/org.db" diagnose --plugin-dir "$work/build" --check big-team --param max_makers=11 --format csv)
grep -q '^warning,big-team,ana-query,12 maker FTE' <<<"$out" || { echo "unexpected findings:"; echo "$out"; exit 1; }
grep -q 'plat-infra' <<<"$out" || { echo "plat-infra missing:"; echo "$out"; exit 1; }
[ "$(echo "$out" | wc -l)" -eq 3 ] || { echo "expected exactly two findings:"; echo "$out"; exit 1; }
echo "out-of-tree plugin built against the installed SDK, loaded and run"
