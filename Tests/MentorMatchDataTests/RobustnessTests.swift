import Foundation
import PropertyBased
import Testing
@testable import MentorMatchData

/// Random and truncated bytes never crash a reader: they read, or they fail with `InputErrors`.
@Suite struct RobustnessTests {
    static let valid = Data(SnapshotJSONWriter.text(Fixtures.rich).utf8)
    static let csvFiles = try! SnapshotCSVWriter.files(Fixtures.rich)
    static let policy = Data("weights: {style: 0.6}\nmoveCost: 100\nmaxMoves: 40\n".utf8)
    static let scenario = Data("""
        name: test
        base: snapshot.json
        policy: {maxMoves: 3}
        changes:
          - deactivateMentors: [m-1]
          - setCapacity: {mentor: m-2, capacity: 4}
          - generateStudents: {count: 3, path: data-analyst, language: fr, seed: 4}
        """.utf8)

    /// Runs `read`; any thrown error must be `InputErrors` with at least one message.
    func survives(_ read: () throws -> Void) {
        do {
            try read()
        } catch let error as InputErrors {
            #expect(!error.errors.isEmpty)
            #expect(!error.description.isEmpty)
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func randomBytes() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...300)) { bytes in
            let data = Data(bytes)
            survives { _ = try SnapshotJSONReader.read(data: data, file: "x.json") }
            survives { _ = try PolicyReader.read(data: data, file: "x.yaml") }
            survives { _ = try ScenarioReader.read(data: data, file: "x.yaml", folder: URL(fileURLWithPath: "/tmp")) }
        }
    }

    @Test func truncatedAndMutatedSnapshots() async {
        let valid = Self.valid
        await propertyCheck(count: 300, input: Gen.int(in: 0...(valid.count)), Gen.int(in: 0...(valid.count - 1)),
                            Gen.uint8()) { cut, position, byte in
            survives { _ = try SnapshotJSONReader.read(data: valid.prefix(cut), file: "x.json") }
            var mutated = valid
            mutated[position] = byte
            survives { _ = try SnapshotJSONReader.read(data: mutated, file: "x.json") }
        }
    }

    @Test func truncatedAndMutatedPolicyAndScenario() async {
        let inputs = [Self.policy, Self.scenario]
        await propertyCheck(count: 200, input: Gen.int(in: 0...1), Gen.int(in: 0...400), Gen.uint8()) { which, cut, byte in
            let text = inputs[which]
            let prefix = text.prefix(min(cut, text.count))
            var mutated = text
            mutated[min(cut, text.count - 1)] = byte
            for data in [prefix, mutated] {
                survives { _ = try PolicyReader.read(data: data, file: "x.yaml") }
                survives { _ = try ScenarioReader.read(data: data, file: "x.yaml", folder: URL(fileURLWithPath: "/tmp")) }
            }
        }
    }

    @Test func truncatedAndMutatedCSV() async throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = Self.csvFiles
        await propertyCheck(count: 100, input: Gen.int(in: 0...(files.count - 1)), Gen.int(in: 0...600), Gen.uint8()) { which, cut, byte in
            for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
            let (name, data) = files[which]
            var changed = data.prefix(min(cut, data.count))
            if cut % 2 == 1, !data.isEmpty {
                changed = data
                changed[min(cut, data.count - 1)] = byte
            }
            try changed.write(to: folder.appendingPathComponent(name))
            survives { _ = try SnapshotCSVReader.read(folder: folder) }
        }
    }

    @Test func deepJSONNestingIsAnErrorNotACrash() {
        let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        survives { _ = try SnapshotJSONReader.read(data: deep, file: "deep.json") }
    }

    @Test func deepYAMLNestingIsAnErrorNotACrash() {
        let deepYAML = Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        survives { _ = try PolicyReader.read(data: deepYAML, file: "deep.yaml") }
        let dashes = Data(("changes:\n" + String(repeating: "- ", count: 10_000) + "x\n").utf8)
        survives { _ = try ScenarioReader.read(data: dashes, file: "deep.yaml", folder: URL(fileURLWithPath: "/tmp")) }
        #expect(throws: InputErrors([InputError(file: "deep.yaml", record: "", field: "", found: "nesting deeper than 64 levels",
                                                expected: "a policy in YAML or JSON of reasonable depth")])) {
            try PolicyReader.read(data: deepYAML, file: "deep.yaml")
        }
    }

    @Test func aliasBombIsAnErrorNotAHang() {
        var yaml = "a0: [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml = yaml.replacingOccurrences(of: "a0: [", with: "a0: &a0 [")
        survives { _ = try PolicyReader.read(data: Data(yaml.utf8), file: "bomb.yaml") }
    }
}
