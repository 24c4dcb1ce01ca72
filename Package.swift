// swift-tools-version: 6.3;(experimentalCGen)
import PackageDescription

// The release binary is linked by lld, for four things that shrink a short command's memory (and
// keep its start fast): relative relocations packed (DT_RELR: 20 KB instead of 2.4 MB read at
// every start), no symbol table exported for other libraries to search, the functions a command
// runs at start and the conformance records the runtime reads placed side by side
// (Link/startup-order.txt, written by scripts/startup-order), so that they fill a few hundred
// pages rather than touch thousands, and the compiler's unnamed helpers gathered likewise
// (Link/unnamed-functions.ld). A name the order lists that a later build no longer has is skipped.
let releaseLinking: [String] = [
    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Link/startup-order.txt", "-Xlinker", "--no-warn-symbol-ordering",
    "-Xlinker", "-T", "-Xlinker", "\(Context.packageDirectory)/Link/unnamed-functions.ld",
]

let package = Package(
    name: "octopus",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "octopus", targets: ["octopus"]),
        .library(name: "OctopusKit", targets: ["OctopusKit"]),
        .library(name: "OctopusDocument", targets: ["OctopusDocument"]),
        // For the fuzz targets in Fuzz/, a separate package that depends on this one by path.
        .library(name: "OctopusTUI", targets: ["OctopusTUI"]),
        .library(name: "OctopusNotebook", targets: ["OctopusNotebook"]),
        .library(name: "BundledKnowledgeBase", targets: ["BundledKnowledgeBase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The walk's presenter, room and followers talk over sockets through SwiftNIO's event loop
        // (OctopusShare only: the browser's keystroke path never touches it).
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
    ],
    targets: [
        // ncursesw through a system module; only the TUI backend imports it.
        // (No pkgConfig: its -D_XOPEN_SOURCE cflags are rejected by SwiftPM with a warning.)
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses", providers: [.apt(["libncurses-dev"])]),
        // The system SQLite, through its C API; only the notebook imports it.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // Tiny C target: saved termios + signal handler that restore the terminal after a crash.
        .target(name: "CTerminal", path: "Sources/CTerminal"),
        // Facilitators' tours may be written in YAML: Debian's libyaml reads them, linked in from its
        // archive. (Yams, the Swift layer over libyaml, needs the whole of Foundation, which would
        // cost every start of every command a few MiB; its tree is rebuilt as our own anyway.)
        .systemLibrary(name: "CLibYAML", path: "Sources/CLibYAML", providers: [.apt(["libyaml-dev"])]),
        // Pure-Swift model layer: no terminal, no ncurses; libyaml only for tour files (Tours/).
        .target(name: "OctopusKit", dependencies: ["CLibYAML"], path: "Sources/OctopusKit"),
        // The document layer: records and tour steps laid out as pages, and their plain-text and
        // Markdown layouts. It reads the model; the model knows nothing of it.
        .target(name: "OctopusDocument", dependencies: ["OctopusKit"], path: "Sources/OctopusDocument"),
        // The bundled knowledge base: checked and compiled at build time, and embedded byte for
        // byte in a generated C file (a C target, since #embed is C's; hence the tools version's
        // experimentalCGen, which lets a plugin give a C target sources), read in place by the
        // Swift target that wraps it.
        .executableTarget(name: "embed-kb", dependencies: ["OctopusKit"], path: "Sources/embed-kb"),
        .plugin(
            name: "EmbedKnowledgeBase", capability: .buildTool(),
            dependencies: ["embed-kb"], path: "Plugins/EmbedKnowledgeBase"),
        .target(name: "CBundledKnowledgeBase", path: "Sources/CBundledKnowledgeBase", plugins: ["EmbedKnowledgeBase"]),
        .target(name: "BundledKnowledgeBase", dependencies: ["CBundledKnowledgeBase"], path: "Sources/BundledKnowledgeBase"),
        .target(
            name: "OctopusTUI", dependencies: ["OctopusKit", "OctopusDocument", "OctopusNotebook", "CNcurses", "CTerminal"],
            path: "Sources/OctopusTUI"),
        // The user's own data (bookmarks, notes, ratings) kept apart from the bundled knowledge base:
        // one SQLite file in WAL mode, through a small layer of our own over SQLite's C API
        // (SQLite/), not GRDB, which needs full Foundation and so ~3.5 MiB more memory at every
        // start. Only FoundationEssentials: member-import visibility keeps Foundation's members,
        // reachable through the modules below, from being used by accident.
        .target(
            name: "OctopusNotebook", dependencies: ["OctopusKit", "OctopusDocument", "CSQLite"],
            path: "Sources/OctopusNotebook"),
        // Presenter ↔ room ↔ followers: the cue of a walk over a Unix socket and, shared, over TCP.
        .target(
            name: "OctopusShare",
            dependencies: ["OctopusKit", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
            path: "Sources/OctopusShare"),
        .executableTarget(
            name: "octopus",
            dependencies: [
                "OctopusKit", "OctopusDocument", "OctopusTUI", "OctopusNotebook", "OctopusShare", "BundledKnowledgeBase", "CTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], path: "Sources/octopus",
            linkerSettings: [.unsafeFlags(releaseLinking, .when(platforms: [.linux], configuration: .release))]),
        // Search latency per keystroke on the bundled base and synthetic 10× and 100× bases:
        // `swift run -c release octopus-bench`.
        .executableTarget(
            name: "octopus-bench", dependencies: ["OctopusKit", "BundledKnowledgeBase", "TestSupport"],
            path: "Sources/octopus-bench"),
        // What tests and the benchmark need and the library should not offer: a knowledge base full of
        // terminal escapes, synthetic larger bases, a seeded generator.
        .target(name: "TestSupport", dependencies: ["OctopusKit"], path: "Tests/TestSupport"),
        .testTarget(
            name: "OctopusKitTests", dependencies: ["OctopusKit", "OctopusDocument", "BundledKnowledgeBase", "TestSupport"],
            path: "Tests/OctopusKitTests", exclude: ["Reference"]),
        .testTarget(
            name: "OctopusTUITests", dependencies: ["OctopusTUI", "OctopusKit", "OctopusDocument", "OctopusNotebook", "BundledKnowledgeBase", "TestSupport"],
            path: "Tests/OctopusTUITests", exclude: ["__Snapshots__"]),
        .testTarget(
            name: "OctopusNotebookTests",
            dependencies: [
                "OctopusNotebook", "OctopusKit", "OctopusDocument", "BundledKnowledgeBase", "CSQLite",
            ], path: "Tests/OctopusNotebookTests"),
        .testTarget(
            name: "OctopusShareTests",
            dependencies: ["OctopusShare", "OctopusKit", "BundledKnowledgeBase", "TestSupport", .product(name: "NIOCore", package: "swift-nio")],
            path: "Tests/OctopusShareTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["OctopusKit", "TestSupport"], path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)

// A module uses only what it imports itself: a method Foundation adds to String, say, is not
// reached through another module's import (which is how full Foundation would creep back in).
for target in package.targets where [.regular, .executable].contains(target.type) && !target.name.hasPrefix("C") {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
