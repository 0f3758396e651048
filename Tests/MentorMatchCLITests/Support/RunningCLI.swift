import Foundation
import Synchronization

/// The `mentormatch` binary running in the background: its standard error can be waited on line by
/// line (a readiness line instead of a sleep) and it can be sent SIGINT.
final class RunningCLI: Sendable {
    private let process: Process
    private let stdout = Pipe(), stderr = Pipe()
    private let buffers = Buffers()
    private let seen = DispatchSemaphore(value: 0)
    private let outDone = DispatchSemaphore(value: 0)

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        self.process = process
        let buffers = self.buffers, seen = self.seen
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }
            buffers.err.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            seen.signal()
        }
        try process.run()
        let outDone = self.outDone, reader = stdout.fileHandleForReading
        DispatchQueue.global().async {
            let data = reader.readDataToEndOfFile()
            buffers.out.withLock { $0 = data }
            outDone.signal()
        }
    }

    /// Waits until standard error contains `text` (true), or the process ends or a minute passes without it.
    func waitForStandardError(containing text: String) -> Bool {
        let deadline = DispatchTime.now() + 60
        while true {
            if buffers.err.withLock({ $0.contains(text) }) { return true }
            if !process.isRunning || seen.wait(timeout: deadline) == .timedOut {
                return buffers.err.withLock { $0.contains(text) }
            }
        }
    }

    private final class Buffers: Sendable {
        let err = Mutex("")
        let out = Mutex(Data())
    }

    func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// Waits for the process to end; its status and both outputs.
    func wait() -> CLI.Outcome {
        outDone.wait()
        process.waitUntilExit()
        // Standard error may still hold its last chunk.
        let rest = stderr.fileHandleForReading.readDataToEndOfFile()
        buffers.err.withLock { $0 += String(decoding: rest, as: UTF8.self) }
        return CLI.Outcome(status: process.terminationStatus, stdout: String(decoding: buffers.out.withLock { $0 }, as: UTF8.self),
                           stderr: buffers.err.withLock { $0 })
    }
}
