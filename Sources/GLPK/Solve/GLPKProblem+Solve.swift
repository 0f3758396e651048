import CGLPK
import CGLPKGuard
import MIPModel

extension GLPKProblem {
    /// Solves the problem on the calling thread: the simplex method, then branch
    /// and cut (`glp_intopt`) when it has integer columns. Values are indexed by
    /// column (column j + 1 at index j).
    ///
    /// Limits and hooks come from `options`; `options.startingPoint` is not used
    /// here (``GLPKBackend`` turns it into a basis, knowing the model).
    /// A limit, cancellation or infeasibility is a status; only a GLPK failure throws.
    public func solve(_ options: SolveOptions = SolveOptions(), presolve: Bool = false) throws(GLPKError) -> Solution {
        try solve(options, start: nil, presolve: presolve)
    }

    /// - Parameter simplexSlice: iterations per simplex slice (tests make it small; `nil`: by size).
    func solve(_ options: SolveOptions, start: StartingPoint?, presolve: Bool, simplexSlice: Int32? = nil) throws(GLPKError) -> Solution {
        try binding.check()
        let run = SolveRun(problem: self, options: options, start: start, presolve: presolve, simplexSlice: simplexSlice)
        guard options.messageLevel != .off else { return try run.solve() }
        let forwarder = OutputForwarder(options.output ?? { OutputForwarder.standardOutput($0) })
        return try forwarder.capturing { () throws(GLPKError) in try run.solve() }
    }
}

/// One solve of one problem: simplex phase, branch-and-cut phase, outcome.
private struct SolveRun {
    let problem: GLPKProblem
    let options: SolveOptions
    let start: StartingPoint?
    let presolve: Bool
    let started = ContinuousClock.now
    let monitor: SearchMonitor
    let simplexSlice: Int32?

    init(problem: GLPKProblem, options: SolveOptions, start: StartingPoint?, presolve: Bool, simplexSlice: Int32?) {
        self.problem = problem
        self.options = options
        self.start = start
        self.presolve = presolve
        self.simplexSlice = simplexSlice
        monitor = SearchMonitor(options: options, started: started)
    }

    var elapsed: Double { (ContinuousClock.now - started).seconds }

    /// Remaining time in GLPK's milliseconds (`Int32.max` without a limit); `nil` when none is left.
    var remainingMilliseconds: Int32? {
        guard let limit = options.timeLimitSeconds else { return Int32.max }
        let left = limit - elapsed
        guard left > 0 else { return nil }
        return Int32(min(left * 1000, Double(Int32.max)).rounded(.up))
    }

