import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// The default theme's ways to act and reading aids, checked on the repo's own content/ as
/// readers get it.
@Suite(.serialized) struct ThemeContentTests {
    static let output: URL = {
        let output = try! ScratchFolder.path("theme-content")
        _ = try! SiteBuilder().build(BuildOptions(root: TemporarySite.repoRoot, output: output))
        return output
    }()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aContactPersonIsACardWhereOneIsSet() throws {
        let event = try Self.read("veranstaltungen/digitale-degustation-2022/index.html")
        #expect(event.contains("<aside class=\"contact-card\" aria-labelledby=\"kontakt-titel\">\n<h2 id=\"kontakt-titel\">Ansprechperson</h2>"))
        #expect(event.contains("<p class=\"contact-name\"><a href=\"/team/christina-maischak/\">Christina Maischak</a></p>"))
        #expect(event.contains("<p>Telefon: <a href=\"tel:03459639614\">0345 – 96 39 614</a></p>"), "\(event)")
        // A format without a contact of its own has no card (the footer gives the centre's).
        let format = try Self.read("angebote/konvoi-begleitung/index.html")
        #expect(!format.contains("contact-card") && format.contains("<h2 id=\"footer-kontakt\">Kontakt</h2>"))
    }

    @Test func aLongPostHasATableOfContentsAShortPageNone() throws {
        let post = try Self.read("blog/wirkungen-der-angebote/index.html")
        #expect(post.contains("<article class=\"item has-toc\""))
        #expect(post.contains("<nav class=\"toc\" aria-labelledby=\"toc-titel\" data-pagefind-ignore>"))
        let entries = post.components(separatedBy: "<nav class=\"toc\"")[1].components(separatedBy: "</nav>")[0]
        #expect(entries.contains("<li><a href=\"#wirkungen-der-umsetzungsprojekte\">Wirkungen der Umsetzungsprojekte</a></li>"), "\(entries)")
        // Each entry leads to a heading of the page.
        for id in entries.components(separatedBy: "href=\"#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(post.contains("<h2 id=\"\(id)\">"), "#\(id)")
        }
        let format = try Self.read("angebote/konvoi-begleitung/index.html")
        #expect(!format.contains("class=\"toc\"") && !format.contains("has-toc"))
    }

    @Test func theTeamIsInTheOrderOfFamilyNames() throws {
        let team = try Self.read("team/index.html")
        let names = ["Susanne Kaufmann", "Prof. Thomas Leich", "Christina Maischak", "Dr. Stefan Voigt"]
        let positions = names.compactMap { team.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted(), "\(names) in \(team)")
    }

    @Test func testimonialsHaveNoPagesAndStandOnTheirList() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.output.appendingPathComponent("stimmen").path)
        #expect(folders.sorted() == ["index.html", "seite"], "\(folders)")
        let sitemap = try Self.read("sitemap.xml")
        #expect(!sitemap.contains("/stimmen/konvoi-know-how/"))
        let list = try Self.read("stimmen/index.html") + Self.read("stimmen/seite/2/index.html")
        // Fourteen quotes, each under who said it and about which format, at the id links use.
        #expect(list.components(separatedBy: "<h2 class=\"quote-heading\" id=\"stimmen-").count - 1 == 14)
        let format = try Self.read("angebote/konvoi-begleitung/index.html")
        for link in format.components(separatedBy: "href=\"/stimmen/").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            let (page, id) = (link.prefix { $0 != "#" }, link.drop { $0 != "#" }.dropFirst())
            #expect(try Self.read("stimmen/\(page)index.html").contains("id=\"\(id)\""), "/stimmen/\(link)")
        }
    }

    @Test func fourFormatsMakeOneRowOrTwoByTwoNeverThreeAndOne() throws {
        let home = try Self.read("index.html")
        #expect(home.contains("<ul class=\"cards cards-4\">"))
        // The fullest last row three or four columns allow (thirteen cards leave one alone either way).
        for count in 1...13 {
            let columns = ViewModelBuilder.columns(for: count)
            let best = count <= 4 ? count : max(ViewModelBuilder.lastRow(count, 3), ViewModelBuilder.lastRow(count, 4))
            #expect(ViewModelBuilder.lastRow(count, columns) == best, "\(count) cards in \(columns) columns")
        }
        #expect(ViewModelBuilder.columns(for: 5) == 3 && ViewModelBuilder.columns(for: 7) == 4)
        // On a tablet the four are two by two: the stylesheet's half-width rule covers cards-4.
        let css = try Self.read("assets/style.css")
        #expect(css.contains(".cards-2, .cards-4 { grid-template-columns: repeat(2, 1fr); }"))
    }

    @Test func theHomePageNamesTheSiteOnceOnScreenAndStaysLight() throws {
        let home = try Self.read("index.html")
        #expect(home.contains("<h1 class=\"visually-hidden\">Mittelstand 4.0-Kompetenzzentrum Magdeburg „vernetzt wachsen“</h1>"))
        let bytes = try Data(contentsOf: Self.output.appendingPathComponent("index.html")).count
            + Data(contentsOf: Self.output.appendingPathComponent("assets/style.css")).count
        #expect(bytes <= 30 * 1024, "home page HTML and CSS: \(bytes) bytes")
    }

    @Test func printingLeavesOutNavigationListsAndSearch() throws {
        let css = try Self.read("assets/style.css")
        let print = try #require(css.components(separatedBy: "@media print {").last?.components(separatedBy: "\n}\n").first)
        let hidden = print.components(separatedBy: "{ display: none; }")[0]
        for selector in [".site-header nav", ".toc", ".group", ".related", ".context", ".search", ".actions", ".pagination"] {
            #expect(hidden.contains(selector), "\(selector) is printed")
        }
        #expect(print.contains("h1, h2, h3, h4 { break-after: avoid;"))
        #expect(print.contains(".register a::after { content: \" (\" attr(href) \")\";") || print.contains(".register a::after"))
    }
}

