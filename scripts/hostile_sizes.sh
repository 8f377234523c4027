#!/usr/bin/env bash
# Hostile sizes: pages built to stress one dimension each, their generator, and a measure of
# CPU time (user seconds, steadier than wall time on a shared machine) and peak memory of
# extract and of an identity merge at two sizes (growth should be linear: twice the size,
# about twice the time and memory; ext-x is extract's peak memory over the page's size).
#
#   scripts/hostile_sizes.sh generate CASE N OUT.md     write one page
#   scripts/hostile_sizes.sh measure [CASE ...]         time and memory at N and 2N
#
# CASE (N is what doubles):
#   big-page       N paragraphs of ordinary prose (100,000 is about 20 MB)
#   long-line      one paragraph on one line of N words (800,000 is about 5 MB)
#   nested-quotes  N nested block quotes around one paragraph
#   nested-lists   N nested list levels ("- - - ... item") on one line
#   unclosed-tags  N unclosed "{{" template actions, one per paragraph
#   footnotes      N footnote references and their definitions
#   front-matter   YAML front matter of N keys (200,000 is about 10 MB)
#   same-paragraph N identical paragraphs: one unit with N references
#   highlight      N unclosed "{{< highlight go >}}" shortcodes
#   code-in-link   one link whose text holds N code spans
# Environment: POLICYLOC (default build/tools/policyloc), WORK (default a temporary dir).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
policyloc=${POLICYLOC:-$root/build/tools/policyloc}

generate() {
    local kind=$1 n=$2 out=$3
    case "$kind" in
        big-page) awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "Paragraph %d of the policy: we keep your data only as long as the law requires, and no longer, in the %d places named above.\n\n", i, i }' ;;
        long-line) awk -v n="$n" 'BEGIN { printf "Start"; for (i = 0; i < n; i++) printf " word%d", i % 1000; printf ".\n" }' ;;
        nested-quotes) awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "> "; printf "Deep text.\n" }' ;;
        nested-lists) awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "- "; printf "Deep item.\n" }' ;;
        unclosed-tags) awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "Text %d {{ .Site\n\n", i }' ;;
        footnotes) awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "Claim %d.[^n%d]\n\n", i, i; for (i = 0; i < n; i++) printf "[^n%d]: Source %d.\n\n", i, i }' ;;
        front-matter) awk -v n="$n" 'BEGIN { printf "---\ntitle: Privacy\n"; for (i = 0; i < n; i++) printf "key%d: a value of the front matter, number %d\n", i, i; printf "---\n\nBody text.\n" }' ;;
        same-paragraph) awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "The same paragraph.\n\n" }' ;;
        highlight) awk -v n="$n" 'BEGIN { printf "Text.\n\n"; for (i = 0; i < n; i++) printf "{{< highlight go >}}\n" }' ;;
        code-in-link) awk -v n="$n" 'BEGIN { printf "["; for (i = 0; i < n; i++) printf "`a` "; printf "](https://example.com)\n" }' ;;
        *) echo "hostile_sizes.sh: unknown case $kind" >&2; exit 2 ;;
    esac > "$out"
}

declare -A base=([big-page]=50000 [long-line]=400000 [nested-quotes]=50000 [nested-lists]=50000
                 [unclosed-tags]=25000 [footnotes]=50000 [front-matter]=100000
                 [same-paragraph]=50000 [highlight]=40000 [code-in-link]=40000)

measure() {
    local work=${WORK:-$(mktemp -d)}
    local cases=("$@")
    [ ${#cases[@]} -gt 0 ] || cases=(big-page long-line nested-quotes nested-lists unclosed-tags
                                       footnotes front-matter same-paragraph highlight code-in-link)
    printf '%-15s %9s %9s %8s %8s %9s %8s %8s %4s\n' case N bytes ext-cpu ext-MB ext-x mrg-cpu mrg-MB exit
    for kind in "${cases[@]}"; do
        for n in "${base[$kind]}" $((2 * ${base[$kind]})); do
            local page=$work/$kind-$n.md
            generate "$kind" "$n" "$page"
            local bytes; bytes=$(stat -c %s "$page")
            /usr/bin/time -f '%U %M' -o "$work/t1" "$policyloc" extract "$page" -o "$page.pot" \
                > /dev/null 2> "$work/err" || true
            local rc=0
            /usr/bin/time -f '%U %M' -o "$work/t2" "$policyloc" merge "$page" "$page.pot" \
                --locale de -q -o "$page.de.md" > /dev/null 2>> "$work/err" || rc=$?
            read -r es em < <(tail -1 "$work/t1")
            read -r ms mm < <(tail -1 "$work/t2")
            printf '%-15s %9d %9d %8.2f %8.1f %9.1f %8.2f %8.1f %4d\n' "$kind" "$n" "$bytes" "$es" \
                "$(echo "$em / 1024" | bc -l)" "$(echo "$em * 1024 / $bytes" | bc -l)" "$ms" \
                "$(echo "$mm / 1024" | bc -l)" "$rc"
        done
    done
    [ -n "${WORK:-}" ] || rm -rf "$work"
}

case "${1:-}" in
    generate) shift; generate "$@" ;;
    measure) shift; measure "$@" ;;
    *) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
esac
