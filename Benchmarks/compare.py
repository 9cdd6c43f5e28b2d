#!/usr/bin/env python3
"""Paired timing of `grouparoo-gen validate` against the yardsticks of issue 11.

For every tree (shape x size) it runs, round after round in rotating order:
  ours     grouparoo-gen validate DIR         (release build, Swift stdlib linked statically)
  node     node ../shared/bench/node-baseline.js DIR
  oxlint   oxlint -A all DIR                   (walk, then read and parse the .js files only: oxlint leaves
                                               .json unopened; skipped when not installed)
  floor    Benchmarks/read-floor DIR           (open and read every file once, nothing else)
and prints one markdown row per tree: median wall time and median peak RSS of each, and
the ratios the goals are stated in. Then start-up times and 10k -> 100k linearity.

Wall time is taken around fork/exec/wait; peak RSS is ru_maxrss from wait4, the figure
GNU time prints as "Maximum resident set size".

usage: Benchmarks/compare.py [--runs N] [--sizes 10000,50000] [--shapes standard,deep,...]
                             [--linearity] [--startup] [--skip-build | --binary PATH]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
# Trees go outside the repository: oxlint skips git-ignored paths such as Benchmarks/out/.
TREES = os.path.join(tempfile.gettempdir(), "grouparoo-gen-bench")
NODE_BASELINE = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "node-baseline.js"))
SHAPES = ["standard", "deep", "comments", "json", "large"]
# The generated trees read these from process.env; every command sees the same (unset) values.
UNSET = ["WAREHOUSE_PASSWORD", "WAREHOUSE_USER", "MAILCHIMP_LIST_ID", "MAILCHIMP_API_KEY", "ADMIN_PASSWORD"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_once(argv, cwd=None):
    """Returns (seconds, peak RSS in MiB, exit status) of one run, output discarded."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def paired(commands, runs):
    """Runs every command `runs` times, rotating the order each round; returns medians."""
    samples = {name: [] for name in commands}
    names = list(commands)
    for round_index in range(runs):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            seconds, rss, status = run_once(commands[name])
            if status > 1:
                log(f"   warning: {name} exited {status}: {' '.join(commands[name])}")
            samples[name].append((seconds, rss))
    return {
        name: (statistics.median(s for s, _ in rows), statistics.median(r for _, r in rows))
        for name, rows in samples.items()
    }


def build(skip, binary=None):
    if not skip and not binary:
        log("== swift build -c release --static-swift-stdlib")
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "grouparoo-gen"],
                       cwd=ROOT, check=True, stdout=sys.stderr)
    if not binary:  # asking SwiftPM costs a second and leaves its temporary folders behind
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        binary = os.path.join(bin_path, "grouparoo-gen")
    if not os.access(binary, os.X_OK):
        sys.exit(f"no release binary at {binary}")
    os.makedirs(OUT, exist_ok=True)
    floor = os.path.join(OUT, "read-floor")
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(HERE, "read-floor.c")], check=True)
    return binary, floor


def make_tree(shape, size):
    tree = os.path.join(TREES, f"tree-{shape}-{size}")
    subprocess.run([sys.executable, os.path.join(HERE, "make-tree.py"), "--shape", shape, str(size), tree],
                   check=True, stdout=subprocess.DEVNULL)
    return tree


def describe(tree):
    """(files, objects, MB) of a tree; objects as node-baseline.js counts them."""
    files, size = 0, 0
    for directory, _, names in os.walk(tree):
        for name in names:
            if name.endswith((".js", ".json")):
                files += 1
                size += os.path.getsize(os.path.join(directory, name))
    output = subprocess.run(["node", NODE_BASELINE, tree], capture_output=True, text=True).stdout.split()
    objects = int(output[1]) if len(output) >= 2 and output[0] == "objects" else -1
    return files, objects, size / 1e6


def find_oxlint():
    """oxlint's own executable: timing a pyenv shim would time a shell script too."""
    path = shutil.which("oxlint")
    if path and "/shims/" in path and shutil.which("pyenv"):
        real = subprocess.run(["pyenv", "which", "oxlint"], capture_output=True, text=True).stdout.strip()
        return real or path
    return path


