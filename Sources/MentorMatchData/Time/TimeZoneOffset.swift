import Foundation

/// UTC offsets of IANA time zones, taken once per snapshot (matching-model §1:
/// the offset at `asOf`, 12:00 UTC, holds for the whole week), from the system's
/// time-zone database (``TimeZoneDatabase/system()``).
public enum TimeZoneOffset {
    /// Minutes east of UTC for `identifier` at `date` 12:00 UTC; `nil` for an unknown zone
    /// or when no database is installed.
    public static func minutes(identifier: String, at date: CalendarDate) -> Int? {
        (try? TimeZoneDatabase.system())?.offsetMinutes(zone: identifier, at: date)
    }

    /// Whether `identifier` is an IANA time-zone name the system's database lists (`Europe/Paris`,
    /// `America/Montreal`, `UTC`), not an ad-hoc offset such as `GMT+1`; the rule readers apply.
    /// Always `false` when no database is installed.
    public static func isKnown(_ identifier: String) -> Bool {
        (try? TimeZoneDatabase.system())?.isKnown(identifier) ?? false
    }

    /// 12:00 UTC of a calendar day, computed without a calendar object.
    public static func noonUTC(_ date: CalendarDate) -> Date {
        Date(timeIntervalSince1970: Double(daysSinceEpoch(date)) * 86_400 + 43_200)
    }

    /// Days from 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    static func daysSinceEpoch(_ d: CalendarDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
