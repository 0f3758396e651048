import Foundation
import Testing

/// `--output` writes the whole result or nothing.
@Suite struct OutputFileTests {
    @Test func writesTheSameBytesAsStandardOutput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("result.json")
        let school = "\(CLI.fixtures)/school.json"
        let written = try CLI.run(["rebalance", school, "--format", "json", "--output", file.path])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        let printed = try CLI.run(["rebalance", school, "--format", "json"])
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["result.json"])
    }

    @Test func badInputWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("result.csv")
        let outcome = try CLI.run(["rebalance", "\(CLI.fixtures)/bad.json", "--format", "csv", "-o", file.path])
        #expect(outcome.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func badInputLeavesAnExistingFileAlone() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("result.md")
        try "last week's result\n".write(to: file, atomically: true, encoding: .utf8)
        for arguments in [
            ["rebalance", "\(CLI.fixtures)/bad.json"],
            ["whatif", "\(CLI.fixtures)/no-such-scenario.yaml"],
            ["export", "\(CLI.fixtures)/bad.json", "--as", "lp"],
        ] {
            let outcome = try CLI.run(arguments + ["--output", file.path])
            #expect(outcome.status == 2, "\(arguments)")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "last week's result\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["result.md"])
    }
}
