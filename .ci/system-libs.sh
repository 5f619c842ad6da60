#!/usr/bin/env bash
# Check that the system libraries Qt needs (offscreen and xcb platform plugins) are present.
#
#   .ci/system-libs.sh            check; print the one `apt-get install` line that adds what is missing
#   .ci/system-libs.sh --install  install what is missing (root only; also when CI=true and run as root)
#   .ci/system-libs.sh --packages print the complete Debian/Ubuntu package list (used by .ci/run)
#
# The list is what `ldd` shows PySide6's Qt/plugins/platforms/libqxcb.so and libQt6XcbQpa.so.6 link
# from the system (PySide6 6.11): a fresh Debian/Ubuntu lacks the libxcb-* ones, and Qt then says
# "Could not load the Qt platform plugin xcb". Libraries are found by soname (`ldconfig -p`), so a
# renamed package (e.g. Ubuntu 24.04's libglib2.0-0t64) still counts as present.
set -euo pipefail

# soname package
LIBS="
libEGL.so.1 libegl1
libGL.so.1 libgl1
libfontconfig.so.1 libfontconfig1
libfreetype.so.6 libfreetype6
libdbus-1.so.3 libdbus-1-3
libglib-2.0.so.0 libglib2.0-0
libxkbcommon.so.0 libxkbcommon0
libxkbcommon-x11.so.0 libxkbcommon-x11-0
libX11.so.6 libx11-6
libX11-xcb.so.1 libx11-xcb1
libxcb.so.1 libxcb1
libxcb-cursor.so.0 libxcb-cursor0
libxcb-icccm.so.4 libxcb-icccm4
libxcb-image.so.0 libxcb-image0
libxcb-keysyms.so.1 libxcb-keysyms1
libxcb-randr.so.0 libxcb-randr0
libxcb-render.so.0 libxcb-render0
libxcb-render-util.so.0 libxcb-render-util0
libxcb-shape.so.0 libxcb-shape0
libxcb-shm.so.0 libxcb-shm0
libxcb-sync.so.1 libxcb-sync1
libxcb-util.so.1 libxcb-util1
libxcb-xfixes.so.0 libxcb-xfixes0
libxcb-xkb.so.1 libxcb-xkb1
"

mode="${1:-check}"
if [ "$mode" = "--packages" ]; then
  echo "$LIBS" | awk 'NF == 2 { print $2 }' | tr '\n' ' '
  echo
  exit 0
fi
if [ "$(uname -s)" != "Linux" ]; then
  exit 0  # macOS and Windows wheels bring what Qt needs
fi

# LDCONFIG_OUTPUT lets the tests simulate a fresh machine.
known="${LDCONFIG_OUTPUT-$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null)}"
missing=()
while read -r soname package; do
  [ -n "$soname" ] || continue
  grep -qF "$soname " <<<"$known" || missing+=("$package")
done <<<"$LIBS"

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
line="sudo apt-get install -y ${missing[*]}"
if [ "$(id -u)" = "0" ] && { [ "$mode" = "--install" ] || [ "${CI:-}" = "true" ]; }; then
  echo "Installing the system libraries Qt needs: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Qt needs system libraries this machine lacks. Add them with:" >&2
echo "" >&2
echo "    $line" >&2
echo "" >&2
echo "(or run 'sudo make deps'), then run the command again." >&2
exit 1
