#!/bin/sh
# Installs every Debian package that building, testing and running policyloc needs.
# Idempotent: packages already present are left alone. Run as root (or with sudo).
set -eu
PACKAGES="
  g++ cmake make pkg-config git ca-certificates
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libicu-dev libgettextpo-dev libpugixml-dev libyaml-dev libtomlplusplus-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev
  gettext i18nspector libxml2-utils translate-toolkit hugo po4a cmark-gfm
  hyperfine jq valgrind libbenchmark-dev
  chromium python3-jsonschema
  help2man man-db locales dpkg-dev file clang libclang-rt-14-dev debootstrap
"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  # shellcheck disable=SC2086
  $SUDO apt-get install -y --no-install-recommends $missing
fi
