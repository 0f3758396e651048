import Foundation
import GLPK
import MIPModel
import Testing

/// Not a test: a benchmark of the backend on engine-shaped assignment models, run only when asked:
///
///     GLPK_BENCH=2000,20000 swift test -c release --filter AssignmentBenchmark
///
/// Prints the median of 3 runs per size (model build, load into GLPK, whole solve).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GLPK_BENCH"] != nil))
struct AssignmentBenchmark {
    /// S students, S/20 mentors, K = 20 candidate mentors each, capacities with 10 % slack,
    /// a move budget of S/50; every student currently sits with their first candidate.
    static func model(students: Int, candidates: Int = 20) -> (Model, [Double]) {
        let mentors = max(candidates, students / 20)
        var random = Fixtures.Random(state: UInt64(students))
        var model = Model(name: "assignment", sense: .maximize)
        var perMentor = [[Term]](repeating: [], count: mentors)
        var moves: [Term] = []
        var start: [Double] = []
        var load = [Int](repeating: 0, count: mentors)
        for s in 0..<students {
            var row: [Term] = []
            var chosen = Set<Int>()
            while chosen.count < candidates { chosen.insert(Int(random.next() * Double(mentors))) }
            for (k, m) in chosen.sorted().enumerated() {
                let x = model.addVariable("x", kind: .binary, objective: Double(Int(random.next() * 100)) - (k == 0 ? 0 : 5))
                row.append(Term(x))
                perMentor[m].append(Term(x))
                if k == 0 { load[m] += 1 } else { moves.append(Term(x)) }
                start.append(k == 0 ? 1 : 0)
            }
            let u = model.addVariable("u", kind: .binary, objective: -1000)
            start.append(0)
            model.addConstraint("s", row + [Term(u)], equal: 1)
        }
        for m in 0..<mentors {
            let capacity = max(load[m], Int(Double(students) / Double(mentors) * 1.1))
            model.addConstraint("m", perMentor[m], lessOrEqual: Double(capacity))
        }
        model.addConstraint("moves", moves, lessOrEqual: Double(students / 50))
        return (model, start)
    }

    static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - t
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    @Test func run() throws {
        let sizes = (ProcessInfo.processInfo.environment["GLPK_BENCH"] ?? "2000").split(separator: ",").compactMap { Int($0) }
        for students in sizes {
            var build: [Double] = [], loading: [Double] = [], solving: [Double] = []
            var last: Solution?
            for _ in 0..<3 {
                var built: (Model, [Double])!
                build.append(Self.seconds { built = Self.model(students: students) })
                let (model, start) = built!
                loading.append(try Self.seconds { _ = try GLPKProblem(model: model, names: false) })
                var options = SolveOptions()
                options.startingPoint = start
                solving.append(try Self.seconds { last = try GLPKBackend().solve(model, options: options) })
            }
            print("""
                GLPK_BENCH students=\(students) variables=\(students * 21) \
                build=\(String(format: "%.3f", Self.median(build)))s \
                load=\(String(format: "%.3f", Self.median(loading)))s \
                solve=\(String(format: "%.3f", Self.median(solving)))s \
                status=\(last!.status) objective=\(last!.objective ?? .nan) bound=\(last!.bound ?? .nan)
                """)
        }
    }
}
