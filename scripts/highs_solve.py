#!/usr/bin/env python3
"""Solve an MPS file with HiGHS (highspy) and print the objective and the seconds.

An independent check of MentorMatch's optimum and the yardstick for its speed:

    swift run -c release mentormatch-bench solve --tier M --runs 1 --write-mps /tmp/m.mps
    python3 scripts/highs_solve.py /tmp/m.mps [--presolve off] [--time-limit 600] [--lp] [--maximize]

mip_rel_gap is 0 (HiGHS' default 1e-4 may stop short of the optimum), so
"Optimal" means proven optimal. --lp solves the LP relaxation only.
Requires `pip install highspy`.
"""
import argparse
import time

import highspy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mps")
    parser.add_argument("--presolve", choices=["on", "off", "choose"], default="choose")
    parser.add_argument("--time-limit", type=float, default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--lp", action="store_true", help="solve the LP relaxation only")
    parser.add_argument("--log", action="store_true", help="show HiGHS' own output")
    parser.add_argument("--maximize", action="store_true",
                        help="maximise (free MPS written by GLPK carries no objective sense)")
    args = parser.parse_args()

    h = highspy.Highs()
    h.setOptionValue("output_flag", args.log)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0)
    h.setOptionValue("presolve", args.presolve)
    if args.time_limit is not None:
        h.setOptionValue("time_limit", args.time_limit)
    if args.threads is not None:
        h.setOptionValue("threads", args.threads)

    t0 = time.perf_counter()
    status = h.readModel(args.mps)
    if status != highspy.HighsStatus.kOk:
        raise SystemExit(f"cannot read {args.mps}: {status}")
    t1 = time.perf_counter()
    if args.maximize:
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    if args.lp:
        lp = h.getLp()
        h.changeColsIntegrality(lp.num_col_, list(range(lp.num_col_)),
                                [highspy.HighsVarType.kContinuous] * lp.num_col_)
    h.run()
    t2 = time.perf_counter()

    info = h.getInfo()
    model_status = h.modelStatusToString(h.getModelStatus())
    print(f"file {args.mps}")
    print(f"status {model_status}")
    print(f"objective {info.objective_function_value:.6f}")
    if not args.lp:
        print(f"bound {info.mip_dual_bound:.6f}")
        print(f"gap {info.mip_gap}")
    print(f"read seconds {t1 - t0:.3f}")
    print(f"solve seconds {t2 - t1:.3f}")


if __name__ == "__main__":
    main()
