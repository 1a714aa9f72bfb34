import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

@Suite struct PaginationTests {
    @Test(arguments: [0, 1, 4, 5, 9, 10, 11])
    func everyItemOnExactlyOnePage(count: Int) {
        let pagination = Pagination(folder: "blog/", pageSize: 5, count: count)
        let shown = (1...pagination.pageCount).flatMap { Array(pagination.range(ofPage: $0)) }
        #expect(shown == Array(0..<count))
        #expect(pagination.pageCount == max(1, Int((Double(count) / 5).rounded(.up))))
    }

    @Test func urlsAndNeighbours() throws {
        let pagination = Pagination(folder: "blog/", pageSize: 2, count: 5)
        #expect(pagination.folder(ofPage: 1) == "blog/")
        #expect(pagination.folder(ofPage: 3) == "blog/seite/3/")
        let middle = try #require(pagination.context(page: 2, basePath: "/"))
        #expect(middle[.prevURL]?.text == "/blog/")
        #expect(middle[.nextURL]?.text == "/blog/seite/3/")
        #expect(Pagination(folder: "blog/", pageSize: 2, count: 2).context(page: 1, basePath: "/") == nil)
    }

    /// First, last, two either side of the current page, and gaps for the rest; a gap of one
    /// page is that page.
    @Test(arguments: [
        (1, 1, [1]), (2, 1, [1, 2]), (7, 1, [1, 2, 3, nil, 7]), (7, 4, [1, 2, 3, 4, 5, 6, 7]),
        (10, 5, [1, 2, 3, 4, 5, 6, 7, nil, 10]), (100, 50, [1, nil, 48, 49, 50, 51, 52, nil, 100]),
        (100, 100, [1, nil, 98, 99, 100]), (100, 97, [1, nil, 95, 96, 97, 98, 99, 100]),
    ] as [(Int, Int, [Int?])])
    func pageLinksAreAWindow(pages: Int, current: Int, expected: [Int?]) throws {
        let pagination = Pagination(folder: "blog/", pageSize: 1, count: pages)
        #expect(pagination.shownPages(around: current) == expected)
        if pages > 1 {
            let context = try #require(pagination.context(page: current, basePath: "/"))
            guard case .list(let entries)? = context[.pages] else { Issue.record("no page list"); return }
            #expect(entries.count == expected.count)
            let currentNumbers = entries.compactMap { entry -> Int? in
                guard case .flag(true)? = entry.object?[.current], case .number(let n)? = entry.object?[.number] else { return nil }
                return n
            }
            #expect(currentNumbers == [current])
        }
    }
}

@Suite struct DiscoveryTests {
    static func posts(_ count: Int, tags: String = "[Wirkung]") -> [String: String] {
        var files: [String: String] = ["content/angebote/konvoi.md": markdown("title: Konvoi")]
        for n in 0..<count {
            files["content/blog/p\(n).md"] = markdown("title: Beitrag \(n)\ndate: 2022-01-\(10 + n)\nformats: [konvoi]\ntags: \(tags)")
        }
        return files
    }

    static let smallPages = TemporarySite.minimalConfig + "page_size: 2\n"

    /// The items a paginated list shows, page after page, following rel="next".
    func listed(_ site: TemporarySite, from folder: String) throws -> [String] {
        var links: [String] = []
        var page: String? = folder
        while let current = page {
            let html = try site.read(current + "index.html")
            let tags = HTMLPage(html: html).tags
            links += tags.filter { $0.name == "a" && ($0.attributes["href"] ?? "").hasPrefix("/blog/p") }.compactMap { $0.attributes["href"] }
            page = tags.first { $0.name == "link" && $0.attributes["rel"] == "next" }?.attributes["href"].map { String($0.dropFirst()) }
        }
        return links
    }

    @Test(arguments: [1, 2, 3])
    func paginatedListsLoseAndRepeatNothing(count: Int) throws {
        let site = try TemporarySite(Self.posts(count), config: Self.smallPages)
        try site.build()
        let expected = (0..<count).reversed().map { "/blog/p\($0)/" }
        #expect(try listed(site, from: "blog/") == expected)
        #expect(try listed(site, from: "schlagwoerter/wirkung/") == expected)
        #expect(site.exists("blog/seite/2/index.html") == (count > 2))
    }

