#!/usr/bin/env python3
"""Reruns the README's "A week with the store" on the demo school and writes the section again with the real
output (`swift build --product mentormatch` first). Also rewrites Scenarios/demo/next-week.json from the week's
change list (Scenarios/demo/make-next-week.py).

    python3 scripts/store_story.py [README.md]

The store's clock is fixed (MENTORMATCH_NOW) so that dates read the same on every run; the store and the files
the story writes (demo.store, changes.csv, run2.json, stateless.json, recorded.json) are removed afterwards.
"""
import os
import shlex
import subprocess
import sys

BINARY = ".build/debug/mentormatch"
WEEK1 = "2026-11-24T09:00:00Z"
WEEK2 = "2026-12-01T09:00:00Z"
SCRATCH = ["demo.store", "demo.store-wal", "demo.store-shm", "changes.csv", "run2.json", "stateless.json", "recorded.json"]


def mentormatch(command, now):
    env = {"TZ": "UTC", "PATH": "/usr/bin:/bin", "MENTORMATCH_NOW": now}
    done = subprocess.run([BINARY] + shlex.split(command), capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"store_story: `mentormatch {command}` failed ({done.returncode}):\n{done.stderr}")
    return (done.stderr + done.stdout).rstrip("\n").split("\n")


def shown(command, output, keep=None, tail=None):
    """A transcript: the command, then its output (the first `keep` lines, `…`, then each paragraph that starts
    with a line beginning with one of `tail`, up to the next blank line, and `…`)."""
    lines = [f"$ mentormatch {command}"]
    if keep is None:
        return lines + output
    lines += output[:keep] + ["…"]
    for want in tail or []:
        start = next(i for i, line in enumerate(output) if line.startswith(want))
        end = next((i for i in range(start, len(output)) if not output[i].strip()), len(output))
        lines += output[start:end] + ["…"]
    return lines


def block(*transcripts, comment):
    return "```\n" + f"# {comment}\n" + "\n".join(line for t in transcripts for line in t) + "\n```\n"


def story():
    for name in SCRATCH:
        if os.path.exists(name):
            os.remove(name)
    s = "--store demo.store"
    c = {}
    c["import"] = mentormatch(f"store import Scenarios/demo/snapshot.json {s}", WEEK1)
    c["again"] = mentormatch(f"store import Scenarios/demo/snapshot.json {s}", WEEK1)
    c["run1"] = mentormatch(f"rebalance {s}", WEEK1)
    c["accept"] = mentormatch(f'decide 1 --accept --all --as claire --reason "weekly review" {s}', WEEK1)
    c["reject"] = mentormatch(f'decide 1 --reject s-0024 --as claire --reason "starts in January" {s}', WEEK1)
    c["apply"] = mentormatch(f"apply 1 -o changes.csv {s}", WEEK1)
    c["csv"] = open("changes.csv").read().rstrip("\n").split("\n")
    c["apply2"] = mentormatch(f"apply 1 {s}", WEEK1)
    subprocess.run(["python3", "Scenarios/demo/make-next-week.py", "Scenarios/demo/snapshot.json", "changes.csv",
                    "Scenarios/demo/next-week.json"], check=True)
    c["import2"] = mentormatch(f"store import Scenarios/demo/next-week.json {s}", WEEK2)
    c["run2"] = mentormatch(f"rebalance {s}", WEEK2)
    c["h44"] = mentormatch(f"history s-0044 {s}", WEEK2)
    c["h24"] = mentormatch(f"history s-0024 {s}", WEEK2)
    c["runs"] = mentormatch(f"runs {s}", WEEK2)
    c["export"] = mentormatch(f"store export --run 2 -o run2.json {s}", WEEK2)
    c["stateless"] = mentormatch("rebalance run2.json --format json -o stateless.json", WEEK2)
    c["recorded"] = mentormatch(f"rebalance {s} --format json -o recorded.json", WEEK2)
    same = open("stateless.json").read() == open("recorded.json").read()
    for name in SCRATCH:
        if os.path.exists(name):
            os.remove(name)
    if not same:
        sys.exit("store_story: the stateless run differs from the recorded one")
    return c


