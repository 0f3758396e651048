// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "MentorMatch",
    products: [
        .executable(name: "mentormatch", targets: ["mentormatch"]),
        .library(name: "MentorMatchEngine", targets: ["MentorMatchEngine"]),
        .library(name: "GLPK", targets: ["GLPK"]),
        .library(name: "MentorMatchStore", targets: ["MentorMatchStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // GLPK, as Debian ships it (no pkg-config file).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The only C code of the project: GLPK calls run under setjmp + glp_error_hook.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        // A solver-independent mixed-integer model: variables, constraints, objective.
        .target(name: "MIPModel"),
        // The GLPK binding and the GLPK backend of MIPModel.
        .target(name: "GLPK", dependencies: ["CGLPK", "CGLPKGuard", "MIPModel"]),
        // Snapshots, policies, scenarios, the weekly grid: read, validate, write, generate.
        .target(name: "MentorMatchData", dependencies: [
            "Yams",
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Candidates, scores, rebalance, suggest, what-if.
        .target(name: "MentorMatchEngine", dependencies: ["MentorMatchData", "MIPModel", "GLPK"]),
        // zlib, as Debian ships it: the store compresses the snapshots it keeps.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The weekly cycle's memory: snapshots, runs, decisions, applied changes (SQLite through GRDB).
        .target(name: "MentorMatchStore", dependencies: [
            "MentorMatchData", "MentorMatchEngine", "CZlib",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The command line: commands and renderers (all logic lives here, not in the executable).
        .target(name: "MentorMatchCLI", dependencies: [
            "MentorMatchEngine", "MentorMatchData", "MentorMatchStore", "GLPK",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "mentormatch", dependencies: ["MentorMatchCLI"]),
        // Benchmarks (not tests): `swift run -c release mentormatch-bench <suite>`.
        .executableTarget(name: "mentormatch-bench", dependencies: ["MentorMatchEngine", "MentorMatchData", "MentorMatchStore", "GLPK", "MIPModel"]),

        .testTarget(name: "GLPKTests", dependencies: ["GLPK", "MIPModel"]),
        .testTarget(name: "MentorMatchDataTests", dependencies: [
            "MentorMatchData",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "MentorMatchEngineTests", dependencies: [
            "MentorMatchEngine", "MentorMatchData", "MIPModel", "GLPK",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "MentorMatchCLITests", dependencies: [
            "MentorMatchCLI", "MentorMatchEngine", "MentorMatchData",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "MentorMatchStoreTests", dependencies: [
            "MentorMatchStore", "MentorMatchData", "MentorMatchEngine",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Fixtures"]),
    ]
)
