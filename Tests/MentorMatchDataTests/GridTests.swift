import Testing
@testable import MentorMatchData

/// The weekly grid of matching-model §1, with slots worked out by hand.
@Suite struct GridTests {
    func slots(_ entries: [String], offset: Int) throws -> WeekSlots {
        WeekSlots(try entries.map { try WeeklyInterval(parsing: $0) }, utcOffsetMinutes: offset)
    }

    func set(_ s: WeekSlots) -> [Int] { (0..<672).filter(s.contains) }

    @Test func wrapsPastSundayMidnight() throws {
        // Sun 22:00 = 6*96 + 88 = slot 664; three hours = 12 slots: 664…671 then 0…3.
        let s = try slots(["Sun 22:00-01:00"], offset: 0)
        #expect(set(s) == Array(0...3) + Array(664...671))
        #expect(s.runLengths == [12])
        #expect(s.windows(sessionMinutes: 45) == 4)
        // Paris in winter (+01:00): Mon 00:30 local is Sun 23:30 UTC.
        let paris = try slots(["Mon 00:30-01:30"], offset: 60)
        #expect(set(paris) == [0, 1, 670, 671])
        #expect(paris.runLengths == [4])
    }

    @Test func endAt2400() throws {
        let s = try slots(["Mon 18:00-24:00"], offset: 0)
        #expect(set(s) == Array(72...95))
        #expect(try WeeklyInterval(parsing: "Sat 20:00-24:00").durationMinutes == 240)
        #expect(try WeeklyInterval(parsing: "Sat 20:00-24:00").description == "Sat 20:00-24:00")
        #expect(throws: WeeklyInterval.ParseError.badTime("24:00")) { try WeeklyInterval(parsing: "Sat 24:00-02:00") }
        #expect(throws: WeeklyInterval.ParseError.badTime("24:15")) { try WeeklyInterval(parsing: "Sat 20:00-24:15") }
        #expect(throws: WeeklyInterval.ParseError.emptyInterval("Sat 20:00-20:00")) { try WeeklyInterval(parsing: "Sat 20:00-20:00") }
    }

    @Test func halfHourZone() throws {
        let date = CalendarDate(year: 2026, month: 11, day: 23)
        let offset = try #require(TimeZoneOffset.minutes(identifier: "Asia/Kolkata", at: date))
        #expect(offset == 330)
        // Mon 09:00 +05:30 = Mon 03:30 UTC = slot 14.
        #expect(set(try slots(["Mon 09:00-10:00"], offset: offset)) == [14, 15, 16, 17])
    }

    @Test func quarterToZone() throws {
        let date = CalendarDate(year: 2026, month: 11, day: 23)
        let offset = try #require(TimeZoneOffset.minutes(identifier: "Asia/Kathmandu", at: date))
        #expect(offset == 345)
        // Mon 09:00 +05:45 = Mon 03:15 UTC = slot 13; Mon 00:00 +05:45 = Sun 18:15 UTC = slot 649.
        #expect(set(try slots(["Mon 09:00-10:00"], offset: offset)) == [13, 14, 15, 16])
        #expect(set(try slots(["Mon 00:00-01:00"], offset: offset)) == [649, 650, 651, 652])
    }

