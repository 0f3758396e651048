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
    /// Why the search was asked to stop, if it was. (A progress closure's error stops
    /// here: the solve reports `callbackError`, the error never reaches C.)
    private(set) var stopReason: StopReason?

    /// Progress is reported at most this often, plus whenever the incumbent improves.
    static let reportInterval = Duration.milliseconds(100)

    init(options: SolveOptions, started: ContinuousClock.Instant) {
        self.options = options
        self.started = started
    }

    /// The C callback of branch and cut; `context` is an unretained `SearchMonitor`.
    static let callback: mm_glpk_progress_func = { context, progress in
        guard let context, let p = progress?.pointee else { return 0 }
        let monitor = Unmanaged<SearchMonitor>.fromOpaque(context).takeUnretainedValue()
        let stop = monitor.observe(
            incumbent: p.has_incumbent != 0 ? p.incumbent : nil,
            bound: p.has_bound != 0 ? p.bound : nil,
            gap: p.has_incumbent != 0 && p.gap < Double.greatestFiniteMagnitude ? p.gap : nil)
        return stop ? 1 : 0
    }

    /// Between two slices of the simplex (no bound yet); returns why to stop, if so.
    func observeSimplex(incumbent: Double?) -> StopReason? {
        observe(incumbent: incumbent, bound: nil, gap: nil) ? stopReason : nil
    }

    /// Returns true to stop the search.
    private func observe(incumbent: Double?, bound: Double?, gap: Double?) -> Bool {
        if stopReason != nil { return true }
        if options.cancellation?.isCancelled == true {
            stopReason = .cancelled
            return true
        }
        guard let report = options.progress else { return false }
        let now = ContinuousClock.now
        let due = lastReport.map { now - $0 >= Self.reportInterval } ?? true
        guard due || incumbent != lastIncumbent else { return false }
        lastReport = now
        lastIncumbent = incumbent
        do {
            try report(SolveProgress(elapsedSeconds: (now - started).seconds, incumbent: incumbent, bound: bound, gap: gap))
        } catch {
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
