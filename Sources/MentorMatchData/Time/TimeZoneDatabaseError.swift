/// Why the system's time-zone database, or a zone in it, could not be used.
public enum TimeZoneDatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `tzdata.zi` under the root: the database is not installed.
    case notInstalled(root: String)
    /// `tzdata.zi` has no `# version …` first line.
    case noVersion(path: String)
    /// A file of the database could not be read.
    case unreadable(path: String)
    /// A zone's TZif file is malformed.
    case malformedZone(name: String, path: String, TZifError)

    public var description: String {
        switch self {
        case .notInstalled(let root):
            return "no time-zone database at \(root): install Debian's tzdata (apt-get install tzdata)"
        case .noVersion(let path):
            return "\(path) does not start with a version line (# version …): reinstall Debian's tzdata (apt-get install --reinstall tzdata)"
        case .unreadable(let path):
            return "cannot read \(path) of the time-zone database: reinstall Debian's tzdata (apt-get install --reinstall tzdata)"
        case .malformedZone(let name, let path, let error):
            return "time zone \(name) (\(path)): \(error)"
        }
    }
}
