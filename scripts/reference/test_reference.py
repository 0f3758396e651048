#!/usr/bin/env python3
"""Hand-computed checks of the reference against the spec's sentences.

    python3 -m unittest scripts/reference/test_reference.py     (or run it)

Every expected number here is worked out from matching-model.md by hand (see
the comments), not taken from any implementation.
"""
import datetime as dt
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mm_reference as R  # noqa: E402

ASOF = "2026-11-23"       # a Monday


def mentor(mid, **kw):
    m = {"id": mid, "languages": ["fr"], "paths": ["web"], "capacity": 5,
         "timezone": "UTC", "availability": ["Mon 10:00-13:00"]}
    m.update(kw)
    return m


def student(sid, **kw):
    s = {"id": sid, "path": "web", "language": "fr", "timezone": "UTC",
         "availability": ["Mon 10:00-13:00"]}
    s.update(kw)
    return s


def model(mentors, students, policy=None, **extra):
    raw = {"asOf": ASOF, "styles": ["a", "b"], "mentors": mentors, "students": students}
    raw.update(extra)
    return R.Model(R.parse_snapshot(raw), R.parse_policy(policy))


class Time(unittest.TestCase):
    def test_entries(self):
        self.assertEqual(R.parse_entry("Mon 18:00-21:00"), (18 * 60, 180))
        self.assertEqual(R.parse_entry("Sun 22:00-01:00"), (6 * 1440 + 22 * 60, 180))
        self.assertEqual(R.parse_entry("Tue 20:00-24:00"), (1440 + 20 * 60, 240))
        self.assertEqual(R.parse_entry("Wed 00:00-24:00"), (2 * 1440, 1440))
        for bad in ["Mon 18:00-18:00", "Mon 24:00-01:00", "Mon 18:10-19:00",
                    "Mon 18:00-24:15", "Funday 10:00-11:00", "Mon 9:00-10:00"]:
            with self.assertRaises(ValueError, msg=bad):
                R.parse_entry(bad)

    def test_offsets_from_system_tzdata(self):
        d = dt.date(2026, 11, 23)
        self.assertEqual(R.offset_minutes("Asia/Kathmandu", d), 345)
        self.assertEqual(R.offset_minutes("Asia/Kolkata", d), 330)
        self.assertEqual(R.offset_minutes("Pacific/Chatham", d), 825)      # +13:45 (summer)
        self.assertEqual(R.offset_minutes("America/Toronto", d), -300)
        self.assertEqual(R.offset_minutes("Europe/Paris", d), 60)
        self.assertEqual(R.offset_minutes("Africa/Casablanca", d), 60)
        # Morocco falls back to +00 during Ramadan (2026: about 15 Feb - 22 Mar)
        self.assertEqual(R.offset_minutes("Africa/Casablanca", dt.date(2026, 3, 1)), 0)
        # Paris on the day of the spring switch: at 12:00 UTC it is already +02
        self.assertEqual(R.offset_minutes("Europe/Paris", dt.date(2026, 3, 29)), 120)
        self.assertTrue(R.tzdata_version())

    def test_utc_slots_wrap_the_week(self):
        # Chatham +13:45: local Mon 10:00 = Sun 20:15 UTC = minute 6*1440+1215
        slots = R.slots_of(["Mon 10:00-11:00"], 825)
        first = (6 * 1440 + 20 * 60 + 15) // 15
        self.assertEqual(slots, {first, first + 1, first + 2, first + 3})
        # Sun 23:00-01:00 in UTC runs over the week's end into slot 0..3
        self.assertEqual(R.slots_of(["Sun 23:00-01:00"], 0), {668, 669, 670, 671, 0, 1, 2, 3})
        # Mon 00:30-01:00 in Paris (+1) is Sun 23:30-24:00 UTC
        self.assertEqual(R.slots_of(["Mon 00:30-01:00"], 60), {670, 671})

    def test_windows(self):
        self.assertEqual(R.windows(set(), 45), 0)
        # one cyclic run of 8 slots (120 min) across the seam: 2 windows of 60, 1 of 90
        run = {668, 669, 670, 671, 0, 1, 2, 3}
        self.assertEqual(R.windows(run, 60), 2)
        self.assertEqual(R.windows(run, 90), 1)
        # two runs of 45 min each: 2 windows of 45, 0 of 60 (runs are not added up)
        two = {10, 11, 12, 20, 21, 22}
        self.assertEqual(R.windows(two, 45), 2)
        self.assertEqual(R.windows(two, 60), 0)
        self.assertEqual(R.windows(set(range(672)), 90), 112)   # 10080 // 90


