import GLPK
import MIPModel
import Testing

@Suite struct BackendTests {
    let backend = GLPKBackend()

    @Test func knapsackMatchesEnumeration() throws {
        let values: [Double] = [10, 13, 7, 8, 5, 9, 4]
        let weights: [[Double]] = [[5, 6, 4, 3, 2, 5, 1]]
        let model = Fixtures.knapsack(values: values, weights: weights, capacities: [12])
        let solution = try backend.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(solution.objective == Fixtures.bruteForceKnapsack(values: values, weights: weights, capacities: [12]))
        #expect(solution.objective == model.objectiveValue(of: solution.values))
        #expect(solution.values.allSatisfy { $0 == 0 || $0 == 1 })
    }

    /// 3×3 assignment, minimise cost, with the side constraint x[0][0] + x[1][1] ≤ 0
    /// ruling out the unconstrained optimum (the diagonal, cost 3).
    @Test func assignmentWithSideConstraint() throws {
        let cost: [[Double]] = [[1, 4, 6], [5, 1, 7], [3, 8, 1]]
        var model = Model(name: "assign")
        var x: [[Variable]] = []
        for i in 0..<3 { x.append((0..<3).map { j in model.addVariable("x\(i)\(j)", kind: .binary, objective: cost[i][j]) }) }
        for i in 0..<3 { model.addConstraint("worker\(i)", (0..<3).map { Term(x[i][$0]) }, equal: 1) }
        for j in 0..<3 { model.addConstraint("task\(j)", (0..<3).map { Term(x[$0][j]) }, equal: 1) }
        model.addConstraint("side", [Term(x[0][0]), Term(x[1][1])], lessOrEqual: 0)
        // Brute force over permutations respecting the side constraint.
        let best = Fixtures.permutations(3)
            .filter { $0[0] != 0 && $0[1] != 1 }
            .map { p in (0..<3).reduce(0.0) { $0 + cost[$1][p[$1]] } }
            .min()!
        let solution = try backend.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(solution.objective == best)
        // By hand: allowed permutations (1,0,2) = 4+5+1 = 10, (1,2,0) = 14, (2,0,1) = 19.
        #expect(best == 10)
        #expect(solution.values == [0, 1, 0, 1, 0, 0, 0, 0, 1])
    }

    @Test func infeasibleModel() throws {
        var model = Model(name: "infeasible")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10, objective: 1)
        model.addConstraint("low", [Term(x), Term(y)], greaterOrEqual: 15)
        model.addConstraint("high", [Term(x), Term(y)], lessOrEqual: 12)
        let solution = try backend.solve(model, options: SolveOptions())
        #expect(solution.status == .infeasible)
        #expect(solution.values.isEmpty)
    }

    @Test func integerInfeasibleButRelaxationFeasible() throws {
        // 2x = 1 with x integer: the LP relaxation is feasible (x = 0.5), the MIP is not.
        var model = Model(name: "parity")
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 5, objective: 1)
        model.addConstraint("odd", [Term(x, 2)], equal: 1)
        #expect(try backend.solve(model, options: SolveOptions()).status == .infeasible)
    }

    @Test func unboundedModel() throws {
        var model = Model(name: "unbounded", sense: .maximize)
        let x = model.addVariable("x", kind: .integer, objective: 1)
        let y = model.addVariable("y", kind: .continuous, objective: 1)
        model.addConstraint("c", [Term(x), Term(y, -1)], lessOrEqual: 3)
        #expect(try backend.solve(model, options: SolveOptions()).status == .unbounded)
    }

    @Test func linearProgramReturnsSimplexResult() throws {
        // max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3 → vertex (3, 1), objective 11 (by hand).
        var model = Model(name: "lp", sense: .maximize)
        let x = model.addVariable("x", upperBound: 3, objective: 3)
        let y = model.addVariable("y", objective: 2)
        model.addConstraint("a", [Term(x), Term(y)], lessOrEqual: 4)
        model.addConstraint("b", [Term(x), Term(y, 3)], lessOrEqual: 6)
        model.objectiveConstant = 0.5
        let solution = try backend.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective! - 11.5) < 1e-9)
        #expect(abs(solution.values[0] - 3) < 1e-9 && abs(solution.values[1] - 1) < 1e-9)
    }
}
