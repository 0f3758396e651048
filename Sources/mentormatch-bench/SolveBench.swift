import Foundation
import MentorMatchData
import MentorMatchEngine

/// Rebalance benchmark over generated tiers (issue 6):
///
///     swift run -c release mentormatch-bench solve --tier S|M|L|XL [--runs 5]
///         [--max-moves-percent 2] [--seed 1] [--write-mps FILE] [--separate-clusters]
///
/// Builds a random but structured ``AssignmentProblem`` (see ``SolveBench/generate``),
/// solves it with ``FlowAssignmentSolver`` `runs` times and prints, per stage,
/// the median seconds, the peak memory, the objective and the gap. `--write-mps`
/// writes the instance as free MPS for `scripts/highs_solve.py`; `--separate-clusters`
/// drops the 10% of candidates outside a student's cluster, so the program splits
/// into independent parts (solved on two threads).
enum SolveBench {
    struct Tier {
        var students: Int
        var mentors: Int
    }

    /// The tier named `name` (S, M, L, XL), its students or mentors replaced when given (then named "custom").
    static func tier(named name: String, students: Int?, mentors: Int?) throws -> (name: String, tier: Tier) {
        guard var tier = tiers[name] else { throw BenchError.usage("unknown tier \(name)") }
        if let students { tier.students = students }
        if let mentors { tier.mentors = mentors }
        return (students == nil && mentors == nil ? name : "custom", tier)
    }

    static let tiers: [String: Tier] = [
        "S": Tier(students: 500, mentors: 60),
        "M": Tier(students: 2_000, mentors: 200),
        "L": Tier(students: 15_000, mentors: 1_500),
        "XL": Tier(students: 100_000, mentors: 10_000),
    ]

    struct Options {
        var tier = "M"
        var runs = 5
        var maxMovesPercent: Double?
        var seed: UInt64 = 1
        var mpsPath: String?
        /// No candidates across clusters: the program splits into independent parts.
        var separateClusters = false
    }

    enum UsageError: Error, CustomStringConvertible {
        case bad(String)
        var description: String {
            switch self {
            case .bad(let why): return "\(why)\nusage: mentormatch-bench solve --tier S|M|L|XL [--runs N] [--max-moves-percent P] [--seed N] [--write-mps FILE] [--separate-clusters]"
            }
        }
    }

