import CGLPKGuard
@testable import GLPK
import MIPModel
import Testing

/// Bad input is a Swift error, and a GLPK fatal error is recovered, never a crash.
@Suite struct ErrorHandlingTests {
    @Test func invalidModelsAreRefusedBeforeGLPK() throws {
        #expect(throws: ModelError.empty) { try GLPKBackend().solve(Model(), options: SolveOptions()) }

        var nan = Model()
        let x = nan.addVariable("x", objective: 1)
        nan.addConstraint("c", [Term(x, .nan)], lessOrEqual: 1)
        #expect(throws: ModelError.nonFiniteCoefficient(where: "constraint c")) {
            try GLPKBackend().solve(nan, options: SolveOptions())
        }

        var outOfRange = Model()
        outOfRange.addVariable("x")
        outOfRange.addConstraint("c", [Term(Variable(index: 7))], lessOrEqual: 1)
        #expect(throws: ModelError.variableOutOfRange(constraint: "c", index: 7)) {
            try GLPKBackend().solve(outOfRange, options: SolveOptions())
        }

        var duplicate = Model()
        let y = duplicate.addVariable("y")
        duplicate.addConstraint("c", [Term(y), Term(y)], lessOrEqual: 1)
        #expect(throws: ModelError.duplicateTerm(constraint: "c", variable: "y")) {
            try GLPKBackend().solve(duplicate, options: SolveOptions())
        }
    }

    @Test func lowLevelArgumentsAreCheckedInSwift() throws {
        let problem = try GLPKProblem(name: "checked")
        #expect(throws: GLPKError.self) { try problem.addRows(0) }
        try problem.addColumns(2)
        #expect(throws: GLPKError.self) { try problem.columnName(3) }
        #expect(throws: GLPKError.self) { try problem.setName(String(repeating: "n", count: 300)) }
        #expect(try problem.columnCount == 2)
    }

    @Test func invalidOptionsFailWithoutCrashing() throws {
        let model = Fixtures.knapsack(values: [3, 4], weights: [[2, 3]], capacities: [4])
        let negativeGap = try GLPKBackend().solve(model, options: SolveOptions(relativeGap: -1))
        guard case .failed(let why) = negativeGap.status else { Issue.record("got \(negativeGap.status)"); return }
        #expect(why.contains("relative gap"))
        let huge = try GLPKBackend().solve(model, options: SolveOptions(timeLimitSeconds: 1e300))
        #expect(huge.status == .optimal && huge.objective == 4)
        let none = try GLPKBackend().solve(model, options: SolveOptions(timeLimitSeconds: 0))
        #expect(none.status == .noSolution(.timeLimit))
    }

    @Test func integerBoundsWithoutAnIntegerAreInfeasible() throws {
        var model = Model()
        model.addVariable("x", kind: .integer, lowerBound: 0.2, upperBound: 0.8, objective: 1)
        #expect(try GLPKBackend().solve(model, options: SolveOptions()).status == .infeasible)
    }

    /// Calls GLPK directly with arguments it aborts on, through the guard.
    @Test func fatalErrorIsRecoveredAndTheThreadKeepsWorking() throws {
        let earlier = try GLPKProblem(name: "earlier")
        try earlier.addColumns(1)
        let victim = try GLPKProblem(name: "victim")
        let generation = mm_glpk_generation()
        var first: Int32 = 0
        // glp_add_rows(P, 0) calls glp_error → abort() without the guard.
        let thrown = #expect(throws: GLPKError.self) { try victim.call("glp_add_rows") { mm_glp_add_rows($0, 0, &first) } }
        guard case .fatal(let operation, let message)? = thrown else {
            Issue.record("expected a fatal error, got \(String(describing: thrown))")
            return
        }
        #expect(operation == "glp_add_rows")
        #expect(message.contains("glp_add_rows: nrs = 0; invalid number of rows"))
        // Every problem of this thread died with the environment, the ones made before too.
        #expect(mm_glpk_generation() > generation)
        #expect(throws: GLPKError.deadProblem) { try victim.columnCount }
        #expect(throws: GLPKError.deadProblem) { try earlier.columnCount }

        // An out-of-range column index, bypassing the Swift check.
        let fresh = try GLPKProblem(name: "fresh")
        var name: UnsafePointer<CChar>?
        #expect(throws: GLPKError.self) { try fresh.call("glp_get_col_name") { mm_glp_get_col_name($0, 42, &name) } }

        // Later solves on the same thread work.
        let model = Fixtures.knapsack(values: [10, 13, 7], weights: [[5, 6, 4]], capacities: [10])
        let solution = try GLPKBackend().solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(solution.objective == 20)
    }

    @Test func fatalErrorDuringLoadIsAFailedStatusNotACrash() throws {
        let problem = try GLPKProblem()
        try problem.addColumns(1)
        try problem.addRows(1)
        let ia: [Int32] = [0, 1, 1], ja: [Int32] = [0, 1, 1], ar: [Double] = [0, 1, 2]
        // A duplicate (i, j) entry makes glp_load_matrix call glp_error.
        let thrown = #expect(throws: GLPKError.self) {
            try problem.call("glp_load_matrix") { mm_glp_load_matrix($0, 2, ia, ja, ar) }
        }
        if case .fatal(_, let message)? = thrown { #expect(message.contains("duplicate")) }
    }
}