    @Test func busyBacklinkSectionsLinkToTheirFullList() throws {
        let site = try TemporarySite(Self.posts(3), config: Self.smallPages)
        try site.build()
        let format = try site.read("angebote/konvoi/index.html")
        #expect(HTMLPage(html: format).links.filter { $0.hasPrefix("/blog/p") }.count == 2)
        #expect(format.contains("<a href=\"/angebote/konvoi/blog/\">Alle 3 anzeigen</a>"))
        #expect(try listed(site, from: "angebote/konvoi/blog/") == ["/blog/p2/", "/blog/p1/", "/blog/p0/"])
    }

    @Test func tagsHaveAPageEachAndAnIndexInGermanOrder() throws {
        var files = Self.posts(2, tags: "[Übersicht, Zukunft]")
        files["content/blog/x.md"] = markdown("title: X\ndate: 2022-02-01\ntags: [uebersicht, Ärger, Zukunft]")
        let site = try TemporarySite(files)
        try site.build()
        let index = try site.read("schlagwoerter/index.html")
        let order = ["Ärger", "Übersicht", "Zukunft"].map { index.range(of: ">\($0)</a>")!.lowerBound }
        #expect(order == order.sorted())
        #expect(index.contains(">Übersicht</a> <span class=\"count\">(3)</span>"))
        #expect(try listed(site, from: "schlagwoerter/uebersicht/").count == 2)  // x.md links outside /blog/p
        #expect(HTMLPage(html: try site.read("blog/x/index.html")).links.contains("/schlagwoerter/aerger/"))
    }

