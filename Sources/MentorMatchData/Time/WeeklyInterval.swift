/// One local weekly availability entry, such as `Mon 18:00-21:00`.
///
/// Times are on the quarter hour; `24:00` may end an entry; an end earlier than
/// the start runs into the next day (`Sun 22:00-01:00` ends on Monday).
public struct WeeklyInterval: Sendable, Hashable, CustomStringConvertible {
    /// 0 = Monday … 6 = Sunday.
    public var day: Int
    /// Minutes after local midnight, a multiple of 15 in 0…1425.
    public var startMinute: Int
    /// Minutes after local midnight, a multiple of 15 in 0…1440, different from the start.
    public var endMinute: Int

    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    public init(day: Int, startMinute: Int, endMinute: Int) {
        self.day = day
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Why an availability entry could not be read.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case unknownDay(String)
        case badTime(String)
        case emptyInterval(String)

        public var description: String {
            switch self {
            case .malformed(let t): return "'\(t)' is not of the form 'Mon 18:00-21:00'"
            case .unknownDay(let t): return "'\(t)' is not a day (Mon Tue Wed Thu Fri Sat Sun)"
            case .badTime(let t): return "'\(t)' is not a time HH:MM on the quarter hour (00:00…24:00)"
            case .emptyInterval(let t): return "'\(t)' starts where it ends"
            }
        }

        /// Why, without the text (for messages that quote the text already).
        public var reason: String {
            switch self {
            case .malformed: return "not of the form Day HH:MM-HH:MM"
            case .unknownDay: return "days are Mon Tue Wed Thu Fri Sat Sun"
            case .badTime: return "times are HH:MM on the quarter hour, 24:00 only as an end"
            case .emptyInterval: return "start equals end"
            }
        }
    }

    /// Parses `Day HH:MM-HH:MM`.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingSpaces()
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw .malformed(text) }
        guard let day = WeeklyInterval.dayNames.firstIndex(of: String(parts[0])) else {
            throw .unknownDay(String(parts[0]))
        }
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard times.count == 2 else { throw .malformed(text) }
        guard let start = WeeklyInterval.minutes(times[0]), start < 1440 else { throw .badTime(String(times[0])) }
        guard let end = WeeklyInterval.minutes(times[1]) else { throw .badTime(String(times[1])) }
        guard start != end else { throw .emptyInterval(text) }
        self.init(day: day, startMinute: start, endMinute: end)
    }

    /// Length in minutes (an end before the start wraps into the next day).
    public var durationMinutes: Int {
        endMinute > startMinute ? endMinute - startMinute : endMinute + 1440 - startMinute
    }

    public var description: String {
        "\(WeeklyInterval.dayNames[day]) \(WeeklyInterval.clock(startMinute))-\(WeeklyInterval.clock(endMinute))"
    }

    static func minutes(_ text: Substring) -> Int? {
        let hm = text.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2,
              hm.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(hm[0]), let m = Int(hm[1]),
              [0, 15, 30, 45].contains(m), h <= 24, !(h == 24 && m != 0)
        else { return nil }
        return h * 60 + m
    }

    static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
