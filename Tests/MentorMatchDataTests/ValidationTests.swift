import Foundation
import Testing
@testable import MentorMatchData

/// One test per rule of formats.md and matching-model §2, each with its exact message.
@Suite struct ValidationTests {
    typealias F = Fixtures

    @Test func validSnapshotReads() throws {
        let loaded = try SnapshotJSONReader.read(data: F.json(), file: "snap.json")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.value.mentors[0].languages == ["fr"])
        #expect(loaded.value.mentors[0].active)
        #expect(loaded.value.mentors[0].maxNewPerWeek == nil)
        #expect(loaded.value.students[0].sessionMinutes == 45)
        #expect(loaded.value.students[0].sessionsPerWeek == 1)
        #expect(loaded.value.styles == Snapshot.defaultStyles)
    }

    @Test func notJSON() {
        let lines = F.errors(Data("{\"asOf\": ".utf8))
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("snap.json: found text that is not JSON"))
        #expect(lines[0].hasSuffix("expected a JSON object"))
        #expect(F.errors(Data("[1, 2]".utf8)) == ["snap.json: found a list, expected a JSON object"])
    }

    @Test func asOfRequired() {
        #expect(F.errors(F.json(asOf: nil))
            == ["snap.json: asOf: found nothing, expected an ISO 8601 date YYYY-MM-DD (required)"])
    }

    @Test func rulesAcrossRecordsStillRunWithoutAsOf() {
        #expect(F.errors(F.json(asOf: nil, mentors: [F.mentor(), F.mentor()], extra: ["styles": "all"])) == [
            "snap.json: asOf: found nothing, expected an ISO 8601 date YYYY-MM-DD (required)",
            "snap.json: styles: found \"all\", expected a list of strings",
            "snap.json: mentor m-1: id: found \"m-1\" again (first at mentors[0]), expected ids unique among mentors",
        ])
    }

    @Test func datesAreISO() {
        #expect(F.errors(F.json(asOf: "2026-02-30"))
            == ["snap.json: asOf: found \"2026-02-30\", expected an ISO 8601 date YYYY-MM-DD"])
        let rating: [String: Any] = ["student": "s-1", "mentor": "m-1", "date": "20/11/2026", "rating": 4]
        #expect(F.errors(F.json(feedback: [rating]))
            == ["snap.json: feedback[0]: date: found \"20/11/2026\", expected an ISO 8601 date YYYY-MM-DD"])
    }

    @Test func requiredFields() {
        var mentor = F.mentor()
        mentor["paths"] = nil
        var student = F.student()
        student["language"] = nil
        #expect(F.errors(F.json(mentors: [mentor], students: [student])) == [
            "snap.json: mentor m-1: paths: found nothing, expected a list of strings (required)",
            "snap.json: student s-1: language: found nothing, expected a non-empty string (required)",
        ])
    }

    @Test func mentorIdsUnique() {
        #expect(F.errors(F.json(mentors: [F.mentor(), F.mentor()]))
            == ["snap.json: mentor m-1: id: found \"m-1\" again (first at mentors[0]), expected ids unique among mentors"])
    }

    @Test func duplicateIdNamesTheFirstCopysPlaceInTheFile() {
        // mentors[0] fails to read (capacity -1) and is left out; the first "m-1" is mentors[1], not [0].
        let broken = F.mentor("m-0", ["capacity": -1])
        #expect(F.errors(F.json(mentors: [broken, F.mentor(), F.mentor()])) == [
            "snap.json: mentor m-0: capacity: found -1, expected an integer in 0…100000",
            "snap.json: mentor m-1: id: found \"m-1\" again (first at mentors[1]), expected ids unique among mentors",
        ])
    }

    @Test func studentIdsUnique() {
        #expect(F.errors(F.json(students: [F.student(), F.student("s-2"), F.student()]))
            == ["snap.json: student s-1: id: found \"s-1\" again (first at students[0]), expected ids unique among students"])
    }

    @Test func currentMentorExists() {
        #expect(F.errors(F.json(students: [F.student("s-1", ["currentMentor": "m-9"])]))
            == ["snap.json: student s-1: currentMentor: found \"m-9\", expected the id of a mentor of the snapshot"])
    }

    @Test func feedbackNamesExistingRecords() {
        let rating: [String: Any] = ["student": "s-9", "mentor": "m-9", "date": "2026-11-20", "rating": 4]
        #expect(F.errors(F.json(feedback: [rating])) == [
            "snap.json: feedback[0]: student: found \"s-9\", expected the id of a student of the snapshot",
            "snap.json: feedback[0]: mentor: found \"m-9\", expected the id of a mentor of the snapshot",
        ])
    }

    @Test func lockNamesExistingRecords() {
        #expect(F.errors(F.json(locks: [["student": "s-9", "mentor": "m-9"]])) == [
            "snap.json: locks[0]: student: found \"s-9\", expected the id of a student of the snapshot",
            "snap.json: locks[0]: mentor: found \"m-9\", expected the id of a mentor of the snapshot",
        ])
    }

    @Test func styleNamesInVocabulary() {
        let errors = F.errors(F.json(
            mentors: [F.mentor("m-1", ["styles": ["coaching": 0.5]])],
            students: [F.student("s-1", ["preferences": ["hands-on": 1, "humour": 0.5]])],
            extra: ["styles": ["hands-on", "expert"]]))
        #expect(errors == [
            "snap.json: mentor m-1: styles: found \"coaching\", expected a style of the snapshot's styles list",
            "snap.json: student s-1: preferences: found \"humour\", expected a style of the snapshot's styles list",
        ])
    }

    @Test func weightsBetweenZeroAndOne() {
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["styles": ["expert": 1.5]])]))
            == ["snap.json: mentor m-1: styles: found \"expert\": 1.5, expected a weight in [0, 1]"])
        #expect(F.errors(F.json(students: [F.student("s-1", ["preferences": ["expert": -0.1]])]))
            == ["snap.json: student s-1: preferences: found \"expert\": -0.1, expected a weight in [0, 1]"])
    }

    @Test func capacityIsAnIntegerUpTo100000() {
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["capacity": -1])]))
            == ["snap.json: mentor m-1: capacity: found -1, expected an integer in 0…100000"])
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["capacity": 2.5])]))
            == ["snap.json: mentor m-1: capacity: found 2.5, expected an integer in 0…100000"])
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["capacity": "3"])]))
            == ["snap.json: mentor m-1: capacity: found \"3\", expected an integer in 0…100000"])
        // (v2, issue 18) An upper bound far above any mentor, far below overflow.
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["capacity": 100_000])])) == [])
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["capacity": 100_001])]))
            == ["snap.json: mentor m-1: capacity: found 100001, expected an integer in 0…100000"])
    }

    @Test func maxNewPerWeekIsAnIntegerUpTo100000() {
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["maxNewPerWeek": -2])]))
            == ["snap.json: mentor m-1: maxNewPerWeek: found -2, expected an integer in 0…100000"])
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["maxNewPerWeek": 100_001])]))
            == ["snap.json: mentor m-1: maxNewPerWeek: found 100001, expected an integer in 0…100000"])
    }

    @Test func sessionsPerWeekFrom1To672() {
        #expect(F.errors(F.json(students: [F.student("s-1", ["sessionsPerWeek": 0])]))
            == ["snap.json: student s-1: sessionsPerWeek: found 0, expected an integer in 1…672"])
        // (v2, issue 18) At most one session per quarter-hour slot of the week.
        #expect(F.errors(F.json(students: [F.student("s-1", ["sessionsPerWeek": 672])])) == [])
        #expect(F.errors(F.json(students: [F.student("s-1", ["sessionsPerWeek": 673])]))
            == ["snap.json: student s-1: sessionsPerWeek: found 673, expected an integer in 1…672"])
    }

    /// Issue 18: 2^62 sessions a week used to pass validation and trap in `3 * sessionsPerWeek * sessionMinutes`.
    @Test func hugeSessionsPerWeekIsAnInputErrorNotATrap() {
        let text = String(decoding: F.json(), as: UTF8.self)
            .replacingOccurrences(of: "\"path\":\"web-developer\",", with: "\"path\":\"web-developer\",\"sessionsPerWeek\": 4611686018427387904,")
        #expect(text.contains("4611686018427387904"))
        #expect(F.errors(Data(text.utf8))
            == ["snap.json: student s-1: sessionsPerWeek: found 4611686018427387904, expected an integer in 1…672"])
        // Beyond Int64 too, and as a real number.
        for huge in ["18446744073709551616", "1e300"] {
            let other = text.replacingOccurrences(of: "4611686018427387904", with: huge)
            let errors = F.errors(Data(other.utf8))
            #expect(errors.count == 1 && errors[0].hasSuffix("expected an integer in 1…672"), "\(errors)")
        }
    }

    @Test func countersUpToAMillion() {
        #expect(F.errors(F.json(students: [F.student("s-1", ["missedSessions": 1_000_000, "openHelpRequests": 1_000_000])])) == [])
        #expect(F.errors(F.json(students: [F.student("s-1", ["missedSessions": 1_000_001, "openHelpRequests": -1])])) == [
            "snap.json: student s-1: missedSessions: found 1000001, expected an integer in 0…1000000",
            "snap.json: student s-1: openHelpRequests: found -1, expected an integer in 0…1000000",
        ])
    }

    @Test func sessionMinutesBetween15And240() {
        #expect(F.errors(F.json(students: [F.student("s-1", ["sessionMinutes": 10])]))
            == ["snap.json: student s-1: sessionMinutes: found 10, expected an integer in 15…240"])
        #expect(F.errors(F.json(students: [F.student("s-1", ["sessionMinutes": 241])]))
            == ["snap.json: student s-1: sessionMinutes: found 241, expected an integer in 15…240"])
    }

    @Test func ratingBetweenOneAndFive() {
        let rating: [String: Any] = ["student": "s-1", "mentor": "m-1", "date": "2026-11-20", "rating": 6]
        #expect(F.errors(F.json(feedback: [rating]))
            == ["snap.json: feedback[0]: rating: found 6, expected an integer in 1…5"])
    }

    @Test func reasonFromTheList() {
        let rating: [String: Any] = ["student": "s-1", "mentor": "m-1", "date": "2026-11-20", "rating": 3, "reason": "mood"]
        #expect(F.errors(F.json(feedback: [rating]))
            == ["snap.json: feedback[0]: reason: found \"mood\", expected one of pedagogy availability communication expertise other"])
    }

    @Test func timezoneIsAKnownIANAName() {
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["timezone": "Mars/Olympus"])]))
            == ["snap.json: mentor m-1: timezone: found \"Mars/Olympus\", expected a known IANA time-zone name such as \"Europe/Paris\""])
        #expect(F.errors(F.json(students: [F.student("s-1", ["timezone": "GMT+1"])]))
            == ["snap.json: student s-1: timezone: found \"GMT+1\", expected a known IANA time-zone name such as \"Europe/Paris\""])
        #expect(F.errors(F.json(students: [F.student("s-1", ["timezone": "../../etc/passwd"])])).count == 1)
    }

    @Test func availabilityEntries() {
        let entries = ["Mon 18:00-18:00", "Lun 10:00-11:00", "Mon 18:10-19:00", "Mon 24:00-01:00", "Mon 18:00"]
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["availability": entries])])) == [
            "snap.json: mentor m-1: availability: found \"Mon 18:00-18:00\", expected an entry like \"Mon 18:00-21:00\" (start equals end)",
            "snap.json: mentor m-1: availability: found \"Lun 10:00-11:00\", expected an entry like \"Mon 18:00-21:00\" (days are Mon Tue Wed Thu Fri Sat Sun)",
            "snap.json: mentor m-1: availability: found \"Mon 18:10-19:00\", expected an entry like \"Mon 18:00-21:00\" (times are HH:MM on the quarter hour, 24:00 only as an end)",
            "snap.json: mentor m-1: availability: found \"Mon 24:00-01:00\", expected an entry like \"Mon 18:00-21:00\" (times are HH:MM on the quarter hour, 24:00 only as an end)",
            "snap.json: mentor m-1: availability: found \"Mon 18:00\", expected an entry like \"Mon 18:00-21:00\" (not of the form Day HH:MM-HH:MM)",
        ])
    }

    @Test func atMostOneLockPerStudent() {
        let locks = [["student": "s-1", "mentor": "m-1"], ["student": "s-1", "mentor": "m-2"]]
        #expect(F.errors(F.json(mentors: [F.mentor("m-1"), F.mentor("m-2")], locks: locks))
            == ["snap.json: locks[1]: student: found \"s-1\" locked again (first at locks[0]), expected at most one lock per student"])
    }

    @Test func lockOnInactiveMentor() {
        #expect(F.errors(F.json(mentors: [F.mentor("m-1", ["active": false])], locks: [["student": "s-1", "mentor": "m-1"]]))
            == ["snap.json: locks[0]: mentor: found \"m-1\" (inactive), expected an active mentor"])
    }

    @Test func locksWithinCapacity() {
        let locks = (1...3).map { ["student": "s-\($0)", "mentor": "m-1"] }
        #expect(F.errors(F.json(students: (1...3).map { F.student("s-\($0)") }, locks: locks))
            == ["snap.json: mentor m-1: capacity: found 3 locks on a capacity of 2, expected no more locks on a mentor than their capacity"])
    }

    @Test func lockedArrivalsWithinMaxNewPerWeek() {
        // s-1 already on m-1: its lock is no arrival; s-2 and s-3 arrive.
        let students = [F.student("s-1", ["currentMentor": "m-1"]), F.student("s-2", ["currentMentor": "m-2"]), F.student("s-3")]
        let locks = (1...3).map { ["student": "s-\($0)", "mentor": "m-1"] }
        let mentors = [F.mentor("m-1", ["capacity": 5, "maxNewPerWeek": 1]), F.mentor("m-2")]
        #expect(F.errors(F.json(mentors: mentors, students: students, locks: locks))
            == ["snap.json: mentor m-1: maxNewPerWeek: found 2 locked arrivals on a maxNewPerWeek of 1, expected no more locked arrivals (students whose currentMentor is another) than maxNewPerWeek"])
        let oneArrival = Array(locks.prefix(2))
        #expect(F.errors(F.json(mentors: mentors, students: students, locks: oneArrival)) == [])
    }

    @Test func allErrorsReportedTogether() {
        let errors = F.errors(F.json(
            mentors: [F.mentor("m-1", ["capacity": -1, "timezone": "Nowhere/City"])],
            students: [F.student("s-1", ["sessionMinutes": 5]), F.student("s-2", ["currentMentor": "m-7"])]))
        #expect(errors.count == 4)
    }

    @Test func unknownFieldsAreWarnings() throws {
        let loaded = try SnapshotJSONReader.read(
            data: F.json(mentors: [F.mentor("m-1", ["hobby": "chess"]), F.mentor("m-2", ["hobby": "go"])],
                         extra: ["exportedBy": "crm"]),
            file: "snap.json")
        #expect(loaded.warnings.map(\.description) == [
            "snap.json: exportedBy: unknown field ignored",
            "snap.json: mentor m-1: hobby: unknown field ignored",
        ])
    }

    @Test func errorTypeCarriesEveryPart() {
        do {
            _ = try SnapshotJSONReader.read(data: F.json(mentors: [F.mentor("m-1", ["capacity": -1])]), file: "snap.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors == [InputError(file: "snap.json", record: "mentor m-1", field: "capacity",
                                                found: "-1", expected: "an integer in 0…100000")])
        }
    }
}
