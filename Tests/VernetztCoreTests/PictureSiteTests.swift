import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// Pictures through a whole build: what the pages get, that nothing of a photo's metadata is
/// published anywhere, the cache between builds, and errors at the line that names a picture.
@Suite struct PictureSiteTests {
    static let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\" viewBox=\"0 0 200 60\"><rect width=\"200\" height=\"60\" fill=\"#0a5\"/></svg>"

    static func site() throws -> TemporarySite {
        try TemporarySite([
            "content/blog/foto/index.md": markdown("title: Mit Foto\ndate: 2022-01-01\nimage: titel.jpg\nimage_alt: Eine Halle",
                                                  "Text.\n\n![Ein Blick in die Halle](gedreht.jpg)\n"),
            "content/blog/foto/titel.jpg": TestPictures.jpegMarker,
            "content/blog/foto/gedreht.jpg": TestPictures.jpegMarker,
            "content/blog/ohne.md": markdown("title: Ohne Titelbild\ndate: 2022-01-02", "![Zuerst](/bilder/erstes.jpg)\n\n![Danach](/bilder/erstes.jpg)\n"),
            "static/bilder/erstes.jpg": TestPictures.jpegMarker,
            "content/partner/ovgu/index.md": markdown("title: Universität\nlogo: logo.png"),
            "content/partner/ovgu/logo.png": TestPictures.pngMarker,
            "content/team/petra/index.md": markdown("title: Petra Beispiel\nportrait: petra.jpg"),
            "content/team/petra/petra.jpg": TestPictures.jpegMarker,
            "static/logo.svg": logo,
        ], config: TemporarySite.minimalConfig + "logo: /logo.svg\nfunding_logo: /bilder/erstes.jpg\nfunding_logo_alt: Gefördert durch das Testministerium\n")
    }

    /// The test photo carries a GPS position and the camera's name: no published file does.
    @Test func noPublishedFileCarriesMetadata() throws {
        let site = try Self.site()
        try site.build()
        let files = try TemporarySite.Snapshot(folder: site.output).files()
        #expect(files.keys.contains { $0.hasPrefix("bilder/") && $0.hasSuffix(".webp") })
        for (path, data) in files where !path.hasSuffix(".html") {
            let bytes = [UInt8](data)
            #expect(bytes.firstRange(of: Array("Exif".utf8)) == nil, "EXIF in \(path)")
            #expect(bytes.firstRange(of: Array("Testkamera".utf8)) == nil, "the camera in \(path)")
            #expect(bytes.firstRange(of: Array("GPS".utf8)) == nil, "GPS in \(path)")
        }
        // The originals beside pages are not published; the one in static/ is, cleaned.
        #expect(!site.exists("blog/foto/titel.jpg") && !site.exists("team/petra/petra.jpg"))
        #expect(site.exists("bilder/erstes.jpg"))
        #expect(try PictureCodec.size(of: FileBytes.read(site.output.path + "/bilder/erstes.jpg") ?? []) == (480, 640))
    }

