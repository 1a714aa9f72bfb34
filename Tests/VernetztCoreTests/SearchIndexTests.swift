import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The search index step with a stand-in for Pagefind (a shell script): it is given a time
/// limit, it ends when vernetzt is stopped, its index is kept when the pages did not change,
/// and `/pagefind/` belongs to it alone.
@Suite(.serialized) struct SearchIndexTests {
    static let config = TemporarySite.minimalConfig + "search: true\n"

    /// A Pagefind stand-in: appends a line to `runs` per call, writes an index that differs on
    /// every run (as Pagefind's does), and then does what `tail` says.
    static func fakePagefind(in folder: URL, tail: String = "") throws -> (script: URL, runs: URL) {
        let runs = folder.appendingPathComponent("laeufe.txt")
        let script = folder.appendingPathComponent("pagefind")
        try Data("""
            #!/bin/sh
            echo $$ > '\(folder.path)/pid'
            echo run >> '\(runs.path)'
            mkdir -p "$2/pagefind" && date +%s%N > "$2/pagefind/pagefind.js"
            \(tail)
            """.utf8).write(to: script)
        chmod(script.path, 0o755)
        return (script, runs)
    }

    static func site() throws -> TemporarySite {
        try TemporarySite(["content/seiten/a.md": markdown("title: A")], config: config)
    }

    static func runCount(_ runs: URL) -> Int {
        ((try? String(contentsOf: runs, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test func anUnchangedSiteKeepsItsIndexByteForByte() throws {
        let site = try Self.site()
        let fake = try Self.fakePagefind(in: try ScratchFolder.make("pagefind"))
        var options = site.options()
        options.locateSearch = { SearchIndexer(command: [fake.script.path]) }
        try SiteBuilder().build(options)
        let index = site.output.appendingPathComponent("pagefind/pagefind.js")
        let first = try Data(contentsOf: index)
        try SiteBuilder().build(options)
        #expect(try Data(contentsOf: index) == first)
        #expect(Self.runCount(fake.runs) == 1)
        try site.write("content/seiten/a.md", markdown("title: A, geändert"))
        try SiteBuilder().build(options)
        #expect(Self.runCount(fake.runs) == 2)
        #expect(try Data(contentsOf: index) != first)
    }

    @Test func pagefindThatNeverEndsIsStoppedAndTheOldSiteStays() throws {
        let site = try Self.site()
        let folder = try ScratchFolder.make("pagefind")
        let fake = try Self.fakePagefind(in: folder, tail: "exec sleep 600")
        var options = site.options()
        options.locateSearch = { SearchIndexer(command: [fake.script.path]) }
        setenv("VERNETZT_SEARCH_TIMEOUT", "2", 1)
        defer { unsetenv("VERNETZT_SEARCH_TIMEOUT") }
        let started = Date()
        #expect(throws: BuildFailure.self) { try SiteBuilder().build(options) }
        #expect(Date().timeIntervalSince(started) < 30)
        let pid = Int32((try String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(kill(pid, 0) != 0, "Pagefind still runs")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// SIGTERM to vernetzt alone (a cancelled CI job) ends Pagefind too: no orphan.
    @Test func stoppingVernetztStopsPagefind() throws {
        let site = try Self.site()
        let folder = try ScratchFolder.make("pagefind")
        let fake = try Self.fakePagefind(in: folder, tail: "exec sleep 600")
        var environment = ProcessInfo.processInfo.environment
        environment["PAGEFIND"] = fake.script.path
        let child = try ChildProcess(CommandLineRun.executable.path, ["build", "--quiet"], in: site.root.path, environment: environment)
        let pidFile = folder.appendingPathComponent("pid")
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: pidFile.path) { usleep(20_000) }
        usleep(100_000)
        let pagefind = Int32((try String(contentsOf: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines))!
        kill(child.pid, SIGTERM)
        #expect(child.wait(seconds: 30) == 128 + SIGTERM)
        var gone = false
        for _ in 0..<100 {
            if kill(pagefind, 0) != 0 { gone = true; break }
            usleep(20_000)
        }
        #expect(gone, "Pagefind was left running")
    }

    @Test(arguments: ["/pagefind/pagefind.js", "/pagefind/", "/pagefind/alt/"])
    func aliasesOntoTheSearchIndexAreRefused(alias: String) throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A\naliases: [\"\(alias)\"]")], config: Self.config)
        #expect(site.errors() == ["content/seiten/a.md:3:11: error: alias '\(alias)' collides with the search index /pagefind/"])
    }
}
