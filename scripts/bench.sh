#!/usr/bin/env bash
# Speed benchmark: policyloc extract and merge against bare cmark-gfm on the same page
# (the floor named in DESIGN.md, "Speed": extract within 1.5x, merge within 2x), with po4a's
# extraction for reference.
#
#   scripts/bench.sh [-n ROUNDS] [--inner RUNS] [--policyloc PATH] [--work DIR]
#                    [--timer hyperfine|loop] [--no-po4a] [--callgrind] [PAGE.md ...]
#
# Pages default to ../shared/corpus/large/*.md and locales/privacy.md. For each page the
# script extracts a POT with policyloc, makes an identity catalog with msgen and a fully
# translated one with podebug --rewrite=xxx (every msgstr changed), checks that merging the
# identity catalog reproduces the page byte for byte, and then times, in one run:
#
#   cmark-gfm       cmark-gfm -e table -e strikethrough -e autolink -e tasklist PAGE > /dev/null
#   extract         policyloc extract PAGE -o OUT.pot
#   merge-identity  policyloc merge PAGE identity.po --locale de --dates keep -o OUT.md
#   merge-xxx       policyloc merge PAGE xxx.po --locale de --dates keep -o OUT.md
#   po4a            po4a-updatepo -f text -o markdown -o yfm_lenient -m PAGE -p NEW.pot
#
# Rounds are interleaved: round 1 times every command on every page, then round 2, and so
# on (ROUNDS, default 5), so drifting machine load hits every command alike. Each round runs
# each command RUNS times (default 1 for pages of 64 KiB or more, 10 for smaller ones); the
# table shows the median of all samples in ms and the ratio to cmark-gfm on the same page.
# hyperfine (Debian packages "hyperfine" and "jq") does the timing when installed, with
# --shell=none so no shell start-up is counted; otherwise (or with --timer loop) a loop on
# bash's $EPOCHREALTIME does. --work DIR keeps the catalogs, outputs and samples there.
#
# po4a: po4a-gettextize 0.69 refuses to run without a translated document (-l), and points
# to po4a-updatepo for extracting a template; po4a-updatepo writing to a path that does not
# exist yet is po4a's plain extraction (parse, write POT, no msgmerge). yfm_lenient lets it
# go on when its YAML::Tiny cannot read a page's front matter (privacy.md's folded summary).
#
# --callgrind counts instructions instead of time (repeatable on a loaded machine): it runs
# cmark-gfm, extract and both merges of the largest page under valgrind --tool=callgrind,
# prints each total and its ratio to cmark-gfm, and lists the functions with the most
# inclusive instructions of each policyloc run (from callgrind_annotate).
#
# policyloc defaults to build-bench/tools/policyloc, configured here as a Release build
# (-O3, plus -g so profiles name file:line) and built when missing or out of date.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=5
inner=""
policyloc=""
work=""
with_po4a=1
callgrind=0
timer=""
pages=()

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        -n | --rounds) rounds=$2; shift 2 ;;
        --inner) inner=$2; shift 2 ;;
        --policyloc) policyloc=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --no-po4a) with_po4a=0; shift ;;
        --timer) timer=$2; shift 2 ;;
        --callgrind) callgrind=1; shift ;;
        -h | --help) usage; exit 0 ;;
        --) shift; pages+=("$@"); break ;;
        -*) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
        *) pages+=("$1"); shift ;;
    esac
done
case "$rounds" in '' | *[!0-9]* | 0) echo "bench.sh: -n wants a positive count" >&2; exit 2 ;; esac
if [ -n "$inner" ]; then
    case "$inner" in *[!0-9]* | 0) echo "bench.sh: --inner wants a positive count" >&2; exit 2 ;; esac
fi