    var messageLevel: Int32 {
        switch options.messageLevel {
        case .off: return GLP_MSG_OFF
        case .errors: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }

    var isCancelled: Bool { options.cancellation?.isCancelled == true }

    func solve() throws(GLPKError) -> Solution {
        guard options.relativeGap.isFinite, options.relativeGap >= 0 else {
            throw .invalidArgument("relative gap \(options.relativeGap) must be a finite number ≥ 0")
        }
        if let limit = options.timeLimitSeconds, limit.isNaN { throw .invalidArgument("time limit is NaN") }
        let columns = try problem.columnCount
        let isInteger = try problem.integerColumnCount > 0
        if isCancelled { return stopped(.cancelled) }
        if presolve && isInteger { return try branchAndCut(columns: columns, relaxationBound: nil) }
        switch try relaxation(columns: columns, isInteger: isInteger) {
        case .done(let solution): return solution
        case .optimal(let bound):
            if isCancelled { return stopped(.cancelled, bound: bound) }
            return try branchAndCut(columns: columns, relaxationBound: bound)
        }
    }

    // MARK: Simplex

    enum RelaxationOutcome {
        /// The answer (an LP, or a MIP whose relaxation already decides it).
        case done(Solution)
        /// Optimal relaxation of a MIP: go on with branch and cut.
        case optimal(bound: Double)
    }

    func relaxation(columns: Int, isInteger: Bool) throws(GLPKError) -> RelaxationOutcome {
        var usesStartingBasis = try installBasis()
        while true {
            guard let milliseconds = remainingMilliseconds else { return try relaxationStopped(.timeLimit, columns: columns, isInteger: isInteger) }
            var parm = glp_smcp()
            try guarded("glp_init_smcp") { mm_glp_init_smcp(&parm) }
            parm.msg_lev = messageLevel
            parm.tm_lim = milliseconds
            // The simplex runs in slices of iterations (deterministic, unlike time slices) so that
            // cancellation and progress work during a long LP; not with the presolver, which
            // would start over in each slice.
            if !presolve { parm.it_lim = simplexSlice ?? Self.simplexSlice(columns: columns) }
            parm.presolve = presolve ? GLP_ON : GLP_OFF
            parm.meth = usesStartingBasis ? GLP_PRIMAL : GLP_DUALP
            let code = GLPKReturnCode(rawValue: try problem.read("glp_simplex", initial: Int32(0)) { mm_glp_simplex($0, &parm, $1) })
            switch code {
            case .success:
                return try relaxationEnded(columns: columns, isInteger: isInteger)
            case _ where usesStartingBasis && [.invalidBasis, .singularMatrix, .illConditioned].contains(code):
                try problem.call("glp_cpx_basis") { mm_glp_cpx_basis($0) }
                usesStartingBasis = false
            case .iterationLimit:
                if let reason = monitor.observeSimplex(incumbent: start?.objective) {
                    return try relaxationStopped(reason, columns: columns, isInteger: isInteger)
                }
            case .timeLimit:
                return try relaxationStopped(.timeLimit, columns: columns, isInteger: isInteger)
            case .noPrimalFeasible:
                return .done(Solution(status: .infeasible, seconds: elapsed))
            case .noDualFeasible:
                return .done(Solution(status: .unbounded, seconds: elapsed))
            default:
                return .done(Solution(status: .failed("simplex: \(code)"), seconds: elapsed))
            }
        }
    }

    /// Iterations in one simplex slice: about a second's work on the machines measured
    /// (an iteration costs time proportional to the number of columns).
    static func simplexSlice(columns: Int) -> Int32 {
        Int32(min(5_000, max(100, 100_000_000 / max(columns, 1))))
    }

    /// The simplex was stopped: an LP returns its current point if it is feasible.
    func relaxationStopped(_ reason: StopReason, columns: Int, isInteger: Bool) throws(GLPKError) -> RelaxationOutcome {
        if !isInteger, try problem.read("glp_get_prim_stat", initial: Int32(0), mm_glp_get_prim_stat) == GLP_FEAS {
            return .done(try basicSolution(.feasible(reason), columns: columns, bound: nil))
        }
        return .done(stopped(reason))
    }

    /// Sets the starting point's basis, if any and GLPK accepts it; otherwise Bixby's basis.
    func installBasis() throws(GLPKError) -> Bool {
        if !presolve, let rows = start?.rowStatus, let cols = start?.columnStatus {
            try problem.call("mm_glpk_set_basis") { p in
                rows.withUnsafeBufferPointer { r in cols.withUnsafeBufferPointer { c in mm_glpk_set_basis(p, r.baseAddress, c.baseAddress) } }
            }
            let warm = try problem.read("glp_warm_up", initial: Int32(0), mm_glp_warm_up)
            if warm == 0 { return true }
        }
        try problem.call("glp_cpx_basis") { mm_glp_cpx_basis($0) }
        return false
    }

    func relaxationEnded(columns: Int, isInteger: Bool) throws(GLPKError) -> RelaxationOutcome {
        let status = try problem.read("glp_get_status", initial: Int32(0), mm_glp_get_status)
        switch status {
        case GLP_OPT:
            let objective = try problem.read("glp_get_obj_val", initial: 0.0, mm_glp_get_obj_val)
            if isInteger { return .optimal(bound: objective) }
            return .done(try basicSolution(.optimal, columns: columns, bound: objective))
        case GLP_NOFEAS:
            return .done(Solution(status: .infeasible, seconds: elapsed))
        case GLP_UNBND:
            return .done(Solution(status: .unbounded, seconds: elapsed))
        default:
            return .done(Solution(status: .failed("simplex ended with solution status \(status)"), seconds: elapsed))
        }
    }

    func basicSolution(_ status: SolveStatus, columns: Int, bound: Double?) throws(GLPKError) -> Solution {
        let objective = try problem.read("glp_get_obj_val", initial: 0.0, mm_glp_get_obj_val)
        let values = try columnValues(columns, "mm_glpk_get_col_prims", mm_glpk_get_col_prims)
        return Solution(status: status, objective: objective, bound: bound, values: values, seconds: elapsed)
    }

    // MARK: Branch and cut

    func branchAndCut(columns: Int, relaxationBound: Double?) throws(GLPKError) -> Solution {
        guard let milliseconds = remainingMilliseconds else { return stopped(.timeLimit) }
        var parm = glp_iocp()
        try guarded("glp_init_iocp") { mm_glp_init_iocp(&parm) }
        parm.msg_lev = messageLevel
        parm.tm_lim = milliseconds
        parm.mip_gap = options.relativeGap
        parm.presolve = relaxationBound == nil ? GLP_ON : GLP_OFF
        // The starting point as first incumbent (1-based); only without the MIP presolver.
        let offered: [Double]? = relaxationBound != nil ? start.map { [0] + $0.values } : nil
        let (code, search) = try withExtendedLifetime(monitor) { () throws(GLPKError) -> (GLPKReturnCode, mm_glpk_search) in
            var search = mm_glpk_search()
            search.progress = SearchMonitor.callback
            search.context = Unmanaged.passUnretained(monitor).toOpaque()
            var ret: Int32 = 0
            if let offered {
                try offered.withUnsafeBufferPointer { (x) throws(GLPKError) in
                    search.start = x.baseAddress
                    try problem.call("glp_intopt") { mm_glpk_intopt($0, &parm, &search, &ret) }
                }
            } else {
                try problem.call("glp_intopt") { mm_glpk_intopt($0, &parm, &search, &ret) }
            }
            search.start = nil
            return (GLPKReturnCode(rawValue: ret), search)
        }
        var bound = relaxationBound
        if search.has_bound != 0 { bound = tighter(bound, search.bound) }
        let outcome: SolveStatus
        switch code {
        case .success:
            let status = try problem.read("glp_mip_status", initial: Int32(0), mm_glp_mip_status)
            switch status {
            case GLP_OPT: outcome = .optimal
            case GLP_NOFEAS: return Solution(status: .infeasible, seconds: elapsed)
            default: return Solution(status: .failed("branch and cut ended with MIP status \(status)"), seconds: elapsed)
            }
        case .timeLimit: outcome = .feasible(.timeLimit)
        case .gapReached: outcome = .feasible(.gapReached)
        case .stopped: outcome = .feasible(monitor.stopReason ?? .cancelled)
        case .noPrimalFeasible: return Solution(status: .infeasible, seconds: elapsed)
        case .noDualFeasible: return Solution(status: .unbounded, seconds: elapsed)
        default: return Solution(status: .failed("branch and cut: \(code)"), seconds: elapsed)
        }
        let mipStatus = try problem.read("glp_mip_status", initial: Int32(0), mm_glp_mip_status)
        guard mipStatus == GLP_OPT || mipStatus == GLP_FEAS else {
            guard case .feasible(let reason) = outcome else { return stopped(.timeLimit) }
            return stopped(reason, bound: bound)
        }
        let objective = try problem.read("glp_mip_obj_val", initial: 0.0, mm_glp_mip_obj_val)
        let values = try columnValues(columns, "mm_glpk_mip_col_vals", mm_glpk_mip_col_vals)
        if outcome == .optimal { bound = objective }
        return Solution(status: outcome, objective: objective, bound: bound, values: values, seconds: elapsed)
    }

    /// The tighter of two bounds on the optimum.
    func tighter(_ a: Double?, _ b: Double) -> Double {
        guard let a else { return b }
        let minimizing = (try? problem.read("glp_get_obj_dir", initial: Int32(0), mm_glp_get_obj_dir)) == GLP_MIN
        return minimizing ? max(a, b) : min(a, b)
    }

    // MARK: Outcomes

    /// Stopped before the solver found a solution: the starting point if there is one.
    func stopped(_ reason: StopReason, bound: Double? = nil) -> Solution {
        if let start {
            return Solution(status: .feasible(reason), objective: start.objective, bound: bound, values: start.values, seconds: elapsed)
        }
        return Solution(status: .noSolution(reason), bound: bound, seconds: elapsed)
    }

    func columnValues(
        _ count: Int, _ operation: StaticString, _ wrapper: (OpaquePointer?, Int32, UnsafeMutablePointer<Double>?) -> Int32
    ) throws(GLPKError) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        try values.withUnsafeMutableBufferPointer { (buffer) throws(GLPKError) in
            try problem.call(operation) { wrapper($0, Int32(count), buffer.baseAddress) }
        }
        return values
    }
}
