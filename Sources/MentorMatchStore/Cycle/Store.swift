import Foundation
import MentorMatchData

/// The weekly cycle with memory: import, enrich, record runs, decide, apply, reconcile, history.
///
/// The logic lives here and talks to a ``StoreRepository``; the command line only parses and renders.
public final class Store: Sendable {
    public let repository: any StoreRepository
    public let clock: StoreClock

    public init(repository: any StoreRepository, clock: StoreClock = .system) {
        self.repository = repository
        self.clock = clock
    }

    /// The SQLite store at `path` (created by `create` when missing).
    public static func open(path: String, create: Bool = false, clock: StoreClock = .system) throws -> Store {
        Store(repository: try SQLiteStore.open(path: path, create: create), clock: clock)
    }

    /// The default number of weeks a rejected move stays declined.
    public static let defaultDeclineWeeks = 8

    /// The stored snapshot `id`, read back from its canonical JSON.
    public func load(_ info: SnapshotInfo) throws -> Snapshot {
        guard let stored = try repository.snapshot(id: info.id) else { throw StoreError.unknownSnapshot(info.id) }
        return try SnapshotCodec.decode(stored)
    }

    /// The latest snapshot version, or an error saying the store is empty.
    public func latest() throws -> SnapshotInfo {
        guard let info = try repository.latestSnapshotInfo() else { throw StoreError.empty }
        return info
    }

    public func snapshotInfo(version: Int64) throws -> SnapshotInfo {
        guard let info = try repository.snapshotInfos().first(where: { $0.id == version }) else { throw StoreError.unknownSnapshot(version) }
        return info
    }
}
