import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The published site is never lost: refused output folders, builds killed at random moments,
/// and nothing written outside the output folder and its staging folder.
@Suite(.serialized) struct PublishedSiteTests {
    @Test func dangerousOutputFoldersAreRefused() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A")])
        let parent = site.root.deletingLastPathComponent()
        for (output, force) in [("/", true), (site.root.path, true), (parent.path, true),
                                (site.root.appendingPathComponent("content").path, true),
                                (site.root.appendingPathComponent("content/seiten/neu").path, true),
                                (site.root.appendingPathComponent("layouts").path, true)] {
            var arguments = ["build", "--output", output]
            if force { arguments.append("--force") }
            let run = try CommandLineRun(arguments, in: site.root)
            #expect(run.status == 1, "\(output)")
            #expect(run.stderr.contains("refusing to write the site"), "\(output): \(run.stderr)")
        }
        // Built from elsewhere (--root), an output folder given as an absolute path is named as given.
        let elsewhere = try CommandLineRun(["build", "--root", site.root.path, "--output", "/", "--force"], in: parent)
        #expect(elsewhere.status == 1 && elsewhere.stderr.hasPrefix("/:1:1: error: refusing to write the site into /"), "\(elsewhere.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/seiten/a.md").path))
    }

    @Test func aFolderOfSomeoneElseNeedsForce() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A")])
        let foreign = site.root.appendingPathComponent("fremd")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("wichtig".utf8).write(to: foreign.appendingPathComponent("notizen.txt"))
        let refused = try CommandLineRun(["build", "--output", "fremd"], in: site.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds files that vernetzt did not write"))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notizen.txt").path))
        #expect(try CommandLineRun(["build", "--output", "fremd", "--force"], in: site.root).status == 0)
        // Once vernetzt has written it, the marker makes it vernetzt's own.
        #expect(try CommandLineRun(["build", "--output", "fremd"], in: site.root).status == 0)
        // A folder with only hidden files (.gitkeep) counts as empty.
        let kept = site.root.appendingPathComponent("neu")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        try Data().write(to: kept.appendingPathComponent(".gitkeep"))
        #expect(try CommandLineRun(["build", "--output", "neu"], in: site.root).status == 0)
    }

    static func posts(_ version: String) -> [String: String] {
        var files: [String: String] = ["content/angebote/f.md": markdown("title: F")]
        for n in 0..<150 {
            files["content/blog/p\(n).md"] = markdown("title: Beitrag \(n) \(version)\ndate: 2022-01-01\nformats: [f]",
                                                      String(repeating: "Absatz \(version) mit etwas Text.\n\n", count: 40))
        }
        return files
    }

    @Test func killingTheBuildNeverLeavesAMixedSite() throws {
        let site = try TemporarySite(Self.posts("A"))
        #expect(try CommandLineRun(["build", "--quiet"], in: site.root).status == 0)
        let versionA = try site.snapshot()
        let other = try TemporarySite(Self.posts("B"))
        try FileManager.default.removeItem(at: other.root.appendingPathComponent("layouts"))
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("layouts"), to: other.root.appendingPathComponent("layouts"))
        #expect(try CommandLineRun(["build", "--quiet"], in: other.root).status == 0)
        let versionB = try other.snapshot()
        #expect(versionA != versionB)

        // How long a build takes here, to kill within it.
        let started = Date()
        for (path, text) in Self.posts("B") { try site.write(path, text) }
        #expect(try CommandLineRun(["build", "--quiet"], in: site.root).status == 0)
        let duration = Date().timeIntervalSince(started)
        #expect(try site.snapshot() == versionB)

        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let from = round % 2 == 0 ? "A" : "B"
            for (path, text) in Self.posts(from) { try site.write(path, text) }
            let child = try ChildProcess(CommandLineRun.executable.path, ["build", "--quiet"], in: site.root.path)
            usleep(UInt32(Double.random(in: 0...duration * 1.2, using: &generator) * 1_000_000))
            kill(child.pid, SIGKILL)
            _ = child.wait()
            let now = try site.snapshot()
            #expect(now == versionA || now == versionB, "round \(round): a mixed site")
        }
        // The next build after all that is whole again.
        #expect(try CommandLineRun(["build", "--quiet"], in: site.root).status == 0)
        #expect(try site.snapshot() == versionB || (try site.snapshot()) == versionA)
    }

    /// Everything below a folder: path → bytes (or "link"/"folder").
    static func tree(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: []) else { return files }
        for case let url as URL in walker {
            let relative = String(url.path.dropFirst(root.path.count))
            files[relative] = url.hasDirectoryPath ? Data("folder".utf8) : (try? Data(contentsOf: url)) ?? Data("unreadable".utf8)
        }
        return files
    }

    @Test func nothingOutsideTheOutputIsTouched() throws {
        let site = try TemporarySite(Self.posts("A").merging(["content/blog/p0/bild.jpg": TestPictures.jpegMarker,
                                                              "content/blog/p0/index.md": markdown("title: B\ndate: 2022-01-01")]) { $1 })
        try site.remove("content/blog/p0.md")
        let elsewhere = try ScratchFolder.path("out")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let rootBefore = Self.tree(site.root)
        let parentBefore = try FileManager.default.contentsOfDirectory(atPath: elsewhere.path)
        // Read-only for everyone but root (who may write anyway: the comparison below is the proof).
        _ = chmod(site.root.path, 0o555)
        defer { _ = chmod(site.root.path, 0o755) }
        let run = try CommandLineRun(["build", "--output", elsewhere.appendingPathComponent("site").path], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        // Only the caches are kept beside the site: the pictures (the social cards) in
        // `.cache/bilder/`, the build's state in `.cache/vernetzt/`.
        let rootAfter = Self.tree(site.root)
        #expect(rootAfter.filter { !$0.key.hasPrefix("/.cache") } == rootBefore)
        #expect(rootAfter.keys.filter { $0.hasPrefix("/.cache") }.allSatisfy {
            $0 == "/.cache" || $0.hasPrefix("/.cache/bilder") || $0.hasPrefix("/.cache/vernetzt")
        })
        #expect(rootAfter.keys.contains { $0.hasPrefix("/.cache/vernetzt/stand-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == (parentBefore + ["site"]).sorted())
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("site/blog/p0/index.html").path))
    }
}
