import ArgumentParser
import Foundation
import GLPK
import MIPModel
import MentorMatchData
import MentorMatchEngine

/// `mentormatch export SNAPSHOT --as mps|lp|mathprog-data`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the rebalance program of a snapshot for other solvers (MPS, CPLEX LP, GNU MathProg data).",
        discussion: """
            mps and lp are the integer program the engine builds (variables x[s,m] per candidate pair and \
            u[s] per student, in snapshot order), written by GLPK. Free MPS does not keep the objective \
            sense: the program MAXIMISES. mathprog-data is a data section for \
            Models/rebalance.mod: glpsol -m rebalance.mod -d snapshot.dat.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case mps, lp
        case mathprogData = "mathprog-data"
    }

    @Argument(help: "The snapshot: a JSON file or a CSV folder.")
    var snapshot: String

    @Option(name: .customLong("as"), help: "mps (free MPS), lp (CPLEX LP) or mathprog-data (GNU MathProg .dat).")
    var format: Format

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let inputs = Inputs(logger: global.logger())
        let source = DisplayPath.of(snapshot)
        let policy = try self.policy.load(inputs: inputs)
        let snapshot = try inputs.snapshot(at: snapshot)
        let encoded = EncodedProblem(try Solve.context(snapshot, source: source, policy: policy))
        switch format {
        case .mathprogData:
            try OutputOptions.write(MathProgExporter.data(for: encoded), to: output)
        case .mps, .lp:
            let model = MIPAssignmentSolver.model(of: encoded.problem)
            try OutputOptions.write(try Self.glpkText(model, format: format == .mps ? .freeMPS : .cplexLP), to: output)
        }
    }

    /// The model as GLPK writes it (GLPK writes files only: through a temporary file).
    static func glpkText(_ model: Model, format: GLPKFileFormat) throws -> Data {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mentormatch-export-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try model.write(format, to: path)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(.solverFailure, "GLPK could not write the model: \(error)")
        }
    }
}