class Scores(unittest.TestCase):
    def test_fit_pinned(self):
        # p = (1, 0.5), q = (0.5, 1): style = (0.5 + 0.5) / 1.5 = 0.6666…
        # overlap 180 min, 1 x 45 min: avail = min(1, 180/135) = 1
        # no feedback: mu = 4, score = (0 + 5*4)/(0 + 5) = 4, sat = 0.75
        # v = (0.5*0.666… + 0.2*1 + 0.3*0.75) / 1 = 0.7583333…, fit = 758
        M = model([mentor("m1", styles={"a": 0.5, "b": 1})],
                  [student("s1", preferences={"a": 1, "b": 0.5})])
        s, m = M.students[0], M.mentors[0]
        self.assertAlmostEqual(M.style(s, m), 2 / 3)
        self.assertEqual(M.avail(s, m), 1.0)
        self.assertEqual(M.sat(m), 0.75)
        self.assertEqual(M.fit(s, m), 758)

    def test_half_rounds_up_in_binary64(self):
        # style only, p = (1, 0), q_a = 0.0625 (exact in binary64): v*1000 = 62.5 -> 63
        M = model([mentor("m1", styles={"a": 0.0625})], [student("s1", preferences={"a": 1})],
                  {"weights": {"style": 1, "availability": 0, "satisfaction": 0}})
        self.assertEqual(M.fit(M.students[0], M.mentors[0]), 63)
        # no preferences: style = 0.5 -> 500
        M = model([mentor("m1")], [student("s1")],
                  {"weights": {"style": 1, "availability": 0, "satisfaction": 0}})
        self.assertEqual(M.fit(M.students[0], M.mentors[0]), 500)

    def test_sat_prior_and_no_ratings(self):
        fb = [{"student": "s1", "mentor": "m1", "date": "2026-11-01", "rating": 5},
              {"student": "s1", "mentor": "m1", "date": "2026-11-02", "rating": 3},
              {"student": "s1", "mentor": "m2", "date": "2026-11-02", "rating": 1}]
        M = model([mentor("m1"), mentor("m2"), mentor("m3")], [student("s1")],
                  {"ratingPrior": 2}, feedback=fb)
        mu = 9 / 3
        self.assertEqual(M.sat(M.mentors[0]), ((8 + 2 * mu) / 4 - 1) / 4)   # (8+6)/4 = 3.5
        self.assertEqual(M.sat(M.mentors[2]), (mu - 1) / 4)                 # only the prior
        M = model([mentor("m1"), mentor("m3")], [student("s1")], {"ratingPrior": 0}, feedback=fb[:1])
        self.assertEqual(M.sat(M.mentors[1]), (5 - 1) / 4)                  # n + P = 0: mu

    def test_learned_preferences(self):
        # F(s) = two pedagogy ratings: 5 of m1 (q a=0.8 b=0.4), 1 of m2 (q a=0.2)
        # a_a = 1*0.8 + (-1)*0.2 = 0.6 ; a_b = 1*0.4 + (-1)*0 = 0.4
        # r = 0.5: p'_a = min(1, 0.5 + 0.5*0.6/2) = 0.65 ; p'_b = 0 + 0.5*0.4/2 = 0.1
        fb = [{"student": "s1", "mentor": "m1", "date": "2026-11-01", "rating": 5, "reason": "pedagogy"},
              {"student": "s1", "mentor": "m2", "date": "2026-11-01", "rating": 1, "reason": "pedagogy"},
              {"student": "s1", "mentor": "m2", "date": "2026-11-01", "rating": 1, "reason": "other"}]
        ms = [mentor("m1", styles={"a": 0.8, "b": 0.4}), mentor("m2", styles={"a": 0.2}, active=False)]
        M = model(ms, [student("s1", preferences={"a": 0.5})], feedback=fb)
        pa, pb = M._pref["s1"]
        self.assertAlmostEqual(pa, 0.65)
        self.assertAlmostEqual(pb, 0.1)
        self.assertEqual(pa, min(1.0, max(0.0, 0.5 + 0.5 * (((5.0 - 3.0) / 2.0) * 0.8 + ((1.0 - 3.0) / 2.0) * 0.2) / 2.0)))
        M = model(ms, [student("s1", preferences={"a": 0.5})], {"learningRate": 0}, feedback=fb)
        self.assertEqual(M._pref["s1"], [0.5, 0.0])
        # clamped at 1 and 0
        M = model(ms, [student("s1", preferences={"a": 0.9})], {"learningRate": 1}, feedback=fb[:1])
        self.assertEqual(M._pref["s1"][0], 1.0)

    def test_priority(self):
        fb = [{"student": "s1", "mentor": "m1", "date": "2026-11-20", "rating": 5},
              {"student": "s1", "mentor": "m1", "date": "2026-11-20", "rating": 3},   # same day: lowest
              {"student": "s1", "mentor": "m1", "date": "2026-11-01", "rating": 1},
              {"student": "s2", "mentor": "m1", "date": "2026-11-20", "rating": 4},
              {"student": "s2", "mentor": "m1", "date": "2026-11-01", "rating": 1}]
        M = model([mentor("m1")], [student("s1", currentMentor="m1"), student("s2", currentMentor="m1"),
                                   student("s3", missedSessions=3), student("s4", openHelpRequests=1),
                                   student("s5", missedSessions=1), student("s6")], feedback=fb)
        self.assertEqual([M.prio[s] for s in ["s1", "s2", "s3", "s4", "s5", "s6"]], [2, 1, 3, 3, 2, 1])


