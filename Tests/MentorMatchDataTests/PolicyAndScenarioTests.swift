import Foundation
import Testing
@testable import MentorMatchData

@Suite struct PolicyTests {
    func read(_ text: String) throws -> Policy {
        try PolicyReader.read(data: Data(text.utf8), file: "policy.yaml").value
    }

    @Test func defaults() throws {
        let p = Policy()
        #expect(p.weights == Policy.Weights(style: 0.5, availability: 0.2, satisfaction: 0.3))
        #expect(p.moveCost == 150 && p.unassignedPenalty == 5000 && p.maxMoves == nil)
        #expect(p.forbidAtOrBelow == 2 && p.ratingPrior == 5 && p.mipGap == 0 && p.timeLimitSeconds == nil)
        #expect(p.evictionCost == 20000 && p.maxMovesPercent == 2 && p.cooldownWeeks == 4 && p.learningRate == 0.5)
        #expect(try read("") == p)
    }

    @Test func v2Fields() throws {
        let p = try read("evictionCost: 30000\nmaxMovesPercent: 5\ncooldownWeeks: 0\nlearningRate: 1\n")
        #expect(p == Policy(evictionCost: 30000, maxMovesPercent: 5, cooldownWeeks: 0, learningRate: 1))
        let q = try read(#"{"maxMovesPercent": 100, "learningRate": 0.25, "cooldownWeeks": 1000, "evictionCost": 0}"#)
        #expect(q.maxMovesPercent == 100 && q.learningRate == 0.25 && q.cooldownWeeks == 1000 && q.evictionCost == 0)
        #expect(try PolicyReader.read(data: Data("learningRate: 0.3\n".utf8), file: "policy.yaml").warnings.isEmpty)
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try PolicyReader.read(data: Data(text.utf8), file: "policy.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func v2FieldsAreChecked() {
        #expect(errors("evictionCost: -1\nmaxMovesPercent: 101\ncooldownWeeks: 2.5\nlearningRate: 1.5\n") == [
            "policy.yaml: evictionCost: found -1, expected an integer in 0…1000000000000",
            "policy.yaml: maxMovesPercent: found 101, expected an integer in 0…100",
            "policy.yaml: cooldownWeeks: found 2.5, expected an integer in 0…1000",
            "policy.yaml: learningRate: found 1.5, expected a number in [0, 1]",
        ])
        #expect(errors("maxMovesPercent: -1\ncooldownWeeks: 1001\nlearningRate: fast\n") == [
            "policy.yaml: maxMovesPercent: found -1, expected an integer in 0…100",
            "policy.yaml: cooldownWeeks: found 1001, expected an integer in 0…1000",
            "policy.yaml: learningRate: found \"fast\", expected a number in [0, 1]",
        ])
    }

    /// Issue 18: costs large enough to overflow the objective are input errors (the engine checks the same bound).
    @Test func costsAtMostTenToTheTwelfth() throws {
        #expect(try read("moveCost: 1000000000000\nunassignedPenalty: 1000000000000\nevictionCost: 1000000000000\n")
            == Policy(moveCost: 1_000_000_000_000, unassignedPenalty: 1_000_000_000_000, evictionCost: 1_000_000_000_000))
        #expect(errors("moveCost: 1000000000001\nunassignedPenalty: 9223372036854775807\nevictionCost: 1e300\n") == [
            "policy.yaml: moveCost: found 1000000000001, expected an integer in 0…1000000000000",
            "policy.yaml: unassignedPenalty: found 9223372036854775807, expected an integer in 0…1000000000000",
            "policy.yaml: evictionCost: found 1e+300, expected an integer in 0…1000000000000",
        ])
    }

    /// Issue 18: a rating prior of 1e308 made every satisfaction infinite over infinite (NaN) and the
    /// fit's rounding trap; three weights near the largest Double summed to infinity, with the same end.
    @Test func hugeRatingPriorAndWeightsAreInputErrors() throws {
        #expect(try read("ratingPrior: 1000000").ratingPrior == 1_000_000)
        #expect(errors("ratingPrior: 1e308\n")
            == ["policy.yaml: ratingPrior: found 1e+308, expected a number in [0, 1000000]"])
        #expect(errors(#"{"ratingPrior": 1000001}"#)
            == ["policy.yaml: ratingPrior: found 1000001, expected a number in [0, 1000000]"])
        #expect(errors("weights: {style: 1.7e308, availability: 1.7e308, satisfaction: 1.7e308}\n")
            == ["policy.yaml: weights: found weights summing to infinity, expected weights with a finite sum"])
        #expect(errors(#"{"weights": {"style": 1.7e308, "availability": 1.7e308, "satisfaction": 1.7e308}}"#)
            == ["policy.yaml: weights: found weights summing to infinity, expected weights with a finite sum"])
        // Each weight finite: infinities and NaN are refused one by one (YAML spells them .inf and .nan).
        #expect(errors("weights: {style: .inf, availability: .nan}\nratingPrior: .inf\n") == [
            "policy.yaml: weights: style: found inf, expected a number >= 0",
            "policy.yaml: weights: availability: found nan, expected a number >= 0",
            "policy.yaml: ratingPrior: found inf, expected a number in [0, 1000000]",
        ])
        // Large but summable weights are fine (only their ratios matter).
        #expect(try read("weights: {style: 1e300, availability: 1e300, satisfaction: 1e300}\n").weights.style == 1e300)
    }

    @Test func yamlAndJSONWithPartialWeights() throws {
        let yaml = try read("weights: {style: 0.7}\nmoveCost: 100\nmaxMoves: 40\ntimeLimitSeconds: 60\n")
        #expect(yaml.weights == Policy.Weights(style: 0.7, availability: 0.2, satisfaction: 0.3))
        #expect(yaml.moveCost == 100 && yaml.maxMoves == 40 && yaml.timeLimitSeconds == 60)
        let json = try read(#"{"weights": {"availability": 0.4, "satisfaction": 0}, "mipGap": 0.01, "ratingPrior": 2.5}"#)
        #expect(json.weights == Policy.Weights(style: 0.5, availability: 0.4, satisfaction: 0))
        #expect(json.mipGap == 0.01 && json.ratingPrior == 2.5)
        let tabs = try read("{\n\t\"moveCost\": 10,\n\t\"weights\": {\"style\": 1}\n}\n")
        #expect(tabs.moveCost == 10 && tabs.weights.style == 1)
    }

    @Test func errorsAndWarnings() throws {
        #expect(throws: InputErrors([
            InputError(file: "policy.yaml", record: "weights", field: "style", found: "-1", expected: "a number >= 0"),
            InputError(file: "policy.yaml", record: "", field: "moveCost", found: "1.5", expected: "an integer in 0…1000000000000"),
            InputError(file: "policy.yaml", record: "", field: "maxMoves", found: "\"many\"", expected: "an integer >= 0"),
        ])) {
            try PolicyReader.read(data: Data("weights: {style: -1}\nmoveCost: 1.5\nmaxMoves: many\n".utf8), file: "policy.yaml")
        }
        #expect(throws: InputErrors([InputError(file: "policy.yaml", record: "", field: "weights",
                                                found: "weights summing to 0", expected: "weights with a positive sum")])) {
            try PolicyReader.read(data: Data("weights: {style: 0, availability: 0, satisfaction: 0}".utf8), file: "policy.yaml")
        }
        #expect(throws: InputErrors([InputError(file: "policy.yaml", record: "", field: "timeLimitSeconds", found: "0",
                                                expected: "a number of seconds > 0 (leave it out for no limit)")])) {
            try PolicyReader.read(data: Data("timeLimitSeconds: 0".utf8), file: "policy.yaml")
        }
        #expect(try read("maxMoves: null\ntimeLimitSeconds: null").maxMoves == nil)
        let loaded = try PolicyReader.read(data: Data("moveCots: 3\n".utf8), file: "policy.yaml")
        #expect(loaded.warnings.map(\.description) == ["policy.yaml: moveCots: unknown field ignored"])
    }

    @Test func demoPolicyFileIsTheDefaults() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scenarios/demo/policy.yaml")
        let loaded = try PolicyReader.read(contentsOf: url.standardizedFileURL)
        #expect(loaded.value == Policy())
        #expect(loaded.warnings.isEmpty)
        // Every field is written out (maxMoves and timeLimitSeconds as comments: their default is none).
        let text = try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
        for field in PolicyOverrides.fields.sorted() { #expect(text.contains("\n\(field):") || text.contains("# \(field):"), "\(field)") }
    }
}

