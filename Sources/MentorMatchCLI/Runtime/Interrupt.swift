import Dispatch
import Foundation
import MIPModel

/// Turns Ctrl-C (SIGINT) into a cooperative cancellation of the running search:
/// the solver returns its best answer, marked not proven. A second Ctrl-C exits at once.
final class InterruptHandler: @unchecked Sendable {
    let cancellation = Cancellation()
    private var source: DispatchSourceSignal?

    init() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let cancellation = self.cancellation
        source.setEventHandler {
            if cancellation.isCancelled { exit(130) }
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
