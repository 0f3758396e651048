#!/usr/bin/env python3
"""Independent reference implementation of the MentorMatch matching model (v2).

Written from docs only (shared/spec/matching-model.md and formats.md, version 2),
never from the Swift sources, so that it can cross-check the product.

    python3 mm_reference.py SNAPSHOT.json [--policy POLICY.yaml|.json] [--pretty]
                            [--check RESULT.json]

Prints a JSON object: status, objective, maxMoves, tzdata, counts, and one entry
per student (mentor, fit of the chosen pair, candidates, priority, change).

With --check RESULT.json (a `mentormatch rebalance --format json` result) it
also checks that assignment against this model: every chosen pair is a variable
of the program, capacities, maxNewPerWeek, move budget and locks hold, each
reported fit equals fit(s,m), and the objective recomputed here equals the
reported one and the optimum. See README.md next to this file.

Standard library + highspy only.  Time zones come from the system's TZif files
under /usr/share/zoneinfo (never from the `tzdata` PyPI package).
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import os
import re
import sys
import zoneinfo

ZONEINFO_DIR = "/usr/share/zoneinfo"
zoneinfo.reset_tzpath([ZONEINFO_DIR])

DEFAULT_STYLES = ["expert", "structured", "hands-on", "socratic",
                  "autonomy", "encouraging", "career", "reviewer"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
REASONS = {"pedagogy", "availability", "communication", "expertise", "other"}
SLOTS = 672
WEEK_MINUTES = 10080

DEFAULT_POLICY = {
    "weights": {"style": 0.5, "availability": 0.2, "satisfaction": 0.3},
    "moveCost": 150,
    "unassignedPenalty": 5000,
    "evictionCost": 20000,
    "maxMoves": None,
    "maxMovesPercent": 2,
    "cooldownWeeks": 4,
    "learningRate": 0.5,
    "forbidAtOrBelow": 2,
    "ratingPrior": 5,
    "mipGap": 0,
    "timeLimitSeconds": None,
}


class InputError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


# ---------------------------------------------------------------- time zones

def tzdata_version() -> str | None:
    path = os.path.join(ZONEINFO_DIR, "tzdata.zi")
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline()
    except OSError:
        return None
    m = re.match(r"#\s*version\s+(\S+)", first)
    return m.group(1) if m else None


_zone_cache: dict[str, zoneinfo.ZoneInfo] = {}


def load_zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone from the system's TZif file (ZoneInfo.from_file: no fallback to
    any bundled copy)."""
    if name in _zone_cache:
        return _zone_cache[name]
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", name):
        raise KeyError(name)
    path = os.path.join(ZONEINFO_DIR, name)
    if not os.path.isfile(path):
        if not os.path.isdir(ZONEINFO_DIR):
            raise RuntimeError("no time-zone database under /usr/share/zoneinfo: "
                               "install it with `apt-get install -y tzdata`")
        raise KeyError(name)
    with open(path, "rb") as f:
        if f.read(4) != b"TZif":
            raise KeyError(name)
        f.seek(0)
        z = zoneinfo.ZoneInfo.from_file(f, key=name)
    _zone_cache[name] = z
    return z


def offset_minutes(zone_name: str, as_of: _dt.date) -> int:
    """UTC offset of the zone at asOf 12:00 UTC, in minutes."""
    instant = _dt.datetime(as_of.year, as_of.month, as_of.day, 12, 0, tzinfo=_dt.timezone.utc)
    off = instant.astimezone(load_zone(zone_name)).utcoffset()
    secs = int(off.total_seconds())
    if secs % 60 != 0:
        raise RuntimeError(f"{zone_name}: offset {secs} s is not a whole number of minutes")
    return secs // 60


# ---------------------------------------------------------------- availability

_ENTRY = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d\d):(\d\d)-(\d\d):(\d\d)$")


def parse_entry(text: str):
    """'Mon 18:00-21:00' -> (local start minute of week, length in minutes)."""
    if not isinstance(text, str):
        raise ValueError("not a string")
    m = _ENTRY.match(text)
    if not m:
        raise ValueError("expected an entry like 'Mon 18:00-21:00'")
    day = DAYS.index(m.group(1))
    sh, sm, eh, em = (int(m.group(i)) for i in range(2, 6))
    for mm in (sm, em):
        if mm not in (0, 15, 30, 45):
            raise ValueError("minutes must be 00, 15, 30 or 45")
    if not (0 <= sh <= 23):
        raise ValueError("start hour out of range (24:00 is only allowed as an end)")
    if not (0 <= eh <= 23 or (eh == 24 and em == 0)):
        raise ValueError("end out of range")
    start = sh * 60 + sm
    end = eh * 60 + em
    if start == end:
        raise ValueError("start equals end")
    if end < start:          # wraps into the next day (and the week after Sun)
        end += 1440
    return day * 1440 + start, end - start


