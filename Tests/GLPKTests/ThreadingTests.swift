import Foundation
import GLPK
import MIPModel
import Synchronization
import Testing

@Suite struct ThreadingTests {
    /// Runs `body` on a new thread and waits for it.
    static func onNewThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            result.withLock { $0 = body() }
            done.signal()
        }.start()
        done.wait()
        return result.withLock { $0! }
    }

    @Test func twoSolvesOnTwoThreadsAtOnce() throws {
        let cases: [(values: [Double], weights: [[Double]], capacities: [Double])] = [
            ([10, 13, 7, 8, 5, 9, 4, 6, 11, 3], [[5, 6, 4, 3, 2, 5, 1, 3, 6, 1], [2, 4, 6, 3, 1, 2, 5, 4, 3, 2]], [15, 14]),
            ([4, 9, 12, 6, 7, 3, 8, 10, 2, 5], [[3, 5, 7, 2, 4, 1, 6, 6, 1, 2], [4, 1, 3, 5, 2, 2, 3, 4, 2, 1]], [13, 12]),
        ]
        let results = Mutex<[Int: Double]>([:])
        let group = DispatchGroup()
        for (k, c) in cases.enumerated() {
            group.enter()
            Thread {
                // Several solves in a row on each thread, overlapping with the other thread.
                var objective = 0.0
                for _ in 0..<20 {
                    let model = Fixtures.knapsack(values: c.values, weights: c.weights, capacities: c.capacities)
                    objective = (try? GLPKBackend().solve(model, options: SolveOptions()).objective) ?? -1
                }
                results.withLock { $0[k] = objective }
                group.leave()
            }.start()
        }
        group.wait()
        for (k, c) in cases.enumerated() {
            let expected = Fixtures.bruteForceKnapsack(values: c.values, weights: c.weights, capacities: c.capacities)
            #expect(results.withLock { $0[k] } == expected)
        }
    }

    /// A problem used on another thread is refused, and leaked there rather than freed.
    @Test func problemIsBoundToItsThread() throws {
        final class Box: @unchecked Sendable { var problem: GLPKProblem?; init(_ p: GLPKProblem) { problem = p } }
        let box = Box(try GLPKProblem(name: "here"))
        try box.problem!.addColumns(3)
        let error = Self.onNewThread { () -> GLPKError? in
            do throws(GLPKError) { _ = try box.problem!.columnCount; return nil } catch { return error }
        }
        #expect(error == .wrongThread)
        #expect(try box.problem!.columnCount == 3)
        // Released on another thread: deinit must not call glp_delete_prob there (GLPK would abort).
        Self.onNewThread { box.problem = nil }
        #expect(box.problem == nil)
    }
}
