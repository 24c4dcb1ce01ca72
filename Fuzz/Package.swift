// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for octopus, kept out of the root package so that `swift build` and
// `swift test` never see the sanitizer flags. Build and run them with `scripts/fuzz`, which adds
// `-sanitize=fuzzer,address` for every Swift module (the code under test needs the coverage
// instrumentation, not only these files) and builds into Fuzz/.build-fuzz.
//
// Each target is one file with `LLVMFuzzerTestOneInput`, and an `@main` that hands over to
// libFuzzer's driver (see Sources/FuzzSupport).
let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "octopus-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "octopus", path: "..")],
    targets: [
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"], path: "Sources/FuzzSupport"),
        .executableTarget(
            name: "fuzz-kb",
            dependencies: [
                "FuzzSupport", .product(name: "OctopusKit", package: "octopus"),
            ], path: "Sources/FuzzKnowledgeBase", swiftSettings: fuzzFlags),
        .executableTarget(
            name: "fuzz-tour",
            dependencies: [
                "FuzzSupport", .product(name: "OctopusKit", package: "octopus"),
                .product(name: "BundledKnowledgeBase", package: "octopus"),
            ], path: "Sources/FuzzTour", swiftSettings: fuzzFlags),
        .executableTarget(
            name: "fuzz-notes-import",
            dependencies: [
                "FuzzSupport", .product(name: "OctopusNotebook", package: "octopus"),
            ], path: "Sources/FuzzNotebookImport", swiftSettings: fuzzFlags),
        .executableTarget(
            name: "fuzz-editor",
            dependencies: [
                "FuzzSupport", .product(name: "OctopusTUI", package: "octopus"),
                .product(name: "OctopusKit", package: "octopus"),
                .product(name: "BundledKnowledgeBase", package: "octopus"),
            ], path: "Sources/FuzzEditor", swiftSettings: fuzzFlags),
        .executableTarget(
            name: "fuzz-wire",
            dependencies: [
                "FuzzSupport", .product(name: "OctopusTUI", package: "octopus"),
                .product(name: "OctopusKit", package: "octopus"),
                .product(name: "BundledKnowledgeBase", package: "octopus"),
            ], path: "Sources/FuzzWire", swiftSettings: fuzzFlags),
    ],
    swiftLanguageModes: [.v6]
)
