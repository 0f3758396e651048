/// The exit statuses of `mentormatch`, as documented in `--help` and the README.
public enum ExitStatus: Int32, Sendable {
    /// The job ran; a result was written.
    case success = 0
    /// Bad input (snapshot, policy, scenario or command line): nothing was written.
    case inputError = 2
    /// The solver failed (or proved the locks infeasible); nothing was written.
    case solverFailure = 3
}

/// An error that ends the command with a given exit status and message.
public struct CommandFailure: Error, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String
    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
    public var description: String { message }
}
