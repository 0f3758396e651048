import Foundation
import MIPModel
import Synchronization

/// Shows a long search's progress on standard error: elapsed time, best objective, bound and gap,
/// about one line a second.
enum ProgressReporter {
    /// Whether to show progress: asked for, or standard error is a terminal.
    static func enabled(forced: Bool) -> Bool {
        forced || isatty(STDERR_FILENO) != 0
    }

    /// A progress closure for the solver, or `nil` when progress is off.
    static func make(enabled: Bool) -> (@Sendable (SolveProgress) -> Void)? {
        guard enabled else { return nil }
        let lastShown = Mutex<Double>(-1)
        return { p in
            let due = lastShown.withLock { last in
                guard last < 0 || p.elapsedSeconds - last >= 0.9 else { return false }
                last = p.elapsedSeconds
                return true
            }
            if due { FileHandle.standardError.write(Data((line(p) + "\n").utf8)) }
        }
    }

    static func line(_ p: SolveProgress) -> String {
        // GLPK reports ±DBL_MAX before it has an incumbent or a bound.
        func number(_ v: Double?) -> String {
            guard let v, v.isFinite, abs(v) < 1e15 else { return "-" }
            return String(Int(v.rounded()))
        }
        let gap = p.gap.flatMap { $0.isFinite && $0 < 1e6 ? String(format: "%.4f%%", $0 * 100) : nil } ?? "-"
        return String(format: "[%7.1fs]", p.elapsedSeconds) + " best \(number(p.incumbent))  bound \(number(p.bound))  gap \(gap)"
    }
}
