import Foundation
import Testing

/// Logging, Ctrl-C and progress: what a long weekly run shows besides its result.
@Suite struct RuntimeTests {
    /// The names in the school fixture.
    static let names = ["One", "Two", "Three", "Four", "Five", "Six", "Seven"].flatMap { ["Mentor \($0)", "Student \($0)"] }

    /// The school fixture gives every person a name; no command, verbose or not, prints one.
    @Test(arguments: [
        ["validate", "\(CLI.fixtures)/school.json"],
        ["rebalance", "\(CLI.fixtures)/school.json", "--solver", "mip", "--progress"],
        ["suggest", "\(CLI.fixtures)/school.json", "--student", "s-001"],
        ["whatif", "\(CLI.fixtures)/mentor-leaves.yaml"],
    ])
    func verboseLogsIdsNeverNames(_ arguments: [String]) throws {
        for format in ["table", "json", "csv", "markdown"] {
            let outcome = try CLI.run(arguments + ["--verbose", "--format", format])
            #expect(outcome.status == 0)
            #expect(outcome.stderr.contains("debug"), "verbose logs on standard error")
            for text in [outcome.stdout, outcome.stderr] {
                for name in Self.names { #expect(!text.contains(name), "\(arguments) \(format)") }
            }
        }
    }

    /// Ctrl-C during a long GLPK search: the command still prints a whole result and exits 0; an
    /// answer the interruption cut short is marked not proven, with its bound and gap.
    @Test func interruptPrintsTheBestAnswerMarkedNotProven() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("big.json").path
        #expect(try CLI.run(["generate", "--students", "3000", "--seed", "3", "-o", snapshot]).status == 0)

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["rebalance", snapshot, "--solver", "mip", "--max-moves", "50", "--format", "json"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        process.interrupt()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(stderr)")
        let json = try JSONSerialization.jsonObject(with: stdout) as? [String: Any]
        #expect((json?["assignments"] as? [Any])?.count == 3000)
        if stderr.contains("interrupted") {
            #expect(json?["status"] as? String == "feasible")
            #expect(json?["bound"] is Int)
            #expect(json?["gap"] is Double)
        } else {
            #expect(json?["status"] as? String == "optimal")  // finished within two seconds
        }
    }
}
