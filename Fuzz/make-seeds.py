#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets (Fuzz/Corpus/<target>/), from the repository's
fixtures and demo files plus a few tiny snapshots and policies with extreme numbers, and their libFuzzer
dictionaries (Fuzz/Dictionaries/<target>.dict: field names and edge values). Run from anywhere;
it rewrites the folders. The CSV and pipeline inputs are files joined by NUL bytes (see the targets)."""
import json, os, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "Corpus")
FIX = os.path.join(ROOT, "Tests", "MentorMatchCLITests", "Fixtures")
DEMO = os.path.join(ROOT, "Scenarios", "demo")

def read(path):
    with open(path, "rb") as f:
        return f.read()

def tiny(student=None, mentor=None, feedback=None, extra=None):
    """A one-mentor, two-student school, with fields overridden."""
    m = {"id": "m-1", "languages": ["fr"], "paths": ["web"], "styles": {"hands-on": 1.0}, "capacity": 2,
         "maxNewPerWeek": 1, "timezone": "Europe/Paris", "availability": ["Mon 18:00-21:00"]}
    s1 = {"id": "s-1", "path": "web", "language": "fr", "timezone": "Europe/Paris",
          "preferences": {"hands-on": 1.0}, "availability": ["Mon 18:00-21:00"], "currentMentor": "m-1",
          "sessionsPerWeek": 1, "sessionMinutes": 45, "missedSessions": 0, "openHelpRequests": 0}
    s2 = {"id": "s-2", "path": "web", "language": "fr", "timezone": "America/Toronto",
          "availability": ["Mon 12:00-15:00"], "missedSessions": 1}
    m.update(mentor or {})
    s1.update(student or {})
    snap = {"asOf": "2026-11-23", "mentors": [m], "students": [s1, s2],
            "feedback": [{"student": "s-1", "mentor": "m-1", "date": "2026-11-01", "rating": 4,
                          "reason": "pedagogy"}] + (feedback or []),
            "locks": []}
    snap.update(extra or {})
    return json.dumps(snap).encode()

# Extreme numbers (as JSON text: Python writes 1.7976931348623157e+308, 5e-324, -0.0).
HUGE = 2**62
EXTREME_SNAPSHOTS = {
    "sessions-2p62": tiny(student={"sessionsPerWeek": HUGE}),
    "sessions-intmax": tiny(student={"sessionsPerWeek": 2**63 - 1}),
    "capacity-intmax": tiny(mentor={"capacity": 2**63 - 1, "maxNewPerWeek": 2**63 - 1}),
    "counters-intmax": tiny(student={"missedSessions": 2**63 - 1, "openHelpRequests": 2**63 - 1}),
    "styles-maxdouble": tiny(mentor={"styles": {"hands-on": 1.7976931348623157e308, "career": 1e308}},
                             student={"preferences": {"hands-on": 1.7976931348623157e308, "career": 5e-324}}),
    "styles-denormal": tiny(mentor={"styles": {"hands-on": 5e-324}}, student={"preferences": {"hands-on": -0.0}}),
    "minutes-240-sessions-672": tiny(student={"sessionsPerWeek": 672, "sessionMinutes": 240}),
    "v2-fields": tiny(student={"assignedSince": "2026-11-20"},
                      extra={"declined": [{"student": "s-2", "mentor": "m-1", "until": "9999-12-31"}]}),
    "v2-dates-far": tiny(student={"assignedSince": "0001-01-01"},
                         extra={"asOf": "9999-12-31", "declined": [{"student": "s-1", "mentor": "m-1", "until": "0001-01-01"}]}),
}

POLICIES = {
    "demo-policy.yaml": read(os.path.join(DEMO, "policy.yaml")),
    "json-policy.json": json.dumps({"weights": {"style": 0.6, "availability": 0.1, "satisfaction": 0.3},
                                    "moveCost": 100, "maxMoves": 3, "timeLimitSeconds": 1}).encode(),
    "v2-policy.yaml": b"evictionCost: 20000\nmaxMovesPercent: 100\ncooldownWeeks: 0\nlearningRate: 1\n",
    "ratingprior-1e308.yaml": b"ratingPrior: 1e308\n",
    "weights-maxdouble.yaml": b"weights: {style: 1.7e308, availability: 1.7e308, satisfaction: 1.7e308}\n",
    "weights-denormal.yaml": b"weights: {style: 5e-324, availability: 0, satisfaction: -0.0}\n",
    "costs-intmax.yaml": ("moveCost: %d\nunassignedPenalty: %d\nevictionCost: %d\nmaxMoves: %d\n"
                          % ((2**63 - 1,) * 4)).encode(),
    "limits-tiny.yaml": b"mipGap: 1e308\ntimeLimitSeconds: 5e-324\nforbidAtOrBelow: 9223372036854775807\n",
    # Found by FuzzPolicy (a YAML 1.1 base-60 integer past Int.max trapped in Yams); FuzzRegressionTests.
    "crash-base60-overflow.yaml": b"mior: 9184467440522337280:4",
}

def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

def main():
    shutil.rmtree(OUT, ignore_errors=True)
    small = [f for f in ("tiny.json", "school.json", "ties.json", "bad.json")]
    # JSON snapshot reader.
    for f in small:
        write("FuzzSnapshotJSON", f, read(os.path.join(FIX, f)))
    for name, data in EXTREME_SNAPSHOTS.items():
        write("FuzzSnapshotJSON", name + ".json", data)
    # CSV folder: mentors.csv NUL students.csv NUL feedback.csv NUL locks.csv NUL snapshot.json.
    bad = os.path.join(FIX, "bad-csv")
    write("FuzzSnapshotCSV", "bad-csv", b"\0".join([read(os.path.join(bad, "mentors.csv")),
                                                   read(os.path.join(bad, "students.csv"))]) + b"\0\0\0"
          + read(os.path.join(bad, "snapshot.json")))
    mentors = (b"id,name,languages,paths,styles,capacity,maxNewPerWeek,timezone,availability,active\n"
               b"m-1,One,fr;en,web;data,hands-on:1;career:0.5,2,1,Europe/Paris,Mon 18:00-21:00;Sat 09:00-12:00,true\n"
               b"m-2,\"Two, Jr\",fr,web,structured:1,1,,Africa/Dakar,\"Mon 17:00-20:00\",\n")
    students = (b"id,name,path,language,timezone,preferences,availability,sessionsPerWeek,sessionMinutes,"
                b"currentMentor,missedSessions,openHelpRequests,changeRequested\n"
                b"s-1,A,web,fr,Europe/Paris,hands-on:1,Mon 18:00-22:00,1,45,m-1,0,0,false\n"
                b"s-2,B,web,fr,America/Toronto,,Mon 12:00-15:00,2,30,,3,1,true\n"
                b"s-3,C,data,en,Europe/Paris,career:0.5,Sat 09:00-12:00,1,60,m-2,0,0,\n")
    feedback = b"student,mentor,date,rating,reason\ns-1,m-1,2026-11-01,2,pedagogy\ns-3,m-2,2026-10-01,5,\n"
    locks = b"student,mentor\ns-3,m-1\n"
    meta = b'{"asOf": "2026-11-23", "styles": ["hands-on", "structured", "career"]}'
    write("FuzzSnapshotCSV", "school", b"\0".join([mentors, students, feedback, locks, meta]))
    write("FuzzSnapshotCSV", "extremes", b"\0".join([
        mentors.replace(b",2,1,Europe", b",9223372036854775807,9223372036854775807,Europe"),
        students.replace(b",1,45,m-1", b",4611686018427387904,240,m-1")
                .replace(b"hands-on:1,", b"hands-on:1.7976931348623157e308,"),
        feedback, locks, meta]))
    # Policy reader.
    for name, data in POLICIES.items():
        write("FuzzPolicy", name, data)
    # Scenario reader.
    for f in sorted(os.listdir(DEMO)):
        if f.startswith("whatif-"):
            write("FuzzScenario", f, read(os.path.join(DEMO, f)))
    write("FuzzScenario", "mentor-leaves.yaml", read(os.path.join(FIX, "mentor-leaves.yaml")))
    write("FuzzScenario", "every-change.yaml", b"""name: every change
