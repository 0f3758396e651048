import Foundation

/// The IANA time-zone names this machine knows, looked up once.
enum KnownTimeZones {
    private static let names: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC", "GMT"])

    /// Whether `name` is an IANA zone name (a region name such as `Europe/Paris`, or a
    /// legacy link such as `America/Montreal`), not an ad-hoc offset such as `GMT+1`.
    static func contains(_ name: String) -> Bool {
        if names.contains(name) { return true }
        // Only plain zone names reach the system: no paths, no `..`.
        guard !name.contains(".."), name.unicodeScalars.allSatisfy({
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_+-/".unicodeScalars.contains($0)
        }) else { return false }
        return name.contains("/") && !name.hasPrefix("/") && TimeZone(identifier: name) != nil
    }
}