def section(c):
    s = "--store demo.store"
    return f"""## A week with the store

Without a store every answer is forgotten. With `--store PATH` (one SQLite file, [docs/store.md](docs/store.md))
MentorMatch remembers every weekly export, every run and its proposals, every advisor's decision and every
applied change, and feeds that memory back to the engine: when each pairing started (`assignedSince`, so that
students who just moved are *settling*) and which moves advisors turned down (`declined`, for
`--decline-weeks` weeks, default 8). All the output below is real, on the demo school, run from the project
folder with the store's clock set by `MENTORMATCH_NOW` (the Monday after each export) so that dates read the same
on every run; `python3 scripts/store_story.py` runs the story again and rewrites this section.

**Import** the back office's export (a JSON file or a CSV folder, validated as `validate` does). The store
keeps its canonical JSON compressed, with the SHA-256 of the bytes imported; the same bytes again add nothing.
Pairings whose start the export does not give have an unknown start at the first import (or every student would be
settling for weeks):

{block(shown(f"store import Scenarios/demo/snapshot.json {s}", c["import"]),
       shown(f"store import Scenarios/demo/snapshot.json {s}", c["again"]), comment=f"MENTORMATCH_NOW={WEEK1}")}
**Run** the weekly rebalance on the store's latest snapshot, enriched with what the store knows. The run is recorded
(snapshot version, policy, tzdata, solver, tool version, status, objective, bound, timings, and every proposal with
its fit explanation); the report on standard output is the stateless one:

{block(shown(f"rebalance {s}", c["run1"], keep=11), comment=f"MENTORMATCH_NOW={WEEK1}")}
**Decide**: advisors accept or reject proposals, per student or all at once, with their name (`--as`, else the
login name) and a reason. Decisions are append-only: a correction is a new decision, and the latest counts.

{block(shown(f'decide 1 --accept --all --as claire --reason "weekly review" {s}', c["accept"]),
       shown(f'decide 1 --reject s-0024 --as claire --reason "starts in January" {s}', c["reject"]),
       comment=f"MENTORMATCH_NOW={WEEK1}")}
**Apply** the accepted moves in one transaction and hand the change list (JSON or CSV) to the back office. Applying
twice changes nothing and says so; a run whose snapshot is no longer the latest, or whose moves no longer hold (a
student who left, a mentor now full), is refused with those moves named, unless `--only-valid`:

{block(shown(f"apply 1 -o changes.csv {s}", c["apply"]), ["$ head -5 changes.csv"] + c["csv"][:5],
       shown(f"apply 1 {s}", c["apply2"], keep=1), comment=f"MENTORMATCH_NOW={WEEK1}")}
**Reconcile**: next week's export (`Scenarios/demo/next-week.json`, made by `make-next-week.py` from that change list)
shows every change carried out but one, and one change nobody here proposed. The import lists both:

{block(shown(f"store import Scenarios/demo/next-week.json {s}", c["import2"]), comment=f"MENTORMATCH_NOW={WEEK2}")}
The second week's run sees the memory: the pairings that started last week are *settling* (moved less than
`cooldownWeeks` ago: not moved again voluntarily), `s-0024`'s rejected move to `m-019` is declined for eight weeks
(another mentor is proposed), and `s-0044`, whose move the back office did not carry out, is proposed again:

{block(shown(f"rebalance {s}", c["run2"], keep=11, tail=["Settling, kept", "  settling students"]), comment=f"MENTORMATCH_NOW={WEEK2}")}
**History**: every run that proposed something for a student (with the fit and its parts as that run computed them),
every decision, every applied change and what imports found; `runs` lists the runs (both also as JSON, CSV and
Markdown with `--format`):

{block(shown(f"history s-0044 {s}", c["h44"]), shown(f"history s-0024 {s}", c["h24"]), shown(f"runs {s}", c["runs"]),
       comment=f"MENTORMATCH_NOW={WEEK2}")}
**Reproduce** any run without the store: `store export --run N` writes exactly the enriched snapshot that run read
(the export plus the store's `assignedSince` and `declined`), and the stateless command on it writes the same bytes:

{block(shown(f"store export --run 2 -o run2.json {s}", c["export"] if c["export"] != [""] else []),
       shown("rebalance run2.json --format json -o stateless.json", c["stateless"] if c["stateless"] != [""] else []),
       shown(f"rebalance {s} --format json -o recorded.json", c["recorded"]),
       ["$ cmp stateless.json recorded.json && echo same", "same"], comment=f"MENTORMATCH_NOW={WEEK2}")}
`store backup FILE` copies the store with SQLite's online backup; `store info` lists its snapshot versions. A file
given as `--store` that is not a MentorMatch store (another SQLite database, a text file, a truncated store, a store
written by a newer MentorMatch) is refused with exit status 2 and left byte for byte as it was; bad ids (an unknown
run, a student the run proposes nothing for, a mentor it does not propose, a decision on an applied run) are refused
with exit status 2 and write nothing.

"""


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "README.md"
    text = open(path).read()
    start = text.index("## A week with the store\n")
    end = text.index("\n## ", start + 1) + 1
    text = text[:start] + section(story()) + text[end:]
    open(path, "w").write(text)


if __name__ == "__main__":
    main()
