#!/usr/bin/env bash
# Times `grouparoo-gen dump` (release build) against Node requiring every file the
# way Grouparoo's loader does, on a synthetic tree of >= 10,000 files.
#
#   Benchmarks/run.sh [FILES] [RUNS]        defaults: 10000 files, 5 runs
#
# Environment: SCRATCH_PATH (default .build) is passed to `swift build --scratch-path`;
# SKIP_BUILD=1 reuses an existing release binary.
# Prints a markdown table (median wall time and median peak RSS per command).
set -euo pipefail

FILES="${1:-10000}"
RUNS="${2:-5}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/out"
TREE="$OUT/tree"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"

cd "$ROOT"
command -v node >/dev/null || { echo "node is not on PATH" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is required for peak RSS" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== swift build -c release (scratch path $SCRATCH_PATH)" >&2
  swift build -c release --scratch-path "$SCRATCH_PATH" --product grouparoo-gen >&2
fi
BIN="$(swift build -c release --scratch-path "$SCRATCH_PATH" --show-bin-path)/grouparoo-gen"
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 1; }

mkdir -p "$OUT"
echo "== writing $FILES files to $TREE" >&2
python3 "$HERE/make-tree.py" "$FILES" "$TREE" >&2
FILE_COUNT="$(find "$TREE" -type f \( -name '*.js' -o -name '*.json' \) | wc -l | tr -d ' ')"

# Same environment for both sides: nothing the tree reads from process.env is set.
run_env=(env -u WAREHOUSE_PASSWORD -u WAREHOUSE_USER -u MAILCHIMP_LIST_ID -u MAILCHIMP_API_KEY -u ADMIN_PASSWORD)

# measure NAME RUNS CMD... : runs CMD (stdout discarded) RUNS times, records wall
# seconds and peak RSS (KiB) per run in $OUT/NAME.samples.
measure() {
  local name="$1" runs="$2"; shift 2
  local samples="$OUT/$name.samples"
  : > "$samples"
  for _ in $(seq 1 "$runs"); do
    local log="$OUT/$name.time"
    local status=0
    # GNU time's wall clock has 10 ms resolution, so wall time is taken with
    # nanosecond timestamps around it; GNU time supplies the peak RSS.
    local start end
    start="$(date +%s.%N)"
    "${run_env[@]}" /usr/bin/time -v -o "$log" "$@" > /dev/null 2> "$OUT/$name.stderr" || status=$?
    end="$(date +%s.%N)"
    if [ "$status" -gt 1 ]; then
      echo "warning: '$*' exited with $status; see $OUT/$name.stderr" >&2
    fi
    python3 - "$log" "$start" "$end" >> "$samples" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
seconds = float(sys.argv[3]) - float(sys.argv[2])
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(f"{seconds} {rss}")
PY
  done
}

summary() {  # prints "median_seconds median_rss_mib min_seconds"
  python3 - "$OUT/$1.samples" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
secs = [r[0] for r in rows]; rss = [r[1] / 1024 for r in rows]
print(f"{statistics.median(secs):.3f} {statistics.median(rss):.1f} {min(secs):.3f}")
PY
}

HELP="$("$BIN" --help 2>&1 || true)"
has_command() { grep -Eq "^[[:space:]]*$1([[:space:]]|$)" <<<"$HELP"; }

echo "== correctness: grouparoo-gen dump vs node-loader --dump" >&2
"${run_env[@]}" "$BIN" dump "$TREE" > "$OUT/ours.json" 2> "$OUT/ours.stderr" || true
"${run_env[@]}" node "$HERE/node-loader.js" "$TREE" --dump > "$OUT/node.json" 2> "$OUT/node.stderr" || true
python3 - "$OUT/ours.json" "$OUT/node.json" <<'PY' >&2 || true
import json, sys
def load(p):
    try:
        return json.load(open(p))
    except Exception as e:
        return e
ours, node = load(sys.argv[1]), load(sys.argv[2])
if isinstance(ours, Exception) or isinstance(node, Exception):
    print(f"   cannot compare: ours={type(ours).__name__ if isinstance(ours, Exception) else 'ok'} node={type(node).__name__ if isinstance(node, Exception) else 'ok'}")
    sys.exit(0)
# Accept either a flat list of objects or a list of {file, objects} records.
if isinstance(ours, dict) and "objects" in ours:
    ours = ours["objects"]
if isinstance(ours, list) and ours and all(isinstance(o, dict) and "objects" in o and "class" not in o for o in ours):
    ours = [x for o in ours for x in o["objects"]]
print(f"   objects: ours {len(ours)}, node {len(node)}; identical as JSON values: {ours == node}")
if ours != node:
    for i, (a, b) in enumerate(zip(ours, node)):
        if a != b:
            print(f"   first difference at object {i}:\n     ours {json.dumps(a)[:300]}\n     node {json.dumps(b)[:300]}")
            break
PY

echo "== timing ($RUNS runs each)" >&2
measure dump "$RUNS" "$BIN" dump "$TREE"
measure node "$RUNS" node "$HERE/node-loader.js" "$TREE" --dump
rows=()
rows+=("dump|\`grouparoo-gen dump\` ($FILE_COUNT files)")
rows+=("node|\`node Benchmarks/node-loader.js --dump\` ($FILE_COUNT files)")

if has_command validate; then
  measure validate "$RUNS" "$BIN" validate "$TREE"
  rows+=("validate|\`grouparoo-gen validate\` ($FILE_COUNT files)")
fi

if has_command generate; then
  # `generate` writes a file, so every run gets a fresh directory to write into.
  GEN_RUNS=$(( RUNS > 10 ? RUNS : 11 ))
  GEN_DIR="$OUT/generate"
  : > "$OUT/generate.samples"
  for i in $(seq 1 "$GEN_RUNS"); do
    rm -rf "$GEN_DIR"; mkdir -p "$GEN_DIR/config"
    ( cd "$GEN_DIR" && measure generate_one 1 "$BIN" generate apiKey x ${GENERATE_ARGS:-} )
    cat "$OUT/generate_one.samples" >> "$OUT/generate.samples"
  done
  rows+=("generate|\`grouparoo-gen generate apiKey x\` ($GEN_RUNS runs)")
fi

dump_median="$(summary dump | cut -d' ' -f1)"
node_median="$(summary node | cut -d' ' -f1)"

echo
echo "Machine: $(nproc) cores, $(uname -sm); $(swift --version 2>/dev/null | head -1); node $(node --version)"
echo
echo "| command | median wall (s) | fastest (s) | median peak RSS (MiB) |"
echo "|---|---:|---:|---:|"
for row in "${rows[@]}"; do
  name="${row%%|*}"; label="${row#*|}"
  read -r med rss fastest < <(summary "$name")
  echo "| $label | $med | $fastest | $rss |"
done
echo
python3 -c "import sys; d,n=float(sys.argv[1]),float(sys.argv[2]); print(f'Speed-up of dump over Node (median): {n/d:.1f}x')" "$dump_median" "$node_median"
