import Foundation
import PropertyBased
import Testing

/// Issue 18: no number from outside traps the process. Small snapshots and policies whose numeric fields
/// are drawn from the extremes (0, 1, -1, Int.max, Int.min, 2^62, -0.0, the largest and smallest finite
/// Doubles, the smallest normal and denormal ones, 1e308), written as JSON text, go through the binary
/// (`validate`, `rebalance`, `suggest`, with extreme command-line options too): every command ends with
/// exit 0 (answered) or 2 (input error, with a message and nothing on stdout), never with a signal.
@Suite struct ExtremeNumbersTests {
    /// A number as it is written in JSON or on a command line.
    enum Number: CustomStringConvertible, Sendable {
        case int(Int)
        case double(Double)

        var description: String {
            switch self {
            case .int(let i): return String(i)
            case .double(let d): return String(d)  // "1.7976931348623157e+308", "5e-324", "-0.0": valid JSON
            }
        }
    }

    static let extremes: [Number] = [
        .int(0), .int(1), .int(-1), .int(.max), .int(.min), .int(1 << 62), .int(672), .int(673),
        .double(-0.0), .double(0.5), .double(.greatestFiniteMagnitude), .double(-.greatestFiniteMagnitude),
        .double(.leastNonzeroMagnitude), .double(.leastNormalMagnitude), .double(1e308), .double(-1e308),
    ]

    /// Every numeric field from outside, with the ordinary value it takes when not drawn from the extremes.
    enum Field: Int, CaseIterable {
        // Snapshot (mentor m-1, student s-1, their ratings).
        case capacity, maxNewPerWeek, mentorStyle, sessionsPerWeek, sessionMinutes, missedSessions,
             openHelpRequests, preference, rating, otherRating
        // Policy.
        case style, availability, satisfaction, moveCost, unassignedPenalty, evictionCost, maxMoves,
             maxMovesPercent, cooldownWeeks, learningRate, forbidAtOrBelow, ratingPrior, mipGap, timeLimitSeconds
        // Command line (absent when ordinary).
        case maxMovesOption, timeLimitOption, gapOption, chainOption, alternativesOption

        var ordinary: Number? {
            switch self {
            case .capacity: return .int(2)
            case .maxNewPerWeek: return .int(1)
            case .mentorStyle, .preference: return .double(1)
            case .sessionsPerWeek: return .int(1)
            case .sessionMinutes: return .int(45)
            case .missedSessions, .openHelpRequests: return .int(0)
            case .rating: return .int(4)
            case .otherRating: return .int(2)
            case .style: return .double(0.5)
            case .availability: return .double(0.2)
            case .satisfaction: return .double(0.3)
            case .moveCost: return .int(150)
            case .unassignedPenalty: return .int(5000)
            case .evictionCost: return .int(20000)
            case .maxMoves, .maxMovesOption, .timeLimitOption, .gapOption, .chainOption, .alternativesOption: return nil
            case .maxMovesPercent: return .int(2)
            case .cooldownWeeks: return .int(4)
            case .learningRate: return .double(0.5)
            case .forbidAtOrBelow: return .int(2)
            case .ratingPrior: return .double(5)
            case .mipGap: return .double(0)
            case .timeLimitSeconds: return .double(5)
            }
        }
    }

    /// One case: a few fields (1 to 4) set to extremes, the others ordinary, so that most cases get past
    /// the readers to the engine. Each pick is `field · extremes.count + extreme`; shrinking goes towards
    /// fewer extreme fields, the first fields and the first extremes.
    struct Case: CustomStringConvertible {
        static let pickCount = Field.allCases.count * ExtremeNumbersTests.extremes.count
        var extreme: [Field: Number] = [:]
        /// The report format of every command (each renders the numbers its own way).
        var format = "table"

        init(picks: [Int]) {
            let n = ExtremeNumbersTests.extremes.count
            for pick in picks { extreme[Field(rawValue: pick / n)!] = ExtremeNumbersTests.extremes[pick % n] }
            format = ["table", "json", "csv", "markdown"][picks.reduce(0, +) % 4]
        }

        func value(_ field: Field) -> Number? { extreme[field] ?? field.ordinary }

        /// `"key": value, ` for a JSON object, or nothing when the field is absent.
        func json(_ key: String, _ field: Field) -> String {
            value(field).map { "\"\(key)\": \($0), " } ?? ""
        }

