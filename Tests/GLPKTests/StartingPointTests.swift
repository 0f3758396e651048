import GLPK
import MIPModel
import Testing

/// A small capacitated assignment with a move budget, shaped like the engine's model.
@Suite struct StartingPointTests {
    static let students = 6, mentors = 3
    static let weight: [[Double]] = [[9, 4, 1], [8, 7, 2], [3, 9, 6], [5, 5, 8], [7, 2, 9], [6, 8, 3]]
    static let capacity: [Double] = [2, 2, 2]
    static let current = [0, 1, 2, 2, 0, 1]  // the current mentor of each student
    static let maxMoves = 2.0
    static let unassignedCost = 10.0

    /// Variables x[s][m] (index s·3 + m), then u[s] (index 18 + s).
    static func model() -> Model {
        var model = Model(name: "rebalance", sense: .maximize)
        var x: [[Variable]] = []
        for s in 0..<students {
            x.append((0..<mentors).map { m in model.addVariable("x_\(s)_\(m)", kind: .binary, objective: weight[s][m]) })
        }
        let u = (0..<students).map { model.addVariable("u_\($0)", kind: .binary, objective: -unassignedCost) }
        for s in 0..<students { model.addConstraint("student\(s)", x[s].map { Term($0) } + [Term(u[s])], equal: 1) }
        for m in 0..<mentors { model.addConstraint("mentor\(m)", (0..<students).map { Term(x[$0][m]) }, lessOrEqual: capacity[m]) }
        let moves = (0..<students).flatMap { s in (0..<mentors).filter { $0 != current[s] }.map { Term(x[s][$0]) } }
        model.addConstraint("moves", moves, lessOrEqual: maxMoves)
        return model
    }

    /// Enumerates every choice (a mentor or unassigned) per student: 4^6 cases.
    static func bruteForce() -> Double {
        var best = -Double.infinity
        for code in 0..<Int(pow4(students)) {
            var c = code, load = [Double](repeating: 0, count: mentors), moves = 0.0, total = 0.0
            for s in 0..<students {
                let choice = c % 4; c /= 4
                if choice == 3 { total -= unassignedCost; continue }
                load[choice] += 1
                total += weight[s][choice]
                if choice != current[s] { moves += 1 }
            }
            if moves <= maxMoves, zip(load, capacity).allSatisfy({ $0 <= $1 }) { best = max(best, total) }
        }
        return best
    }

    static func pow4(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 4 } }

    static var currentPoint: [Double] {
        var point = [Double](repeating: 0, count: students * mentors + students)
        for s in 0..<students { point[s * mentors + current[s]] = 1 }
        return point
    }

    @Test func optimumWithAndWithoutStartingPoint() throws {
        let expected = Self.bruteForce()
        let cold = try GLPKBackend().solve(Self.model(), options: SolveOptions())
        var options = SolveOptions()
        options.startingPoint = Self.currentPoint
        let warm = try GLPKBackend().solve(Self.model(), options: options)
        #expect(cold.status == .optimal && warm.status == .optimal)
        #expect(cold.objective == expected)
        #expect(warm.objective == expected)
    }

    @Test func infeasibleStartingPointIsIgnored() throws {
        var options = SolveOptions()
        options.startingPoint = [Double](repeating: 1, count: Self.students * Self.mentors + Self.students)
        let solution = try GLPKBackend().solve(Self.model(), options: options)
        #expect(solution.status == .optimal)
        #expect(solution.objective == Self.bruteForce())
    }
}
