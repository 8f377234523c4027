#!/bin/bash
# Builds the fuzz preset, builds the seed corpora (fuzz/seed.py, from ../shared/corpus, locales/
# and the test fixtures) and runs every fuzz target, one after the other, for SECONDS each on
# its corpus (build-fuzz/corpus/TARGET, which keeps what earlier runs found).
# FUZZ_WORK names another directory for the corpora, artifacts and logs (default build-fuzz).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]       default: 30 seconds, every target
#   FUZZ_ARGS="-fork=1 -ignore_crashes=1"      extra libFuzzer options
#
# A crash, hang or property violation is written to build-fuzz/artifacts/TARGET/; the script
# then exits 1. Reproduce it with build-fuzz/fuzz/fuzz_TARGET FILE, and keep it as a regression
# fixture in tests/fixtures/fuzz/TARGET/.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
    targets=(extract identity structure po_read xliff_read xliff_roundtrip date_layout)
shared=${POLICYLOC_SHARED_DIR:-../shared}
build=build-fuzz
work=${FUZZ_WORK:-$build}
start=$(date +%s)

cmake --preset fuzz >/dev/null && cmake --build --preset fuzz >/dev/null || {
    echo "fuzz: the fuzz preset does not build" >&2
    exit 2
}
rm -rf "$work/seeds"
python3 fuzz/seed.py . "$shared" "$work/seeds" >/dev/null || exit 2

dict_of() {
    case $1 in
        extract | identity | structure) cat fuzz/markdown.dict fuzz/hugo.dict ;;
        po_read) cat fuzz/po.dict ;;
        xliff_read | xliff_roundtrip) cat fuzz/xliff.dict ;;
        date_layout) cat fuzz/date.dict ;;
    esac
}

status=0
for t in "${targets[@]}"; do
    mkdir -p "$work/corpus/$t" "$work/seeds/$t" "$work/artifacts/$t" "$work/logs"
    dict_of "$t" >"$work/logs/$t.dict"
    log="$work/logs/$t.log"
    t0=$(date +%s)
    # shellcheck disable=SC2086
    LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp" \
        "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="$work/logs/$t.dict" \
        -artifact_prefix="$work/artifacts/$t/" ${FUZZ_ARGS:-} \
        "$work/corpus/$t" "$work/seeds/$t" >"$log" 2>&1
    rc=$?
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
    [ -n "$execs" ] || execs=$(grep -Eo '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
    corpus=$(find "$work/corpus/$t" -type f | wc -l)
    printf 'fuzz %-16s %4ss  %10s executions  corpus %6s files  exit %s\n' \
        "$t" "$(($(date +%s) - t0))" "${execs:-?}" "$corpus" "$rc"
    if [ "$rc" -ne 0 ]; then
        status=1
        grep -E 'ERROR|property violated|SUMMARY|Test unit written' "$log" | head -n 8
    fi
done
echo "fuzz: ${#targets[@]} targets in $(($(date +%s) - start)) s"
exit $status
