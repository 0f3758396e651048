import Foundation
import Synchronization

/// The IANA time-zone database installed on the system (Debian's `tzdata`): the zone
/// names `tzdata.zi` lists, its version, and the TZif files under the root
/// (matching-model §1, v2). Never a copy frozen in a toolchain or library.
///
/// Zones are read once, on first use, and kept; all methods may be called from any thread.
public final class TimeZoneDatabase: Sendable {
    /// Where Debian's `tzdata` installs the database.
    public static let defaultRoot = "/usr/share/zoneinfo"

    /// The folder holding `tzdata.zi` and the TZif files.
    public let root: String
    /// The database version, such as `2025b` (the first line of `tzdata.zi`, `# version 2025b`).
    public let version: String
    /// The zone names `tzdata.zi` lists (`Z` zones and `L` links), with `UTC` and `GMT` when
    /// their files exist.
    public let zoneNames: Set<String>

    private let zones = Mutex<[String: Result<TZif, TimeZoneDatabaseError>]>([:])
    private static let shared = Mutex<[String: TimeZoneDatabase]>([:])

    /// The system's database: under `TZDIR` when that is set and not empty (as the C library
    /// reads it), else under `/usr/share/zoneinfo`. Read once per process.
    public static func system() throws(TimeZoneDatabaseError) -> TimeZoneDatabase {
        try system(tzdir: getenv("TZDIR").map { String(cString: $0) })
    }

    /// The database `system()` returns when `TZDIR` is `tzdir`.
    static func system(tzdir: String?) throws(TimeZoneDatabaseError) -> TimeZoneDatabase {
        let root = tzdir.flatMap { $0.isEmpty ? nil : $0 } ?? defaultRoot
        if let database = shared.withLock({ $0[root] }) { return database }
        let database = try TimeZoneDatabase(root: root)
        return shared.withLock { cache in
            if let first = cache[root] { return first }
            cache[root] = database
            return database
        }
    }

    /// Reads the database under `root`: its `tzdata.zi` must be there.
    public init(root: String) throws(TimeZoneDatabaseError) {
        self.root = root
        let indexPath = root + "/tzdata.zi"
        guard let data = FileManager.default.contents(atPath: indexPath) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: indexPath, isDirectory: &isFolder)
            throw exists && !isFolder.boolValue ? .unreadable(path: indexPath) : .notInstalled(root: root)
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let prefix = "# version "
        guard let first = lines.first, first.hasPrefix(prefix) else { throw .noVersion(path: indexPath) }
        let version = first.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        guard !version.isEmpty else { throw .noVersion(path: indexPath) }
        self.version = version

        var names = Set<String>()
        for line in lines {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            switch fields.first {
            case "Z" where fields.count >= 2: names.insert(String(fields[1]))  // Z name offset rules format [until]
            case "L" where fields.count >= 3: names.insert(String(fields[2]))  // L target name
            default: continue
            }
        }
        for name in ["UTC", "GMT"] where FileManager.default.fileExists(atPath: root + "/" + name) {
            names.insert(name)
        }
        zoneNames = names.filter(TimeZoneDatabase.isPlainName)
    }

    /// Whether `name` is a zone of this database whose file reads: a listed region name
    /// (`Europe/Paris`), link (`America/Montreal`) or `UTC`, not an ad-hoc offset such as
    /// `GMT+1` (only `Etc/GMT+1` is listed), nor a path.
    public func isKnown(_ name: String) -> Bool {
        (try? zone(named: name)) != nil
    }

    /// The zone `name`, read on first use; `nil` when `tzdata.zi` does not list it.
    public func zone(named name: String) throws(TimeZoneDatabaseError) -> TZif? {
        guard zoneNames.contains(name) else { return nil }
        if let cached = zones.withLock({ $0[name] }) { return try cached.get() }
        let path = root + "/" + name
        let result: Result<TZif, TimeZoneDatabaseError>
        if let data = FileManager.default.contents(atPath: path) {
            do {
                result = .success(try TZif(bytes: [UInt8](data)))
            } catch {
                result = .failure(.malformedZone(name: name, path: path, error))
            }
        } else {
            result = .failure(.unreadable(path: path))
        }
        zones.withLock { $0[name] = result }
        return try result.get()
    }

    /// Seconds east of UTC in `zone` at `t` (Unix seconds); `nil` for a zone that is not known.
    public func offsetSeconds(zone name: String, atUnixSeconds t: Int) -> Int? {
        guard let zone = try? zone(named: name) else { return nil }
        return zone.utcOffset(atUnixSeconds: Int64(t))
    }

    /// Minutes east of UTC in `zone` at `date` 12:00 UTC (matching-model §1); `nil` for a
    /// zone that is not known.
    public func offsetMinutes(zone name: String, at date: CalendarDate) -> Int? {
        offsetSeconds(zone: name, atUnixSeconds: TimeZoneOffset.daysSinceEpoch(date) * 86_400 + 43_200).map { $0 / 60 }
    }

    /// A relative path of plain name components: no `..`, no leading `/`, no empty parts.
    static func isPlainName(_ name: String) -> Bool {
        let allowed = "_+-".unicodeScalars
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return !name.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
                && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || allowed.contains($0)) }
        }
    }
}