if [ ${#pages[@]} -eq 0 ]; then
    for f in "$root"/../shared/corpus/large/*.md "$root"/locales/privacy.md; do
        [ -f "$f" ] && pages+=("$(realpath "$f")")
    done
fi
[ ${#pages[@]} -gt 0 ] || { echo "bench.sh: no pages to measure" >&2; exit 2; }
for f in "${pages[@]}"; do
    [ -f "$f" ] || { echo "bench.sh: no such page: $f" >&2; exit 2; }
done

need() { command -v "$1" > /dev/null || { echo "bench.sh: $1 not found ($2)" >&2; exit 2; }; }
need cmark-gfm "Debian package cmark-gfm"
need msgen "Debian package gettext"
need podebug "Debian package translate-toolkit"
[ "$with_po4a" -eq 0 ] || need po4a-updatepo "Debian package po4a, or pass --no-po4a"
[ "$callgrind" -eq 0 ] || { need valgrind "Debian package valgrind"; need callgrind_annotate "Debian package valgrind"; }
if [ -z "$timer" ]; then
    if command -v hyperfine > /dev/null && command -v jq > /dev/null; then timer=hyperfine; else timer=loop; fi
fi
case "$timer" in
    hyperfine) need hyperfine "Debian package hyperfine"; need jq "Debian package jq" ;;
    loop) ;;
    *) echo "bench.sh: --timer wants hyperfine or loop" >&2; exit 2 ;;
esac

if [ -z "$policyloc" ]; then
    build="$root/build-bench"
    mkdir -p "$build"
    {
        [ -f "$build/CMakeCache.txt" ] ||
            cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
                "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG -g" -DPOLICYLOC_BUILD_TESTS=OFF
        cmake --build "$build" --target policyloc -j2
    } > "$build/bench-build.log" 2>&1 || {
        tail -n 30 "$build/bench-build.log" >&2
        echo "bench.sh: building policyloc failed (log: $build/bench-build.log)" >&2
        exit 1
    }
    policyloc="$build/tools/policyloc"
fi
[ -x "$policyloc" ] || { echo "bench.sh: policyloc not executable: $policyloc" >&2; exit 2; }
cache="$(dirname "$(dirname "$policyloc")")/CMakeCache.txt"
if [ -f "$cache" ] && ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$cache"; then
    echo "bench.sh: warning: $policyloc is not a Release build" >&2
fi

keep=1
if [ -z "$work" ]; then
    keep=0
    work=$(mktemp -d "${TMPDIR:-/tmp}/policyloc-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
else
    mkdir -p "$work"
fi

cmark_args=(-e table -e strikethrough -e autolink -e tasklist)
names=(cmark-gfm extract merge-identity merge-xxx)
[ "$with_po4a" -eq 0 ] || names+=(po4a)

# The command line of tool $1 on page number $2, one word a line.
command_words() {
    local tool=$1 page=${pages[$2]} d="$work/p$2"
    case "$tool" in
        cmark-gfm) printf '%s\n' cmark-gfm "${cmark_args[@]}" "$page" ;;
        extract) printf '%s\n' "$policyloc" extract "$page" -o "$d/out.pot" ;;
        merge-identity)
            printf '%s\n' "$policyloc" merge "$page" "$d/identity.po" --locale de --dates keep \
                -o "$d/out-identity.md" ;;
        merge-xxx)
            printf '%s\n' "$policyloc" merge "$page" "$d/xxx.po" --locale de --dates keep \
                -o "$d/out-xxx.md" ;;
        po4a)
            printf '%s\n' po4a-updatepo -f text -o markdown -o yfm_lenient -m "$page" \
                -p "$d/po4a.pot" ;;
    esac
}

# The same command as one shell-quoted line (for hyperfine and for the report).
command_line() {
    local -a w
    mapfile -t w < <(command_words "$1" "$2")
    printf '%q ' "${w[@]}" | sed 's/ $//'
}

human_size() {
    stat -c %s "$1" | awk '{if ($1 >= 1e6) printf "%.2f MB\n", $1 / 1e6; else printf "%.1f kB\n", $1 / 1e3}'
}

# Runs a command with its output kept in a log that is shown only when it fails.
quiet() {
    "$@" > "$work/step.log" 2>&1 || {
        cat "$work/step.log" >&2
        echo "bench.sh: failed: $*" >&2
        exit 1
    }
}

# Catalogs and a correctness check before any timing.
for i in "${!pages[@]}"; do
    page=${pages[$i]} d="$work/p$i"
    mkdir -p "$d"
    quiet "$policyloc" extract "$page" -o "$d/template.pot"
    quiet msgen "$d/template.pot" -o "$d/identity.po"
    quiet podebug --rewrite=xxx "$d/identity.po" "$d/xxx.po"
    if ! grep -q '^msgstr "xxx' "$d/xxx.po"; then
        echo "bench.sh: podebug left $d/xxx.po untranslated" >&2
        exit 1
    fi
    quiet "$policyloc" merge "$page" "$d/identity.po" --locale de --dates keep -o "$d/check.md"
    if ! cmp -s "$page" "$d/check.md"; then
        echo "bench.sh: warning: merging the identity catalog does not reproduce $page" >&2
    fi
    quiet "$policyloc" merge "$page" "$d/xxx.po" --locale de --dates keep -o "$d/check-xxx.md"
    if cmp -s "$page" "$d/check-xxx.md"; then
        echo "bench.sh: warning: merging the xxx catalog left $page unchanged" >&2
    fi
done

if [ "$callgrind" -eq 1 ]; then
    big=0
    for i in "${!pages[@]}"; do
        [ "$(stat -c %s "${pages[$i]}")" -gt "$(stat -c %s "${pages[$big]}")" ] && big=$i
    done
    echo "callgrind: ${pages[$big]} ($(human_size "${pages[$big]}")), instructions executed (Ir)"
    echo "policyloc: $policyloc"
    printf '%-16s %16s %10s\n' tool Ir "x cmark"
    base=""
    for tool in cmark-gfm extract merge-identity merge-xxx; do
        out="$work/callgrind.$tool.out"
        mapfile -t w < <(command_words "$tool" "$big")
        valgrind --tool=callgrind --callgrind-out-file="$out" "${w[@]}" > /dev/null 2> "$work/callgrind.$tool.log"
        ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$out")
        [ -n "$base" ] || base=$ir
        printf '%-16s %16s %10s\n' "$tool" "$(numfmt --grouping "$ir")" \
            "$(awk -v a="$ir" -v b="$base" 'BEGIN {printf "%.2f", a / b}')"
    done
    for tool in extract merge-identity merge-xxx; do
        echo
        echo "== $tool: functions by inclusive Ir (top 25)"
        callgrind_annotate --inclusive=yes --threshold=100 "$work/callgrind.$tool.out" 2> /dev/null |
            awk '/^-+$/ {n++; next} n >= 3 && NF' |
            grep -v -E '\?\?\?:0x|below main|libc-start|tools/main\.cpp:main' |
            sed -E 's/ \[[^]]*\]$//' | sed -n '1,25p' | cut -c1-160
    done
    [ "$keep" -eq 0 ] || echo "callgrind files: $work/callgrind.*.out"
    exit 0
fi

# Timing. samples/<page>.<tool> collects one wall time in ms a line.
mkdir -p "$work/samples"

runs_for() {
    if [ -n "$inner" ]; then echo "$inner"
    elif [ "$(stat -c %s "${pages[$1]}")" -ge 65536 ]; then echo 1
    else echo 10; fi
}

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

for ((r = 1; r <= rounds; r++)); do
    echo "round $r/$rounds" >&2
    for i in "${!pages[@]}"; do
        d="$work/p$i" runs=$(runs_for "$i")
        if [ "$timer" = hyperfine ]; then
            cmds=()
            for tool in "${names[@]}"; do cmds+=("$(command_line "$tool" "$i")"); done
            warm=()
            [ "$r" -gt 1 ] || warm=(--warmup 1)
            hyperfine -N --style none "${warm[@]}" --runs "$runs" \
                --prepare "rm -f $(printf '%q' "$d/po4a.pot")" \
                --export-json "$d/round$r.json" "${cmds[@]}" > "$d/hyperfine.log" 2>&1 || {
                cat "$d/hyperfine.log" >&2
                exit 1
            }
            for k in "${!names[@]}"; do
                jq -r ".results[$k].times[] * 1000" "$d/round$r.json" >> "$work/samples/$i.${names[$k]}"
            done
        else
            [ "$r" -gt 1 ] || for tool in "${names[@]}"; do
                mapfile -t w < <(command_words "$tool" "$i")
                rm -f "$d/po4a.pot"
                "${w[@]}" > /dev/null 2>&1
            done
            for tool in "${names[@]}"; do
                mapfile -t w < <(command_words "$tool" "$i")
                for ((k = 0; k < runs; k++)); do
                    rm -f "$d/po4a.pot"
                    t0=$(now_us)
                    "${w[@]}" > /dev/null 2>&1 || { echo "bench.sh: failed: ${w[*]}" >&2; exit 1; }
                    t1=$(now_us)
                    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", (b - a) / 1000}' \
                        >> "$work/samples/$i.$tool"
                done
            done
        fi
    done
done

median() { sort -g "$1" | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo
echo "policyloc: $policyloc"
[ "$timer" = hyperfine ] || timer="loop on \$EPOCHREALTIME"
echo "timer: $timer; $rounds interleaved rounds; median wall time in ms; x = ratio to cmark-gfm on the same page"
echo "targets (DESIGN.md, Speed): extract <= 1.5x, merge <= 2x"
echo
printf '%-26s %9s  %-15s %7s %10s %8s  %s\n' page size tool samples "median ms" "x cmark" target
for i in "${!pages[@]}"; do
    base=$(median "$work/samples/$i.cmark-gfm")
    first=1
    for tool in "${names[@]}"; do
        f="$work/samples/$i.$tool"
        m=$(median "$f")
        case "$tool" in extract) limit=1.5 ;; merge-*) limit=2 ;; *) limit="" ;; esac
        verdict=""
        if [ -n "$limit" ]; then
            verdict=$(awk -v m="$m" -v b="$base" -v l="$limit" \
                'BEGIN {printf "%s %s", l "x", (m / b <= l ? "met" : "MISSED")}')
        fi
        if [ $first -eq 1 ]; then
            label=$(basename "${pages[$i]}") size=$(human_size "${pages[$i]}")
            first=0
        else
            label="" size=""
        fi
        printf '%-26s %9s  %-15s %7s %10.1f %8.2f  %s\n' "$label" "$size" "$tool" "$(wc -l < "$f")" \
            "$m" "$(awk -v m="$m" -v b="$base" 'BEGIN {print m / b}')" "$verdict"
    done
done
echo
echo "commands (page 1):"
for tool in "${names[@]}"; do echo "  $(command_line "$tool" 0)"; done
