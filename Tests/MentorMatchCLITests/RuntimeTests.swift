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

    /// A long GLPK search (3,000 students, a move budget) in the background, with `--verbose` so that the
    /// "searching" log line says when the search has started: the tests signal then, never after a sleep.
    static func startLongSearch(format: String) throws -> (RunningCLI, URL) {
        let folder = try CLI.temporaryFolder()
        let snapshot = folder.appendingPathComponent("big.json").path
        #expect(try CLI.run(["generate", "--students", "3000", "--seed", "3", "-o", snapshot]).status == 0)
        let running = try RunningCLI(["rebalance", snapshot, "--solver", "mip", "--max-moves", "50",
                                      "--format", format, "--verbose"])
        return (running, folder)
    }

    /// Ctrl-C during a long GLPK search: the command still prints a whole result and exits 0, marked not
    /// proven with its bound and gap, in JSON (`feasible`) and in the table (`NOT PROVEN OPTIMAL`).
    @Test(arguments: ["json", "table"]) func interruptPrintsTheBestAnswerMarkedNotProven(_ format: String) throws {
        let (running, folder) = try Self.startLongSearch(format: format)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(running.waitForStandardError(containing: "searching"))
        running.interrupt()
        let outcome = running.wait()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("interrupted"))
        if format == "json" {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            #expect((json["assignments"] as? [Any])?.count == 3000)
            #expect(json["status"] as? String == "feasible")
            let objective = try #require(json["objective"] as? Int), bound = try #require(json["bound"] as? Int)
            #expect(bound >= objective)
            #expect(json["gap"] is Double)
        } else {
            #expect(outcome.stdout.contains("NOT PROVEN OPTIMAL"))
        }
    }

    /// A second Ctrl-C quits at once with status 130. Both come while a large snapshot is read (the
    /// handler is installed before reading; reading goes on after the first, and the search would start
    /// already cancelled), the second once the first was acknowledged on standard error.
    @Test func secondInterruptExits130() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("large.json").path
        #expect(try CLI.run(["generate", "--students", "20000", "--mentors", "2000", "--seed", "3", "-o", snapshot]).status == 0)
        let running = try RunningCLI(["rebalance", snapshot, "--format", "json", "--verbose"])
        try #require(running.waitForStandardError(containing: "reading snapshot"))
        running.interrupt()
        try #require(running.waitForStandardError(containing: "interrupted"))
        running.interrupt()
        let outcome = running.wait()
        #expect(outcome.status == 130)
        #expect(outcome.stdout.isEmpty)
    }
}

/// The same input gives the same bytes, across processes (Swift seeds its hashing per process, so an
/// order taken from a dictionary or a set would show here, not in one process).
@Suite struct DeterminismTests {
    /// `ties.json`: seven identical students and three identical mentors of two seats each (six seats):
    /// many optimal assignments tie, and which student stays without a mentor is a tie too.
    @Test(arguments: [["rebalance"], ["rebalance", "--solver", "mip"], ["suggest", "--student", "s-G"]])
    func sameBytesAcrossProcesses(_ command: [String]) throws {
        let arguments = [command[0], "\(CLI.fixtures)/ties.json"] + command.dropFirst() + ["--format", "json"]
        let runs = try (0..<3).map { _ in try CLI.run(arguments) }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(Set(runs.map(\.stdout)).count == 1)
        #expect(runs[0].stdout.contains("\"objective\"") || runs[0].stdout.contains("\"proposals\""))
    }
}

/// `--time-limit` and `--gap` at the command line, on a search GLPK cannot finish at once.
@Suite struct LimitTests {
    static func school() throws -> (String, URL) {
        let folder = try CLI.temporaryFolder()
        let snapshot = folder.appendingPathComponent("school.json").path
        #expect(try CLI.run(["generate", "--students", "1000", "--seed", "3", "-o", snapshot]).status == 0)
        return (snapshot, folder)
    }

    static func json(_ outcome: CLI.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    /// A tiny time limit: an answer for every student, `feasible` with a bound no lower than the proven
    /// optimum (the flow solver's, an independent method), marked in the table.
    @Test func tinyTimeLimitIsNotProven() throws {
        let (snapshot, folder) = try Self.school()
        defer { try? FileManager.default.removeItem(at: folder) }
        let limited = try CLI.run(["rebalance", snapshot, "--solver", "mip", "--max-moves", "20", "--time-limit", "0.001", "--format", "json"])
        let proven = try CLI.run(["rebalance", snapshot, "--max-moves", "20", "--format", "json"])
        #expect(limited.status == 0 && proven.status == 0)
        let l = try Self.json(limited), p = try Self.json(proven)
        #expect(p["status"] as? String == "optimal")
        let optimum = try #require(p["objective"] as? Int)
        #expect(l["status"] as? String == "feasible")
        #expect(try #require(l["objective"] as? Int) <= optimum)
        #expect(try #require(l["bound"] as? Int) >= optimum)
        #expect((l["assignments"] as? [Any])?.count == 1000)
        let table = try CLI.run(["rebalance", snapshot, "--solver", "mip", "--max-moves", "20", "--time-limit", "0.001"])
        #expect(table.stdout.contains("NOT PROVEN OPTIMAL"))
    }

    /// `--gap 0.5`: `optimal` in the contract's sense, proven within the gap: the reported bound is no
    /// lower than the optimum and (bound − objective) / |objective| ≤ 0.5.
    @Test func gapIsOptimalWithinTheGap() throws {
        let (snapshot, folder) = try Self.school()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gapped = try Self.json(try CLI.run(["rebalance", snapshot, "--solver", "mip", "--max-moves", "20", "--gap", "0.5", "--format", "json"]))
        let proven = try Self.json(try CLI.run(["rebalance", snapshot, "--max-moves", "20", "--format", "json"]))
        let optimum = try #require(proven["objective"] as? Int)
        let objective = try #require(gapped["objective"] as? Int), bound = try #require(gapped["bound"] as? Int)
        #expect(gapped["status"] as? String == "optimal")
        #expect(objective <= optimum && bound >= optimum)
        #expect(Double(bound - objective) <= 0.5 * Double(abs(objective)) + 1e-9)
    }
}
