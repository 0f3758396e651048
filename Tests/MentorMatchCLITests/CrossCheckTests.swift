import Foundation
import Testing

/// The objective `rebalance` reports is the optimum an independent solver (glpsol) finds for the
/// program `export` writes, in each of the three exported forms.
@Suite struct CrossCheckTests {
    static func objective(ofRebalance arguments: [String]) throws -> (status: String, objective: Int) {
        let outcome = try CLI.run(["rebalance"] + arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return (json?["status"] as? String ?? "", json?["objective"] as? Int ?? .min)
    }

    @Test(arguments: [(seed: 11, students: 150, maxMoves: "4"), (seed: 12, students: 120, maxMoves: "none")])
    func rebalanceMatchesGlpsolOnTheExportedProgram(_ c: (seed: Int, students: Int, maxMoves: String)) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("snapshot.json").path
        #expect(try CLI.run(["generate", "--students", "\(c.students)", "--seed", "\(c.seed)", "-o", snapshot]).status == 0)
        let limit = c.maxMoves == "none" ? [] : ["--max-moves", c.maxMoves]

        var exported: [String: String] = [:]
        for form in ["lp", "mps", "mathprog-data"] {
            let path = folder.appendingPathComponent("program.\(form)").path
            let outcome = try CLI.run(["export", snapshot, "--as", form, "-o", path] + limit)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            exported[form] = path
        }
        let model = CLI.packageRoot.appendingPathComponent("Models/rebalance.mod").path
        let lp = try GlpsolRun.objective(["--lp", exported["lp"]!])
        let mps = try GlpsolRun.objective(["--freemps", exported["mps"]!, "--max"])
        let mathProg = try GlpsolRun.objective(["-m", model, "-d", exported["mathprog-data"]!])
        #expect(lp == mathProg)
        #expect(mps == mathProg)

        for solver in ["flow", "mip"] {
            let result = try Self.objective(ofRebalance: [snapshot, "--solver", solver] + limit)
            #expect(result.status == "optimal")
            #expect(result.objective == mathProg, "solver \(solver)")
        }
    }

    /// Worked by hand: one mentor (capacity 1), no ratings, empty style preferences and profile,
    /// three hours in common. style = 0.5, availability = min(1, 180/135) = 1, satisfaction =
    /// (4.0 − 1)/4 = 0.75 (no ratings: mean 4.0), so fit = round(1000·(0.5·0.5 + 0.2·1 + 0.3·0.75)) = 675
    /// for both students. s-1 (priority 1, voluntary) holds the seat; s-2 has a help request (priority 3).
    /// Keeping s-1: 675 − 3·5000 = −14325. Giving the seat to s-2 evicts s-1: 3·675 − 5000 − 20000
    /// (evictionCost) = −22975. The optimum keeps s-1: −14325. With `evictionCost: 0` (version 1) the seat
    /// goes to s-2: 3·675 − 5000 = −2975, and s-1 is reported evicted by m-1.
    @Test func tinySchoolWorkedByHand() throws {
        let outcome = try CLI.run(["rebalance", "\(CLI.fixtures)/tiny.json", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == """
            student,priority,previousMentor,mentor,previousFit,fit,change,reason
            s-1,1,m-1,m-1,675,675,keep,
            s-2,3,,,,,unassigned,all candidates full: m-1

            """)
        #expect(try Self.objective(ofRebalance: ["\(CLI.fixtures)/tiny.json"]).objective == -14325)
        let v1 = try CLI.run(["rebalance", "\(CLI.fixtures)/tiny.json", "--policy", "\(CLI.fixtures)/no-eviction.yaml", "--format", "csv"])
        #expect(v1.stdout == """
            student,priority,previousMentor,mentor,previousFit,fit,change,reason
            s-1,1,m-1,,675,,unassigned,"evicted: m-1, their mentor, could not keep them, and no other seat fit this week's limits"
            s-2,3,,m-1,,675,new,

            """)
        #expect(try Self.objective(ofRebalance: ["\(CLI.fixtures)/tiny.json", "--policy", "\(CLI.fixtures)/no-eviction.yaml"]).objective == -2975)
    }

    /// Worked by hand on the school fixture. Ratings: 2, 5, 4, so the school mean is 11/3.
    /// s-001 (change requested: priority 3) leaves m-002: style 0 (m-002 is only structured),
    /// availability 1, satisfaction ((5 + 5·11/3)/6 − 1)/4 = 0.7222 → fit round(1000·(0.2 + 0.3·0.7222)) = 417.
    /// m-003 has free seats and no ratings: style 0.5, availability 1, satisfaction (11/3 − 1)/4 = 0.6667
    /// → fit round(1000·(0.25 + 0.2 + 0.2)) = 650; objectiveDelta = 3·650 − 3·417 = 699 (a forced move
    /// pays no move cost). m-001 is full with s-003 and s-006; s-006 must leave (rated it 2) so cannot
    /// move in a chain, and s-003 has no other mentor on Wednesdays: no proposal there.
    @Test func suggestWorkedByHand() throws {
        let outcome = try CLI.run(["suggest", "\(CLI.fixtures)/school.json", "--student", "s-001", "--format", "json"])
        #expect(outcome.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let proposals = json?["proposals"] as? [[String: Any]] ?? []
        #expect(proposals.count == 1)
        #expect(proposals.first?["mentor"] as? String == "m-003")
        #expect(proposals.first?["fit"] as? Int == 650)
        #expect(proposals.first?["objectiveDelta"] as? Int == 699)
        #expect((proposals.first?["chain"] as? [Any])?.isEmpty == true)
        #expect(json?["currentFit"] as? Int == 417)
    }
}
