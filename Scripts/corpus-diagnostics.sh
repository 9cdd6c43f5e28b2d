#!/usr/bin/env bash
# Prints `validate --format json` for every config directory in ../shared/corpus/config, one
# directory after another, so two builds can be compared:
#   Scripts/corpus-diagnostics.sh BIN > before.txt; (change code) ; Scripts/corpus-diagnostics.sh BIN > after.txt
#   diff before.txt after.txt
# A config directory is every folder named config* under an origin (as Grouparoo's repos keep
# them), or the origin folder itself when it has none. Extra arguments go to `validate`.
set -uo pipefail
bin="${1:?usage: corpus-diagnostics.sh GROUPAROO_GEN_BINARY [validate options]}"; shift
bin="$(cd "$(dirname "$bin")" && pwd -P)/$(basename "$bin")"
root="$(cd "$(dirname "$0")/../../shared/corpus/config" 2>/dev/null && pwd -P)"
[ -n "$root" ] && [ -d "$root" ] || { echo "no corpus at $root" >&2; exit 2; }
cd "$root"
find . -mindepth 2 -type d -name 'config*' -not -path './*/*config*/*' | LC_ALL=C sort | while read -r rel; do
    dir="$root/${rel#./}"
    echo "### ${rel#./}"
    "$bin" validate "$dir" --format json "$@" 2>&1 | sed "s#$root/##g"
    echo "### exit ${PIPESTATUS[0]}"
done
