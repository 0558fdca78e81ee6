#!/usr/bin/env bash
# Installs the system packages the test suite needs, when they are missing and we can (root + apt).
# Qt's offscreen platform needs a few shared libraries that a minimal Debian may lack; the sync
# server's tests need PostgreSQL's server binaries.
set -euo pipefail
need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libxkbcommon.so.0' || need+=(libxkbcommon0)
have_lib 'libEGL.so.1'       || need+=(libegl1)
have_lib 'libGL.so.1'        || need+=(libgl1)
have_lib 'libfontconfig.so.1' || need+=(libfontconfig1)
have_lib 'libdbus-1.so.3'    || need+=(libdbus-1-3)
command -v pdftotext >/dev/null || need+=(poppler-utils)
# PostgreSQL: the reference sync server's tests also run on it (tools/pg-test-cluster.sh).
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; }
have_pg || need+=(postgresql)
# The installer test: dpkg-deb builds the .deb, makensis compiles the Windows installer script.
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v makensis >/dev/null || need+=(nsis)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${need[*]} (install them with apt-get as root)" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
