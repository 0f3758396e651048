import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// `hasRun(atLeast:)` against the run walk of the data module, on random and edge bitsets.
@Suite struct WeekSlotsRunTests {
    @Test func agreesWithWindows() {
        var g = SnapshotRNG(seed: 7)
        var sets: [WeekSlots] = [WeekSlots(), WeekSlots(Fixture.intervals(["Sun 23:00-01:00"]), utcOffsetMinutes: 0)]
        var full = WeekSlots()
        full.insert(cyclicRunFrom: 0, length: 672)
        sets.append(full)
        for _ in 0..<3000 {
            var w = WeekSlots()
            for _ in 0..<Int.random(in: 0...6, using: &g) {
                w.insert(cyclicRunFrom: Int.random(in: 0..<672, using: &g), length: Int.random(in: 1...140, using: &g))
            }
            sets.append(w)
        }
        for w in sets {
            for minutes in stride(from: 15, through: 240, by: 15) {
                #expect(w.hasRun(atLeast: minutes / 15) == (w.windows(sessionMinutes: minutes) >= 1), "\(w.runLengths) \(minutes)")
            }
        }
    }
}
