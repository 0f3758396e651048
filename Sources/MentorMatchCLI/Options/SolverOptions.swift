import ArgumentParser
import Logging
import MIPModel
import MentorMatchEngine

/// `--solver` and `--progress`, for the commands that solve.
struct SolverOptions: ParsableArguments {
    @Option(help: "Solver: flow (default, min-cost flow, exact) or mip (GLPK branch and cut). Both prove the same optimum.")
    var solver: SolverKind = .flow

    @Flag(help: "Show the search's progress on standard error once a second (elapsed, best objective, bound, gap; the flow solver reports elapsed time only); on by default when standard error is a terminal.")
    var progress = false

    /// The engine's options: the chosen method, wired to Ctrl-C and to the progress display.
    func make(cancellation: Cancellation, logger: Logger) -> RebalanceOptions {
        logger.debug("solver", metadata: ["solver": "\(solver.rawValue)"])
        return RebalanceOptions(method: solver.method, cancellation: cancellation,
                                progress: ProgressReporter.make(enabled: ProgressReporter.enabled(forced: progress)))
    }
}
