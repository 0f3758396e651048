import Foundation
import GRDB

/// The store in one SQLite file, through GRDB: a `DatabasePool` in WAL mode (readers never wait for
/// the writer), foreign keys on, writers serialised across processes by `BEGIN IMMEDIATE` with a busy
/// timeout, the schema brought up to date by ``StoreSchema/migrator`` when opened.
public final class SQLiteStore: StoreRepository {
    public let location: String
    let pool: DatabasePool

    /// Opens the store at `path`. A missing file is created (fully migrated, then moved into place, so
    /// that no half-made store is ever seen) only when `create` is set; a file that is not a
    /// MentorMatch store, or one from a newer schema, is refused before anything is written to it.
    public static func open(path: String, create: Bool) throws -> SQLiteStore {
        switch try StoreFileCheck.inspect(path: path) {
        case .store:
            break
        case .missing:
            guard create else { throw StoreError.noStore(path: path) }
            try createStore(at: path)
            guard try StoreFileCheck.inspect(path: path) == .store else { throw StoreError.noStore(path: path) }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try durable(pool)
            try StoreSchema.migrator.migrate(pool)
            return SQLiteStore(location: path, pool: pool)
        } catch let error as DatabaseError {
            throw StoreError.damaged(path: path, message: error.message ?? error.resultCode.description)
        }
    }

    /// GRDB sets `synchronous = NORMAL` on the writer in WAL mode (a power cut may lose the last
    /// commits); the store syncs every commit (`FULL`): an applied run whose change list went to the
    /// back office is never forgotten.
    static func durable(_ pool: DatabasePool) throws {
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    }

    /// A new store whose schema stops at `migration`: how the tests' fixture of an older schema was made.
    static func create(path: String, upTo migration: String) throws -> SQLiteStore {
        let pool = try DatabasePool(path: path, configuration: configuration())
        try StoreSchema.migrator.migrate(pool, upTo: migration)
        return SQLiteStore(location: path, pool: pool)
    }

    init(location: String, pool: DatabasePool) {
        self.location = location
        self.pool = pool
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(120)
        return configuration
    }

