import ArgumentParser
import Foundation
import MentorMatchData

/// `mentormatch generate --students N --mentors M --seed S`
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic snapshot (the same bytes for the same seed).",
        discussion: "JSON to standard output or --output FILE; a CSV folder with --format csv --output DIR.")

    enum SnapshotFormat: String, CaseIterable, ExpressibleByArgument {
        case json, csv
    }

    @Option(help: "Number of students.")
    var students: Int

    @Option(help: "Number of mentors (default: about 1.2 seats per student).")
    var mentors: Int?

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: "The snapshot's date, YYYY-MM-DD (default 2026-11-23).")
    var asOf: String?

    @Option(help: "Snapshot format: json (a file) or csv (a folder, needs --output).")
    var format: SnapshotFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (json) or folder (csv), atomically.")
    var output: String?

    @OptionGroup var global: GlobalOptions

    static let maximumPeople = 1_000_000

    func validate() throws {
        // Ten times the largest school benchmarked (100,000 students): beyond it memory runs out before an answer.
        guard (0...Self.maximumPeople).contains(students) else {
            throw ValidationError("--students must be in 0…\(Self.maximumPeople), found \(students)")
        }
        if let mentors, !(0...Self.maximumPeople).contains(mentors) {
            throw ValidationError("--mentors must be in 0…\(Self.maximumPeople), found \(mentors)")
        }
        if format == .csv, output == nil { throw ValidationError("--format csv writes a folder: give it with --output DIR") }
        if let asOf, CalendarDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, found '\(asOf)'") }
    }

    func run() throws {
        let logger = global.logger()
        let date = asOf.flatMap(CalendarDate.init(iso:)) ?? SnapshotGenerator.defaultAsOf
        let snapshot = SnapshotGenerator.generate(students: students, mentors: mentors, seed: seed, asOf: date)
        logger.debug("generated", metadata: ["students": "\(snapshot.students.count)", "mentors": "\(snapshot.mentors.count)"])
        switch format {
        case .json:
            try OutputOptions.write(SnapshotJSONWriter.text(snapshot), to: output)
        case .csv:
            let folder = output!  // checked in validate()
            do {
                try SnapshotCSVWriter.write(snapshot, folder: URL(fileURLWithPath: folder))
            } catch {
                throw CommandFailure(.inputError, "cannot write \(folder): \(error.localizedDescription)")
            }
        }
    }
}
