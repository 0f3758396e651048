@testable import GLPK
import MIPModel
import Synchronization
import Testing

/// Time limit, cancellation and progress on a search GLPK cannot finish quickly.
@Suite struct SearchControlTests {
    /// A deterministic multi-constraint knapsack with weakly correlated values: hard for branch and cut.
    static func hardKnapsack(items: Int = 120, constraints: Int = 8) -> Model {
        var random = Fixtures.Random(state: 2026)
        var weights: [[Double]] = []
        for _ in 0..<constraints { weights.append((0..<items).map { _ in Double(Int(20 + random.next() * 80)) }) }
        let values = (0..<items).map { j in
            (weights.map { $0[j] }.reduce(0, +) / Double(constraints) + Double(Int(random.next() * 10))).rounded()
        }
        let capacities = weights.map { ($0.reduce(0, +) / 2).rounded() }
        return Fixtures.knapsack(values: values, weights: weights, capacities: capacities)
    }

    @Test func timeLimitReturnsBestFoundWithBound() throws {
        let model = Self.hardKnapsack()
        let solution = try GLPKBackend().solve(model, options: SolveOptions(timeLimitSeconds: 0.2))
        #expect(solution.status == .feasible(.timeLimit) || solution.status == .noSolution(.timeLimit))
        if solution.status.hasSolution {
            let objective = try #require(solution.objective)
            let bound = try #require(solution.bound)
            #expect(objective <= bound + 1e-6)
            #expect(abs(model.objectiveValue(of: solution.values) - objective) < 1e-6)
            #expect(try #require(solution.gap) >= 0)
        }
    }

    @Test func cancelledBeforeTheSolve() throws {
        let cancellation = Cancellation()
        cancellation.cancel()
        let solution = try GLPKBackend().solve(Self.hardKnapsack(), options: SolveOptions(cancellation: cancellation))
        #expect(solution.status == .noSolution(.cancelled))
    }

    @Test func cancelledFromTheProgressCallback() throws {
        let cancellation = Cancellation()
        let calls = Atomic<Int>(0)
        let options = SolveOptions(progress: { progress in
            #expect(progress.elapsedSeconds >= 0)
            if calls.add(1, ordering: .relaxed).newValue == 3 { cancellation.cancel() }
        }, cancellation: cancellation)
        let solution = try GLPKBackend().solve(Self.hardKnapsack(), options: options)
        #expect(solution.status == .feasible(.cancelled) || solution.status == .noSolution(.cancelled))
        #expect(calls.load(ordering: .relaxed) == 3)
    }

    struct Stop: Error {}

    @Test func throwingProgressStopsTheSearch() throws {
        let options = SolveOptions(progress: { _ in throw Stop() })
        let solution = try GLPKBackend().solve(Self.hardKnapsack(), options: options)
        #expect(solution.status == .feasible(.callbackError) || solution.status == .noSolution(.callbackError))
        // The thread's GLPK still works afterwards.
        let small = Fixtures.knapsack(values: [3, 4], weights: [[2, 3]], capacities: [4])
        #expect(try GLPKBackend().solve(small, options: SolveOptions()).objective == 4)
    }

    @Test func progressReportsIncumbentAndBound() throws {
        let reports = Mutex<[SolveProgress]>([])
        let options = SolveOptions(timeLimitSeconds: 0.3, progress: { p in reports.withLock { $0.append(p) } })
        let solution = try GLPKBackend().solve(Self.hardKnapsack(), options: options)
        let seen = reports.withLock { $0 }
        #expect(!seen.isEmpty)
        for p in seen {
            if let incumbent = p.incumbent, let bound = p.bound { #expect(incumbent <= bound + 1e-6) }
        }
        if let last = seen.last(where: { $0.incumbent != nil }), let objective = solution.objective {
            #expect(last.incumbent! <= objective + 1e-6)
        }
    }

    @Test func outputIsCapturedOnlyWhenAsked() throws {
        let lines = Mutex<[String]>([])
        let model = Fixtures.knapsack(values: [3, 4, 5], weights: [[2, 3, 4]], capacities: [6])
        _ = try GLPKBackend().solve(model, options: SolveOptions(output: { line in lines.withLock { $0.append(line) } }))
        #expect(lines.withLock { $0.isEmpty })
        let solution = try GLPKBackend().solve(
            model, options: SolveOptions(messageLevel: .all, output: { line in lines.withLock { $0.append(line) } }))
        #expect(solution.objective == 8)
        let captured = lines.withLock { $0 }
        #expect(captured.contains { $0.contains("INTEGER OPTIMAL SOLUTION FOUND") })
    }
}

/// Cancellation and progress between slices of a long simplex run (slices made tiny here).
@Suite struct SimplexSliceTests {
    /// A 30 × 30 transportation LP (continuous): no branch and cut, so any progress comes from the simplex.
    static func transportation() -> Model {
        var random = Fixtures.Random(state: 7)
        var model = Model(name: "transport")
        let n = 30
        var x: [[Variable]] = []
        for i in 0..<n { x.append((0..<n).map { j in model.addVariable("x\(i)_\(j)", objective: Double(Int(random.next() * 100))) }) }
        for i in 0..<n { model.addConstraint("supply\(i)", x[i].map { Term($0) }, lessOrEqual: 10) }
        for j in 0..<n { model.addConstraint("demand\(j)", (0..<n).map { Term(x[$0][j]) }, greaterOrEqual: 9) }
        return model
    }

    @Test func cancellationBetweenSlices() throws {
        let model = Self.transportation()
        let cancellation = Cancellation()
        let calls = Atomic<Int>(0)
        let options = SolveOptions(progress: { p in
            #expect(p.bound == nil)
            calls.add(1, ordering: .relaxed)
            cancellation.cancel()
        }, cancellation: cancellation)
        let solution = try GLPKProblem(model: model, names: false).solve(options, start: nil, presolve: false, simplexSlice: 2)
        #expect(calls.load(ordering: .relaxed) == 1)
        #expect(solution.status == .feasible(.cancelled) || solution.status == .noSolution(.cancelled))

        // The same LP without interruption, sliced or not, reaches the same optimum.
        let sliced = try GLPKProblem(model: model, names: false).solve(SolveOptions(), start: nil, presolve: false, simplexSlice: 2)
        let whole = try GLPKBackend().solve(model, options: SolveOptions())
        #expect(sliced.status == .optimal && whole.status == .optimal)
        #expect(abs(sliced.objective! - whole.objective!) < 1e-6)
    }
}
