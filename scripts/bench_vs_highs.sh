#!/usr/bin/env bash
# MentorMatch's end-to-end rebalance (priced flow pipeline) against HiGHS on the same programs.
#
#   scripts/bench_vs_highs.sh [--tiers "S M L"] [--runs 3] [--time-limit 600] [--bench PATH]
#
# Per tier and per budget (none, then maxMoves = 2% of students): `mentormatch-bench rebalance`
# times the pipeline (median of --runs) and writes the full program (every candidate pair) as free
# MPS; `scripts/highs_solve.py` solves that file with HiGHS (mip_rel_gap 0) under --time-limit.
# Prints both objectives and the time ratio MentorMatch / HiGHS; when HiGHS hits the limit the ratio
# is only bounded ("< x"). HiGHS is timed on the solve alone (its file reading is excluded), MentorMatch
# from the snapshot to the result (context, candidates, encode, solve, pricing). XL is skipped for
# HiGHS: its MPS file would hold ~85 million columns. HiGHS is killed at twice the limit (plus 60 s).
# Requires a release build (swift build -c release --product mentormatch-bench) and `pip install highspy`.
set -euo pipefail
cd "$(dirname "$0")/.."
tiers="S M L"; runs=3; limit=600; bench=.build/release/mentormatch-bench
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tiers) tiers="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --time-limit) limit="$2"; shift 2 ;;
    --bench) bench="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf '%-4s %-7s %12s %14s %10s %14s %12s %10s\n' tier budget "MM seconds" "MM objective" "MM status" "HiGHS obj" "HiGHS s" "MM/HiGHS"
for tier in $tiers; do
  for budget in none 2; do
    mps="$dir/$tier-$budget.mps"
    extra=(); [[ $budget != none ]] && extra=(--max-moves-percent "$budget")
    write=(--write-mps "$mps"); [[ $tier == XL ]] && write=()
    out=$("$bench" rebalance --tier "$tier" --runs "$runs" "${extra[@]}" "${write[@]}")
    mm_s=$(awk '/^total/ {print $6}' <<<"$out")
    mm_obj=$(awk '/^result:/ {print $4}' <<<"$out")
    mm_status=$(awk '/^result:/ {print $2}' <<<"$out")
    if [[ ! -f $mps ]]; then
      printf '%-4s %-7s %12s %14s %10s %14s %12s %10s\n' "$tier" "$budget" "$mm_s" "$mm_obj" "$mm_status" "-" "not run" "-"
      continue
    fi
    # HiGHS does not always stop at its limit on the large programs (seen at L): a hard stop at twice it.
    highs=$(timeout --signal=KILL "$((limit * 2 + 60))" python3 scripts/highs_solve.py "$mps" --time-limit "$limit" \
      || printf 'status Killed\nobjective nan\nsolve seconds %s\n' "$((limit * 2 + 60))")
    rm -f "$mps"
    h_status=$(awk '/^status/ {print $2}' <<<"$highs")
    h_obj=$(awk '/^objective/ {printf "%.0f", $2}' <<<"$highs")
    h_s=$(awk '/^solve seconds/ {print $3}' <<<"$highs")
    if [[ $h_status == Optimal ]]; then
      ratio=$(awk -v a="$mm_s" -v b="$h_s" 'BEGIN {printf "%.4f", a / b}')
      [[ $h_obj == "$mm_obj" ]] || h_obj="$h_obj(!)"
    else
      ratio=$(awk -v a="$mm_s" -v b="$h_s" 'BEGIN {printf "< %.4f", a / b}')
      h_s=">$h_s"; h_obj="$h_obj($h_status)"
    fi
    printf '%-4s %-7s %12s %14s %10s %14s %12s %10s\n' "$tier" "$budget" "$mm_s" "$mm_obj" "$mm_status" "$h_obj" "$h_s" "$ratio"
  done
done
