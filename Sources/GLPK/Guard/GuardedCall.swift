import CGLPKGuard

/// Runs one guarded C wrapper (`mm_glp_…`) and turns its guard status into a Swift error.
/// Every GLPK call of this module goes through here.
@inline(__always)
func guarded(_ operation: StaticString, _ wrapper: () -> Int32) throws(GLPKError) {
    let status = wrapper()
    guard status != Int32(MM_GLPK_OK) else { return }
    if status == Int32(MM_GLPK_FATAL) {
        throw .fatal(operation: "\(operation)", message: lastGLPKOutput())
    }
    throw .reentrantCall(operation: "\(operation)")
}

/// The tail of what GLPK printed during the last guarded call on this thread, trimmed.
func lastGLPKOutput() -> String {
    let text = String(cString: mm_glpk_last_output())
    return text.trimmingWhitespace()
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
