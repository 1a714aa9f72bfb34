import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The write stage: staging and swap, unchanged files keep their mtime, hidden files survive.
@Suite struct OutputTests {
    func folder() throws -> URL {
        let url = try ScratchFolder.path("out")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.appendingPathComponent("output")
    }

    func modified(_ url: URL) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let output = try folder()
        let writer = OutputWriter(output: output)
        let first = try writer.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b.html", text: "B")])
        #expect(first.written == 2)
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in ["a/index.html", "b.html"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: output.appendingPathComponent(path).path)
        }
        let second = try writer.write([OutputFile(path: "a/index.html", text: "A"), OutputFile(path: "b.html", text: "B2")])
        #expect(second.written == 1)
        #expect(second.unchanged == 1)
        #expect(try modified(output.appendingPathComponent("a/index.html")) == old)
        #expect(try modified(output.appendingPathComponent("b.html")) != old)
        #expect(try String(contentsOf: output.appendingPathComponent("b.html"), encoding: .utf8) == "B2")
    }

    @Test func filesNoLongerBuiltDisappearAndHiddenFilesStay() throws {
        let output = try folder()
        let writer = OutputWriter(output: output)
        _ = try writer.write([OutputFile(path: "alt.html", text: "x")])
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        _ = try writer.write([OutputFile(path: "neu.html", text: "y")])
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == [".gitkeep", OutputGuard.marker, "neu.html"])
        let parent = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(parent == ["output"])  // no staging or retired folder left behind
    }

    static func site(posts: Int) throws -> TemporarySite {
        var files: [String: String] = [:]
        for i in 0..<posts { files["content/blog/p\(i).md"] = markdown("title: Beitrag \(i)\ndate: 2022-07-05", "Text \(i).\n") }
        return try TemporarySite(files)
    }

    /// Every page of the site, as the reader's server would find it.
    static func pages(_ output: URL) -> Set<String> {
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        return Set(files.filter { $0.hasSuffix("index.html") })
    }

    @Test func twoBuildsAtOnceNeverPublishHalfASite() throws {
        let site = try Self.site(posts: 150)
        let reference = try CommandLineRun(["build", "--quiet", "--output", "referenz"], in: site.root)
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = Self.pages(site.root.appendingPathComponent("referenz"))
        #expect(expected.count > 150)
        for _ in 0..<4 {
            let runs = LockedList<(Int32, String)>()
            DispatchQueue.concurrentPerform(iterations: 3) { _ in
                let run = try? CommandLineRun(["build", "--quiet"], in: site.root)
                runs.append((run?.status ?? -1, run?.stderr ?? ""))
            }
            #expect(runs.items.map(\.0) == [0, 0, 0], "\(runs.items.map(\.1).joined().prefix(3000))")
            #expect(Self.pages(site.output) == expected)
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputGuard.marker).path))
        }
    }

    @Test func anOutputThatIsALinkIsWrittenThrough() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: Erste Fassung")])
        let served = site.root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: served.path)
        let first = try CommandLineRun(["build", "--quiet"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        try site.write("content/seiten/a.md", markdown("title: Zweite Fassung"))
        let second = try CommandLineRun(["build", "--quiet"], in: site.root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == served.path)
        let page = try String(contentsOf: served.appendingPathComponent("a/index.html"), encoding: .utf8)
        #expect(page.contains("Zweite Fassung"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".www.vernetzt-staging").path))
    }

    /// A page of the old output replaced by a link to a file elsewhere (with the very bytes the
    /// build makes) must not be carried into the new site as "unchanged"; nor may hidden links.
    @Test func onlyRegularFilesAreCarriedOver() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A")])
        #expect(try CommandLineRun(["build", "--quiet"], in: site.root).status == 0)
        let page = site.output.appendingPathComponent("a/index.html")
        let outside = try ScratchFolder.path("draussen")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let elsewhere = outside.appendingPathComponent("seite.html")
        try FileManager.default.copyItem(at: page, to: elsewhere)
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: elsewhere.path)
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent(".geheim").path,
                                                   withDestinationPath: "/etc/hostname")
        #expect(try CommandLineRun(["build", "--quiet"], in: site.root).status == 0)
        var info = stat()
        #expect(lstat(page.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(lstat(site.output.appendingPathComponent(".geheim").path, &info) != 0)
    }

    /// An output folder that is a mount point of its own (a container volume) cannot be renamed:
    /// the site is staged inside it and swapped in entry by entry. Needs root to mount a tmpfs.
    @Test(.enabled(if: geteuid() == 0)) func anOutputOnItsOwnMountPointIsUpdated() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: Erste Fassung"),
                                      "content/seiten/b.md": markdown("title: Bleibt")])
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let mount = try CommandLineRun(executable: URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "tmpfs", site.output.path], in: site.root)
        guard mount.status == 0 else {
            Issue.record("cannot mount a tmpfs: \(mount.stderr)")
            return
        }
        defer { _ = try? CommandLineRun(executable: URL(fileURLWithPath: "/bin/umount"), [site.output.path], in: site.root) }
        let first = try CommandLineRun(["build", "--quiet"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        let unchanged = site.output.appendingPathComponent("b/index.html")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: unchanged.path)
        try site.write("content/seiten/a.md", markdown("title: Zweite Fassung"))
        try site.remove("content/seiten/b.md")
        try site.write("content/seiten/c.md", markdown("title: Neu"))
        let second = try CommandLineRun(["build", "--quiet"], in: site.root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try site.read("a/index.html").contains("Zweite Fassung"))
        #expect(try site.read("c/index.html").contains("Neu"))
        #expect(!FileManager.default.fileExists(atPath: unchanged.path))
        #expect(StagingFolder.isMountPoint(site.output), "the output is still the mount point")
        let names = try FileManager.default.contentsOfDirectory(atPath: site.output.path)
        #expect(!names.contains(StagingFolder.innerName))
        #expect(names.contains(OutputGuard.marker))
    }
}

/// A list appended to from many threads (NSLock: the thread sanitizer sees it, unlike `Mutex`).
final class LockedList<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Element] = []

    func append(_ element: Element) {
        lock.withLock { list.append(element) }
    }

    var items: [Element] { lock.withLock { list } }
}
