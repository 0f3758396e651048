import Foundation
import Testing

/// 0 success, 2 input error (nothing written), 3 solver failure; documented in --help.
@Suite struct ExitStatusTests {
    @Test func successIsZero() throws {
        #expect(try CLI.run(["validate", "\(CLI.fixtures)/school.json"]).status == 0)
    }

    @Test(arguments: [
        ["validate", "\(CLI.fixtures)/bad.json"],
        ["validate", "\(CLI.fixtures)/no-such-file.json"],
        ["rebalance", "\(CLI.fixtures)/school.json", "--policy", "\(CLI.fixtures)/no-such-policy.yaml"],
        ["whatif", "\(CLI.fixtures)/no-such-scenario.yaml"],
        ["rebalance", "\(CLI.fixtures)/school.json", "--no-such-option"],
        ["rebalance", "\(CLI.fixtures)/school.json", "--max-moves", "-1"],
        ["rebalance", "\(CLI.fixtures)/school.json", "--solver", "simplex"],
        ["export", "\(CLI.fixtures)/school.json", "--as", "xls"],
        ["generate", "--students", "5", "--format", "csv"],
        ["suggest", "Scenarios/demo/snapshot.json", "--student", "s-9999"],
        ["suggest", "Scenarios/demo/snapshot.json", "--student", "s-0015"],
        ["suggest", "Scenarios/demo/snapshot.json", "--student", "s-0014", "--chain", "-1"],
        ["suggest", "Scenarios/demo/snapshot.json"],
    ])
    func inputErrorsAreTwo(_ arguments: [String]) throws {
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(!outcome.stderr.isEmpty)
    }

    @Test func unknownChangeInAScenarioIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = CLI.packageRoot.appendingPathComponent("\(CLI.fixtures)/school.json").path
        try "name: ghost\nbase: \(school)\nchanges:\n  - deactivateMentors: [m-999]\n"
            .write(to: folder.appendingPathComponent("ghost.yaml"), atomically: true, encoding: .utf8)
        let outcome = try CLI.run(["whatif", "ghost.yaml"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("m-999"))
    }

    @Test func helpDocumentsTheExitStatuses() throws {
        let outcome = try CLI.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Exit status: 0 success; 2 input error"))
        #expect(outcome.stdout.contains("3 solver failure"))
    }
}