base: school.json
policy: {maxMoves: 3, ratingPrior: 1e308}
changes:
  - deactivateMentors: [m-001]
  - setCapacity: {mentor: m-002, capacity: 9223372036854775807}
  - addMentors:
      - {id: m-9, paths: [web-developer], capacity: 1, timezone: Europe/Paris, availability: ["Mon 18:00-21:00"]}
  - addStudents:
      - {id: s-9, path: web-developer, language: fr, timezone: Europe/Paris, availability: ["Mon 18:00-21:00"],
         sessionsPerWeek: 4611686018427387904}
  - generateStudents: {count: 3, path: data-analyst, language: fr, seed: 18446744073709551615}
  - removeStudents: [s-002]
  - requestChange: [s-003]
  - setAvailability: {id: m-003, availability: ["Sun 23:45-00:00"]}
""")
    write("FuzzScenario", "base60.yaml", b"""name: base-60 numbers
base: school.json
policy: {maxMoves: 1:0:0:0:0:0:0:0:0:0:0, moveCost: 2:30}
changes:
  - setCapacity: {mentor: m-001, capacity: 2562047788015215:30:08}
""")
    # Whole pipeline: snapshot, then NUL and a policy.
    for f in ("tiny.json", "school.json", "ties.json"):
        write("FuzzPipeline", f, read(os.path.join(FIX, f)))
    school = read(os.path.join(FIX, "school.json"))
    for name in ("ratingprior-1e308.yaml", "weights-maxdouble.yaml", "costs-intmax.yaml", "v2-policy.yaml"):
        write("FuzzPipeline", "school+" + name, school + b"\0" + POLICIES[name])
    for name, data in EXTREME_SNAPSHOTS.items():
        write("FuzzPipeline", name + ".json", data)

KEYS_SNAPSHOT = ["asOf", "styles", "mentors", "students", "feedback", "locks", "declined", "id", "name",
                 "languages", "paths", "capacity", "maxNewPerWeek", "timezone", "availability", "active", "path",
                 "language", "preferences", "sessionsPerWeek", "sessionMinutes", "currentMentor", "assignedSince",
                 "missedSessions", "openHelpRequests", "changeRequested", "student", "mentor", "date", "rating",
                 "reason", "until"]
KEYS_POLICY = ["weights", "style", "availability", "satisfaction", "moveCost", "unassignedPenalty", "evictionCost",
               "maxMoves", "maxMovesPercent", "cooldownWeeks", "learningRate", "forbidAtOrBelow", "ratingPrior",
               "mipGap", "timeLimitSeconds"]
KEYS_SCENARIO = ["name", "base", "policy", "scenarioPolicy", "changes", "deactivateMentors", "setCapacity",
                 "addMentors", "addStudents", "generateStudents", "removeStudents", "requestChange", "setAvailability",
                 "count", "seed"]
VALUES = ["hands-on", "structured", "socratic", "career", "pedagogy", "other", "Europe/Paris", "America/Toronto",
          "Africa/Casablanca", "Pacific/Kiritimati", "Mon 18:00-21:00", "Sun 23:45-00:00", "2026-11-23", "2024-02-29",
          "9223372036854775807", "-9223372036854775808", "4611686018427387904", "18446744073709551615",
          "1.7976931348623157e308", "2.2250738585072014e-308", "5e-324", "-0.0", "1e308", "1e-308", "NaN",
          "Infinity", "true", "false", "null"]

def dictionary(target, words):
    def quote(word):
        return '"' + "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "\\x%02X" % ord(c) for c in word) + '"'
    folder = os.path.join(ROOT, "Fuzz", "Dictionaries")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, target + ".dict"), "w") as f:
        f.write("# Written by Fuzz/make-seeds.py.\n")
        f.writelines(quote(w) + "\n" for w in dict.fromkeys(words))

def dictionaries():
    json_keys = ['"%s"' % k for k in KEYS_SNAPSHOT]
    yaml_keys = [k + ": " for k in KEYS_POLICY + KEYS_SCENARIO + KEYS_SNAPSHOT]
    dictionary("FuzzSnapshotJSON", json_keys + VALUES + ["{", "}", "[", "]", ": ", ", "])
    dictionary("FuzzSnapshotCSV", KEYS_SNAPSHOT + VALUES + [",", ";", "\n", "\r\n", "\0", '"', ":"])
    dictionary("FuzzPolicy", [k + ": " for k in KEYS_POLICY] + VALUES + ["{", "}", "\n", "  ", "~", "&a ", "*a", "---"])
    dictionary("FuzzScenario", yaml_keys + VALUES + ["- ", "[", "]", "{", "}", "\n", "  "])
    dictionary("FuzzPipeline", json_keys + [k + ": " for k in KEYS_POLICY] + VALUES + ["\0", "{", "}", "[", "]"])

if __name__ == "__main__":
    main()
    dictionaries()
