import Foundation

/// Step lines for the crash tests: with `MENTORMATCH_STORE_TRACE=1` in the environment, the store
/// writes `store-step: NAME` on standard error at points inside its write transactions, so that a
/// test can kill the process at a chosen step instead of guessing with sleeps.
enum StoreTrace {
    static let enabled = ProcessInfo.processInfo.environment["MENTORMATCH_STORE_TRACE"] == "1"

    static func step(_ name: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("store-step: \(name())\n".utf8))
    }
}
