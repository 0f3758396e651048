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

    @Test func badSnapshotListsEveryError() throws {
        let outcome = try CLI.run(["rebalance", "\(CLI.fixtures)/bad.json"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        try Golden.check(outcome.stderr, "bad-snapshot.stderr")
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
