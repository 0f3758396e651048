/// Why the store refused a request. Every case is an input error for the command line (exit status 2):
/// the store and every file given are left as they were.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file given as a store is not one (another SQLite database, a text file, a truncated store, …).
    case notAStore(path: String, why: String)
    /// The store was written by a newer MentorMatch (a schema migration this version does not know).
    case newerSchema(path: String, unknown: [String])
    /// No store at this path (only `import` creates one).
    case noStore(path: String)
    /// The store holds no snapshot yet.
    case empty
    /// An imported snapshot older than the latest one.
    case olderThanLatest(asOf: String, latestVersion: Int64, latestAsOf: String)
    case unknownRun(Int64)
    case unknownSnapshot(Int64)
    /// A run of a kind that proposes nothing to decide or apply (what-if).
    case notDecidable(run: Int64, kind: String)
    case studentNotInRun(run: Int64, student: String)
    /// `history`: the store has no record of this student.
    case unknownStudent(String)
    /// `--mentor` names no proposal of the run for the student (or no mentor of the snapshot).
    case mentorNotProposed(run: Int64, student: String, mentor: String)
    /// A decision on a run already applied.
    case alreadyApplied(run: Int64, on: String)
    case nothingAccepted(run: Int64)
    /// The run's snapshot is not the latest, or moves no longer hold: listed, nothing applied.
    case movesNoLongerHold(run: Int64, reason: String, invalid: [InvalidMove])
    /// The store's content is damaged (SQLite reported corruption).
    case damaged(path: String, message: String)

    public var description: String {
        switch self {
        case .notAStore(let path, let why):
            return "\(path) is not a MentorMatch store: \(why); the file was left as it was"
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer MentorMatch (schema \(unknown.joined(separator: ", ")) is unknown to this version); "
                + "the file was left as it was: use a newer mentormatch"
        case .noStore(let path):
            return "no store at \(path): create one with `mentormatch store import SNAPSHOT --store \(path)`"
        case .empty:
            return "the store holds no snapshot yet: import one with `mentormatch store import SNAPSHOT --store PATH`"
        case .olderThanLatest(let asOf, let version, let latestAsOf):
            return "the snapshot is as of \(asOf), older than the latest in the store (snapshot \(version), as of \(latestAsOf)); nothing imported"
        case .unknownRun(let id): return "run \(id): no such run in the store"
        case .unknownSnapshot(let id): return "snapshot \(id): no such snapshot in the store"
        case .notDecidable(let run, let kind): return "run \(run) is a \(kind) run: it proposes nothing to decide or apply"
        case .studentNotInRun(let run, let student): return "student \(student): run \(run) proposes nothing for this student"
        case .unknownStudent(let student):
            return "student \(student): the store has no record of this student (no pairing, proposal, decision or change)"
        case .mentorNotProposed(let run, let student, let mentor):
            return "mentor \(mentor): run \(run) does not propose this mentor for \(student)"
        case .alreadyApplied(let run, let on): return "run \(run) was applied on \(on): its decisions are closed"
        case .nothingAccepted(let run): return "run \(run) has no accepted proposal: nothing to apply (accept with `mentormatch decide \(run) --accept …`)"
        case .movesNoLongerHold(let run, let reason, let invalid):
            var lines = ["run \(run) not applied: \(reason)"]
            if !invalid.isEmpty {
                lines.append("moves that no longer hold (\(invalid.count)):")
                lines += invalid.map { "    \($0)" }
            }
            lines.append("nothing was applied; `--only-valid` applies the moves that still hold")
            return lines.joined(separator: "\n  ")
        case .damaged(let path, let message): return "\(path): the store is damaged (\(message))"
        }
    }
}

/// A move of a run that no longer holds against the latest snapshot and the store's pairings.
public struct InvalidMove: Sendable, Equatable, CustomStringConvertible {
    public var student: String
    public var from: String?
    /// `nil`: the move left the student without a mentor.
    public var to: String?
    public var why: String

    public init(student: String, from: String?, to: String?, why: String) {
        self.student = student
        self.from = from
        self.to = to
        self.why = why
    }

    public var description: String { "\(student) \(from ?? "-") → \(to ?? "none"): \(why)" }
}
