import Foundation
import Testing
@testable import MentorMatchData

/// The generator is deterministic and draws a school that looks like the brief.
@Suite struct GeneratorTests {
    static let school = SnapshotGenerator.generate(students: 20_000, seed: 11)

    @Test func sameSeedSameBytes() {
        let a = SnapshotJSONWriter.text(SnapshotGenerator.generate(students: 500, seed: 42))
        let b = SnapshotJSONWriter.text(SnapshotGenerator.generate(students: 500, seed: 42))
        let c = SnapshotJSONWriter.text(SnapshotGenerator.generate(students: 500, seed: 43))
        #expect(a == b)
        #expect(a != c)
        let x = SnapshotGenerator.students(count: 20, path: "data-analyst", language: "en", seed: 9)
        #expect(x == SnapshotGenerator.students(count: 20, path: "data-analyst", language: "en", seed: 9))
        #expect(x.allSatisfy { $0.path == "data-analyst" && $0.language == "en" && $0.currentMentor == nil })
        #expect(x.first?.id == "s-new-0001")
    }

    @Test func tinyAndLopsidedSchoolsAreValid() throws {
        for (students, mentors) in [(0, nil), (1, nil), (10, 1), (50, 200)] as [(Int, Int?)] {
            let s = SnapshotGenerator.generate(students: students, mentors: mentors, seed: 5)
            #expect(s.students.count == students)
            _ = try SnapshotJSONReader.read(data: Data(SnapshotJSONWriter.text(s).utf8), file: "tiny.json")
        }
    }

    @Test func generatedSnapshotIsValid() throws {
        let text = SnapshotJSONWriter.text(Self.school)
        let loaded = try SnapshotJSONReader.read(data: Data(text.utf8), file: "school.json")
        #expect(loaded.value == Self.school)
    }

    @Test func pathSharesAndLanguages() {
        let students = Self.school.students
        let n = Double(students.count)
        let expected: [String: Double] = [
            "web-developer": 0.22, "data-analyst": 0.15, "app-developer": 0.12, "project-manager": 0.10,
            "digital-marketing": 0.10, "frontend": 0.09, "python-developer": 0.08, "ux-designer": 0.08,
            "cybersecurity": 0.06,
        ]
        for (path, share) in expected {
            let actual = Double(students.filter { $0.path == path }.count) / n
            #expect(abs(actual - share) < 0.015, "\(path): \(actual)")
        }
        let french = Double(students.filter { $0.language == "fr" }.count) / n
        #expect(abs(french - 0.85) < 0.015)
        #expect(Set(students.map(\.sessionMinutes)) == [30, 45])
        #expect(students.allSatisfy { $0.sessionsPerWeek == 1 })
    }

    @Test func timeZones() {
        let zones = Self.school.students.map(\.timezone) + Self.school.mentors.map(\.timezone)
        for zone in ["Africa/Dakar", "Africa/Abidjan", "Africa/Casablanca", "Africa/Algiers", "Africa/Tunis",
                     "America/Montreal", "America/Toronto", "Indian/Reunion", "Asia/Kolkata"] {
            #expect(zones.contains(zone), "\(zone)")
        }
        let paris = Double(Self.school.students.filter { $0.timezone == "Europe/Paris" }.count) / Double(Self.school.students.count)
        #expect(paris > 0.5 && paris < 0.7)
        let mentorsInParis = Double(Self.school.mentors.filter { $0.timezone == "Europe/Paris" }.count) / Double(Self.school.mentors.count)
        #expect(mentorsInParis > 0.7)
    }

    @Test func mentorsSeatsPathsAndHours() {
        let mentors = Self.school.mentors
        let seats = Double(mentors.map(\.capacity).reduce(0, +))
        #expect(abs(seats / Double(Self.school.students.count) - 1.2) < 0.05)
        let multi = Double(mentors.filter { $0.paths.count >= 2 }.count) / Double(mentors.count)
        #expect(abs(multi - 0.2) < 0.03)
        #expect(mentors.allSatisfy { (1...15).contains($0.capacity) })
        #expect(Double(mentors.filter { $0.capacity <= 6 }.count) / Double(mentors.count) > 0.8)
        #expect(mentors.contains { $0.capacity >= 12 })
        #expect(mentors.contains { $0.languages == ["fr", "en"] })
        #expect(Double(mentors.filter { $0.languages == ["fr"] }.count) / Double(mentors.count) > 0.5)
        // 4–15 hours a week, mostly evenings (from 18:00) and weekends.
        let hours = mentors.map { Double($0.availability.map(\.durationMinutes).reduce(0, +)) / 60 }
        #expect(Double(hours.filter { $0 >= 4 && $0 <= 15 }.count) / Double(hours.count) > 0.98)
        var eveningOrWeekend = 0, total = 0
        for entry in mentors.flatMap(\.availability) {
            total += entry.durationMinutes
            if entry.day >= 5 || entry.startMinute >= 18 * 60 { eveningOrWeekend += entry.durationMinutes }
        }
        #expect(Double(eveningOrWeekend) / Double(total) > 0.8)
        // One to three strong modalities each.
        #expect(mentors.allSatisfy { m in (1...3).contains(m.styles.values.filter { $0 >= 0.7 }.count) })
    }

