import Dispatch

/// Runs `body` over the students of a context in fixed chunks on every core and returns the chunks'
/// results in student order (the result does not depend on the number of threads).
func forEachStudentChunk<T>(_ studentCount: Int, chunkSize: Int = 512, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let chunks = (studentCount + chunkSize - 1) / chunkSize
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: chunks)
    results.initialize(repeating: nil)
    defer { results.deinitialize(); results.deallocate() }
    nonisolated(unsafe) let shared = results  // each iteration writes its own element
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        shared[c] = body((c * chunkSize)..<min(studentCount, (c + 1) * chunkSize))
    }
    return results.map { $0! }
}
