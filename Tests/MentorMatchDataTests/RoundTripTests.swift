import Foundation
import Testing
@testable import MentorMatchData

/// Writing then reading gives the same snapshot, as JSON and as a CSV folder.
@Suite struct RoundTripTests {
    @Test func jsonRoundTrip() throws {
        let text = SnapshotJSONWriter.text(Fixtures.rich)
        let back = try SnapshotJSONReader.read(data: Data(text.utf8), file: "rich.json")
        #expect(back.warnings.isEmpty)
        #expect(back.value == Fixtures.rich)
        // Stable: writing the read value gives the same bytes.
        #expect(SnapshotJSONWriter.text(back.value) == text)
    }

    @Test func jsonKeyOrderIsTheContracts() {
        let text = SnapshotJSONWriter.text(Fixtures.rich)
        let keys = ["\"asOf\"", "\"styles\"", "\"mentors\"", "\"students\"", "\"feedback\"", "\"locks\"", "\"declined\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        // (v2) assignedSince right after currentMentor; declined last, always written (like locks).
        #expect(text.contains("\"currentMentor\": \"m-1\",\n      \"assignedSince\": \"2026-10-05\",\n      \"missedSessions\""))
        #expect(text.hasSuffix("""
              "declined": [
                {"student": "s-1", "mentor": "m-2", "until": "2027-01-18"},
                {"student": "s-2", "mentor": "m-1", "until": "2026-11-02"},
                {"student": "s-1", "mentor": "m-2", "until": "2026-12-07"}
              ]
            }

            """))
        var plain = Fixtures.rich
        plain.declined = []
        plain.students[0].assignedSince = nil
        let plainText = SnapshotJSONWriter.text(plain)
        #expect(plainText.hasSuffix("  \"locks\": [\n    {\"student\": \"s-2\", \"mentor\": \"m-1\"}\n  ],\n  \"declined\": []\n}\n"))
        #expect(!plainText.contains("assignedSince"))
        #expect(text.contains("\"styles\": {\"structured\": 0.6, \"hands-on\": 0.9}"))
        #expect(text.contains("\"availability\": [\"Mon 18:00-21:00\", \"Sun 22:00-01:00\"]"))
        #expect(text.contains("\"name\": \"Claire \\\"Clo\\\" Martin, PhD\""))
    }

    @Test func generatedSnapshotRoundTrips() throws {
        let snapshot = SnapshotGenerator.generate(students: 400, seed: 3)
        let back = try SnapshotJSONReader.read(data: Data(SnapshotJSONWriter.text(snapshot).utf8), file: "g.json")
        #expect(back.value == snapshot)
        #expect(back.warnings.isEmpty)
    }

    @Test func csvRoundTrip() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("snap")
        try SnapshotCSVWriter.write(Fixtures.rich, folder: target)
        let back = try SnapshotCSVReader.read(folder: target)
        #expect(back.warnings.isEmpty)
        #expect(back.value == Fixtures.rich)
        // Through a generated snapshot too, and through SnapshotReader's folder detection.
        let generated = SnapshotGenerator.generate(students: 300, seed: 5)
        try SnapshotCSVWriter.write(generated, folder: target)
        #expect(try SnapshotReader.read(at: target).value == generated)
    }

    @Test func csvQuotingAndListFields() throws {
        let files = try SnapshotCSVWriter.files(Fixtures.rich)
        let mentors = String(decoding: files.first { $0.name == "mentors.csv" }!.data, as: UTF8.self)
        let lines = mentors.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,name,languages,paths,styles,capacity,maxNewPerWeek,timezone,availability,active")
        #expect(lines[1] == "m-1,\"Claire \"\"Clo\"\" Martin, PhD\",fr;en,web-developer;frontend,structured:0.6;hands-on:0.9,12,3,Europe/Paris,Mon 18:00-21:00;Sun 22:00-01:00,true")
        #expect(lines[2] == "m-2,,fr,data-analyst,,0,,Asia/Kathmandu,Wed 00:00-24:00,false")
        // (v2) The assignedSince column after currentMentor, and declined.csv.
        let students = String(decoding: files.first { $0.name == "students.csv" }!.data, as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(students[0] == "id,name,path,language,timezone,preferences,availability,sessionsPerWeek,sessionMinutes,currentMentor,assignedSince,missedSessions,openHelpRequests,changeRequested")
        #expect(students[1].hasSuffix(",1,45,m-1,2026-10-05,1,2,true"))
        #expect(students[2].hasSuffix(",2,30,,,0,0,false"))
        let declined = String(decoding: files.first { $0.name == "declined.csv" }!.data, as: UTF8.self)
        #expect(declined == "student,mentor,until\ns-1,m-2,2027-01-18\ns-2,m-1,2026-11-02\ns-1,m-2,2026-12-07\n")
        #expect(files.map(\.name) == ["mentors.csv", "students.csv", "feedback.csv", "locks.csv", "declined.csv", "snapshot.json"])
    }

    /// declined.csv is optional (v2): written only when there are declined moves, so that a folder
    /// without any is the one a v1 tool wrote and reads.
    @Test func csvDeclinedFileOnlyWhenNeeded() throws {
        var plain = Fixtures.rich
        plain.declined = []
        #expect(try SnapshotCSVWriter.files(plain).map(\.name) == ["mentors.csv", "students.csv", "feedback.csv", "locks.csv", "snapshot.json"])
        // Writing over a folder that had one leaves none behind.
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SnapshotCSVWriter.write(Fixtures.rich, folder: folder.appendingPathComponent("snap"))
        try SnapshotCSVWriter.write(plain, folder: folder.appendingPathComponent("snap"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("snap/declined.csv").path))
        #expect(try SnapshotCSVReader.read(folder: folder.appendingPathComponent("snap")).value == plain)
    }

    @Test func csvReadsQuotedCellsListsDefaultsAndLines() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mentors = """
            id,name,paths,capacity,timezone,availability,styles,notes
            m-1,"Martin, Claire",web-developer;frontend,3,Europe/Paris,"Mon 18:00-21:00; Sat 09:00-12:00",hands-on:0.9;expert:0.25,"two
            lines"
            m-2,Dupont,data-analyst,1,Africa/Dakar,Tue 18:00-20:00,,

            """
        let students = """
            id,path,language,timezone,availability,currentMentor,changeRequested
            s-1,web-developer,fr,Africa/Dakar,Mon 19:00-22:00,m-1,true
            s-2,data-analyst,en,Asia/Kolkata,Tue 22:00-01:00,,
            """
        try Data(mentors.utf8).write(to: folder.appendingPathComponent("mentors.csv"))
        try Data(students.utf8).write(to: folder.appendingPathComponent("students.csv"))
        let loaded = try SnapshotCSVReader.read(folder: folder, today: CalendarDate(year: 2026, month: 11, day: 29))
        let s = loaded.value
        #expect(s.asOf == CalendarDate(year: 2026, month: 11, day: 29))
        #expect(s.mentors[0].name == "Martin, Claire")
        #expect(s.mentors[0].paths == ["web-developer", "frontend"])
        #expect(s.mentors[0].availability.map(\.description) == ["Mon 18:00-21:00", "Sat 09:00-12:00"])
        #expect(s.mentors[0].styles == ["hands-on": 0.9, "expert": 0.25])
        #expect(s.mentors[1].styles == [:])
        #expect(s.mentors[1].languages == ["fr"])
        #expect(s.students[0].changeRequested)
        #expect(s.students[1].currentMentor == nil)
        #expect(loaded.warnings.map(\.description) == ["\(folder.path)/mentors.csv: line 1: notes: unknown field ignored"])

        // Errors name the CSV line (a quoted newline moves the next record down a line).
        let broken = mentors.replacingOccurrences(of: "m-2,Dupont,data-analyst,1", with: "m-2,Dupont,data-analyst,-1")
        try Data(broken.utf8).write(to: folder.appendingPathComponent("mentors.csv"))
        #expect(throws: InputErrors([InputError(file: "\(folder.path)/mentors.csv", record: "line 4", field: "capacity",
                                                found: "\"-1\"", expected: "an integer in 0…100000")])) {
            try SnapshotCSVReader.read(folder: folder)
        }
    }

    @Test func csvStructuralErrors() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id,paths,capacity,timezone,availability\nm-1,web,1,UTC,Mon 10:00-11:00,extra\n".utf8)
            .write(to: folder.appendingPathComponent("mentors.csv"))
        try Data("id,path,timezone\ns-1,web,UTC\n".utf8).write(to: folder.appendingPathComponent("students.csv"))
        do {
            _ = try SnapshotCSVReader.read(folder: folder)
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(folder.path)/mentors.csv: line 2: found 6 cells, expected 5 cells, as many as header columns",
                "\(folder.path)/students.csv: line 1: language: found no such column, expected a column named language (required)",
                "\(folder.path)/students.csv: line 1: availability: found no such column, expected a column named availability (required)",
            ])
        }
            try FileManager.default.removeItem(at: folder.appendingPathComponent("students.csv"))
        #expect(throws: InputErrors([
            InputError(file: "\(folder.path)/mentors.csv", record: "line 2", field: "", found: "6 cells",
                       expected: "5 cells, as many as header columns"),
            InputError(file: "\(folder.path)/students.csv", record: "", field: "", found: "no readable file",
                       expected: "students.csv in the snapshot folder"),
        ])) {
            try SnapshotCSVReader.read(folder: folder)
        }
    }

    @Test func csvWithByteOrderMarkAndCRLF() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mentors = "\u{FEFF}id,paths,capacity,timezone,availability\r\nm-1,web,2,Europe/Paris,Mon 18:00-21:00\r\n"
        let students = "id,path,language,timezone,availability,currentMentor\r\ns-1,web,fr,Africa/Dakar,\"Mon 19:00-22:00;Tue 19:00-22:00\",m-1\r\n"
        try Data(mentors.utf8).write(to: folder.appendingPathComponent("mentors.csv"))
        try Data(students.utf8).write(to: folder.appendingPathComponent("students.csv"))
        let s = try SnapshotCSVReader.read(folder: folder).value
        #expect(s.mentors.map(\.id) == ["m-1"])
        #expect(s.mentors[0].availability.map(\.description) == ["Mon 18:00-21:00"])
        #expect(s.students[0].availability.count == 2)
        #expect(s.students[0].currentMentor == "m-1")
    }

    @Test func csvAsOfFromSnapshotJSON() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id,paths,capacity,timezone,availability\n".utf8).write(to: folder.appendingPathComponent("mentors.csv"))
        try Data("id,path,language,timezone,availability\n".utf8).write(to: folder.appendingPathComponent("students.csv"))
        try Data(#"{"asOf": "2026-07-01", "styles": ["expert", "career"]}"#.utf8).write(to: folder.appendingPathComponent("snapshot.json"))
        let s = try SnapshotCSVReader.read(folder: folder).value
        #expect(s.asOf == CalendarDate(year: 2026, month: 7, day: 1))
        #expect(s.styles == ["expert", "career"])
    }

    @Test func atomicWritesReplaceWholeFilesAndFolders() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.json")
        try SnapshotJSONWriter.write(Fixtures.rich, to: file)
        var smaller = Fixtures.rich
        smaller.students.removeLast()
        smaller.locks = []
        smaller.feedback.removeLast()
        smaller.declined.removeAll { $0.student == "s-2" }
        try SnapshotJSONWriter.write(smaller, to: file)
        #expect(try SnapshotJSONReader.read(contentsOf: file).value == smaller)
        let target = folder.appendingPathComponent("csv")
        try SnapshotCSVWriter.write(Fixtures.rich, folder: target)
        try SnapshotCSVWriter.write(smaller, folder: target)
        #expect(try SnapshotCSVReader.read(folder: target).value == smaller)
        // Nothing temporary is left beside the targets.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["csv", "s.json"])
        // A failure while filling the folder leaves the old one in place.
        struct Boom: Error {}
        #expect(throws: Boom.self) { try AtomicFile.writeFolder(at: target) { _ in throw Boom() } }
        #expect(try SnapshotCSVReader.read(folder: target).value == smaller)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["csv", "s.json"])
    }
}
