import Foundation
import Testing
@testable import MentorMatchData

/// The hand-edited demo and the generated medium snapshot read cleanly and hold their stories.
@Suite struct DemoScenarioTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scenarios").standardizedFileURL

    @Test func demoSnapshot() throws {
        let loaded = try SnapshotJSONReader.read(contentsOf: Self.scenarios.appendingPathComponent("demo/snapshot.json"))
        #expect(loaded.warnings.isEmpty)
        let s = loaded.value
        #expect(s.students.count == 120 && s.mentors.count == 20)
        #expect(s.students.allSatisfy { $0.name != nil } && s.mentors.allSatisfy { $0.name != nil })
        // Exactly one change request, after a low pedagogy rating.
        let askers = s.students.filter(\.changeRequested)
        #expect(askers.map(\.id) == ["s-0014"])
        let latest = s.feedback.filter { $0.student == "s-0014" && $0.mentor == askers[0].currentMentor }.max { $0.date < $1.date }
        #expect(latest?.rating == 2 && latest?.reason == .pedagogy)
        // A few at-risk students.
        let atRisk = s.students.filter { $0.missedSessions >= 3 || $0.openHelpRequests >= 1 || $0.changeRequested }
        #expect((10...30).contains(atRisk.count))
        // m-004 and m-014 are full, and they alone: the school has about 1.2 seats per student.
        let full = s.mentors.filter { m in s.students.filter { $0.currentMentor == m.id }.count >= m.capacity }
        #expect(full.map(\.id) == ["m-004", "m-014"])
        let seats = s.mentors.reduce(0) { $0 + $1.capacity }
        #expect(seats >= 138 && seats <= 150, "\(seats) seats")
        // s-0120 shares no time with any mentor.
        let grid = SnapshotGrid(s)
        let k = try #require(s.students.firstIndex { $0.id == "s-0120" })
        #expect(s.students[k].currentMentor == nil)
        #expect(grid.mentorSlots.allSatisfy { $0.overlapCount(grid.studentSlots[k]) == 0 })
        // Only s-0119 and s-0120 share no time with any mentor of their path and language.
        let alone = s.students.indices.filter { i in
            !s.mentors.indices.contains { j in
                s.mentors[j].paths.contains(s.students[i].path) && s.mentors[j].languages.contains(s.students[i].language)
                    && grid.mentorSlots[j].overlapCount(grid.studentSlots[i]) > 0
            }
        }.map { s.students[$0].id }
        #expect(alone == ["s-0119", "s-0120"])
    }

    @Test func mediumSnapshot() throws {
        let loaded = try SnapshotJSONReader.read(contentsOf: Self.scenarios.appendingPathComponent("medium/snapshot.json"))
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.value.students.count == 2000)
        // It is, byte for byte, the generator's output for its documented command.
        let file = try Data(contentsOf: Self.scenarios.appendingPathComponent("medium/snapshot.json"))
        #expect(file == Data(SnapshotJSONWriter.text(SnapshotGenerator.generate(students: 2000, seed: 2000)).utf8))
    }
}
