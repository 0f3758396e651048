#!/usr/bin/env python3
"""Cross-check `mentormatch rebalance` against the reference model.

    python3 crosscheck.py N [--seed S] [--profile default|budget] [--cli PATH] [--solver flow|mip|both]
                            [--jobs J] [--keep DIR] [--cases DIR ...]

Generates N random snapshots+policies (random_snapshots.py) into a temporary
folder, runs the reference (mm_reference.py, HiGHS) and the CLI
(`mentormatch rebalance SNAPSHOT --policy POLICY --format json`) on each, and
compares: status optimal, objective equal to the reference optimum, maxMoves
equal, each reported fit equal to the reference fit(s,m) of that pair, the
reported assignment feasible in the reference's program (every pair a variable
of §5 after §2 and §4b, capacities, maxNewPerWeek, budget, locks) and its
objective, recomputed by the reference, equal to the reported objective.

Prints "N passed, K failed", then each failure with its differences and the
class tags derived from them; failing cases are kept under --keep (default
a fresh temporary folder, printed). --cases DIR... re-runs kept cases
(folders holding snapshot.json and policy.*) instead of generating.
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mm_reference as R          # noqa: E402
import random_snapshots as G      # noqa: E402

DEFAULT_CLI = "/work/main/.build/debug/mentormatch"


def policy_of(case_dir: str) -> str | None:
    ps = sorted(glob.glob(os.path.join(case_dir, "policy.*")))
    return ps[0] if ps else None


def run_cli(cli: str, snapshot: str, policy: str | None, solver: str | None, timeout=300):
    cmd = [cli, "rebalance", snapshot, "--format", "json"]
    if policy:
        cmd += ["--policy", policy]
    if solver:
        cmd += ["--solver", solver]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    out = None
    if p.returncode == 0:
        try:
            out = json.loads(p.stdout)
        except json.JSONDecodeError as e:
            return p.returncode, None, p.stderr + f"\n(stdout not JSON: {e})"
    return p.returncode, out, p.stderr


def tags_of(diffs: list[str], model: R.Model | None) -> list[str]:
    """Short class tags for a failure, from the differences found."""
    tags = set()
    for d in diffs:
        if d.startswith("policy-yaml-flow"):
            tags.add("policy-yaml-flow-rejected")
        elif d.startswith("cli exit"):
            tags.add("cli-error")
        elif d.startswith("maxMoves"):
            tags.add("maxMoves")
        elif d.startswith("status"):
            tags.add("status")
        elif ": fit " in d:
            tags.add("fit")
        elif d.startswith("infeasible:"):
            if "settling" in d:
                tags.add("infeasible-settling(§4b)")
            elif "rule" in d:
                for r in range(1, 8):
                    if f"rule {r}" in d:
                        tags.add(f"infeasible-rule{r}")
            elif "maxMoves" in d:
                tags.add("infeasible-budget")
            elif "capacity" in d:
                tags.add("infeasible-capacity")
            elif "maxNewPerWeek" in d:
                tags.add("infeasible-maxNew")
            elif "locked" in d:
                tags.add("infeasible-lock")
            else:
                tags.add("infeasible-other")
        elif d.startswith("objective of the reported"):
            tags.add("objective-recomputed")
        elif d.startswith("objective"):
            tags.add("objective")
        elif "priority" in d:
            tags.add("priority")
        else:
            tags.add("other")
    return sorted(tags)


_IGNORED = re.compile(r"(snapshot\.json|policy\.\w+): (?:student (\S+): |mentor (\S+): )?(\w+): unknown field ignored")


def _decides(case_dir, warnings, fields: set, out) -> bool:
    """Is the CLI's answer wrong once these ignored fields are put back?"""
    one = strip_ignored(case_dir, warnings, keep=fields, name="as-read+" + "+".join(sorted(fields)))
    try:
        m = R.Model(R.load_snapshot(os.path.join(one, "snapshot.json")), R.load_policy(policy_of(one)))
        return bool(R.check_result(m, m.result(), out))
    finally:
        shutil.rmtree(one, ignore_errors=True)


def strip_ignored(case_dir: str, warnings: list[str], keep: set | None = None,
                  name: str = "as-read") -> str | None:
    """A copy of the case without the fields the CLI said it ignored, i.e. the
    input as the CLI actually read it (but with the fields `keep` left in); None
    when it ignored nothing."""
    drops = []
    for w in warnings:
        m = _IGNORED.search(w)
        if m and m.group(4) not in (keep or set()):
            drops.append((m.group(1).startswith("snapshot"), m.group(2), m.group(3), m.group(4)))
    if not drops and keep is None:
        return None
    out = os.path.join(case_dir, name)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(case_dir, "snapshot.json"), encoding="utf-8") as f:
        snap = json.load(f)
    pol_path = policy_of(case_dir)
    pol = None
    if pol_path:
        with open(pol_path, encoding="utf-8") as f:
            text = f.read()
        import yaml
        pol = json.loads(text) if pol_path.endswith(".json") else (yaml.safe_load(text) or {})
    for in_snap, sid, mid, field in drops:
        if not in_snap:
            pol.pop(field, None)
        elif sid:      # the CLI names the first record only: drop the field everywhere
            for s in snap["students"]:
                s.pop(field, None)
        elif mid:
            for m in snap["mentors"]:
                m.pop(field, None)
        else:
            snap.pop(field, None)
    with open(os.path.join(out, "snapshot.json"), "w", encoding="utf-8") as f:
        json.dump(snap, f, indent=1)
    if pol is not None:
        with open(os.path.join(out, "policy.json"), "w", encoding="utf-8") as f:
            json.dump(pol, f, indent=1)
    return out


