import Foundation
import MentorMatchData
import MentorMatchEngine

/// Candidate generation and encoding at scale (engine): a seeded synthetic snapshot, then
/// MatchingContext (slots, satisfaction, priorities, index), CandidateTable and EncodedProblem,
/// each timed over several runs (median reported).
///
///     swift run -c release mentormatch-bench candidates [students] [mentors] [runs] [flow|mip|both]
///
/// With a solver named last, the encoded program is also rebalanced once per solver (status, objective, time).
enum CandidatesBench {
    static func run(_ args: [String]) throws {
        let students = args.count > 0 ? Int(args[0]) ?? 100_000 : 100_000
        let mentors = args.count > 1 ? Int(args[1]) ?? 10_000 : 10_000
        let runs = args.count > 2 ? Int(args[2]) ?? 3 : 3
        let snapshot = synthetic(students: students, mentors: mentors, seed: 42)
        print("candidates bench: \(students) students × \(mentors) mentors, \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var contextTimes: [Double] = [], tableTimes: [Double] = [], encodeTimes: [Double] = []
        var pairs = 0
        var last: EncodedProblem?
        for _ in 0..<runs {
            var t = ContinuousClock.now
            let context = try MatchingContext(snapshot: snapshot)
            contextTimes.append(seconds(since: t))
            t = ContinuousClock.now
            let table = CandidateTable(context)
            tableTimes.append(seconds(since: t))
            t = ContinuousClock.now
            let encoded = EncodedProblem(context, candidates: table)
            encodeTimes.append(seconds(since: t))
            pairs = encoded.problem.arcs.count
            last = encoded
        }
        func median(_ xs: [Double]) -> String { String(format: "%.3f s", xs.sorted()[xs.count / 2]) }
        print("candidate pairs: \(pairs) (\(String(format: "%.1f", Double(pairs) / Double(students))) per student)")
        print("context (grid, scores, index): median \(median(contextTimes))  runs \(contextTimes.map { String(format: "%.3f", $0) })")
        print("candidate table:               median \(median(tableTimes))  runs \(tableTimes.map { String(format: "%.3f", $0) })")
        print("encode:                        median \(median(encodeTimes))  runs \(encodeTimes.map { String(format: "%.3f", $0) })")
        let which = args.count > 3 ? args[3] : ""
        var solvers: [(String, any AssignmentSolver)] = []
        if which == "flow" || which == "both" { solvers.append(("flow", FlowAssignmentSolver())) }
        if which == "mip" || which == "both" { solvers.append(("mip (GLPK)", MIPAssignmentSolver())) }
        for (name, solver) in solvers {
            guard let encoded = last else { break }
            let t = ContinuousClock.now
            let result = rebalance(encoded, solver: solver)
            print("rebalance \(name): \(result.statusName) objective \(result.objective.map(String.init) ?? "-") "
                + "bound \(result.bound.map(String.init) ?? "-") in \(String(format: "%.3f s", seconds(since: t))); "
                + "assigned \(result.summary.assigned), moves \(result.summary.voluntaryMoves), forced \(result.summary.forcedMoves)")
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// 20 paths, fr (80 %) and en; evenings and weekends in a few European and African zones.
    static func synthetic(students: Int, mentors: Int, seed: UInt64) -> Snapshot {
        var g = Generator(state: seed)
        let paths = (0..<20).map { "path-\($0)" }
        let zones = ["Europe/Paris", "Africa/Dakar", "Europe/London", "Africa/Casablanca"]
        let styles = Snapshot.defaultStyles
        func slots(_ n: Int) -> [WeeklyInterval] {
            (0..<n).map { _ in
                let day = Int.random(in: 0..<7, using: &g)
                let start = (day >= 5 ? Int.random(in: 9...16, using: &g) : Int.random(in: 17...20, using: &g)) * 60
                return WeeklyInterval(day: day, startMinute: start, endMinute: start + Int.random(in: 2...3, using: &g) * 60)
            }
        }
        func styleMap() -> [String: Double] {
            Dictionary((0..<3).map { _ in (styles[Int.random(in: 0..<8, using: &g)], Double(Int.random(in: 1...4, using: &g)) / 4) }, uniquingKeysWith: max)
        }
        let ms = (0..<mentors).map { i in
            Mentor(id: "m-\(i)", languages: Int.random(in: 0..<5, using: &g) == 0 ? ["fr", "en"] : ["fr"],
                   paths: Array(Set((0..<Int.random(in: 1...2, using: &g)).map { _ in paths[Int.random(in: 0..<20, using: &g)] })).sorted(),
                   styles: styleMap(), capacity: Int.random(in: 8...15, using: &g), maxNewPerWeek: 3,
                   timezone: zones[Int.random(in: 0..<zones.count, using: &g)], availability: slots(Int.random(in: 3...6, using: &g)))
        }
        let ss = (0..<students).map { i in
            Student(id: "s-\(i)", path: paths[Int.random(in: 0..<20, using: &g)],
                    language: Int.random(in: 0..<5, using: &g) == 0 ? "en" : "fr",
                    timezone: zones[Int.random(in: 0..<zones.count, using: &g)], preferences: styleMap(),
                    availability: slots(Int.random(in: 2...4, using: &g)),
                    currentMentor: Int.random(in: 0..<3, using: &g) == 0 ? nil : "m-\(Int.random(in: 0..<mentors, using: &g))",
                    missedSessions: Int.random(in: 0..<10, using: &g) == 0 ? 3 : 0)
        }
        let feedback = (0..<(students / 2)).map { _ in
            Feedback(student: "s-\(Int.random(in: 0..<students, using: &g))", mentor: "m-\(Int.random(in: 0..<mentors, using: &g))",
                     date: CalendarDate(year: 2026, month: 11, day: Int.random(in: 1...20, using: &g)), rating: Int.random(in: 1...5, using: &g))
        }
        return Snapshot(asOf: CalendarDate(year: 2026, month: 11, day: 23), mentors: ms, students: ss, feedback: feedback)
    }

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