    @Test func daylightSavingZoneAtWinterAndSummerAsOf() throws {
        let winter = CalendarDate(year: 2026, month: 1, day: 15)
        let summer = CalendarDate(year: 2026, month: 7, day: 15)
        #expect(TimeZoneOffset.minutes(identifier: "Europe/Paris", at: winter) == 60)
        #expect(TimeZoneOffset.minutes(identifier: "Europe/Paris", at: summer) == 120)
        #expect(TimeZoneOffset.minutes(identifier: "America/Toronto", at: winter) == -300)
        #expect(TimeZoneOffset.minutes(identifier: "America/Toronto", at: summer) == -240)
        // The offset is the one at 12:00 UTC: Paris switched at 01:00 UTC on Sunday 2026-03-29.
        #expect(TimeZoneOffset.minutes(identifier: "Europe/Paris", at: CalendarDate(year: 2026, month: 3, day: 28)) == 60)
        #expect(TimeZoneOffset.minutes(identifier: "Europe/Paris", at: CalendarDate(year: 2026, month: 3, day: 29)) == 120)
        // Mon 10:00 Paris is 09:00 UTC (slot 36) in winter, 08:00 UTC (slot 32) in summer.
        let entry = [try WeeklyInterval(parsing: "Mon 10:00-11:00")]
        let w = Snapshot(asOf: winter, mentors: [Mentor(id: "m", paths: ["p"], capacity: 1, timezone: "Europe/Paris", availability: entry)])
        var s = w
        s.asOf = summer
        #expect(set(SnapshotGrid(w).mentorSlots[0]) == [36, 37, 38, 39])
        #expect(set(SnapshotGrid(s).mentorSlots[0]) == [32, 33, 34, 35])
    }

    @Test func windowsFor30And45MinuteSessions() throws {
        let hour = try slots(["Tue 18:00-19:00"], offset: 0)
        #expect(hour.windows(sessionMinutes: 45) == 1)
        #expect(hour.windows(sessionMinutes: 30) == 2)
        let ninety = try slots(["Tue 18:00-19:30"], offset: 0)
        #expect(ninety.windows(sessionMinutes: 45) == 2)
        #expect(ninety.windows(sessionMinutes: 30) == 3)
        // Two separate half hours: no 45-minute window, two 30-minute ones.
        let split = try slots(["Tue 18:00-18:30", "Tue 19:00-19:30"], offset: 0)
        #expect(split.windows(sessionMinutes: 45) == 0)
        #expect(split.windows(sessionMinutes: 30) == 2)
        // 30 minutes before and 15 after the week's end join into one 45-minute run.
        let wrap = try slots(["Sun 23:30-24:00", "Mon 00:00-00:15"], offset: 0)
        #expect(wrap.runLengths == [3])
        #expect(wrap.windows(sessionMinutes: 45) == 1)
        // Overlap of a student and a mentor.
        let student = try slots(["Wed 18:00-20:00"], offset: 0)
        let mentor = try slots(["Wed 19:15-22:00"], offset: 0)
        #expect(student.overlapCount(mentor) == 3)
        #expect(student.intersection(mentor).windows(sessionMinutes: 45) == 1)
        #expect(student.intersection(mentor).windows(sessionMinutes: 30) == 1)
    }

    @Test func fullWeekIsOneRunOf672() throws {
        let days = WeeklyInterval.dayNames.map { "\($0) 00:00-24:00" }
        let s = try slots(days, offset: 330)
        #expect(s.count == 672)
        #expect(s.minutes == 10080)
        #expect(s.runLengths == [672])
        #expect(s.windows(sessionMinutes: 45) == 224)
        #expect(s.windows(sessionMinutes: 30) == 336)
    }

    @Test func runsAcrossWordBoundaries() throws {
        // Mon 15:00-17:00 UTC = slots 60…67, across the first 64-bit word.
        let s = try slots(["Mon 15:00-17:00", "Sun 12:00-23:45"], offset: 0)
        #expect(s.runLengths.sorted() == [8, 47])
        #expect(s.count == 55)
    }

    @Test func snapshotGridLooksEachZoneUpOnce() throws {
        let entry = [try WeeklyInterval(parsing: "Fri 20:00-22:00")]
        let snapshot = Snapshot(
            asOf: CalendarDate(year: 2026, month: 11, day: 23),
            mentors: [Mentor(id: "m", paths: ["p"], capacity: 1, timezone: "Asia/Kolkata", availability: entry)],
            students: [Student(id: "a", path: "p", language: "fr", timezone: "Europe/Paris", availability: entry),
                       Student(id: "b", path: "p", language: "fr", timezone: "Europe/Paris", availability: entry)])
        let grid = SnapshotGrid(snapshot)
        #expect(grid.offsets == ["Asia/Kolkata": 330, "Europe/Paris": 60])
        #expect(grid.mentorSlots[0] == WeekSlots(entry, utcOffsetMinutes: 330))
        #expect(grid.studentSlots[1] == WeekSlots(entry, utcOffsetMinutes: 60))
    }

