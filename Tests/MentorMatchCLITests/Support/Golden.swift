import Foundation
import Testing

/// Expected outputs kept under `Tests/MentorMatchCLITests/Golden/`. With `UPDATE_GOLDEN=1` in the
/// environment, the files are (re)written from the actual output instead of compared.
enum Golden {
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/MentorMatchCLITests/Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if updating {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run the tests with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from Golden/\(name) (UPDATE_GOLDEN=1 regenerates it)",
                sourceLocation: sourceLocation)
    }
}
