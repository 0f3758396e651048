import Foundation
import MentorMatchData

/// The store's notion of now: the system clock, or a fixed instant for tests and reproducible demos
/// (`MENTORMATCH_NOW=2026-11-24T09:00:00Z`, read by the command line).
public struct StoreClock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = StoreClock { Date() }

    public static func fixed(_ date: Date) -> StoreClock { StoreClock { date } }

    /// `MENTORMATCH_NOW` when set to an ISO 8601 instant, else the system clock.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreClock {
        guard let text = environment["MENTORMATCH_NOW"], let date = ISO8601DateFormatter().date(from: text) else { return .system }
        return .fixed(date)
    }

    /// Today's date in UTC.
    public func today() -> CalendarDate { CalendarDate.of(now()) }
}

extension CalendarDate {
    /// The UTC calendar date of an instant.
    public static func of(_ date: Date) -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// This date plus `days` days.
    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }
}
