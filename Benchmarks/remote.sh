#!/usr/bin/env bash
# Times `grouparoo-gen import` of a paginated instance with N properties (served by
# Tests/Support/fake-grouparoo.js on 127.0.0.1) end to end, and `diff` of two 10,000-file trees
# against one `validate` of a tree (release build, medians of RUNS).
#
#   Benchmarks/remote.sh [PROPERTIES] [RUNS]      defaults: 10000 properties, 5 runs
#
# SKIP_BUILD=1 reuses an existing release binary; SCRATCH_PATH (default .build) is where it is built.
# Needs node, python3 and GNU time.
set -euo pipefail

PROPERTIES="${1:-10000}"
RUNS="${2:-5}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/out/remote"
SCRATCH_PATH="${SCRATCH_PATH:-.build}"
cd "$ROOT"
command -v node >/dev/null || { echo "node is not on PATH" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is required for peak RSS" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --scratch-path "$SCRATCH_PATH" --product grouparoo-gen >&2
fi
BIN="$(swift build -c release --scratch-path "$SCRATCH_PATH" --show-bin-path)/grouparoo-gen"
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

# The fake instance; it exits when its stdin (a FIFO this script holds open) closes, or when killed.
python3 "$HERE/make-instance.py" "$PROPERTIES" "$OUT/settings.json" bench-key "$OUT/requests.log"
mkfifo "$OUT/server-stdin"
node "$ROOT/Tests/Support/fake-grouparoo.js" "$OUT/settings.json" < "$OUT/server-stdin" > "$OUT/port.txt" &
SERVER=$!
exec 9> "$OUT/server-stdin"
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q PORT "$OUT/port.txt" 2>/dev/null && break; sleep 0.1; done
HOST="http://127.0.0.1:$(sed 's/PORT //' "$OUT/port.txt")"

# measure NAME CMD... : wall seconds and peak RSS (KiB) of each run into $OUT/NAME.samples.
measure() {
  local name="$1"; shift
  local start end
  start="$(date +%s.%N)"
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr" || true
  end="$(date +%s.%N)"
  python3 - "$OUT/$name.time" "$start" "$end" >> "$OUT/$name.samples" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
print(f"{float(sys.argv[3]) - float(sys.argv[2])} {rss} {user} {system}")
PY
}
# summary NAME: median wall, median peak RSS (MiB), fastest wall, median user CPU, median system CPU.
summary() {
  python3 - "$OUT/$1.samples" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
median = lambda i: statistics.median(r[i] for r in rows)
print(f"{median(0):.3f} {median(1) / 1024:.1f} {min(r[0] for r in rows):.3f} {median(2):.2f} {median(3):.2f}")
PY
}
# ratio A B: the median of the per-run ratios A/B of wall time (runs are paired: B then A, each round).
ratio() {
  python3 - "$OUT/$1.samples" "$OUT/$2.samples" <<'PY'
import statistics, sys
a = [float(l.split()[0]) for l in open(sys.argv[1]) if l.strip()]
b = [float(l.split()[0]) for l in open(sys.argv[2]) if l.strip()]
print(f"{statistics.median(x / y for x, y in zip(a, b)):.2f}")
PY
}

# Each run writes into a new folder and the folders are removed only after the last run: on ext4
# without a journal, creating files within seconds of deleting as many makes the kernel scan the
# recently deleted inodes (`recently_deleted`), which cost up to 4 s of system CPU per import.
SERVER_CPU_BEFORE="$(awk '{print $14 + $15}' "/proc/$SERVER/stat" 2>/dev/null || echo 0)"
for run in $(seq 1 "$RUNS"); do
  mkdir -p "$OUT/import-$run"
  GROUPAROO_API_KEY=bench-key measure import "$BIN" import --host "$HOST" --config-dir "$OUT/import-$run/config"
done
SERVER_CPU_AFTER="$(awk '{print $14 + $15}' "/proc/$SERVER/stat" 2>/dev/null || echo 0)"
tail -1 "$OUT/import.stdout" >&2
FILES="$(find "$OUT/import-1/config" -type f | wc -l | tr -d ' ')"
rm -rf "$OUT"/import-*

# Two 10,000-file trees: the synthetic tree of run.sh, and a copy with 20 properties' types changed.
python3 "$HERE/make-tree.py" 10000 "$OUT/tree-a" >&2
cp -r "$OUT/tree-a" "$OUT/tree-b"
# (not `find | head`: with pipefail, find's SIGPIPE would end the script here)
mapfile -t CHANGED < <(grep -rl '"type": "string"' "$OUT/tree-b" --include='*.json' | sort | sed -n '1,20p')
sed -i 's/"string"/"email"/' "${CHANGED[@]}"
for run in $(seq 1 "$RUNS"); do
  measure validate "$BIN" validate "$OUT/tree-a"
  measure diff "$BIN" diff "$OUT/tree-a" "$OUT/tree-b"
done
TREE_FILES="$(find "$OUT/tree-a" -type f \( -name '*.js' -o -name '*.json' \) | wc -l | tr -d ' ')"
echo "diff found: $(tail -1 "$OUT/diff.stdout")" >&2

echo "| command | median wall (s) | fastest (s) | median user CPU (s) | median system CPU (s) | median peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|"
read -r s m f u y <<<"$(summary import)"; echo "| \`import\` of $PROPERTIES properties ($FILES files, pages of 100) | $s | $f | $u | $y | $m |"
read -r s m f u y <<<"$(summary validate)"; echo "| \`validate\` of one tree ($TREE_FILES files) | $s | $f | $u | $y | $m |"
read -r s m f u y <<<"$(summary diff)"; echo "| \`diff\` of two trees ($TREE_FILES files each) | $s | $f | $u | $y | $m |"
echo
echo "fake server (node) CPU per import: $(python3 -c "print(round(($SERVER_CPU_AFTER - $SERVER_CPU_BEFORE) / 100 / $RUNS, 2))") s"
echo "diff / validate, median of the $RUNS paired runs' wall-time ratios: $(ratio diff validate) (goal <= 2)"
