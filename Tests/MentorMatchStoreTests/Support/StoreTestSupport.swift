import Foundation
import MentorMatchData
import MentorMatchEngine
@testable import MentorMatchStore

/// Folders, snapshots and stores for the store's tests.
enum Fixture {
    /// The package root (three folders above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let demo = packageRoot.appendingPathComponent("Scenarios/demo/snapshot.json").path
    static let fixtures = packageRoot.appendingPathComponent("Tests/MentorMatchStoreTests/Fixtures").path

    /// A fresh empty folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func demoSnapshot() throws -> Snapshot {
        try SnapshotJSONReader.read(contentsOf: URL(fileURLWithPath: demo)).value
    }

    /// Writes `snapshot` as JSON in `folder` under `name`, returning the path.
    @discardableResult
    static func write(_ snapshot: Snapshot, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try SnapshotJSONWriter.write(snapshot, to: url)
        return url.path
    }

    /// The back office moved `student` to `mentor` (`nil`: none) and does not say since when.
    static func move(_ snapshot: inout Snapshot, _ student: String, to mentor: String?) {
        let i = snapshot.students.firstIndex { $0.id == student }!
        snapshot.students[i].currentMentor = mentor
        snapshot.students[i].assignedSince = nil
    }

    /// The demo without the export's own pairing starts.
    static func demoWithoutStarts() throws -> Snapshot {
        var snapshot = try demoSnapshot()
        for i in snapshot.students.indices { snapshot.students[i].assignedSince = nil }
        return snapshot
    }

    /// 2026-11-24 09:00 UTC plus `days` days.
    static func day(_ days: Int = 0, hour: Int = 9) -> Date {
        Date(timeIntervalSince1970: Double(CalendarDate(year: 2026, month: 11, day: 24).daysSinceEpoch + days) * 86_400 + Double(hour) * 3600)
    }

    /// A store at `folder/store.sqlite` whose clock reads `clock`.
    static func store(in folder: URL, clock: Date = day()) throws -> Store {
        try Store.open(path: folder.appendingPathComponent("store.sqlite").path, create: true, clock: .fixed(clock))
    }

    /// Rebalances `input` with the engine's default pipeline and records the run.
    @discardableResult
    static func rebalance(_ store: Store, policy: Policy = Policy(), declineWeeks: Int = 8) throws -> (RunRecord, RebalanceResult) {
        let input = try store.enriched(declineWeeks: declineWeeks)
        let context = try MatchingContext(snapshot: input.snapshot, policy: policy)
        let result = PricedRebalance().rebalance(context, limits: policy.solveLimits).result
        let run = try store.recordRebalance(result, input: input, context: context,
                                            settings: RunSettings(policy: policy, declineWeeks: declineWeeks, solver: "flow",
                                                                  startedAt: store.clock.now()))
        return (run, result)
    }
}
