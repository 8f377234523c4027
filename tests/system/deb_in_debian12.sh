#!/bin/bash
# Installs a policyloc .deb into a bare Debian 12 root and runs it there:
#   deb_in_debian12.sh POLICYLOC.deb
# Builds a minbase bookworm root with debootstrap from the mirror this machine's apt uses,
# binds /proc, /dev and /sys into it, installs the package with dpkg -i (apt-get -f install
# then brings the libraries it depends on), and prints what `policyloc --version` and a German
# `policyloc --help` print there, between "== version" and "== help" lines. The root is
# unmounted and removed whatever happens. Exit 77: this machine cannot do it (not root, no
# debootstrap, mirror unreachable, no mounts); the reason is on standard error.
set -eu
deb=$1
suite=bookworm

skip() {
  echo "cannot install into a Debian 12 root here: $*" >&2
  exit 77
}

# The first mirror of the host's apt sources that serves the suite itself (not -security or
# -updates), one-line or deb822 format.
host_mirror() {
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v s="$suite" '$1 == "deb" { ok = 0; for (i = 2; i <= NF; i++) if ($i == s) ok = 1
      if (ok) for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\//) { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk -v s="$suite" 'BEGIN { RS = "" } {
      types = suites = uris = ""
      n = split($0, lines, "\n")
      for (i = 1; i <= n; i++) {
        if (lines[i] ~ /^Types:/) types = " " substr(lines[i], 7) " "
        if (lines[i] ~ /^Suites:/) suites = " " substr(lines[i], 8) " "
        if (lines[i] ~ /^URIs:/) uris = substr(lines[i], 6)
      }
      if (types ~ / deb / && suites ~ (" " s " ")) { split(uris, u, " "); print u[1]; exit }
    }' "$f"
  done
}

[ "$(id -u)" -eq 0 ] || skip "not root"
command -v debootstrap >/dev/null || skip "no debootstrap (scripts/setup.sh installs it)"
mirror=$(host_mirror | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
if command -v curl >/dev/null; then
  curl -fsI --max-time 20 "$mirror/dists/$suite/Release" >/dev/null || skip "$mirror unreachable"
else
  wget -q --spider -T 20 "$mirror/dists/$suite/Release" || skip "$mirror unreachable"
fi

work=$(mktemp -d /tmp/policyloc-debian12-XXXXXX)
root=$work/root
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
  # Nothing of the host may be left bound inside: only then is the root removed.
  if ! grep -q " $root/" /proc/self/mounts; then
    rm -rf --one-file-system "$work"
  else
    echo "still mounted under $root; left in place" >&2
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

echo "debootstrap from $mirror" >&2
if ! debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 20 "$work/debootstrap.log" >&2
  echo "debootstrap failed" >&2
  exit 1
fi
for m in proc dev sys; do
  mount --bind "/$m" "$root/$m" || skip "cannot bind /$m into the root"
  mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
name=$(basename "$deb")
in_root() {
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"
}
in_root apt-get -q -o Acquire::Check-Valid-Until=false update >&2
# dpkg -i unpacks the package and stops at its missing libraries; apt-get -f install brings them.
in_root dpkg -i "/tmp/$name" >&2 || in_root apt-get -q -y -f --no-install-recommends install >&2
# shellcheck disable=SC2016
in_root dpkg-query -W -f='${Status}\n' policyloc | grep -qx "install ok installed" || {
  echo "policyloc is not installed in the root" >&2
  exit 1
}
echo "== version"
in_root policyloc --version
echo "== help"
in_root env LANGUAGE=de LANG=C.UTF-8 policyloc --help
