#!/usr/bin/env bash
# Editor support, checked as a learner gets it: the kit's root opened in an editor with
# rust-analyzer and the client settings of .vscode/settings.json. scripts/lsp_root_check.py
# talks to rust-analyzer as a language server on a copy of the kit: every exercise file must be in
# a crate (through exercises/Cargo.toml, which rustprep writes), a shipped exercise must show its
# error, completion must work in it, and the solutions, in the exercises' place, must show none.
# Its checks build in the copy's exercises/target, never in rustprep's target directories.
#
# Needs python3, rust-analyzer and the standard library's source:
#   rustup component add rust-analyzer rust-src
# Options are passed on (scripts/lsp_root_check.py --help).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rust-analyzer --version >/dev/null 2>&1; then
    echo "rust-analyzer is not installed: rustup component add rust-analyzer rust-src" >&2
    exit 2
fi
cargo run --quiet -- list >/dev/null # writes exercises/Cargo.toml when it is out of date
exec python3 scripts/lsp_root_check.py "$@"
