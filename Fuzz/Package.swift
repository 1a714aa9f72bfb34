// swift-tools-version:6.0
// The fuzzers, apart from the main package so that ordinary builds never need libFuzzer.
// Build and run them with `make fuzz` (swift build -Xswiftc -sanitize=fuzzer,address).
import PackageDescription

let targets = ["FuzzContentFile", "FuzzLayouts", "FuzzMarkdown", "FuzzText", "FuzzWriters"]

let package = Package(
    name: "VernetztFuzz",
    dependencies: [.package(name: "vernetzt", path: "..")],
    targets: targets.map { name in
        .executableTarget(
            name: name,
            dependencies: [.product(name: "VernetztCore", package: "vernetzt")],
            path: "Sources/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
