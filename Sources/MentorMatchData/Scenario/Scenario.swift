import Foundation

/// A what-if: a base snapshot, changes applied in order, and policy overrides (formats.md, matching-model §7).
public struct Scenario: Sendable, Equatable {
    public var name: String
    /// The scenario file, as named by the user (for messages).
    public var file: String
    /// The base snapshot: a JSON file or a CSV folder, resolved against the scenario file's folder.
    public var base: URL
    /// Laid over the policy in use for both the base and the changed snapshot.
    public var policy: PolicyOverrides
    /// Laid over the policy (after `policy`) for the changed snapshot's run only (v2).
    public var scenarioPolicy: PolicyOverrides
    public var changes: [ScenarioChange]

    public init(name: String, file: String, base: URL, policy: PolicyOverrides = PolicyOverrides(),
                scenarioPolicy: PolicyOverrides = PolicyOverrides(), changes: [ScenarioChange]) {
        self.name = name
        self.file = file
        self.base = base
        self.policy = policy
        self.scenarioPolicy = scenarioPolicy
        self.changes = changes
    }
}

/// One change of a scenario.
public enum ScenarioChange: Sendable, Equatable {
    /// The mentors leave (inactive); locks on them are dropped.
    case deactivateMentors([String])
    case setCapacity(mentor: String, capacity: Int)
    case addMentors([Mentor])
    case addStudents([Student])
    /// New students from the generator (no current mentor), ids `s-<seed>-0001`…
    case generateStudents(count: Int, path: String, language: String, seed: UInt64)
    /// The students leave, with their ratings and locks.
    case removeStudents([String])
    case requestChange([String])
    /// New weekly availability of a mentor or a student.
    case setAvailability(id: String, availability: [WeeklyInterval])

    /// The key naming the change in a scenario file.
    public var kind: String {
        switch self {
        case .deactivateMentors: return "deactivateMentors"
        case .setCapacity: return "setCapacity"
        case .addMentors: return "addMentors"
        case .addStudents: return "addStudents"
        case .generateStudents: return "generateStudents"
        case .removeStudents: return "removeStudents"
        case .requestChange: return "requestChange"
        case .setAvailability: return "setAvailability"
        }
    }
}
