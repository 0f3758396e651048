import Foundation
import MentorMatchData

/// What `apply` did, and the change list for the back office.
public struct ApplyReport: Sendable {
    public var run: RunRecord
    public var application: Application
    public var changes: [AppliedChange]
    /// `false`: the run had been applied before; nothing changed.
    public var appliedNow: Bool
    /// Moves left out by `--only-valid`.
    public var skipped: [InvalidMove]
}

/// A move an accepted decision asks for.
struct AcceptedMove: Sendable {
    var student: String
    var from: String?
    /// `nil`: the student leaves `from` and gets no mentor.
    var to: String?
    var decision: Decision
}

extension Store {
    /// Applies the accepted moves of `run`, in one transaction: the application, its changes and the
    /// store's pairings. A run applied before changes nothing (and says so). A run whose snapshot is
    /// no longer the latest, or whose moves no longer hold against the latest snapshot and the store's
    /// pairings (a student who left, a mentor now full, …), is refused and those moves are named, unless
    /// `onlyValid` applies the moves that still hold.
    public func apply(run: Int64, onlyValid: Bool, effective: CalendarDate? = nil, actor: String) throws -> ApplyReport {
        let now = clock.now()
        let effectiveDay = (effective ?? CalendarDate.of(now)).description
        // The latest snapshot, parsed outside the transaction; parsed again inside only if an import came between.
        var latest: (info: SnapshotInfo, snapshot: Snapshot)?
        if let info = try repository.latestSnapshotInfo() { latest = (info, try load(info)) }
        var skipped: [InvalidMove] = []
        var runRecord: RunRecord?
        let outcome = try repository.apply(run: run) { state in
            runRecord = state.run.run
            guard state.run.run.kind.isDecidable else { throw StoreError.notDecidable(run: run, kind: state.run.run.kind.rawValue) }
            let moves = MoveCheck.accepted(state.run)
            guard !moves.isEmpty else { throw StoreError.nothingAccepted(run: run) }
            if latest?.info.id != state.latest.id { latest = (state.latest, try load(state.latest)) }
            let snapshot = latest!.snapshot
            let (valid, invalid) = MoveCheck.check(moves, against: snapshot, pairings: state.pairings)
            let stale = state.run.run.snapshotId != state.latest.id
            if !onlyValid, stale || !invalid.isEmpty {
                let reason = stale
                    ? "its snapshot (version \(state.run.run.snapshotId)) is no longer the latest (version \(state.latest.id), as of \(state.latest.asOf))"
                    : "some of its moves no longer hold against the store's pairings"
                throw StoreError.movesNoLongerHold(run: run, reason: reason, invalid: invalid)
            }
            if valid.isEmpty {
                throw StoreError.movesNoLongerHold(run: run, reason: "none of its accepted moves still holds", invalid: invalid)
            }
            skipped = invalid
            let skippedJSON = String(decoding: try JSONEncoder().encode(invalid.map {
                ["student": $0.student, "from": $0.from ?? "", "to": $0.to ?? "", "why": $0.why]
            }), as: UTF8.self)
            let application = Application(runId: run, appliedAt: now, effective: effectiveDay, snapshotId: state.latest.id,
                                          onlyValid: onlyValid, appliedCount: valid.count, skipped: skippedJSON, actor: actor)
            let changes = valid.map {
                AppliedChange(runId: run, student: $0.student, fromMentor: $0.from, toMentor: $0.to, effective: effectiveDay,
                              decidedBy: $0.decision.actor, decisionId: $0.decision.id ?? 0)
            }
            return ApplyPlan(application: application, changes: changes)
        }
        if !outcome.appliedNow, let stored = try? JSONDecoder().decode([[String: String]].self, from: Data(outcome.application.skipped.utf8)) {
            skipped = stored.map { InvalidMove(student: $0["student"] ?? "", from: $0["from"].flatMap { $0.isEmpty ? nil : $0 },
                                               to: $0["to"].flatMap { $0.isEmpty ? nil : $0 }, why: $0["why"] ?? "") }
        }
        guard let record = try runRecord ?? repository.run(id: run) else { throw StoreError.unknownRun(run) }
        return ApplyReport(run: record, application: outcome.application, changes: outcome.changes,
                           appliedNow: outcome.appliedNow, skipped: skipped)
    }
}

