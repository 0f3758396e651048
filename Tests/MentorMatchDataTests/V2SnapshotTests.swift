import Foundation
import Testing
@testable import MentorMatchData

/// The snapshot fields of formats.md version 2: a student's `assignedSince` and the `declined` list,
/// in JSON and in a CSV folder, each rule with its exact message.
@Suite struct V2SnapshotTests {
    typealias F = Fixtures

    static var declined: [[String: Any]] { [
        ["student": "s-1", "mentor": "m-2", "until": "2027-01-18"],
        ["student": "s-1", "mentor": "m-2", "until": "2026-12-07"],  // duplicates are allowed
    ] }

    @Test func assignedSinceAndDeclinedRead() throws {
        let loaded = try SnapshotJSONReader.read(
            data: F.json(mentors: [F.mentor("m-1"), F.mentor("m-2")],
                         students: [F.student("s-1", ["currentMentor": "m-1", "assignedSince": "2026-10-05"]), F.student("s-2")],
                         declined: Self.declined),
            file: "snap.json")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.value.students.map(\.assignedSince) == [CalendarDate(year: 2026, month: 10, day: 5), nil])
        #expect(loaded.value.declined == [
            Declined(student: "s-1", mentor: "m-2", until: CalendarDate(year: 2027, month: 1, day: 18)),
            Declined(student: "s-1", mentor: "m-2", until: CalendarDate(year: 2026, month: 12, day: 7)),
        ])
        // Both optional: a v1 snapshot reads with none.
        let v1 = try SnapshotJSONReader.read(data: F.json(), file: "snap.json").value
        #expect(v1.declined.isEmpty && v1.students[0].assignedSince == nil)
    }

    @Test func assignedSinceIsADate() {
        #expect(F.errors(F.json(students: [F.student("s-1", ["currentMentor": "m-1", "assignedSince": "2026-10-32"])]))
            == ["snap.json: student s-1: assignedSince: found \"2026-10-32\", expected an ISO 8601 date YYYY-MM-DD"])
        #expect(F.errors(F.json(students: [F.student("s-1", ["currentMentor": "m-1", "assignedSince": 20261005])]))
            == ["snap.json: student s-1: assignedSince: found 20261005, expected an ISO 8601 date YYYY-MM-DD"])
    }

    @Test func assignedSinceNotAfterAsOf() {
        // On asOf itself is fine (a pairing that started today).
        #expect(F.errors(F.json(students: [F.student("s-1", ["currentMentor": "m-1", "assignedSince": "2026-11-23"])])) == [])
        #expect(F.errors(F.json(students: [F.student("s-1", ["currentMentor": "m-1", "assignedSince": "2026-11-24"])]))
            == ["snap.json: student s-1: assignedSince: found \"2026-11-24\", expected a date on or before asOf (2026-11-23)"])
        // Without a readable asOf, only asOf is reported.
        #expect(F.errors(F.json(asOf: "soon", students: [F.student("s-1", ["currentMentor": "m-1", "assignedSince": "2026-11-24"])]))
            == ["snap.json: asOf: found \"soon\", expected an ISO 8601 date YYYY-MM-DD"])
    }

    @Test func assignedSinceNeedsACurrentMentor() {
        #expect(F.errors(F.json(students: [F.student("s-1", ["assignedSince": "2026-10-05"])]))
            == ["snap.json: student s-1: assignedSince: found \"2026-10-05\" without a currentMentor, expected assignedSince only on a student with a currentMentor"])
        // Both broken: both said.
        #expect(F.errors(F.json(students: [F.student("s-1", ["assignedSince": "2027-01-01"])])) == [
            "snap.json: student s-1: assignedSince: found \"2027-01-01\" without a currentMentor, expected assignedSince only on a student with a currentMentor",
            "snap.json: student s-1: assignedSince: found \"2027-01-01\", expected a date on or before asOf (2026-11-23)",
        ])
    }

    @Test func declinedNamesExistingRecords() {
        let entries: [[String: Any]] = Self.declined + [
            ["student": "s-1", "mentor": "m-1", "until": "2027-01-18"],
            ["student": "s-9", "mentor": "m-9", "until": "2027-01-18"],
        ]
        #expect(F.errors(F.json(mentors: [F.mentor("m-1"), F.mentor("m-2")], declined: entries)) == [
            "snap.json: declined[3]: student: found \"s-9\", expected the id of a student of the snapshot",
            "snap.json: declined[3]: mentor: found \"m-9\", expected the id of a mentor of the snapshot",
        ])
    }

    @Test func declinedFieldsRequired() {
        let entries: [[String: Any]] = [
            ["student": "s-1", "mentor": "m-1"],
            ["student": "s-1", "until": "2027-01-18"],
            ["student": "s-1", "mentor": "m-1", "until": "18/01/2027"],
        ]
        #expect(F.errors(F.json(declined: entries)) == [
            "snap.json: declined[0]: until: found nothing, expected an ISO 8601 date YYYY-MM-DD (required)",
            "snap.json: declined[1]: mentor: found nothing, expected a non-empty string (required)",
            "snap.json: declined[2]: until: found \"18/01/2027\", expected an ISO 8601 date YYYY-MM-DD",
        ])
        #expect(F.errors(F.json(extra: ["declined": "none"]))
            == ["snap.json: declined: found \"none\", expected a list of records"])
        #expect(F.errors(F.json(extra: ["declined": [3]]))
            == ["snap.json: declined[0]: found 3, expected an object"])
    }

    @Test func declinedUnknownFieldsAreWarnings() throws {
        let entries: [[String: Any]] = [
            ["student": "s-1", "mentor": "m-1", "until": "2027-01-18", "by": "advisor-3"],
            ["student": "s-1", "mentor": "m-1", "until": "2027-01-18", "by": "advisor-4"],
        ]
        let loaded = try SnapshotJSONReader.read(data: F.json(declined: entries), file: "snap.json")
        #expect(loaded.warnings.map(\.description) == ["snap.json: declined[0]: by: unknown field ignored"])
        #expect(loaded.value.declined.count == 2)
    }

    @Test func csvFolderReadsAssignedSinceAndDeclined() throws {
        let folder = F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id,paths,capacity,timezone,availability\nm-1,web,2,UTC,Mon 10:00-12:00\nm-2,web,2,UTC,Mon 10:00-12:00\n".utf8)
            .write(to: folder.appendingPathComponent("mentors.csv"))
        try Data("id,path,language,timezone,availability,currentMentor,assignedSince\ns-1,web,fr,UTC,Mon 10:00-12:00,m-1,2026-09-01\ns-2,web,fr,UTC,Mon 10:00-12:00,,\n".utf8)
            .write(to: folder.appendingPathComponent("students.csv"))
        try Data("student,mentor,until\ns-1,m-2,2027-01-18\ns-1,m-2,2027-01-18\n".utf8)
            .write(to: folder.appendingPathComponent("declined.csv"))
        let s = try SnapshotCSVReader.read(folder: folder, today: CalendarDate(year: 2026, month: 11, day: 23)).value
        #expect(s.students.map(\.assignedSince) == [CalendarDate(year: 2026, month: 9, day: 1), nil])
        #expect(s.declined.count == 2 && s.declined[0].mentor == "m-2")

        // Errors name declined.csv and its line; a missing column is one error for the file.
        try Data("student,mentor,until\ns-1,m-9,2027-01-18\ns-1,m-2,tomorrow\n".utf8)
            .write(to: folder.appendingPathComponent("declined.csv"))
        try Data("id,path,language,timezone,availability,currentMentor,assignedSince\ns-1,web,fr,UTC,Mon 10:00-12:00,m-1,2026-12-01\ns-2,web,fr,UTC,Mon 10:00-12:00,,2026-01-01\n".utf8)
            .write(to: folder.appendingPathComponent("students.csv"))
        do {
            _ = try SnapshotCSVReader.read(folder: folder, today: CalendarDate(year: 2026, month: 11, day: 23))
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.description) == [
                "\(folder.path)/declined.csv: line 3: until: found \"tomorrow\", expected an ISO 8601 date YYYY-MM-DD",
                "\(folder.path)/students.csv: line 2: assignedSince: found \"2026-12-01\", expected a date on or before asOf (2026-11-23)",
                "\(folder.path)/students.csv: line 3: assignedSince: found \"2026-01-01\" without a currentMentor, expected assignedSince only on a student with a currentMentor",
                "\(folder.path)/declined.csv: line 2: mentor: found \"m-9\", expected the id of a mentor of the snapshot",
            ])
        }
        try Data("student,mentor\ns-1,m-2\n".utf8).write(to: folder.appendingPathComponent("declined.csv"))
        try Data("id,path,language,timezone,availability\ns-1,web,fr,UTC,Mon 10:00-12:00\n".utf8)
            .write(to: folder.appendingPathComponent("students.csv"))
        #expect(throws: InputErrors([InputError(file: "\(folder.path)/declined.csv", record: "line 1", field: "until",
                                                found: "no such column", expected: "a column named until (required)")])) {
            try SnapshotCSVReader.read(folder: folder)
        }
    }

    @Test func removedStudentsTakeTheirDeclinedMovesAlong() throws {
        let scenario = try ScenarioReader.read(data: Data("name: t\nbase: x.json\nchanges:\n  - removeStudents: [s-1]\n".utf8),
                                               file: "whatif.yaml", folder: URL(fileURLWithPath: "/tmp")).value
        let changed = try scenario.apply(to: Fixtures.rich)
        #expect(changed.declined == Fixtures.rich.declined.filter { $0.student != "s-1" })
        #expect(changed.declined.count == 1)
    }

    @Test func scenarioAddedStudentsAreCheckedAgainstAsOf() throws {
        let text = """
            name: t
            base: x.json
            changes:
              - addStudents: [{id: s-3, path: web-developer, language: fr, timezone: UTC, availability: ["Mon 10:00-11:00"], currentMentor: m-1, assignedSince: "2026-12-24"}]

            """
        let scenario = try ScenarioReader.read(data: Data(text.utf8), file: "whatif.yaml", folder: URL(fileURLWithPath: "/tmp")).value
        #expect(throws: InputErrors([InputError(file: "whatif.yaml", record: "student s-3", field: "assignedSince",
                                                found: "\"2026-12-24\"", expected: "a date on or before asOf (2026-11-23)")])) {
            try scenario.apply(to: Fixtures.rich)
        }
    }
}
