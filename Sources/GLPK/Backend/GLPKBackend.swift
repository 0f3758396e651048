import MIPModel

/// Solves a ``MIPModel/Model`` with GLPK: the whole model is loaded in one pass,
/// solved by the simplex method, then by branch and cut (`glp_intopt`) when it
/// has integer variables.
///
/// A value usable from any thread: each solve creates, solves and frees its own
/// GLPK problem on the calling thread, and the whole solve runs there.
///
/// - `SolveOptions.startingPoint`, when it is a feasible point, gives the simplex
///   its starting basis (variables off their lower bound and inequality slacks
///   basic) and the search its first incumbent; if the basis is not valid GLPK's
///   default (Bixby's basis, dual simplex) is used.
/// - A GLPK failure (including a recovered fatal error) is `.failed`, never a crash.
public struct GLPKBackend: MIPBackend, Sendable {
    /// Use GLPK's presolvers (LP presolver; for a MIP, `glp_intopt`'s own, skipping the
    /// separate simplex phase). Off by default: it cannot use a starting basis, and on
    /// assignment models a warm simplex is faster.
    public var presolve: Bool

    public init(presolve: Bool = false) {
        self.presolve = presolve
    }

    public func solve(_ model: Model, options: SolveOptions) throws(ModelError) -> Solution {
        let clock = ContinuousClock.now
        do {
            let arrays = try ModelArrays(model)
            if arrays.hasEmptyIntegerDomain { return Solution(status: .infeasible) }
            let start = options.startingPoint.flatMap { StartingPoint($0, model: model, arrays: arrays) }
            let problem = try GLPKProblem(model: model, arrays: arrays, names: false)
            return try problem.solve(options, start: start, presolve: presolve && start == nil)
        } catch .invalidModel(let error) {
            throw error
        } catch {
            return Solution(status: .failed(error.description), seconds: (ContinuousClock.now - clock).seconds)
        }
    }
}
