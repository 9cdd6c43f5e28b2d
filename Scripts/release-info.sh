#!/bin/sh
# The facts a release is named by, declared once for build-release.sh, install-release.sh and the
# GitHub Action (action.yml):
#
#   Scripts/release-info.sh repository          GitHub repository the releases are published in
#   Scripts/release-info.sh version             version, read from the CLI's source
#   Scripts/release-info.sh arch                this machine's architecture as archive names spell it
#   Scripts/release-info.sh archive VERSION ARCH  the release archive's file name
#   Scripts/release-info.sh base-url VERSION    where a release's files are downloaded from
#
# To publish from another repository run Scripts/set-repository.sh OWNER/NAME: it changes the
# line below and every copy in the documentation, templates and examples.
set -eu
repository=YOUR-ORG/grouparoo-gen

root=$(cd "$(dirname "$0")/.." && pwd)

case "${1:-}" in
    repository) echo "$repository" ;;
    version)
        # CommandRouter.version, wherever the CLI keeps CommandRouter.swift.
        version=$(find "$root/Sources/grouparoo-gen" -name CommandRouter.swift -exec sed -n 's/^ *static let version = "\([^"]*\)".*/\1/p' {} +)
        case $version in
            ""|*[!0-9A-Za-z.+-]*) echo "release-info: no single 'static let version' in Sources/grouparoo-gen/**/CommandRouter.swift" >&2; exit 1 ;;
        esac
        echo "$version" ;;
    arch)
        case $(uname -m) in
            x86_64|amd64) echo x86_64 ;;
            aarch64|arm64) echo aarch64 ;;
            *) echo "release-info: no release is built for $(uname -m)" >&2; exit 1 ;;
        esac ;;
    archive) echo "grouparoo-gen-$2-linux-$3.tar.gz" ;;
    base-url) echo "https://github.com/$repository/releases/download/v$2" ;;
    *) echo "usage: release-info.sh repository|version|arch|archive VERSION ARCH|base-url VERSION" >&2; exit 2 ;;
esac
