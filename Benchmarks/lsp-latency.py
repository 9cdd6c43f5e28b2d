#!/usr/bin/env python3
"""Time `grouparoo-gen lsp` from didChange to publishDiagnostics on a large config tree.

Usage: lsp-latency.py BINARY CONFIG_DIR [EDITS]      (EDITS default 31)

Starts the server on CONFIG_DIR, opens one property file and edits its `sourceId` back and
forth between a missing source (an `unknown-reference` error appears) and the right one (it
clears). Each edit waits for the publishDiagnostics of that file that reflects it: this is the
quick check of the changed file. Then it renames the id of that property's source back and forth
in the source's file and waits for the property file's diagnostics to follow: another file's
diagnostics come from the full rules pass. Prints the start-up time (initialize to the first
pass), both latencies (median / p90 / max) and the server's peak RSS (VmHWM) as markdown.
"""

import json
import os
import pathlib
import statistics
import subprocess
import sys
import time


def send(process, message):
    body = json.dumps(message).encode()
    process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    process.stdin.flush()


def receive(process):
    length = None
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(process.stdout.read(length))


def wait_for_diagnostics(process, uri, want_errors):
    while True:
        message = receive(process)
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
            if bool(message["params"]["diagnostics"]) == want_errors:
                return


def main():
    binary, config = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 31
    target = sorted(config.rglob("*_email.js"))[0]
    text = target.read_text()
    line_number, line = next((n, l) for n, l in enumerate(text.splitlines()) if "sourceId:" in l)
    column = line.index("_users") + 1  # the `u` of `_users`
    uri = target.as_uri()

    process = subprocess.Popen([binary, "lsp", "--config-dir", str(config)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    started = time.perf_counter()
    send(process, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": config.parent.as_uri(), "capabilities": {}}})
    while receive(process).get("id") != 1:
        pass
    send(process, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send(process, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": "javascript", "version": 1, "text": text}}})

    def edit(document, version, at, old, new):
        line_number, column = at
        send(process, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": document, "version": version},
            "contentChanges": [{"range": {"start": {"line": line_number, "character": column},
                                          "end": {"line": line_number, "character": column + len(old)}}, "text": new}]}})

    # The first edit also waits for the directory read and the first full pass.
    edit(uri, 2, (line_number, column), "u", "x")
    wait_for_diagnostics(process, uri, True)
    startup = time.perf_counter() - started

    def measure(document, watched, at, count, version, breaks_first):
        latencies = []
        for number in range(count):
            broken = (number % 2 == 0) == breaks_first
            began = time.perf_counter()
            edit(document, version + number, at, "u" if broken else "x", "x" if broken else "u")
            wait_for_diagnostics(process, watched, broken)
            latencies.append((time.perf_counter() - began) * 1000)
        return sorted(latencies)

    quick = measure(uri, uri, (line_number, column), edits | 1, 3, False)  # odd: ends fixed

    # The property's source, in the same folder tree: `sources/<prefix>_users.js`.
    prefix = target.name.split("_")[0]
    source = target.parent.parent / "sources" / f"{prefix}_users.js"
    source_text = source.read_text()
    source_uri = source.as_uri()
    id_line = next(n for n, l in enumerate(source_text.splitlines()) if f'id: "{prefix}_users"' in l)
    id_column = source_text.splitlines()[id_line].index("_users") + 1
    send(process, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": source_uri, "languageId": "javascript", "version": 1, "text": source_text}}})
    full = measure(source_uri, uri, (id_line, id_column), max(6, edits // 3) // 2 * 2, 2, True)  # even: ends fixed

    status = pathlib.Path(f"/proc/{process.pid}/status").read_text()
    peak_kib = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])
    send(process, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send(process, {"jsonrpc": "2.0", "method": "exit"})
    process.wait(timeout=30)

    files = sum(1 for p in config.rglob("*") if p.suffix in (".js", ".json"))

    def row(name, latencies):
        p90 = latencies[max(0, int(len(latencies) * 0.9) - 1)]
        return f"| {name} | {len(latencies)} | {statistics.median(latencies):.1f} | {p90:.1f} | {latencies[-1]:.1f} |"

    print(f"{files} files; start-up (initialize to the first full pass) {startup:.2f} s; peak RSS {peak_kib / 1024:.0f} MiB\n")
    print("| didChange → publishDiagnostics | edits | median (ms) | p90 (ms) | max (ms) |")
    print("|---|---:|---:|---:|---:|")
    print(row("the changed file (quick check)", quick))
    print(row("another file (full pass)", full))


if __name__ == "__main__":
    main()
