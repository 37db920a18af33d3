#!/usr/bin/env bash
# tools/apt-install.sh COMMAND PACKAGE WHY: install a Debian package for the tests unless COMMAND is already there.
# `make test` uses it for Chromium (browser tests, driven by Playwright, which never downloads a browser)
# and Java (the W3C Nu HTML checker).
set -euo pipefail
command_name=$1 package=$2 why=$3
if command -v "$command_name" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
else
  echo "$command_name is missing and this user cannot install it: run 'apt-get install $package' as root ($why)." >&2
  exit 1
fi
# Every step has a time limit: a stalled mirror or a held dpkg lock fails the install, it never hangs it.
UPDATE_LIMIT=${APT_UPDATE_TIMEOUT:-600}
INSTALL_LIMIT=${APT_INSTALL_TIMEOUT:-1800}
fail() {
  echo "apt-get $1 of $package ($why) failed or took longer than $2 s: check the network and the package mirror, or run 'apt-get install $package' as root, then run make again." >&2
  exit 1
}
echo "Installing Debian's $package for $why..."
timeout --kill-after=30 "$UPDATE_LIMIT" $SUDO apt-get update -qq || fail update "$UPDATE_LIMIT"
DEBIAN_FRONTEND=noninteractive timeout --kill-after=30 "$INSTALL_LIMIT" \
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$package" >/dev/null || fail install "$INSTALL_LIMIT"
command -v "$command_name"
