/// Closes a Lagrangian gap exactly: best-first branch and bound whose nodes are
/// ``LagrangianSearch``es on ``FlowInstance/restricted(_:)`` copies of the network.
/// A node that ends at a breakpoint with a gap splits on one student's choice
/// (take it / exclude it); nodes whose bound cannot beat the incumbent are cut.
/// With no open node left the incumbent is proven optimal.
struct BranchAndBound {
    enum Outcome {
        /// Chosen original arc per student (−1 unassigned).
        case optimal([Int])
        case feasible([Int], profitBound: Int)
        case infeasible
        case stoppedWithoutSolution(profitBound: Int)
    }

    let root: FlowInstance
    let shouldStop: () -> Bool
    /// Nodes solved before giving up on the proof (the answer is then `.feasible`).
    var nodeLimit = 500
    /// Told the incumbent profit (if any) and the global bound during the search.
    var report: ((_ incumbentProfit: Int?, _ boundProfit: Int) -> Void)?

    /// Set by ``run()`` when the root's price search ran to its end: the root flow's duals at the final
    /// move price λ, and the root's bound floor(L(λ)) on the profit. The duals certify any answer whose
    /// profit equals that bound.
    private(set) var rootCertificate: (duals: FlowDuals, flow: [Int32], profitBound: Int)?
    /// An optimal flow of a larger-or-equal network's subset and its duals (each student's head node, −1
    /// unassigned), to start the root from (see ``LagrangianSearch/seed``).
    var warmStart: (headOf: [Int32], duals: FlowDuals)?

    mutating func run() -> Outcome {
        rootCertificate = nil
        var incumbent: (chosen: [Int], profit: Int)?
        var open: [(bound: Int, fixes: [BranchFix], price: Int?)] = [(root.profitBound, [], nil)]
        var solvedNodes = 0
        var stopped = false

        func offer(_ chosen: [Int32], in instance: FlowInstance) {
            var profit = 0
            for a in chosen where a >= 0 { profit += instance.arcProfit[Int(a)] }
            if incumbent == nil || profit > incumbent!.profit {
                incumbent = (chosen.map { $0 >= 0 ? instance.arcOriginal[Int($0)] : -1 }, profit)
            }
        }

        while !open.isEmpty {
            // Best bound first; among equals the oldest.
            var pick = 0
            for i in open.indices where open[i].bound > open[pick].bound { pick = i }
            if let incumbent, open[pick].bound <= incumbent.profit { open.removeAll(); break }
            if solvedNodes >= nodeLimit || (solvedNodes > 0 && shouldStop()) { stopped = true; break }
            let node = open.remove(at: pick)
            solvedNodes += 1
            let instance = node.fixes.isEmpty ? root : root.restricted(node.fixes)
            var search = LagrangianSearch(instance: instance, shouldStop: shouldStop)
            var hint = node.price
            if node.fixes.isEmpty {
                search.report = report  // the root's bounds hold globally
                if let warmStart {
                    search.seed(headOf: warmStart.headOf, duals: warmStart.duals)
                    hint = warmStart.duals.priceNumerator / max(1, warmStart.duals.priceDenominator)
                }
            } else if let rootCertificate {
                // A branch starts from the root's last flow: only the students its fixes or the new price
                // put out of place are routed again (a fresh solve of the whole network otherwise).
                search.seed(headOf: rootCertificate.flow.map { $0 >= 0 ? root.arcHead[Int($0)] : -1 }, duals: rootCertificate.duals)
            }
            switch search.run(priceHint: hint) {
            case .infeasible:
                continue
            case .stoppedWithoutSolution:
                open.append(node)
                stopped = true
            case .optimal(let chosen):
                if node.fixes.isEmpty {
                    var profit = 0
                    for a in chosen where a >= 0 { profit += instance.arcProfit[Int(a)] }
                    rootCertificate = (search.lastDuals, search.lastFlow, profit)
                }
                offer(chosen, in: instance)
            case .feasible(let chosen, let bound, let branch):
                if node.fixes.isEmpty && branch != nil { rootCertificate = (search.lastDuals, search.lastFlow, bound) }
                offer(chosen, in: instance)
                let nodeBound = min(bound, node.bound)
                guard let branch else {
                    open.append((nodeBound, node.fixes, node.price))
                    stopped = true
                    break
                }
                if nodeBound > incumbent!.profit {
                    let option: Int? = branch.option >= 0 ? instance.arcOriginal[Int(branch.option)] : nil
                    open.append((nodeBound, node.fixes + [BranchFix(student: branch.student, option: option, take: true)], branch.price))
                    open.append((nodeBound, node.fixes + [BranchFix(student: branch.student, option: option, take: false)], branch.price))
                }
            }
            if stopped { break }
            if let incumbent, let report {
                report(incumbent.profit, max(incumbent.profit, open.map(\.bound).max() ?? incumbent.profit))
            }
        }
        let openBound = open.map(\.bound).max()
        guard let incumbent else {
            return openBound.map { .stoppedWithoutSolution(profitBound: $0) } ?? .infeasible
        }
        if let openBound, openBound > incumbent.profit {
            return .feasible(incumbent.chosen, profitBound: openBound)
        }
        _ = stopped
        return .optimal(incumbent.chosen)
    }
}
