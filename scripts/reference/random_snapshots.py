#!/usr/bin/env python3
"""Seeded generator of small random v2 snapshots and policies (formats.md v2).

    python3 random_snapshots.py OUTDIR [--count N] [--seed S] [--profile default|budget]

writes OUTDIR/case-<seed>-<i>/snapshot.json and policy.yaml|policy.json.
The same seed gives the same files. Every snapshot is valid per formats.md
(ids unique, references exist, at most one lock per student, locks within
capacity and maxNewPerWeek of an active mentor, assignedSince only with a
currentMentor and not after asOf).

The snapshots are small (10–60 students, 3–10 mentors) and tight on purpose:
few seats, move budgets, settling students, declined pairs, pedagogy
feedback, locks that break the rules, wrap-around availability, zones with
odd offsets (Asia/Kathmandu +05:45, Pacific/Chatham +13:45) — so that each
rule of matching-model.md has a chance to decide the optimum.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys

DEFAULT_STYLES = ["expert", "structured", "hands-on", "socratic",
                  "autonomy", "encouraging", "career", "reviewer"]
ZONES = ["Africa/Casablanca", "America/Toronto", "Asia/Kolkata", "Asia/Kathmandu",
         "Europe/Paris", "Pacific/Chatham", "UTC", "Africa/Dakar", "America/Sao_Paulo",
         "Australia/Adelaide", "America/St_Johns"]
CORE_ZONES = ZONES[:6]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
PATHS = ["web-developer", "data-analyst"]
LANGS = ["fr", "en"]
REASONS = ["pedagogy", "availability", "communication", "expertise", "other"]
# asOf: mostly the contract's example date; sometimes dates where offsets differ
# (Morocco's Ramadan offset, DST switch weeks in Europe / North America / Chatham).
AS_OFS = ["2026-11-23"] * 6 + ["2026-03-01", "2026-03-29", "2026-04-05", "2026-11-01",
                                "2026-09-27", "2027-02-20"]


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def entry(rng: random.Random, lo_len=30, hi_len=300) -> str:
    """One availability entry, sometimes wrapping past midnight or ending at 24:00."""
    day = rng.choice(DAYS)
    r = rng.random()
    if r < 0.12:                                   # wraps into the next day
        start = rng.choice(range(20 * 60, 24 * 60, 15))
        end = rng.choice(range(0, 4 * 60 + 1, 15))
        if end == start:
            end = (end + 60) % 1440
        return f"{day} {hhmm(start)}-{hhmm(end)}"
    if r < 0.2:                                    # ends at 24:00
        start = rng.choice(range(18 * 60, 24 * 60, 15))
        return f"{day} {hhmm(start)}-24:00"
    if r < 0.23:                                   # a whole day
        return f"{day} 00:00-24:00"
    length = rng.choice(range(lo_len, hi_len + 1, 15))
    start = rng.choice(range(6 * 60, 24 * 60 - length + 1, 15)) if length < 18 * 60 else 0
    return f"{day} {hhmm(start)}-{hhmm(start + length)}"


def local_entry(week_minute: int, length: int) -> str:
    """An entry starting at a local minute of the week, wrapping past midnight
    (and past Sunday) when it must."""
    week_minute %= 10080
    day, start = divmod(week_minute, 1440)
    end = start + length
    if end == 1440:
        return f"{DAYS[day]} {hhmm(start)}-24:00"
    if end > 1440:
        return f"{DAYS[day]} {hhmm(start)}-{hhmm(end - 1440)}"
    return f"{DAYS[day]} {hhmm(start)}-{hhmm(end)}"


_offsets: dict = {}


def offset(zone: str, as_of: dt.date) -> int:
    key = (zone, as_of)
    if key not in _offsets:
        import zoneinfo
        zoneinfo.reset_tzpath(["/usr/share/zoneinfo"])
        with open(os.path.join("/usr/share/zoneinfo", zone), "rb") as f:
            z = zoneinfo.ZoneInfo.from_file(f, key=zone)
        noon = dt.datetime(as_of.year, as_of.month, as_of.day, 12, tzinfo=dt.timezone.utc)
        _offsets[key] = int(noon.astimezone(z).utcoffset().total_seconds()) // 60
    return _offsets[key]


def availability(rng: random.Random, hubs, zone: str, as_of: dt.date, lo_len, hi_len, n_hi):
    """Mostly the school's busy hours (hubs, in UTC) seen from the person's zone,
    stretched or cut a little; plus a few random entries."""
    out = []
    if rng.random() < 0.9:
        for (utc_start, length) in rng.sample(hubs, rng.randint(min(2, len(hubs)), min(4, len(hubs)))):
            jitter_start = rng.choice([-60, -30, -15, 0, 0, 0, 15, 30])
            jitter_len = rng.choice([-45, -15, 0, 0, 30, 60])
            ln = max(30, min(1425, length + jitter_len - jitter_start))
            out.append(local_entry(utc_start + jitter_start + offset(zone, as_of), ln))
    for _ in range(rng.randint(0 if out else 1, n_hi)):
        out.append(entry(rng, lo_len, hi_len))
    rng.shuffle(out)
    return out


def style_map(rng: random.Random, styles, k_lo, k_hi) -> dict:
    k = rng.randint(k_lo, min(k_hi, len(styles)))
    out = {}
    for name in rng.sample(styles, k):
        r = rng.random()
        if r < 0.1:
            out[name] = 0
        elif r < 0.2:
            out[name] = 1
        elif r < 0.6:
            out[name] = round(rng.random(), 2)
        else:
            out[name] = round(rng.random(), rng.choice([1, 3]))
    return out


def gen_snapshot(rng: random.Random, profile: str = "default") -> dict:
    budget = profile == "budget"
    as_of_s = rng.choice(AS_OFS)
    as_of = dt.date.fromisoformat(as_of_s)
    styles_given = rng.random() < 0.6
    styles = (rng.sample(DEFAULT_STYLES, rng.randint(3, 8)) if styles_given and rng.random() < 0.5
              else list(DEFAULT_STYLES))
    n_m = rng.randint(3, 10)
    n_s = rng.randint(10, 60)
    zone_pool = rng.sample(ZONES, rng.randint(2, 6))
    for z in rng.sample(CORE_ZONES, rng.randint(1, 3)):
        if z not in zone_pool:
            zone_pool.append(z)
    tightness = rng.uniform(1.0, 1.6) if budget else rng.uniform(0.5, 1.3)
    hubs = []
    for _ in range(rng.randint(2, 5)):
        hubs.append((rng.randrange(0, 10080, 15), rng.choice([60, 90, 120, 180, 240, 300])))
    mentors = []
    for j in range(n_m):
        m = {"id": f"m-{j + 1:03d}"}
        if rng.random() < 0.7:
            m["name"] = f"Mentor {j + 1}"
        langs = rng.sample(LANGS, rng.randint(1, 2))
        if not (langs == ["fr"] and rng.random() < 0.5):
            m["languages"] = langs
        m["paths"] = rng.sample(PATHS, rng.choice([1, 2, 2]))
        m["styles"] = style_map(rng, styles, 0, 5) if rng.random() < 0.95 else {}
        m["capacity"] = 0
        if rng.random() < 0.3:
            m["maxNewPerWeek"] = rng.choice([0, 1, 1, 2, 3])
        m["timezone"] = rng.choice(zone_pool)
        m["availability"] = availability(rng, hubs, m["timezone"], as_of, 60, 360, 4)
        if rng.random() < 0.12:
            m["active"] = False
        elif rng.random() < 0.3:
            m["active"] = True
        mentors.append(m)
    # tight capacities: total seats about tightness * students
    seats = max(1, int(round(tightness * n_s)))
    for _ in range(seats):
        rng.choice(mentors)["capacity"] += 1
    for m in mentors:
        if rng.random() < 0.08:
            m["capacity"] = 0
    students = []
    for i in range(n_s):
        s = {"id": f"s-{i + 1:04d}"}
        if rng.random() < 0.5:
            s["name"] = f"Student {i + 1}"
        s["path"] = rng.choice(PATHS)
        s["language"] = rng.choice(LANGS)
        s["timezone"] = rng.choice(zone_pool)
        if rng.random() < 0.9:
            s["preferences"] = style_map(rng, styles, 0, 4)
        s["availability"] = availability(rng, hubs, s["timezone"], as_of, 45, 300, 3)
        spw = rng.choice([1, 1, 1, 2, 2, 3])
        if spw != 1 or rng.random() < 0.5:
            s["sessionsPerWeek"] = spw
        smin = rng.choice([30, 45, 45, 60, 90])
        if smin != 45 or rng.random() < 0.5:
            s["sessionMinutes"] = smin
        if rng.random() < (0.95 if budget else 0.75):
            fitting = [m for m in mentors if s["path"] in m["paths"]
                       and s["language"] in m.get("languages", ["fr"])]
            pool = fitting if fitting and rng.random() < 0.85 else mentors
            cur = rng.choice(pool)
            s["currentMentor"] = cur["id"]
            if rng.random() < 0.55:
                days = rng.choice([0, 1, 6, 7, 13, 20, 27, 28, 29, 35, 60, 200])
                s["assignedSince"] = (as_of - dt.timedelta(days=days)).isoformat()
        r = rng.random()
        if r < 0.25:
            s["missedSessions"] = rng.choice([1, 2, 3, 4])
        if rng.random() < 0.1:
            s["openHelpRequests"] = rng.choice([1, 2])
        if rng.random() < 0.12:
            s["changeRequested"] = True
        elif rng.random() < 0.2:
            s["changeRequested"] = False
        students.append(s)
    # feedback: ratings of current mentors and others, many for pedagogy
    feedback = []
    for s in students:
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            if "currentMentor" in s and rng.random() < 0.6:
                mid = s["currentMentor"]
            else:
                mid = rng.choice(mentors)["id"]
            f = {"student": s["id"], "mentor": mid,
                 "date": (as_of - dt.timedelta(days=rng.randint(0, 120))).isoformat(),
                 "rating": rng.randint(1, 5)}
            r = rng.random()
            if r < 0.55:
                f["reason"] = "pedagogy"
            elif r < 0.85:
                f["reason"] = rng.choice(REASONS[1:])
            feedback.append(f)
            if rng.random() < 0.15:           # same-day second rating of the same pair
                g = dict(f)
                g["rating"] = rng.randint(1, 5)
                if rng.random() < 0.5:
                    g["reason"] = "pedagogy"
                feedback.append(g)
    rng.shuffle(feedback)
    # declined moves: until before, on and after asOf; some on the current pair
    declined = []
    for s in students:
        if rng.random() < 0.25:
            for _ in range(rng.randint(1, 2)):
                if "currentMentor" in s and rng.random() < 0.2:
                    mid = s["currentMentor"]
                else:
                    mid = rng.choice(mentors)["id"]
                delta = rng.choice([-30, -1, 0, 0, 1, 14, 56])
                declined.append({"student": s["id"], "mentor": mid,
                                 "until": (as_of + dt.timedelta(days=delta)).isoformat()})
    rng.shuffle(declined)
    # locks: valid (active mentor, within capacity and maxNewPerWeek)
    locks = []
    active = [m for m in mentors if m.get("active", True)]
    n_locks = rng.choice([0, 0, 1, 1, 2, 3])
    locked_count = {m["id"]: 0 for m in mentors}
    locked_new = {m["id"]: 0 for m in mentors}
    for s in rng.sample(students, min(n_locks, len(students))):
        if not active:
            break
        if "currentMentor" in s and rng.random() < 0.4:
            m = next((x for x in active if x["id"] == s["currentMentor"]), rng.choice(active))
        else:
            m = rng.choice(active)
        arrival = s.get("currentMentor") != m["id"]
        if locked_count[m["id"]] + 1 > m["capacity"]:
            continue
        if arrival and "maxNewPerWeek" in m and locked_new[m["id"]] + 1 > m["maxNewPerWeek"]:
            continue
        locked_count[m["id"]] += 1
        locked_new[m["id"]] += arrival
        locks.append({"student": s["id"], "mentor": m["id"]})
    snap = {"asOf": as_of_s}
    if styles_given:
        snap["styles"] = styles
    snap["mentors"] = mentors
    snap["students"] = students
    if feedback or rng.random() < 0.5:
        snap["feedback"] = feedback
    if locks or rng.random() < 0.5:
        snap["locks"] = locks
    if declined or rng.random() < 0.5:
        snap["declined"] = declined
    return snap


def gen_policy(rng: random.Random, snap: dict, profile: str = "default") -> dict:
    pol: dict = {}
    if profile == "budget":
        # many wished-for moves, few allowed: the move budget decides
        pol = {"moveCost": rng.choice([0, 0, 10, 50, 150]), "cooldownWeeks": rng.choice([0, 0, 4]),
               "maxMoves": rng.choice([1, 2, 3, 4])} if rng.random() < 0.6 else \
              {"moveCost": rng.choice([0, 10, 50]), "maxMovesPercent": rng.choice([3, 5, 10, 20])}
        if rng.random() < 0.5:
            pol["weights"] = {"style": 1, "availability": rng.choice([0, 0.1]), "satisfaction": rng.choice([0, 0.1])}
        if rng.random() < 0.3:
            pol["evictionCost"] = rng.choice([0, 100])
        return pol
    if rng.random() < 0.7:
        w = {}
        for k in ("style", "availability", "satisfaction"):
            if rng.random() < 0.7:
                w[k] = rng.choice([0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.5, 0.7, 1,
                                   round(rng.random(), 2), round(rng.random(), 3)])
        full = {"style": 0.5, "availability": 0.2, "satisfaction": 0.3}
        full.update(w)
        if sum(full.values()) <= 0:
            w["style"] = 0.4
        if w:
            pol["weights"] = w
    if rng.random() < 0.7:
        pol["moveCost"] = rng.choice([0, 10, 50, 150, 150, 400, 1000])
    if rng.random() < 0.4:
        pol["unassignedPenalty"] = rng.choice([0, 300, 1000, 5000])
    if rng.random() < 0.7:
        pol["evictionCost"] = rng.choice([0, 0, 100, 1500, 20000])
    if rng.random() < 0.6:
        pol["maxMovesPercent"] = rng.choice([0, 2, 5, 10, 25, 50, 100, 3])
    if rng.random() < 0.25:
        pol["maxMoves"] = rng.choice([0, 1, 2, 3, 5, 100])
    if rng.random() < 0.7:
        pol["cooldownWeeks"] = rng.choice([0, 4, 4, 1, 8])
    if rng.random() < 0.7:
        pol["learningRate"] = rng.choice([0, 0.5, 1, 1, 0.25])
    if rng.random() < 0.5:
        pol["forbidAtOrBelow"] = rng.choice([0, 1, 2, 3])
    if rng.random() < 0.5:
        pol["ratingPrior"] = rng.choice([0, 1, 2, 5, 10])
    if rng.random() < 0.3:
        pol["mipGap"] = 0
    return pol


def write_policy(pol: dict, path_base: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        path = path_base + ".json"
        with open(path, "w", encoding="utf-8") as f:
            json.dump(pol, f, indent=2)
    else:
        import yaml
        path = path_base + ".yaml"
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(pol, f, default_flow_style=rng.random() < 0.3, sort_keys=False)
    return path


def generate(out_dir: str, count: int, seed: int, profile: str = "default") -> list[tuple[str, str]]:
    os.makedirs(out_dir, exist_ok=True)
    cases = []
    for i in range(count):
        rng = random.Random(f"{seed}-{i}" if profile == "default" else f"{profile}-{seed}-{i}")
        snap = gen_snapshot(rng, profile)
        pol = gen_policy(rng, snap, profile)
        d = os.path.join(out_dir, f"case-{seed}-{i:04d}")
        os.makedirs(d, exist_ok=True)
        sp = os.path.join(d, "snapshot.json")
        with open(sp, "w", encoding="utf-8") as f:
            json.dump(snap, f, indent=1, ensure_ascii=False)
        pp = write_policy(pol, os.path.join(d, "policy"), rng)
        cases.append((sp, pp))
    return cases


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", choices=["default", "budget"], default="default")
    a = ap.parse_args(argv)
    for sp, pp in generate(a.out_dir, a.count, a.seed, a.profile):
        print(sp, pp)


if __name__ == "__main__":
    sys.exit(main())
