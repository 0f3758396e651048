import Foundation

/// The built `mentormatch` binary, run as a child process (as the CLI tests do).
enum Binary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Next to the test bundle (the build's products folder), else in `.build/debug`.
    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("mentormatch"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mentormatch"),
            Fixture.packageRoot.appendingPathComponent(".build/debug/mentormatch"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    static func environment(trace: Bool = false) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["MENTORMATCH_NOW"] = "2026-11-24T09:00:00Z"
        if trace { environment["MENTORMATCH_STORE_TRACE"] = "1" }
        return environment
    }

    /// Runs `mentormatch arguments…` from `folder` and waits for it.
    static func run(_ arguments: [String], in folder: URL = Fixture.packageRoot) throws -> Outcome {
        let child = try Child(arguments, in: folder)
        return child.finish()
    }
}

/// A running `mentormatch`, whose standard error is read as it comes (step lines) and whose
/// standard output is collected.
final class Child: @unchecked Sendable {
    let process = Process()
    private let out = Pipe(), err = Pipe()
    private var errText = Data()
    private var outText = Data()
    private let outDone = DispatchSemaphore(value: 0)

    init(_ arguments: [String], in folder: URL = Fixture.packageRoot, trace: Bool = false) throws {
        process.executableURL = Binary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = Binary.environment(trace: trace)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = out.fileHandleForReading
        DispatchQueue.global().async { [self] in
            outText = handle.readDataToEndOfFile()
            outDone.signal()
        }
    }

    /// Reads standard error until `count` step lines have come (`false` if the process ended first).
    func waitForSteps(_ count: Int) -> Bool {
        let marker = Data("store-step:".utf8)
        func steps() -> Int {
            var n = 0, from = errText.startIndex
            while let r = errText.range(of: marker, in: from..<errText.endIndex) { n += 1; from = r.upperBound }
            return n
        }
        while steps() < count {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            errText.append(chunk)
        }
        return true
    }

    func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the process and returns what it wrote.
    func finish() -> Binary.Outcome {
        errText.append(err.fileHandleForReading.readDataToEndOfFile())
        outDone.wait()
        process.waitUntilExit()
        return Binary.Outcome(status: process.terminationStatus, stdout: String(decoding: outText, as: UTF8.self),
                              stderr: String(decoding: errText, as: UTF8.self))
    }
}