    /// The bitset against a minute-by-minute reference written here, on random entries and offsets.
    @Test func matchesMinuteByMinuteReference() {
        var rng = SplitMix64(seed: 7)
        let offsets = [0, 60, 120, -300, -240, 330, 345, 240, 180, -600, 825]
        for _ in 0..<500 {
            let entries = (0..<rng.int(0...5)).map { _ -> WeeklyInterval in
                let start = 15 * rng.int(0...95)
                var end = 15 * rng.int(0...96)
                if end == start { end = (start + 15) % 1440 }
                return WeeklyInterval(day: rng.int(0...6), startMinute: start, endMinute: end)
            }
            let offset = offsets[rng.int(0...(offsets.count - 1))]
            var minutes = [Bool](repeating: false, count: 10080)
            for e in entries {
                let length = e.endMinute > e.startMinute ? e.endMinute - e.startMinute : e.endMinute + 1440 - e.startMinute
                for k in 0..<length {
                    minutes[(((e.day * 1440 + e.startMinute - offset + k) % 10080) + 10080) % 10080] = true
                }
            }
            let reference = (0..<672).filter { minutes[15 * $0] }
            let s = WeekSlots(entries, utcOffsetMinutes: offset)
            #expect(set(s) == reference)
            // Reference windows: walk cyclic runs from a clear slot.
            var windows45 = 0, windows30 = 0
            if reference.count == 672 {
                windows45 = 224
                windows30 = 336
            } else if let clear = (0..<672).first(where: { !minutes[15 * $0] }) {
                var run = 0
                for k in 1...672 {
                    if minutes[15 * ((clear + k) % 672)] { run += 1 } else {
                        windows45 += 15 * run / 45
                        windows30 += 15 * run / 30
                        run = 0
                    }
                }
            }
            #expect(s.windows(sessionMinutes: 45) == windows45)
            #expect(s.windows(sessionMinutes: 30) == windows30)
        }
    }

    /// Entries read the same whether they take the exact fast path or the general one (padded).
    @Test func parsingAgreesWithTheRules() {
        var rng = SplitMix64(seed: 3)
        let days = WeeklyInterval.dayNames + ["Mun", "mon", "MON"]
        for _ in 0..<3000 {
            let day = rng.pick(days)
            let (sh, sm, eh, em) = (rng.int(0...25), rng.pick([0, 15, 30, 45, 10, 60]), rng.int(0...25), rng.pick([0, 15, 30, 45, 5]))
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let text = "\(day) \(two(sh)):\(two(sm))-\(two(eh)):\(two(em))"
            let valid = WeeklyInterval.dayNames.contains(day) && sh < 24 && [0, 15, 30, 45].contains(sm)
                && [0, 15, 30, 45].contains(em) && (eh < 24 || (eh == 24 && em == 0)) && sh * 60 + sm != eh * 60 + em
            let fast = try? WeeklyInterval(parsing: text)
            let slow = try? WeeklyInterval(parsing: "  " + text.replacingOccurrences(of: " ", with: "   ") + "\t")
            #expect((fast != nil) == valid, "\(text)")
            #expect(fast == slow, "\(text)")
            if let fast {
                #expect(fast.description == text)
                #expect(fast.day == WeeklyInterval.dayNames.firstIndex(of: day))
                #expect(fast.startMinute == sh * 60 + sm && fast.endMinute == eh * 60 + em)
            }
        }
    }
}
