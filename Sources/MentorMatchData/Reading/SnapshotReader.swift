import Foundation

/// Reads a snapshot from a JSON file or a CSV folder, whichever `url` names.
public enum SnapshotReader {
    /// A folder is read as CSV (formats.md "Snapshot as CSV"), anything else as JSON.
    public static func read(at url: URL) throws(InputErrors) -> Loaded<Snapshot> {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return try SnapshotCSVReader.read(folder: url)
        }
        return try SnapshotJSONReader.read(contentsOf: url)
    }
}
