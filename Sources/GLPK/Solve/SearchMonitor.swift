import CGLPK
import CGLPKGuard
import MIPModel

/// The Swift side of the branch-and-cut callback: reports progress, polls the
/// cancellation flag, and keeps a thrown error on this side of the C boundary.
final class SearchMonitor {
    private let options: SolveOptions
    private let started: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant?
    private var lastIncumbent: Double?
    /// Why the search was asked to stop, if it was.
    private(set) var stopReason: StopReason?
    /// The error the progress closure threw, if any.
    private(set) var progressError: (any Error)?

    /// Progress is reported at most this often, plus whenever the incumbent improves.
    static let reportInterval = Duration.milliseconds(100)

    init(options: SolveOptions, started: ContinuousClock.Instant) {
        self.options = options
        self.started = started
    }

    /// The C callback; `context` is an unretained `SearchMonitor`.
    static let callback: mm_glpk_progress_func = { context, progress in
        guard let context, let progress else { return 0 }
        let monitor = Unmanaged<SearchMonitor>.fromOpaque(context).takeUnretainedValue()
        return monitor.observe(progress.pointee) ? 1 : 0
    }

    /// Returns true to stop the search.
    private func observe(_ p: mm_glpk_progress) -> Bool {
        if stopReason != nil { return true }
        if options.cancellation?.isCancelled == true {
            stopReason = .cancelled
            return true
        }
        guard let report = options.progress else { return false }
        let now = ContinuousClock.now
        let incumbent = p.has_incumbent != 0 ? p.incumbent : nil
        let due = lastReport.map { now - $0 >= Self.reportInterval } ?? true
        guard due || incumbent != lastIncumbent else { return false }
        lastReport = now
        lastIncumbent = incumbent
        let snapshot = SolveProgress(
            elapsedSeconds: (now - started).seconds,
            incumbent: incumbent,
            bound: p.has_bound != 0 ? p.bound : nil,
            gap: p.has_incumbent != 0 && p.gap < Double.greatestFiniteMagnitude ? p.gap : nil)
        do {
            try report(snapshot)
        } catch {
            progressError = error
            stopReason = .callbackError
            return true
        }
        if options.cancellation?.isCancelled == true {
            stopReason = .cancelled
            return true
        }
        return false
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
