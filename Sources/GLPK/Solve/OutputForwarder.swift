import CGLPKGuard
#if canImport(Glibc)
import Glibc
#endif

/// Hands GLPK's terminal output to a Swift closure line by line while it is installed.
final class OutputForwarder {
    private let sink: (String) -> Void
    private var pending = ""

    init(_ sink: @escaping (String) -> Void) { self.sink = sink }

    /// Runs `body` with this thread's GLPK output going to the forwarder.
    func capturing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        mm_glpk_set_output({ context, text in
            guard let context, let text else { return }
            Unmanaged<OutputForwarder>.fromOpaque(context).takeUnretainedValue().receive(String(cString: text))
        }, context)
        defer {
            mm_glpk_set_output(nil, nil)
            flush()
        }
        return try body()
    }

    private func receive(_ text: String) {
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            sink(String(pending[..<newline]))
            pending.removeSubrange(...newline)
        }
    }

    private func flush() {
        if !pending.isEmpty { sink(pending) }
        pending = ""
    }

    /// Writes each line to standard output (GLPK's own behaviour).
    static func standardOutput(_ line: String) {
        print(line)
    }
}
