#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer) of the readers and the engine: builds the Fuzz/ package with
# `-sanitize=fuzzer,address` and runs each target for SECONDS (default 60), one after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: FuzzSnapshotJSON FuzzSnapshotCSV FuzzPolicy
#                                                      FuzzScenario FuzzPipeline (default: all)
#
# Each target starts from its committed seeds (Fuzz/Corpus/TARGET, read only) and the inputs it found
# before (.build-fuzz/corpus/TARGET, kept between runs, not committed). A crash, a sanitizer report or
# an input slower than 10 s stops that target; its input is kept as Fuzz/crashes/TARGET-crash-… (also
# printed in base64 when small, for CI logs), the other targets still run, and the script exits 1.
# Replay one input: SWIFT_BACKTRACE=enable=no .build-fuzz/release/TARGET FILE.
# Environment: FUZZ_BUILD_ONLY=1 builds and stops.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
all=(FuzzSnapshotJSON FuzzSnapshotCSV FuzzPolicy FuzzScenario FuzzPipeline)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
scratch=.build-fuzz

start=$(date +%s)
# SwiftPM reuses its build plan while Fuzz/Package.swift is unchanged, missing files added to the main
# package's targets (the path dependency): plan anew each time.
rm -f "$scratch"/*/release/description.json
echo "fuzz: building the fuzz targets (release, -sanitize=fuzzer,address) in $scratch"
if ! swift build --package-path Fuzz -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address; then
    echo "fuzz: build failed" >&2
    exit 1
fi
echo "fuzz: built in $(( $(date +%s) - start )) s"
[ "${FUZZ_BUILD_ONLY:-}" = 1 ] && exit 0

bin="$scratch/release"
mkdir -p Fuzz/crashes "$scratch/logs"
failed=()
for target in "${targets[@]}"; do
    corpus="$scratch/corpus/$target"
    mkdir -p "$corpus"
    log="$scratch/logs/$target.log"
    dict=()
    [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=("-dict=Fuzz/Dictionaries/$target.dict")
    echo "fuzz: $target for $seconds s (log: $log)"
    # Leaks are not findings here (the oracle is: no trap), and LeakSanitizer's end-of-run check is slow.
    # Swift's own crash backtracer is off: under AddressSanitizer it reports itself instead of the trap;
    # libFuzzer prints the stack of a trap (symbolized by ASan).
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$bin/$target" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="Fuzz/crashes/$target-" "$corpus" "Fuzz/Corpus/$target" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ "$status" -eq 0 ]; then
        echo "fuzz: $target: no crash; ${runs:-?} runs, ${speed:-?}/s, ${cov:-cov: ?}"
    else
        failed+=("$target")
        echo "fuzz: $target: FAILED (exit $status) after ${runs:-?} runs" >&2
        grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error:|artifact_prefix|Test unit written)|Swift runtime failure' "$log" | head -20 >&2
        for input in $(sed -n 's/^Test unit written to //p' "$log"); do
            if [ -f "$input" ] && [ "$(wc -c <"$input")" -le 4096 ]; then
                echo "fuzz: $input in base64:" >&2
                base64 -w 100 "$input" >&2
            fi
        done
        tail -40 "$log" >&2
    fi
done
echo "fuzz: done in $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}; inputs kept in Fuzz/crashes/" >&2
    exit 1
fi
