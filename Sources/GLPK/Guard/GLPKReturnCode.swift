import CGLPK

/// A return code of a GLPK routine (`GLP_EBADB`, `GLP_ETMLIM`, …) with a Swift name,
/// in the manner of swift-system's `Errno`.
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let success = Self(rawValue: 0)
    /// `GLP_EBADB`: the basis is invalid.
    public static let invalidBasis = Self(rawValue: GLP_EBADB)
    /// `GLP_ESING`: the basis matrix is singular.
    public static let singularMatrix = Self(rawValue: GLP_ESING)
    /// `GLP_ECOND`: the basis matrix is ill-conditioned.
    public static let illConditioned = Self(rawValue: GLP_ECOND)
    /// `GLP_EBOUND`: some bounds are incorrect.
    public static let invalidBounds = Self(rawValue: GLP_EBOUND)
    /// `GLP_EFAIL`: the solver failed.
    public static let solverFailed = Self(rawValue: GLP_EFAIL)
    /// `GLP_EOBJLL`: the objective lower limit was reached.
    public static let objectiveLowerLimit = Self(rawValue: GLP_EOBJLL)
    /// `GLP_EOBJUL`: the objective upper limit was reached.
    public static let objectiveUpperLimit = Self(rawValue: GLP_EOBJUL)
    /// `GLP_EITLIM`: the iteration limit was exceeded.
    public static let iterationLimit = Self(rawValue: GLP_EITLIM)
    /// `GLP_ETMLIM`: the time limit was exceeded.
    public static let timeLimit = Self(rawValue: GLP_ETMLIM)
    /// `GLP_ENOPFS`: no primal feasible solution (presolver).
    public static let noPrimalFeasible = Self(rawValue: GLP_ENOPFS)
    /// `GLP_ENODFS`: no dual feasible solution (presolver).
    public static let noDualFeasible = Self(rawValue: GLP_ENODFS)
    /// `GLP_EROOT`: `glp_intopt` was given no optimal LP basis.
    public static let rootNotOptimal = Self(rawValue: GLP_EROOT)
    /// `GLP_ESTOP`: the search was terminated by the application.
    public static let stopped = Self(rawValue: GLP_ESTOP)
    /// `GLP_EMIPGAP`: the relative MIP gap tolerance was reached.
    public static let gapReached = Self(rawValue: GLP_EMIPGAP)
    /// `GLP_ENOFEAS`: no primal/dual feasible solution.
    public static let noFeasible = Self(rawValue: GLP_ENOFEAS)
    /// `GLP_ENOCVG`: no convergence.
    public static let noConvergence = Self(rawValue: GLP_ENOCVG)
    /// `GLP_EINSTAB`: numerical instability.
    public static let numericalInstability = Self(rawValue: GLP_EINSTAB)
    /// `GLP_EDATA`: invalid data.
    public static let invalidData = Self(rawValue: GLP_EDATA)
    /// `GLP_ERANGE`: result out of range.
    public static let outOfRange = Self(rawValue: GLP_ERANGE)

    public var description: String {
        switch self {
        case .success: return "success"
        case .invalidBasis: return "invalid basis (GLP_EBADB)"
        case .singularMatrix: return "singular basis matrix (GLP_ESING)"
        case .illConditioned: return "ill-conditioned basis matrix (GLP_ECOND)"
        case .invalidBounds: return "incorrect bounds (GLP_EBOUND)"
        case .solverFailed: return "solver failed (GLP_EFAIL)"
        case .objectiveLowerLimit: return "objective lower limit reached (GLP_EOBJLL)"
        case .objectiveUpperLimit: return "objective upper limit reached (GLP_EOBJUL)"
        case .iterationLimit: return "iteration limit exceeded (GLP_EITLIM)"
        case .timeLimit: return "time limit exceeded (GLP_ETMLIM)"
        case .noPrimalFeasible: return "no primal feasible solution (GLP_ENOPFS)"
        case .noDualFeasible: return "no dual feasible solution (GLP_ENODFS)"
        case .rootNotOptimal: return "root LP optimum not provided (GLP_EROOT)"
        case .stopped: return "search terminated by application (GLP_ESTOP)"
        case .gapReached: return "relative MIP gap tolerance reached (GLP_EMIPGAP)"
        case .noFeasible: return "no primal/dual feasible solution (GLP_ENOFEAS)"
        case .noConvergence: return "no convergence (GLP_ENOCVG)"
        case .numericalInstability: return "numerical instability (GLP_EINSTAB)"
        case .invalidData: return "invalid data (GLP_EDATA)"
        case .outOfRange: return "result out of range (GLP_ERANGE)"
        default: return "GLPK return code \(rawValue)"
        }
    }
}