    /// A new store: migrated under a temporary name beside `path`, closed (its WAL checkpointed), then
    /// linked into place; if another process created `path` meanwhile, that store is kept.
    static func createStore(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).creating-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
        }
        do {
            let store = SQLiteStore(location: temporary, pool: try DatabasePool(path: temporary, configuration: configuration()))
            try StoreSchema.migrator.migrate(store.pool)
            try store.close()
        }
        if link(temporary, path) != 0, errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                NSLocalizedDescriptionKey: "cannot create \(path): \(String(cString: strerror(errno)))"])
        }
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: it waits for any other writer first, so that
    /// what it reads is still true when it writes.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                StoreTrace.step("commit")
                return .commit
            }
            StoreTrace.step("committed")
            return result!
        }
    }

    // MARK: Snapshots

    public func snapshotInfo(sha256: String) throws -> SnapshotInfo? {
        try pool.read { db in try Self.snapshotInfo(db, sha256: sha256) }
    }

    static func snapshotInfo(_ db: Database, sha256: String) throws -> SnapshotInfo? {
        try SnapshotInfo.fetchOne(db, sql: "SELECT \(SnapshotInfo.selection) FROM snapshot WHERE sha256 = ?", arguments: [sha256])
    }

    static func latestSnapshotInfo(_ db: Database) throws -> SnapshotInfo? {
        try SnapshotInfo.fetchOne(db, sql: "SELECT \(SnapshotInfo.selection) FROM snapshot ORDER BY id DESC LIMIT 1")
    }

    public func snapshotInfos() throws -> [SnapshotInfo] {
        try pool.read { db in try SnapshotInfo.fetchAll(db, sql: "SELECT \(SnapshotInfo.selection) FROM snapshot ORDER BY id") }
    }

    public func latestSnapshotInfo() throws -> SnapshotInfo? {
        try pool.read { db in try Self.latestSnapshotInfo(db) }
    }

    public func snapshot(id: Int64) throws -> StoredSnapshot? {
        try pool.read { db in try StoredSnapshot.fetchOne(db, key: id) }
    }

    public func importSnapshot(_ snapshot: StoredSnapshot, plan: (ImportState) throws -> ImportPlan) throws
        -> (info: SnapshotInfo, added: Bool, plan: ImportPlan?) {
        try writeTransaction { db in
            if let existing = try Self.snapshotInfo(db, sha256: snapshot.sha256) { return (existing, false, nil) }
            let latest = try Self.latestSnapshotInfo(db)
            let state = ImportState(
                latest: latest,
                pairings: try Pairing.fetchAll(db),
                unreconciled: try AppliedChange.fetchAll(db, sql: "SELECT * FROM appliedChange WHERE reconciledSnapshotId IS NULL ORDER BY id"),
                nextVersion: (try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'snapshot'") ?? 0) + 1)
            let decided = try plan(state)
            var record = snapshot
            try record.insert(db)
            let version = record.id!
            StoreTrace.step("snapshot inserted")
            try db.execute(sql: "DELETE FROM pairing")
            StoreTrace.step("pairings cleared")
            for (i, var pairing) in decided.pairings.enumerated() {
                pairing.snapshotId = version
                try pairing.insert(db)
                if i % 20 == 19 { StoreTrace.step("pairings \(i + 1)") }
            }
            StoreTrace.step("pairings written")
            for var difference in decided.differences {
                difference.snapshotId = version
                try difference.insert(db)
            }
            try db.execute(sql: "UPDATE appliedChange SET reconciledSnapshotId = ? WHERE reconciledSnapshotId IS NULL",
                           arguments: [version])
            StoreTrace.step("reconciled")
            let info = try Self.snapshotInfo(db, sha256: snapshot.sha256)!
            return (info, true, decided)
        }
    }

    // MARK: Pairings

    public func pairings() throws -> [Pairing] {
        try pool.read { db in try Pairing.fetchAll(db) }
    }

    public func pairing(student: String) throws -> Pairing? {
        try pool.read { db in try Pairing.fetchOne(db, key: student) }
    }

    // MARK: Runs

    public func recordRun(_ run: RunRecord, proposals: [Proposal]) throws -> RunRecord {
        let start = ContinuousClock.now
        return try writeTransaction { db in
            var record = run
            try record.insert(db)
            let id = record.id!
            for var proposal in proposals {
                proposal.runId = id
                try proposal.insert(db)
            }
            // The recording time covers the inserts above (the commit follows at once).
            let elapsed = start.duration(to: .now)
            record.recordSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            try db.execute(sql: "UPDATE run SET recordSeconds = ? WHERE id = ?", arguments: [record.recordSeconds, id])
            return record
        }
    }

    public func run(id: Int64) throws -> RunRecord? {
        try pool.read { db in try RunRecord.fetchOne(db, key: id) }
    }

    /// The run's columns without its enrichment (listings and histories do not need it).
    static let runColumns = """
        id, kind, snapshotId, startedAt, finishedAt, policy, declineWeeks, tzdata, solver, toolVersion, status, objective,
        bound, gap, maxMoves, readSeconds, solveSeconds, recordSeconds, parameters, X'' AS enrichment, summary
        """

    public func runListings() throws -> [RunListing] {
        try pool.read { db in
            let runs = try RunRecord.fetchAll(db, sql: "SELECT \(Self.runColumns) FROM run ORDER BY id")
            let asOf = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, asOf FROM snapshot")
                .map { ($0["id"] as Int64, $0["asOf"] as String) })
            let counts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT runId, COUNT(*) AS n FROM proposal WHERE rank <= 1 AND change != 'chain' GROUP BY runId
                """).map { ($0["runId"] as Int64, $0["n"] as Int) })
            // The latest decision on each (run, student) counts.
            let verdicts = try Row.fetchAll(db, sql: """
                SELECT d.runId, d.verdict, COUNT(*) AS n FROM decision d
                WHERE d.id = (SELECT MAX(id) FROM decision e WHERE e.runId = d.runId AND e.student = d.student)
                GROUP BY d.runId, d.verdict
                """)
            var accepted: [Int64: Int] = [:], rejected: [Int64: Int] = [:]
            for row in verdicts {
                let run: Int64 = row["runId"], n: Int = row["n"]
                if (row["verdict"] as String) == "accept" { accepted[run] = n } else { rejected[run] = n }
            }
            let applications = Dictionary(uniqueKeysWithValues: try Application.fetchAll(db).map { ($0.runId, $0) })
            return runs.map { run in
                RunListing(run: run, asOf: asOf[run.snapshotId] ?? "", proposals: counts[run.id!] ?? 0,
                           accepted: accepted[run.id!] ?? 0, rejected: rejected[run.id!] ?? 0, applied: applications[run.id!])
            }
        }
    }

    public func proposals(run: Int64) throws -> [Proposal] {
        try pool.read { db in try Self.proposals(db, run: run) }
    }

    static func proposals(_ db: Database, run: Int64) throws -> [Proposal] {
        try Proposal.fetchAll(db, sql: "SELECT * FROM proposal WHERE runId = ? ORDER BY rank, student", arguments: [run])
    }

    static func runState(_ db: Database, run id: Int64) throws -> RunState {
        guard let run = try RunRecord.fetchOne(db, key: id) else { throw StoreError.unknownRun(id) }
        return RunState(run: run, proposals: try proposals(db, run: id),
                        decisions: try Decision.fetchAll(db, sql: "SELECT * FROM decision WHERE runId = ? ORDER BY id", arguments: [id]),
                        application: try Application.fetchOne(db, key: id))
    }

    // MARK: Decisions

    public func appendDecisions(run: Int64, check: (RunState) throws -> [Decision]) throws -> [Decision] {
        try writeTransaction { db in
            var written: [Decision] = []
            for var decision in try check(try Self.runState(db, run: run)) {
                try decision.insert(db)
                written.append(decision)
            }
            return written
        }
    }

    public func decisions(run: Int64) throws -> [Decision] {
        try pool.read { db in try Decision.fetchAll(db, sql: "SELECT * FROM decision WHERE runId = ? ORDER BY id", arguments: [run]) }
    }

    public func standingRejections() throws -> [Decision] {
        try pool.read { db in
            try Decision.fetchAll(db, sql: """
                SELECT * FROM decision d WHERE d.verdict = 'reject'
                AND d.id = (SELECT MAX(id) FROM decision e WHERE e.runId = d.runId AND e.student = d.student AND e.mentor = d.mentor)
                ORDER BY d.id
                """)
        }
    }

    // MARK: Applying

    public func apply(run: Int64, plan: (ApplyState) throws -> ApplyPlan) throws -> ApplyOutcome {
        try writeTransaction { db in
            let state = try Self.runState(db, run: run)
            if let done = state.application {
                let changes = try AppliedChange.fetchAll(db, sql: "SELECT * FROM appliedChange WHERE runId = ? ORDER BY id", arguments: [run])
                return ApplyOutcome(application: done, changes: changes, appliedNow: false)
            }
            guard let latest = try Self.latestSnapshotInfo(db) else { throw StoreError.empty }
            let pairings = Dictionary(uniqueKeysWithValues: try Pairing.fetchAll(db).map { ($0.student, $0) })
            let decided = try plan(ApplyState(run: state, latest: latest, pairings: pairings))
            StoreTrace.step("apply planned")
            try decided.application.insert(db)
            StoreTrace.step("application inserted")
            var written: [AppliedChange] = []
            for (i, var change) in decided.changes.enumerated() {
                try change.insert(db)
                if let mentor = change.toMentor {
                    try Pairing(student: change.student, mentor: mentor, since: change.effective, origin: .apply,
                                snapshotId: latest.id).save(db)
                } else {
                    _ = try Pairing.deleteOne(db, key: change.student)
                }
                written.append(change)
                StoreTrace.step("change \(i + 1)")
            }
            return ApplyOutcome(application: decided.application, changes: written, appliedNow: true)
        }
    }

    public func appliedChanges(run: Int64) throws -> [AppliedChange] {
        try pool.read { db in
            try AppliedChange.fetchAll(db, sql: "SELECT * FROM appliedChange WHERE runId = ? ORDER BY id", arguments: [run])
        }
    }

    // MARK: History

    public func history(student: String) throws -> StudentHistory {
        try pool.read { db in
            let proposals = try Proposal.fetchAll(db, sql: "SELECT * FROM proposal WHERE student = ? ORDER BY runId, rank", arguments: [student])
            let runIds = Array(Set(proposals.map(\.runId))).sorted()
            let runs = Dictionary(uniqueKeysWithValues: try RunRecord.fetchAll(
                db, sql: "SELECT \(Self.runColumns) FROM run WHERE id IN (\(runIds.map(String.init).joined(separator: ",")))"
            ).map { ($0.id!, $0) })
            let asOf = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, asOf FROM snapshot")
                .map { ($0["id"] as Int64, $0["asOf"] as String) })
            let entries = proposals.compactMap { p -> StudentHistory.ProposalEntry? in
                guard let run = runs[p.runId] else { return nil }
                return StudentHistory.ProposalEntry(proposal: p, run: run, asOf: asOf[run.snapshotId] ?? "")
            }
            let decisions = try Decision.fetchAll(db, sql: "SELECT * FROM decision WHERE student = ? ORDER BY id", arguments: [student])
            let changes = try AppliedChange.fetchAll(db, sql: "SELECT * FROM appliedChange WHERE student = ? ORDER BY id", arguments: [student])
            let differences = try Difference.fetchAll(db, sql: "SELECT * FROM difference WHERE student = ? ORDER BY id", arguments: [student])
            return StudentHistory(student: student, proposals: entries, decisions: decisions, changes: changes,
                                  differences: differences.map { ($0, asOf[$0.snapshotId] ?? "") },
                                  pairing: try Pairing.fetchOne(db, key: student))
        }
    }

    /// Checkpoints the log into the file (TRUNCATE), then closes every connection. GRDB closes the
    /// writer before the readers, so closing alone may leave the log beside the file.
    public func close() throws {
        try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try pool.close()
    }

    public func backup(to path: String) throws {
        let target = try DatabaseQueue(path: path)
        try pool.backup(to: target)
        try target.close()
    }
}
