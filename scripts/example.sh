#!/bin/sh
# Builds the bundled example: the Gopteran privacy policy (locales/privacy.md) in every locale
# that has a catalog in locales/, written to out/privacy.<locale>.md (Hugo's file-name
# convention for translations). The "Last updated" date is the page's last git commit,
# written the way each locale writes dates. Prints one line per locale.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
policyloc=${POLICYLOC:-$root/build/tools/policyloc}
out=${1:-$root/out}
mkdir -p "$out"
cd "$root"
status=0
for catalog in locales/*.po locales/*.xlf; do
  [ -e "$catalog" ] || continue
  name=$(basename "$catalog")
  locale=${name%.*}
  # Italian is deliberately incomplete (about 60% of the words): it passes the 50% threshold
  # and its missing units fall back to English; a locale below 50% would get no page.
  "$policyloc" merge locales/privacy.md locales --locale "$locale" --min-complete 50 --quiet \
    -o "$out/privacy.$locale.md" || status=1
done
exit $status
