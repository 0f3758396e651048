import Logging

/// Logging through swift-log on standard error. Only ids are ever logged, never names.
enum CLILogging {
    /// Bootstraps the logging system once per process.
    static func bootstrap(verbose: Bool) -> Logger {
        LoggingBootstrapOnce.run
        var logger = Logger(label: "mentormatch")
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

private enum LoggingBootstrapOnce {
    static let run: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)
}
