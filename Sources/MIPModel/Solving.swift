import Synchronization

/// A solver that can solve a ``Model``. The outcome is a value: a limit, an
/// infeasible or unbounded model, or a solver failure is a ``SolveStatus``, not
/// an error. Only a model that cannot be handed to the solver at all throws.
public protocol MIPBackend {
    func solve(_ model: Model, options: SolveOptions) throws(ModelError) -> Solution
}

/// How a solve ended.
public enum SolveStatus: Sendable, Equatable {
    /// Proven optimal (within `SolveOptions.relativeGap`).
    case optimal
    /// A feasible solution, not proven optimal: a limit or a cancellation stopped the search.
    case feasible(StopReason)
    case infeasible
    case unbounded
    /// Stopped by a limit or cancellation before any feasible solution was found.
    case noSolution(StopReason)
    /// The solver failed (numerical trouble, a fatal error it recovered from, …).
    case failed(String)

    /// Whether `Solution.values` holds a feasible point.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: return true
        default: return false
        }
    }
}

/// What stopped a search before it proved optimality.
public enum StopReason: String, Sendable, Equatable {
    case timeLimit, gapReached, cancelled, callbackError
}

/// The result of a solve.
public struct Solution: Sendable, Equatable {
    public var status: SolveStatus
    /// Objective of the best solution found (`nil` without one).
    public var objective: Double?
    /// Best proven bound on the optimum (`nil` when unknown).
    public var bound: Double?
    /// Values of the variables, indexed like `Model.variables` (empty without a solution).
    public var values: [Double]
    /// Seconds the solver ran.
    public var seconds: Double

    public init(status: SolveStatus, objective: Double? = nil, bound: Double? = nil, values: [Double] = [], seconds: Double = 0) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.values = values
        self.seconds = seconds
    }

    /// Relative gap |bound − objective| / max(1, |objective|), as GLPK reports it; 0 when optimal.
    public var gap: Double? {
        if status == .optimal { return 0 }
        guard let o = objective, let b = bound else { return nil }
        return abs(b - o) / max(1, abs(o))
    }
}

/// A snapshot of a running search, handed to ``SolveOptions/progress``.
public struct SolveProgress: Sendable, Equatable {
    public var elapsedSeconds: Double
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
    public init(elapsedSeconds: Double, incumbent: Double?, bound: Double?, gap: Double?) {
        self.elapsedSeconds = elapsedSeconds
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
    }
}

/// How much a solver may print.
public enum MessageLevel: Sendable, Equatable {
    case off, errors, normal, all
}

/// A flag another thread (a signal handler, a UI) sets to stop a search; the
/// solver polls it and returns its best answer so far.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Limits and hooks for one solve.
public struct SolveOptions: Sendable {
    /// Stop after this many seconds and return the best solution found.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which the search may stop (0 = prove optimality).
    public var relativeGap: Double
    public var messageLevel: MessageLevel
    /// Called from the search now and then; throwing stops the search (status `.feasible(.callbackError)`
    /// or `.noSolution(.callbackError)`), the error never crosses into C.
    public var progress: (@Sendable (SolveProgress) throws -> Void)?
    public var cancellation: Cancellation?
    /// Receives the solver's terminal output when `messageLevel` is not `.off`.
    public var output: (@Sendable (String) -> Void)?
    /// A known feasible point (indexed like `Model.variables`) the backend may start from,
    /// e.g. the current assignment; backends that cannot use it ignore it.
    public var startingPoint: [Double]?

    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double = 0, messageLevel: MessageLevel = .off,
        progress: (@Sendable (SolveProgress) throws -> Void)? = nil, cancellation: Cancellation? = nil,
        output: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.messageLevel = messageLevel
        self.progress = progress
        self.cancellation = cancellation
        self.output = output
    }
}
