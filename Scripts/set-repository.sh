#!/bin/sh
# Moves every mention of the GitHub repository releases come from to OWNER/NAME: the declaration in
# Scripts/release-info.sh and its copies in the documentation, the init template (then re-embedded),
# the examples and action.yml. A test fails while any copy differs from the declaration.
#
#   Scripts/set-repository.sh my-org/grouparoo-gen
set -eu
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
new=${1:-}
case $new in
    */*) ;;
    *) echo "usage: set-repository.sh OWNER/NAME" >&2; exit 2 ;;
esac
case $new in
    *[!A-Za-z0-9._/-]*|*/*/*) echo "set-repository: '$new' is not a GitHub OWNER/NAME" >&2; exit 2 ;;
esac
old=$(sh "$root/Scripts/release-info.sh" repository)
[ "$old" != "$new" ] || { echo "set-repository: already $new"; exit 0; }

# Only tracked text files that mention the old name; the generated Swift is rewritten by embed-templates.sh.
git -C "$root" grep -l -F -I "$old" -- . ':!Sources/grouparoo-gen/Generate/EmbeddedTemplates' | while read -r file; do
    sed "s|$(printf '%s' "$old" | sed 's/[.]/\\./g')|$new|g" "$root/$file" > "$root/$file.tmp.$$"
    cat "$root/$file.tmp.$$" > "$root/$file"
    rm "$root/$file.tmp.$$"
    echo "updated $file"
done
sh "$root/Scripts/embed-templates.sh" > /dev/null
echo "releases now come from $new; run the tests, then commit"