@Suite struct ScenarioTests {
    static let folder = URL(fileURLWithPath: "/scenarios/demo")

    func scenario(_ changes: String, policy: String = "") throws -> Scenario {
        let text = "name: test\nbase: ../demo/snapshot.json\n" + policy + "changes:\n" + changes
        return try ScenarioReader.read(data: Data(text.utf8), file: "whatif.yaml", folder: Self.folder).value
    }

    func apply(_ changes: String) throws -> Snapshot {
        try scenario(changes).apply(to: Fixtures.rich)
    }

    @Test func readsNameBaseAndPolicy() throws {
        let s = try scenario("  - requestChange: [s-1]\n", policy: "policy: {maxMoves: 80, weights: {style: 0.9}}\n")
        #expect(s.name == "test")
        #expect(s.base.path == "/scenarios/demo/snapshot.json")
        #expect(s.changes == [.requestChange(["s-1"])])
        let p = s.policy.applied(to: Policy(moveCost: 99))
        #expect(p.maxMoves == 80 && p.moveCost == 99)
        #expect(p.weights == Policy.Weights(style: 0.9, availability: 0.2, satisfaction: 0.3))
        #expect(s.scenarioPolicy == PolicyOverrides())
    }

    /// (v2) Overrides for the scenario run only, laid over the shared ones (matching-model §7).
    @Test func scenarioPolicy() throws {
        let s = try scenario("  - requestChange: [s-1]\n",
                             policy: "policy: {moveCost: 300, maxMovesPercent: 1}\nscenarioPolicy: {maxMovesPercent: 2, cooldownWeeks: 0, weights: {style: 1}}\n")
        #expect(s.scenarioPolicy.maxMovesPercent == 2 && s.scenarioPolicy.cooldownWeeks == 0 && s.scenarioPolicy.style == 1)
        let runs = s.policies(over: Policy(moveCost: 99, learningRate: 0.2))
        #expect(runs.base == Policy(moveCost: 300, maxMovesPercent: 1, learningRate: 0.2))
        #expect(runs.scenario == Policy(weights: Policy.Weights(style: 1), moveCost: 300, maxMovesPercent: 2,
                                        cooldownWeeks: 0, learningRate: 0.2))
        // Without scenarioPolicy, both runs share one policy.
        let plain = try scenario("  - requestChange: [s-1]\n", policy: "policy: {moveCost: 300}\n")
        #expect(plain.policies(over: Policy()).base == plain.policies(over: Policy()).scenario)
    }

    @Test func changesMayBeLeftOutForAPolicyWhatIf() throws {
        let folder = Self.folder
        for changes in ["", "changes: []\n", "changes:\n"] {
            let text = "name: budget\nbase: snapshot.json\nscenarioPolicy: {maxMovesPercent: 1}\n" + changes
            let loaded = try ScenarioReader.read(data: Data(text.utf8), file: "whatif.yaml", folder: folder)
            #expect(loaded.value.changes.isEmpty)
            #expect(loaded.warnings.isEmpty)
            #expect(loaded.value.scenarioPolicy.maxMovesPercent == 1)
        }
        // Without changes or scenarioPolicy the scenario still reads (as in v1), with a warning: both runs are the same.
        let loaded = try ScenarioReader.read(data: Data("name: nothing\nbase: snapshot.json\npolicy: {moveCost: 3}\n".utf8),
                                             file: "whatif.yaml", folder: folder)
        #expect(loaded.value.changes.isEmpty)
        #expect(loaded.warnings.map(\.description)
            == ["whatif.yaml: changes: no changes and no scenarioPolicy: the scenario run repeats the base run"])
    }

    @Test func scenarioPolicyIsChecked() {
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "scenarioPolicy", field: "maxMovesPercent", found: "200", expected: "an integer in 0…100"),
            InputError(file: "whatif.yaml", record: "scenarioPolicy", field: "ratingPrior", found: "1e+308", expected: "a number in [0, 1000000]"),
        ])) {
            try scenario("", policy: "scenarioPolicy: {maxMovesPercent: 200, ratingPrior: 1e308}\n")
        }
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "", field: "scenarioPolicy", found: "\"strict\"", expected: "an object of policy overrides"),
        ])) {
            try scenario("", policy: "scenarioPolicy: strict\n")
        }
        // Weights checked for the scenario run: the shared overrides, then the scenario's.
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "scenarioPolicy", field: "weights", found: "weights summing to 0", expected: "weights with a positive sum"),
        ])) {
            try scenario("", policy: "policy: {weights: {style: 0}}\nscenarioPolicy: {weights: {availability: 0, satisfaction: 0}}\n")
        }
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "scenarioPolicy", field: "weights", found: "weights summing to infinity", expected: "weights with a finite sum"),
        ])) {
            try scenario("", policy: "scenarioPolicy: {weights: {style: 1.7e308, availability: 1.7e308, satisfaction: 1.7e308}}\n")
        }
    }

    @Test func scenarioPolicyUnknownFieldsWarnPerSection() throws {
        let text = "name: t\nbase: s.json\npolicy: {moveCots: 1}\nscenarioPolicy: {moveCots: 2}\nchanges: [{requestChange: [s-1]}]\n"
        let loaded = try ScenarioReader.read(data: Data(text.utf8), file: "whatif.yaml", folder: Self.folder)
        #expect(loaded.warnings.map(\.description) == [
            "whatif.yaml: policy: moveCots: unknown field ignored",
            "whatif.yaml: scenarioPolicy: moveCots: unknown field ignored",
        ])
    }

    @Test func setCapacityUpTo100000() {
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "changes[0].setCapacity", field: "capacity", found: "100001", expected: "an integer in 0…100000"),
        ])) {
            try scenario("  - setCapacity: {mentor: m-1, capacity: 100001}\n")
        }
    }

    @Test func policyOverridesAreChecked() {
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "policy", field: "moveCost", found: "-5", expected: "an integer in 0…1000000000000"),
        ])) {
            try scenario("  - requestChange: [s-1]\n", policy: "policy: {moveCost: -5}\n")
        }
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "", field: "weights", found: "weights summing to 0", expected: "weights with a positive sum"),
        ])) {
            try scenario("  - requestChange: [s-1]\n", policy: "policy: {weights: {style: 0, availability: 0, satisfaction: 0}}\n")
        }
    }

    @Test func deactivateMentorsDropsTheirLocks() throws {
        let s = try apply("  - deactivateMentors: [m-1]\n")
        #expect(s.mentors.map(\.active) == [false, false])
        #expect(s.locks.isEmpty)
    }

    @Test func setCapacity() throws {
        #expect(try apply("  - setCapacity: {mentor: m-2, capacity: 20}\n").mentors[1].capacity == 20)
    }

    @Test func addMentorsAndStudents() throws {
        let s = try apply("""
              - addMentors:
                  - {id: m-3, paths: [cybersecurity], capacity: 4, timezone: Africa/Tunis, availability: ["Sat 09:00-12:00"]}
              - addStudents:
                  - {id: s-3, path: cybersecurity, language: fr, timezone: Indian/Reunion, availability: ["Sat 12:00-14:00"], currentMentor: m-3}

            """)
        #expect(s.mentors.last == Mentor(id: "m-3", paths: ["cybersecurity"], capacity: 4, timezone: "Africa/Tunis",
                                         availability: [WeeklyInterval(day: 5, startMinute: 540, endMinute: 720)]))
        #expect(s.students.last?.currentMentor == "m-3")
        #expect(s.students.count == 3)
    }

    @Test func generateStudents() throws {
        let s = try apply("  - generateStudents: {count: 5, path: data-analyst, language: fr, seed: 42}\n")
        #expect(s.students.count == 7)
        #expect(s.students.suffix(5).map(\.id) == ["s-42-0001", "s-42-0002", "s-42-0003", "s-42-0004", "s-42-0005"])
        #expect(s.students.suffix(5).allSatisfy { $0.path == "data-analyst" && $0.language == "fr" && $0.currentMentor == nil })
        #expect(Array(s.students.suffix(5)) == SnapshotGenerator.students(count: 5, path: "data-analyst", language: "fr",
                                                                          seed: 42, asOf: s.asOf, idPrefix: "s-42-"))
    }

    @Test func removeStudentsAlsoRemovesTheirRatingsAndLock() throws {
        let s = try apply("  - removeStudents: [s-2]\n")
        #expect(s.students.map(\.id) == ["s-1"])
        #expect(s.feedback.map(\.student) == ["s-1"])
        #expect(s.locks.isEmpty)
    }

    @Test func requestChange() throws {
        let s = try apply("  - requestChange: [s-2]\n")
        #expect(s.students.map(\.changeRequested) == [true, true])
    }

    @Test func setAvailabilityOfMentorOrStudent() throws {
        let s = try apply("""
              - setAvailability: {id: m-2, availability: ["Tue 12:00-14:00"]}
              - setAvailability: {id: s-1, availability: ["Sun 23:00-01:00"]}

            """)
        #expect(s.mentors[1].availability == [WeeklyInterval(day: 1, startMinute: 720, endMinute: 840)])
        #expect(s.students[0].availability == [WeeklyInterval(day: 6, startMinute: 1380, endMinute: 60)])
    }

    @Test func changesApplyInOrder() throws {
        // The student removed first cannot be asked about afterwards.
        #expect(throws: InputErrors([InputError(file: "whatif.yaml", record: "changes[1]", field: "requestChange",
                                                found: "\"s-1\"", expected: "the id of a student of the snapshot")])) {
            try apply("  - removeStudents: [s-1]\n  - requestChange: [s-1]\n")
        }
    }

    @Test func unknownIdsAreInputErrors() throws {
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "changes[0]", field: "deactivateMentors", found: "\"m-9\"", expected: "the id of a mentor of the snapshot"),
            InputError(file: "whatif.yaml", record: "changes[1]", field: "setCapacity", found: "\"m-8\"", expected: "the id of a mentor of the snapshot"),
            InputError(file: "whatif.yaml", record: "changes[2]", field: "removeStudents", found: "\"s-9\"", expected: "the id of a student of the snapshot"),
            InputError(file: "whatif.yaml", record: "changes[3]", field: "setAvailability", found: "\"x-1\"", expected: "the id of a mentor or a student of the snapshot"),
        ])) {
            try apply("""
                  - deactivateMentors: [m-9]
                  - setCapacity: {mentor: m-8, capacity: 1}
                  - removeStudents: [s-9]
                  - setAvailability: {id: x-1, availability: ["Mon 10:00-11:00"]}

                """)
        }
    }

    @Test func resultIsCheckedAcrossRecords() throws {
        // A duplicate id and a reference to a mentor that is not there are reported after the changes.
        #expect(throws: InputErrors([
            InputError(file: "whatif.yaml", record: "mentor m-2", field: "id", found: "\"m-2\" again (first at mentors[1])", expected: "ids unique among mentors"),
            InputError(file: "whatif.yaml", record: "student s-3", field: "currentMentor", found: "\"m-7\"", expected: "the id of a mentor of the snapshot"),
        ])) {
            try apply("""
                  - addMentors: [{id: m-2, paths: [x], capacity: 1, timezone: UTC, availability: ["Mon 10:00-11:00"]}]
                  - addStudents: [{id: s-3, path: x, language: fr, timezone: UTC, availability: ["Mon 10:00-11:00"], currentMentor: m-7}]

                """)
        }
    }

    @Test func malformedChanges() {
        do {
            _ = try scenario("""
                  - fireEveryone: true
                  - setCapacity: {mentor: m-1, capacity: -3}
                  - generateStudents: {count: 5, path: web-developer}
                  - addStudents: [{id: s-9, path: p, language: fr, timezone: Europe/Paris, availability: ["Mon 9:00-10:00"]}]

                """)
            Issue.record("expected errors")
        } catch let error as InputErrors {
            #expect(error.description == """
                whatif.yaml: changes[0]: fireEveryone: found an unknown change, expected a mapping with one of: deactivateMentors setCapacity addMentors addStudents generateStudents removeStudents requestChange setAvailability
                whatif.yaml: changes[1].setCapacity: capacity: found -3, expected an integer in 0…100000
                whatif.yaml: changes[2].generateStudents: language: found nothing, expected a non-empty string (required)
                whatif.yaml: changes[3].addStudents[0]: availability: found "Mon 9:00-10:00", expected an entry like "Mon 18:00-21:00" (times are HH:MM on the quarter hour, 24:00 only as an end)
                """)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func demoScenariosLoadAndApply() throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Scenarios/demo").standardizedFileURL
        for name in ["whatif-mentor-leaves", "whatif-new-cohort", "whatif-capacity-cut", "whatif-policy"] {
            let loaded = try ScenarioReader.read(contentsOf: demo.appendingPathComponent(name + ".yaml"))
            #expect(loaded.warnings.isEmpty, "\(name)")
            let base = try loaded.value.loadBase()
            let changed = try loaded.value.apply(to: base.value)
            #expect(changed != base.value || name == "whatif-policy", "\(name)")
        }
    }
}
