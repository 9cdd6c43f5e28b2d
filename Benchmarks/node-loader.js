#!/usr/bin/env node
// Loads a config directory the way Grouparoo's loader does (R-LOAD-01..09), for
// comparison with `grouparoo-gen dump`. It executes every .js file with require().
//
//   node Benchmarks/node-loader.js CONFIG_DIR          prints the number of objects
//   node Benchmarks/node-loader.js CONFIG_DIR --dump   prints the objects as JSON
//
// Differences from Grouparoo: JSON5 is not available without npm packages, so .json
// files are read with JSON.parse (the benchmark tree only holds strict JSON), and
// the function payload receives an empty object instead of Actionhero's config.
"use strict";

const fs = require("fs");
const path = require("path");

function collect(directory, into) {
  let entries;
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    return into; // a missing directory is just an empty config
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue; // glob's dot:false
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      collect(full, into); // symlinked directories are not followed
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      if (entry.name.endsWith(".js") || entry.name.endsWith(".json")) into.push(full);
    }
  }
  return into;
}

async function loadFile(file) {
  let payload = {};
  if (file.endsWith(".json")) {
    const contents = fs.readFileSync(file).toString();
    if (contents.trim().includes("{")) payload = JSON.parse(contents);
  } else {
    payload = require(file);
  }
  const keys = Object.keys(payload);
  if (keys.length === 1 && keys[0] === "default") payload = payload.default;
  if (typeof payload === "function") payload = await payload({});
  const objects = Array.isArray(payload) ? payload : [payload];
  const nullish = objects.filter((o) => o === null || o === undefined).length;
  return { objects, nullish };
}

async function main() {
  const args = process.argv.slice(2);
  const dump = args.includes("--dump");
  const directory = args.find((a) => !a.startsWith("--"));
  if (!directory) {
    process.stderr.write("usage: node node-loader.js CONFIG_DIR [--dump]\n");
    process.exit(2);
  }
  const root = path.resolve(directory);
  const files = collect(root, []).sort((a, b) => a.localeCompare(b, "en"));

  let configObjects = [];
  const loadErrors = [];
  for (const file of files) {
    const { objects, nullish } = await loadFile(file);
    if (nullish > 0) {
      loadErrors.push(`The file \`${file}\` has ${nullish} null or undefined top-level config objects`);
    }
    configObjects = configObjects.concat(objects).filter((o) => o && Object.keys(o).length > 0);
  }

  for (const message of loadErrors) process.stderr.write(message + "\n");
  if (dump) {
    process.stdout.write(JSON.stringify(configObjects, null, 2) + "\n");
  } else {
    process.stdout.write(`${configObjects.length} objects from ${files.length} files\n`);
  }
  process.exitCode = loadErrors.length > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
