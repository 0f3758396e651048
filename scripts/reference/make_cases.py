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
        seen='CLI exit 2: `policy.yaml: found text that is not JSON (Invalid value around character 1.), expected a JSON object` (seen at 55de967 and fa25844).',
        rule="formats.md, Policy (YAML or JSON)",
        sentence="`## Policy (YAML or JSON)` — a YAML file may use flow style; "
                 "`{moveCost: 150}` is a valid YAML mapping (and not JSON).",
        what="The reference reads the policy; the answer is the default run with moveCost 150.",
        snapshot=snap([mentor("m-1")], [student("s-1")]),
        policy=("policy.yaml", "{moveCost: 150}\n"),
    ),
    "declined-rule7": dict(
        seen='CLI ignored `declined` ("unknown field ignored") and answered s-1 → m-1, objective 925 (seen at 55de967; exact at fa25844, data-v2 merged).',
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
        seen='CLI ignored `assignedSince` and moved s-1 to m-2, objective 775 (seen at 55de967; exact at fa25844).',
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
        seen='CLI ignored `assignedSince` and `cooldownWeeks` and moved s-1 to m-2, objective 775 (seen at 55de967; exact at fa25844).',
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
        seen='CLI ignored `maxMovesPercent`: maxMoves 1, one move, objective 1200 (seen at 55de967; exact at fa25844).',
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
        seen='CLI ignored `evictionCost` (used the default 20000): kept s-1, objective -14325 (seen at 55de967; exact at fa25844).',
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
        seen='CLI ignored `learningRate` (used 0.5): fit 850, objective 850 (seen at 55de967; exact at fa25844).',
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
    "policy-maxMovesPercent-fraction": dict(
        rule="formats.md Policy, maxMovesPercent (input validation; the spec leaves room)",
        sentence="`maxMovesPercent: 2      # v2; 0…100; 100 lifts the budget in effect` and "
                 "\"Integers (moveCost, unassignedPenalty, evictionCost, maxMoves, forbidAtOrBelow, "
                 "cooldownWeeks) are >= 0\" — maxMovesPercent is not in that list, though the "
                 "model's `Double(maxMovesPercent)` suggests an integer field.",
        what="The reference accepts 2.5: maxMoves = ceil(2.5·2/100) = 1.",
        seen="CLI exit 2: `maxMovesPercent: found 2.5, expected an integer in 0…100` (a6be244). "
             "Either is defensible; the spec should say which.",
        snapshot=snap([mentor("m-1", styles=SOCRATIC), mentor("m-2", styles=HANDS_ON)],
                      [student("s-1", preferences=HANDS_ON, currentMentor="m-1"),
                       student("s-2", preferences=HANDS_ON, currentMentor="m-1")]),
        policy=("policy.yaml", "maxMovesPercent: 2.5\n"),
    ),
    # edge cases the CLI already agrees on (regression examples, not differences)
    "edge-declined-current-and-until": dict(
        rule="matching-model §2 rule 7, `until` on asOf, the day before, and the current pair",
        sentence="A declined pair that is the student's current pair is not affected "
                 "(declining a move never forces one).",
        what="s-1 stays on m-1 although (s-1, m-1) is declined; (s-2, m-2) declined until asOf "
             "is not a candidate, (s-2, m-3) declined until the day before is.",
        seen="agrees at fa25844.",
        snapshot=snap([mentor("m-1", styles=SOCRATIC), mentor("m-2", styles=HANDS_ON),
                       mentor("m-3", styles={"hands-on": 0.6})],
                      [student("s-1", preferences=SOCRATIC, currentMentor="m-1"),
                       student("s-2", preferences=HANDS_ON)],
                      declined=[{"student": "s-1", "mentor": "m-1", "until": "2027-03-01"},
                                {"student": "s-2", "mentor": "m-2", "until": ASOF},
                                {"student": "s-2", "mentor": "m-3", "until": "2026-11-22"}]),
        policy=None,
    ),
    "edge-settling-boundary-and-eviction": dict(
        rule="matching-model §4b boundary (27 vs 28 days) and §5 eviction of a settling student",
        sentence="`asOf − assignedSince < 7 · policy.cooldownWeeks` days; they may still be left "
                 "unassigned, as any voluntary student, at the eviction cost of §5",
        what="s-1 (27 days) settles on m-1, s-2 (28 days) may move to m-2; m-1 was cut to one "
             "seat, s-3 also settles there: one of s-1/s-3 is evicted (20000).",
        seen="agrees at fa25844.",
        snapshot=snap([mentor("m-1", styles=SOCRATIC, capacity=1), mentor("m-2", styles=HANDS_ON)],
                      [student("s-1", preferences=HANDS_ON, currentMentor="m-1", assignedSince="2026-10-27"),
                       student("s-2", preferences=HANDS_ON, currentMentor="m-1", assignedSince="2026-10-26"),
                       student("s-3", preferences=HANDS_ON, currentMentor="m-1", assignedSince="2026-11-23")]),
        policy=("policy.yaml", "maxMovesPercent: 100\n"),
    ),
    "edge-week-seam-and-odd-offsets": dict(
        rule="matching-model §1 (UTC grid, wrap-around, offsets at asOf 12:00 UTC)",
        sentence="windows(s,m) = sum over the maximal cyclic runs of consecutive overlap slots of "
                 "`floor(15*runLength / sessionMinutes(s))`",
        what="Chatham (+13:45) Mon 09:30-11:00 local = Sun 19:45-21:15 UTC; the Kathmandu mentor "
             "(+05:45) Mon 01:30-03:00 = Sun 19:45-21:15 UTC: 90 min, one 90-min window. The "
             "Toronto student (-05:00) Sun 18:30-20:00 local = Sun 23:30 - Mon 01:00 UTC, across "
             "the week's seam; the UTC mentor has Sun 23:00-24:00 and Mon 00:00-06:00: one cyclic "
             "run of 90 min, two 45-min windows (as two runs of 30 and 60 min it would be one).",
        seen="agrees at fa25844.",
        snapshot=snap([mentor("m-1", timezone="Asia/Kathmandu", availability=["Mon 01:30-03:00"]),
                       mentor("m-2", timezone="UTC", availability=["Sun 23:00-24:00", "Mon 00:00-06:00"])],
                      [student("s-1", timezone="Pacific/Chatham", availability=["Mon 09:30-11:00"],
                               sessionMinutes=90),
                       student("s-2", timezone="America/Toronto", availability=["Sun 18:30-20:00"],
                               sessionMinutes=45, sessionsPerWeek=2)]),
        policy=None,
    ),
    "edge-priority-same-day-lowest": dict(
        rule="matching-model §4 priority 2 from the latest rating of the current mentor",
        sentence="the student's most recent rating of their current mentor (latest calendar date; "
                 "same-day ties: the lowest) is <= 3",
        what="s-1's latest ratings of m-1 are 5 and 3 on the same day: priority 2. s-2's latest "
             "is 4: priority 1 (its older 1 does not count for priority, but vetoes m-1 under "
             "rule 5, so s-2 is forced to m-2).",
        seen="agrees at fa25844.",
        snapshot=snap([mentor("m-1"), mentor("m-2")],
                      [student("s-1", currentMentor="m-1"), student("s-2", currentMentor="m-1")],
                      feedback=[{"student": "s-1", "mentor": "m-1", "date": "2026-11-20", "rating": 5},
                                {"student": "s-1", "mentor": "m-1", "date": "2026-11-20", "rating": 3},
                                {"student": "s-2", "mentor": "m-1", "date": "2026-11-20", "rating": 4},
                                {"student": "s-2", "mentor": "m-1", "date": "2026-10-01", "rating": 1,
                                 "reason": "pedagogy"}]),
        policy=None,
    ),
    "edge-lock-overrides-and-counts": dict(
        rule="matching-model §2 locks and §5 maxNewPerWeek",
        sentence="A lock (s,m) set by an advisor overrides rules 2–7 for that pair and forces s onto m; "
                 "Locked pairs count in capacity and maxNewPerWeek like any other.",
        what="s-1 is locked on m-2 although m-2 teaches another path in English; that arrival uses "
             "m-2's only new seat, so s-2 (who fits m-2) gets m-1.",
        seen="agrees at fa25844.",
        snapshot=snap([mentor("m-1"), mentor("m-2", languages=["en"], paths=["web", "data"],
                                              maxNewPerWeek=1, styles=HANDS_ON)],
                      [student("s-1", path="data", language="fr"),
                       student("s-2", preferences=HANDS_ON)],
                      locks=[{"student": "s-1", "mentor": "m-2"}]),
        policy=None,
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
                 f"CLI: {c['seen']}", "",
                 f"Reference answer: objective {res['objective']}, maxMoves {res['maxMoves']}; " +
                 ", ".join(f"{a['student']} → {a['mentor'] or 'none'} (fit {a['fit']})"
                           for a in res["assignments"]) + ".", ""]
        with open(os.path.join(d, "NOTE.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print(name, res["objective"], res["maxMoves"],
              [(a["student"], a["mentor"], a["fit"]) for a in res["assignments"]])


if __name__ == "__main__":
    main()
