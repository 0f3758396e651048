import Foundation
import MentorMatchData

/// Which proposals a decision is about.
public enum DecisionTarget: Sendable, Equatable {
    case students([String])
    /// Every proposal of the run (a suggest run: its student).
    case all
}

extension Store {
    /// Appends one decision per student named (or per proposal, with `.all`), all or none: an unknown
    /// run, a student the run proposes nothing for, a mentor it does not propose, a what-if run or a
    /// run already applied is refused and nothing is written. A suggest run's student is decided on one
    /// of its alternatives: `mentor`, else the best one.
    public func decide(run: Int64, verdict: Decision.Verdict, target: DecisionTarget, mentor: String? = nil,
                       actor: String, reason: String?) throws -> [Decision] {
        let now = clock.now()
        let day = CalendarDate.of(now).description
        return try repository.appendDecisions(run: run) { state in
            guard state.run.kind.isDecidable else { throw StoreError.notDecidable(run: run, kind: state.run.kind.rawValue) }
            if let application = state.application {
                throw StoreError.alreadyApplied(run: run, on: application.effective)
            }
            // The proposals one can decide on: a rebalance's moves, a suggest run's alternatives.
            let decidable = state.proposals.filter { $0.change != "chain" && $0.change != "whatif" }
            var students: [String]
            switch target {
            case .all: students = decidable.map(\.student)
            case .students(let list): students = list
            }
            var seen = Set<String>()
            students = students.filter { seen.insert($0).inserted }
            return try students.map { student in
                let options = decidable.filter { $0.student == student }.sorted { $0.rank < $1.rank }
                guard let best = options.first else { throw StoreError.studentNotInRun(run: run, student: student) }
                var chosen = best
                if let mentor {
                    guard let match = options.first(where: { $0.toMentor == mentor }) else {
                        throw StoreError.mentorNotProposed(run: run, student: student, mentor: mentor)
                    }
                    chosen = match
                }
                return Decision(runId: run, student: student, mentor: chosen.toMentor, verdict: verdict, actor: actor,
                                reason: reason, decidedAt: now, decidedOn: day)
            }
        }
    }
}
