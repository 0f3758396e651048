#!/usr/bin/env python3
"""Builds Scenarios/demo/next-week.json: the demo school's export one week later, for the README's
"A week with the store".

    python3 Scenarios/demo/make-next-week.py Scenarios/demo/snapshot.json changes.csv Scenarios/demo/next-week.json

changes.csv is the change list of `mentormatch apply 1 -o changes.csv` in that story. The back office
carried out every change but the move of s-0044 (still with m-014), and on its own moved s-0007 from
m-010 to m-020; students who changed mentor no longer ask for a change; everything else is as the
week before, as of 2026-11-30.
"""
import csv
import json
import sys

source, changes, target = sys.argv[1:4]
snapshot = json.load(open(source))
snapshot["asOf"] = "2026-11-30"
students = {s["id"]: s for s in snapshot["students"]}
for row in csv.DictReader(open(changes)):
    if row["student"] == "s-0044":
        continue  # not carried out
    student = students[row["student"]]
    if row["to"]:
        student["currentMentor"] = row["to"]
    else:
        student.pop("currentMentor", None)
    student.pop("assignedSince", None)
    student["changeRequested"] = False  # the request was served
assert students["s-0007"]["currentMentor"] == "m-010"
students["s-0007"]["currentMentor"] = "m-020"  # a change nobody proposed
students["s-0007"].pop("assignedSince", None)
with open(target, "w") as out:
    json.dump(snapshot, out, indent=2, ensure_ascii=False)
    out.write("\n")
