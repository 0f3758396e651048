/// A POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3`, as a TZif footer holds it
/// (RFC 8536 §3.3), with the RFC's extensions: transition times from -167 to 167 hours
/// (`M9.1.6/24`, `M3.5.0/-1`) and quoted names (`<-03>3<-02>`).
///
/// Offsets in the string count west of UTC (`CET-1` is one hour east); the properties
/// here count east, as TZif does.
public struct POSIXTimeZone: Sendable, Equatable {
    /// A day of the year on which daylight-saving time starts or ends.
    public enum Day: Sendable, Equatable {
        /// `Jn`: day 1…365, February 29 never counted (`J60` is always March 1).
        case julian(Int)
        /// `n`: day 0…365, February 29 counted in leap years.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1…5, 5 = the last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// A switch: a day and a local time on it, in seconds (default 02:00, -167 h…167 h).
    public struct Switch: Sendable, Equatable {
        public var day: Day
        public var seconds: Int
    }

    /// Daylight-saving time and the rule that bounds it each year.
    public struct Daylight: Sendable, Equatable {
        public var name: String
        /// Seconds east of UTC during daylight-saving time.
        public var utcOffset: Int
        /// When it starts, in local standard time.
        public var start: Switch
        /// When it ends, in local daylight-saving time.
        public var end: Switch
    }

    public var standardName: String
    /// Seconds east of UTC outside daylight-saving time.
    public var standardOffset: Int
    /// `nil` when the zone keeps standard time all year.
    public var daylight: Daylight?

    /// Reads a TZ string (without a leading `:`).
    public init(parsing text: String) throws(TZifError) {
        var p = Parser(text: Array(text.utf8))
        do throws(Parser.Failure) {
            standardName = try p.name()
            standardOffset = -(try p.signedDuration(maxHours: 167))
            guard !p.atEnd else { daylight = nil; return }
            let dstName = try p.name()
            var dstOffset = standardOffset + 3600
            if !p.atEnd, p.peek != UInt8(ascii: ",") { dstOffset = -(try p.signedDuration(maxHours: 167)) }
            // No rule: the US rule tzcode assumes (TZif footers always give one).
            var start = Switch(day: .monthWeekDay(month: 3, week: 2, weekday: 0), seconds: 7200)
            var end = Switch(day: .monthWeekDay(month: 11, week: 1, weekday: 0), seconds: 7200)
            if !p.atEnd {
                try p.expect(",")
                start = try p.switchRule()
                try p.expect(",")
                end = try p.switchRule()
            }
            guard p.atEnd else { throw Parser.Failure("unexpected text after the rule") }
            daylight = Daylight(name: dstName, utcOffset: dstOffset, start: start, end: end)
        } catch {
            throw .invalidTZString(text, reason: error.reason)
        }
    }

    /// Seconds east of UTC at `t` (Unix seconds).
    public func utcOffset(atUnixSeconds t: Int64) -> Int {
        guard let dst = daylight else { return standardOffset }
        // Far-away instants keep the yearly rule without overflowing the calendar arithmetic.
        let t = Int(max(min(t, 1 << 55), -(1 << 55)))
        let year = CalendarDate(daysSinceEpoch: POSIXTimeZone.floorDiv(t + standardOffset, 86_400)).year
        // The latest switch at or before t, among those of the years around it (switch times
        // may run up to a week into a neighbouring year). On a tie the later year's switch
        // wins, and within a year the end: DST all year (`0/0,J365/25`) stays DST, and a
        // zero-length DST period stays standard.
        var latest: (instant: Int, year: Int, isEnd: Bool, isDST: Bool)?
        for y in (year - 1)...(year + 1) {
            let start = POSIXTimeZone.localSeconds(dst.start, year: y) - standardOffset
            let end = POSIXTimeZone.localSeconds(dst.end, year: y) - dst.utcOffset
            for event in [(instant: start, year: y, isEnd: false, isDST: true), (instant: end, year: y, isEnd: true, isDST: false)]
            where event.instant <= t {
                if let l = latest, (l.instant, l.year, l.isEnd ? 1 : 0) > (event.instant, event.year, event.isEnd ? 1 : 0) { continue }
                latest = event
            }
        }
        return latest?.isDST == true ? dst.utcOffset : standardOffset
    }

