#!/bin/sh
# Regenerates README.md's command headings and option lists from the option declarations.
set -eu
cd "$(dirname "$0")/.."
UPDATE_README_OPTIONS=1 swift test --filter ReadmeOptionListTests.testReadmeHeadingsAndOptionListsMatchTheDeclarations
