import Foundation

/// Runs the `glpsol` binary on `Models/rebalance.mod` and a data file, and reads the optimum.
enum Glpsol {
    static var modelPath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Models/rebalance.mod").path
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The optimal objective glpsol reports for `data`, or `nil` when it finds the program infeasible.
    static func optimum(data: String) throws -> Int? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mm-glpsol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dat = dir.appendingPathComponent("x.dat"), report = dir.appendingPathComponent("x.txt")
        try data.write(to: dat, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["-m", modelPath, "-d", dat.path, "-o", report.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if log.contains("PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION") || log.contains("PROBLEM HAS NO INTEGER FEASIBLE SOLUTION") {
            return nil
        }
        guard process.terminationStatus == 0 else { throw Failure(description: "glpsol failed:\n" + log) }
        let text = try String(contentsOf: report, encoding: .utf8)
        // "Objective:  objective = 3200 (MAXimum)"
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
              let eq = line.firstIndex(of: "=")
        else { throw Failure(description: "no objective in glpsol's report:\n" + text) }
        let value = line[line.index(after: eq)...].split(separator: " ").first.map(String.init) ?? ""
        guard let objective = Double(value) else { throw Failure(description: "unreadable objective: \(line)") }
        return Int(objective.rounded())
    }
}
