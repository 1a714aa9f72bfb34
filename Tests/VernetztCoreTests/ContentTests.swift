import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The repo's own site: every quote of the seed on the site, with the right format.
@Suite struct ContentTests {
    /// The seed's sections and the format their quotes belong to (nil: the centre as a whole).
    static let sections: [(heading: String, format: String?)] = [
        ("Wirkungen der Konvoi-Begleitungen", "konvoi-begleitung"),
        ("Wirkungen der Digitalisierungssprechstunden", "digitalisierungssprechstunde"),
        ("Wirkungen der Mini-Projekte", "mini-umsetzungsprojekt"),
        ("Fazit der Arbeit des Kompetenzzentrums", nil),
    ]

    /// The seed's quotes: the lines that open with „, each with the format of its section.
    static func seedQuotes() throws -> [(text: String, format: String?)] {
        let seed = try String(contentsOf: TemporarySite.repoRoot.appendingPathComponent("seeds/wirkungen-der-angebote.txt"),
                              encoding: .utf8)
        var format: String? = "umsetzungsprojekt"
        var quotes: [(String, String?)] = []
        for line in seed.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if let section = sections.first(where: { $0.heading == line }) { format = section.format }
            if line.hasPrefix("„") { quotes.append((line, format)) }
        }
        return quotes
    }

    @Test func everySeedQuoteIsOnTheSiteWithItsFormat() throws {
        let quotes = try Self.seedQuotes()
        #expect(quotes.count == 14)
        let output = try ScratchFolder.path("quotes")
        try SiteBuilder().build(BuildOptions(root: TemporarySite.repoRoot, output: output))
        func text(_ path: String) throws -> String {
            PageText.of(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8))
        }
        let post = try text("blog/wirkungen-der-angebote/index.html")
        // The testimonials list, all its pages.
        var allQuotes = ""
        var page: String? = "stimmen/"
        while let current = page {
            let html = try String(contentsOf: output.appendingPathComponent(current + "index.html"), encoding: .utf8)
            allQuotes += PageText.of(html) + " "
            page = HTMLPage(html: html).tags.first { $0.name == "link" && $0.attributes["rel"] == "next" }?
                .attributes["href"].map { String($0.dropFirst()) }
        }
        for (quote, format) in quotes {
            let wanted = PageText.normalize(quote)
            #expect(post.contains(wanted), "the post lacks \(quote.prefix(40))")
            #expect(allQuotes.contains(wanted), "the testimonials list lacks \(quote.prefix(40))")
            if let format {
                #expect(try text("angebote/\(format)/index.html").contains(wanted), "\(format) lacks \(quote.prefix(40))")
                for other in ["umsetzungsprojekt", "konvoi-begleitung", "digitalisierungssprechstunde", "mini-umsetzungsprojekt"]
                where other != format {
                    #expect(try !text("angebote/\(other)/index.html").contains(wanted), "\(other) shows \(quote.prefix(40))")
                }
            }
        }
    }

    @Test func homePageWeightStaysSmall() throws {
        let output = try ScratchFolder.path("weight")
        try SiteBuilder().build(BuildOptions(root: TemporarySite.repoRoot, output: output))
        let html = try Data(contentsOf: output.appendingPathComponent("index.html")).count
        let css = try Data(contentsOf: output.appendingPathComponent("assets/style.css")).count
        // One HTML file, one stylesheet and the formats' pictograms: no fonts, no scripts.
        let page = HTMLPage(html: try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8))
        let requested = page.tags.filter { ["link", "script", "img", "iframe"].contains($0.name) }
            .compactMap { $0.attributes["src"] ?? ($0.attributes["rel"] == "stylesheet" ? $0.attributes["href"] : nil) }
        #expect(requested.first == "/assets/style.css")
        #expect(requested.dropFirst().allSatisfy { $0.hasPrefix("/piktogramme/") && $0.hasSuffix(".svg") }, "\(requested)")
        let pictures = try requested.dropFirst().map { try Data(contentsOf: output.appendingPathComponent(String($0.dropFirst()))).count }
        #expect(html + css + pictures.reduce(0, +) < 60_000, "home page weighs \(html + css) bytes and its pictures \(pictures)")
    }
}

@Suite struct DigitaleDegustationTests {
    func build(now: String) throws -> (list: String, page: String, home: String) {
        let output = try ScratchFolder.path("dd")
        var options = BuildOptions(root: TemporarySite.repoRoot, output: output)
        options.now = try #require(BuildOptions.parseNow(now))
        try SiteBuilder().build(options)
        func read(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        return (try read("veranstaltungen/index.html"), try read("veranstaltungen/digitale-degustation-2022/index.html"),
                try read("index.html"))
    }

    @Test func upcomingBeforeTheFifthOfJuly2022() throws {
        let before = try build(now: "2022-07-01T00:00:00+02:00")
        let upcoming = try #require(before.list.range(of: "Nächste Veranstaltungen"))
        #expect(before.list[upcoming.upperBound...].contains("Digitale Degustation"))
        #expect(!before.list.contains("Vergangene Veranstaltungen"))
        #expect(!before.page.contains("hat stattgefunden"))
        #expect(before.home.contains("Nächste Veranstaltungen"))
    }

    @Test func pastAfterIt() throws {
        let after = try build(now: "2022-07-06T00:00:00+02:00")
        let past = try #require(after.list.range(of: "Vergangene Veranstaltungen"))
        #expect(after.list[past.upperBound...].contains("Digitale Degustation"))
        #expect(after.list.contains("Zurzeit sind keine Veranstaltungen angekündigt."))
        #expect(after.page.contains("hat stattgefunden"))
        #expect(after.home.contains("Zuletzt bei uns"))
        #expect(after.page.contains("Dienstag, 5. Juli 2022"))
        #expect(after.page.contains("Festung Mark<br>Hohepfortewall 1, Magdeburg"))
    }
}