    @Test func pagesGetPictureMarkupWithSizesAndTheFirstPictureFirst() throws {
        let site = try Self.site()
        try site.build()
        let post = HTMLPage(html: try site.read("blog/foto/index.html"))
        let images = post.tags.filter { $0.name == "img" }
        let title = try #require(images.first { $0.attributes["alt"] == "Eine Halle" })
        #expect(title.attributes["fetchpriority"] == "high" && title.attributes["loading"] == nil)
        #expect(title.attributes["width"] == "480" && title.attributes["height"] == "640")
        let body = try #require(images.first { $0.attributes["alt"] == "Ein Blick in die Halle" })
        #expect(body.attributes["loading"] == "lazy" && body.attributes["fetchpriority"] == nil)
        let sources = post.tags.filter { $0.name == "source" }
        #expect(sources.count >= 2 && sources.allSatisfy { $0.attributes["type"] == "image/webp" && $0.attributes["sizes"] != nil })
        // Every size a srcset names exists.
        for source in sources {
            for candidate in source.attributes["srcset"]!.split(separator: ",") {
                let url = candidate.split(separator: " ")[0]
                #expect(url.hasPrefix("/bilder/") && site.exists(String(url.dropFirst())), "\(url)")
            }
        }
        // Without a picture of its own, a page loads its first body picture first.
        let other = HTMLPage(html: try site.read("blog/ohne/index.html")).tags.filter { $0.name == "img" && ["Zuerst", "Danach"].contains($0.attributes["alt"]) }
        #expect(other.map { $0.attributes["fetchpriority"] ?? $0.attributes["loading"] ?? "" } == ["high", "lazy"])
        // Logo, funding logo and favicon on every page; the partner's logo and the portrait.
        let home = HTMLPage(html: try site.read("index.html"))
        #expect(home.tags.contains { $0.name == "img" && $0.attributes["class"] == "site-logo" && $0.attributes["src"] == "/logo.svg" })
        #expect(home.tags.contains { $0.name == "img" && $0.attributes["alt"] == "Gefördert durch das Testministerium" })
        let icons = home.tags.filter { $0.name == "link" && ($0.attributes["rel"] == "icon" || $0.attributes["rel"] == "apple-touch-icon") }
        #expect(icons.count == 3, "\(icons.map(\.attributes))")
        #expect(icons.allSatisfy { site.exists(String($0.attributes["href"]!.dropFirst())) })
        #expect(HTMLPage(html: try site.read("partner/ovgu/index.html")).tags.contains { $0.name == "img" && $0.attributes["alt"] == "Universität" })
        let portrait = HTMLPage(html: try site.read("team/petra/index.html")).tags.first { $0.name == "img" && $0.attributes["alt"] == "Petra Beispiel" }
        #expect(portrait?.attributes["width"] == portrait?.attributes["height"])
    }

    /// A second build makes no picture; a changed photo gets new names; what nothing uses any
    /// more leaves the cache.
    @Test func theCacheSparesUnchangedPicturesAndForgetsOldOnes() throws {
        let site = try Self.site()
        let first = try site.build()
        #expect(first.picturesMade >= 5)
        let cache = site.root.appendingPathComponent(".cache/bilder").path
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: cache)
        let second = try site.build()
        #expect(second.picturesMade == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).sorted() == filesBefore.sorted())
        let page = try site.read("blog/foto/index.html")
        try site.write("content/blog/foto/titel.jpg", bytes: PictureCasesTests.fixture("orientation-1.jpg"))
        let third = try site.build()
        #expect(third.picturesMade == 1)
        #expect(try site.read("blog/foto/index.html") != page)
        try site.remove("content/team/petra/petra.jpg")
        try site.write("content/team/petra/index.md", markdown("title: Petra Beispiel"))
        try site.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).count < filesBefore.count)
    }

    /// Many pictures tell on a terminal how far they are („Bilder 20/20“).
    @Test func manyPicturesReportTheirProgress() throws {
        var files: [String: String] = [:]
        for k in 0..<20 {
            files["content/blog/p\(k)/index.md"] = markdown("title: P\(k)\ndate: 2022-01-01\nimage: bild.png\nimage_alt: Bild")
            files["content/blog/p\(k)/bild.png"] = TestPictures.pngMarker
        }
        let site = try TemporarySite(files)
        let messages = Locked<[String]>([])
        var options = site.options()
        options.progress = { message in messages.withLock { $0.append(message.german) } }
        try SiteBuilder().build(options)
        let counts = messages.withLock { $0 }.filter { $0.hasPrefix("Bilder ") }
        #expect(counts.last == "Bilder 20/20" && counts.contains("Bilder 10/20"), "\(counts)")
    }

    @Test func picturesThatCannotBeUsedAreErrorsAtTheirLines() throws {
        var bomb = TestPictures.jpeg
        let frame = bomb.indices.first { bomb[$0] == 0xFF && bomb[$0 + 1] == 0xC0 }!
        bomb[frame + 5] = 0x4E; bomb[frame + 6] = 0x20; bomb[frame + 7] = 0x4E; bomb[frame + 8] = 0x20
        let site = try TemporarySite([
            "content/blog/a/index.md": markdown("title: A\ndate: 2022-01-01\nimage: kaputt.jpg\nimage_alt: K", "![Plan](plan.pdf)\n"),
            "content/blog/a/kaputt.jpg": "kein JPEG",
            "content/blog/a/plan.pdf": "%PDF",
            "content/blog/b/index.md": markdown("title: B\ndate: 2022-01-01", "Text\n\n![Riesig](riesig.jpg)\n"),
        ])
        try site.write("content/blog/b/riesig.jpg", bytes: bomb)
        #expect(site.errors() == [
            "content/blog/a/index.md:4:8: error: picture 'kaputt.jpg' cannot be used: it is not a picture vernetzt can read (JPEG, PNG, WebP, GIF, TIFF or HEIC), or it is damaged",
            "content/blog/a/index.md:8:1: error: 'plan.pdf' is not a picture: use a JPEG, PNG, WebP, GIF, TIFF, HEIC or SVG file",
            "content/blog/b/index.md:8:1: error: picture 'riesig.jpg' cannot be used: 20000×20000 pixels is more than 100 megapixels",
        ])
        try site.write("site.yml", TemporarySite.minimalConfig + "funding_logo: /foerderung.png\n")
        #expect(site.errors() == [
            "site.yml:3:15: error: funding_logo without alt text: add 'funding_logo_alt' with the notice's words (e.g. „Gefördert durch …“)",
        ])
        try site.write("site.yml", TemporarySite.minimalConfig + "funding_logo: /foerderung.png\nfunding_logo_alt: Gefördert\n")
        #expect(site.errors().contains("site.yml:3:15: error: missing picture '/foerderung.png': there is no such file in static/"))
    }
}

