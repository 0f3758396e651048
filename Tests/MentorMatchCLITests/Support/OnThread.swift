import Foundation

/// Runs `body` on a plain thread and waits for it, as the `mentormatch` binary runs its solves
/// (on the main thread, outside Swift concurrency).
///
/// The engine's flow solver crashed (SIGSEGV in `swift_beginAccess`, under
/// `SuccessiveShortestPaths.route`) when called directly from an async test body on a 300-student
/// program, in debug builds; the same call on a plain thread, even with a 512 KiB stack, passes.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    nonisolated(unsafe) var result: T?
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result = body()
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    done.wait()
    return result!
}
