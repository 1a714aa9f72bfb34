import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Features of the default theme on small sites: embeds, JSON-LD, home page, footer.
@Suite struct ThemeTests {
    static let format = ["content/angebote/konvoi.md": markdown("title: Konvoi")]

    @Test func testimonialsAreEmbeddedAsFigures() throws {
        let site = try TemporarySite(Self.format.merging([
            "content/stimmen/gut.md": markdown("source: Ein Unternehmen\nformat: konvoi", "Sehr *gut*.\n"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05", "Vorher.\n\n![](@stimmen/gut)\n\nNachher.\n"),
        ]) { $1 })
        try site.build()
        let html = try site.read("blog/x/index.html")
        #expect(html.contains("<figure class=\"quote\">\n<blockquote><p>Sehr <em>gut</em>.</p>\n</blockquote>"))
        #expect(html.contains("<figcaption><a href=\"/stimmen/#stimmen-gut\">Ein Unternehmen</a> · zum Angebot <a href=\"/angebote/konvoi/\">Konvoi</a></figcaption>"))
        #expect(!html.contains("@stimmen"))
        // Testimonials have no pages of their own: the list shows each under who said it.
        #expect(!site.exists("stimmen/gut/index.html"))
        #expect(try site.read("stimmen/index.html").contains("<h2 class=\"quote-heading\" id=\"stimmen-gut\">Ein Unternehmen · Konvoi</h2>"))
    }

    @Test func embedErrors() throws {
        let site = try TemporarySite(Self.format.merging([
            "content/stimmen/gut.md": markdown("source: Ein Unternehmen", "Gut.\n"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05", "![](@angebote/konvoi)\n\nText ![](@stimmen/gut) im Satz.\n"),
        ]) { $1 })
        #expect(site.errors() == ["content/blog/x.md:8:6: error: an embed ![](@…) must stand alone in its paragraph"])
        try site.write("content/blog/x.md", markdown("title: X\ndate: 2022-07-05", "![](@angebote/konvoi)\n"))
        #expect(site.errors() == ["content/blog/x.md:6:1: error: only testimonials can be embedded with ![](@stimmen/…); link to a format with [text](@angebote/konvoi)"])
    }

    @Test func jsonLDCannotBeClosedByAValue() throws {
        let payload = "</script><script>alert(1)</script>"
        let site = try TemporarySite([
            "content/team/p.md": markdown("title: \"\(payload)\"\nrole: \"a & b <c>\""),
        ])
        try site.build()
        let html = try site.read("team/p/index.html")
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == payload)
        #expect(object["jobTitle"] as? String == "a & b <c>")
        #expect(object["@type"] as? String == "Person")
        #expect(html.components(separatedBy: "<script").count == 2)  // the JSON-LD element and nothing else
    }

    @Test func structuredDataPerKind() throws {
        let site = try TemporarySite([
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05\nauthors: [p]"),
            "content/team/p.md": markdown("title: Petra"),
            "content/veranstaltungen/e.md": markdown("title: E\nstart: 2022-07-05T14:00\nlocation:\n  name: Festung Mark"),
        ])
        try site.build()
        func data(_ path: String) throws -> [String: Any] {
            let html = try site.read(path)
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        }
        #expect(try data("index.html")["@type"] as? String == "Organization")
        let post = try data("blog/x/index.html")
        #expect(post["@type"] as? String == "BlogPosting")
        #expect(post["datePublished"] as? String == "2022-07-05")
        #expect((post["author"] as? [[String: Any]])?.first?["name"] as? String == "Petra")
        let event = try data("veranstaltungen/e/index.html")
        #expect(event["startDate"] as? String == "2022-07-05T14:00:00+02:00")
        #expect((event["location"] as? [String: Any])?["name"] as? String == "Festung Mark")
        #expect(try data("team/p/index.html")["@type"] as? String == "Person")
    }

    @Test func homeShowsUpcomingEventsOrTheLastOne() throws {
        let site = try TemporarySite([
            "content/veranstaltungen/alt.md": markdown("title: Alte Veranstaltung\nstart: 2022-07-05"),
            "content/veranstaltungen/neu.md": markdown("title: Neue Veranstaltung\nstart: 2022-09-01"),
        ])
        func home(now: String) throws -> String {
            var options = site.options()
            options.now = try #require(BuildOptions.parseNow(now))
            try SiteBuilder().build(options)
            return try site.read("index.html")
        }
        let before = try home(now: "2022-07-01T00:00:00+02:00")
        #expect(before.contains("Nächste Veranstaltungen") && before.contains("Alte Veranstaltung") && before.contains("Neue Veranstaltung"))
        let between = try home(now: "2022-07-05T23:00:00+02:00")  // still the day of the old one
        #expect(between.contains("Alte Veranstaltung"))
        let later = try home(now: "2022-08-01T00:00:00+02:00")
        #expect(!later.contains("Alte Veranstaltung") && later.contains("Neue Veranstaltung"))
        let after = try home(now: "2023-01-01T00:00:00+01:00")
        #expect(after.contains("Zuletzt bei uns") && after.contains("Neue Veranstaltung") && !after.contains("Alte Veranstaltung"))
    }

    @Test func homeTextFooterContactAndFunding() throws {
        let config = TemporarySite.minimalConfig + """
            footer_menu:
              - title: Impressum
                url: "@seiten/impressum"
            contact:
              name: Kompetenzzentrum
              address: |
                Straße 1
                12345 Stadt
              phone: "0345 – 96 39 614"
            funded_by: Bundesministerium
            """
        let site = try TemporarySite([
            "content/index.md": markdown("title: Willkommen\nsummary: Kurz gesagt.", "Mehr dazu [hier](@seiten/impressum).\n"),
            "content/seiten/impressum.md": markdown("title: Impressum"),
        ], config: config)
        try site.build()
        let home = try site.read("index.html")
        #expect(home.contains("<h1>Willkommen</h1>"))
        #expect(home.contains("Kurz gesagt."))
        #expect(home.contains("<a href=\"/impressum/\">hier</a>"))
        #expect(!site.exists("index/index.html"))
        let page = try site.read("impressum/index.html")
        #expect(page.contains("Straße 1<br>"))
        #expect(page.contains("<a href=\"tel:03459639614\">0345 – 96 39 614</a>"))
        #expect(PageText.of(page).contains("Gefördert durch Bundesministerium aufgrund eines Beschlusses des Deutschen Bundestages"))
        #expect(HTMLPage(html: page).links.contains("/impressum/"))
        // The home page links to the Impressum, but is no backlink on it (issue 18).
        #expect(!PageText.of(page).contains("Willkommen"), "the home page is listed as a backlink")
    }
}
