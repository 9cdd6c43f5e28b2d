#!/bin/sh
# Builds what a release publishes, into dist/:
#
#   grouparoo-gen-<version>-linux-<arch>.tar.gz (+ .sha256)  the binary, with the Swift runtime and
#                                                            Foundation linked in (--static-swift-stdlib)
#   grouparoo-gen-<version>.tgz                              the npm package (npm/), holding the binary
#                                                            of every architecture archived in dist/
#
# It builds the committed sources (HEAD), not the working tree, from a copy in
# .build/release-source whose BuildCommit.swift names the commit, so
# `grouparoo-gen --version` says which commit a binary is. The binary must not load any library of
# the Swift toolchain: the script fails when `ldd` lists one. Needs git, a Swift 6 toolchain, the
# static libraries it ships, strip, and npm for the npm package (skipped, saying so, without npm).
# libcurl is not linked: the binary opens it when import or diff connects (Remote/LibcurlOnDemand.swift).
set -eu
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
info="$root/Scripts/release-info.sh"
version=$("$info" version)
arch=$("$info" arch)
commit=$(git -C "$root" rev-parse HEAD)
commit_time=$(git -C "$root" log -1 --format=%ct HEAD)
dist="$root/dist"
copy="$root/.build/release-source"

if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
    echo "build-release: uncommitted changes are not part of the release; building commit $commit" >&2
fi

# The committed sources, with the commit written in. The copy keeps its own .build between runs.
mkdir -p "$copy"
find "$copy" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
git -C "$root" archive HEAD | tar -x -C "$copy"
stamp=$(find "$copy/Sources/grouparoo-gen" -name BuildCommit.swift)
if [ ! -f "$stamp" ]; then
    echo "build-release: expected one Sources/grouparoo-gen/**/BuildCommit.swift to write the commit into" >&2
    exit 1
fi
cat > "$stamp" <<SWIFT
/// Written by Scripts/build-release.sh: the commit this binary was built from.
enum BuildCommit {
    static let hash = "$commit"
}
SWIFT

build="swift build -c release --static-swift-stdlib --package-path $copy"
$build --product grouparoo-gen
binary="$($build --show-bin-path)/grouparoo-gen"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT INT TERM
mkdir "$stage/archive"
cp "$binary" "$stage/archive/grouparoo-gen"
strip "$stage/archive/grouparoo-gen"

# The reason for this script: nothing from the toolchain may be needed at run time.
if ldd "$stage/archive/grouparoo-gen" | grep -i -e swift -e foundation -e dispatch -e BlocksRuntime -e icu; then
    echo "build-release: the binary loads the Swift libraries above; it would not run without a toolchain" >&2
    exit 1
fi
expected="grouparoo-gen $version (commit $commit)"
actual=$("$stage/archive/grouparoo-gen" --version)
if [ "$actual" != "$expected" ]; then
    echo "build-release: --version printed '$actual', expected '$expected'" >&2
    exit 1
fi

# Archive: the binary alone, with fixed owners, order and times so a rebuild packs the same bytes.
name=$("$info" archive "$version" "$arch")
mkdir -p "$dist"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$commit_time" -C "$stage/archive" -cf - grouparoo-gen \
    | gzip -n -9 > "$stage/$name"
mv "$stage/$name" "$dist/$name"
(cd "$dist" && sha256sum "$name" > "$name.sha256")
echo "wrote dist/$name ($(wc -c < "$dist/$name") bytes; binary $(wc -c < "$stage/archive/grouparoo-gen") bytes)"
echo "wrote dist/$name.sha256"

# npm package: npm/ plus native/<node platform>-<node arch>/grouparoo-gen for each archive of this
# version in dist/ (archives built on other machines can be copied there first).
if ! command -v npm > /dev/null 2>&1; then
    echo "build-release: npm not found; the npm package was not built" >&2
    exit 0
fi
mkdir "$stage/npm"
cp -R "$root/npm/." "$stage/npm/"
for archive in "$dist"/grouparoo-gen-"$version"-linux-*.tar.gz; do
    archive_arch=${archive##*-linux-}
    archive_arch=${archive_arch%.tar.gz}
    case $archive_arch in
        x86_64) node_arch=x64 ;;
        aarch64) node_arch=arm64 ;;
        *) echo "build-release: skipping $archive (unknown architecture)" >&2; continue ;;
    esac
    mkdir -p "$stage/npm/native/linux-$node_arch"
    tar -xzf "$archive" -C "$stage/npm/native/linux-$node_arch" grouparoo-gen
done
(cd "$stage/npm" && npm pkg set "version=$version" \
    "repository.type=git" "repository.url=git+https://github.com/$("$info" repository).git" > /dev/null \
    && npm pack --pack-destination "$dist" --loglevel=warn > /dev/null)
echo "wrote dist/grouparoo-gen-$version.tgz"
