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
        if let exact = WeeklyInterval(exactly: text) {
            self = exact
            return
        }
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

    /// The common case, `Mon 18:00-21:00` with nothing around it, read straight from the bytes;
    /// `nil` for anything else (which the general parser then reads or rejects).
    private init?(exactly text: String) {
        var name = (0 as UInt8, 0 as UInt8, 0 as UInt8)
        var sh = 0, sm = 0, eh = 0, em = 0
        var i = 0
        for b in text.utf8 {
            let digit = Int(b) - 0x30
            switch i {
            case 0: name.0 = b
            case 1: name.1 = b
            case 2: name.2 = b
            case 3: guard b == 0x20 else { return nil }
            case 6, 12: guard b == 0x3A else { return nil }  // ':'
            case 9: guard b == 0x2D else { return nil }  // '-'
            default:
                guard i < 15, digit >= 0, digit <= 9 else { return nil }
                switch i {
                case 4: sh = 10 * digit
                case 5: sh += digit
                case 7: sm = 10 * digit
                case 8: sm += digit
                case 10: eh = 10 * digit
                case 11: eh += digit
                case 13: em = 10 * digit
                default: em += digit
                }
            }
            i += 1
        }
        guard i == 15 else { return nil }
        let day: Int
        switch (name.0, name.1, name.2) {
        case (0x4D, 0x6F, 0x6E): day = 0  // Mon
        case (0x54, 0x75, 0x65): day = 1  // Tue
        case (0x57, 0x65, 0x64): day = 2  // Wed
        case (0x54, 0x68, 0x75): day = 3  // Thu
        case (0x46, 0x72, 0x69): day = 4  // Fri
        case (0x53, 0x61, 0x74): day = 5  // Sat
        case (0x53, 0x75, 0x6E): day = 6  // Sun
        default: return nil
        }
        guard sh < 24, sm % 15 == 0, sm < 60, em % 15 == 0, em < 60, eh < 24 || (eh == 24 && em == 0) else { return nil }
        let start = sh * 60 + sm, end = eh * 60 + em
        guard start != end else { return nil }
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
