import Foundation

/// Runs the `glpsol` binary and reads the objective from its report.
enum GlpsolRun {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The objective glpsol reports (`Objective:  name = value (MAXimum)`) for `arguments`.
    static func objective(_ arguments: [String]) throws -> Int {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("mm-cli-glpsol-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = arguments + ["-o", report.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "glpsol failed:\n" + log) }
        let text = try String(contentsOf: report, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
              let eq = line.firstIndex(of: "="),
              let value = line[line.index(after: eq)...].split(separator: " ").first.flatMap({ Double($0) })
        else { throw Failure(description: "no objective in glpsol's report:\n" + text) }
        return Int(value.rounded())
    }
}
