import Foundation
import MentorMatchData
import MentorMatchEngine
import Testing

/// The README's library example gives the command line's optimum: one front door for both.
@Suite struct LibraryExampleTests {
    @Test func libraryAndCommandLineAgree() throws {
        let snapshot = try SnapshotReader.read(at: CLI.packageRoot.appendingPathComponent("Scenarios/demo/snapshot.json")).value
        let result = try rebalance(snapshot, policy: Policy())
        let outcome = try CLI.run(["rebalance", "Scenarios/demo/snapshot.json", "--format", "json"])
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(json["objective"] as? Int == result.objective)
        #expect(json["maxMoves"] as? Int == result.maxMoves)
        #expect((json["assignments"] as? [[String: Any]])?.map { $0["mentor"] as? String } == result.entries.map(\.mentor))
    }
}