def slots_of(entries, off_min: int) -> set[int]:
    slots: set[int] = set()
    for e in entries:
        local_start, length = parse_entry(e)
        utc_start = (local_start - off_min) % WEEK_MINUTES
        assert utc_start % 15 == 0 and length % 15 == 0, "offset not on the 15-minute grid"
        first = utc_start // 15
        for i in range(length // 15):
            slots.add((first + i) % SLOTS)
    return slots


def windows(overlap: set[int], session_minutes: int) -> int:
    """Sum over maximal cyclic runs of floor(15*run/sessionMinutes)."""
    if not overlap:
        return 0
    if len(overlap) == SLOTS:
        return (15 * SLOTS) // session_minutes
    # start scanning just after an empty slot, so no run is cut at the seam
    start = next(i for i in range(SLOTS) if i not in overlap)
    total = 0
    run = 0
    for k in range(1, SLOTS + 1):
        i = (start + k) % SLOTS
        if i in overlap:
            run += 1
        else:
            if run:
                total += (15 * run) // session_minutes
            run = 0
    if run:
        total += (15 * run) // session_minutes
    return total


# ---------------------------------------------------------------- input

def parse_date(v, where, errors):
    if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        errors.append(f"{where}: found {v!r}, expected an ISO 8601 date YYYY-MM-DD")
        return None
    try:
        return _dt.date.fromisoformat(v)
    except ValueError:
        errors.append(f"{where}: found {v!r}, expected an ISO 8601 date YYYY-MM-DD")
        return None


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return (isinstance(v, (int, float))) and not isinstance(v, bool)


def load_snapshot(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    return parse_snapshot(raw, path)


def parse_snapshot(raw: dict, path: str = "snapshot") -> dict:
    errors: list[str] = []
    snap: dict = {}
    as_of = parse_date(raw.get("asOf"), "asOf", errors) if "asOf" in raw else None
    if "asOf" not in raw:
        errors.append("asOf: missing, required in JSON")
    snap["asOf"] = as_of
    styles = raw.get("styles", DEFAULT_STYLES)
    snap["styles"] = list(styles)
    style_set = set(styles)

    def style_map(obj, where):
        mp = obj if obj is not None else {}
        if not isinstance(mp, dict):
            errors.append(f"{where}: expected a map of style weights")
            return {}
        for k, v in mp.items():
            if k not in style_set:
                errors.append(f"{where}: style {k!r} not in the snapshot's styles")
            if not is_num(v) or not (0 <= v <= 1):
                errors.append(f"{where}: weight of {k!r}: found {v!r}, expected a number in [0,1]")
        return {k: float(v) for k, v in mp.items() if is_num(v)}

    mentors = []
    mentor_ids: dict[str, int] = {}
    for i, m in enumerate(raw.get("mentors", [])):
        mid = m.get("id")
        w = f"mentor {mid}" if mid is not None else f"mentors[{i}]"
        for fld in ("id", "paths", "capacity", "timezone", "availability"):
            if fld not in m:
                errors.append(f"{w}: {fld}: missing")
        if mid in mentor_ids:
            errors.append(f"{w}: id: found {mid!r} again, expected ids unique among mentors")
        mentor_ids.setdefault(mid, i)
        cap = m.get("capacity", 0)
        if not is_int(cap) or cap < 0:
            errors.append(f"{w}: capacity: found {cap!r}, expected an integer >= 0")
        mnw = m.get("maxNewPerWeek")
        if mnw is not None and (not is_int(mnw) or mnw < 0):
            errors.append(f"{w}: maxNewPerWeek: found {mnw!r}, expected an integer >= 0")
        tz = m.get("timezone")
        try:
            off = offset_minutes(tz, as_of) if as_of else 0
        except KeyError:
            errors.append(f"{w}: timezone: found {tz!r}, expected a known IANA time-zone name")
            off = 0
        av = m.get("availability", [])
        for e in av:
            try:
                parse_entry(e)
            except ValueError as ex:
                errors.append(f"{w}: availability: found {e!r}: {ex}")
        mentors.append({
            "id": mid, "languages": list(m.get("languages", ["fr"])),
            "paths": list(m.get("paths", [])), "styles": style_map(m.get("styles"), f"{w}: styles"),
            "capacity": cap if is_int(cap) else 0, "maxNewPerWeek": mnw,
            "timezone": tz, "offset": off, "availability": av,
            "active": m.get("active", True) is not False,
        })
    students = []
    student_ids: dict[str, int] = {}
    for i, s in enumerate(raw.get("students", [])):
        sid = s.get("id")
        w = f"student {sid}" if sid is not None else f"students[{i}]"
        for fld in ("id", "path", "language", "timezone", "availability"):
            if fld not in s:
                errors.append(f"{w}: {fld}: missing")
        if sid in student_ids:
            errors.append(f"{w}: id: found {sid!r} again, expected ids unique among students")
        student_ids.setdefault(sid, i)
        tz = s.get("timezone")
        try:
            off = offset_minutes(tz, as_of) if as_of else 0
        except KeyError:
            errors.append(f"{w}: timezone: found {tz!r}, expected a known IANA time-zone name")
            off = 0
        av = s.get("availability", [])
        for e in av:
            try:
                parse_entry(e)
            except ValueError as ex:
                errors.append(f"{w}: availability: found {e!r}: {ex}")
        spw = s.get("sessionsPerWeek", 1)
        if not is_int(spw) or spw < 1:
            errors.append(f"{w}: sessionsPerWeek: found {spw!r}, expected an integer >= 1")
            spw = 1
        smin = s.get("sessionMinutes", 45)
        if not is_int(smin) or not (15 <= smin <= 240):
            errors.append(f"{w}: sessionMinutes: found {smin!r}, expected an integer in 15…240")
            smin = 45
        cur = s.get("currentMentor")
        since = None
        if s.get("assignedSince") is not None:
            since = parse_date(s["assignedSince"], f"{w}: assignedSince", errors)
            if cur is None:
                errors.append(f"{w}: assignedSince: set without currentMentor")
            if since and as_of and since > as_of:
                errors.append(f"{w}: assignedSince: {since} is after asOf {as_of}")
        counters = {}
        for fld in ("missedSessions", "openHelpRequests"):
            v = s.get(fld, 0)
            if not is_int(v) or v < 0:
                errors.append(f"{w}: {fld}: found {v!r}, expected an integer >= 0")
                v = 0
            counters[fld] = v
        students.append({
            "id": sid, "path": s.get("path"), "language": s.get("language"),
            "timezone": tz, "offset": off, "availability": av,
            "preferences": style_map(s.get("preferences"), f"{w}: preferences"),
            "sessionsPerWeek": spw, "sessionMinutes": smin,
            "currentMentor": cur, "assignedSince": since,
            "missedSessions": counters["missedSessions"],
            "openHelpRequests": counters["openHelpRequests"],
            "changeRequested": bool(s.get("changeRequested", False)),
        })
    for s in students:
        if s["currentMentor"] is not None and s["currentMentor"] not in mentor_ids:
            errors.append(f"student {s['id']}: currentMentor: found {s['currentMentor']!r}, "
                          "expected the id of a mentor of the snapshot")
    feedback = []
    for i, f in enumerate(raw.get("feedback", []) or []):
        w = f"feedback[{i}]"
        if f.get("student") not in student_ids:
            errors.append(f"{w}: student: found {f.get('student')!r}, expected a student id")
        if f.get("mentor") not in mentor_ids:
            errors.append(f"{w}: mentor: found {f.get('mentor')!r}, expected a mentor id")
        d = parse_date(f.get("date"), f"{w}: date", errors)
        r = f.get("rating")
        if not is_int(r) or not (1 <= r <= 5):
            errors.append(f"{w}: rating: found {r!r}, expected an integer in 1…5")
            r = 3
        reason = f.get("reason")
        if reason is not None and reason not in REASONS:
            errors.append(f"{w}: reason: found {reason!r}, expected one of {sorted(REASONS)}")
        feedback.append({"student": f.get("student"), "mentor": f.get("mentor"),
                         "date": d, "rating": r, "reason": reason})
    locks = {}
    for i, l in enumerate(raw.get("locks", []) or []):
        w = f"locks[{i}]"
        sid, mid = l.get("student"), l.get("mentor")
        if sid not in student_ids:
            errors.append(f"{w}: student: found {sid!r}, expected a student id")
        if mid not in mentor_ids:
            errors.append(f"{w}: mentor: found {mid!r}, expected the id of a mentor of the snapshot")
        elif not mentors[mentor_ids[mid]]["active"]:
            errors.append(f"{w}: mentor: {mid!r} is inactive")
        if sid in locks:
            errors.append(f"{w}: student {sid!r} locked twice, expected at most one lock per student")
        locks.setdefault(sid, mid)
    declined = []
    for i, d in enumerate(raw.get("declined", []) or []):
        w = f"declined[{i}]"
        if d.get("student") not in student_ids:
            errors.append(f"{w}: student: found {d.get('student')!r}, expected a student id")
        if d.get("mentor") not in mentor_ids:
            errors.append(f"{w}: mentor: found {d.get('mentor')!r}, expected a mentor id")
        until = parse_date(d.get("until"), f"{w}: until", errors)
        declined.append({"student": d.get("student"), "mentor": d.get("mentor"), "until": until})
    # locks alone within capacity and maxNewPerWeek
    if not errors:
        cur_of = {s["id"]: s["currentMentor"] for s in students}
        for m in mentors:
            on = [sid for sid, mid in locks.items() if mid == m["id"]]
            if len(on) > m["capacity"]:
                errors.append(f"mentor {m['id']}: {len(on)} locks exceed capacity {m['capacity']}")
            new = [sid for sid in on if cur_of[sid] != m["id"]]
            if m["maxNewPerWeek"] is not None and len(new) > m["maxNewPerWeek"]:
                errors.append(f"mentor {m['id']}: {len(new)} locked arrivals exceed "
                              f"maxNewPerWeek {m['maxNewPerWeek']}")
    if errors:
        raise InputError([f"{path}: {e}" for e in errors])
    snap.update(mentors=mentors, students=students, feedback=feedback,
                locks=locks, declined=declined)
    return snap


def load_policy(path: str | None) -> dict:
    pol = json.loads(json.dumps(DEFAULT_POLICY))
    if path is None:
        return pol
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        raw = json.loads(text)
    else:
        import yaml
        raw = yaml.safe_load(text) or {}
    return parse_policy(raw, path)


def parse_policy(raw: dict | None, path: str = "policy") -> dict:
    pol = json.loads(json.dumps(DEFAULT_POLICY))
    if not raw:
        return pol
    errors = []
    for k, v in raw.items():
        if k == "weights":
            for wk, wv in (v or {}).items():
                if wk not in pol["weights"]:
                    errors.append(f"weights.{wk}: unknown")
                elif not is_num(wv) or wv < 0:
                    errors.append(f"weights.{wk}: found {wv!r}, expected a number >= 0")
                else:
                    pol["weights"][wk] = float(wv)
        elif k in pol:
            pol[k] = v
        else:
            print(f"warning: policy field {k!r} ignored", file=sys.stderr)
    for k in ("moveCost", "unassignedPenalty", "evictionCost", "forbidAtOrBelow", "cooldownWeeks"):
        if not is_int(pol[k]) or pol[k] < 0:
            errors.append(f"{k}: found {pol[k]!r}, expected an integer >= 0")
    if pol["maxMoves"] is not None and (not is_int(pol["maxMoves"]) or pol["maxMoves"] < 0):
        errors.append(f"maxMoves: found {pol['maxMoves']!r}, expected an integer >= 0")
    if not is_num(pol["maxMovesPercent"]) or not (0 <= pol["maxMovesPercent"] <= 100):
        errors.append(f"maxMovesPercent: found {pol['maxMovesPercent']!r}, expected 0…100")
    if not is_num(pol["learningRate"]) or not (0 <= pol["learningRate"] <= 1):
        errors.append(f"learningRate: found {pol['learningRate']!r}, expected 0…1")
    if not is_num(pol["ratingPrior"]) or pol["ratingPrior"] < 0:
        errors.append(f"ratingPrior: found {pol['ratingPrior']!r}, expected a number >= 0")
    w = pol["weights"]
    if sum(w.values()) <= 0:
        errors.append("weights: sum must be > 0")
    if errors:
        raise InputError([f"{path}: {e}" for e in errors])
    return pol


# ---------------------------------------------------------------- the model

class Model:
    """Everything §1–§5 defines, computed for one snapshot and policy."""

    def __init__(self, snap: dict, pol: dict):
        self.snap, self.pol = snap, pol
        self.as_of: _dt.date = snap["asOf"]
        self.styles = snap["styles"]
        self.mentors = snap["mentors"]
        self.students = snap["students"]
        self.mentor_by_id = {m["id"]: m for m in self.mentors}
        self.student_by_id = {s["id"]: s for s in self.students}
        self.locks = snap["locks"]
        for m in self.mentors:
            m["slots"] = slots_of(m["availability"], m["offset"])
        for s in self.students:
            s["slots"] = slots_of(s["availability"], s["offset"])
        self._low_rated: dict[tuple, int] = {}      # (s, m) -> lowest rating
        self._declined_until: dict[tuple, _dt.date] = {}   # (s, m) -> latest until
        for f in snap["feedback"]:
            k = (f["student"], f["mentor"])
            self._low_rated[k] = min(self._low_rated.get(k, 99), f["rating"])
        for d in snap["declined"]:
            k = (d["student"], d["mentor"])
            if k not in self._declined_until or d["until"] > self._declined_until[k]:
                self._declined_until[k] = d["until"]
        self._pedagogy: dict[str, list] = {}        # F(s), in snapshot order
        self._ratings_of: dict[tuple, list] = {}      # (s, m) -> records, for priority
        for f in snap["feedback"]:
            if f["reason"] == "pedagogy":
                self._pedagogy.setdefault(f["student"], []).append(f)
            self._ratings_of.setdefault((f["student"], f["mentor"]), []).append(f)
        self._sat = {m["id"]: self._satisfaction(m["id"]) for m in self.mentors}
        self._pref = {s["id"]: self._effective_preferences(s) for s in self.students}
        self._fit_cache: dict = {}
        self._build_candidates()

    # §3 -------------------------------------------------------------------
    def _effective_preferences(self, s) -> list[float]:
        p = [s["preferences"].get(k, 0.0) for k in self.styles]
        r = float(self.pol["learningRate"])
        F = self._pedagogy.get(s["id"], [])
        if not F or r == 0:
            return p
        out = []
        for idx, k in enumerate(self.styles):
            a = 0.0
            for f in F:
                q = self.mentor_by_id[f["mentor"]]["styles"].get(k, 0.0)
                a = a + ((float(f["rating"]) - 3.0) / 2.0) * q
            out.append(min(1.0, max(0.0, p[idx] + r * a / float(len(F)))))
        return out

    def style(self, s, m) -> float:
        p = self._pref[s["id"]]
        q = [m["styles"].get(k, 0.0) for k in self.styles]
        if not p:
            return 0.5
        num = p[0] * q[0]
        den = p[0]
        for i in range(1, len(p)):
            num = num + p[i] * q[i]
            den = den + p[i]
        if den == 0:
            return 0.5
        return num / den

    def overlap_minutes(self, s, m) -> int:
        return 15 * len(s["slots"] & m["slots"])

    def avail(self, s, m) -> float:
        return min(1.0, float(self.overlap_minutes(s, m)) /
                   float(3 * s["sessionsPerWeek"] * s["sessionMinutes"]))

    def _satisfaction(self, mid) -> float:
        fb = self.snap["feedback"]
        allr = [f["rating"] for f in fb]
        mu = float(sum(allr)) / float(len(allr)) if allr else 4.0
        if not hasattr(self, "_by_mentor"):
            self._by_mentor: dict[str, list[int]] = {}
            for f in fb:
                self._by_mentor.setdefault(f["mentor"], []).append(f["rating"])
        mine = self._by_mentor.get(mid, [])
        n, R = len(mine), sum(mine)
        P = float(self.pol["ratingPrior"])
        if float(n) + P == 0:
            score = mu
        else:
            score = (float(R) + P * mu) / (float(n) + P)
        return (score - 1.0) / 4.0

    def sat(self, m) -> float:
        return self._sat[m["id"]]

    def fit(self, s, m) -> int:
        key = (s["id"], m["id"])
        if key not in self._fit_cache:
            w = self.pol["weights"]
            ws, wa, wt = float(w["style"]), float(w["availability"]), float(w["satisfaction"])
            v = ((ws * self.style(s, m) + wa * self.avail(s, m)) + wt * self.sat(m)) / ((ws + wa) + wt)
            self._fit_cache[key] = int(math.floor(v * 1000.0 + 0.5))
        return self._fit_cache[key]

    # §4 -------------------------------------------------------------------
    def priority(self, s) -> int:
        if s["missedSessions"] >= 3 or s["openHelpRequests"] >= 1 or s["changeRequested"]:
            return 3
        if s["missedSessions"] >= 1:
            return 2
        cur = s["currentMentor"]
        if cur is not None:
            rs = self._ratings_of.get((s["id"], cur), [])
            if rs:
                latest = max(f["date"] for f in rs)
                lowest = min(f["rating"] for f in rs if f["date"] == latest)
                if lowest <= 3:
                    return 2
        return 1

    # §2 -------------------------------------------------------------------
    def rule_failures(self, s, m) -> list[int]:
        """Which of rules 1–7 the pair (s,m) breaks (locks not considered)."""
        bad = []
        if not m["active"]:
            bad.append(1)
        if s["language"] not in m["languages"]:
            bad.append(2)
        if s["path"] not in m["paths"]:
            bad.append(3)
        if windows(s["slots"] & m["slots"], s["sessionMinutes"]) < s["sessionsPerWeek"]:
            bad.append(4)
        # (rules 5 and 7 use indexes built once in __init__)
        key = (s["id"], m["id"])
        if self._low_rated.get(key, 99) <= self.pol["forbidAtOrBelow"]:
            bad.append(5)            # s rated m at or below forbidAtOrBelow (any date, any reason)
        if s["changeRequested"] and m["id"] == s["currentMentor"]:
            bad.append(6)
        if m["id"] != s["currentMentor"] and key in self._declined_until \
                and self._declined_until[key] >= self.as_of:
            bad.append(7)            # declined until on or after asOf (the latest until counts)
        return bad

    def _build_candidates(self):
        self.candidates: dict[str, list[str]] = {}     # §2 candidate pairs (lock pair included)
        self.kind: dict[str, str] = {}                 # locked / forced / voluntary / new
        self.settling: dict[str, bool] = {}
        self.variables: dict[str, list[str]] = {}     # the x[s,m] of §5 after §4b
        self.prio: dict[str, int] = {}
        cooldown_days = 7 * int(self.pol["cooldownWeeks"])
        for s in self.students:
            sid = s["id"]
            lock = self.locks.get(sid)
            cands = []
            for m in self.mentors:
                if lock == m["id"]:
                    if not m["active"]:
                        continue
                    cands.append(m["id"])
                elif (m["active"] and s["language"] in m["languages"] and s["path"] in m["paths"]
                      and not self.rule_failures(s, m)):      # rules 1-3 first: cheap
                    cands.append(m["id"])
            self.candidates[sid] = cands
            cur = s["currentMentor"]
            if lock is not None:
                kind = "locked"
            elif cur is None:
                kind = "new"
            elif cur in cands:
                kind = "voluntary"
            else:
                kind = "forced"
            self.kind[sid] = kind
            settling = (kind == "voluntary" and s["assignedSince"] is not None
                        and (self.as_of - s["assignedSince"]).days < cooldown_days)
            self.settling[sid] = settling
            self.variables[sid] = [cur] if settling else list(cands)
            self.prio[sid] = self.priority(s)
        pol = self.pol
        self.M = sum(1 for s in self.students if s["currentMentor"] is not None)
        if pol.get("maxMoves") is not None:
            self.max_moves = int(pol["maxMoves"])
        else:
            self.max_moves = int(math.ceil(float(pol["maxMovesPercent"]) * float(self.M) / 100.0))

    # §5 -------------------------------------------------------------------
    def pair_value(self, sid, mid) -> int:
        s = self.student_by_id[sid]
        v = self.prio[sid] * self.fit(s, self.mentor_by_id[mid])
        if self.kind[sid] == "voluntary" and mid != s["currentMentor"]:
            v -= int(self.pol["moveCost"])
        return v

    def unassigned_value(self, sid) -> int:
        v = -int(self.pol["unassignedPenalty"]) * self.prio[sid]
        if self.kind[sid] == "voluntary":
            v -= int(self.pol["evictionCost"])
        return v

    def objective_of(self, assignment: dict) -> int:
        return sum(self.pair_value(sid, mid) if mid is not None else self.unassigned_value(sid)
                   for sid, mid in assignment.items())

    def check(self, assignment: dict) -> list[str]:
        """Feasibility of an assignment {student id: mentor id or None} in §5."""
        problems = []
        for s in self.students:
            if s["id"] not in assignment:
                problems.append(f"{s['id']}: missing from the assignment")
        for sid in assignment:
            if sid not in self.student_by_id:
                problems.append(f"{sid}: unknown student")
        load = {m["id"]: 0 for m in self.mentors}
        new = {m["id"]: 0 for m in self.mentors}
        moves = 0
        for sid, mid in assignment.items():
            if sid not in self.student_by_id:
                continue
            s = self.student_by_id[sid]
            lock = self.locks.get(sid)
            if lock is not None and mid != lock:
                problems.append(f"{sid}: locked on {lock}, assigned {mid}")
            if mid is None:
                continue
            if mid not in self.mentor_by_id:
                problems.append(f"{sid}: unknown mentor {mid}")
                continue
            if mid not in self.variables[sid]:
                why = self.why_not(sid, mid)
                problems.append(f"{sid} -> {mid}: not a pair of the program ({why})")
            load[mid] += 1
            if mid != s["currentMentor"]:
                new[mid] += 1
                if self.kind[sid] == "voluntary":
                    moves += 1
        for m in self.mentors:
            if load[m["id"]] > m["capacity"]:
                problems.append(f"{m['id']}: {load[m['id']]} students > capacity {m['capacity']}")
            if m["maxNewPerWeek"] is not None and new[m["id"]] > m["maxNewPerWeek"]:
                problems.append(f"{m['id']}: {new[m['id']]} arrivals > maxNewPerWeek {m['maxNewPerWeek']}")
        if moves > self.max_moves:
            problems.append(f"{moves} voluntary moves > maxMoves {self.max_moves}")
        return problems

    def why_not(self, sid, mid) -> str:
        s, m = self.student_by_id[sid], self.mentor_by_id[mid]
        if self.settling[sid] and mid != s["currentMentor"] and mid in self.candidates[sid]:
            return f"§4b settling since {s['assignedSince']}"
        rules = self.rule_failures(s, m)
        names = {1: "rule 1 inactive", 2: "rule 2 language", 3: "rule 3 path",
                 4: "rule 4 windows", 5: "rule 5 rated at or below forbidAtOrBelow",
                 6: "rule 6 changeRequested", 7: "rule 7 declined"}
        return ", ".join(names[r] for r in rules) or "?"

    def solve(self, time_limit: float | None = None):
        import highspy
        import numpy as np
        h = _quiet_highs(highspy)
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.0)
        if time_limit:
            h.setOptionValue("time_limit", float(time_limit))
        cols = []          # (sid, mid or None)
        cost = []
        lb, ub = [], []
        for s in self.students:
            sid = s["id"]
            lock = self.locks.get(sid)
            for mid in self.variables[sid]:
                cols.append((sid, mid))
                cost.append(-float(self.pair_value(sid, mid)))   # HiGHS minimises
                lb.append(1.0 if lock == mid else 0.0)
                ub.append(1.0 if (lock is None or lock == mid) else 0.0)
            cols.append((sid, None))
            cost.append(-float(self.unassigned_value(sid)))
            lb.append(0.0)
            ub.append(0.0 if lock is not None else 1.0)
        n = len(cols)
        rows = []          # (lower, upper, [col indices])
        by_student: dict[str, list[int]] = {}
        by_mentor: dict[str, list[int]] = {}
        new_by_mentor: dict[str, list[int]] = {}
        moves = []
        for j, (sid, mid) in enumerate(cols):
            by_student.setdefault(sid, []).append(j)
            if mid is None:
                continue
            by_mentor.setdefault(mid, []).append(j)
            if mid != self.student_by_id[sid]["currentMentor"]:
                new_by_mentor.setdefault(mid, []).append(j)
                if self.kind[sid] == "voluntary":
                    moves.append(j)
        for sid, js in by_student.items():
            rows.append((1.0, 1.0, js))
        for m in self.mentors:
            js = by_mentor.get(m["id"], [])
            if js:
                rows.append((-highspy.kHighsInf, float(m["capacity"]), js))
            js = new_by_mentor.get(m["id"], [])
            if js and m["maxNewPerWeek"] is not None:
                rows.append((-highspy.kHighsInf, float(m["maxNewPerWeek"]), js))
        if moves:
            rows.append((-highspy.kHighsInf, float(self.max_moves), moves))
        inf = highspy.kHighsInf
        h.addVars(n, np.array(lb), np.array(ub))
        h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(cost))
        h.changeColsIntegrality(n, np.arange(n, dtype=np.int32),
                                np.array([highspy.HighsVarType.kInteger] * n))
        for lo, up, js in rows:
            h.addRow(lo, up, len(js), np.array(js, dtype=np.int32), np.ones(len(js)))
        h.run()
        status = h.getModelStatus()
        info = h.getInfo()
        sol = h.getSolution().col_value
        assignment = {s["id"]: None for s in self.students}
        for j, (sid, mid) in enumerate(cols):
            if mid is not None and sol[j] > 0.5:
                assignment[sid] = mid
        obj = self.objective_of(assignment)
        st = "optimal" if status == highspy.HighsModelStatus.kOptimal else str(status)
        bound = -info.mip_dual_bound if info.mip_dual_bound is not None else None
        if st == "optimal" and abs(-info.objective_function_value - obj) > 1e-6:
            raise RuntimeError(f"HiGHS objective {-info.objective_function_value} != recomputed {obj}")
        probs = self.check(assignment)
        if probs:
            raise RuntimeError("HiGHS answer infeasible in the model: " + "; ".join(probs))
        return st, obj, bound, assignment

    def result(self, time_limit=None) -> dict:
        st, obj, bound, assignment = self.solve(time_limit)
        out = []
        counts = {"assigned": 0, "unassigned": 0, "voluntaryMoves": 0, "forcedMoves": 0,
                  "lockedMoves": 0, "newAssignments": 0, "settlingStudents": 0, "evicted": 0}
        for s in self.students:
            sid, mid, cur = s["id"], assignment[s["id"]], s["currentMentor"]
            kind = self.kind[sid]
            if self.settling[sid]:
                counts["settlingStudents"] += 1
            if mid is None:
                change = "unassigned"
                counts["unassigned"] += 1
                if kind == "voluntary":
                    counts["evicted"] += 1
            else:
                counts["assigned"] += 1
                if cur is None:
                    change = "new"
                    counts["newAssignments"] += 1
                elif mid == cur:
                    change = "keep"
                elif kind == "voluntary":
                    change = "move"
                    counts["voluntaryMoves"] += 1
                elif kind == "forced":
                    change = "forced"
                    counts["forcedMoves"] += 1
                else:
                    change = "move"      # locked: the advisor's decision
                    counts["lockedMoves"] += 1
            out.append({
                "student": sid, "mentor": mid, "previousMentor": cur,
                "fit": self.fit(s, self.mentor_by_id[mid]) if mid is not None else None,
                "priority": self.prio[sid], "candidates": len(self.candidates[sid]),
                "kind": kind, "settling": self.settling[sid], "change": change,
            })
        return {"kind": "rebalance", "status": st, "objective": obj, "bound": bound,
                "maxMoves": self.max_moves, "tzdata": tzdata_version(),
                "summary": counts, "assignments": out}


