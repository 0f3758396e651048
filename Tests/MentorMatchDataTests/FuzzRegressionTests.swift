import Foundation
import Testing
@testable import MentorMatchData

/// Inputs the fuzz targets of `Fuzz/` (scripts/fuzz.sh) found crashing, each with its neighbours: they now
/// read, or fail with `InputErrors`, like any other input (issue 18).
@Suite struct FuzzRegressionTests {
    /// FuzzPolicy, crash-4c4a2635…: a plain scalar with a colon is a YAML 1.1 base-60 integer, which Yams
    /// computes with trapping arithmetic: a value past `Int.max`, or 12 parts (its place value 60^11
    /// overflows even when the number fits). `mentormatch rebalance --policy` with this file trapped
    /// (exit 132).
    static let fuzzInput = Data("mior: 9184467440522337280:4".utf8)

    @Test func policyWithAnOverflowingBase60NumberReads() throws {
        let loaded = try PolicyReader.read(data: Self.fuzzInput, file: "policy.yaml")
        #expect(loaded.value == Policy())  // "mior" is an unknown field: a warning, the defaults stay
        #expect(!loaded.warnings.isEmpty)
    }

    @Test(arguments: ["9184467440522337280:4", "1:0:0:0:0:0:0:0:0:0:0:0", "2562047788015215:30:08", "-2562047788015215:30:09"])
    func overflowingBase60NumberIsAnInputError(_ text: String) {
        #expect(throws: InputErrors([InputError(file: "policy.yaml", record: "", field: "maxMoves",
                                                found: "\"\(text)\"", expected: "an integer >= 0")])) {
            try PolicyReader.read(data: Data("maxMoves: \(text)\n".utf8), file: "policy.yaml")
        }
        let scenario = Data("name: x\nbase: school.json\nchanges:\n  - setCapacity: {mentor: m-1, capacity: \(text)}\n".utf8)
        #expect(throws: InputErrors.self) {
            try ScenarioReader.read(data: scenario, file: "scenario.yaml", folder: URL(fileURLWithPath: "/tmp"))
        }
    }

    /// Base-60 integers that fit still read as Yams reads them (the conversion moved, not the meaning).
    @Test func base60NumbersThatFitKeepTheirValue() throws {
        #expect(try PolicyReader.read(data: Data("maxMoves: 2:30\n".utf8), file: "p.yaml").value.maxMoves == 150)
        #expect(try PolicyReader.read(data: Data("maxMoves: 1_0:00\n".utf8), file: "p.yaml").value.maxMoves == 600)
        // 11 parts: Yams trapped on the place value 60^11 computed after the last part; the value fits.
        #expect(try PolicyReader.read(data: Data("maxMoves: 1:0:0:0:0:0:0:0:0:0:0\n".utf8), file: "p.yaml")
            .value.maxMoves == 604_661_760_000_000_000)
        #expect(RawValue.sexagesimal("2562047788015215:30:07") == Int.max)
        #expect(RawValue.sexagesimal("-2562047788015215:30:07") == -Int.max)
        #expect(RawValue.sexagesimal("+1:00:00") == 3600)
        #expect(RawValue.sexagesimal("2562047788015215:30:08") == nil)
        #expect(RawValue.sexagesimal("1:0:0:0:0:0:0:0:0:0:0:0") == nil)
        #expect(RawValue.sexagesimal("1::0") == nil)
    }
}
