#!/bin/sh
# Validates a Grouparoo config directory from any CI system (or a terminal), without GitHub.
#
#   examples/ci/validate.sh [CONFIG_DIR] [validate options...]
#
# CONFIG_DIR defaults to ./config; further arguments go to `grouparoo-gen validate`
# (e.g. --strict, --env-file .env, --disable RULE).
#
# Which grouparoo-gen runs, first match wins:
#   $GROUPAROO_GEN          path to a grouparoo-gen binary
#   grouparoo-gen on PATH
#   $GROUPAROO_GEN_SOURCE   a checkout of grouparoo-gen; it is built with `swift build -c release`
#
# Writes the findings twice: as text to the log (standard error) and as JSON to
# $GROUPAROO_REPORT (default: grouparoo-gen-report.json), for archiving or other tools.
# Exit status: 0 valid, 1 invalid config (errors, or warnings with --strict), 2 setup or usage problem.
set -u

config_dir=config
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    config_dir=$1
    shift
fi
report=${GROUPAROO_REPORT:-grouparoo-gen-report.json}

if [ -n "${GROUPAROO_GEN:-}" ]; then
    tool=$GROUPAROO_GEN
elif command -v grouparoo-gen >/dev/null 2>&1; then
    tool=$(command -v grouparoo-gen)
elif [ -n "${GROUPAROO_GEN_SOURCE:-}" ]; then
    swift build -c release --package-path "$GROUPAROO_GEN_SOURCE" >&2 || exit 2
    tool=$GROUPAROO_GEN_SOURCE/.build/release/grouparoo-gen
else
    echo "validate.sh: grouparoo-gen not found; set GROUPAROO_GEN or GROUPAROO_GEN_SOURCE, or put it on PATH" >&2
    exit 2
fi
if [ ! -x "$tool" ]; then
    echo "validate.sh: $tool is not an executable file" >&2
    exit 2
fi

# Human-readable diagnostics for the log.
"$tool" validate "$config_dir" --format text "$@"
text_status=$?

# The same findings as JSON; a usage problem is already reported above.
"$tool" validate "$config_dir" --format json "$@" > "$report"
json_status=$?

if [ "$text_status" -ne "$json_status" ]; then
    echo "validate.sh: text and JSON runs disagree ($text_status vs $json_status)" >&2
    exit 2
fi
case $text_status in
    0) echo "validate.sh: $config_dir is valid; report in $report" >&2 ;;
    1) echo "validate.sh: $config_dir has problems (see above); report in $report" >&2 ;;
    *) rm -f "$report" ;;
esac
exit "$text_status"
