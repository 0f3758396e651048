#!/usr/bin/env python3
"""Builds Scenarios/demo/snapshot.json: the generator's bulk, then the demo's special cases.

    swift run -c release mentormatch-bench data --students 120 --mentors 20 --seed 2026 --write /tmp/demo-raw.json
    python3 Scenarios/demo/make-demo.py /tmp/demo-raw.json Scenarios/demo/snapshot.json

Model v2 stories (applied last, also alone with `--v2 SNAPSHOT`, which rewrites it in place):
- every pairing has a start date (`assignedSince`) months ago, except s-0033, paired with m-014 two
  weeks ago: settling, not moved voluntarily this week;
- s-0022 rated m-006 1/5 for its pedagogy: a veto, and the engine learns that socratic teaching (m-006's
  strongest style) suits them less;
- an advisor declined the move of s-0034 to m-007 until 2027-01-18;
- the default move budget (2% of the students with a mentor) applies: no policy file sets maxMoves.

Special cases (see Scenarios/README.md):
- exactly one student asked to change mentor (s-0014), after rating them 2 for their pedagogy;
  the generator's other change requests become open help requests (they stay at risk);
- s-0120 is a new student whose hours (early weekday mornings) meet no mentor at all;
- m-004 (project-manager) and m-014 (python-developer and cybersecurity) are full, as the generator
  left them; every other mentor has room: 150 seats for 120 students;
- a few mentors open hours that reach students the generator left without any shared time, and m-019
  also mentors project managers, so that only s-0120 and s-0119 (in Toronto; the only English-speaking
  project-manager mentor is in Casablanca) share no time with a mentor of their path.
"""
import json
import sys

OFFSETS = {  # minutes east of UTC on 2026-11-23
    "Europe/Paris": 60, "Europe/Brussels": 60, "Europe/London": 0, "Africa/Casablanca": 60,
    "Africa/Algiers": 60, "Africa/Tunis": 60, "Africa/Dakar": 0, "Africa/Abidjan": 0,
    "America/Montreal": -300, "America/Toronto": -300, "Indian/Reunion": 240, "Asia/Kolkata": 330,
}
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# Seats: the generator fills most small mentors to the brim; the demo school has room to spare.
CAPACITIES = {
    "m-001": 3, "m-002": 4, "m-005": 4, "m-006": 9, "m-008": 3, "m-009": 3, "m-010": 12,
    "m-011": 4, "m-012": 4, "m-013": 5, "m-018": 6, "m-019": 9, "m-020": 5,
}
FULL = ["m-004", "m-014"]  # keep their capacity: exactly full
# Hours some mentors add (their local time), each for students who otherwise share no time with the path.
EXTRA_HOURS = {
    "m-001": ["Sat 10:00-12:00"],  # s-0096 (London, web-developer en)
    "m-009": ["Sun 11:00-13:00"],  # s-0061 (La Réunion, cybersecurity)
    "m-013": ["Wed 19:00-21:00"],  # s-0108 (Abidjan, digital-marketing)
    "m-018": ["Mon 14:00-16:00"],  # s-0084 (La Réunion, web-developer)
    "m-020": ["Sat 14:00-16:00"],  # s-0068 (Algiers, web-developer)
}
EXTRA_PATHS = {"m-019": ["project-manager"]}  # m-004 alone cannot seat every project manager
NO_SHARED_TIME = ["s-0119", "s-0120"]


def utc_minutes(entry, zone):
    day, times = entry.split()
    start, end = times.split("-")
    s = int(start[:2]) * 60 + int(start[3:])
    e = int(end[:2]) * 60 + int(end[3:])
    length = e - s if e > s else e + 1440 - s
    first = DAYS.index(day) * 1440 + s - OFFSETS[zone]
    return {(first + k) % 10080 for k in range(length)}


def slots(person):
    """The UTC minutes of the week when the person is free."""
    return set().union(*(utc_minutes(e, person["timezone"]) for e in person["availability"]))


