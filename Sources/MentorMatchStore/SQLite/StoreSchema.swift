import GRDB

/// The store's schema, versioned with GRDB's `DatabaseMigrator`. A migration, once released, never
/// changes: a new version of the schema is a new migration appended here (docs/store.md lists them).
enum StoreSchema {
    /// `PRAGMA application_id` of every MentorMatch store ("MMST"): how a store is told apart from
    /// any other SQLite database before anything is written to it.
    static let applicationID: Int32 = 0x4D4D_5354

    static let v1 = "v1"
    static let v2 = "v2-history-indexes"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in try db.execute(sql: v1SQL) }
        migrator.registerMigration(v2) { db in try db.execute(sql: v2SQL) }
        return migrator
    }

    /// The first schema: snapshots, the store's pairings, runs and their proposals, decisions
    /// (append-only), applications and their changes, and the differences imports found.
    static let v1SQL = """
        PRAGMA application_id = \(applicationID);
        CREATE TABLE snapshot (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            importedAt DATETIME NOT NULL,
            asOf TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            importedBytes INTEGER NOT NULL,
            jsonBytes INTEGER NOT NULL,
            encoding TEXT NOT NULL CHECK (encoding IN ('zlib', 'identity')),
            body BLOB NOT NULL,
            students INTEGER NOT NULL,
            mentors INTEGER NOT NULL,
            pairings INTEGER NOT NULL
        );
        CREATE TABLE pairing (
            student TEXT PRIMARY KEY NOT NULL,
            mentor TEXT NOT NULL,
            since TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('first-import', 'export', 'import', 'apply')),
            snapshotId INTEGER NOT NULL REFERENCES snapshot(id)
        ) WITHOUT ROWID;
        CREATE TABLE run (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('rebalance', 'suggest', 'whatif')),
            snapshotId INTEGER NOT NULL REFERENCES snapshot(id),
            startedAt DATETIME NOT NULL,
            finishedAt DATETIME NOT NULL,
            policy TEXT NOT NULL,
            declineWeeks INTEGER NOT NULL,
            tzdata TEXT,
            solver TEXT NOT NULL,
            toolVersion TEXT NOT NULL,
            status TEXT NOT NULL,
            objective INTEGER,
            bound INTEGER,
            gap REAL,
            maxMoves INTEGER,
            readSeconds REAL NOT NULL,
            solveSeconds REAL NOT NULL,
            recordSeconds REAL NOT NULL,
            parameters TEXT NOT NULL,
            enrichment BLOB NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE TABLE proposal (
            runId INTEGER NOT NULL REFERENCES run(id),
            rank INTEGER NOT NULL,
            student TEXT NOT NULL,
            fromMentor TEXT,
            toMentor TEXT,
            priority INTEGER NOT NULL,
            fitBefore INTEGER,
            fitAfter INTEGER,
            change TEXT NOT NULL,
            reason TEXT NOT NULL,
            objectiveDelta INTEGER,
            forStudent TEXT,
            styleBefore REAL,
            availabilityBefore REAL,
            satisfactionBefore REAL,
            styleAfter REAL,
            availabilityAfter REAL,
            satisfactionAfter REAL,
            PRIMARY KEY (runId, rank, student)
        ) WITHOUT ROWID;
        CREATE TABLE decision (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            runId INTEGER NOT NULL REFERENCES run(id),
            student TEXT NOT NULL,
            mentor TEXT,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'reject')),
            actor TEXT NOT NULL,
            reason TEXT,
            decidedAt DATETIME NOT NULL,
            decidedOn TEXT NOT NULL
        );
        CREATE INDEX decision_run ON decision(runId, student);
        CREATE TRIGGER decision_append_only_update BEFORE UPDATE ON decision
            BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        CREATE TRIGGER decision_append_only_delete BEFORE DELETE ON decision
            BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        CREATE TABLE application (
            runId INTEGER PRIMARY KEY NOT NULL REFERENCES run(id),
            appliedAt DATETIME NOT NULL,
            effective TEXT NOT NULL,
            snapshotId INTEGER NOT NULL REFERENCES snapshot(id),
            onlyValid BOOLEAN NOT NULL,
            appliedCount INTEGER NOT NULL,
            skipped TEXT NOT NULL,
            actor TEXT NOT NULL
        );
        CREATE TABLE appliedChange (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            runId INTEGER NOT NULL REFERENCES application(runId),
            student TEXT NOT NULL,
            fromMentor TEXT,
            toMentor TEXT,
            effective TEXT NOT NULL,
            decidedBy TEXT NOT NULL,
            decisionId INTEGER NOT NULL REFERENCES decision(id),
            reconciledSnapshotId INTEGER REFERENCES snapshot(id)
        );
        CREATE TABLE difference (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            snapshotId INTEGER NOT NULL REFERENCES snapshot(id),
            student TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('not-carried-out', 'carried-out', 'unproposed')),
            expected TEXT,
            found TEXT,
            changeId INTEGER REFERENCES appliedChange(id)
        );
        """

    /// Indexes for `history STUDENT` and for reconciling at import, and applications made permanent.
    static let v2SQL = """
        CREATE INDEX proposal_student ON proposal(student);
        CREATE INDEX decision_student ON decision(student);
        CREATE INDEX appliedChange_student ON appliedChange(student);
        CREATE INDEX appliedChange_run ON appliedChange(runId);
        CREATE INDEX appliedChange_unreconciled ON appliedChange(reconciledSnapshotId) WHERE reconciledSnapshotId IS NULL;
        CREATE INDEX difference_student ON difference(student);
        CREATE TRIGGER application_permanent BEFORE DELETE ON application
            BEGIN SELECT RAISE(ABORT, 'applications are permanent'); END;
        CREATE TRIGGER appliedChange_permanent BEFORE DELETE ON appliedChange
            BEGIN SELECT RAISE(ABORT, 'applied changes are permanent'); END;
        """
}
