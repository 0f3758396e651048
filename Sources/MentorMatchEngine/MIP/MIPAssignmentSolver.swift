import GLPK
import MIPModel

/// The reference solver: the §5 integer program as a ``MIPModel/Model`` (x[s,m]
/// and u[s] binary), solved by any ``MIPBackend``, starting from the current
/// assignment. A lock is its student's only arc with u[s] fixed at 0, so the
/// assignment row takes it.
public struct MIPAssignmentSolver: AssignmentSolver {
    public let backend: any MIPBackend & Sendable
    /// GLPK's branch and cut reports its best objective, bound and gap.
    public var reportsProgress: Bool { true }

    /// Solves with `backend` (GLPK by default).
    public init(backend: any MIPBackend & Sendable = GLPKBackend()) {
        self.backend = backend
    }

    /// The §5 program of `problem`: variables x (one per arc, in arc order) then u (one per student).
    public static func model(of problem: AssignmentProblem) -> Model {
        var model = Model(name: "rebalance", sense: .maximize)
        let arcCount = problem.arcs.count
        for s in 0..<problem.studentCount {
            for a in problem.arcRange(of: s) {
                let arc = problem.arcs[a]
                model.addVariable("x[\(s),\(arc.mentor)]", kind: .binary, objective: Double(arc.weight))
            }
        }
        for s in 0..<problem.studentCount {
            model.addVariable("u[\(s)]", kind: .binary,
                              upperBound: problem.mayBeUnassigned[s] ? 1 : 0,
                              objective: -Double(problem.unassignedCost[s]))
        }
        var intoMentor = [[Term]](repeating: [], count: problem.mentorCount)
        var arrivalsInto = [[Term]](repeating: [], count: problem.mentorCount)
        var moves: [Term] = []
        for s in 0..<problem.studentCount {
            var row: [Term] = []
            for a in problem.arcRange(of: s) {
                let arc = problem.arcs[a], x = Variable(index: a), m = Int(arc.mentor)
                row.append(Term(x))
                intoMentor[m].append(Term(x))
                if arc.isArrival { arrivalsInto[m].append(Term(x)) }
                if arc.isMove { moves.append(Term(x)) }
            }
            row.append(Term(Variable(index: arcCount + s)))
            model.addConstraint("assign[\(s)]", row, equal: 1)
        }
        for m in 0..<problem.mentorCount where !intoMentor[m].isEmpty {
            model.addConstraint("capacity[\(m)]", intoMentor[m], lessOrEqual: Double(problem.capacity[m]))
        }
        for m in 0..<problem.mentorCount where !arrivalsInto[m].isEmpty {
            if let limit = problem.maxNew[m] {
                model.addConstraint("maxNew[\(m)]", arrivalsInto[m], lessOrEqual: Double(limit))
            }
        }
        if let limit = problem.maxMoves, !moves.isEmpty {
            model.addConstraint("maxMoves", moves, lessOrEqual: Double(limit))
        }
        return model
    }

    /// Variable values of an assignment (x then u), e.g. to pass as a starting point.
    public static func values(of chosen: [Int?], in problem: AssignmentProblem) -> [Double] {
        var values = [Double](repeating: 0, count: problem.arcs.count + problem.studentCount)
        for (s, a) in chosen.enumerated() {
            if let a { values[a] = 1 } else { values[problem.arcs.count + s] = 1 }
        }
        return values
    }

    public func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
        // No student: nothing to decide (and a model without variables is not a model).
        if problem.studentCount == 0 {
            return AssignmentSolution(status: .optimal, chosenArc: [], objective: 0, bound: 0, seconds: 0)
        }
        let model = MIPAssignmentSolver.model(of: problem)
        var options = SolveOptions(timeLimitSeconds: limits.timeLimitSeconds, relativeGap: limits.relativeGap)
        options.cancellation = limits.cancellation
        if let progress = limits.progress { options.progress = { progress($0) } }
        options.startingPoint = MIPAssignmentSolver.values(of: problem.startingAssignment(), in: problem)
        let empty = [Int?](repeating: nil, count: problem.studentCount)
        let solution: Solution
        do {
            solution = try backend.solve(model, options: options)
        } catch {
            return AssignmentSolution(status: .failed(error.description), chosenArc: empty, objective: 0, bound: 0, seconds: 0)
        }
        guard solution.status.hasSolution else {
            let status: AssignmentSolution.Status
            switch solution.status {
            case .infeasible: status = .infeasible
            case .unbounded: status = .failed("the solver reports the program unbounded")
            case .noSolution(let reason): status = .failed("stopped (\(reason.rawValue)) before finding an assignment")
            case .failed(let message): status = .failed(message)
            case .optimal, .feasible: status = .failed("unreachable")
            }
            return AssignmentSolution(status: status, chosenArc: empty, objective: 0, bound: 0, seconds: solution.seconds)
        }
        guard solution.values.count == model.variables.count else {
            return AssignmentSolution(status: .failed("the solver returned \(solution.values.count) values for \(model.variables.count) variables"),
                                      chosenArc: empty, objective: 0, bound: 0, seconds: solution.seconds)
        }
        var chosen = empty
        for s in 0..<problem.studentCount {
            chosen[s] = problem.arcRange(of: s).first { solution.values[$0] > 0.5 }
        }
        if let broken = problem.violation(of: chosen) {
            return AssignmentSolution(status: .failed("the solver's assignment breaks a constraint: \(broken)"),
                                      chosenArc: empty, objective: 0, bound: 0, seconds: solution.seconds)
        }
        let objective = problem.objective(of: chosen)
        // Stopping at the policy's gap is optimality as §5 defines it ("proven within mipGap").
        let withinGap = solution.status == .feasible(.gapReached) && limits.relativeGap > 0
        if solution.status == .optimal && !withinGap {
            return AssignmentSolution(status: .optimal, chosenArc: chosen, objective: objective, bound: objective,
                                      seconds: solution.seconds)
        }
        // All coefficients are integers: the bound rounds down to an integer.
        var bound = Int.max
        if let b = solution.bound, b.isFinite, abs(b) < 1e15 { bound = Int((b + 1e-6).rounded(.down)) }
        bound = max(objective, min(bound, problem.trivialBound))
        return AssignmentSolution(status: withinGap ? .optimal : .feasible, chosenArc: chosen, objective: objective, bound: bound,
                                  seconds: solution.seconds)
    }
}
