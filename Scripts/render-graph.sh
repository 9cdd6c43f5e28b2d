#!/usr/bin/env bash
# Renders the dependency graph of an example config to docs/graph.dot and docs/graph.png,
# the picture the README shows. Needs Graphviz's `dot` (Debian/Ubuntu: apt-get install graphviz;
# macOS: brew install graphviz); this script only uses it.
#
# Usage: Scripts/render-graph.sh [CONFIG_DIR]   (default: examples/postgres-mailchimp/config)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
config="${1:-examples/postgres-mailchimp/config}"
scratch="${GROUPAROO_GEN_SCRATCH:-.build}"

if ! command -v dot >/dev/null 2>&1; then
    echo "error: Graphviz 'dot' is not installed (apt-get install graphviz, or brew install graphviz)" >&2
    exit 1
fi

cd "$root"
swift build --scratch-path "$scratch" --product grouparoo-gen >&2
binary="$(swift build --scratch-path "$scratch" --show-bin-path)/grouparoo-gen"

mkdir -p docs
# Write to temporary files first so a failed run never leaves half a picture behind.
"$binary" graph "$config" --format dot > docs/graph.dot.tmp
dot -Tpng -Gdpi=110 docs/graph.dot.tmp -o docs/graph.png.tmp
mv docs/graph.dot.tmp docs/graph.dot
mv docs/graph.png.tmp docs/graph.png
echo "wrote docs/graph.dot and docs/graph.png from $config" >&2
