import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Rebuilding with a cache (serve) must give exactly what a fresh build gives, while
/// rendering only the pages a change can affect.
@Suite struct IncrementalTests {
    static let files: [String: String] = [
        "content/angebote/konvoi.md": markdown("title: Konvoi", "## Ablauf\n\nText.\n"),
        "content/angebote/sprechstunde.md": markdown("title: Sprechstunde"),
        "content/team/petra.md": markdown("title: Petra"),
        "content/stimmen/gut.md": markdown("source: Ein Unternehmen\nformat: konvoi", "Gut.\n"),
        "content/blog/a.md": markdown("title: A\ndate: 2022-01-01\nformats: [konvoi]\nauthors: [petra]\ntags: [Eins]",
                                      "Zum [Ablauf](@angebote/konvoi#ablauf).\n\n![](@stimmen/gut)\n"),
        "content/blog/b.md": markdown("title: B\ndate: 2022-02-01\nformats: [sprechstunde]"),
        "content/blog/c.md": markdown("title: C\ndate: 2022-03-01\ntags: [Zwei]"),
        "content/veranstaltungen/e.md": markdown("title: E\nstart: 2022-07-05\nformats: [konvoi]"),
        "content/stimmen/link.md": markdown("source: Jemand", "Danke, [Petra](@team/petra).\n"),
        "content/seiten/impressum.md": markdown("title: Impressum"),
    ]

    static let config = TemporarySite.minimalConfig + "menu:\n  - title: Impressum\n    url: \"@seiten/impressum\"\n"

    func output(_ site: TemporarySite, cache: BuildCache?) throws -> [String: [UInt8]] {
        var options = site.options(writes: false)
        options.now = try #require(BuildOptions.parseNow("2022-06-01T00:00:00+02:00"))
        let report = try SiteBuilder(cache: cache).build(options)
        return Dictionary(uniqueKeysWithValues: report.output.map { ($0.path, $0.bytes) })
    }