/// Every page can be shared with a picture: its own photo cut to 1200×630, else a card drawn
/// with the site's name, its title and kind — for undated items and the newest dated ones; the
/// rest, lists and the home page show the site's card.
@Suite struct SocialCardTests {
    @Test func everyPageHasAnOpenGraphPictureThatExists() throws {
        let site = try TemporarySite([
            "content/blog/alt.md": markdown("title: Alt\ndate: 2020-01-01"),
            "content/blog/mitte.md": markdown("title: Mitte\ndate: 2021-01-01"),
            "content/blog/neu.md": markdown("title: \"<b>Neu</b> & frisch\"\ndate: 2022-01-01"),
            "content/blog/foto/index.md": markdown("title: Foto\ndate: 2019-01-01\nimage: foto.jpg\nimage_alt: Halle"),
            "content/blog/foto/foto.jpg": TestPictures.jpegMarker,
            "content/angebote/konvoi.md": markdown("title: Konvoi"),
        ], config: TemporarySite.minimalConfig + "feed_size: 2\n")
        try site.build()
        func card(_ page: String) throws -> String {
            let meta = HTMLPage(html: try site.read(page)).tags.first { $0.name == "meta" && $0.attributes["property"] == "og:image" }
            return try #require(meta?.attributes["content"])
        }
        let pages = ["index.html", "blog/index.html", "blog/alt/index.html", "blog/mitte/index.html", "blog/neu/index.html",
                     "blog/foto/index.html", "angebote/konvoi/index.html"]
        var cards: [String: String] = [:]
        for page in pages {
            let url = try card(page)
            #expect(url.hasPrefix("https://example.org/bilder/") && url.hasSuffix("-karte.jpg"), "\(page): \(url)")
            let bytes = FileBytes.read(site.output.path + "/" + url.dropFirst("https://example.org/".count)) ?? []
            let size = try PictureCodec.size(of: bytes)
            #expect(size == (1200, 630) || page == "blog/foto/index.html", "\(page): \(size)")
            cards[page] = url
        }
        // The two newest posts and the format have their own; the oldest post and the list share the site's.
        #expect(Set([cards["blog/neu/index.html"], cards["blog/mitte/index.html"], cards["angebote/konvoi/index.html"],
                     cards["index.html"]]).count == 4)
        #expect(cards["blog/alt/index.html"] == cards["index.html"] && cards["blog/index.html"] == cards["index.html"])
        // The photo's own cut, not a drawn card.
        #expect(cards["blog/foto/index.html"] != cards["index.html"])
        // A second build draws nothing.
        #expect(try site.build().picturesMade == 0)
    }
}
