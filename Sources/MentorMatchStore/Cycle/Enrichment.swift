import Foundation
import MentorMatchData

/// What the store adds to an export before the engine sees it (matching-model v2 inputs the back
/// office does not know): when pairings started, and the moves advisors turned down.
public struct Enrichment: Codable, Sendable, Equatable {
    public struct DeclinedPair: Codable, Sendable, Equatable {
        public var student: String
        public var mentor: String
        public var until: String
        /// The rejection it comes from.
        public var decision: Int64
    }

    /// student → `YYYY-MM-DD`, only where the export gave none.
    public var assignedSince: [String: String]
    /// Only pairs the export does not decline itself.
    public var declined: [DeclinedPair]
    public var declineWeeks: Int

    public init(assignedSince: [String: String] = [:], declined: [DeclinedPair] = [], declineWeeks: Int) {
        self.assignedSince = assignedSince
        self.declined = declined
        self.declineWeeks = declineWeeks
    }

    /// Compact JSON, zlib-compressed (kept with every run).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(self)
        var out = Data()
        var size = UInt32(json.count).bigEndian
        withUnsafeBytes(of: &size) { out.append(contentsOf: $0) }
        out.append(try Deflate.compress(json))
        return out
    }

    public static func decoded(_ data: Data) throws -> Enrichment {
        guard data.count >= 4 else { throw Deflate.Failure.zlib(-3) }
        let size = data.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        let json = try Deflate.decompress(Data(data.dropFirst(4)), size: size)
        return try JSONDecoder().decode(Enrichment.self, from: json)
    }

    /// `snapshot` with the enrichment laid over it (the export's own values untouched).
    public func applied(to snapshot: Snapshot) -> Snapshot {
        var out = snapshot
        for i in out.students.indices where out.students[i].assignedSince == nil {
            if let text = assignedSince[out.students[i].id], let date = CalendarDate(iso: text) {
                out.students[i].assignedSince = date
            }
        }
        out.declined += declined.compactMap { d in
            CalendarDate(iso: d.until).map { Declined(student: d.student, mentor: d.mentor, until: $0) }
        }
        return out
    }
}

/// Computes the enrichment of an export from the store's pairings and standing rejections.
public enum Enricher {
    /// - `assignedSince`: for a student whose export has a current mentor and no `assignedSince`, the
    ///   start of the store's pairing with that same mentor, when known and not after `asOf` (a pairing
    ///   present at the first import has none: its start is unknown).
    /// - `declined`: every standing rejection (the latest decision on its run, student and mentor)
    ///   declines the pair until the decision's date + `declineWeeks` weeks; expired pairs, pairs naming
    ///   a student or mentor no longer in the export, and pairs the export declines itself are left out;
    ///   several rejections of one pair keep the latest `until`. `declineWeeks` 0 declines nothing.
    public static func enrichment(of snapshot: Snapshot, pairings: [Pairing], rejections: [Decision], declineWeeks: Int) -> Enrichment {
        let byStudent = Dictionary(pairings.map { ($0.student, $0) }, uniquingKeysWith: { a, _ in a })
        var since: [String: String] = [:]
        for student in snapshot.students where student.assignedSince == nil {
            guard let mentor = student.currentMentor, let pairing = byStudent[student.id], pairing.mentor == mentor,
                  let start = pairing.since, let date = CalendarDate(iso: start), date <= snapshot.asOf else { continue }
            since[student.id] = start
        }
        let students = Set(snapshot.students.map(\.id)), mentors = Set(snapshot.mentors.map(\.id))
        let exportDeclines = Set(snapshot.declined.map { "\($0.student)\u{0}\($0.mentor)" })
        var declined: [String: Enrichment.DeclinedPair] = [:]
        for rejection in rejections where declineWeeks > 0 {
            guard let mentor = rejection.mentor, students.contains(rejection.student), mentors.contains(mentor),
                  !exportDeclines.contains("\(rejection.student)\u{0}\(mentor)"),
                  let day = CalendarDate(iso: rejection.decidedOn) else { continue }
            let until = day.adding(days: 7 * declineWeeks)
            guard until >= snapshot.asOf else { continue }
            let key = "\(rejection.student)\u{0}\(mentor)"
            if let known = declined[key], let knownUntil = CalendarDate(iso: known.until), knownUntil >= until { continue }
            declined[key] = Enrichment.DeclinedPair(student: rejection.student, mentor: mentor,
                                                    until: until.description, decision: rejection.id ?? 0)
        }
        return Enrichment(assignedSince: since,
                          declined: declined.values.sorted { ($0.student, $0.mentor) < ($1.student, $1.mentor) },
                          declineWeeks: declineWeeks)
    }
}

/// The snapshot a run reads from the store: a stored export, enriched.
public struct EnrichedSnapshot: Sendable {
    public var info: SnapshotInfo
    public var snapshot: Snapshot
    public var enrichment: Enrichment
    /// Reading it from the store and enriching it.
    public var readSeconds: Double
}

extension Store {
    /// Snapshot `version` (the latest when `nil`), enriched with what the store knows now.
    public func enriched(version: Int64? = nil, declineWeeks: Int = Store.defaultDeclineWeeks) throws -> EnrichedSnapshot {
        let start = ContinuousClock.now
        let info = try version.map { try snapshotInfo(version: $0) } ?? latest()
        let export = try load(info)
        let enrichment = Enricher.enrichment(of: export, pairings: try repository.pairings(),
                                             rejections: try repository.standingRejections(), declineWeeks: declineWeeks)
        return EnrichedSnapshot(info: info, snapshot: enrichment.applied(to: export), enrichment: enrichment,
                                readSeconds: start.secondsSince)
    }

    /// Exactly the snapshot run `id` read: its stored export with the enrichment recorded with it.
    public func input(ofRun id: Int64) throws -> EnrichedSnapshot {
        let start = ContinuousClock.now
        guard let run = try repository.run(id: id) else { throw StoreError.unknownRun(id) }
        let info = try snapshotInfo(version: run.snapshotId)
        let enrichment = try Enrichment.decoded(run.enrichment)
        return EnrichedSnapshot(info: info, snapshot: enrichment.applied(to: try load(info)), enrichment: enrichment,
                                readSeconds: start.secondsSince)
    }
}

extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    var secondsSince: Double {
        let d = duration(to: .now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
