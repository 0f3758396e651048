import Foundation

/// Writing files and folders so that a reader sees the old content or the new one, never half of it:
/// everything is written under a temporary name beside the target, then renamed into place.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(uniqueSuffix()).tmp")
        do {
            try data.write(to: temporary)
            try rename(temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Lets `fill` write into a fresh temporary folder beside `url`, then puts that folder at `url`.
    ///
    /// An existing folder at `url` is first moved aside and removed only once the new one is in place.
    public static func writeFolder(at url: URL, _ fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        let suffix = uniqueSuffix()
        let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).\(suffix).tmp")
        let old = parent.appendingPathComponent(".\(url.lastPathComponent).\(suffix).old")
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
            try fill(temporary)
            if fm.fileExists(atPath: url.path) {
                try rename(url, to: old)
                do {
                    try rename(temporary, to: url)
                } catch {
                    try? rename(old, to: url)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try rename(temporary, to: url)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    /// POSIX `rename(2)`: atomic within one file system, replaces a file at the destination.
    private static func rename(_ from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            let code = errno
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: to.path,
                NSLocalizedDescriptionKey: "cannot rename \(from.path) to \(to.path): \(String(cString: strerror(code)))",
            ])
        }
    }

    private static func uniqueSuffix() -> String {
        "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }
}
