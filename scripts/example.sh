#!/bin/sh
# The main job on the bundled example project (locales/policyloc.toml): update every catalog
# from the page, build the page in every locale into the example's Hugo site
# (locales/site/content/privacy.<locale>.md), check every page and locale, and render the site
# with Hugo when it is installed (locales/site/public). A locale below its threshold (Italian,
# about 60% of the words) gets no page; it is not a required locale, so the check warns and
# passes. Give another config as the first argument to run on a copy.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
policyloc=${POLICYLOC:-$root/build/tools/policyloc}
config=${1:-$root/locales/policyloc.toml}
site=$(dirname "$config")/site
"$policyloc" update --config "$config"
"$policyloc" build --config "$config" --jobs 2
"$policyloc" check --config "$config"
if command -v hugo >/dev/null 2>&1; then
  hugo --quiet --source "$site" --destination "$site/public"
  echo "site: $site/public/<locale>/privacy/index.html"
fi