/// Registration: a button beside date and place, until the deadline, again at a long page's end.
@Suite struct RegistrationTests {
    static func site(_ frontMatter: String, body: String = "Kurz.\n") throws -> TemporarySite {
        try TemporarySite([
            "content/team/petra.md": markdown("title: Petra Beispiel\nrole: Referentin\nphone: \"0391 123\"\nemail: petra@example.org"),
            "content/veranstaltungen/tag.md": markdown("title: Tag\nstart: 2022-07-05T14:00\nonline: true\nregistration: https://example.org/anmeldung\ncontact: petra\n" + frontMatter, body),
        ])
    }

    func page(_ site: TemporarySite, now: String) throws -> String {
        var options = site.options()
        options.now = try #require(BuildOptions.parseNow(now))
        try SiteBuilder().build(options)
        return try site.read("veranstaltungen/tag/index.html")
    }

    @Test func theButtonShowsTheDeadlineAndGoesAfterIt() throws {
        let site = try Self.site("registration_deadline: 2022-06-30")
        let before = try page(site, now: "2022-06-30T23:00:00+02:00")
        #expect(before.contains("<p class=\"register\"><a class=\"button\" href=\"https://example.org/anmeldung\">Jetzt anmelden</a> <span class=\"meta\">Anmeldung bis 30. Juni 2022</span></p>"), "\(before)")
        #expect(before.contains("<p>E-Mail: <a href=\"mailto:petra@example.org\">petra@example.org</a></p>"))
        // A short page does not repeat it.
        #expect(!before.contains("register-end"))
        let after = try page(site, now: "2022-07-01T00:00:00+02:00")
        #expect(!after.contains("Jetzt anmelden"))
    }

    @Test func aLongPageRepeatsTheButtonAtItsEnd() throws {
        let long = (1...20).map { "Absatz \($0) über Ablauf, Programm und Anfahrt der Veranstaltung in der Festung Mark.\n" }.joined(separator: "\n")
        let site = try Self.site("", body: long)
        let html = try page(site, now: "2022-07-01T00:00:00+02:00")
        #expect(html.components(separatedBy: ">Jetzt anmelden</a>").count - 1 == 2)
        #expect(html.contains("<p class=\"register register-end\"><a class=\"button\" href=\"https://example.org/anmeldung\">Jetzt anmelden</a></p>"))
    }
}