    /// Unix seconds of a switch's local time in `year`, as if local time were UTC.
    static func localSeconds(_ s: Switch, year: Int) -> Int {
        let jan1 = TimeZoneOffset.daysSinceEpoch(CalendarDate(year: year, month: 1, day: 1))
        let day: Int
        switch s.day {
        case .julian(let n):
            day = jan1 + n - 1 + (n >= 60 && CalendarDate.daysIn(month: 2, year: year) == 29 ? 1 : 0)
        case .zeroBased(let n):
            day = jan1 + n
        case .monthWeekDay(let m, let w, let d):
            let first = TimeZoneOffset.daysSinceEpoch(CalendarDate(year: year, month: m, day: 1))
            let firstWeekday = floorMod(first + 4, 7)  // 1970-01-01 was a Thursday
            var dayOfMonth = 1 + floorMod(d - firstWeekday, 7) + 7 * (w - 1)
            while dayOfMonth > CalendarDate.daysIn(month: m, year: year) { dayOfMonth -= 7 }
            day = first + dayOfMonth - 1
        }
        return day * 86_400 + s.seconds
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }
}

/// A cursor over the bytes of a TZ string.
private struct Parser {
    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    let text: [UInt8]
    var i = 0

    var atEnd: Bool { i == text.count }
    var peek: UInt8? { atEnd ? nil : text[i] }

    mutating func expect(_ c: Unicode.Scalar) throws(Failure) {
        guard peek == UInt8(ascii: c) else { throw Failure("expected '\(c)' at offset \(i)") }
        i += 1
    }

    /// `std`/`dst` names: three or more letters, or `<…>` with letters, digits, `+` and `-`.
    mutating func name() throws(Failure) -> String {
        let start: Int, end: Int
        if peek == UInt8(ascii: "<") {
            i += 1
            start = i
            while let c = peek, isLetter(c) || isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { i += 1 }
            end = i
            try expect(">")
        } else {
            start = i
            while let c = peek, isLetter(c) { i += 1 }
            end = i
        }
        guard end - start >= 3 else { throw Failure("a zone name needs at least three characters (offset \(start))") }
        return String(decoding: text[start..<end], as: UTF8.self)
    }

    /// `[+|-]hh[:mm[:ss]]` in seconds, hours at most `maxHours`.
    mutating func signedDuration(maxHours: Int) throws(Failure) -> Int {
        var sign = 1
        if peek == UInt8(ascii: "+") { i += 1 } else if peek == UInt8(ascii: "-") { sign = -1; i += 1 }
        let hours = try number(max: maxHours, what: "hours")
        var seconds = hours * 3600
        if peek == UInt8(ascii: ":") {
            i += 1
            seconds += 60 * (try number(max: 59, what: "minutes"))
            if peek == UInt8(ascii: ":") {
                i += 1
                seconds += try number(max: 59, what: "seconds")
            }
        }
        return sign * seconds
    }

    /// `date[/time]`.
    mutating func switchRule() throws(Failure) -> POSIXTimeZone.Switch {
        let day: POSIXTimeZone.Day
        if peek == UInt8(ascii: "J") {
            i += 1
            let n = try number(max: 365, what: "Julian day")
            guard n >= 1 else { throw Failure("Julian day J0 (days are J1…J365)") }
            day = .julian(n)
        } else if peek == UInt8(ascii: "M") {
            i += 1
            let m = try number(max: 12, what: "month")
            try expect(".")
            let w = try number(max: 5, what: "week")
            try expect(".")
            let d = try number(max: 6, what: "weekday")
            guard m >= 1, w >= 1 else { throw Failure("month 1…12 and week 1…5 in M\(m).\(w).\(d)") }
            day = .monthWeekDay(month: m, week: w, weekday: d)
        } else {
            day = .zeroBased(try number(max: 365, what: "day"))
        }
        var seconds = 7200
        if peek == UInt8(ascii: "/") {
            i += 1
            seconds = try signedDuration(maxHours: 167)
        }
        return POSIXTimeZone.Switch(day: day, seconds: seconds)
    }

    /// A decimal number of at most three digits, no larger than `max`.
    mutating func number(max: Int, what: String) throws(Failure) -> Int {
        let start = i
        var value = 0
        while let c = peek, isDigit(c), i - start < 3 {
            value = value * 10 + Int(c - 0x30)
            i += 1
        }
        guard i > start else { throw Failure("expected \(what) at offset \(start)") }
        guard value <= max else { throw Failure("\(what) \(value) is above \(max)") }
        return value
    }

    func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }
}
