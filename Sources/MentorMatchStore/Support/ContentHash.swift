import Crypto
import Foundation

/// The SHA-256 content hash of what was imported (swift-crypto's `SHA256`).
///
/// A JSON file: the SHA-256 of its bytes. A CSV folder: the SHA-256 of its regular files in name
/// order (not recursive), each as its name, a NUL, its length in decimal, a NUL, then its bytes; so
/// renaming, adding or changing any file changes the hash, and the same files give the same hash
/// wherever the folder lives.
public enum ContentHash {
    public struct Content: Sendable {
        public var sha256: String
        public var byteCount: Int64
    }

    public static func of(path: String) throws -> Content {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        if !isFolder.boolValue {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return Content(sha256: hex(SHA256.hash(data: data)), byteCount: Int64(data.count))
        }
        var hasher = SHA256()
        var total: Int64 = 0
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        for name in names {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let data = try Data(contentsOf: url)
            hasher.update(data: Data("\(name)\u{0}\(data.count)\u{0}".utf8))
            hasher.update(data: data)
            total += Int64(data.count)
        }
        return Content(sha256: hex(hasher.finalize()), byteCount: total)
    }

    /// SHA-256 of `data`, in lowercase hex.
    public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex(_ digest: SHA256Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
