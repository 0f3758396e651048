import Foundation
import Testing
@testable import MentorMatchData

/// The system's time-zone database (matching-model §1, v2): every zone it lists gives the
/// offsets the C library gives, and a missing database is an error that says what to install.
@Suite struct TimeZoneDatabaseTests {
    /// Jan 15, Apr 1, Jul 15, Oct 28 and Dec 31 of seven years from 2000 to 2040.
    static let dates: [CalendarDate] = [2000, 2007, 2013, 2020, 2026, 2033, 2040].flatMap { y in
        [(1, 15), (4, 1), (7, 15), (10, 28), (12, 31)].map { CalendarDate(year: y, month: $0.0, day: $0.1) }
    }

    static func noon(_ date: CalendarDate) -> Int { date.daysSinceEpoch * 86_400 + 43_200 }

    /// Seconds east of UTC the C library gives each zone at each instant: `date` (which reads
    /// `tm_gmtoff` from `localtime`) with `TZ=:zone`, for all zones in one child shell, so this
    /// process's environment is never changed under the tests running beside this one.
    static func cLibraryOffsets(zones: [String], instants: [Int]) throws -> [String: [Int: Int]] {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let datesFile = folder.appendingPathComponent("dates"), zonesFile = folder.appendingPathComponent("zones")
        let outFile = folder.appendingPathComponent("out")
        try instants.map { "@\($0)\n" }.joined().write(to: datesFile, atomically: true, encoding: .utf8)
        try zones.map { "\($0)\n" }.joined().write(to: zonesFile, atomically: true, encoding: .utf8)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", """
            while IFS= read -r z; do printf 'Z %s\\n' "$z"; TZ=":$z" date -f "$1" '+%s %::z' || exit 1; done < "$2" > "$3"
            """, "sh", datesFile.path, zonesFile.path, outFile.path]
        try shell.run()
        shell.waitUntilExit()
        try #require(shell.terminationStatus == 0)
        var result: [String: [Int: Int]] = [:]
        var zone = ""
        for line in try String(contentsOf: outFile, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("Z ") { zone = String(line.dropFirst(2)); continue }
            // "946728000 +05:45:00"
            let parts = line.split(separator: " ")
            let hms = parts[1].dropFirst().split(separator: ":").map { Int($0)! }
            let seconds = hms[0] * 3600 + hms[1] * 60 + hms[2]
            result[zone, default: [:]][Int(parts[0])!] = parts[1].hasPrefix("-") ? -seconds : seconds
        }
        return result
    }

    @Test func everyListedZoneMatchesTheCLibrary() throws {
        let database = try TimeZoneDatabase.system()
        // Every listed name whose file is installed is known (tzdata-legacy may be absent).
        let installed = database.zoneNames.filter { FileManager.default.fileExists(atPath: database.root + "/" + $0) }.sorted()
        #expect(installed.filter { !database.isKnown($0) } == [])
        #expect(installed.count > 400)
        let instants = Self.dates.map(Self.noon)
        let expected = try Self.cLibraryOffsets(zones: installed, instants: instants)
        var mismatches: [String] = []
        var compared = 0
        for zone in installed {
            for (date, t) in zip(Self.dates, instants) {
                let c = expected[zone]?[t]
                let ours = database.offsetSeconds(zone: zone, atUnixSeconds: t)
                if ours != c { mismatches.append("\(zone) \(date): ours \(ours.map(String.init) ?? "nil"), C \(c.map(String.init) ?? "nil")") }
                if database.offsetMinutes(zone: zone, at: date) != ours.map({ $0 / 60 }) { mismatches.append("\(zone) \(date): minutes") }
                compared += 1
            }
        }
        #expect(mismatches == [])
        #expect(compared == installed.count * 35)
    }

    @Test func casablancaFromTheSystemNotFoundation() throws {
        // Foundation on Linux reads the ICU copy inside the toolchain, which gives Morocco
        // other offsets than the tzdata installed on the system.
        let date = CalendarDate(year: 2026, month: 11, day: 23)
        let c = try Self.cLibraryOffsets(zones: ["Africa/Casablanca"], instants: [Self.noon(date)])
        let expected = try #require(c["Africa/Casablanca"]?[Self.noon(date)])
        #expect(TimeZoneOffset.minutes(identifier: "Africa/Casablanca", at: date) == expected / 60)
        #expect(try TimeZoneDatabase.system().offsetMinutes(zone: "Africa/Casablanca", at: date) == expected / 60)
    }

    @Test func versionIsTheFirstLineOfTzdataZi() throws {
        let database = try TimeZoneDatabase.system()
        let index = try String(contentsOfFile: database.root + "/tzdata.zi", encoding: .utf8)
        let first = try #require(index.split(separator: "\n").first)
        #expect("# version \(database.version)" == first)
        #expect(database.version.wholeMatch(of: /[0-9]{4}[a-z]+/) != nil)
        #expect(database.root == (ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo"))
        #expect(try TimeZoneDatabase.system() === database)
    }

    @Test func knownNamesAreListedZonesAndLinks() throws {
        let database = try TimeZoneDatabase.system()
        for name in ["Europe/Paris", "America/Montreal", "Asia/Kolkata", "UTC", "GMT", "Etc/UTC", "Etc/GMT+1", "Etc/GMT-14"] {
            #expect(database.isKnown(name), "\(name)")
            #expect(TimeZoneOffset.isKnown(name), "\(name)")
        }
        // `Etc/GMT+1` is one hour *west* (POSIX sign).
        #expect(database.offsetMinutes(zone: "Etc/GMT+1", at: CalendarDate(year: 2026, month: 1, day: 1)) == -60)
        // Ad-hoc offsets, paths, files that are not zones, and case variants are refused.
        for name in ["GMT+1", "UTC+01:00", "Mars/Olympus", "", "Europe", "europe/paris", "Europe/Paris/", "Europe//Paris",
                     "/usr/share/zoneinfo/Europe/Paris", "../zoneinfo/Europe/Paris", "Europe/../Europe/Paris", "./UTC",
                     "tzdata.zi", "zone.tab", "zone1970.tab", "leapseconds", "posixrules", "localtime",
                     "posix/Europe/Paris", "right/Europe/Paris"] {
            #expect(!database.isKnown(name), "\(name)")
            #expect(!TimeZoneOffset.isKnown(name), "\(name)")
            #expect(database.offsetSeconds(zone: name, atUnixSeconds: 0) == nil, "\(name)")
            #expect(TimeZoneOffset.minutes(identifier: name, at: CalendarDate(year: 2026, month: 1, day: 1)) == nil, "\(name)")
        }
    }

    @Test func missingDatabaseSaysHowToInstallIt() throws {
        let empty = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: TimeZoneDatabaseError.notInstalled(root: empty.path)) { try TimeZoneDatabase.system(tzdir: empty.path) }
        #expect(throws: TimeZoneDatabaseError.notInstalled(root: "/nonexistent/zoneinfo")) {
            try TimeZoneDatabase(root: "/nonexistent/zoneinfo")
        }
        #expect(TimeZoneDatabaseError.notInstalled(root: "/usr/share/zoneinfo").description
            == "no time-zone database at /usr/share/zoneinfo: install Debian's tzdata (apt-get install tzdata)")
        // An empty TZDIR is no TZDIR, as for the C library.
        #expect(try TimeZoneDatabase.system(tzdir: "").root == TimeZoneDatabase.defaultRoot)
        // No version line.
        try "Z Test/Zone 1 - X\n".write(to: empty.appendingPathComponent("tzdata.zi"), atomically: true, encoding: .utf8)
        #expect(throws: TimeZoneDatabaseError.noVersion(path: empty.path + "/tzdata.zi")) { try TimeZoneDatabase(root: empty.path) }
    }

    @Test func aSmallDatabase() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let system = try TimeZoneDatabase.system()
        try """
            # version 2099z
            # a comment
            R X 2000 ma - Mar lastSu 1u 1 S
            Z Test/Paris 0:9:21 - LMT 1891 Mar 16
            1 X CE%sT
            Z Test/Broken 1 - X
            Z Test/Missing 1 - X
            L Test/Paris Test/Link
            L Test/Paris ../outside

            """.write(to: folder.appendingPathComponent("tzdata.zi"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Test"), withIntermediateDirectories: true)
        let paris = try Data(contentsOf: URL(fileURLWithPath: system.root + "/Europe/Paris"))
        try paris.write(to: folder.appendingPathComponent("Test/Paris"))
        try paris.write(to: folder.appendingPathComponent("Test/Link"))
        try paris.write(to: folder.appendingPathComponent("Test/Unlisted"))
        try Data("TZif2 and then nothing".utf8).write(to: folder.appendingPathComponent("Test/Broken"))

        let database = try TimeZoneDatabase.system(tzdir: folder.path)
        #expect(database.version == "2099z")
        #expect(database.zoneNames == ["Test/Paris", "Test/Broken", "Test/Missing", "Test/Link"])
        #expect(database.isKnown("Test/Paris") && database.isKnown("Test/Link"))
        #expect(!database.isKnown("Test/Broken") && !database.isKnown("Test/Missing") && !database.isKnown("Test/Unlisted"))
        #expect(!database.isKnown("UTC"))
        #expect(throws: TimeZoneDatabaseError.malformedZone(name: "Test/Broken", path: folder.path + "/Test/Broken", .truncated(section: "header"))) {
            try database.zone(named: "Test/Broken")
        }
        #expect(throws: TimeZoneDatabaseError.unreadable(path: folder.path + "/Test/Missing")) { try database.zone(named: "Test/Missing") }
        #expect(try database.zone(named: "Test/Unlisted") == nil)
        let july = CalendarDate(year: 2026, month: 7, day: 15)
        #expect(database.offsetMinutes(zone: "Test/Link", at: july) == 120)
        // The process's own database is untouched.
        #expect(try TimeZoneDatabase.system().version == system.version)
    }

    @Test func concurrentLookupsAgree() async throws {
        // A fresh instance, so that the zones are read while the tasks race.
        let database = try TimeZoneDatabase(root: TimeZoneDatabase.system().root)
        let zones = database.zoneNames.sorted()
        let date = CalendarDate(year: 2026, month: 11, day: 23)
        let serial = try TimeZoneDatabase.system()
        let expected = Dictionary(uniqueKeysWithValues: zones.compactMap { z in serial.offsetMinutes(zone: z, at: date).map { (z, $0) } })
        let results = await withTaskGroup(of: [String: Int].self) { group in
            for k in 0..<8 {
                group.addTask {
                    var offsets: [String: Int] = [:]
                    for i in zones.indices {
                        let zone = zones[(i + 37 * k) % zones.count]
                        offsets[zone] = database.offsetMinutes(zone: zone, at: date)
                    }
                    return offsets
                }
            }
            var all: [[String: Int]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
