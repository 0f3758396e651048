import Foundation
import MentorMatchData
@testable import MentorMatchStore

/// Stores in known states, closed (their log checkpointed into the file), to copy before each trial.
enum Baseline {
    /// The demo imported and one rebalance recorded (run 1), nothing decided.
    static func recorded(in folder: URL) throws -> String {
        let store = try Fixture.store(in: folder)
        _ = try store.importSnapshot(at: Fixture.demo, source: "demo")
        try Fixture.rebalance(store)
        try store.repository.close()
        return folder.appendingPathComponent("store.sqlite").path
    }

    /// `recorded`, with every proposal of run 1 accepted.
    static func decided(in folder: URL) throws -> (store: String, moves: Int) {
        let store = try Store.open(path: try recorded(in: folder), clock: .fixed(Fixture.day()))
        let decisions = try store.decide(run: 1, verdict: .accept, target: .all, actor: "alice", reason: nil)
        try store.repository.close()
        return (folder.appendingPathComponent("store.sqlite").path, decisions.count)
    }

    /// `decided`, applied, plus next week's export: every change carried out but the first, s-0002 moved by the back office.
    static func appliedWithNextExport(in folder: URL) throws -> (store: String, next: String) {
        let (path, _) = try decided(in: folder)
        let store = try Store.open(path: path, clock: .fixed(Fixture.day()))
        let applied = try store.apply(run: 1, onlyValid: false, actor: "carol")
        try store.repository.close()
        var next = try Fixture.demoSnapshot()
        next.asOf = CalendarDate(year: 2026, month: 11, day: 30)
        for c in applied.changes.dropFirst() { Fixture.move(&next, c.student, to: c.toMentor) }
        let moved = Set(applied.changes.map(\.student))
        let other = next.students.first { $0.currentMentor != nil && !moved.contains($0.id) }!
        Fixture.move(&next, other.id, to: other.currentMentor == "m-001" ? "m-002" : "m-001")
        return (path, try Fixture.write(next, "week2.json", in: folder))
    }

    /// A copy of the store file `path` as `name` in `folder`.
    static func copy(_ path: String, to name: String, in folder: URL) throws -> String {
        let target = folder.appendingPathComponent(name).path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        try FileManager.default.copyItem(atPath: path, toPath: target)
        return target
    }
}
