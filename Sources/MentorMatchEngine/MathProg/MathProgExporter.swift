import Foundation

/// Writes an encoded snapshot as a GNU MathProg data section for `Models/rebalance.mod` (top of the repo), so that
/// `glpsol -m rebalance.mod -d x.dat` solves the same program as the engine.
public enum MathProgExporter {
    /// The `.dat` text: students, mentors, candidate arcs with weight, isMove, isArrival,
    /// unassigned costs (p[s]·unassignedPenalty), the voluntary students and evictionCost, capacities, maxNew (where set), maxMoves (when set) and locks.
    public static func data(for encoded: EncodedProblem) -> String {
        let problem = encoded.problem, context = encoded.context
        let sid = context.snapshot.students.map { symbol($0.id) }
        let mid = context.snapshot.mentors.map { symbol($0.id) }
        var out = "/* MentorMatch rebalance data, \(sid.count) students, \(mid.count) mentors, \(problem.arcs.count) arcs */\n"
        out += "data;\n\n"
        out += "set STUDENTS :=" + sid.map { "\n  " + $0 }.joined() + ";\n\n"
        out += "set MENTORS :=" + mid.map { "\n  " + $0 }.joined() + ";\n\n"
        out += "param : ARCS : weight isMove isArrival :="
        for s in 0..<problem.studentCount {
            for a in problem.arcRange(of: s) {
                let arc = problem.arcs[a]
                out += "\n  \(sid[s]) \(mid[Int(arc.mentor)]) \(arc.weight) \(arc.isMove ? 1 : 0) \(arc.isArrival ? 1 : 0)"
            }
        }
        out += ";\n\n"
        let penalty = context.policy.unassignedPenalty
        out += "param unassignedCost :=" + (0..<problem.studentCount).map { "\n  \(sid[$0]) \(context.priority[$0] * penalty)" }.joined() + ";\n\n"
        let voluntary = (0..<problem.studentCount).filter { context.roles[$0] == .voluntary }
        out += "set VOLUNTARY :=" + voluntary.map { "\n  " + sid[$0] }.joined() + ";\n\n"
        out += "param evictionCost := \(context.policy.evictionCost);\n\n"
        out += "param capacity :=" + (0..<problem.mentorCount).map { "\n  \(mid[$0]) \(problem.capacity[$0])" }.joined() + ";\n\n"
        let limited = (0..<problem.mentorCount).filter { problem.maxNew[$0] != nil }
        if !limited.isEmpty {
            out += "param maxNew :=" + limited.map { "\n  \(mid[$0]) \(problem.maxNew[$0]!)" }.joined() + ";\n\n"
        }
        if let limit = problem.maxMoves { out += "param maxMoves := \(limit);\n\n" }
        let locks = (0..<problem.studentCount).filter { !problem.mayBeUnassigned[$0] }
        out += "set LOCKS :=" + locks.map { s in
            "\n  (\(sid[s]), \(mid[encoded.mentor(ofArc: problem.arcStart[s])]))"
        }.joined() + ";\n\n"
        out += "end;\n"
        return out
    }

    /// A MathProg string literal: single quotes, a quote doubled.
    static func symbol(_ id: String) -> String {
        "'" + id.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
