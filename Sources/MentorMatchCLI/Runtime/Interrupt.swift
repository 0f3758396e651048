import Dispatch
import Foundation
import MIPModel

/// Turns Ctrl-C (SIGINT) into a cooperative cancellation of the running search:
/// the solver returns its best answer, marked not proven. A second Ctrl-C exits at once (status 130),
/// also when both arrive before the first is handled (the signal source then reports two at once).
/// Commands install it first, before reading their input.
final class InterruptHandler: @unchecked Sendable {
    let cancellation = Cancellation()
    private var source: DispatchSourceSignal?

    init() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let cancellation = self.cancellation
        source.setEventHandler { [source] in  // released when the source is cancelled
            if cancellation.isCancelled || source.data >= 2 { exit(130) }
            FileHandle.standardError.write(Data("\nmentormatch: interrupted; finishing with the best answer found so far (Ctrl-C again to quit)\n".utf8))
            cancellation.cancel()
        }
        source.resume()
        self.source = source
    }

    deinit {
        source?.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
