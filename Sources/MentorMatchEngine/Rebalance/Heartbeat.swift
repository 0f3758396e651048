import Dispatch
import MIPModel

/// For a solver that reports no progress of its own (the flow solver): a progress event every
/// `interval` (a second) with the elapsed time only, so that a long solve still shows it is alive.
final class Heartbeat: @unchecked Sendable {
    private let timer: DispatchSourceTimer

    init(interval: DispatchTimeInterval = .seconds(1), _ progress: @escaping @Sendable (SolveProgress) -> Void) {
        let start = DispatchTime.now()
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            progress(SolveProgress(elapsedSeconds: elapsed, incumbent: nil, bound: nil, gap: nil))
        }
        timer.resume()
    }

    func stop() { timer.cancel() }
}
