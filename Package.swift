// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vernetzt",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vernetzt", targets: ["vernetzt"]),
        .library(name: "VernetztCore", targets: ["VernetztCore"]),
        .library(name: "VernetztServe", targets: ["VernetztServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CLinuxCalls"),
        // HTML5 parsing (as browsers build the tree) for the raw-HTML sanitiser.
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        // Keeps libcmark-gfm's process-wide table of special characters fixed, so that parsers
        // on several threads do not take each other's strikethrough and autolinks away.
        .target(name: "CMarkPin", dependencies: ["CMarkGFM"], linkerSettings: [.linkedLibrary("dl")]),
        // An allocator for cmark-gfm that takes a document's memory from per-thread chunks and
        // gives it back at once when the document is done.
        .target(name: "CMarkArena", dependencies: ["CMarkGFM"]),
        // Pictures: libvips from Debian (libvips42), loaded at the first picture, through
        // fixed-signature wrappers of its variadic calls.
        .target(name: "CVipsShim", linkerSettings: [.linkedLibrary("dl")]),
        // Ends a helper program (Pagefind) with vernetzt when vernetzt is told to stop.
        .target(name: "CChildGuard"),
        // The engine: Mustache templates, parallel work, diagnostics, writing the output.
        .target(name: "VernetztEngine", dependencies: ["CLinuxCalls"]),
        // The content model: the schema, front matter, Markdown, German text, loading files.
        .target(
            name: "VernetztModel",
            dependencies: [
                "VernetztEngine",
                "CMarkGFM",
                "CMarkPin",
                "CMarkArena",
                "CGumbo",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The site: linking, rendering, feeds, calendars, the build pipeline.
        .target(name: "VernetztCore", dependencies: ["VernetztEngine", "VernetztModel", "CChildGuard", "CLinuxCalls", "CVipsShim"]),
        // The preview server.
        .target(
            name: "VernetztServe",
            dependencies: [
                "VernetztCore", "VernetztModel", "VernetztEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "vernetzt",
            dependencies: [
                "VernetztCore",
                "VernetztServe",
                "VernetztModel",
                "VernetztEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc replaces glibc's malloc in the whole process: building a site allocates
            // millions of small objects from two threads at once, where glibc's arenas cost a
            // quarter of the parse stage (see README, Speed).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "VernetztCoreTests",
            dependencies: ["VernetztCore", "VernetztServe", "VernetztModel", "VernetztEngine", "vernetzt", "CMarkArena"],
            // The Mustache spec's JSON files and test pictures, read from the source tree by the tests.
            exclude: ["MustacheSpec", "Fixtures"]
        ),
    ]
)
