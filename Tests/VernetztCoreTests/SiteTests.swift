import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Whole builds: the repo's own content/, determinism, assets, redirects, site.yml and layouts.
@Suite struct SiteTests {
    @Test func repoContentLinksEveryReferenceBothWays() throws {
        let root = TemporarySite.repoRoot
        let output = try ScratchFolder.path("content")
        let options = BuildOptions(root: root, output: output)
        let report = try SiteBuilder().build(options)
        #expect(report.warnings.filter(\.isError).isEmpty)

        // The same link stage the build used, to enumerate every reference there is.
        let sources = try SiteLoader(root: root).load()
        let config = try SiteConfig.parse(sources.config)
        let parser = DocumentParser(dates: DateParser(timeZone: config.timeZone), allowsRawHTML: config.rawHTML)
        let site = try Linker().link(config, sources.content.compactMap { parser.parse($0).document })
        #expect(Set(site.documents.map(\.kind)) == Set(Schema.builtIn.kinds))

        // An item without a page of its own (a testimonial) is read on the list page that shows it.
        func page(_ i: Int) throws -> HTMLPage {
            let folder = site.linkPaths[i].prefix { $0 != "#" }
            return HTMLPage(html: try String(contentsOf: output.appendingPathComponent(folder + "index.html"), encoding: .utf8))
        }
        var checked = 0
        for i in site.documents.indices {
            let outgoing = Set(site.references[i].fields.flatMap(\.targets))
                .union(site.documents[i].links.compactMap { link in
                    site.documents.indices.first { site.resolvedLinks[i][link.raw]?.hasPrefix(site.url(of: $0)) == true }
                })
            let links = try page(i).links
            for target in outgoing where target != i {
                #expect(links.contains { $0.hasPrefix(site.url(of: target)) },
                        "\(site.documents[i].path) does not link to \(site.documents[target].path)")
                // Backlinks are listed on an item's own page; one without a page has none.
                if site.documents[target].kind.hasPages {
                    #expect(try page(target).links.contains(site.url(of: i)),
                            "\(site.documents[target].path) does not link back to \(site.documents[i].path)")
                }
                checked += 1
            }
        }
        #expect(checked > 40)

        // Every internal link of every page resolves to a file of the output.
        for i in site.documents.indices {
            for link in try page(i).links where link.hasPrefix("/") {
                let path = String(link.split(separator: "#", maxSplits: 1)[0].dropFirst())
                let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path),
                        "\(site.documents[i].path) links to missing \(link)")
            }
        }
    }

    /// The link stage's plan is the site: every file written was planned once, and every
    /// planned file was written (the sitemap, which lists them all, comes on top).
    @Test func theBuildWritesExactlyWhatTheLinkStagePlanned() throws {
        let site = try TemporarySite([
            "content/blog/a.md": markdown("title: A\ndate: 2022-01-01\ntags: [Eins]\naliases: [/alt/a/]\nformats: [konvoi]"),
            "content/angebote/konvoi.md": markdown("title: Konvoi"),
            "content/veranstaltungen/e.md": markdown("title: E\nstart: 2022-07-05\nformats: [konvoi]"),
            "content/blog/b/index.md": markdown("title: B\ndate: 2022-02-01"),
            "content/blog/b/bild.png": TestPictures.pngMarker,
            "static/robots.txt": "User-agent: *\n",
        ], config: TemporarySite.minimalConfig + "page_size: 1\n")
        let sources = try SiteLoader(root: site.root).load()
        let config = try SiteConfig.parse(sources.config)
        let parser = DocumentParser(dates: DateParser(timeZone: config.timeZone), allowsRawHTML: false)
        let linked = try Linker().link(config, sources.content.compactMap { parser.parse($0).document }, sources: sources)
        let planned = linked.plan.map(\.path)
        #expect(Set(planned).count == planned.count, "a path planned twice")
        let report = try SiteBuilder().build(site.options(writes: false))
        // A picture beside a page is planned (its path is claimed) but only its sizes are written.
        let written = linked.plan.filter { if case .pictureSource = $0.content { false } else { true } }.map(\.path)
        // Besides, the picture stage writes the pages' social cards (into bilder/).
        #expect(Set(report.output.map(\.path).filter { !$0.hasPrefix("bilder/") }) == Set(written + [SitePaths.sitemap]))
        #expect(planned.contains("blog/seite/2/index.html") && planned.contains("angebote/konvoi/feed.xml")
                && planned.contains("alt/a/index.html") && planned.contains("blog/b/bild.png"))
        // The site's own robots.txt is copied in place of the one vernetzt writes.
        let robots = linked.plan.filter { $0.path == "robots.txt" }
        #expect(robots.count == 1)
        if case .asset = robots.first?.content {} else { Issue.record("robots.txt is not the site's own") }
    }

    @Test func twoBuildsGiveTheSameBytes() throws {
        let root = TemporarySite.repoRoot
        let temp = try ScratchFolder.path("det")
        let a = temp.appendingPathComponent("a"), b = temp.appendingPathComponent("b")
        try SiteBuilder().build(BuildOptions(root: root, output: a))
        try SiteBuilder().build(BuildOptions(root: root, output: b))
        let siteA = TemporarySite.Snapshot(folder: a), siteB = TemporarySite.Snapshot(folder: b)
        // Pagefind's own index files are not byte-stable between runs (a known Pagefind
        // limitation); everything vernetzt writes is.
        let filesA = try siteA.files().filter { !$0.key.hasPrefix("pagefind/") }
        let filesB = try siteB.files().filter { !$0.key.hasPrefix("pagefind/") }
        #expect(filesA.count > 40)
        #expect(filesA == filesB)
    }

    @Test func assetsBundlesAndStaticFilesAreCopied() throws {
        let site = try TemporarySite([
            "content/praxisbeispiele/leuchtturm/index.md": markdown("title: L\ndate: 2022-01-01\nformats: [f]", "![Die Halle](halle.jpg)\n"),
            "content/praxisbeispiele/leuchtturm/halle.jpg": TestPictures.jpegMarker,
            "content/angebote/f.md": markdown("title: F"),
            "static/robots.txt": "User-agent: *\n",
        ])
        try site.build()
        #expect(try site.read("robots.txt") == "User-agent: *\n")
        #expect(site.exists("assets/style.css"))
        // The photo goes out in its sizes, not as it is.
        #expect(!site.exists("praxisbeispiele/leuchtturm/halle.jpg"))
        let img = HTMLPage(html: try site.read("praxisbeispiele/leuchtturm/index.html")).tags.first { $0.name == "img" && $0.attributes["alt"] == "Die Halle" }
        #expect(img?.attributes["src"]?.hasPrefix("/bilder/") == true)
        #expect(site.exists(String(img?.attributes["src"]?.dropFirst() ?? "-")))
    }

    @Test func aliasesRedirectToTheirPage() throws {
        let site = try TemporarySite([
            "content/seiten/impressum.md": markdown("title: Impressum\naliases: [/alt/impressum.html, /kontakt/impressum/]"),
        ])
        try site.build()
        for path in ["alt/impressum.html", "kontakt/impressum/index.html"] {
            let html = try site.read(path)
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/impressum/\">"))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/impressum/\">"))
            #expect(HTMLPage(html: html).links == ["https://example.org/impressum/"])
        }
    }

    @Test func siteConfigErrors() throws {
        let missing = try TemporarySite([:], config: "titel: X\n")
        #expect(missing.errors() == [
            "site.yml:1:1: error: missing required key 'title'",
            "site.yml:1:1: error: missing required key 'url'",
            "site.yml:1:1: error: unknown key 'titel' (did you mean 'title'?)",
        ])
        let none = try TemporarySite([:], config: nil)
        #expect(none.errors().first?.hasPrefix("site.yml:1:1: error: missing site.yml") == true)
        let menu = try TemporarySite(["content/seiten/a.md": markdown("title: A")],
                                     config: TemporarySite.minimalConfig + "menu:\n  - title: A\n    url: \"@seiten/kontakt\"\n")
        #expect(menu.errors() == ["site.yml:4:5: error: unknown page 'kontakt'"])
    }

    @Test func menuLinksResolveAndMarkTheCurrentPage() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A")],
                                     config: TemporarySite.minimalConfig + "menu:\n  - title: Seite A\n    url: \"@seiten/a\"\n")
        try site.build()
        #expect(try site.read("a/index.html").contains("<a href=\"/a/\" aria-current=\"page\">Seite A</a>"))
        #expect(try site.read("index.html").contains("<a href=\"/a/\">Seite A</a>"))
    }

    @Test func layoutErrorsNameTheTemplate() throws {
        let broken = try TemporarySite(["content/seiten/a.md": markdown("title: A")])
        try broken.write("layouts/page.mustache", "{{<base}}\n{{$main}}{{#x}}{{/y}}{{/main}}{{/base}}")
        #expect(broken.errors().first?.hasPrefix("layouts/page.mustache:2:") == true)

        let missing = try TemporarySite(["content/seiten/a.md": markdown("title: A")])
        try missing.remove("layouts/page.mustache")
        try missing.remove("layouts/single.mustache")
        #expect(missing.errors() == ["layouts/page.mustache:1:1: error: missing layout: seiten/ items need 'page' or 'single'"])
    }

    @Test func textFromFrontMatterIsEscaped() throws {
        let site = try TemporarySite([
            "content/partner/p.md": markdown("title: \"<script>alert(1)</script> & \\\"Co\\\"\""),
        ])
        try site.build()
        let html = try site.read("partner/p/index.html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
    }
}

