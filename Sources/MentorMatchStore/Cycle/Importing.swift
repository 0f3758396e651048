import Foundation
import MentorMatchData

/// What an import did.
public struct ImportReport: Sendable {
    public var info: SnapshotInfo
    /// `false`: the same bytes were imported before (as `info`); nothing was added.
    public var added: Bool
    /// This was the store's first snapshot.
    public var first: Bool
    /// Pairings started, ended and of unknown start, and the reconciliation's differences (`nil` when not added).
    public var plan: ImportPlan?
    public var warnings: [InputWarning]
}

extension Store {
    /// Imports the snapshot at `path` (a JSON file or a CSV folder), validated as the stateless commands
    /// do; `source` is how the path is shown. The same bytes imported again add nothing.
    public func importSnapshot(at path: String, source: String) throws -> ImportReport {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        // A JSON file is read once: the bytes hashed are the bytes parsed.
        var data: Data?
        if exists, !isFolder.boolValue { data = try? Data(contentsOf: url) }
        let content: ContentHash.Content
        if let data {
            content = ContentHash.Content(sha256: ContentHash.sha256(data), byteCount: Int64(data.count))
        } else if exists, let folder = try? ContentHash.of(path: path) {
            content = folder
        } else {
            _ = try SnapshotReader.read(at: url)  // the reader's own error for a missing or unreadable input
            throw InputErrors([InputError(file: path, record: "", field: "", found: "no readable file", expected: "a snapshot")])
        }
        if let existing = try repository.snapshotInfo(sha256: content.sha256) {
            return ImportReport(info: existing, added: false, first: false, plan: nil, warnings: [])
        }
        let loaded = try data.map { data throws(InputErrors) in try SnapshotJSONReader.read(data: data, file: path) }
            ?? SnapshotReader.read(at: url)
        let snapshot = loaded.value
        let record = try SnapshotCodec.encode(snapshot, source: source, content: content, at: clock.now())
        StoreTrace.step("import prepared")
        var first = false
        let outcome = try repository.importSnapshot(record) { state in
            if let latest = state.latest, latest.asOf > record.asOf {
                throw StoreError.olderThanLatest(asOf: record.asOf, latestVersion: latest.id, latestAsOf: latest.asOf)
            }
            first = state.latest == nil
            return ImportPlanner.plan(state: state, snapshot: snapshot)
        }
        return ImportReport(info: outcome.info, added: outcome.added, first: outcome.added && first, plan: outcome.plan,
                            warnings: loaded.warnings)
    }
}

/// How an import changes the store's pairings, and what it finds when it compares the export with the
/// moves applied since the last import (the reconciliation).
public enum ImportPlanner {
    public static func plan(state: ImportState, snapshot: Snapshot) -> ImportPlan {
        let asOf = snapshot.asOf.description
        let first = state.latest == nil
        let previous = Dictionary(state.pairings.map { ($0.student, $0) }, uniquingKeysWith: { a, _ in a })
        // Applied moves the back office did not carry out: the student stayed with the mentor they left.
        var stayed: Set<String> = []
        if !state.unreconciled.isEmpty {
            let current = Dictionary(snapshot.students.map { ($0.id, $0.currentMentor) }, uniquingKeysWith: { a, _ in a })
            for change in state.unreconciled where change.fromMentor != nil && current[change.student] == change.fromMentor {
                stayed.insert(change.student)
            }
        }
        var exported: [String: String] = [:]
        var pairings: [Pairing] = []
        var started = 0, unknownStart = 0
        pairings.reserveCapacity(snapshot.students.count)
        for student in snapshot.students {
            guard let mentor = student.currentMentor else { continue }
            exported[student.id] = mentor
            let exportSince = student.assignedSince?.description
            if first {
                pairings.append(Pairing(student: student.id, mentor: mentor, since: exportSince,
                                        origin: exportSince == nil ? .firstImport : .export, snapshotId: 0))
                if exportSince == nil { unknownStart += 1 }
            } else if let known = previous[student.id], known.mentor == mentor {
                pairings.append(Pairing(student: student.id, mentor: mentor, since: exportSince ?? known.since,
                                        origin: exportSince == nil ? known.origin : .export, snapshotId: 0))
                if (exportSince ?? known.since) == nil { unknownStart += 1 }
            } else if stayed.contains(student.id), exportSince == nil {
                // The pairing from before the applied move goes on; its start was not kept: unknown.
                pairings.append(Pairing(student: student.id, mentor: mentor, since: nil, origin: .firstImport, snapshotId: 0))
                unknownStart += 1
            } else {
                started += 1
                pairings.append(Pairing(student: student.id, mentor: mentor, since: exportSince ?? asOf,
                                        origin: exportSince == nil ? .import_ : .export, snapshotId: 0))
            }
        }
        let ended = first ? 0 : previous.keys.filter { exported[$0] == nil }.count
        var differences: [Difference] = []
        if !first {
            // The latest applied change of each student since the last import: carried out or not.
            var lastChange: [String: AppliedChange] = [:]
            for change in state.unreconciled { lastChange[change.student] = change }
            for change in lastChange.values.sorted(by: { $0.student < $1.student }) {
                let found = exported[change.student]
                differences.append(Difference(snapshotId: 0, student: change.student,
                                              kind: found == change.toMentor ? .carriedOut : .notCarriedOut,
                                              expected: change.toMentor, found: found, changeId: change.id))
            }
            // Every other change of mentor: nobody here proposed or applied it.
            let students = Set(previous.keys).union(exported.keys).subtracting(lastChange.keys)
            for student in students.sorted() where previous[student]?.mentor != exported[student] {
                differences.append(Difference(snapshotId: 0, student: student, kind: .unproposed,
                                              expected: previous[student]?.mentor, found: exported[student]))
            }
        }
        return ImportPlan(pairings: pairings, differences: differences, started: started, ended: ended, unknownStart: unknownStart)
    }
}
