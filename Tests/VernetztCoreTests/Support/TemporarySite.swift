import Foundation
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// A small site written into a fresh temporary folder, with the repo's layouts unless told otherwise.
struct TemporarySite {
    let root: URL

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let minimalConfig = "title: Testseite\nurl: https://example.org/\n"

    init(_ files: [String: String], config: String? = TemporarySite.minimalConfig, copyLayouts: Bool = true) throws {
        root = try ScratchFolder.make("site")
        if let config { try write("site.yml", config) }
        if copyLayouts {
            try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent("layouts"),
                                             to: root.appendingPathComponent("layouts"))
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: TestPictures.bytes(for: text) ?? Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var output: URL { root.appendingPathComponent("output") }

    func options(drafts: Bool = false, writes: Bool = true) -> BuildOptions {
        BuildOptions(root: root, includeDrafts: drafts, writesOutput: writes)
    }

    /// Builds and returns the report, or throws the failure.
    @discardableResult
    func build(drafts: Bool = false) throws -> BuildReport {
        try SiteBuilder().build(options(drafts: drafts))
    }

    /// Builds expecting failure; returns the error lines as `path:line:column: error: message`.
    func errors(drafts: Bool = false, in language: MessageLanguage = .english) -> [String] {
        do {
            _ = try SiteBuilder().build(options(drafts: drafts))
            return []
        } catch {
            return error.errors.map { $0.formatted(pathPrefix: "", language: language) }
        }
    }

    /// Every finding of a build, errors and warnings, as the terminal's first lines show them.
    func findings(in language: MessageLanguage) -> [String] {
        do {
            return try SiteBuilder().build(options()).warnings.map { $0.formatted(pathPrefix: "", language: language) }
        } catch {
            return error.diagnostics.map { $0.formatted(pathPrefix: "", language: language) }
        }
    }

    func read(_ outputPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputPath), encoding: .utf8)
    }

    func exists(_ outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath).path)
    }

    /// Every file below the output folder with its bytes, to compare whole builds.
    func snapshot() throws -> [String: Data] {
        try Snapshot(folder: output).files()
    }
}

/// Front matter plus body, as editors write it.
func markdown(_ frontMatter: String, _ body: String = "Text.\n") -> String {
    "---\n\(frontMatter)\n---\n\n\(body)"
}
