#!/usr/bin/env python3
"""Builds Scenarios/demo/snapshot.json: the generator's bulk, then the demo's special cases.

    swift run -c release mentormatch-bench data --students 120 --mentors 20 --seed 2026 --write /tmp/demo-raw.json
    python3 Scenarios/demo/make-demo.py /tmp/demo-raw.json Scenarios/demo/snapshot.json

Special cases (see Scenarios/README.md):
- exactly one student asked to change mentor (s-0014), after rating them 2 for their pedagogy;
  the generator's other change requests become open help requests (they stay at risk);
- s-0120 is a new student whose hours (early weekday mornings) meet no mentor at all;
- m-004 is full (9 students for 9 seats), as the generator left it.
"""
import json
import sys

OFFSETS = {  # minutes east of UTC on 2026-11-23
    "Europe/Paris": 60, "Europe/Brussels": 60, "Europe/London": 0, "Africa/Casablanca": 60,
    "Africa/Algiers": 60, "Africa/Tunis": 60, "Africa/Dakar": 0, "Africa/Abidjan": 0,
    "America/Montreal": -300, "America/Toronto": -300, "Indian/Reunion": 240, "Asia/Kolkata": 330,
}
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def utc_minutes(entry, zone):
    day, times = entry.split()
    start, end = times.split("-")
    s = int(start[:2]) * 60 + int(start[3:])
    e = int(end[:2]) * 60 + int(end[3:])
    length = e - s if e > s else e + 1440 - s
    first = DAYS.index(day) * 1440 + s - OFFSETS[zone]
    return {(first + k) % 10080 for k in range(length)}


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
    mine = set().union(*(utc_minutes(e, lonely["timezone"]) for e in lonely["availability"]))
    for m in d["mentors"]:
        theirs = set().union(*(utc_minutes(e, m["timezone"]) for e in m["availability"]))
        assert not (mine & theirs), f"{m['id']} meets s-0120"

    full = next(m for m in d["mentors"] if m["id"] == "m-004")
    assert sum(1 for s in d["students"] if s.get("currentMentor") == "m-004") == full["capacity"]

    with open(target, "w") as out:
        out.write(dump(d))


def dump(d):
    """The layout of SnapshotJSONWriter: two-space indentation, short lists on one line."""
    def value(v):
        return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))

    def record(r):
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
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
