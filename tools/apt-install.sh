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
echo "Installing Debian's $package for $why..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null
command -v "$command_name"
