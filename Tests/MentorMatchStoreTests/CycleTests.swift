import Foundation
import MentorMatchData
import MentorMatchEngine
import Testing
@testable import MentorMatchStore

/// The weekly cycle on the demo school: run, decide, apply, import the next export, enrich.
@Suite struct CycleTests {
    /// A store with the demo imported and one rebalance recorded.
    static func started(_ folder: URL) throws -> (Store, RunRecord, RebalanceResult) {
        let store = try Fixture.store(in: folder)
        _ = try store.importSnapshot(at: Fixture.demo, source: "demo")
        let (run, result) = try Fixture.rebalance(store)
        return (store, run, result)
    }

    @Test func aRunIsRecordedWithEveryProposalAndItsInputs() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, run, result) = try Self.started(folder)
        #expect(run.id == 1 && run.snapshotId == 1 && run.kind == .rebalance)
        #expect(run.status == "optimal" && run.objective == result.objective.map(Int64.init) && run.bound == run.objective)
        #expect(run.tzdata == result.tzdata && run.tzdata != nil)
        #expect(run.policy.contains("\"declineWeeks\":8") && run.policy.contains("\"moveCost\":150"))
        #expect(run.toolVersion == ToolVersion.current && run.solver == "flow")
        let moves = result.entries.filter { [.move, .forced, .new].contains($0.change) || ($0.change == .unassigned && $0.previousMentor != nil) }
        let proposals = try store.repository.proposals(run: 1)
        #expect(proposals.count == moves.count && !proposals.isEmpty)
        for (p, e) in zip(proposals, moves.sorted { $0.student < $1.student }) {
            #expect(p.student == e.student && p.toMentor == e.mentor && p.fromMentor == e.previousMentor)
            #expect(p.fitAfter == e.fit && p.fitBefore == e.previousFit && p.change == e.change.rawValue)
            #expect((p.toMentor == nil) == (p.styleAfter == nil) && (p.fromMentor == nil) == (p.styleBefore == nil))
        }
        let listing = try store.runs()
        #expect(listing.count == 1 && listing[0].proposals == proposals.count && listing[0].applied == nil)
    }

    @Test func decideAcceptsAndRejectsAppendOnly() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, _) = try Self.started(folder)
        let proposals = try store.repository.proposals(run: 1)
        let a = proposals[0].student, b = proposals[1].student
        _ = try store.decide(run: 1, verdict: .accept, target: .students([a, b]), actor: "alice", reason: "fine")
        _ = try store.decide(run: 1, verdict: .reject, target: .students([b]), actor: "bob", reason: "family reasons")
        let decisions = try store.repository.decisions(run: 1)
        #expect(decisions.map(\.verdict) == [.accept, .accept, .reject])
        #expect(decisions.map(\.actor) == ["alice", "alice", "bob"])
        #expect(decisions.allSatisfy { $0.decidedOn == "2026-11-24" })
        let listing = try store.runs()[0]
        #expect(listing.accepted == 1 && listing.rejected == 1)
        // The schema itself refuses to change a decision.
        let pool = (store.repository as! SQLiteStore).pool
        #expect(throws: (any Error).self) { try pool.write { try $0.execute(sql: "UPDATE decision SET verdict = 'accept'") } }
        #expect(throws: (any Error).self) { try pool.write { try $0.execute(sql: "DELETE FROM decision") } }
    }

    @Test func badIdsAreRefusedAndWriteNothing() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, _) = try Self.started(folder)
        let student = try store.repository.proposals(run: 1)[0].student
        #expect(throws: StoreError.unknownRun(9)) { try store.decide(run: 9, verdict: .accept, target: .all, actor: "a", reason: nil) }
        // One bad student in the list: none of the decisions is written.
        #expect(throws: StoreError.studentNotInRun(run: 1, student: "s-9999")) {
            try store.decide(run: 1, verdict: .accept, target: .students([student, "s-9999"]), actor: "a", reason: nil)
        }
        #expect(throws: StoreError.mentorNotProposed(run: 1, student: student, mentor: "m-999")) {
            try store.decide(run: 1, verdict: .accept, target: .students([student]), mentor: "m-999", actor: "a", reason: nil)
        }
        #expect(throws: StoreError.unknownRun(9)) { try store.apply(run: 9, onlyValid: false, actor: "a") }
        #expect(throws: StoreError.nothingAccepted(run: 1)) { try store.apply(run: 1, onlyValid: false, actor: "a") }
        #expect(throws: StoreError.unknownStudent("s-9999")) { try store.history(student: "s-9999") }
        #expect(try store.repository.decisions(run: 1).isEmpty)
        #expect(try store.repository.appliedChanges(run: 1).isEmpty)
    }

    @Test func applyIsOneTransactionAndIdempotent() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, _) = try Self.started(folder)
        let proposals = try store.repository.proposals(run: 1)
        _ = try store.decide(run: 1, verdict: .accept, target: .all, actor: "alice", reason: nil)
        // Rejecting a new assignment frees a seat: the other moves still hold together.
        let rejected = proposals.first { $0.change == "new" }!.student
        _ = try store.decide(run: 1, verdict: .reject, target: .students([rejected]), actor: "bob", reason: "no")
        let report = try store.apply(run: 1, onlyValid: false, actor: "carol")
        #expect(report.appliedNow && report.changes.count == proposals.count - 1)
        #expect(report.application.effective == "2026-11-24" && report.skipped.isEmpty)
        #expect(!report.changes.contains { $0.student == rejected })
        #expect(report.changes.allSatisfy { $0.decidedBy == "alice" })
        let pairings = Dictionary(uniqueKeysWithValues: try store.repository.pairings().map { ($0.student, $0) })
        for c in report.changes {
            if c.toMentor == nil {
                #expect(pairings[c.student] == nil)  // left without a mentor
            } else {
                #expect(pairings[c.student]?.mentor == c.toMentor && pairings[c.student]?.since == "2026-11-24"
                        && pairings[c.student]?.origin == .apply)
            }
        }
        let again = try store.apply(run: 1, onlyValid: false, actor: "carol")
        #expect(!again.appliedNow && again.changes == report.changes)
        #expect(try store.repository.appliedChanges(run: 1).count == report.changes.count)
        // Decisions on an applied run are closed.
        #expect(throws: StoreError.alreadyApplied(run: 1, on: "2026-11-24")) {
            try store.decide(run: 1, verdict: .reject, target: .all, actor: "a", reason: nil)
        }
    }

    @Test func aStaleRunIsRefusedNamingMovesThatNoLongerHoldUnlessOnlyValid() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, _) = try Self.started(folder)
        let proposals = try store.repository.proposals(run: 1)
        _ = try store.decide(run: 1, verdict: .accept, target: .all, actor: "alice", reason: nil)
        // Next week's export: the first mover left the school; the rest is unchanged.
        var next = try Fixture.demoSnapshot()
        next.asOf = CalendarDate(year: 2026, month: 11, day: 30)
        let gone = proposals[0].student
        next.students.removeAll { $0.id == gone }
        next.feedback.removeAll { $0.student == gone }
        next.locks.removeAll { $0.student == gone }
        _ = try store.importSnapshot(at: try Fixture.write(next, "week2.json", in: folder), source: "week2")
        do {
            _ = try store.apply(run: 1, onlyValid: false, actor: "carol")
            Issue.record("a stale run was applied")
        } catch let StoreError.movesNoLongerHold(run, reason, invalid) {
            #expect(run == 1 && reason.contains("no longer the latest"))
            #expect(invalid.map(\.student) == [gone] && invalid[0].why == "the student is no longer in the latest snapshot")
        }
        #expect(try store.repository.appliedChanges(run: 1).isEmpty)
        let report = try store.apply(run: 1, onlyValid: true, actor: "carol")
        #expect(report.appliedNow && report.changes.count == proposals.count - 1 && report.skipped.map(\.student) == [gone])
        #expect(report.application.snapshotId == 2)
    }

    @Test func theNextImportReconcilesAndEnrichesAssignedSince() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, _) = try Self.started(folder)
        let proposals = try store.repository.proposals(run: 1)
        _ = try store.decide(run: 1, verdict: .accept, target: .all, actor: "alice", reason: nil)
        let applied = try store.apply(run: 1, onlyValid: false, effective: CalendarDate(year: 2026, month: 11, day: 25), actor: "carol")
        // The back office carries out every change but the first; and moves s-0002 on its own.
        var next = try Fixture.demoSnapshot()
        next.asOf = CalendarDate(year: 2026, month: 11, day: 30)
        for c in applied.changes.dropFirst() { Fixture.move(&next, c.student, to: c.toMentor) }
        // A student no run moved changes mentor in the back office.
        let moved = Set(applied.changes.map(\.student))
        let other = next.students.firstIndex { $0.currentMentor != nil && !moved.contains($0.id) }!
        let otherId = next.students[other].id
        let otherBefore = next.students[other].currentMentor
        let otherAfter = next.mentors.first { $0.id != otherBefore }!.id
        Fixture.move(&next, otherId, to: otherAfter)
        let report = try store.importSnapshot(at: try Fixture.write(next, "week2.json", in: folder), source: "week2")
        let diffs = report.plan!.differences
        #expect(diffs.filter { $0.kind == .carriedOut }.count == applied.changes.count - 1)
        let missing = diffs.filter { $0.kind == .notCarriedOut }
        #expect(missing.map(\.student) == [applied.changes[0].student] && missing[0].expected == applied.changes[0].toMentor
                && missing[0].found == applied.changes[0].fromMentor)
        let unproposed = diffs.filter { $0.kind == .unproposed }
        #expect(unproposed.map(\.student) == [otherId] && unproposed[0].expected == otherBefore && unproposed[0].found == otherAfter)
        // Enrichment: moves carried out start at their effective date, s-0002 at the import's asOf, the rest unknown.
        let enriched = try store.enriched()
        #expect(enriched.info.id == 2)
        let carried = applied.changes.dropFirst().filter { $0.toMentor != nil }
        for c in carried { #expect(enriched.enrichment.assignedSince[c.student] == "2026-11-25") }
        #expect(enriched.enrichment.assignedSince[otherId] == "2026-11-30")
        #expect(enriched.enrichment.assignedSince[applied.changes[0].student] == nil)
        #expect(enriched.enrichment.assignedSince.count == carried.count + 1)
        let since = Dictionary(uniqueKeysWithValues: enriched.snapshot.students.map { ($0.id, $0.assignedSince) })
        #expect(since[otherId]! == CalendarDate(year: 2026, month: 11, day: 30))
        _ = proposals
        // History names the run, the decision and the change.
        let h = try store.history(student: carried.first!.student)
        #expect(h.proposals.count == 1 && h.decisions.count == 1 && h.changes.count == 1)
        #expect(h.differences.map(\.difference.kind) == [.carriedOut])
    }

    @Test func rejectionsBecomeDeclinedPairsForDeclineWeeks() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, _) = try Self.started(folder)
        let proposals = try store.repository.proposals(run: 1).filter { $0.change == "move" }
        let rejected = proposals[0]
        _ = try store.decide(run: 1, verdict: .reject, target: .students([rejected.student]), actor: "alice", reason: "no")
        let enriched = try store.enriched(declineWeeks: 8)
        #expect(enriched.enrichment.declined.map { [$0.student, $0.mentor, $0.until] }
                == [[rejected.student, rejected.toMentor!, "2027-01-19"]])
        #expect(enriched.snapshot.declined.contains(Declined(student: rejected.student, mentor: rejected.toMentor!,
                                                             until: CalendarDate(year: 2027, month: 1, day: 19))))
        // The next run does not propose it again.
        let (_, result) = try Fixture.rebalance(store)
        #expect(result.entries.first { $0.student == rejected.student }?.mentor != rejected.toMentor)
        // --decline-weeks 0: rejections decline nothing.
        #expect(try store.enriched(declineWeeks: 0).enrichment.declined.isEmpty)
        // A later acceptance of the same pair lifts the rejection.
        _ = try store.decide(run: 1, verdict: .accept, target: .students([rejected.student]), actor: "bob", reason: "changed my mind")
        #expect(try store.enriched().enrichment.declined.isEmpty)
    }

    @Test func theExportsOwnValuesWin() throws {
        var snapshot = try Fixture.demoSnapshot()
        let i = snapshot.students.firstIndex { $0.currentMentor != nil }!
        let student = snapshot.students[i]
        snapshot.students[i].assignedSince = CalendarDate(year: 2026, month: 9, day: 1)
        snapshot.declined = [Declined(student: student.id, mentor: "m-001", until: CalendarDate(year: 2026, month: 12, day: 1))]
        let pairings = [Pairing(student: student.id, mentor: student.currentMentor!, since: "2026-11-02", origin: .apply, snapshotId: 1)]
        let rejection = Decision(id: 1, runId: 1, student: student.id, mentor: "m-001", verdict: .reject, actor: "a", reason: nil,
                                 decidedAt: Fixture.day(), decidedOn: "2026-11-24")
        let e = Enricher.enrichment(of: snapshot, pairings: pairings, rejections: [rejection], declineWeeks: 8)
        #expect(e.assignedSince.isEmpty && e.declined.isEmpty)
        let applied = e.applied(to: snapshot)
        #expect(applied.students[i].assignedSince == CalendarDate(year: 2026, month: 9, day: 1))
        #expect(applied.declined.count == 1 && applied.declined[0].until == CalendarDate(year: 2026, month: 12, day: 1))
    }

    @Test func suggestRunsAreDecidedOnAnAlternativeWithItsChain() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        _ = try store.importSnapshot(at: Fixture.demo, source: "demo")
        let input = try store.enriched()
        let context = try MatchingContext(snapshot: input.snapshot, policy: Policy())
        // s-0024 has no mentor; m-004 (full) takes them if s-0017 moves on to m-019 (the demo's only chain).
        let result = try SuggestIndex(context).suggest(student: "s-0024", chainMoves: 1, alternatives: 3)
        let run = try store.recordSuggest(result, input: input, context: context,
                                          settings: RunSettings(policy: Policy(), declineWeeks: 8, solver: "suggest", startedAt: Fixture.day()),
                                          chainMoves: 1, alternatives: 3, solveSeconds: 0.001)
        #expect(run.kind == .suggest)
        try #require(result.proposals.count == 2)
        #expect(result.proposals[0].mentor == "m-004" && result.proposals[0].chain.map(\.student) == ["s-0017"])
        #expect(result.proposals[1].mentor == "m-019" && result.proposals[1].chain.isEmpty)
        // The chain's student is part of the package, not decided on alone.
        #expect(throws: StoreError.studentNotInRun(run: 1, student: "s-0017")) {
            try store.decide(run: 1, verdict: .accept, target: .students(["s-0017"]), actor: "a", reason: nil)
        }
        // The second alternative rejected (declined), the best one accepted: it brings its chain.
        _ = try store.decide(run: 1, verdict: .reject, target: .students(["s-0024"]), mentor: "m-019", actor: "alice", reason: "no")
        _ = try store.decide(run: 1, verdict: .accept, target: .all, actor: "alice", reason: "asked twice")
        #expect(try store.enriched().enrichment.declined.map(\.mentor) == ["m-019"])
        let applied = try store.apply(run: 1, onlyValid: false, actor: "alice")
        #expect(applied.changes.map { [$0.student, $0.fromMentor ?? "-", $0.toMentor ?? "-"] } == [["s-0024", "-", "m-004"], ["s-0017", "m-004", "m-019"]])
        let h = try store.history(student: "s-0017")
        #expect(h.proposals.map(\.proposal.forStudent) == ["s-0024"] && h.changes.count == 1)
    }
}
