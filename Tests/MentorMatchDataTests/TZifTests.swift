import Foundation
import Testing
@testable import MentorMatchData

/// TZif files (RFC 8536) and POSIX TZ strings, with values worked out by hand and checked
/// against the C library (`TZ='…' date -d … +%::z`).
@Suite struct TZifTests {
    /// Unix seconds of a UTC instant `YYYY-MM-DDTHH:MM:SS`.
    static func utc(_ text: String) -> Int64 {
        let date = CalendarDate(iso: String(text.prefix(10)))!
        let hms = text.dropFirst(11).split(separator: ":").map { Int($0)! }
        return Int64(date.daysSinceEpoch * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2])
    }

    /// Hours east of UTC at each instant.
    func hours(_ tz: String, _ instants: [String]) throws -> [Double] {
        let zone = try POSIXTimeZone(parsing: tz)
        return instants.map { Double(zone.utcOffset(atUnixSeconds: Self.utc($0))) / 3600 }
    }

    @Test func centralEuropeSwitchesAtOneUTC() throws {
        // Last Sunday of March 02:00 CET and of October 03:00 CEST: both 01:00 UTC.
        #expect(try hours("CET-1CEST,M3.5.0,M10.5.0/3", [
            "2026-03-29T00:59:59", "2026-03-29T01:00:00", "2026-10-25T00:59:59", "2026-10-25T01:00:00",
        ]) == [1, 2, 2, 1])
        let cet = try POSIXTimeZone(parsing: "CET-1CEST,M3.5.0,M10.5.0/3")
        #expect(cet.standardName == "CET" && cet.standardOffset == 3600)
        #expect(cet.daylight == POSIXTimeZone.Daylight(
            name: "CEST", utcOffset: 7200,
            start: .init(day: .monthWeekDay(month: 3, week: 5, weekday: 0), seconds: 7200),
            end: .init(day: .monthWeekDay(month: 10, week: 5, weekday: 0), seconds: 10800)))
    }

    @Test func southernHemisphereDaylightSpansNewYear() throws {
        // First Sunday of October 00:00 -03 (03:00 UTC) to third Sunday of March 00:00 -02 (02:00 UTC).
        #expect(try hours("<-03>3<-02>,M10.1.0/0,M3.3.0/0", [
            "2026-01-15T12:00:00", "2026-03-15T01:59:59", "2026-03-15T02:00:00", "2026-07-15T12:00:00",
            "2026-10-04T02:59:59", "2026-10-04T03:00:00", "2026-12-31T23:59:59",
        ]) == [-2, -2, -3, -3, -3, -2, -2])
        // Chile: `24:00` on the first Saturday, that is Sunday 00:00 local.
        #expect(try hours("<-04>4<-03>,M9.1.6/24,M4.1.6/24", [
            "2026-04-05T02:59:59", "2026-04-05T03:00:00", "2026-09-06T03:59:59", "2026-09-06T04:00:00",
        ]) == [-3, -4, -4, -3])
    }

    @Test func negativeAndLongSwitchTimes() throws {
        // Greenland: `-1` is 23:00 on the Saturday before the last Sunday of March (01:00 UTC Sunday).
        #expect(try hours("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", [
            "2026-03-29T00:00:00", "2026-03-29T00:59:59", "2026-03-29T01:00:00", "2026-10-25T00:59:59", "2026-10-25T01:00:00",
        ]) == [-2, -2, -1, -1, -2])
        // Israel: `26` is 02:00 on the Friday after the fourth Thursday of March.
        #expect(try hours("IST-2IDT,M3.4.4/26,M10.5.0", [
            "2026-03-26T23:59:59", "2026-03-27T00:00:00",
        ]) == [2, 3])
        // Chatham: minutes in offsets and switch times.
        #expect(try hours("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45", ["2026-01-15T12:00:00", "2026-07-15T12:00:00"])
            == [13.75, 12.75])
    }

    @Test func negativeDaylightSaving() throws {
        // Ireland: IST is standard time, GMT (one hour less) the winter "daylight" time.
        #expect(try hours("IST-1GMT0,M10.5.0,M3.5.0/1", [
            "2026-01-15T12:00:00", "2026-03-29T00:59:59", "2026-03-29T01:00:00", "2026-10-25T00:59:59", "2026-10-25T01:00:00",
        ]) == [0, 0, 1, 1, 0])
    }

    @Test func julianDays() throws {
        // `J60` is March 1 even in a leap year; `59` (zero-based, February 29 counted) is February 29 in 2024.
        #expect(try hours("AAA-1BBB,J60/2,J300/2", [
            "2024-02-29T12:00:00", "2024-03-01T00:59:59", "2024-03-01T01:00:00", "2024-10-26T01:00:00", "2024-10-27T00:00:00",
        ]) == [1, 1, 2, 2, 1])
        #expect(try hours("AAA-1BBB,59/2,299/2", [
            "2024-02-29T00:59:59", "2024-02-29T01:00:00", "2023-03-01T01:00:00", "2024-10-25T23:59:59", "2024-10-26T00:00:00",
        ]) == [1, 2, 2, 2, 1])
    }

    @Test func daylightAllYearAndDefaultRule() throws {
        // RFC 8536 §3.3.1: starting January 1 00:00 and ending December 31 at 24:00 plus the
        // DST difference is DST all year, the night of New Year included.
        #expect(try hours("EST5EDT,0/0,J365/25", ["2026-01-01T00:00:00", "2026-07-01T00:00:00", "2026-12-31T23:59:59"])
            == [-4, -4, -4])
        // No rule: the US rule (second Sunday of March to first Sunday of November).
        #expect(try hours("EST5EDT", ["2026-01-15T12:00:00", "2026-03-08T06:59:59", "2026-03-08T07:00:00", "2026-07-15T12:00:00"])
            == [-5, -5, -4, -4])
        #expect(try hours("<+0330>-3:30", ["2026-07-15T12:00:00"]) == [3.5])
        #expect(try hours("UTC0", ["1900-01-01T00:00:00", "2100-01-01T00:00:00"]) == [0, 0])
        // Far instants do not overflow (the rule still applies, at a clamped instant).
        let cet = try POSIXTimeZone(parsing: "CET-1CEST,M3.5.0,M10.5.0/3")
        #expect([Int64.min, Int64.max].map(cet.utcOffset).allSatisfy { $0 == 3600 || $0 == 7200 })
    }

    @Test func invalidTZStrings() {
        for text in ["", "CE-1", "CET", "CET-1CEST,M3.5.0", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.0.0,M10.5.0",
                     "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J365", "CET-1CEST,366,0", "CET-1CEST,M3.5.0/168,M10.5.0",
                     "CET-1:60", "<+03", "<+3>-3", "CET-1CEST,M3.5.0,M10.5.0x", "CET-1 ", "1CET"] {
            #expect(throws: TZifError.self, "\(text)") { try POSIXTimeZone(parsing: text) }
        }
    }

    // MARK: TZif files

    /// A version 2 file (or 1 when `version` is 0) with the same data in both sections.
    static func file(version: UInt8 = 0x32, times: [Int64], indices: [UInt8], types: [(Int32, UInt8, UInt8)],
                     chars: String, footer: String? = "") -> [UInt8] {
        func be(_ v: UInt64, _ n: Int) -> [UInt8] { (0..<n).reversed().map { UInt8(truncatingIfNeeded: v >> (8 * UInt64($0))) } }
        func section(_ timeSize: Int, _ v: UInt8) -> [UInt8] {
            var b = Array("TZif".utf8) + [v] + [UInt8](repeating: 0, count: 15)
            for count in [0, 0, 0, times.count, types.count, chars.utf8.count] { b += be(UInt64(count), 4) }
            for t in times { b += be(UInt64(bitPattern: t), timeSize) }
            b += indices
            for (utoff, dst, idx) in types { b += be(UInt64(UInt32(bitPattern: utoff)), 4) + [dst, idx] }
            return b + Array(chars.utf8)
        }
        guard version >= 0x32 else { return section(4, 0) }
        return section(4, version) + section(8, version) + (footer.map { Array("\n\($0)\n".utf8) } ?? [])
    }

    static let twoTypes: [(Int32, UInt8, UInt8)] = [(3600, 1, 0), (0, 0, 4)]

    @Test func beforeTheFirstTransitionTypeZeroAfterTheLastTheFooter() throws {
        let bytes = Self.file(times: [1000, 2000], indices: [1, 0], types: Self.twoTypes, chars: "AAA\0BBB\0", footer: "CCC-2")
        let zone = try TZif(bytes: bytes)
        #expect(zone.version == 2)
        #expect(zone.types.map(\.designation) == ["AAA", "BBB"])
        // Type 0 (a DST type here) before the first transition, as RFC 8536 §3.2 says.
        #expect([-5000, 999, 1000, 1999, 2000, 99_999].map { zone.utcOffset(atUnixSeconds: $0) } == [3600, 3600, 0, 0, 7200, 7200])
        // An empty footer: the last transition's type holds.
        let noFooter = try TZif(bytes: Self.file(times: [1000, 2000], indices: [1, 0], types: Self.twoTypes, chars: "AAA\0BBB\0"))
        #expect(noFooter.footer == nil)
        #expect([999, 1000, 2000, 99_999].map { noFooter.utcOffset(atUnixSeconds: $0) } == [3600, 0, 3600, 3600])
    }

    @Test func versionOneFileAndFilesWithoutTransitions() throws {
        let v1 = try TZif(bytes: Self.file(version: 0, times: [1000, 2000], indices: [1, 0], types: Self.twoTypes, chars: "AAA\0BBB\0"))
        #expect(v1.version == 1 && v1.footer == nil && v1.transitionTimes == [1000, 2000])
        #expect([0, 1000, 5000].map { v1.utcOffset(atUnixSeconds: $0) } == [3600, 0, 3600])
        let fixed = try TZif(bytes: Self.file(times: [], indices: [], types: [(0, 0, 0)], chars: "X\0", footer: "<+05>-5"))
        #expect(fixed.utcOffset(atUnixSeconds: 0) == 18_000)
        let bare = try TZif(bytes: Self.file(times: [], indices: [], types: [(-3600, 0, 0)], chars: "X\0"))
        #expect(bare.utcOffset(atUnixSeconds: 0) == -3600)
    }

    @Test func systemFileReads() throws {
        let database = try TimeZoneDatabase.system()
        let paris = try #require(try database.zone(named: "Europe/Paris"))
        #expect(paris.version >= 2)
        #expect(paris.footer == (try POSIXTimeZone(parsing: "CET-1CEST,M3.5.0,M10.5.0/3")))
        #expect(paris.utcOffset(atUnixSeconds: Self.utc("2026-07-15T12:00:00")) == 7200)
        #expect(paris.utcOffset(atUnixSeconds: Self.utc("2090-01-15T12:00:00")) == 3600)
    }

    @Test func malformedFilesAreErrors() throws {
        let good = Self.file(times: [1000, 2000], indices: [1, 0], types: Self.twoTypes, chars: "AAA\0BBB\0", footer: "CCC-2")
        func expectError(_ bytes: [UInt8], _ error: TZifError, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: error, sourceLocation: sourceLocation) { try TZif(bytes: bytes) }
        }
        expectError([], .notTZif)
        expectError(Array("TZjf2".utf8) + good.dropFirst(5), .notTZif)
        var v = good
        v[4] = 0x31  // "1" is no TZif version
        expectError(v, .unsupportedVersion(0x31))
        // Counts far beyond the file: an error, not an allocation.
        var huge = good
        for i in 32..<36 { huge[i] = 0xFF }  // timecnt = 2^32 - 1
        expectError(huge, .truncated(section: "version 1 data"))
        expectError(Self.file(times: [1000, 2000], indices: [1, 2], types: Self.twoTypes, chars: "AAA\0BBB\0"),
                    .malformed("transition type index 2 is not below typecnt 2"))
        expectError(Self.file(times: [2000, 1000], indices: [1, 0], types: Self.twoTypes, chars: "AAA\0BBB\0"),
                    .malformed("transition times are not strictly ascending"))
        expectError(Self.file(times: [], indices: [], types: [], chars: "X\0"), .malformed("no local time types"))
        expectError(Self.file(times: [], indices: [], types: [(0, 0, 9)], chars: "X\0"), .malformed("designation index 9 is past charcnt"))
        expectError(Self.file(times: [], indices: [], types: [(Int32.min, 0, 0)], chars: "X\0"), .malformed("a UT offset is -2^31"))
        expectError(Self.file(times: [], indices: [], types: [(0, 0, 0)], chars: "X\0", footer: nil), .truncated(section: "footer"))
        expectError(Self.file(times: [], indices: [], types: [(0, 0, 0)], chars: "X\0", footer: "CET-1CEST,M3.5.0"),
                    .invalidTZString("CET-1CEST,M3.5.0", reason: "expected ',' at offset 16"))
        // Every strict prefix of real files fails (the footer's final newline is the last byte).
        let database = try TimeZoneDatabase.system()
        for name in ["Europe/Paris", "America/Santiago", "Etc/UTC"] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: database.root + "/" + name)))
            for cut in 0..<bytes.count {
                #expect(throws: TZifError.self, "\(name) cut at \(cut)") { try TZif(bytes: Array(bytes[..<cut])) }
            }
        }
    }

    @Test func randomAndMutatedBytesNeverCrash() throws {
        let database = try TimeZoneDatabase.system()
        let paris = [UInt8](try Data(contentsOf: URL(fileURLWithPath: database.root + "/Europe/Paris")))
        var rng = SplitMix64(seed: 8536)
        var parsed = 0, failed = 0
        func check(_ bytes: [UInt8]) {
            do {
                let zone = try TZif(bytes: bytes)
                for t in [Int64.min, -1 << 40, 0, 1_800_000_000, 1 << 40, Int64.max] { _ = zone.utcOffset(atUnixSeconds: t) }
                parsed += 1
            } catch {
                #expect(!error.description.isEmpty)
                failed += 1
            }
        }
        for _ in 0..<2000 {
            // A real file with a few bytes changed (often in counts, indices, or the footer).
            var mutated = paris
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutated[Int.random(in: 0..<mutated.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            check(mutated)
            // Random bytes after a plausible header start.
            let random = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            check(Array("TZif2".utf8) + random)
            check(random)
        }
        #expect(parsed + failed == 6000)
        #expect(failed > 4000)
    }
}
