#!/usr/bin/env python3
"""Writes the minimal example cases under cases/ (one folder per class of
difference found by crosscheck.py), each with snapshot.json, a policy,
the reference's answer (expected.json) and NOTE.md (the rule, the spec
sentence that decides it, what the reference answers).

    python3 make_cases.py            # rewrites cases/
    python3 crosscheck.py --cases cases/*
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mm_reference as R  # noqa: E402

ASOF = "2026-11-23"


def mentor(mid, **kw):
    m = {"id": mid, "languages": ["fr"], "paths": ["web"], "capacity": 2,
         "timezone": "Europe/Paris", "availability": ["Mon 18:00-21:00"]}
    m.update(kw)
    return m


def student(sid, **kw):
    s = {"id": sid, "path": "web", "language": "fr", "timezone": "Europe/Paris",
         "availability": ["Mon 18:00-21:00"]}
    s.update(kw)
    return s


def snap(mentors, students, **extra):
    d = {"asOf": ASOF, "styles": ["hands-on", "socratic"], "mentors": mentors, "students": students}
    d.update(extra)
    return d


HANDS_ON = {"hands-on": 1.0}
SOCRATIC = {"socratic": 1.0}

CASES = {
    "policy-yaml-flow-style": dict(
        rule="formats.md, Policy (YAML or JSON)",
        sentence="`## Policy (YAML or JSON)` — a YAML file may use flow style; "
                 "`{moveCost: 150}` is a valid YAML mapping (and not JSON).",
        what="The reference reads the policy; the answer is the default run with moveCost 150.",
        snapshot=snap([mentor("m-1")], [student("s-1")]),
        policy=("policy.yaml", "{moveCost: 150}\n"),
    ),
    "declined-rule7": dict(
        rule="matching-model §2 rule 7 (declined moves)",
        sentence="7. (v2) (s,m) is not declined: the snapshot's `declined` list has no entry "
                 "for (s,m) with `until` on or after `asOf`",
        what="s-1 (no mentor yet) would fit m-1 best, but the advisor declined (s-1, m-1) until "
             "2026-12-01 (after asOf): the only candidate left is m-2.",
        snapshot=snap([mentor("m-1", styles=HANDS_ON), mentor("m-2", styles=SOCRATIC)],
                      [student("s-1", preferences=HANDS_ON)],
                      declined=[{"student": "s-1", "mentor": "m-1", "until": "2026-12-01"}]),
        policy=None,
    ),
    "settling-4b-assignedSince": dict(
        rule="matching-model §4b (settling period)",
        sentence="A settling student is not moved voluntarily: in §5 the pairs x[s,m] with "
                 "m ≠ cur(s) are removed for them",
        what="s-1 has been on m-1 since 2026-11-09 (14 days < 7·4): it keeps m-1 although "
             "m-2 fits it better and the default budget (ceil(2·1/100) = 1) would allow the move.",
        snapshot=snap([mentor("m-1", styles=SOCRATIC), mentor("m-2", styles=HANDS_ON)],
                      [student("s-1", preferences=HANDS_ON, currentMentor="m-1",
                               assignedSince="2026-11-09")]),
        policy=None,
    ),
    "cooldownWeeks": dict(
        rule="matching-model §4b with policy.cooldownWeeks",
        sentence="`asOf − assignedSince < 7 · policy.cooldownWeeks` days (default 4 weeks; 0 turns it off)",
        what="assignedSince 35 days before asOf: settling under cooldownWeeks 8 (35 < 56), "
             "not under the default 4 (35 >= 28). The reference keeps s-1 on m-1.",
        snapshot=snap([mentor("m-1", styles=SOCRATIC), mentor("m-2", styles=HANDS_ON)],
                      [student("s-1", preferences=HANDS_ON, currentMentor="m-1",
                               assignedSince="2026-10-19")]),
        policy=("policy.yaml", "cooldownWeeks: 8\n"),
    ),
    "maxMovesPercent": dict(
        rule="matching-model §5 default move budget",
        sentence="maxMoves, when the policy does not set it, is "
                 "`Int(ceil(Double(maxMovesPercent) * Double(M) / 100.0))`",
        what="M = 2 students with a mentor, maxMovesPercent 100: maxMoves = 2 (not "
             "ceil(2·2/100) = 1), so both students move to the better mentor.",
        snapshot=snap([mentor("m-1", styles=SOCRATIC), mentor("m-2", styles=HANDS_ON)],
                      [student("s-1", preferences=HANDS_ON, currentMentor="m-1"),
                       student("s-2", preferences=HANDS_ON, currentMentor="m-1")]),
        policy=("policy.yaml", "maxMovesPercent: 100\n"),
    ),
    "evictionCost": dict(
        rule="matching-model §5 eviction cost (policy.evictionCost)",
        sentence="the objective pays `evictionCost` (policy, integer ≥ 0, default 20000) on top "
                 "of their unassigned penalty",
        what="m-1 has one seat; s-1 holds it (voluntary), s-2 (new, priority 3) wants it. With "
             "evictionCost 0 the optimum seats s-2 (3·fit − 5000 > fit − 15000); with the "
             "default 20000 s-1 would stay.",
        snapshot=snap([mentor("m-1", capacity=1)],
                      [student("s-1", currentMentor="m-1"), student("s-2", missedSessions=3)]),
        policy=("policy.yaml", "evictionCost: 0\n"),
    ),
    "learningRate": dict(
        rule="matching-model §3 learned preferences (policy.learningRate)",
        sentence="`p'[k] = min(1.0, max(0.0, p[k] + r * a / Double(|F(s)|)))` with "
                 "r = `policy.learningRate` (default 0.5)",
        what="One pedagogy rating 5 of m-1 (hands-on 1.0, socratic 0.5) by s-1 (socratic 0.5): "
             "a = (1.0, 0.5); with r = 1, p' = (hands-on 1.0, socratic 1.0); with the default "
             "r = 0.5 it would be (0.5, 0.75). fit(s-1, m-1) = 875 under r = 1 (850 under the default 0.5).",
        snapshot=snap([mentor("m-1", styles={"hands-on": 1.0, "socratic": 0.5}),
                       mentor("m-2", styles={"hands-on": 0.2, "socratic": 1.0})],
                      [student("s-1", preferences={"socratic": 0.5})],
                      feedback=[{"student": "s-1", "mentor": "m-1", "date": "2026-11-20",
                                 "rating": 5, "reason": "pedagogy"}]),
        policy=("policy.yaml", "learningRate: 1\n"),
    ),
}


def main():
    root = os.path.join(HERE, "cases")
    shutil.rmtree(root, ignore_errors=True)
    for name, c in CASES.items():
        d = os.path.join(root, name)
        os.makedirs(d)
        with open(os.path.join(d, "snapshot.json"), "w", encoding="utf-8") as f:
            json.dump(c["snapshot"], f, indent=1, ensure_ascii=False)
            f.write("\n")
        pol_path = None
        if c["policy"]:
            pol_path = os.path.join(d, c["policy"][0])
            with open(pol_path, "w", encoding="utf-8") as f:
                f.write(c["policy"][1])
        M = R.Model(R.load_snapshot(os.path.join(d, "snapshot.json")), R.load_policy(pol_path))
        res = M.result()
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
            f.write("\n")
        lines = [f"# {name}", "", f"Rule: {c['rule']}.", "", f"Spec: {c['sentence']}", "",
                 f"Reference: {c['what']}", "",
                 f"Reference answer: objective {res['objective']}, maxMoves {res['maxMoves']}; " +
                 ", ".join(f"{a['student']} → {a['mentor'] or 'none'} (fit {a['fit']})"
                           for a in res["assignments"]) + ".", ""]
        with open(os.path.join(d, "NOTE.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print(name, res["objective"], res["maxMoves"],
              [(a["student"], a["mentor"], a["fit"]) for a in res["assignments"]])


if __name__ == "__main__":
    main()
