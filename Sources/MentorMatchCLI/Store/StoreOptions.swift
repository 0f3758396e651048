import ArgumentParser
import Foundation
import MentorMatchStore

/// `--store` and `--decline-weeks`, for the commands that can read from and record in a store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store (an SQLite file, docs/store.md): read the latest enriched snapshot when no snapshot is given, and record the run.",
                               valueName: "path"))
    var store: String?

    @Option(name: .customLong("decline-weeks"),
            help: "With --store: a move an advisor rejected is not proposed again for this many weeks after the decision (default 8; 0: rejections decline nothing).")
    var declineWeeks = Store.defaultDeclineWeeks

    func validate() throws {
        if declineWeeks < 0 { throw ValidationError("--decline-weeks must be >= 0, found \(declineWeeks)") }
    }
}

/// `--store`, required, for the commands that only work on a store.
struct RequiredStoreOption: ParsableArguments {
    @Option(help: ArgumentHelp("The store (an SQLite file, docs/store.md).", valueName: "path"))
    var store: String
}
