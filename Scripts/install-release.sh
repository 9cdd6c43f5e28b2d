#!/bin/sh
# Installs a released grouparoo-gen: downloads this machine's archive and its .sha256, checks the
# checksum and puts the binary in a folder. The GitHub Action (action.yml) runs it; it works the
# same anywhere with sh, curl, sha256sum and tar.
#
#   GROUPAROO_GEN_INSTALL_DIR=DIR [GROUPAROO_GEN_VERSION=0.1.0] [GROUPAROO_GEN_BASE_URL=URL] \
#       sh Scripts/install-release.sh
#
# GROUPAROO_GEN_VERSION  release to install (a leading "v" is ignored); default: this checkout's version
# GROUPAROO_GEN_BASE_URL where the release's files are (https://, or file:// for a local dist/);
#                        default: the GitHub release of that version (Scripts/release-info.sh)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
info="$here/release-info.sh"

fail() {
    echo "install-release: $*" >&2
    exit 1
}

[ "$(uname -s)" = Linux ] || fail "releases are built for Linux only, this is $(uname -s); build grouparoo-gen from source with Swift 6"
dir=${GROUPAROO_GEN_INSTALL_DIR:-}
[ -n "$dir" ] || fail "set GROUPAROO_GEN_INSTALL_DIR to the folder the binary goes into"
version=${GROUPAROO_GEN_VERSION:-$(sh "$info" version)}
version=${version#v}
arch=$(sh "$info" arch)
name=$(sh "$info" archive "$version" "$arch")
base=${GROUPAROO_GEN_BASE_URL:-$(sh "$info" base-url "$version")}
base=${base%/}

download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT INT TERM
for file in "$name" "$name.sha256"; do
    curl --fail --silent --show-error --location --retry 3 --output "$download/$file" "$base/$file" \
        || fail "could not download $base/$file (is there a release $version for linux-$arch?)"
done

expected=$(cut -d ' ' -f 1 < "$download/$name.sha256")
actual=$(sha256sum "$download/$name" | cut -d ' ' -f 1)
[ "$expected" = "$actual" ] || fail "$name has sha256 $actual, but $name.sha256 says $expected; not installed"

tar -xzf "$download/$name" -C "$download" grouparoo-gen || fail "$name holds no grouparoo-gen binary"
mkdir -p "$dir"
# Copy next to the target and rename, so a failed copy never leaves half a binary behind.
cp "$download/grouparoo-gen" "$dir/.grouparoo-gen.tmp.$$"
chmod 755 "$dir/.grouparoo-gen.tmp.$$"
mv "$dir/.grouparoo-gen.tmp.$$" "$dir/grouparoo-gen"
echo "installed $("$dir/grouparoo-gen" --version) into $dir"
