#!/usr/bin/env bash
# Cross-check the optimum with an independent solver: MentorMatch's rebalance objective must equal
# HiGHS's optimum of the same program, exported as free MPS by `mentormatch export`.
#
#   scripts/crosscheck_highs.sh [SNAPSHOT] [policy options such as --max-moves 40]
#
# Default snapshot: Scenarios/medium/snapshot.json. Needs `pip install highspy` (installed if missing).
# Exit status 0 when both optima agree, 1 when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=${1:-Scenarios/medium/snapshot.json}
shift || true

python3 -c 'import highspy' 2>/dev/null || pip install -q highspy
swift build -c release --product mentormatch >/dev/null
bin=.build/release/mentormatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" export "$snapshot" --as mps -o "$work/program.mps" "$@"
objective_of() { python3 -c 'import json, sys; print(json.load(sys.stdin)["objective"])'; }

start=$EPOCHREALTIME
flow=$("$bin" rebalance "$snapshot" --format json --solver flow "$@" | objective_of)
flow_s=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
start=$EPOCHREALTIME
mip=$("$bin" rebalance "$snapshot" --format json --solver mip "$@" | objective_of)
mip_s=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
highs_out=$(python3 scripts/highs_solve.py "$work/program.mps" --maximize)
highs=$(awk '/^objective/ { printf "%d", ($2 < 0 ? $2 - 0.5 : $2 + 0.5) }' <<<"$highs_out")
highs_status=$(awk '/^status/ { $1 = ""; print substr($0, 2) }' <<<"$highs_out")
highs_s=$(awk '/^solve seconds/ { print $3 }' <<<"$highs_out")

printf 'snapshot      %s %s\n' "$snapshot" "$*"
printf 'flow solver   %s  (%.2f s, whole command)\n' "$flow" "$flow_s"
printf 'GLPK MIP      %s  (%.2f s, whole command)\n' "$mip" "$mip_s"
printf 'HiGHS         %s  (%s, %s s solve)\n' "$highs" "$highs_status" "$highs_s"
if [ "$flow" = "$highs" ] && [ "$mip" = "$highs" ]; then
    echo "agree"
else
    echo "DISAGREE"
    exit 1
fi
