import CGLPKGuard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread and GLPK environment generation a GLPK object was created under.
/// GLPK's environment is per thread: an object may only be used, and freed, on
/// its thread, and only while no fatal error has freed that thread's environment.
struct ThreadBinding {
    private let thread: pthread_t
    private let generation: UInt

    init() {
        thread = pthread_self()
        generation = UInt(mm_glpk_generation())
    }

    var isOnOwnerThread: Bool { pthread_equal(thread, pthread_self()) != 0 }

    /// On the owner thread and the environment it was made in still exists.
    var isAlive: Bool { isOnOwnerThread && UInt(mm_glpk_generation()) == generation }

    /// Throws unless the object may be used here and now.
    func check() throws(GLPKError) {
        guard isOnOwnerThread else { throw .wrongThread }
        guard UInt(mm_glpk_generation()) == generation else { throw .deadProblem }
    }
}
