// swift-tools-version:6.0
// Coverage-guided fuzz targets for MentorMatch (libFuzzer). Not part of the main build: build and run
// them with `scripts/fuzz.sh`, which passes `-sanitize=fuzzer,address` to every Swift module (the project's
// own and its dependencies), so that libFuzzer sees their coverage. Each target's main.swift hands its test
// function to libFuzzer's driver (`LLVMFuzzerRunDriver`): SwiftPM renames an executable's entry point,
// so libFuzzer's own `main` cannot be used.
import PackageDescription

let package = Package(
    name: "MentorMatchFuzz",
    dependencies: [
        .package(name: "MentorMatch", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [
            "CFuzzDriver",
            .product(name: "MentorMatchEngine", package: "MentorMatch"),
        ]),
        .executableTarget(name: "FuzzSnapshotJSON", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzSnapshotCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzPolicy", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport"]),
    ]
)
