#!/usr/bin/env bash
# Whole-process benchmark of a site: policyloc against cmark-gfm, po4a, msgcat and Hugo on the
# same pages and catalogs, in one run, interleaved.
#
#   scripts/bench_site.sh [-n ROUNDS] [--policyloc PATH] [--corpus DIR] [--page PAGE.md]
#                         [--work DIR] [--no-po4a] [--po4a-rounds N]
#
# The site is the Hugo corpus (../shared/corpus/hugo, 214 pages) as a policyloc project in
# 10 locales: `policyloc update --config` makes one catalog per locale, msgen and
# podebug --rewrite=xxx translate every unit. po4a gets a po4a.cfg for the same pages and
# locales; its own catalogs (po4a cuts pages into other units) are filled by msgen (podebug's
# prefix breaks po4a's entries that start with a newline; the work is the same).
# Hugo renders the same multilingual site: the sources plus the 10 localized copies that
# `policyloc build` writes (content/PAGE.LOCALE.md), with an empty template for each
# shortcode the pages use.
#
# Timed, in every round, one after the other (rounds interleaved, default 3):
#
#   page: the bundled page (locales/privacy.md, or --page)
#     cmark-gfm        cmark-gfm -e table -e strikethrough -e autolink -e tasklist PAGE
#     extract          policyloc extract PAGE -o OUT.pot
#     merge            policyloc merge PAGE xxx.po --locale de --dates keep -o OUT.md
#     po4a-updatepo    po4a-updatepo -f text -o markdown -o yfm_lenient -m PAGE -p NEW.pot
#     po4a-translate   po4a-translate -f text -o markdown -o yfm_lenient -m PAGE -p de.po -l OUT.md -k 0
#   site: every page, 10 locales
#     cmark-gfm        cmark-gfm (same extensions) on all pages in one process
#     build-j1         policyloc build --config site.toml --jobs 1 (no outputs: see below)
#     build-j2         policyloc build --config site.toml --jobs 2 (no outputs)
#     build-j1-kept    the same with the outputs of the last run in place: every page merged,
#     build-j2-kept    nothing written (a rebuild after an edit elsewhere)
#     update           policyloc update --config site.toml (the catalogs are up to date: all kept)
#     check-j1         policyloc check --config site.toml --jobs 1 (its exit 1, problems found
#     check-j2         in the rewritten translations, is its verdict), and --jobs 2
#     msgcat           msgcat --use-first on the 10 catalogs build reads
#     hugo             hugo --source SITE (no public/)
#     po4a             po4a -k 0 po4a.cfg (no outputs; a minute or more a run, so only in the
#                      first --po4a-rounds rounds, default 1)
#
# "No outputs": before the run the last run's outputs are moved aside (under WORK/set-aside),
# not deleted. ext4 is slow to create thousands of files right after deleting as many (it
# skips inodes freed in the last minute: perf shows ext4_create in find_inode_bit and
# recently_deleted, about 0.7 ms a file here, whatever writes them), which a build in a fresh
# checkout does not meet.
#
# Wall times are taken with bash's $EPOCHREALTIME around each command (no shell start-up in
# the figure); the report gives each median in ms and its ratio to cmark-gfm on the same
# input, then the ratios DESIGN.md ("Speed") sets targets for. Everything is written to a
# temporary directory (or --work DIR), never into the repository. policyloc defaults to
# build/tools/policyloc (the default preset, a Release build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=3
policyloc="$root/build/tools/policyloc"
corpus="$root/../shared/corpus/hugo"
page="$root/locales/privacy.md"
work=""
with_po4a=1
po4a_rounds=1
locales=(de fr es it pt-BR ja ko ru zh-Hans nl)

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        -n | --rounds) rounds=$2; shift 2 ;;
        --policyloc) policyloc=$2; shift 2 ;;
        --corpus) corpus=$2; shift 2 ;;
        --page) page=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --no-po4a) with_po4a=0; shift ;;
        --po4a-rounds) po4a_rounds=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench_site.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$rounds" in '' | *[!0-9]* | 0) echo "bench_site.sh: -n wants a positive count" >&2; exit 2 ;; esac