    static func parse(_ args: [String]) throws -> Options {
        var o = Options()
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw UsageError.bad("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--tier": o.tier = try value().uppercased()
            case "--runs":
                guard let n = Int(try value()), n > 0 else { throw UsageError.bad("--runs needs a positive integer") }
                o.runs = n
            case "--max-moves-percent":
                guard let p = Double(try value()), p >= 0 else { throw UsageError.bad("--max-moves-percent needs a number ≥ 0") }
                o.maxMovesPercent = p
            case "--seed":
                guard let s = UInt64(try value()) else { throw UsageError.bad("--seed needs a non-negative integer") }
                o.seed = s
            case "--write-mps": o.mpsPath = try value()
            case "--separate-clusters": o.separateClusters = true
            default: throw UsageError.bad("unknown option \(args[i])")
            }
            i += 1
        }
        guard tiers[o.tier] != nil else { throw UsageError.bad("unknown tier \(o.tier)") }
        return o
    }

    static func run(_ args: [String]) throws {
        let o = try parse(args)
        let tier = tiers[o.tier]!
        var buildTimes = [Double](), solveTimes = [Double](), totalTimes = [Double](), solveCPU = [Double]()
        var last: (AssignmentProblem, AssignmentSolution)?
        for _ in 0..<o.runs {
            let t0 = Date()
            let problem = generate(tier, maxMovesPercent: o.maxMovesPercent, seed: o.seed, separateClusters: o.separateClusters)
            let t1 = Date()
            let c1 = Bench.cpuSeconds()
            let solution = FlowAssignmentSolver().solve(problem, limits: SolveLimits())
            solveCPU.append(Bench.cpuSeconds() - c1)
            let t2 = Date()
            buildTimes.append(t1.timeIntervalSince(t0))
            solveTimes.append(t2.timeIntervalSince(t1))
            totalTimes.append(t2.timeIntervalSince(t0))
            last = (problem, solution)
        }
        let (problem, solution) = last!
        let moves = solution.chosenArc.reduce(0) { $0 + ($1.map { problem.arcs[$0].isMove ? 1 : 0 } ?? 0) }
        let unassigned = solution.chosenArc.filter { $0 == nil }.count
        print("tier \(o.tier): \(problem.studentCount) students, \(problem.mentorCount) mentors, \(problem.arcs.count) arcs, maxMoves \(problem.maxMoves.map(String.init) ?? "none"), seed \(o.seed), runs \(o.runs)")
        print(String(format: "build  median %.3f s", Bench.median(buildTimes)))
        print(String(format: "solve  median %.3f s   (runs: %@)", Bench.median(solveTimes), solveTimes.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        print(String(format: "solve  median CPU %.3f s (user + system; robust to other load on the machine)", Bench.median(solveCPU)))
        print(String(format: "total  median %.3f s", Bench.median(totalTimes)))
        print("peak memory \(Bench.peakMemoryMiB()) MiB")
        print("status \(solution.status), objective \(solution.objective), bound \(solution.bound), gap \(solution.gap), moves \(moves), unassigned \(unassigned)")
        if let path = o.mpsPath {
            try MPSWriter.write(problem, to: path)
            print("wrote \(path)")
        }
    }

    /// A random but structured rebalance program. Mentors are grouped in
    /// clusters of 50 (a language and path); each student has ~20 candidates,
    /// mostly in its cluster; priority 1/2/3 with probability .7/.2/.1; capacity
    /// ~1.2× the seats needed. Last week's assignment is a greedy one on slightly
    /// different fits (so most students sit on a feasible, good mentor, and some
    /// gain by moving); 3% of students lost their current pair (a forced move), 0.5%
    /// are locked on their mentor. 70% of mentors have an intake limit of 2–5.
    /// Weights follow §5: p·fit − 150 for a voluntary move; unassigned costs 5000·p.
    static func generate(_ tier: Tier, maxMovesPercent: Double?, seed: UInt64, separateClusters: Bool = false) -> AssignmentProblem {
        var g = SplitMix64(seed: seed &+ UInt64(tier.students))
        let n = tier.students, m = tier.mentors
        let clusterSize = 50
        let clusters = max(1, m / clusterSize)
        let seatsPerMentor = Double(n) / Double(m) * 1.2
        let capacity = (0..<m).map { _ in max(1, Int((seatsPerMentor * Double.random(in: 0.6...1.4, using: &g)).rounded())) }
        let quality = (0..<m).map { _ in Int.random(in: -100...100, using: &g) }
        let maxNew: [Int?] = (0..<m).map { _ in Double.random(in: 0..<1, using: &g) < 0.7 ? Int.random(in: 2...5, using: &g) : nil }
        let priority = (0..<n).map { _ -> Int in
            let r = Double.random(in: 0..<1, using: &g)
            return r < 0.7 ? 1 : (r < 0.9 ? 2 : 3)
        }

        // Candidates and fits (this week's, and last week's slightly different ones).
        var candidates = [[(mentor: Int, fit: Int, oldFit: Int)]]()
        candidates.reserveCapacity(n)
        for _ in 0..<n {
            let cluster = Int.random(in: 0..<clusters, using: &g)
            let lo = cluster * m / clusters, hi = (cluster + 1) * m / clusters
            var picked = Set<Int>()
            let want = Int.random(in: 15...25, using: &g)
            while picked.count < min(want, hi - lo) {
                let mentor = separateClusters || Double.random(in: 0..<1, using: &g) < 0.9 ? Int.random(in: lo..<hi, using: &g) : Int.random(in: 0..<m, using: &g)
                picked.insert(mentor)
            }
            candidates.append(picked.sorted().map { mentor in
                let fit = min(1000, max(0, 600 + quality[mentor] + Int.random(in: -250...250, using: &g)))
                let oldFit = min(1000, max(0, fit + Int.random(in: -100...100, using: &g)))
                return (mentor, fit, oldFit)
            })
        }

        // Last week's assignment: students in random order take their best old fit with a free seat.
        var current = [Int?](repeating: nil, count: n)
        var load = [Int](repeating: 0, count: m)
        for s in Array(0..<n).shuffled(using: &g) {
            for c in candidates[s].sorted(by: { ($0.oldFit, -$0.mentor) > ($1.oldFit, -$1.mentor) }) where load[c.mentor] < capacity[c.mentor] {
                current[s] = c.mentor
                load[c.mentor] += 1
                break
            }
        }

        var arcStart = [0], arcs = [AssignmentProblem.Arc](), unassignedCost = [Int](), mayBeUnassigned = [Bool]()
        var currentArc = [Int?]()
        arcs.reserveCapacity(n * 20)
        for s in 0..<n {
            let p = priority[s]
            var list = candidates[s]
            let roll = Double.random(in: 0..<1, using: &g)
            let lost = roll < 0.03  // the current pair is no longer a candidate
            let locked = !lost && roll < 0.035 && current[s] != nil
            if lost, let cur = current[s] { list.removeAll { $0.mentor == cur } }
            if locked { list = list.filter { $0.mentor == current[s] } }
            let voluntary = current[s] != nil && !lost && !locked
            var curIndex: Int?
            for c in list {
                let isCurrent = c.mentor == current[s]
                let isMove = voluntary && !isCurrent
                if isCurrent { curIndex = c.mentor }
                arcs.append(AssignmentProblem.Arc(
                    mentor: Int32(c.mentor), weight: p * c.fit - (isMove ? 150 : 0), isMove: isMove, isArrival: !isCurrent))
            }
            arcStart.append(arcs.count)
            unassignedCost.append(5000 * p)
            mayBeUnassigned.append(!locked)
            currentArc.append(curIndex)
        }
        let maxMoves = maxMovesPercent.map { Int(Double(n) * $0 / 100) }
        return AssignmentProblem(
            arcStart: arcStart, arcs: arcs, unassignedCost: unassignedCost, mayBeUnassigned: mayBeUnassigned,
            currentArc: currentArc, capacity: capacity, maxNew: maxNew, maxMoves: maxMoves)
    }
}

/// Writes an ``AssignmentProblem`` as a free-format MPS file (maximisation,
/// binary columns `x<arc>` and `u<student>`), names from indices, so an
/// independent solver (HiGHS, `scripts/highs_solve.py`) can solve the same program.
enum MPSWriter {
    static func write(_ p: AssignmentProblem, to path: String) throws {
        var out = "NAME mentormatch\nOBJSENSE\n    MAX\nROWS\n N obj\n"
        for s in 0..<p.studentCount { out += " E s\(s)\n" }
        for m in 0..<p.mentorCount { out += " L c\(m)\n" }
        for m in 0..<p.mentorCount where p.maxNew[m] != nil { out += " L n\(m)\n" }
        if p.maxMoves != nil { out += " L mv\n" }
        out += "COLUMNS\n"
        for s in 0..<p.studentCount {
            for a in p.arcRange(of: s) {
                let arc = p.arcs[a]
                out += " x\(a) obj \(arc.weight) s\(s) 1\n x\(a) c\(arc.mentor) 1\n"
                if arc.isArrival && p.maxNew[Int(arc.mentor)] != nil { out += " x\(a) n\(arc.mentor) 1\n" }
                if arc.isMove && p.maxMoves != nil { out += " x\(a) mv 1\n" }
            }
            if p.mayBeUnassigned[s] { out += " u\(s) obj \(-p.unassignedCost[s]) s\(s) 1\n" }
        }
        out += "RHS\n"
        for s in 0..<p.studentCount { out += " rhs s\(s) 1\n" }
        for m in 0..<p.mentorCount { out += " rhs c\(m) \(p.capacity[m])\n" }
        for m in 0..<p.mentorCount { if let k = p.maxNew[m] { out += " rhs n\(m) \(k)\n" } }
        if let k = p.maxMoves { out += " rhs mv \(k)\n" }
        out += "BOUNDS\n"
        for a in 0..<p.arcs.count { out += " BV bnd x\(a)\n" }
        for s in 0..<p.studentCount where p.mayBeUnassigned[s] { out += " BV bnd u\(s)\n" }
        out += "ENDATA\n"
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