    @Test func relatedContentSharesTheMostNewestFirst() throws {
        let site = try TemporarySite([
            "content/angebote/a.md": markdown("title: A"), "content/angebote/b.md": markdown("title: B"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-01-01\nformats: [a, b]\ntags: [T]"),
            "content/blog/two.md": markdown("title: Zwei gemeinsam\ndate: 2020-01-01\nformats: [a, b]"),
            "content/blog/old.md": markdown("title: Eins alt\ndate: 2019-01-01\nformats: [a]"),
            "content/blog/new.md": markdown("title: Eins neu\ndate: 2021-01-01\ntags: [T]"),
            "content/praxisbeispiele/c.md": markdown("title: Fall\ndate: 2020-06-01\nformats: [b]"),
            "content/blog/none.md": markdown("title: Nichts\ndate: 2023-01-01"),
        ])
        try site.build()
        let html = try site.read("blog/x/index.html")
        let section = try #require(html.range(of: "Das könnte Sie auch interessieren"))
        let related = HTMLPage(html: String(html[section.upperBound...])).links.prefix(3)
        #expect(Array(related) == ["/blog/two/", "/blog/new/", "/praxisbeispiele/c/"])
        #expect(!html.contains("/blog/none/"))
    }

    @Test func feedsParseAndTheirEntriesExist() throws {
        var files = Self.posts(3)
        files["content/blog/p0.md"] = nil
        files["content/blog/p0/index.md"] = markdown("title: Beitrag 0\ndate: 2022-01-10\nformats: [konvoi]\nauthors: [petra]",
                                                    "Mit [Link](@angebote/konvoi) & <Zeichen> und ![Bild](bild.png).\n")
        files["content/blog/p0/bild.png"] = TestPictures.pngMarker
        files["content/team/petra.md"] = markdown("title: Petra")
        let site = try TemporarySite(files)
        try site.build()
        let script = """
            import sys, os, urllib.parse, feedparser
            root = sys.argv[1]
            for feed in sys.argv[2:]:
                parsed = feedparser.parse(os.path.join(root, feed))
                assert not parsed.bozo, (feed, parsed.bozo_exception)
                for entry in parsed.entries:
                    path = urllib.parse.urlparse(entry.link).path.lstrip('/')
                    assert os.path.isfile(os.path.join(root, path, 'index.html')), entry.link
                print(feed, len(parsed.entries), parsed.feed.title, sep='|')
            entry = feedparser.parse(os.path.join(root, 'blog/feed.xml')).entries[-1]
            print(entry.title, entry.author, entry.content[0].value.count('https://example.org/angebote/konvoi/'), entry.content[0].value.count('src="https://example.org/bilder/'), sep='|')
            """
        let run = try CommandLineRun(python: script, arguments: [site.output.path, "feed.xml", "blog/feed.xml", "angebote/konvoi/feed.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n") == [
            "feed.xml|3|Testseite", "blog/feed.xml|3|Blog – Testseite", "angebote/konvoi/feed.xml|3|Konvoi – Testseite",
            "Beitrag 0|Petra|1|1",
        ])
        let head = HTMLPage(html: try site.read("angebote/konvoi/index.html")).tags.filter { $0.name == "link" && $0.attributes["rel"] == "alternate" }
        #expect(head.compactMap { $0.attributes["href"] } == ["https://example.org/feed.xml", "https://example.org/angebote/konvoi/feed.xml"])
    }

    /// More pages than one sitemap file may list (50,000; 10 here): the pages go into
    /// `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` is their index.
    @Test func aBigSitemapIsSplitWithAnIndex() throws {
        let sources = try SiteLoader(root: TemporarySite.repoRoot).load()
        let config = try SiteConfig.parse(sources.config)
        let parser = DocumentParser(dates: DateParser(timeZone: config.timeZone), allowsRawHTML: config.rawHTML)
        let site = try Linker().link(config, sources.content.compactMap { parser.parse($0).document })
        let pages = site.outputPaths.map { $0 + "index.html" }.sorted()
        #expect(pages.count > 30)
        let whole = Sitemap(site: site).parts(pages: pages, redirects: [])
        #expect(whole.map(\.path) == ["sitemap.xml"])
        let sitemap = Sitemap(site: site, limit: 10)
        let parts = sitemap.parts(pages: pages, redirects: [])
        #expect(parts.map(\.path) == (1...((pages.count + 9) / 10)).map { "sitemap-\($0).xml" })
        func locations(_ file: OutputFile, _ element: String) -> [String] {
            let xml = String(decoding: file.bytes, as: UTF8.self)
            #expect(xml.contains("<\(element) xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
            return xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        let listed = parts.flatMap { part in
            let urls = locations(sitemap.file(part.path, pages: part.pages), "urlset")
            #expect(urls.count <= 10)
            return urls
        }
        #expect(listed == locations(Sitemap(site: site).file("sitemap.xml", pages: whole[0].pages), "urlset"))
        #expect(locations(sitemap.index(of: parts.map(\.path)), "sitemapindex") == parts.map { config.baseURL + $0.path })
    }

    @Test func sitemapRobotsAnd404() throws {
        let site = try TemporarySite(Self.posts(1).merging(["content/seiten/s.md": markdown("title: S\naliases: [/alt/]")]) { $1 })
        try site.build()
        let script = """
            import sys, os, urllib.parse, xml.etree.ElementTree as ET
            ns = '{http://www.sitemaps.org/schemas/sitemap/0.9}'
            root = ET.parse(os.path.join(sys.argv[1], 'sitemap.xml')).getroot()
            assert root.tag == ns + 'urlset', root.tag
            for url in root:
                loc = url.find(ns + 'loc').text
                path = urllib.parse.urlparse(loc).path.lstrip('/')
                assert loc.startswith('https://example.org/'), loc
                assert os.path.isfile(os.path.join(sys.argv[1], path, 'index.html')), loc
                lastmod = url.find(ns + 'lastmod')
                print(path, lastmod.text if lastmod is not None else '-', sep='|')
            """
        let run = try CommandLineRun(python: script, arguments: [site.output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("blog/p0/|2022-01-10"))
        #expect(lines.contains("blog/|2022-01-10"))
        #expect(lines.contains("s/|-"))
        #expect(!lines.contains { $0.hasPrefix("alt/") })
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
        let notFound = try site.read("404.html")
        #expect(HTMLPage(html: notFound).count(of: "h1") == 1)
        #expect(notFound.contains("/assets/style.css"))
        // The redirect points to a page that exists.
        let target = try #require(HTMLPage(html: try site.read("alt/index.html")).links.first)
        #expect(site.exists(String(target.dropFirst("https://example.org/".count)) + "index.html"))
    }

    @Test func openGraphAndTwitterCards() throws {
        let site = try TemporarySite([
            "content/blog/x/index.md": markdown("title: Mit Bild\ndate: 2022-01-01\nimage: bild.jpg\nimage_alt: Eine Halle\nsummary: Kurz."),
            "content/blog/x/bild.jpg": TestPictures.jpegMarker,
        ])
        try site.build()
        let meta = HTMLPage(html: try site.read("blog/x/index.html")).tags.filter { $0.name == "meta" }
        func content(_ key: String) -> String? {
            meta.first { $0.attributes["property"] == key || $0.attributes["name"] == key }?.attributes["content"]
        }
        #expect(content("og:title") == "Mit Bild")
        #expect(content("og:type") == "article")
        #expect(content("og:url") == "https://example.org/blog/x/")
        #expect(content("og:description") == "Kurz.")
        // The page's picture cut to 1200×630 (or smaller, never enlarged), under a name of its content.
        let image = content("og:image") ?? ""
        #expect(image.hasPrefix("https://example.org/bilder/") && image.hasSuffix("-karte.jpg"), "\(image)")
        let card = try PictureCodec.size(of: FileBytes.read(site.output.path + "/bilder/" + image.split(separator: "/").last!) ?? [])
        #expect(abs(Double(card.width) / Double(card.height) - 1200.0 / 630) < 0.02, "\(card)")
        #expect(content("twitter:card") == "summary_large_image")
        #expect(content("twitter:image") == image)
        #expect(content("description") == "Kurz.")
    }

    @Test func searchWithoutPagefindWarnsAndCarriesOn() throws {
        let site = try TemporarySite(Self.posts(1), config: TemporarySite.minimalConfig + "search: true\n")
        var options = site.options()
        options.locateSearch = { nil }
        let report = try SiteBuilder().build(options)
        #expect(report.warnings.map(\.description).contains {
            $0.hasPrefix("site.yml:1:1: warning: search: Pagefind is not installed; install it with 'pip install pagefind-bin'")
        })
        let page = try site.read("suche/index.html")
        #expect(page.contains("Die Suche ist in dieser Fassung der Website nicht verfügbar."))
        #expect(!page.contains("pagefind-ui.js"))
        #expect(!(try site.read("blog/p0/index.html")).contains("data-pagefind-body"))
    }

    /// `--no-search`: no index, no warning, and Pagefind is not even looked for.
    @Test func searchCanBeLeftOutOnPurpose() throws {
        let site = try TemporarySite(Self.posts(1), config: TemporarySite.minimalConfig + "search: true\n")
        var options = site.options()
        options.buildsSearchIndex = false
        options.locateSearch = { Issue.record("Pagefind was looked for"); return nil }
        let report = try SiteBuilder().build(options)
        #expect(report.warnings.isEmpty)
        #expect(!site.exists("pagefind/pagefind-ui.js"))
        #expect(try site.read("suche/index.html").contains("Die Suche ist in dieser Fassung der Website nicht verfügbar."))
    }

    @Test func searchIndexIsBuiltIntoTheOutput() throws {
        let site = try TemporarySite(Self.posts(1), config: TemporarySite.minimalConfig + "search: true\n")
        try site.build()
        #expect(site.exists("pagefind/pagefind-ui.js"))
        #expect(site.exists("pagefind/pagefind-entry.json"))
        let post = try site.read("blog/p0/index.html")
        #expect(post.contains("data-pagefind-body"))
        #expect(post.contains("data-pagefind-filter=\"Angebot:Konvoi\""))
        #expect(try site.read("suche/index.html").contains("/pagefind/pagefind-ui.js"))
    }
}

/// Feeds are read away from the site: every address in an entry's HTML becomes absolute.
@Suite struct AbsoluteLinksTests {
    static func rewrite(_ html: String, pageURL: String, origin: String) -> String {
        String(decoding: AbsoluteLinks.rewrite(Array(html.utf8), pageURL: pageURL, origin: origin), as: UTF8.self)
    }

