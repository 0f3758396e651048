import Foundation
import Testing

/// The advisor stories, in every format, compared with the files under Golden/.
@Suite struct GoldenTests {
    static let formats: [(format: String, suffix: String)] = [("table", "txt"), ("json", "json"), ("csv", "csv"), ("markdown", "md")]

    /// (golden name, arguments) of each story.
    static let stories: [(name: String, arguments: [String])] = [
        ("validate-school", ["validate", "\(CLI.fixtures)/school.json"]),
        ("rebalance-school", ["rebalance", "\(CLI.fixtures)/school.json"]),
        ("rebalance-school-mip", ["rebalance", "\(CLI.fixtures)/school.json", "--solver", "mip"]),
        ("whatif-mentor-leaves", ["whatif", "\(CLI.fixtures)/mentor-leaves.yaml"]),
        ("suggest-school", ["suggest", "\(CLI.fixtures)/school.json", "--student", "s-001"]),
        ("suggest-demo", ["suggest", "Scenarios/demo/snapshot.json", "--student", "s-0014"]),
        ("suggest-demo-chain-2", ["suggest", "Scenarios/demo/snapshot.json", "--student", "s-0014", "--chain", "2", "--alternatives", "5"]),
        ("validate-demo", ["validate", "Scenarios/demo/snapshot.json"]),
        ("rebalance-demo", ["rebalance", "Scenarios/demo/snapshot.json"]),
        ("rebalance-demo-max-moves-3", ["rebalance", "Scenarios/demo/snapshot.json", "--max-moves", "3"]),
        ("whatif-demo-mentor-leaves", ["whatif", "Scenarios/demo/whatif-mentor-leaves.yaml"]),
        ("whatif-demo-new-cohort", ["whatif", "Scenarios/demo/whatif-new-cohort.yaml"]),
        ("whatif-demo-capacity-cut", ["whatif", "Scenarios/demo/whatif-capacity-cut.yaml"]),
        ("whatif-demo-policy", ["whatif", "Scenarios/demo/whatif-policy.yaml"]),
        ("whatif-demo-stability-first", ["whatif", "Scenarios/demo/whatif-stability-first.yaml"]),
    ]

    @Test(arguments: stories.indices, formats.indices)
    func story(_ s: Int, _ f: Int) throws {
        let (name, arguments) = Self.stories[s]
        let (format, suffix) = Self.formats[f]
        let outcome = try CLI.run(arguments + ["--format", format])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        try Golden.check(outcome.stdout, "\(name).\(suffix)")
    }

    /// The demo's policy file writes out the defaults: the same result as no policy, with either solver.
    @Test(arguments: [["--policy", "Scenarios/demo/policy.yaml"], ["--solver", "mip"]])
    func demoPolicyIsTheDefault(_ extra: [String]) throws {
        let plain = try CLI.run(["rebalance", "Scenarios/demo/snapshot.json", "--format", "json"])
        let other = try CLI.run(["rebalance", "Scenarios/demo/snapshot.json", "--format", "json"] + extra)
        #expect(plain.status == 0 && other.status == 0)
        #expect(plain.stdout == other.stdout)
    }

    @Test func badSnapshotListsEveryError() throws {
        let outcome = try CLI.run(["rebalance", "\(CLI.fixtures)/bad.json"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        try Golden.check(outcome.stderr, "bad-snapshot.stderr")
    }

    @Test func badCSVFolderNamesFileLineAndField() throws {
        let outcome = try CLI.run(["validate", "\(CLI.fixtures)/bad-csv"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        try Golden.check(outcome.stderr, "bad-csv-folder.stderr")
    }

    /// Nothing in a golden depends on the machine: no absolute path, no timing.
    @Test func goldensHoldNoAbsolutePathsOrTimings() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Golden.folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: Golden.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains(CLI.packageRoot.path), "\(name) holds an absolute path")
            #expect(!text.contains("/tmp/"), "\(name) holds a temporary path")
            #expect(!text.lowercased().contains("seconds"), "\(name) holds a timing")
        }
    }
}
