import Foundation
import Testing
@testable import MentorMatchData

@Suite struct CalendarDateTests {
    @Test func daysSinceEpochRoundTrip() {
        #expect(CalendarDate(daysSinceEpoch: 0) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(CalendarDate(year: 2026, month: 11, day: 23).daysSinceEpoch == 20_780)  // Python: (date(2026,11,23) - date(1970,1,1)).days
        #expect(CalendarDate(daysSinceEpoch: 20_780 - 365) == CalendarDate(year: 2025, month: 11, day: 23))
        #expect(CalendarDate(year: 2024, month: 2, day: 29).daysSinceEpoch + 1 == CalendarDate(year: 2024, month: 3, day: 1).daysSinceEpoch)
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: day).daysSinceEpoch == day)
        }
    }

    @Test func todayIsTheUTCDate() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let before = formatter.string(from: Date())
        let today = CalendarDate.todayUTC().description
        let after = formatter.string(from: Date())
        #expect(today == before || today == after)
    }

    @Test func isoParsing() {
        #expect(CalendarDate(iso: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2026-1-05") == nil)
        #expect(CalendarDate(iso: "2026-01-05T10:00") == nil)
    }
}