    @Test func everyKindOfAddressBecomesAbsolute() {
        let page = "https://example.org/blog/x/"
        let html = """
            <p><a href="/angebote/konvoi/">K</a> <a href="#ziel">Z</a> <a href="https://w3.org/">W</a> \
            <a href="mailto:a@b.de">M</a> <img src="bild.png" alt="a href=&quot;x&quot;"> \
            <img srcset="/bilder/a-400.webp 400w, b.webp 800w" src="//cdn.example/c.png"> „Text“ title="href="</p>
            """
        #expect(Self.rewrite(html, pageURL: page, origin: "https://example.org") == """
            <p><a href="https://example.org/angebote/konvoi/">K</a> <a href="https://example.org/blog/x/#ziel">Z</a> \
            <a href="https://w3.org/">W</a> <a href="mailto:a@b.de">M</a> <img src="https://example.org/blog/x/bild.png" alt="a href=&quot;x&quot;"> \
            <img srcset="https://example.org/bilder/a-400.webp 400w, https://example.org/blog/x/b.webp 800w" src="//cdn.example/c.png"> „Text“ title="href="</p>
            """)
        #expect(Self.rewrite("", pageURL: page, origin: "https://example.org") == "")
        #expect(Self.rewrite("<a href=\"/x", pageURL: page, origin: "https://example.org") == "<a href=\"/x")
    }
}