need() { command -v "$1" > /dev/null || { echo "bench_site.sh: $1 not found ($2)" >&2; exit 2; }; }
need cmark-gfm "Debian package cmark-gfm"
need msgen "Debian package gettext"
need msgcat "Debian package gettext"
need podebug "Debian package translate-toolkit"
need hugo "Debian package hugo"
[ "$with_po4a" -eq 0 ] || need po4a "Debian package po4a, or pass --no-po4a"
[ -x "$policyloc" ] || { echo "bench_site.sh: no policyloc at $policyloc (build the default preset or pass --policyloc)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "bench_site.sh: no corpus at $corpus" >&2; exit 2; }
[ -f "$page" ] || { echo "bench_site.sh: no page $page" >&2; exit 2; }
corpus=$(realpath "$corpus") page=$(realpath "$page") policyloc=$(realpath "$policyloc")

if [ -z "$work" ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/policyloc-bench-site.XXXXXX")
    trap 'rm -rf "$work"' EXIT
else
    mkdir -p "$work"
    work=$(realpath "$work")
fi
quiet() {
    "$@" > "$work/step.log" 2>&1 || {
        tail -n 40 "$work/step.log" >&2
        echo "bench_site.sh: failed: $*" >&2
        exit 1
    }
}
translate_po() { quiet msgen "$1" -o "$1"; quiet podebug --progress=none --rewrite=xxx -i "$1" -o "$1"; }
cmark_args=(-e table -e strikethrough -e autolink -e tasklist)

mapfile -t pages < <(cd "$corpus" && find . -name '*.md' | sed 's|^\./||' | sort)
echo "site: ${#pages[@]} pages of $corpus in ${#locales[@]} locales; page: $page" >&2
echo "setting up in $work" >&2

# The project, its catalogs, translated.
site="$work/site"
mkdir -p "$site/content" "$site/layouts/_default" "$site/layouts/shortcodes" "$work/cats"
{
    echo 'source_language = "en"'
    echo "pages = [\"$corpus/**/*.md\"]"
    echo "pages_base = \"$corpus\""
    echo '[catalogs]'
    echo "path = \"$work/cats/{locale}.po\""
    echo '[output]'
    echo 'layout = "hugo-suffix"'
    echo "root = \"$site/content\""
    echo '[locales]'
    for l in "${locales[@]}"; do echo "$l = {}"; done
} > "$work/site.toml"
quiet "$policyloc" update --config "$work/site.toml"
for l in "${locales[@]}"; do translate_po "$work/cats/$l.po"; done

# The Hugo site: sources beside the localized copies, one empty template per shortcode.
(cd "$corpus" && cp -r . "$site/content/")
find "$site/content" -name '*.txt' -delete
{
    echo "baseURL = 'https://example.org/'"
    echo "title = 'bench'"
    echo "defaultContentLanguage = 'en'"
    echo "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']"
    echo "[languages.en]"
    echo "weight = 1"
    w=2
    for l in "${locales[@]}"; do
        printf "[languages.%s]\nlanguageCode = '%s'\nweight = %d\n" "${l,,}" "$l" "$w"
        w=$((w + 1))
    done
} > "$site/hugo.toml"
printf '%s\n' '<!DOCTYPE html><html lang="{{ .Site.LanguageCode }}"><head><title>{{ .Title }}</title></head>' \
    '<body>{{ .Content }}</body></html>' > "$site/layouts/_default/single.html"
echo '{{ .Title }}' > "$site/layouts/_default/list.html"
closed=$(grep -rhoE '\{\{[<%] */ *[A-Za-z0-9_.-]+' "$corpus" --include='*.md' | sed -E 's/.*\/ *//' | sort -u)
for name in $(grep -rhoE '\{\{[<%] *[A-Za-z0-9_.-]+' "$corpus" --include='*.md' | sed -E 's/^\{\{[<%] *//' | sort -u); do
    if printf '%s\n' "$closed" | grep -qx -- "$name"; then
        echo '{{ .Inner }}' > "$site/layouts/shortcodes/$name.html"
    else
        : > "$site/layouts/shortcodes/$name.html"
    fi
done
quiet "$policyloc" build --config "$work/site.toml" --jobs 2
quiet hugo --quiet --source "$site" --destination "$work/public"

# The bundled page: policyloc's and po4a's catalogs, translated.
mkdir -p "$work/page"
quiet "$policyloc" extract "$page" -o "$work/page/template.pot"
cp "$work/page/template.pot" "$work/page/xxx.po"
translate_po "$work/page/xxx.po"
if [ "$with_po4a" -eq 1 ]; then
    quiet po4a-updatepo -f text -o markdown -o yfm_lenient -m "$page" -p "$work/page/po4a-de.po"
    quiet msgen "$work/page/po4a-de.po" -o "$work/page/po4a-de.po"
    # po4a.cfg for the site: the same pages and locales, po4a's own catalogs.
    mkdir -p "$work/po4a"
    {
        echo "[po4a_langs] ${locales[*]//-/_}"
        echo "[po4a_paths] $work/po4a/site.pot \$lang:$work/po4a/\$lang.po"
        for p in "${pages[@]}"; do
            echo "[type: text] $corpus/$p \$lang:$work/po4a-out/\$lang/$p opt:\"-o markdown -o yfm_lenient\""
        done
    } > "$work/po4a.cfg"
    quiet po4a -k 0 "$work/po4a.cfg"
    for l in "${locales[@]}"; do quiet msgen "$work/po4a/${l//-/_}.po" -o "$work/po4a/${l//-/_}.po"; done
fi

# name|prepare|command, one word a line after the first two fields split on '|'.
tests=(
    "page cmark-gfm||cmark-gfm ${cmark_args[*]} $page"
    "page extract||$policyloc extract $page -o $work/page/out.pot"
    "page merge||$policyloc merge $page $work/page/xxx.po --locale de --dates keep -o $work/page/out.md"
)
[ "$with_po4a" -eq 0 ] || tests+=(
    "page po4a-updatepo|rm -f $work/page/new.pot|po4a-updatepo -f text -o markdown -o yfm_lenient -m $page -p $work/page/new.pot"
    "page po4a-translate||po4a-translate -f text -o markdown -o yfm_lenient -m $page -p $work/page/po4a-de.po -l $work/page/po4a-out.md -k 0"
)
site_cmark="cmark-gfm ${cmark_args[*]}"
for p in "${pages[@]}"; do site_cmark+=" $corpus/$p"; done
# Moves the localized copies (PAGE.LOCALE.md), or a whole directory, out of the way.
set_aside_outputs() {
    python3 - "$work/set-aside" "$site/content" << 'PY'
import os, sys, uuid
aside = os.path.join(sys.argv[1], uuid.uuid4().hex)
os.makedirs(aside)
for top, _, names in os.walk(sys.argv[2]):
    for n in names:
        if n.endswith(".md") and n.count(".") >= 2:
            os.rename(os.path.join(top, n), os.path.join(aside, uuid.uuid4().hex))
PY
}
set_aside_dir() {
    mkdir -p "$work/set-aside"
    [ ! -e "$1" ] || mv "$1" "$(mktemp -u "$work/set-aside/dir.XXXXXX")"
}
clean_out=set_aside_outputs
tests+=(
    "site cmark-gfm||$site_cmark"
    "site build-j1|$clean_out|$policyloc build --config $work/site.toml --jobs 1"
    "site build-j2|$clean_out|$policyloc build --config $work/site.toml --jobs 2"
    "site build-j1-kept||$policyloc build --config $work/site.toml --jobs 1"
    "site build-j2-kept||$policyloc build --config $work/site.toml --jobs 2"
    "site update||$policyloc update --config $work/site.toml"
    "site check-j1||$policyloc check --config $work/site.toml --jobs 1"
    "site check-j2||$policyloc check --config $work/site.toml --jobs 2"
    "site msgcat||msgcat --use-first $(printf "$work/cats/%s.po " "${locales[@]}") -o $work/msgcat.po"
    "site hugo|set_aside_dir $work/public|hugo --quiet --source $site --destination $work/public"
)
[ "$with_po4a" -eq 0 ] || tests+=("site po4a|set_aside_dir $work/po4a-out|po4a -k 0 $work/po4a.cfg")

rm -rf "$work/samples" # a --work directory of an earlier run keeps its samples
mkdir -p "$work/samples"
now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
for ((r = 1; r <= rounds; r++)); do
    echo "round $r/$rounds" >&2
    for t in "${tests[@]}"; do
        IFS='|' read -r name prepare cmd <<< "$t"
        [ "$name" != "site po4a" ] || [ "$r" -le "$po4a_rounds" ] || continue
        read -ra words <<< "$cmd"
        if [ -n "$prepare" ]; then
            read -ra pw <<< "$prepare"
            "${pw[@]}" > /dev/null 2>&1 || true
        fi
        t0=$(now_us)
        rc=0
        "${words[@]}" > /dev/null 2> "$work/step.log" || rc=$?
        t1=$(now_us)
        # check finds problems in the rewritten translations: exit 1 is its verdict, not a failure.
        if [ "$rc" -ne 0 ] && ! { [ "$rc" -eq 1 ] && [[ $name == "site check"* ]]; }; then
            cat "$work/step.log" >&2
            echo "bench_site.sh: failed: $cmd" >&2
            exit 1
        fi
        echo $(((t1 - t0))) >> "$work/samples/${name// /_}"
    done
done

rm -rf "$work/set-aside" # after the timed runs: deleting is what slows the next creations
median() { sort -g "$1" | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2] / 1000; else print (v[NR / 2] + v[NR / 2 + 1]) / 2000}'; }
declare -A med
for t in "${tests[@]}"; do
    name=${t%%|*}
    med[$name]=$(median "$work/samples/${name// /_}")
done
ratio() { awk -v a="${med[$1]}" -v b="${med[$2]}" 'BEGIN {printf "%.2f", a / b}'; }

echo
echo "policyloc: $policyloc; $rounds interleaved rounds; median wall ms; x = ratio to cmark-gfm on the same input"
printf '%-6s %-17s %7s %10s %9s\n' input command runs "median ms" "x cmark"
for t in "${tests[@]}"; do
    name=${t%%|*}
    printf '%-6s %-17s %7s %10.1f %9s\n' "${name%% *}" "${name#* }" "$(wc -l < "$work/samples/${name// /_}")" \
        "${med[$name]}" "$(ratio "$name" "${name%% *} cmark-gfm")"
done
echo
echo "targets (DESIGN.md, Speed; issue 14):"
verdict() { awk -v v="$1" -v l="$2" -v d="$3" 'BEGIN {print (d == "le" ? v <= l : v >= l) ? "met" : "MISSED"}'; }
v=${med[page extract]}
echo "  policyloc extract on the page, wall:     ${v} ms (<= 5 ms: $(verdict "$v" 5 le))"
v=${med[page merge]}
echo "  policyloc merge on the page, wall:       ${v} ms (<= 5 ms: $(verdict "$v" 5 le))"
v=$(ratio "site build-j1" "site build-j2")
echo "  build --jobs 1 / --jobs 2:               ${v}x (>= 1.7x: $(verdict "$v" 1.7 ge))"
v=$(ratio "site build-j1-kept" "site build-j2-kept")
echo "  the same, outputs up to date:            ${v}x (>= 1.7x: $(verdict "$v" 1.7 ge))"
v=$(ratio "site hugo" "site build-j2")
echo "  hugo / build --jobs 2:                   ${v}x (>= 1x: $(verdict "$v" 1 ge))"
if [ "$with_po4a" -eq 1 ]; then
    v=$(ratio "site po4a" "site build-j2")
    echo "  po4a po4a.cfg / build --jobs 2:          ${v}x (>= 100x: $(verdict "$v" 100 ge))"
    echo "  po4a-updatepo / policyloc extract, page: $(ratio "page po4a-updatepo" "page extract")x"
    echo "  po4a-translate / policyloc merge, page:  $(ratio "page po4a-translate" "page merge")x"
fi
echo "  msgcat (10 catalogs) / build --jobs 1:   $(ratio "site msgcat" "site build-j1")x"
echo "  update / build --jobs 1:                 $(ratio "site update" "site build-j1")x"
echo "  check --jobs 1 / build --jobs 1:         $(ratio "site check-j1" "site build-j1")x"
echo "  check --jobs 1 / check --jobs 2:         $(ratio "site check-j1" "site check-j2")x"