extension TemporarySite {
    /// All files below a folder with their bytes.
    struct Snapshot {
        let folder: URL
        func files() throws -> [String: Data] {
            var files: [String: Data] = [:]
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
            for case let url as URL in walker where !url.hasDirectoryPath {
                files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
            }
            return files
        }
    }
}

@Suite struct TemplateContextTests {
    @Test func anItemWithoutSummaryDoesNotShowThePagesSummary() throws {
        let site = try TemporarySite([
            "content/angebote/f.md": markdown("title: F\nsummary: Zusammenfassung des Angebots"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05\nformats: [f]"),
        ])
        try site.build()
        let html = try site.read("angebote/f/index.html")
        let main = try #require(html.range(of: "<main")).lowerBound
        #expect(html[main...].components(separatedBy: "Zusammenfassung des Angebots").count - 1 == 1)  // the lead only
    }
}

@Suite struct DefaultLayoutTests {
    @Test func anEmptySiteBuildsAHomePage() throws {
        let site = try TemporarySite([:])
        let report = try site.build()
        #expect(report.documents == 0)
        let home = HTMLPage(html: try site.read("index.html"))
        #expect(home.count(of: "h1") == 1)
        #expect(site.exists("assets/style.css"))
        #expect(!site.exists("blog/index.html"))
    }