class Rules(unittest.TestCase):
    def test_declined_until_and_current_pair(self):
        d = [{"student": "s1", "mentor": "m2", "until": "2026-11-23"},     # on asOf: declined
             {"student": "s1", "mentor": "m3", "until": "2026-11-22"},     # before: free again
             {"student": "s1", "mentor": "m1", "until": "2027-01-01"}]     # current pair: unaffected
        M = model([mentor("m1"), mentor("m2"), mentor("m3")], [student("s1", currentMentor="m1")],
                  declined=d)
        self.assertEqual(M.candidates["s1"], ["m1", "m3"])
        self.assertEqual(M.kind["s1"], "voluntary")

    def test_lock_overrides_rules_2_to_7(self):
        M = model([mentor("m1", languages=["en"], paths=["data"], availability=["Fri 10:00-11:00"])],
                  [student("s1")], locks=[{"student": "s1", "mentor": "m1"}])
        self.assertEqual(M.candidates["s1"], ["m1"])
        self.assertEqual(M.kind["s1"], "locked")
        st, obj, _, a = M.solve()
        self.assertEqual(a, {"s1": "m1"})

    def test_settling_boundary(self):
        # cooldown 4 weeks = 28 days: 27 days ago settling, 28 days ago not
        M = model([mentor("m1"), mentor("m2")],
                  [student("s1", currentMentor="m1", assignedSince="2026-10-27"),    # 27 days
                   student("s2", currentMentor="m1", assignedSince="2026-10-26"),    # 28 days
                   student("s3", currentMentor="m1", assignedSince="2026-11-23", changeRequested=True)])
        self.assertEqual([M.settling[s] for s in ["s1", "s2", "s3"]], [True, False, False])
        self.assertEqual(M.variables["s1"], ["m1"])
        self.assertEqual(M.variables["s3"], ["m2"])       # forced: settling does not apply


