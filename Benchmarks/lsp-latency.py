#!/usr/bin/env python3
"""Time `grouparoo-gen lsp` from didChange to publishDiagnostics on a large config tree.

Usage: lsp-latency.py BINARY CONFIG_DIR [EDITS]      (EDITS default 31)

Starts the server on CONFIG_DIR, opens one property file and edits its `sourceId` back and
forth between a missing source (an `unknown-reference` error appears) and the right one (it
clears). Each edit waits for the publishDiagnostics of that file that reflects it. Prints the
start-up time (initialize to the first pass), the latency median / p90 / max and the server's
peak RSS (VmHWM) as a markdown table row.
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

    def edit(version, letter):
        send(process, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line_number, "character": column},
                                          "end": {"line": line_number, "character": column + 1}}, "text": letter}]}})

    # The first edit also waits for the directory read and the first full pass.
    edit(2, "x")
    wait_for_diagnostics(process, uri, True)
    startup = time.perf_counter() - started
    latencies = []
    for number in range(edits):
        broken = number % 2 == 1
        began = time.perf_counter()
        edit(3 + number, "x" if broken else "u")
        wait_for_diagnostics(process, uri, broken)
        latencies.append((time.perf_counter() - began) * 1000)
    status = pathlib.Path(f"/proc/{process.pid}/status").read_text()
    peak_kib = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])
    send(process, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send(process, {"jsonrpc": "2.0", "method": "exit"})
    process.wait(timeout=30)

    files = sum(1 for p in config.rglob("*") if p.suffix in (".js", ".json"))
    latencies.sort()
    p90 = latencies[int(len(latencies) * 0.9) - 1]
    print("| files | start-up (s) | didChange→publishDiagnostics median (ms) | p90 (ms) | max (ms) | peak RSS (MiB) |")
    print("|---|---|---|---|---|---|")
    print(f"| {files} | {startup:.2f} | {statistics.median(latencies):.1f} | {p90:.1f} | {latencies[-1]:.1f} | {peak_kib / 1024:.0f} |")


if __name__ == "__main__":
    main()