def check_case(case_dir: str, cli: str, solvers: list[str | None]) -> dict:
    snap_path = os.path.join(case_dir, "snapshot.json")
    pol_path = policy_of(case_dir)
    rec = {"case": case_dir, "runs": []}
    try:
        snap = R.load_snapshot(snap_path)
        pol = R.load_policy(pol_path)
    except R.InputError as e:
        rec["runs"].append({"solver": None, "diffs": ["reference input error: " + "; ".join(e.errors)],
                            "tags": ["reference-input-error"]})
        return rec
    model = R.Model(snap, pol)
    ref = model.result()
    with open(os.path.join(case_dir, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, indent=1)
    for solver in solvers:
        rc, out, err = run_cli(cli, snap_path, pol_path, solver)
        pre = []
        if (rc == 2 and pol_path and not pol_path.endswith(".json") and "not JSON" in err):
            # formats.md: the policy is YAML or JSON. A flow-style YAML mapping
            # ({moveCost: 150}) is refused as "not JSON": note it, and check the
            # model with the same policy written in block style.
            import yaml
            with open(pol_path, encoding="utf-8") as f:
                pol_obj = yaml.safe_load(f) or {}
            block = os.path.join(case_dir, "policy-block-style.yml")
            with open(block, "w", encoding="utf-8") as f:
                yaml.safe_dump(pol_obj, f, default_flow_style=False, sort_keys=False)
            pre = ["policy-yaml-flow: cli exit 2 on a flow-style YAML policy: " +
                   " ".join(err.split())[:300]]
            rc, out, err = run_cli(cli, snap_path, block, solver)
        diffs = list(pre)
        warnings = [l for l in err.splitlines() if "warning" in l.lower()]
        if rc != 0 or out is None:
            diffs.append(f"cli exit {rc}: {err.strip()[:2000]}")
        else:
            with open(os.path.join(case_dir, f"cli-{solver or 'default'}.json"), "w", encoding="utf-8") as f:
                json.dump(out, f, indent=1)
            diffs += R.check_result(model, ref, out)
        run = {"solver": solver, "diffs": diffs, "tags": tags_of(diffs, model), "warnings": warnings,
               "notes": []}
        if out is not None and out.get("tzdata") != ref["tzdata"]:
            # formats.md: every result carries `tzdata`, the database version used
            run["notes"].append(f"tzdata {out.get('tzdata')!r}, system database {ref['tzdata']!r}")
        if diffs[len(pre):] and out is not None:
            # Would the CLI's answer be right for the input it actually read?
            read = strip_ignored(case_dir, warnings)
            if read:
                m2 = R.Model(R.load_snapshot(os.path.join(read, "snapshot.json")),
                             R.load_policy(policy_of(read)))
                residual = R.check_result(m2, m2.result(), out)
                run["asRead"] = {"diffs": residual, "tags": tags_of(residual, m2)}
                ignored = sorted({_IGNORED.search(w).group(4) for w in warnings if _IGNORED.search(w)})
                # which ignored field decides: put each one back alone; if the
                # CLI's answer is then wrong for the reference, that field matters
                deciding = []
                for fld in ignored:
                    if _decides(case_dir, warnings, {fld}, out):
                        deciding.append(fld)
                if not deciding:            # e.g. assignedSince only with cooldownWeeks
                    import itertools
                    for pair in itertools.combinations(ignored, 2):
                        if _decides(case_dir, warnings, set(pair), out):
                            deciding.append("+".join(pair))
                run["deciding"] = deciding
                if not residual:
                    run["tags"] = tags_of(pre, None) + ["v2-fields-ignored(" + ",".join(deciding or ["?"]) + ")"]
                else:
                    run["tags"] = (tags_of(pre, None) + ["v2-fields-ignored(" + ",".join(deciding or ["?"]) + ")"] +
                                   ["as-read:" + t for t in run["asRead"]["tags"]])
        rec["runs"].append(run)
    return rec


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=50)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--profile", choices=["default", "budget"], default="default",
                    help="budget: most students placed, many better mentors, a small move budget")
    ap.add_argument("--cli", default=DEFAULT_CLI)
    ap.add_argument("--solver", choices=["default", "flow", "mip", "both"], default="default")
    ap.add_argument("--jobs", type=int, default=max(1, min(8, (os.cpu_count() or 2))))
    ap.add_argument("--keep", help="folder for failing cases (default: a new temporary folder)")
    ap.add_argument("--cases", nargs="*", help="re-run these case folders instead of generating")
    ap.add_argument("--quiet", action="store_true", help="summary and class counts only")
    a = ap.parse_args(argv)
    if not os.access(a.cli, os.X_OK):
        print(f"crosscheck: no CLI at {a.cli}; build it: cd /work/main && swift build --product mentormatch",
              file=sys.stderr)
        return 2
    solvers = {"default": [None], "flow": ["flow"], "mip": ["mip"], "both": ["flow", "mip"]}[a.solver]
    work = tempfile.mkdtemp(prefix="mm-crosscheck-")
    # a private copy of the binary: others may rebuild it while we run
    st = os.stat(a.cli)
    cli = os.path.join(work, "mentormatch")
    shutil.copy2(a.cli, cli)
    head = ""
    git_dir = os.path.dirname(os.path.abspath(a.cli))
    while git_dir != "/" and not os.path.exists(os.path.join(git_dir, ".git")):
        git_dir = os.path.dirname(git_dir)
    if git_dir != "/":
        h = subprocess.run(["git", "-C", git_dir, "log", "-1", "--format=%h %s"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", git_dir, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        head = f"; {git_dir} at {h.stdout.strip()[:70]}" + (" (uncommitted changes)" if dirty else "")
    import datetime as _dt
    print(f"CLI {a.cli} built {_dt.datetime.fromtimestamp(st.st_mtime):%Y-%m-%d %H:%M:%S}{head}")
    if a.cases:
        case_dirs = []
        for c in a.cases:
            d = os.path.join(work, os.path.basename(os.path.normpath(c)))
            shutil.copytree(c, d)
            case_dirs.append(d)
    else:
        G.generate(work, a.n, a.seed, a.profile)
        case_dirs = sorted(glob.glob(os.path.join(work, "case-*")))
    keep = a.keep or tempfile.mkdtemp(prefix="mm-crosscheck-failures-")
    os.makedirs(keep, exist_ok=True)
    try:
        with ProcessPoolExecutor(max_workers=a.jobs) as ex:
            recs = list(ex.map(check_case, case_dirs, [cli] * len(case_dirs), [solvers] * len(case_dirs)))
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    passed = failed = 0
    classes = collections.Counter()
    examples: dict[str, str] = {}
    warnings = collections.Counter()
    notes = collections.Counter()
    per_field = collections.Counter()
    for rec in recs:
        for r in rec["runs"]:
            for n in r.get("notes", []):
                notes[n] += 1
        for fld in {f for r in rec["runs"] for f in r.get("deciding", [])}:
            per_field[fld] += 1
        bad = [r for r in rec["runs"] if r["diffs"]]
        for r in rec["runs"]:
            for w in r.get("warnings", []):
                warnings[w.split(": ", 1)[-1][:160]] += 1
        if not bad:
            passed += 1
            continue
        failed += 1
        dest = os.path.join(keep, os.path.basename(rec["case"]))
        if os.path.exists(dest):
            shutil.rmtree(dest)
        shutil.copytree(rec["case"], dest)
        key = " + ".join(sorted({t for r in bad for t in r["tags"]}))
        classes[key] += 1
        examples.setdefault(key, dest)
        if not a.quiet:
            print(f"FAIL {dest}")
            for r in bad:
                print(f"  solver {r['solver'] or 'default'}: tags {', '.join(r['tags'])}")
                for d in r["diffs"][:25]:
                    print("    " + d)
                if len(r["diffs"]) > 25:
                    print(f"    … {len(r['diffs']) - 25} more")
                if r.get("asRead", {}).get("diffs"):
                    print("    differences left on the input as the CLI read it (ignored fields removed):")
                    for d in r["asRead"]["diffs"][:25]:
                        print("      " + d)
    shutil.rmtree(work, ignore_errors=True)
    if warnings:
        print("CLI warnings seen (count):")
        for w, c in warnings.most_common(10):
            print(f"  {c:4d}  {w}")
    if notes:
        print("notes (not counted as failures):")
        for n, c in notes.most_common(10):
            print(f"  {c:4d}  {n}")
    if per_field:
        print("ignored v2 fields that change the answer (cases):",
              ", ".join(f"{f} {c}" for f, c in per_field.most_common()))
    if classes:
        print("failure classes (count, first example):")
        for k, c in classes.most_common():
            print(f"  {c:4d}  {k}  {examples[k]}")
    print(f"{passed} passed, {failed} failed" + (f" (failing cases kept in {keep})" if failed else ""))
    if not failed:
        shutil.rmtree(keep, ignore_errors=True)
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
