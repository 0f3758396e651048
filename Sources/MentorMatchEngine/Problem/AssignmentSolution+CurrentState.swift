extension AssignmentSolution {
    /// A stopped search's answer, never worse than the current state.
    ///
    /// Everyone on their current mentor where the rules allow (``AssignmentProblem/startingAssignment()``)
    /// is a feasible assignment too. When a limit or a cancellation stopped the search with a worse answer,
    /// or a cancellation stopped it before any answer, the current state is returned instead, marked
    /// `.feasible` (not proven) with the best bound known. Proven, infeasible and failed answers are kept.
    public func notWorseThanCurrentState(of problem: AssignmentProblem, cancelled: Bool) -> AssignmentSolution {
        let bound: Int
        switch status {
        case .optimal, .infeasible:
            return self
        case .failed:
            guard cancelled else { return self }
            bound = problem.trivialBound
        case .feasible:
            bound = self.bound
        }
        let current = problem.startingAssignment()
        let objective = problem.objective(of: current)
        let better = status != .feasible || objective > self.objective
        guard better, problem.violation(of: current) == nil else { return self }
        return AssignmentSolution(status: .feasible, chosenArc: current, objective: objective,
                                  bound: max(objective, bound), seconds: seconds)
    }
}