def tree_table(binary, floor, shapes, sizes, runs):
    oxlint = find_oxlint()
    have_oxlint = oxlint is not None
    # The floor a file and oxlint's own ratio to it show how this machine weighs system calls against user-space work.
    print("| tree | files | objects | MB | grouparoo-gen validate | node-baseline.js | × Node | "
          "oxlint -A all | ÷ oxlint | read floor | floor µs a file | ÷ floor | oxlint ÷ floor | "
          "peak ours / Node / oxlint (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for size in sizes:
        for shape in shapes:
            log(f"== {shape} {size}")
            tree = make_tree(shape, size)
            files, objects, megabytes = describe(tree)
            commands = {
                "ours": [binary, "validate", tree],
                "node": ["node", NODE_BASELINE, tree],
                "floor": [floor, tree],
            }
            if have_oxlint:
                commands["oxlint"] = [oxlint, "-A", "all", tree]
            m = paired(commands, runs)
            ours, node, fl = m["ours"], m["node"], m["floor"]
            ox = m.get("oxlint")
            ox_time = f"{ox[0]:.3f} s" if ox else "—"
            ox_ratio = f"{ours[0] / ox[0]:.1f}" if ox else "—"
            ox_rss = f"{ox[1]:.0f}" if ox else "—"
            ox_floor = f"{ox[0] / fl[0]:.1f}" if ox else "—"
            print(f"| {shape} | {files:,} | {objects:,} | {megabytes:.1f} | {ours[0]:.3f} s | {node[0]:.3f} s | "
                  f"{node[0] / ours[0]:.1f} | {ox_time} | {ox_ratio} | {fl[0]:.3f} s | {fl[0] / files * 1e6:.1f} | "
                  f"{ours[0] / fl[0]:.1f} | {ox_floor} | {ours[1]:.0f} / {node[1]:.0f} / {ox_rss} |", flush=True)
            shutil.rmtree(tree)
    if not have_oxlint:
        print("\noxlint is not installed (`pip install oxlint`), so its columns are empty.")


def linearity(binary, runs):
    """10k and 100k files run in turn each round, so the machine's drift over minutes falls on both alike."""
    log("== linearity 10000 and 100000")
    trees = {size: make_tree("standard", size) for size in (10000, 100000)}
    medians = paired({size: [binary, "validate", tree] for size, tree in trees.items()}, runs)
    for tree in trees.values():
        shutil.rmtree(tree)
    small, large = medians[10000], medians[100000]
    print(f"\nLinearity (standard shape; {runs} rounds, the two sizes in turn): 10k files {small[0]:.3f} s / "
          f"{small[1]:.0f} MiB, 100k files {large[0]:.3f} s / {large[1]:.0f} MiB: **{large[0] / small[0]:.1f}×** the "
          f"time (goal ≤ 11×).")


def startup(binary, runs):
    example = os.path.join(ROOT, "examples", "postgres-mailchimp", "config")
    scratch = os.path.join(OUT, "generate")
    rows = {
        "grouparoo-gen --version": paired({"x": [binary, "--version"]}, runs)["x"],
        "grouparoo-gen validate examples/postgres-mailchimp/config": paired({"x": [binary, "validate", example]}, runs)["x"],
        "node node-baseline.js examples/postgres-mailchimp/config": paired({"x": ["node", NODE_BASELINE, example]}, runs)["x"],
    }
    generate = []
    for _ in range(runs):  # `generate` writes a file, so each run starts from an empty config folder
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(os.path.join(scratch, "config"))
        seconds, rss, _ = run_once([binary, "generate", "apiKey", "x"], cwd=scratch)
        generate.append((seconds, rss))
    rows["grouparoo-gen generate apiKey x"] = (statistics.median(s for s, _ in generate),
                                               statistics.median(r for _, r in generate))
    print("\n| start-up | median wall | median peak RSS |\n|---|---:|---:|")
    for label, (seconds, rss) in rows.items():
        print(f"| `{label}` | {seconds * 1000:.1f} ms | {rss:.1f} MiB |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--linearity", action="store_true")
    parser.add_argument("--startup", action="store_true")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--binary", help="time this grouparoo-gen instead of building one")
    args = parser.parse_args()
    binary, floor = build(args.skip_build, args.binary)
    with open("/proc/loadavg") as handle:
        load = handle.read().split()[:3]
    print(f"Machine: {os.cpu_count()} cores, load average {' '.join(load)} at start; {args.runs} paired runs, medians.\n")
    if args.sizes:
        tree_table(binary, floor, args.shapes.split(","), [int(s) for s in args.sizes.split(",")], args.runs)
    if args.linearity:
        linearity(binary, max(5, args.runs))
    if args.startup:
        startup(binary, max(21, args.runs))


if __name__ == "__main__":
    main()