class Program(unittest.TestCase):
    def test_default_budget(self):
        # M = 3 students with a mentor (an inactive one counts): ceil(2*3/100) = 1; 50% -> 2
        ms = [mentor("m1"), mentor("m2", active=False)]
        ss = [student("s1", currentMentor="m1"), student("s2", currentMentor="m2"),
              student("s3", currentMentor="m1"), student("s4")]
        self.assertEqual(model(ms, ss).max_moves, 1)
        self.assertEqual(model(ms, ss, {"maxMovesPercent": 50}).max_moves, 2)
        self.assertEqual(model(ms, ss, {"maxMovesPercent": 0}).max_moves, 0)
        self.assertEqual(model(ms, ss, {"maxMoves": 7}).max_moves, 7)

    def test_eviction_cost(self):
        # m1 has 1 seat, s1 (current, voluntary, fit f) and s2 (new, priority 3).
        # Seating s2 instead of s1 gains 3f - f = 2f but pays evictionCost + (penalty 1 vs 3).
        ms = [mentor("m1", capacity=1)]
        ss = [student("s1", currentMentor="m1"), student("s2", missedSessions=3)]
        M = model(ms, ss)
        f = M.fit(M.students[0], M.mentors[0])
        st, obj, _, a = M.solve()
        self.assertEqual(a, {"s1": "m1", "s2": None})
        self.assertEqual(obj, f - 5000 * 3)
        M = model(ms, ss, {"evictionCost": 0})
        st, obj, _, a = M.solve()
        self.assertEqual(a, {"s1": None, "s2": "m1"})
        self.assertEqual(obj, 3 * f - 5000)

    def test_move_cost_budget_and_max_new(self):
        # s1 on m1 would fit m2 better (m2's styles match), budget 0 keeps it
        ms = [mentor("m1", styles={"b": 1}), mentor("m2", styles={"a": 1}, maxNewPerWeek=1)]
        ss = [student("s1", currentMentor="m1", preferences={"a": 1}),
              student("s2", preferences={"a": 1}), student("s3", preferences={"a": 1})]
        M = model(ms, ss, {"maxMoves": 0})
        st, obj, _, a = M.solve()
        self.assertEqual(a["s1"], "m1")
        self.assertEqual(sum(1 for v in a.values() if v == "m2"), 1)      # maxNewPerWeek 1
        M = model(ms, ss, {"maxMoves": 1, "moveCost": 0})
        st, obj, _, a = M.solve()
        self.assertEqual(sum(1 for s in ["s1", "s2", "s3"] if a[s] == "m2"), 1)
        self.assertEqual(M.check(a), [])



class BruteForce(unittest.TestCase):
    """HiGHS's optimum equals the best of all assignments (tiny random cases)."""

    def test_against_enumeration(self):
        import itertools
        import random
        import random_snapshots as G
        for i in range(25):
            rng = random.Random(f"brute-{i}")
            raw = G.gen_snapshot(rng)
            pol = G.gen_policy(rng, raw)
            keep = {s["id"] for s in raw["students"][:7]}
            raw["students"] = raw["students"][:7]
            for k in ("feedback", "locks", "declined"):
                if k in raw:
                    raw[k] = [x for x in raw[k] if x["student"] in keep]
            M = R.Model(R.parse_snapshot(raw), R.parse_policy(pol))
            st, obj, _, _ = M.solve()
            ids = [s["id"] for s in M.students]
            best = None
            for combo in itertools.product(*[M.variables[s] + [None] for s in ids]):
                a = dict(zip(ids, combo))
                if M.check(a):
                    continue
                v = M.objective_of(a)
                best = v if best is None or v > best else best
            self.assertEqual(st, "optimal")
            self.assertEqual(obj, best, f"case brute-{i}")


if __name__ == "__main__":
    unittest.main()
