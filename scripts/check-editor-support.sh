#!/usr/bin/env bash
# Editor support, checked with rust-analyzer's command line: rust-analyzer must see every exercise
# file (through exercises/Cargo.toml, which rustprep writes) and report the shipped exercises'
# errors in them, and it must find nothing wrong in the solutions. Its checks use
# exercises/target, never rustprep's target directories, so they never hold the watcher's lock.
#
# Needs rust-analyzer and the standard library's source:
#   rustup component add rust-analyzer rust-src
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rust-analyzer --version >/dev/null 2>&1; then
    echo "rust-analyzer is not installed: rustup component add rust-analyzer rust-src" >&2
    exit 2
fi
cargo run --quiet -- list >/dev/null # writes exercises/Cargo.toml when it is out of date

shipped=$(rust-analyzer diagnostics exercises 2>&1 | tr "\r" "\n" || true) # exits 1 on errors, as expected here
files=$(grep -o "file $PWD/exercises/[^:]*\.rs" <<<"$shipped" | sort -u | wc -l)
echo "rust-analyzer reports errors in $files of the shipped exercise files"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r solutions "$tmp/exercises"
cp exercises/Cargo.toml exercises/.rustprep-run.rs "$tmp/exercises/"
solved=$(rust-analyzer diagnostics "$tmp/exercises" 2>&1 | tr '\r' '\n' | grep -c ": Error " || true)
echo "rust-analyzer errors in the solutions, laid out as exercises: $solved"

[ "$files" -gt 0 ] && [ "$solved" -eq 0 ]
