#!/bin/sh
# Writes the template of policyloc's own messages, made by xgettext from the C++ sources, to $1.
# The build's `pot` target and the test that keeps po/policyloc.pot up to date both run this.
set -eu
out=$1
cd "$(dirname "$0")/.."
# shellcheck disable=SC2046
xgettext --language=C++ --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2 \
  --add-comments=TRANSLATORS: --sort-by-file --package-name=policyloc \
  --package-version=0.1.0 --msgid-bugs-address=policyloc@example.org \
  --copyright-holder="the policyloc authors" -o "$out" \
  $(find base catalog extractor merger pseudo check project tools \
      -name '*.cpp' -o -name '*.h' | LC_ALL=C sort)