        var snapshot: String {
            """
            {"asOf": "2026-11-23",
             "mentors": [
              {"id": "m-1", "paths": ["web"], "styles": {"hands-on": \(value(.mentorStyle)!)}, \(json("capacity", .capacity))\
            \(json("maxNewPerWeek", .maxNewPerWeek))"timezone": "Europe/Paris", "availability": ["Mon 18:00-21:00", "Wed 18:00-21:00"]},
              {"id": "m-2", "paths": ["web"], "styles": {"structured": 1}, "capacity": 1, "timezone": "Africa/Dakar",
               "availability": ["Mon 17:00-20:00"]}],
             "students": [
              {"id": "s-1", "path": "web", "language": "fr", "timezone": "Europe/Paris",
               "preferences": {"hands-on": \(value(.preference)!), "structured": 0.5}, \(json("sessionsPerWeek", .sessionsPerWeek))\
            \(json("sessionMinutes", .sessionMinutes))\(json("missedSessions", .missedSessions))\
            \(json("openHelpRequests", .openHelpRequests))"availability": ["Mon 18:00-22:00"], "currentMentor": "m-1"},
              {"id": "s-2", "path": "web", "language": "fr", "timezone": "Europe/Paris", "preferences": {"structured": 1},
               "availability": ["Mon 18:00-21:00", "Wed 18:00-21:00"], "currentMentor": "m-2"},
              {"id": "s-3", "path": "web", "language": "fr", "timezone": "America/Toronto", "availability": ["Mon 12:00-15:00"]}],
             "feedback": [
              {"student": "s-1", "mentor": "m-1", "date": "2026-11-01", \(json("rating", .rating))"reason": "pedagogy"},
              {"student": "s-2", "mentor": "m-1", "date": "2026-10-01", \(json("rating", .otherRating))"reason": "pedagogy"}]}
            """
        }

        var policy: String {
            func entries(_ pairs: [(String, Field)]) -> String {
                pairs.compactMap { key, field in value(field).map { "\"\(key)\": \($0)" } }.joined(separator: ", ")
            }
            let weights = entries([("style", .style), ("availability", .availability), ("satisfaction", .satisfaction)])
            let rest = entries([("moveCost", .moveCost), ("unassignedPenalty", .unassignedPenalty),
                                ("evictionCost", .evictionCost), ("maxMoves", .maxMoves),
                                ("maxMovesPercent", .maxMovesPercent), ("cooldownWeeks", .cooldownWeeks),
                                ("learningRate", .learningRate), ("forbidAtOrBelow", .forbidAtOrBelow),
                                ("ratingPrior", .ratingPrior), ("mipGap", .mipGap), ("timeLimitSeconds", .timeLimitSeconds)])
            return "{\"weights\": {\(weights)}, \(rest)}"
        }

        func options(_ pairs: [(String, Field)]) -> [String] {
            pairs.compactMap { option, field in value(field).map { "--\(option)=\($0)" } }
        }

        var commands: [[String]] {
            let policyOptions = ["--policy", "policy.json"] + options([("max-moves", .maxMovesOption),
                                                                       ("time-limit", .timeLimitOption), ("gap", .gapOption)])
            return [
                ["validate", "snapshot.json", "--format", format],
                ["rebalance", "snapshot.json", "--format", format] + policyOptions,
                ["suggest", "snapshot.json", "--student", "s-1", "--format", format] + policyOptions
                    + options([("chain", .chainOption), ("alternatives", .alternativesOption)]),
            ]
        }

        var description: String {
            Field.allCases.compactMap { f in extreme[f].map { "\(f)=\($0)" } }.joined(separator: " ") + " (\(format))"
        }
    }

    @Test func extremeNumbersNeverTrap() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var answered: [String: Int] = [:], refused: [String: Int] = [:]
        await propertyCheck(count: 100, input: Gen.int(in: 0...(Case.pickCount - 1)).array(of: 1...4)) { picks in
            let c = Case(picks: picks)
            try c.snapshot.write(to: folder.appendingPathComponent("snapshot.json"), atomically: true, encoding: .utf8)
            try c.policy.write(to: folder.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)
            for command in c.commands {
                let outcome = try CLI.run(command, in: folder)
                #expect([0, 2].contains(outcome.status),
                        "\(command.joined(separator: " ")) with \(c): exit \(outcome.status)\n\(outcome.stderr)")
                if outcome.status == 2 {
                    refused[command[0], default: 0] += 1
                    #expect(!outcome.stderr.isEmpty && outcome.stdout.isEmpty, "\(command[0]) with \(c)")
                } else {
                    answered[command[0], default: 0] += 1
                }
            }
        }
        // The extremes are not all refused before the engine: rebalance and suggest answer some cases.
        print("extreme numbers: answered \(answered.sorted { $0.key < $1.key }), refused \(refused.sorted { $0.key < $1.key })")
        // (About 1 case in 5 answers rebalance and suggest: none in 100 would happen about once in 10^9 runs.)
        #expect(answered["rebalance", default: 0] > 0 && answered["suggest", default: 0] > 0)
        #expect(refused["validate", default: 0] > 0)
    }

    /// The snapshot and policy texts are valid JSON with every field ordinary (the test's own check).
    @Test func ordinaryCaseIsAnswered() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = Case(picks: Array(repeating: 0, count: Field.allCases.count))
        try c.snapshot.write(to: folder.appendingPathComponent("snapshot.json"), atomically: true, encoding: .utf8)
        try c.policy.write(to: folder.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)
        for command in c.commands {
            let outcome = try CLI.run(command, in: folder)
            #expect(outcome.status == 0, "\(command.joined(separator: " ")): \(outcome.stderr)")
        }
    }
}
