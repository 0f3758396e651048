import Foundation
import GLPK
import MIPModel
import Testing

@Suite struct InterchangeTests {
    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// max 10a + 13b + 7c + 8d + 2.5, 5a + 6b + 4c + 3d ≤ 10, binary; a ≤ c + 1 (inactive).
    /// By hand: best subset {b, d} (weight 9, value 21) → 23.5.
    static func model() -> Model {
        var model = Model(name: "roundtrip", sense: .maximize)
        let x = [("a", 10.0, 5.0), ("b", 13, 6), ("c", 7, 4), ("d", 8, 3)].map { name, v, _ in
            model.addVariable(name, kind: .binary, objective: v)
        }
        model.addConstraint("weight", zip(x, [5.0, 6, 4, 3]).map { Term($0, $1) }, lessOrEqual: 10)
        model.addConstraint("link", [Term(x[0]), Term(x[2], -1)], lessOrEqual: 1)
        model.objectiveConstant = 2.5
        return model
    }

    @Test(arguments: [GLPKFileFormat.cplexLP, .freeMPS])
    func roundTripKeepsTheOptimum(format: GLPKFileFormat) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(format == .cplexLP ? "model.lp" : "model.mps").path
        try Self.model().write(format, to: path)
        // Nothing half-written is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [(path as NSString).lastPathComponent])

        let problem = try GLPKProblem.read(format, from: path)
        // GLPK's LP writer keeps the objective constant only as a comment; its MPS
        // writer keeps it (RHS of the objective row) but free MPS has no objective
        // sense: GLPK reads it back as minimisation.
        #expect(try problem.objectiveConstant == (format == .cplexLP ? 0 : 2.5))
        #expect(try problem.objectiveSense == (format == .cplexLP ? .maximize : .minimize))
        try problem.setObjectiveSense(.maximize)
        try problem.setObjectiveConstant(2.5)
        #expect(try problem.columnCount == 4)
        #expect(try problem.integerColumnCount == 4)
        let solution = try problem.solve()
        #expect(solution.status == .optimal)
        #expect(solution.objective == 23.5)
        let names = try problem.columnNames()
        let chosen = zip(names, solution.values).filter { $0.1 == 1 }.compactMap(\.0).sorted()
        #expect(chosen == ["b", "d"])
    }

    @Test func writingRefusesDuplicateNames() throws {
        var model = Model()
        model.addVariable("x")
        model.addVariable("x")
        #expect(throws: GLPKError.invalidArgument("two variables are named x")) {
            try model.write(.cplexLP, to: "/nonexistent/never-written.lp")
        }
    }

    @Test func unwritablePathIsAnError() throws {
        #expect(throws: GLPKError.self) { try Self.model().write(.cplexLP, to: "/nonexistent-dir/model.lp") }
    }

    @Test func readingGarbageIsAnError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.lp").path
        try "this is not an LP file\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GLPKError.self) { try GLPKProblem.read(.cplexLP, from: path) }
        #expect(throws: GLPKError.self) { try GLPKProblem.read(.freeMPS, from: directory.appendingPathComponent("missing.mps").path) }
    }

    static let mathProgModel = """
        set I;
        param v{I}; param w{I}; param cap;
        var x{I} binary;
        maximize z: sum{i in I} v[i] * x[i];
        s.t. weight: sum{i in I} w[i] * x[i] <= cap;
        solve;
        printf "chosen %d\\n", sum{i in I} x[i];
        end;
        """

    static let mathProgData = """
        data;
        set I := a b c d;
        param v := a 10 b 13 c 7 d 8;
        param w := a 5 b 6 c 4 d 3;
        param cap := 10;
        end;
        """

    @Test func mathProgModelAndData() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let modelPath = directory.appendingPathComponent("knapsack.mod").path
        let dataPath = directory.appendingPathComponent("knapsack.dat").path
        try Self.mathProgModel.write(toFile: modelPath, atomically: true, encoding: .utf8)
        try Self.mathProgData.write(toFile: dataPath, atomically: true, encoding: .utf8)

        let result = try MathProg.solve(modelPath: modelPath, dataPath: dataPath)
        // By hand: {b, d} weighs 9 and is worth 21; no other subset within 10 is worth more.
        #expect(result.status == .optimal)
        #expect(result.objective == 21)
        #expect(result.columns.map(\.name) == ["x[a]", "x[b]", "x[c]", "x[d]"])
        #expect(result.value(of: "x[b]") == 1 && result.value(of: "x[d]") == 1)
        #expect(result.value(of: "x[a]") == 0 && result.value(of: "x[c]") == 0)
        #expect(result.output == ["chosen 2"])
    }

    @Test func mathProgErrorsNameTheStep() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let modelPath = directory.appendingPathComponent("broken.mod").path
        try "var x >= 0;\nmaximize z: x +;\nend;\n".write(toFile: modelPath, atomically: true, encoding: .utf8)
        let error = #expect(throws: GLPKError.self) { try MathProg.solve(modelPath: modelPath) }
        guard case .mathProg(let step, let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(step == "read model")
        #expect(message.contains("broken.mod:2"))

        let goodModel = directory.appendingPathComponent("good.mod").path
        try Self.mathProgModel.write(toFile: goodModel, atomically: true, encoding: .utf8)
        let missing = #expect(throws: GLPKError.self) {
            try MathProg.solve(modelPath: goodModel, dataPath: directory.appendingPathComponent("none.dat").path)
        }
        guard case .mathProg(let dataStep, _)? = missing else { Issue.record("got \(String(describing: missing))"); return }
        #expect(dataStep == "read data")
    }
}
