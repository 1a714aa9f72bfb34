#!/usr/bin/env bash
# dist_test.sh ARCHIVE: the release archive runs where there is no Swift toolchain. Unpacks it,
# checks that the program needs no library of the toolchain (ldd), then builds this
# repository's site with it in a mount namespace where /opt/swift is an empty folder (as on an
# editor's machine); without the right to make one, with the toolchain's folders off every path.
# Prints one line per check and 'N passed, M failed'.
set -uo pipefail
archive=$(realpath "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { if [ "$1" = 0 ]; then echo "[PASS] $2"; passed=$((passed + 1)); else echo "[FAIL] $2"; failed=$((failed + 1)); fi; }

tar -C "$work" -xzf "$archive"
binary=$(echo "$work"/vernetzt-*/vernetzt)
[ -x "$binary" ] && [ -f "$(dirname "$binary")/LIESMICH.md" ]
check $? "the archive holds vernetzt and LIESMICH.md"

libraries=$(ldd "$binary")
! grep -q "not found" <<<"$libraries"
check $? "every library it needs is there"
! grep -Eq "libswift|libFoundation|/opt/swift|_FoundationICU" <<<"$libraries"
check $? "it needs no library of the Swift toolchain"

cp -r "$repo/site.yml" "$repo/content" "$repo/layouts" "$repo/static" "$work/"
run='env -i PATH=/usr/local/bin:/usr/bin:/bin HOME='"$work"' '"$binary"' build --quiet --no-search --root '"$work"' --output '"$work"'/site'
if [ -d /opt/swift ] && unshare -m true 2>/dev/null; then
  unshare -m sh -c "mount -t tmpfs none /opt/swift && $run"
  check $? "it builds the site with /opt/swift empty (mount namespace)"
else
  sh -c "$run"
  check $? "it builds the site with no toolchain on any path"
fi
[ -f "$work/site/index.html" ] && grep -q "vernetzt wachsen" "$work/site/index.html"
check $? "the site it built has its home page"
env -i PATH=/usr/bin:/bin "$binary" --help >/dev/null
check $? "--help runs"
named=$(basename "$(dirname "$binary")")  # vernetzt-<version>-linux-<arch>
[ "$(env -i PATH=/usr/bin:/bin "$binary" --version)" = "vernetzt $(sed -E 's/^vernetzt-(.*)-linux-[^-]+$/\1/' <<<"$named")" ]
check $? "--version prints the version the archive is named after"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