def _quiet_highs(highspy):
    """A Highs instance whose banner does not reach our standard output."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
            h.setOptionValue("output_flag", False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    return h


# ---------------------------------------------------------------- checking a result

def check_result(model: Model, ref: dict, other: dict) -> list[str]:
    """Differences between another implementation's result and this model."""
    diffs = []
    if other.get("status") != "optimal":
        diffs.append(f"status: {other.get('status')!r}, expected 'optimal'")
    if other.get("objective") != ref["objective"]:
        diffs.append(f"objective: {other.get('objective')!r}, reference optimum {ref['objective']}")
    if other.get("maxMoves") != ref["maxMoves"]:
        diffs.append(f"maxMoves: {other.get('maxMoves')!r}, reference {ref['maxMoves']}")
    rows = other.get("assignments") or []
    assignment = {}
    for a in rows:
        sid, mid = a.get("student"), a.get("mentor")
        if sid in assignment:
            diffs.append(f"{sid}: listed twice")
        assignment[sid] = mid
        if sid not in model.student_by_id:
            continue
        s = model.student_by_id[sid]
        if mid is not None and mid in model.mentor_by_id:
            f = model.fit(s, model.mentor_by_id[mid])
            if a.get("fit") != f:
                diffs.append(f"{sid} -> {mid}: fit {a.get('fit')!r}, reference {f} "
                             f"(style {model.style(s, model.mentor_by_id[mid])!r}, "
                             f"avail {model.avail(s, model.mentor_by_id[mid])!r}, "
                             f"sat {model.sat(model.mentor_by_id[mid])!r})")
        if "priority" in a and a["priority"] != model.prio[sid]:
            diffs.append(f"{sid}: priority {a['priority']}, reference {model.prio[sid]}")
    for p in model.check(assignment):
        diffs.append("infeasible: " + p)
    if all(sid in model.student_by_id for sid in assignment) and len(assignment) == len(model.students):
        obj = model.objective_of(assignment)
        if obj != other.get("objective"):
            diffs.append(f"objective of the reported assignment recomputed: {obj}, "
                         f"reported {other.get('objective')!r}")
    return diffs


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot")
    ap.add_argument("--policy")
    ap.add_argument("--pretty", action="store_true")
    ap.add_argument("--time-limit", type=float)
    ap.add_argument("--check", metavar="RESULT_JSON",
                    help="compare a mentormatch rebalance JSON result with the reference")
    args = ap.parse_args(argv)
    try:
        snap = load_snapshot(args.snapshot)
        pol = load_policy(args.policy)
    except InputError as e:
        print(f"mm_reference: {len(e.errors)} input errors:", file=sys.stderr)
        for x in e.errors:
            print("  " + x, file=sys.stderr)
        return 2
    if tzdata_version() is None:
        print("mm_reference: no time-zone database: install it with `apt-get install -y tzdata`",
              file=sys.stderr)
        return 2
    model = Model(snap, pol)
    res = model.result(args.time_limit)
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            other = json.load(f)
        diffs = check_result(model, res, other)
        res["check"] = {"ok": not diffs, "differences": diffs}
    print(json.dumps(res, indent=2 if args.pretty else None, ensure_ascii=False))
    return 0 if not args.check or not res["check"]["differences"] else 1


if __name__ == "__main__":
    sys.exit(main())