/// Which accepted moves still hold.
enum MoveCheck {
    /// The moves the latest decision on each student accepts: a rebalance's move, or a suggest
    /// alternative with its chain. Ordered by student (chain moves after the student they make room for).
    static func accepted(_ state: RunState) -> [AcceptedMove] {
        var latest: [String: Decision] = [:]
        for d in state.decisions { latest[d.student] = d }
        var moves: [AcceptedMove] = []
        for student in latest.keys.sorted() {
            let d = latest[student]!
            guard d.verdict == .accept,
                  let chosen = state.proposals.first(where: { $0.student == student && $0.toMentor == d.mentor && $0.change != "chain" })
            else { continue }
            moves.append(AcceptedMove(student: student, from: chosen.fromMentor, to: d.mentor, decision: d))
            for c in state.proposals where c.rank == chosen.rank && c.forStudent == student && c.change == "chain" {
                moves.append(AcceptedMove(student: c.student, from: c.fromMentor, to: c.toMentor, decision: d))
            }
        }
        return moves
    }

    /// Splits `moves` into those that hold against the latest snapshot and the store's pairings, and
    /// those that do not (with why): the student and the mentor must still be in the snapshot, the
    /// mentor active and on the student's path and language, the student still with `from` (the
    /// store's view: the export plus the moves applied since), not locked elsewhere, and the mentor's
    /// seats must hold every arrival once all valid moves are made.
    static func check(_ moves: [AcceptedMove], against snapshot: Snapshot, pairings: [String: Pairing]) -> (valid: [AcceptedMove], invalid: [InvalidMove]) {
        let students = Dictionary(snapshot.students.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mentors = Dictionary(snapshot.mentors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let locks = Dictionary(snapshot.locks.map { ($0.student, $0.mentor) }, uniquingKeysWith: { a, _ in a })
        var invalid: [InvalidMove] = []
        var candidates: [AcceptedMove] = []
        var movers = Set<String>()
        for move in moves {
            func refuse(_ why: String) { invalid.append(InvalidMove(student: move.student, from: move.from, to: move.to, why: why)) }
            guard let student = students[move.student] else { refuse("the student is no longer in the latest snapshot"); continue }
            if let to = move.to {
                guard let mentor = mentors[to] else { refuse("mentor \(to) is no longer in the latest snapshot"); continue }
                if !mentor.active { refuse("mentor \(to) is inactive"); continue }
                if !mentor.paths.contains(student.path) { refuse("mentor \(to) no longer teaches \(student.path)"); continue }
                if !mentor.languages.contains(student.language) { refuse("mentor \(to) no longer mentors in \(student.language)"); continue }
            }
            let current = pairings[move.student]?.mentor
            if current != move.from {
                refuse(current.map { "the student is now with \($0)" } ?? "the student now has no mentor")
                continue
            }
            if let lock = locks[move.student], lock != move.to { refuse("an advisor locked the student on \(lock)"); continue }
            if !movers.insert(move.student).inserted { refuse("another accepted move of this student comes first"); continue }
            candidates.append(move)
        }
        // Seats: drop arrivals at an over-full mentor (the last students by id first) until every mentor fits.
        var load: [String: Int] = [:]
        for p in pairings.values { load[p.mentor, default: 0] += 1 }
        while true {
            var after = load
            for m in candidates {
                if let from = m.from { after[from, default: 0] -= 1 }
                if let to = m.to { after[to, default: 0] += 1 }
            }
            let arriving = Set(candidates.compactMap(\.to))
            guard let full = after.filter({ arriving.contains($0.key) && (mentors[$0.key]?.capacity ?? Int.max) < $0.value })
                    .keys.min(),
                  let drop = candidates.lastIndex(where: { $0.to == full }) else { break }
            let m = candidates.remove(at: drop)
            invalid.append(InvalidMove(student: m.student, from: m.from, to: m.to,
                                       why: "mentor \(full) is now full (capacity \(mentors[full]!.capacity))"))
        }
        return (candidates, invalid.sorted { $0.student < $1.student })
    }
}