def main(source, target):
    d = json.load(open(source))
    students = {s["id"]: s for s in d["students"]}

    asker = students["s-0014"]
    assert asker.get("currentMentor"), "s-0014 must have a mentor to leave"
    for s in d["students"]:
        if s["changeRequested"] and s is not asker:
            s["changeRequested"] = False
            s["openHelpRequests"] = max(1, s["openHelpRequests"])
    asker["changeRequested"] = True
    ratings = [f for f in d["feedback"] if f["student"] == asker["id"] and f["mentor"] == asker["currentMentor"]]
    latest = max(ratings, key=lambda f: f["date"])
    latest["rating"], latest["reason"] = 2, "pedagogy"

    lonely = students["s-0120"]
    lonely["currentMentor"] = None
    lonely["availability"] = ["Tue 06:00-07:30", "Thu 06:00-07:30"]
    lonely["timezone"] = "Europe/Paris"
    d["feedback"] = [f for f in d["feedback"] if f["student"] != lonely["id"]]
    d["locks"] = [l for l in d["locks"] if l["student"] != lonely["id"]]
    assert not any(slots(lonely) & slots(m) for m in d["mentors"]), "a mentor meets s-0120"

    mentors = {m["id"]: m for m in d["mentors"]}
    for mentor, capacity in CAPACITIES.items():
        assert mentor not in FULL and capacity >= mentors[mentor]["capacity"]
        mentors[mentor]["capacity"] = capacity
    for mentor, entries in EXTRA_HOURS.items():
        mentors[mentor]["availability"] += entries
    for mentor, paths in EXTRA_PATHS.items():
        mentors[mentor]["paths"] += paths
    for mentor in FULL:
        load = sum(1 for s in d["students"] if s.get("currentMentor") == mentor)
        assert load == mentors[mentor]["capacity"], f"{mentor} is not full"
    seats = sum(m["capacity"] for m in d["mentors"])
    assert 1.15 <= seats / len(d["students"]) <= 1.25, f"{seats} seats"
    for s in d["students"]:
        mine = slots(s)
        shared = any(mine & slots(m) for m in d["mentors"]
                     if s["path"] in m["paths"] and s["language"] in m["languages"])
        assert shared == (s["id"] not in NO_SHARED_TIME), f"{s['id']} shares time: {shared}"

    v2_stories(d)
    with open(target, "w") as out:
        out.write(dump(d))


def v2_stories(d):
    """The model v2 special cases (see the module's doc); idempotent."""
    students = {s["id"]: s for s in d["students"]}
    for s in d["students"]:
        if not s.get("currentMentor"):
            s.pop("assignedSince", None)
            continue
        # A deterministic start date between 2026-03-02 and 2026-10-19 (at least five weeks before asOf).
        h = sum((i + 1) * ord(c) for i, c in enumerate(s["id"])) % 232
        month_days = [(3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 19)]
        day = 2 + h
        for month, length in month_days:
            if day <= length:
                s["assignedSince"] = f"2026-{month:02d}-{day:02d}"
                break
            day -= length
        else:
            s["assignedSince"] = "2026-10-19"
    settling = students["s-0033"]
    assert settling["currentMentor"] == "m-014"
    settling["assignedSince"] = "2026-11-09"
    learner = students["s-0022"]
    assert learner["currentMentor"] == "m-006" and learner["preferences"].get("socratic", 0) >= 0.7
    d["feedback"] = [f for f in d["feedback"] if not (f["student"] == "s-0022" and f["mentor"] == "m-006")]
    d["feedback"].append({"student": "s-0022", "mentor": "m-006", "date": "2026-11-16", "rating": 1,
                          "reason": "pedagogy"})
    d["declined"] = [{"student": "s-0034", "mentor": "m-007", "until": "2027-01-18"}]


def dump(d):
    """The layout of SnapshotJSONWriter: two-space indentation, short lists on one line."""
    def value(v):
        return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))

    def record(r):
        if "assignedSince" in r:  # after currentMentor, as SnapshotJSONWriter writes it
            keys = [k for k in r if k != "assignedSince"]
            keys.insert(keys.index("currentMentor") + 1, "assignedSince")
            r = {k: r[k] for k in keys}
        items = [f'      {value(k)}: {value(v)}' for k, v in r.items() if v is not None]
        return "    {\n" + ",\n".join(items) + "\n    }"

    def inline(r):
        return "    " + value({k: v for k, v in r.items() if v is not None})

    def section(rows, fmt):
        return "[]" if not rows else "[\n" + ",\n".join(fmt(r) for r in rows) + "\n  ]"

    parts = [
        f'  "asOf": {value(d["asOf"])}',
        f'  "styles": {value(d["styles"])}',
        f'  "mentors": {section(d["mentors"], record)}',
        f'  "students": {section(d["students"], record)}',
        f'  "feedback": {section(d["feedback"], inline)}',
        f'  "locks": {section(d["locks"], inline)}',
        f'  "declined": {section(d.get("declined", []), inline)}',
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


if __name__ == "__main__":
    if sys.argv[1] == "--v2":
        snapshot = json.load(open(sys.argv[2]))
        v2_stories(snapshot)
        with open(sys.argv[2], "w") as out:
            out.write(dump(snapshot))
    else:
        main(sys.argv[1], sys.argv[2])
