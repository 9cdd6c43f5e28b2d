#!/usr/bin/env node
// Runs the grouparoo-gen binary this package ships for the current platform, passing the
// arguments, standard streams and exit status through unchanged. The binaries sit in
// native/<platform>-<arch>/ (put there by Scripts/build-release.sh).
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const nativeFolder = path.join(__dirname, "..", "native");
const platform = `${process.platform}-${process.arch}`;
const binary = path.join(nativeFolder, platform, "grouparoo-gen");

function fail(message) {
  process.stderr.write(`grouparoo-gen: ${message}\n`);
  process.exit(2);
}

if (!fs.existsSync(binary)) {
  const shipped = fs.existsSync(nativeFolder) ? fs.readdirSync(nativeFolder).sort() : [];
  fail(
    `this package has no binary for ${platform} (it has: ${shipped.join(", ") || "none"}).\n` +
      "Build grouparoo-gen from source with Swift 6 (swift build -c release) and put it on PATH."
  );
}

// The binaries are linked against glibc; on musl (Alpine) they would fail with a puzzling
// "not found". Node's report names the glibc it runs on, and nothing on musl.
const report = process.report && typeof process.report.getReport === "function" ? process.report.getReport() : null;
if (process.platform === "linux" && report && report.header && !report.header.glibcVersionRuntime) {
  fail(`the ${platform} binary needs glibc, and this system's C library is not glibc (Alpine uses musl).`);
}

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  fail(`could not run ${binary}: ${result.error.message}`);
}
if (result.signal) {
  process.kill(process.pid, result.signal);
}
process.exit(result.status === null ? 1 : result.status);