    @Test(arguments: [
        ("content/blog/c.md", markdown("title: C neu\ndate: 2022-03-01\ntags: [Zwei]")),
        ("content/blog/c.md", markdown("title: C\ndate: 2022-03-01\nupdated: 2022-05-01\ntags: [Zwei]")),  // the sitemap's lastmod
        ("content/blog/c.md", markdown("title: C\ndate: 2022-03-01\ntags: [Zwei]\naliases: [/alt/c/]")),  // a redirect more
        ("content/blog/b.md", markdown("title: B\ndate: 2022-02-01\nformats: [sprechstunde]", "Nur der Text ist neu.\n")),
        ("content/angebote/konvoi.md", markdown("title: Konvoi", "## Ablauf neu\n\n## Ablauf\n")),
        ("content/stimmen/gut.md", markdown("source: Ein Unternehmen\nformat: konvoi", "Sehr gut.\n")),
        ("content/blog/b.md", markdown("title: B\ndate: 2022-02-01\nformats: [konvoi]\nslug: bee")),
        ("content/veranstaltungen/e.md", markdown("title: E\nstart: 2022-05-05\nformats: [konvoi]")),
        ("content/team/petra.md", markdown("title: Petra\nslug: petra-neu")),
        ("content/seiten/impressum.md", markdown("title: Impressum\nslug: impressum-neu")),
    ])
    func aChangeGivesWhatAFreshBuildGives(path: String, text: String) throws {
        let site = try TemporarySite(Self.files, config: Self.config)
        let cache = BuildCache()
        _ = try output(site, cache: cache)
        try site.write(path, text)
        let incremental = try output(site, cache: cache)
        let fresh = try output(site, cache: nil)
        #expect(incremental.keys.sorted() == fresh.keys.sorted())
        for (file, bytes) in fresh { #expect(incremental[file] == bytes, "\(file) differs") }
        #expect(cache.parsedFiles == 1)
    }

    /// A changed schema reads every file again: what a field means may have changed.
    @Test func aSchemaChangeGivesWhatAFreshBuildGives() throws {
        let site = try TemporarySite(Self.files, config: Self.config)
        let cache = BuildCache()
        _ = try output(site, cache: cache)
        try site.write("layouts/schema.yml", "kinds:\n  format:\n    plural: Formate\n    fields:\n      contact: {type: reference, to: person, many: true, title: Kontakt}\n")
        try site.write("content/angebote/konvoi.md", markdown("title: Konvoi\ncontact: [petra]", "## Ablauf\n\nText.\n"))
        let incremental = try output(site, cache: cache)
        let fresh = try output(site, cache: nil)
        #expect(incremental.keys.sorted() == fresh.keys.sorted())
        for (file, bytes) in fresh { #expect(incremental[file] == bytes, "\(file) differs") }
        #expect(cache.parsedFiles == Self.files.count)
        #expect(String(decoding: incremental["team/petra/index.html"] ?? [], as: UTF8.self).contains("<h2>Formate</h2>"))
    }

    /// Copied files change without any text changing: the next build copies what is there now.
    @Test func aChangedOrNewStaticFileIsCopiedAsItIsNow() throws {
        let site = try TemporarySite(Self.files.merging(["static/datei.txt": "eins"]) { a, _ in a }, config: Self.config)
        let cache = BuildCache()
        _ = try output(site, cache: cache)
        try site.write("static/datei.txt", "zwei")
        try site.write("static/neu.txt", "neu")
        let incremental = try output(site, cache: cache)
        #expect(incremental["datei.txt"] == Array("zwei".utf8))
        #expect(incremental["neu.txt"] == Array("neu".utf8))
    }

    @Test func aBodyChangeRendersOnlyThePagesThatShowIt() throws {
        let site = try TemporarySite(Self.files, config: Self.config)
        let cache = BuildCache()
        _ = try output(site, cache: cache)
        try site.write("content/blog/c.md", markdown("title: C\ndate: 2022-03-01\ntags: [Zwei]", "Neuer Text.\n"))
        _ = try output(site, cache: cache)
        // c's page, the lists and feeds that carry it (blog, tag, home, site and blog feeds,
        // the related pages of posts sharing nothing: none); not the formats, team, events.
        #expect(cache.render.rendered <= 8)
        #expect(cache.render.reused >= 15)
        _ = try output(site, cache: cache)
        #expect(cache.render.rendered == 0)
    }

    /// Files as an editor leaves them: last changed a while ago (file times are coarse, so
    /// files changed just now are read again every time, which would hide what is measured).
    func age(_ site: TemporarySite) throws {
        let old = Date().addingTimeInterval(-3600)
        let files = FileManager.default.enumerator(atPath: site.root.path)!.compactMap { $0 as? String }
        for path in files {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site.root.appendingPathComponent(path).path)
        }
    }

    @Test func aTextEditReadsOneFileAndKeepsTheLinks() throws {
        let site = try TemporarySite(Self.files, config: Self.config)
        try age(site)
        let cache = BuildCache()
        _ = try output(site, cache: cache)
        #expect(!cache.reusedLinks)
        _ = try output(site, cache: cache)
        #expect(cache.sources.readFiles == 0)
        #expect(cache.reusedLinks)
        // New text, the same links: linking is skipped, and only this file is read.
        try site.write("content/blog/a.md", markdown("title: A\ndate: 2022-01-01\nformats: [konvoi]\nauthors: [petra]\ntags: [Eins]",
                                                     "Neu: zum [Ablauf](@angebote/konvoi#ablauf).\n\n![](@stimmen/gut)\n"))
        let kept = try output(site, cache: cache)
        #expect(cache.sources.readFiles == 1)
        #expect(cache.reusedLinks)
        #expect(kept == (try output(site, cache: nil)))
        // A new link, a new heading or new front matter link anew.
        for text in [markdown("title: A\ndate: 2022-01-01\nformats: [konvoi]\nauthors: [petra]\ntags: [Eins]",
                              "Zum [Ablauf](@angebote/konvoi#ablauf) und zu [B](@blog/b).\n\n![](@stimmen/gut)\n"),
                     markdown("title: A\ndate: 2022-01-01\nformats: [konvoi]\nauthors: [petra]\ntags: [Eins]",
                              "## Neu\n\nZum [Ablauf](@angebote/konvoi#ablauf).\n\n![](@stimmen/gut)\n"),
                     markdown("title: A\ndate: 2022-01-01\nformats: [sprechstunde]\nauthors: [petra]\ntags: [Eins]",
                              "Zum [Ablauf](@angebote/konvoi#ablauf).\n\n![](@stimmen/gut)\n")] {
            try site.write("content/blog/a.md", text)
            let relinked = try output(site, cache: cache)
            #expect(!cache.reusedLinks)
            #expect(relinked == (try output(site, cache: nil)))
        }
    }

    /// `serve` updates what it loaded from the paths the watcher saw change, when they are
    /// Markdown files it knows that are still plain files; anything else loads the site anew.
    @Test func savedFilesAreReadAloneAnythingElseLoadsAnew() throws {
        let site = try TemporarySite(Self.files, config: Self.config)
        let loader = SiteLoader(root: site.root)
        let before = try loader.load()
        let path = site.root.appendingPathComponent("content/blog/b.md").path
        try site.write("content/blog/b.md", markdown("title: B neu\ndate: 2022-02-01"))
        let updated = try #require(loader.update(before, changed: [path]))
        #expect(updated.content.map(\.path) == before.content.map(\.path))
        let b = try #require(updated.content.first { $0.path == "content/blog/b.md" })
        #expect(String(decoding: b.bytes, as: UTF8.self).contains("B neu"))
        #expect(updated.content.filter { $0.path != b.path }.map(\.bytes) == before.content.filter { $0.path != b.path }.map(\.bytes))

        try site.write("content/blog/neu.md", markdown("title: Neu"))
        #expect(loader.update(before, changed: [site.root.appendingPathComponent("content/blog/neu.md").path]) == nil)
        #expect(loader.update(before, changed: [site.root.appendingPathComponent("site.yml").path]) == nil)
        #expect(loader.update(before, changed: [site.root.appendingPathComponent("content/blog").path]) == nil)
        try FileManager.default.removeItem(atPath: path)
        #expect(loader.update(before, changed: [path]) == nil)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/hostname")
        #expect(loader.update(before, changed: [path]) == nil)
    }
}
