import FuzzSupport

// The CSV folder reader: the input is the folder's files joined by NUL bytes, in the order mentors.csv,
// students.csv, feedback.csv, locks.csv, snapshot.json (a missing part: no such file). They are written
// to a folder of this process (in /dev/shm when there is one) and read as a snapshot folder.
enum CSVFolder {
    static let names = ["mentors.csv", "students.csv", "feedback.csv", "locks.csv", "snapshot.json"]

    static let url: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("mentormatch-fuzz-csv-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("fuzz set-up: cannot create \(url.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: CSVFolder.url) }
        return url
    }()

    static func write(_ parts: [Data?]) {
        for (name, part) in zip(names, parts) {
            let file = url.appendingPathComponent(name)
            if let part {
                do { try part.write(to: file) } catch { fatalError("fuzz set-up: cannot write \(file.path): \(error)") }
            } else {
                try? FileManager.default.removeItem(at: file)
            }
        }
    }
}

Fuzz.run { data in
    CSVFolder.write(Fuzz.split(data, parts: CSVFolder.names.count))
    if let loaded = try? SnapshotCSVReader.read(folder: CSVFolder.url, today: Fuzz.today) {
        Fuzz.writeBack(loaded.value)
    }
}
