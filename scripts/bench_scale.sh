#!/usr/bin/env bash
# Scale curve: time and peak memory of policyloc extract and merge on pages of growing size
# (the corpus pages concatenated), beside the cmark-gfm CLI on the same page.
#
#   scripts/bench_scale.sh [--policyloc PATH] [--work DIR] [MB ...]
#
# Sizes default to 1 10 100 (MB). Each page is ../shared/corpus/large/*.md and the Hugo corpus
# concatenated until it reaches the size; its catalog is extracted, filled by msgen and
# rewritten by podebug --rewrite=xxx. One run each under /usr/bin/time: wall seconds and
# peak resident memory, with time per MB and memory as a multiple of page + catalog bytes
# (DESIGN: linear growth, memory <= 4x page plus catalog). Everything is written to a
# temporary directory (or --work DIR).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
policyloc="$root/build/tools/policyloc"
work=""
sizes=()
while [ $# -gt 0 ]; do
    case "$1" in
        --policyloc) policyloc=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
[ -x "$policyloc" ] || { echo "bench_scale.sh: no policyloc at $policyloc" >&2; exit 2; }
for t in cmark-gfm msgen podebug /usr/bin/time; do
    command -v "$t" > /dev/null || { echo "bench_scale.sh: $t not found" >&2; exit 2; }
done
if [ -z "$work" ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/policyloc-bench-scale.XXXXXX")
    trap 'rm -rf "$work"' EXIT
else
    mkdir -p "$work"
fi
mapfile -t sources < <(ls "$root"/../shared/corpus/large/*.md; find "$root/../shared/corpus/hugo" -name '*.md' | sort)

# Runs a command under /usr/bin/time; prints "seconds kilobytes".
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null 2> "$work/err.txt" || {
        cat "$work/err.txt" >&2
        echo "bench_scale.sh: failed: $*" >&2
        exit 1
    }
    cat "$work/time.txt"
}

printf '%6s %-10s %9s %9s %10s %12s\n' MB run seconds "s per MB" "peak MB" "x page+cat"
for mb in "${sizes[@]}"; do
    page="$work/page-$mb.md"
    : > "$page"
    # Body pages only (front matter in the middle of a page would be body text anyway).
    while [ "$(stat -c %s "$page")" -lt $((mb * 1000000)) ]; do
        for f in "${sources[@]}"; do
            cat "$f" >> "$page"
            printf '\n\n' >> "$page"
            [ "$(stat -c %s "$page")" -lt $((mb * 1000000)) ] || break
        done
    done
    "$policyloc" extract "$page" -o "$work/t.pot" > /dev/null 2>&1
    msgen "$work/t.pot" -o "$work/id.po" 2> /dev/null
    podebug --progress=none --rewrite=xxx "$work/id.po" "$work/xxx.po"
    bytes=$(($(stat -c %s "$page") + $(stat -c %s "$work/xxx.po")))
    for run in cmark-gfm extract merge; do
        case "$run" in
            cmark-gfm) r=$(measure cmark-gfm -e table -e strikethrough -e autolink -e tasklist "$page") ;;
            extract) r=$(measure "$policyloc" extract "$page" -o "$work/o.pot") ;;
            merge) r=$(measure "$policyloc" merge "$page" "$work/xxx.po" --locale de --dates keep \
                -o "$work/o.md") ;;
        esac
        read -r secs kb <<< "$r"
        awk -v mb="$mb" -v run="$run" -v s="$secs" -v kb="$kb" -v b="$bytes" 'BEGIN {
            printf "%6s %-10s %9.2f %9.3f %10.1f %12.2f\n", mb, run, s, s / mb, kb / 1024, kb * 1024 / b }'
    done
done