    @Test func ratingsRiskAndCurrentMentors() {
        let s = Self.school
        let fives = Double(s.feedback.filter { $0.rating == 5 }.count) / Double(s.feedback.count)
        #expect(abs(fives - 0.55) < 0.05, "fives: \(fives)")
        let atRisk = Double(s.students.filter { $0.missedSessions >= 3 || $0.openHelpRequests >= 1 || $0.changeRequested }.count)
            / Double(s.students.count)
        #expect(abs(atRisk - 0.2) < 0.015)
        // A current mentor that fits (same path, language, a session window, within capacity),
        // checked here rule by rule; and the share that must move anyway (matching-model §2 rules 1, 5, 6).
        let grid = SnapshotGrid(s)
        var index: [String: Int] = [:]
        for (i, m) in s.mentors.enumerated() { index[m.id] = i }
        var lowRated: Set<String> = []
        for f in s.feedback where f.rating <= 2 { lowRated.insert(f.student + "|" + f.mentor) }
        var load = [Int](repeating: 0, count: s.mentors.count)
        var fitting = 0, forced = 0
        for (k, student) in s.students.enumerated() {
            guard let id = student.currentMentor, let m = index[id] else { continue }
            load[m] += 1
            let mentor = s.mentors[m]
            let windows = grid.studentSlots[k].intersection(grid.mentorSlots[m]).windows(sessionMinutes: student.sessionMinutes)
            if mentor.languages.contains(student.language), mentor.paths.contains(student.path),
               windows >= student.sessionsPerWeek {
                fitting += 1
                if !mentor.active || lowRated.contains(student.id + "|" + id) || student.changeRequested { forced += 1 }
            }
        }
        #expect(zip(load, s.mentors).allSatisfy { $0 <= $1.capacity })
        let share = Double(fitting) / Double(s.students.count)
        #expect(abs(share - 0.9) < 0.03, "fitting current mentor: \(share)")
        let forcedShare = Double(forced) / Double(s.students.count)
        #expect(forcedShare > 0.05 && forcedShare < 0.15, "forced: \(forcedShare)")
        // A few locks, all valid (the reader checked them in generatedSnapshotIsValid).
        #expect(!s.locks.isEmpty)
    }

    /// (v2) Every pairing has a start date in the last 300 days, about one in ten in the last four
    /// weeks (settling under the default cooldown), never after the student's first rating of that mentor.
    @Test func pairingDates() {
        let s = Self.school
        let today = s.asOf.daysSinceEpoch
        var firstRating: [String: Int] = [:]
        for f in s.feedback { firstRating[f.student + "|" + f.mentor] = min(firstRating[f.student + "|" + f.mentor] ?? .max, f.date.daysSinceEpoch) }
        var paired = 0, recent = 0, broken: [String] = []
        for student in s.students {
            guard let mentor = student.currentMentor else {
                if student.assignedSince != nil { broken.append(student.id) }
                continue
            }
            guard let since = student.assignedSince?.daysSinceEpoch else { broken.append(student.id); continue }
            paired += 1
            if !(1...300).contains(today - since) { broken.append(student.id) }
            if let rated = firstRating[student.id + "|" + mentor], since > rated { broken.append(student.id) }
            if today - since < 28 { recent += 1 }
        }
        #expect(broken.isEmpty, "\(broken.prefix(5))")
        let share = Double(recent) / Double(paired)
        #expect(share > 0.07 && share < 0.13, "paired in the last four weeks: \(share)")
    }

    /// (v2) About one student in 200 has a declined move, to another mentor of their path and language,
    /// mostly until a few weeks after asOf, some lapsed.
    @Test func declinedMoves() {
        let s = Self.school
        let today = s.asOf.daysSinceEpoch
        let mentors = Dictionary(uniqueKeysWithValues: s.mentors.map { ($0.id, $0) })
        let students = Dictionary(uniqueKeysWithValues: s.students.map { ($0.id, $0) })
        #expect(s.declined.count > 60 && s.declined.count < 140, "\(s.declined.count) declined")
        let fitting = s.declined.filter { d in
            guard let student = students[d.student], let mentor = mentors[d.mentor] else { return false }
            return mentor.id != student.currentMentor && mentor.paths.contains(student.path)
                && mentor.languages.contains(student.language)
        }
        #expect(fitting.count == s.declined.count)
        let days = s.declined.map { $0.until.daysSinceEpoch - today }
        #expect(days.allSatisfy { (-28...42).contains($0) })
        let lapsed = days.filter { $0 < 0 }.count
        #expect(lapsed > 0 && lapsed < s.declined.count / 2)
        // Small schools may have none, and still read (generatedSnapshotIsValid reads this one).
        #expect(SnapshotGenerator.generate(students: 20, seed: 1).declined.count <= 2)
    }

    /// Pedagogy ratings, from which preferences are learned (matching-model §3), are still drawn.
    @Test func pedagogyRatings() {
        let pedagogy = Self.school.feedback.filter { $0.reason == .pedagogy }
        let share = Double(pedagogy.count) / Double(Self.school.feedback.count)
        #expect(share > 0.02 && share < 0.2, "pedagogy: \(share)")
        #expect(pedagogy.contains { $0.rating <= 2 } && pedagogy.contains { $0.rating == 3 })
    }
}
