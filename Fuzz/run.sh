#!/usr/bin/env bash
# Builds the libFuzzer target for the config reader and runs it.
#
#   Fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     default: 60 seconds
#
# The corpus grows in Fuzz/corpus/ (committed, so each run builds on the last); crashes,
# leaks, timeouts and the log go to Fuzz/corpus-run/ (git-ignored) as crash-*/leak-*/
# timeout-* files. The hand-written inputs in Fuzz/seeds/ start it off. Exit status is libFuzzer's (0 = nothing found).
set -euo pipefail

RUN_SECONDS="${1:-60}"
shift || true
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

# -sanitize=fuzzer instruments every module (ConfigModel included) for coverage and
# links the libFuzzer runtime; -sanitize=address adds AddressSanitizer. No
# -parse-as-library: SwiftPM renames an executable's main to ReaderFuzzer_main, so
# the harness keeps a main.swift that calls LLVMFuzzerRunDriver itself. Optimised code
# (FUZZ_CONFIGURATION=release, the default; `debug` for readable traces) runs ~4x more
# inputs a second; AddressSanitizer and Swift's overflow and bounds checks stay on.
FLAGS=(-c "${FUZZ_CONFIGURATION:-release}" -Xswiftc -sanitize=fuzzer,address)
swift build "${FLAGS[@]}" --product ReaderFuzzer >&2
BIN="$(swift build "${FLAGS[@]}" --show-bin-path)/ReaderFuzzer"

# Leak checking is off by default: the reader evaluates on a worker thread with a
# large stack, and that thread may still be releasing the previous result when
# libFuzzer checks for leaks right after the call returns, which LeakSanitizer
# reports as a (false) leak. FUZZ_DETECT_LEAKS=1 turns it back on, both per input and for
# the check LeakSanitizer makes when the process exits.
export ASAN_OPTIONS="detect_leaks=${FUZZ_DETECT_LEAKS:-0}${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
WORK="$HERE/corpus-run"
CORPUS="$HERE/corpus"
mkdir -p "$WORK" "$CORPUS"
LOG="$WORK/last-run.log"

echo "fuzzing for ${RUN_SECONDS}s; full log in $LOG" >&2
status=0
"$BIN" "$CORPUS" "$HERE/seeds" \
  -dict="$HERE/js.dict" \
  -max_total_time="$RUN_SECONDS" \
  -timeout=10 \
  -rss_limit_mb=4096 \
  -max_len=16384 \
  -print_final_stats=1 \
  -artifact_prefix="$WORK/" \
  -detect_leaks="${FUZZ_DETECT_LEAKS:-0}" \
  "$@" > "$LOG" 2>&1 || status=$?
grep -E "INITED|DONE|ERROR|SUMMARY|Done [0-9]+ runs|stat::" "$LOG" >&2 || true

execs="$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$LOG" | grep -Eo '[0-9]+$' || echo '?')"
echo "fuzzed ${RUN_SECONDS}s: ${execs} executions, $(ls "$CORPUS" | wc -l | tr -d ' ') inputs in corpus, exit status ${status}"
ls "$WORK" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' && echo "findings are in $WORK" >&2 || true
exit "$status"
