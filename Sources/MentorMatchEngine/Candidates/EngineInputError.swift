/// A snapshot or policy the engine cannot work with. Each case names the record by id.
public enum EngineInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateMentor(String)
    case duplicateStudent(String)
    case unknownCurrentMentor(student: String, mentor: String)
    case unknownTimeZone(id: String, timezone: String)
    case invalidSessions(student: String)
    case negativeCapacity(mentor: String)
    case lockOnUnknownStudent(String)
    case lockOnUnknownMentor(student: String, mentor: String)
    case lockOnInactiveMentor(student: String, mentor: String)
    case severalLocks(student: String)
    case locksExceedCapacity(mentor: String, locks: Int, capacity: Int)
    case locksExceedMaxNewPerWeek(mentor: String, arrivals: Int, maxNewPerWeek: Int)
    case invalidPolicy(String)
    /// The system's time-zone database is missing or unreadable (the message says how to install it).
    case noTimeZoneDatabase(String)

    public var description: String {
        switch self {
        case .duplicateMentor(let id): return "mentor \(id) appears more than once"
        case .duplicateStudent(let id): return "student \(id) appears more than once"
        case .unknownCurrentMentor(let s, let m): return "student \(s): currentMentor \(m) is not a mentor of the snapshot"
        case .unknownTimeZone(let id, let tz): return "\(id): timezone '\(tz)' is not a known IANA time zone"
        case .invalidSessions(let s): return "student \(s): sessionsPerWeek must be in 1…672 and sessionMinutes in 15…240"
        case .negativeCapacity(let m): return "mentor \(m): capacity and maxNewPerWeek must be >= 0"
        case .lockOnUnknownStudent(let s): return "lock names student \(s), who is not in the snapshot"
        case .lockOnUnknownMentor(let s, let m): return "lock of student \(s) names mentor \(m), who is not in the snapshot"
        case .lockOnInactiveMentor(let s, let m): return "lock of student \(s) names mentor \(m), who is inactive"
        case .severalLocks(let s): return "student \(s) has more than one lock"
        case .locksExceedCapacity(let m, let n, let c): return "mentor \(m): \(n) locks exceed capacity \(c)"
        case .locksExceedMaxNewPerWeek(let m, let n, let c): return "mentor \(m): \(n) locked arrivals exceed maxNewPerWeek \(c)"
        case .invalidPolicy(let what): return "policy: \(what)"
        case .noTimeZoneDatabase(let why): return why
        }
    }
}