    @Test func oneItemOfEachKindWithEveryOptionalKeyEmpty() throws {
        var files: [String: String] = [:]
        for kind in Schema.builtIn.kinds {
            let required: String
            switch kind.name {
            case "post": required = "title: Eins\ndate: 2022-07-05"
            case "casestudy": required = "title: Eins\ndate: 2022-07-05\nformats: [eins]"
            case "event": required = "title: Eins\nstart: 2022-07-05"
            case "testimonial": required = "source: Jemand"
            default: required = "title: Eins"
            }
            files["content/\(kind.folder)/eins.md"] = markdown(required, "")
        }
        let site = try TemporarySite(files)
        try site.build()
        for kind in Schema.builtIn.kinds {
            guard kind.hasPages else {
                // Shown on its list under who said it, at the address links lead to.
                #expect(try site.read("\(kind.urlPrefix)index.html").contains("id=\"\(kind.folder)-eins\""), "\(kind)")
                #expect(!site.exists("\(kind.urlPrefix)eins/index.html"))
                continue
            }
            let page = HTMLPage(html: try site.read("\(kind.urlPrefix)eins/index.html"))
            #expect(page.count(of: "h1") == 1, "\(kind)")
            #expect(page.count(of: "main") == 1, "\(kind)")
            if kind.hasListPage {
                #expect(HTMLPage(html: try site.read("\(kind.urlPrefix)index.html")).links.contains("/\(kind.urlPrefix)eins/"))
            }
        }
    }
}
